import * as fs from "fs";

export default function globalTeardown(): void {
  for (const dir of [process.env.NOTIFY_TEST_SYNTH_DIR, process.env.NOTIFY_TEST_TF_VALIDATE_DIR]) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
