import { precondition } from "../helpers";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LoadFailuresReporter = require("../load-failures-reporter.js");

// A fact of config a test relies on (a service bound to the API alone) can disappear: a suite that
// looked it up at load time would fail to load and its tests would vanish from the count. So a missing
// fact fails the one test that needs it, and a file that cannot load is named at the end of the run,
// which fails.
test("a missing precondition fails inside the test, saying what config lost and what to rehearse instead", () => {
  expect(precondition("a service bound to notify-api", "notify-db", "unbind another app's service")).toBe("notify-db");
  expect(() => precondition("a service bound to notify-api", undefined, "unbind another app's service")).toThrow(
    "precondition failed: config no longer has a service bound to notify-api; unbind another app's service",
  );
});

test("the reporter names a test file that did not load and fails the run; a run where every file loaded is left alone", () => {
  const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const unloaded = { testFilePath: `${process.cwd()}/__tests__/rehearsal/rehearsal.test.ts`, testExecError: { message: "no service is bound to the API alone" }, numFailingTests: 0, numPassingTests: 0 };
    const loaded = { testFilePath: `${process.cwd()}/__tests__/stacks/estate.test.ts`, numFailingTests: 0, numPassingTests: 40 };
    const results = { success: true, numRuntimeErrorTestSuites: 0, testResults: [loaded, unloaded] };
    new LoadFailuresReporter().onRunComplete(new Set(), results);
    expect(results.success).toBe(false);
    expect(String(write.mock.calls[0][0])).toContain("1 TEST FILE DID NOT LOAD: none of its tests ran or counted.\n  __tests__/rehearsal/rehearsal.test.ts: no service is bound to the API alone\n");
    const fine = { success: true, numRuntimeErrorTestSuites: 0, testResults: [loaded] };
    new LoadFailuresReporter().onRunComplete(new Set(), fine);
    expect(fine.success).toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
  } finally {
    write.mockRestore();
  }
});
