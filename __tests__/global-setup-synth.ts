import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadEstate } from "../checks";
import { buildApp } from "../stacks/build";

// Synthesizes the estate once for the whole test run, as main.ts does (App.synth runs the construct
// validations), and hands the directory to the test files, which read the files instead of each
// synthesizing again; every check of the estate (the secret scan included) runs here, once. The
// `unit` project's global setup (jest.config.js); the `offline` project's (global-setup.ts) calls it
// too. When both projects run, jest runs each setup once, one after the other in this process: the
// second finds the directory made and does nothing again.
export default async function globalSetupSynth(): Promise<void> {
  if (process.env.NOTIFY_TEST_SYNTH_DIR) return;
  // A temporary directory of this run's own, for everything the tests and the processes they start
  // make there (os.tmpdir() reads TMPDIR), so that the teardown can see what a test left behind.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-run-"));
  process.env.TMPDIR = tmp;
  process.env.NOTIFY_TEST_TMPDIR = tmp;
  // Terraform, wherever a test starts it (the bindings generator, the validation, a command), reads
  // the project's CLI configuration, never the machine's: a missing or personal ~/.terraformrc
  // (a plugin cache, credentials, a registry mirror) must neither change a test nor print warnings.
  process.env.TF_CLI_CONFIG_FILE = path.join(__dirname, "fixtures", "terraform-cli.tfrc");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-synth-"));
  try {
    buildApp(dir, (await loadEstate()).environments).synth();
  } catch (err) {
    // Jest does not run the teardown when the setup fails: do not leave the directories behind.
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  process.env.NOTIFY_TEST_SYNTH_DIR = dir;
}
