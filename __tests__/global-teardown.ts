import * as fs from "fs";

// Removes what the global setup made, then the run's own temporary directory (global-setup-synth.ts
// points TMPDIR at it), and fails the run if a test left anything else there: no test may leave a
// directory behind (Testing.app() alone would leave an empty cdktf.outdir.* directory per app in the temp directory).
export default function globalTeardown(): void {
  // The background Terraform run (global-setup.ts) is done when its tests waited for it; a run of some
  // test files only may end first: stop its process group before removing its directory.
  const pid = Number(process.env.NOTIFY_TEST_TF_VALIDATE_PID);
  if (pid > 0) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  for (const dir of [process.env.NOTIFY_TEST_SYNTH_DIR, process.env.NOTIFY_TEST_TF_VALIDATE_DIR]) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
  const tmp = process.env.NOTIFY_TEST_TMPDIR;
  if (!tmp) return;
  const left = fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
  fs.rmSync(tmp, { recursive: true, force: true });
  if (left.length) throw new Error(`tests left ${left.length} file(s) in the temporary directory, e.g. ${left.slice(0, 5).join(", ")}: remove what a test creates (afterAll)`);
}
