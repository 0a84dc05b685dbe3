import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import globalSetupSynth from "./global-setup-synth";
import { skipReason, startValidation } from "./stacks/terraform-validate-start";

// The `offline` project's global setup (jest.config.js): the estate synthesized once for the run
// (global-setup-synth.ts, shared with the `unit` project), then the real-Terraform validation started
// in the background on it, which terraform-validate.test.ts waits for.
export default async function globalSetup(): Promise<void> {
  await globalSetupSynth();
  if (process.env.NOTIFY_TEST_TF_VALIDATE_DIR || skipReason()) return;
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-tf-validate-"));
  const pid = startValidation(process.env.NOTIFY_TEST_SYNTH_DIR!, workdir, process.env.NOTIFY_TF_PROVIDER_MIRROR!);
  if (pid) process.env.NOTIFY_TEST_TF_VALIDATE_PID = String(pid);
  process.env.NOTIFY_TEST_TF_VALIDATE_DIR = workdir;
}
