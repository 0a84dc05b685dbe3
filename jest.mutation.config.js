// The test run StrykerJS uses for each mutant (npm run mutation; stryker.config.json). No global setup:
// the estate is synthesized inside the test process (helpers.synthDir), where the mutant is active.
// Left out: the files that run Terraform, git or whole processes; they exercise none of the mutated
// files' logic that the in-process tests do not, and cost seconds per mutant.
// One project, not jest.config.js's two: the global options and what the projects share (transforms,
// roots, ignore patterns), without a project's global setup or teardown.
const { projects, ...base } = require("./jest.config.js");
const { displayName, testMatch, testPathIgnorePatterns, globalSetup, globalTeardown, ...shared } = projects[0];

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  ...shared,
  testMatch: ["**/*.test.ts"],
  testSequencer: undefined,
  maxWorkers: 1,
  setupFiles: ["<rootDir>/__tests__/mutation-setup.js"],
  testPathIgnorePatterns: [
    "/node_modules/",
    "/__tests__/rehearsal/rehearsal.test.ts",
    "/__tests__/stacks/terraform-validate.test.ts",
    "/__tests__/commands/synth-process.test.ts",
    "/__tests__/offline/standin.test.ts",
    "/__tests__/constructs/bindings.test.ts",
    "/__tests__/bin/fast-path.test.ts",
    "/__tests__/ci/pipeline.test.ts",
    "/__tests__/commands/diff-command.test.ts",
  ],
};
