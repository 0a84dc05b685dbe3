// Mutation runs of the guardrails (stryker.checks.json): the checks' own tests, on fixture estates, the
// capacity arithmetic, the stack check (on a fixture stack), and the snapshot export's allow-list and the
// drift log's wording (run with --mutate offline/export-*.ts,plan/drift.ts); none synthesizes a stack, so
// each mutant's run takes a second. The plan guard's tests too (run with --mutate plan/plan-guard.ts,
// plan/guard-data.ts,plan/guard-identity.ts) (plan-guard.test.ts starts the command, which
// the sandbox's instrumented sources do not build, so it is left out).
const mutation = require("./jest.mutation.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...mutation,
  testPathIgnorePatterns: [],
  testMatch: [
    "<rootDir>/__tests__/checks/**/*.test.ts",
    "<rootDir>/__tests__/config/capacity.test.ts",
    "<rootDir>/__tests__/config/config-validation.test.ts",
    // The stack check, on a fixture stack: what no Terraform may read.
    "<rootDir>/__tests__/plan/stack-check.test.ts",
    // The snapshot export's allow-list and backstop, and the drift log: guards on what leaves the drift job.
    "<rootDir>/__tests__/offline/snapshot-allow-list.test.ts",
    "<rootDir>/__tests__/plan/drift-names.test.ts",
    "<rootDir>/__tests__/plan/drift-bindings.test.ts",
    // The plan guard, on fixture estates and hand-written plans.
    "<rootDir>/__tests__/plan/plan-guard-rules.test.ts",
    "<rootDir>/__tests__/plan/plan-guard-bypasses.test.ts",
  ],
};
