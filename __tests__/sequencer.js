// Starts the slowest test files first so that the two workers finish together. Jest orders by the
// durations of earlier runs, which a fresh CI machine does not have, and otherwise by file size, which
// puts these small but slow files last, on the critical path.
const Sequencer = require("@jest/test-sequencer").default;

const SLOW_FIRST = ["rehearsal.test.ts", "rehearse-change.test.ts", "pr-plan.test.ts", "diff-command.test.ts", "misuse.test.ts", "commands.test.ts", "synth-process.test.ts", "standin.test.ts", "changes.test.ts", "fast-path.test.ts", "cdk-terrain.test.ts", "bindings.test.ts"];

class SlowFirst extends Sequencer {
  sort(tests) {
    const rank = (t) => {
      const i = SLOW_FIRST.findIndex((name) => t.path.endsWith(`/${name}`));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirst;
