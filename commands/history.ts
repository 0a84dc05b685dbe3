import { resolveEstate } from "../config";
import { STATEFUL_HISTORY } from "../config/stateful-history";
import { buildApp } from "../stacks/build";
import { cli, removeWorkDirectory, runProgram, workDirectory } from "./cli";
import { mergeHistory, writeHistory } from "../review/history";
import { readStacks } from "../review/git-ref";

// npm run history: adds every stateful address the estate now declares to config/stateful-history.ts
// (`npx jest -u` does the same). A test fails when a declared address is missing.
const program = cli("history", "Record every stateful address the estate declares in config/stateful-history.ts (never removes one)").action(() => {
  const out = workDirectory("history");
  try {
    buildApp(out, resolveEstate()).synth();
    const { merged, added } = mergeHistory(STATEFUL_HISTORY, readStacks(out));
    writeHistory(process.cwd(), merged);
    process.stdout.write(`config/stateful-history.ts: ${added.length} address${added.length === 1 ? "" : "es"} added\n`);
  } finally {
    removeWorkDirectory(out);
  }
});
void runProgram(program);
