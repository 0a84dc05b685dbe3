// swc strips types without checking them (fast); `npm test` runs `tsc --noEmit` first for the checking.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Jest uses cores - 1 workers by default: one on this 2-core machine.
  maxWorkers: 2,
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  testSequencer: "<rootDir>/__tests__/sequencer.js",
  // Names any test file that could not load, loudly, at the end of the run (__tests__/load-failures-reporter.js).
  reporters: ["default", "<rootDir>/__tests__/load-failures-reporter.js"],
  globalSetup: "<rootDir>/__tests__/global-setup.ts",
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
