import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadEstate } from "../checks";
import { buildApp } from "../stacks/build";
import { skipReason, startValidation } from "./stacks/terraform-validate-start";

// Synthesizes the estate once for the whole test run, as main.ts does (App.synth runs the construct
// validations), and hands the directory to the test files, which read the files instead of each
// synthesizing again. Then starts the real-Terraform validation in the background.
export default async function globalSetup(): Promise<void> {
  // A temporary directory of this run's own, for everything the tests and the processes they start
  // make there (os.tmpdir() reads TMPDIR), so that the teardown can see what a test left behind.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-run-"));
  process.env.TMPDIR = tmp;
  process.env.NOTIFY_TEST_TMPDIR = tmp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-synth-"));
  try {
    buildApp(dir, (await loadEstate()).environments).synth();
  } catch (err) {
    // Jest does not run the teardown when the setup fails: do not leave the directory behind.
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  process.env.NOTIFY_TEST_SYNTH_DIR = dir;
  if (!skipReason()) {
    const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-tf-validate-"));
    const pid = startValidation(dir, workdir, process.env.NOTIFY_TF_PROVIDER_MIRROR!);
    if (pid) process.env.NOTIFY_TEST_TF_VALIDATE_PID = String(pid);
    process.env.NOTIFY_TEST_TF_VALIDATE_DIR = workdir;
  }
}
