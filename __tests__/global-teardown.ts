import * as fs from "fs";

export default function globalTeardown(): void {
  const dir = process.env.NOTIFY_TEST_SYNTH_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
