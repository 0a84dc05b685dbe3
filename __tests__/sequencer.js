// Starts the slowest test files first so that the two workers finish together. Jest orders by the
// durations of earlier runs, which a fresh CI machine does not have, and otherwise by file size, which
// puts these small but slow files last, on the critical path.
//
// One order for both projects (jest.config.js): when both run (npm test), the offline project's files
// go first, as they hold the longest ones (a rehearsal alone is a third of the run), and the unit
// project's many short files fill the workers at the end; `npm run test:unit` runs its own list first.
// Within a project, the files listed here first, in this order, then the rest in jest's own order.
const fs = require("fs");
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

/** By path under __tests__/, slowest first (from jest's recorded durations on the 2-core machine). */
const SLOW_FIRST = {
  offline: [
    "rehearsal/rehearsal.test.ts",
    "rehearsal/rehearse-change.test.ts",
    "offline/pr-plan.test.ts",
    "commands/diff-command.test.ts",
    "commands/misuse.test.ts",
    "commands/commands.test.ts",
    "commands/synth-process.test.ts",
    "offline/standin-cli.test.ts",
    "rehearsal/conformance-cli.test.ts",
    "plan/plan-environment.test.ts",
    "bin/cdk-terrain.test.ts",
  ],
  unit: ["changes/changes.test.ts", "bin/fast-path.test.ts", "constructs/bindings.test.ts", "checks/env-binding-order.test.ts"],
};
const PROJECTS = Object.keys(SLOW_FIRST);

class SlowFirst extends Sequencer {
  sort(tests) {
    const rank = (t) => {
      const project = PROJECTS.indexOf(t.context.config.displayName?.name);
      const list = SLOW_FIRST[PROJECTS[project]] ?? [];
      const i = list.findIndex((name) => t.path.endsWith(`/__tests__/${name}`));
      return [project === -1 ? PROJECTS.length : project, i === -1 ? list.length : i];
    };
    const ranked = new Map(tests.map((t) => [t, rank(t)]));
    this.warnOfMissing(tests);
    return [...super.sort(tests)].sort((a, b) => {
      const [pa, ia] = ranked.get(a);
      const [pb, ib] = ranked.get(b);
      return pa - pb || ia - ib;
    });
  }

  /** A file renamed or moved drops out of the list silently and runs last: say so. */
  warnOfMissing(tests) {
    const roots = new Set(tests.map((t) => path.join(t.context.config.rootDir, "__tests__")));
    for (const root of roots) {
      const missing = Object.values(SLOW_FIRST)
        .flat()
        .filter((name) => !fs.existsSync(path.join(root, name)));
      if (missing.length) process.stderr.write(`__tests__/sequencer.js: no such test file: ${missing.join(", ")} (renamed or moved? update SLOW_FIRST)\n`);
    }
  }
}

module.exports = SlowFirst;
