// swc strips types without checking them (fast); `npm test` runs `tsc --noEmit` first for the checking.
//
// Two projects. `unit`: the test files that run no Terraform and start no process (no child process,
// no bin/run.js, no git, no stand-in server): `npm run test:unit`, seconds, for the edit-test loop.
// `offline`: every other test file (Terraform through the stand-in, whole commands, git repositories).
// `npm test` runs both, with `tsc --noEmit`; CI and the README call `npm test`. The script is
// `jest --selectProjects unit --cache`: --cache (jest's default anyway) ends --selectProjects' list of
// names, which would otherwise take `npm run test:unit -- <file>`'s file for a project's name.
//
// A test file is in `unit` only when it is listed here; a new file is `offline` until someone reads
// it and moves it: wrongly `offline` costs speed, wrongly `unit` would start processes in the fast loop.
// The everyday-change replays (changes/changes) start no process but synthesize the estate a dozen
// times (3.5 s of the unit run's 15 s CPU): they run with `npm test`, keeping `test:unit` inside its
// 10 s on this 2-core machine.
const UNIT = [
  "bin/bundle-stubs",
  "bin/fast-path",
  "bin/load-failures",
  "checks/*",
  "ci/iam-policies",
  "config/*",
  "constructs/*",
  "docs/docs",
  "helpers",
  "offline/pr-comment",
  "offline/snapshot-allow-list",
  "offline/standin",
  "offline/standin-aws",
  "offline/standin-cf",
  "offline/standin-semantics",
  "plan/binding-params",
  "plan/drift-bindings",
  "plan/drift-names",
  "plan/plan-guard-bypasses",
  "plan/plan-guard-rules",
  "plan/stack-check",
  "projects",
  "review/autoscaler",
  "review/diff",
  "review/diff-rules",
  "review/history",
  "review/report",
  "review/wiring",
  "stacks/addresses",
  "stacks/estate",
  "stacks/picture*",
  "stacks/synth",
];
/** A name above as testMatch takes it (a glob), and as testPathIgnorePatterns takes it (a regular expression). */
const glob = (name) => `<rootDir>/__tests__/${name}.test.ts`;
const regex = (name) => `^<rootDir>/__tests__/${name.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}\\.test\\.ts$`;

/** What both projects share: how a file is found, transformed and run. */
const project = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  // The run's own temporary directory, for both; removed, and checked for leftovers, once at the end.
  globalTeardown: "<rootDir>/__tests__/global-teardown.ts",
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } } }],
    // secretlint ships ES modules only. Node itself require()s them on both tested lines (20.19+, 24), but
    // jest's module system does not: jest 30 loads ES modules natively only on Node >= 24.9 and only
    // under --experimental-vm-modules. So swc compiles them, on every Node line: one rule, no flag.
    "^.+/node_modules/@secretlint/.+\\.js$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
    // The bundle's stub for cdktf's token creation stacks, here too (__tests__/bundle-stub-transform.js).
    "/node_modules/(cdktf|cdktn)/lib/tokens/private/stack-trace\\.js$": "<rootDir>/__tests__/bundle-stub-transform.js",
  },
  transformIgnorePatterns: ["/node_modules/(?!@secretlint/|(cdktf|cdktn)/lib/tokens/private/stack-trace\\.js$)"],
  modulePathIgnorePatterns: ["<rootDir>/cdktf.out", "<rootDir>/.build"],
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest uses cores - 1 workers by default: one on this 2-core machine.
  maxWorkers: 2,
  // No test fails for being slow: a loaded shared machine can take minutes over a rehearsal. A hung
  // test is stopped by the pipeline step's timeout (ci/pipeline.yml) or a person's Ctrl-C, not by
  // jest; 24 hours is "never" that still fits setTimeout (a limit above 2^31 ms would fire at once). Jest 30 reads
  // testTimeout from the global config only (jest-circus), so it is set here, once, for both projects.
  testTimeout: 24 * 60 * 60 * 1000,
  // Both projects: one order for the whole run (__tests__/sequencer.js), one report.
  testSequencer: "<rootDir>/__tests__/sequencer.js",
  // Names any test file that could not load, loudly, at the end of the run (__tests__/load-failures-reporter.js).
  reporters: ["default", "<rootDir>/__tests__/load-failures-reporter.js"],
  projects: [
    {
      ...project,
      displayName: "unit",
      testMatch: UNIT.map(glob),
      // Synthesizes the estate once (the test files read it): no Terraform is started for this project.
      globalSetup: "<rootDir>/__tests__/global-setup-synth.ts",
    },
    {
      ...project,
      displayName: "offline",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", ...UNIT.map(regex)],
      // The same synthesis (done once when both projects run), then the real-Terraform validation in the background.
      globalSetup: "<rootDir>/__tests__/global-setup.ts",
    },
  ],
};
