// Mutation runs of the guardrails (stryker.checks.json): the checks' own tests, on fixture estates, and
// the capacity arithmetic; none synthesizes a stack, so each mutant's run takes a second.
const mutation = require("./jest.mutation.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...mutation,
  testPathIgnorePatterns: [],
  testMatch: ["<rootDir>/__tests__/checks/**/*.test.ts", "<rootDir>/__tests__/config/capacity.test.ts", "<rootDir>/__tests__/config/config-validation.test.ts"],
};
