import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { ConfigError } from "../config";
import { loadCheckedEstate } from "../checks";
import { buildApp } from "../stacks/build";
import { renderDiff, type StackJson } from "./diff";

// npm run diff -- --base <git ref>: what this working tree changes against <ref>, per environment, in
// reviewer terms. Offline: no credentials, no Terraform. Exit 0 for no change, 2 for changes, 1 for an
// error (like terraform plan -detailed-exitcode).
const root = process.cwd();

function git(args: string[]): string {
  const r = spawnSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr.trim()}`);
  return r.stdout;
}

function readStacks(outdir: string): Record<string, StackJson> {
  const stacks = path.join(outdir, "stacks");
  const out: Record<string, StackJson> = {};
  for (const env of fs.existsSync(stacks) ? fs.readdirSync(stacks) : []) {
    out[env] = JSON.parse(fs.readFileSync(path.join(stacks, env, "cdk.tf.json"), "utf8")) as StackJson;
  }
  return out;
}

/** Synthesizes <ref> as it was: its own files, its own cdktf.json app command, today's node_modules. */
function synthesizeRef(ref: string, work: string): Record<string, StackJson> {
  const commit = git(["rev-parse", "--verify", `${ref}^{commit}`]).trim();
  const src = path.join(work, "base");
  fs.mkdirSync(src);
  const archive = spawnSync("git", ["archive", "--format=tar", commit], { cwd: root, maxBuffer: 512 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${ref}: ${archive.stderr}`);
  const untar = spawnSync("tar", ["-x", "-C", src], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  fs.symlinkSync(path.join(root, "node_modules"), path.join(src, "node_modules"), "dir");
  const app = JSON.parse(fs.readFileSync(path.join(src, "cdktf.json"), "utf8")).app as string;
  const outdir = path.join(work, "base.out");
  const run = spawnSync(app, { cwd: src, shell: true, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });
  if (run.status !== 0) throw new Error(`synth of ${ref} (${commit.slice(0, 10)}) failed:\n${run.stderr}`);
  return readStacks(outdir);
}

const program = new Command("diff")
  .description("Offline, reviewer-level diff of the estate between a git ref and the working tree")
  .requiredOption("--base <ref>", "git ref to compare against, e.g. origin/main or HEAD~1")
  .action(({ base }: { base: string }) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-diff-"));
    try {
      const before = synthesizeRef(base, work);
      const headOut = path.join(work, "head.out");
      buildApp(headOut, loadCheckedEstate().environments).synth();
      const after = readStacks(headOut);
      const envs = ["preview", "staging", "production"].filter((e) => e in before || e in after);
      const { text, changed } = renderDiff(envs, before, after);
      process.stdout.write(`Changes against ${base}:\n${text}`);
      process.exitCode = changed ? 2 : 0;
    } catch (err) {
      process.stderr.write(`diff failed: ${err instanceof ConfigError ? `the working tree's ${err.message}` : (err as Error).message}\n`);
      process.exitCode = 1;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
program.parse();
