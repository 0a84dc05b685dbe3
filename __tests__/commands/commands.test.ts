import * as path from "path";
import { setupOnce } from "../helpers";
import { runProcess } from "../../offline/harness";

// Every entry point a person runs, with --help, an unknown flag and (where it needs arguments) none:
// help exits 0, a wrong call exits 2 with exactly one line naming the command and the problem.
const ROOT = path.join(__dirname, "..", "..");
const ts = (entry: string) => [path.join(ROOT, "bin", "run.js"), entry];
const js = (file: string) => [path.join(ROOT, file)];

/** name as printed, how to start it, and whether it needs arguments (then it is also run with none). */
const COMMANDS: readonly [string, string[], boolean][] = [
  ["synth", ts("main.ts"), false],
  ["report", ts("commands/report.ts"), false],
  ["manifest", ts("commands/manifest.ts"), true],
  ["plan-guard", ts("commands/plan-guard.ts"), true],
  ["diff", ts("commands/diff.ts"), true],
  ["pr-plan", ts("commands/pr-plan.ts"), true],
  ["pr-comment", ts("commands/pr-comment.ts"), true],
  ["stack-check", ts("commands/stack-check.ts"), true],
  ["snapshot-export", ts("commands/snapshot-export.ts"), true],
  ["drift", ts("commands/drift.ts"), true],
  ["rehearse", ts("commands/rehearse.ts"), true],
  ["standin", ts("commands/standin.ts"), true],
  ["conformance", ts("commands/conformance.ts"), true],
  ["history", ts("commands/history.ts"), false],
  ["plan-fixtures", ts("commands/plan-fixtures.ts"), false],
  ["bench", js("bench/bench.js"), false],
  ["generate:bindings", js("scripts/generate-bindings.js"), false],
  ["extract-aws-schema", js("scripts/extract-aws-schema.js"), true],
];

const REQUIRED_OPTIONS: Readonly<Record<string, string[]>> = {
  diff: ["--base", "HEAD"],
  "pr-plan": ["--snapshot", "s.json"],
  conformance: ["--target", "standin"],
  "pr-comment": ["--commit", "0", "--out", "c.md"],
  "snapshot-export": ["--state", "s.json", "--out", "s.json"],
};

/** One command as a whole process (async, so two can run at once). */
const runCommand = (args: string[]) => runProcess(process.execPath, args, { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: "" } });

type Result = Awaited<ReturnType<typeof runCommand>>;
const results = new Map<string, { help: Result; unknown: Result; bare?: Result }>();
setupOnce(async () => {
  // Two at a time: each is a whole process.
  const queue = COMMANDS.map(([name, start, needsArgs]) => async () => {
    const help = await runCommand([...start, "--help"]);
    // Required options, which commander checks first.
    const unknown = await runCommand([...start, ...(REQUIRED_OPTIONS[name] ?? []), "--no-such-flag"]);
    const bare = needsArgs ? await runCommand(start) : undefined;
    results.set(name, { help, unknown, bare });
  });
  const workers = [0, 1].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  });
  await Promise.all(workers);
});

describe.each(COMMANDS.map(([name, , needsArgs]) => [name, needsArgs] as const))("%s", (name, needsArgs) => {
  test("--help prints its usage and exits 0", () => {
    const { help } = results.get(name)!;
    expect([help.code, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toMatch(new RegExp(`^Usage: ${name.replace(":", "\\:")} `));
  });

  test("an unknown flag is refused: exit 2, one line", () => {
    const { unknown } = results.get(name)!;
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([2, "", `${name}: unknown option '--no-such-flag' (see --help)\n`]);
  });

  // Commands that need nothing are not run bare here: that is real work (a synth, the benchmark).
  if (needsArgs) {
    test("no arguments: exit 2, one line naming what is missing", () => {
      const { bare } = results.get(name)!;
      expect(bare!.code).toBe(2);
      expect(bare!.stderr).toMatch(new RegExp(`^${name}: (missing required argument|required option)[^\\n]*\\n$`));
    });
  }
});
