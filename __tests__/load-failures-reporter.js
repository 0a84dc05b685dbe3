// A test file that cannot load (a lookup at its top level throws, an import fails) runs none of its
// tests, and Jest's "Tests:" line then counts only the tests that ran: the run looks nearly green while
// whole suites (the real-Terraform rehearsals once) have vanished. This reporter names each such file,
// its error and what to do, last, where the eye lands, and fails the run even when nothing else failed.
class LoadFailuresReporter {
  onRunComplete(_contexts, results) {
    const unloaded = results.testResults.filter((r) => r.testExecError || (r.failureMessage && r.numFailingTests === 0 && r.numPassingTests === 0));
    if (!unloaded.length) return;
    const lines = unloaded.map((r) => {
      const message = (r.testExecError?.message ?? r.failureMessage ?? "").split("\n").find((l) => l.trim()) ?? "";
      return `  ${r.testFilePath.replace(`${process.cwd()}/`, "")}: ${message.trim()}`;
    });
    process.stderr.write(
      `\n${unloaded.length} TEST FILE${unloaded.length === 1 ? "" : "S"} DID NOT LOAD: none of ${unloaded.length === 1 ? "its" : "their"} tests ran or counted.\n${lines.join("\n")}\n` +
        "A fact a suite needs from today's estate belongs inside the test that needs it (helpers.precondition), so that only that test fails.\n",
    );
    results.success = false;
    results.numRuntimeErrorTestSuites = Math.max(results.numRuntimeErrorTestSuites, unloaded.length);
  }
}
module.exports = LoadFailuresReporter;
