import { resolveEstate } from "../config";
import { STATEFUL_HISTORY } from "../config/stateful-history";
import { buildApp } from "../stacks/build";
import { cli, removeWorkDirectory, runProgram, workDirectory } from "./cli";
import { mergeHistory, writeHistory } from "../review/history";
import { readStacks, synthesizeRef } from "../review/git-ref";

// npm run history: adds every stateful address the estate now declares to config/stateful-history.ts
// (`npx jest -u` does the same). A test fails when a declared address is missing. With --from <ref>,
// also every address that commit declared: an app or queue added and removed again between two runs
// of history (never recorded) is repaired from the commit that had it, so that its retirement is
// known to the synth and the guard.
const program = cli("history", "Record every stateful address the estate declares in config/stateful-history.ts (never removes one)")
  .option("--from <ref>", "also record the addresses a git ref (a commit that still declared them) declares")
  .action(({ from }: { from?: string }) => {
    const out = workDirectory("history");
    try {
      const earlier = from === undefined ? {} : synthesizeRef(process.cwd(), from, out, process.env).stacks;
      const fromRef = mergeHistory(STATEFUL_HISTORY, earlier);
      buildApp(`${out}/head`, resolveEstate()).synth();
      const { merged, added } = mergeHistory(fromRef.merged, readStacks(`${out}/head`));
      writeHistory(process.cwd(), merged);
      const all = [...fromRef.added, ...added];
      process.stdout.write(`config/stateful-history.ts: ${all.length} address${all.length === 1 ? "" : "es"} added${from === undefined ? "" : ` (${fromRef.added.length} from ${from})`}\n`);
      for (const a of all) process.stdout.write(`  + ${a}\n`);
    } finally {
      removeWorkDirectory(out);
    }
  });
void runProgram(program);
