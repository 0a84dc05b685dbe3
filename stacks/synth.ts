import * as fs from "fs";
import * as path from "path";
import { isRunning } from "../io/processes";
import { UsageError } from "../io/errors";

/**
 * Runs `build` into a fresh sibling directory and swaps it into place only when it succeeds, so that a
 * failed synth never leaves a half-written or stale-mixed `cdktf.out/`. Rethrows the build's error
 * after removing the temporary directory.
 */
export function synthAtomically(outdir: string, build: (tmpdir: string) => void): void {
  const target = path.resolve(outdir);
  // The swap replaces `target` wholesale: never let it be the project or one of its parents.
  if (path.relative(target, process.cwd()) === "" || !path.relative(target, process.cwd()).startsWith("..")) {
    throw new UsageError(`cannot synthesize into ${target}: it holds the working directory ${process.cwd()}, and the output replaces it wholesale; name a directory of its own (CDKTF_OUTDIR=cdktf.out, the default)`);
  }
  cleanUpInterruptedSynths(target);
  const tmp = `${target}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    build(tmp);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) {
    keepTerraformWorkingFiles(target, tmp);
    fs.renameSync(target, old);
  }
  fs.renameSync(tmp, target);
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * What an interrupted synth (killed, out of memory, Ctrl-C) left next to the output: `<out>.tmp-<pid>`
 * is half-written and removed; `<out>.old-<pid>` is the previous output, moved aside just before the
 * swap: removed if the new output arrived, moved back if it did not. Directories of a synth that is
 * still running are left alone.
 */
export function cleanUpInterruptedSynths(target: string): void {
  const dir = path.dirname(target);
  const base = path.basename(target);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|old)-(\\d+)$`).exec(name);
    if (!m || isRunning(Number(m[2]))) continue;
    const leftover = path.join(dir, name);
    if (m[1] === "old" && !fs.existsSync(target)) fs.renameSync(leftover, target);
    else fs.rmSync(leftover, { recursive: true, force: true });
  }
}

// Terraform's working files (providers installed by `terraform init`, the lock file) live in each
// stack's directory; carry them over so that a synth does not force a new `terraform init`. A saved
// `plan` is deliberately not kept: it belongs to the configuration it was made from, and CI applies
// exactly the plan it guarded, never one left from an earlier synth.
const KEPT = [".terraform", ".terraform.lock.hcl"];
function keepTerraformWorkingFiles(from: string, to: string): void {
  const stacks = path.join(from, "stacks");
  if (!fs.existsSync(stacks)) return;
  for (const stack of fs.readdirSync(stacks)) {
    const dest = path.join(to, "stacks", stack);
    if (!fs.existsSync(dest)) continue;
    for (const name of KEPT) {
      const src = path.join(stacks, stack, name);
      if (fs.existsSync(src)) fs.renameSync(src, path.join(dest, name));
    }
  }
}
