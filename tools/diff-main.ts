import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cli, Refusal, run, UsageError } from "./cli";
import { loadFullyCheckedEstate } from "../checks";
import { buildApp } from "../stacks/build";
import { diffAutoscaler, autoscalerLimits, type AutoscalerLimitsFile } from "./autoscaler";
import { renderDiff, type StackJson } from "./diff";
import { envBindingOrder, wiringOf } from "../checks/env-binding-order";
import type { EnvironmentName } from "../config";

// npm run diff -- --base <git ref>: what this working tree changes against <ref>, per environment, in
// reviewer terms. Offline: no credentials, no Terraform. Exit 0 when it ran (like git diff; with
// --exit-code, 1 when anything changed), 1 when the working tree's config is refused, 2 for a ref git
// does not know.
const root = process.cwd();

function git(args: string[]): string {
  const r = spawnSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new UsageError(`git ${args.join(" ")}: ${r.stderr.trim().split("\n")[0]}`);
  return r.stdout;
}

/** The autoscaler limits a synth wrote, by environment (none from commits before they existed). */
function readAutoscaler(outdir: string): Record<string, AutoscalerLimitsFile> {
  const dir = path.join(outdir, "autoscaler");
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))]));
}

function readStacks(outdir: string): Record<string, StackJson> {
  const stacks = path.join(outdir, "stacks");
  const out: Record<string, StackJson> = {};
  for (const env of fs.existsSync(stacks) ? fs.readdirSync(stacks) : []) {
    out[env] = JSON.parse(fs.readFileSync(path.join(stacks, env, "cdk.tf.json"), "utf8")) as StackJson;
  }
  return out;
}

/**
 * The files of a commit, extracted once into .build/diff-base/<commit> and kept: a commit's content
 * never changes, and a reviewer diffs against the same base many times (its own bundle is cached
 * there too). The five most recently used are kept.
 */
function extractCommit(commit: string): string {
  const cache = path.join(root, ".build", "diff-base");
  const src = path.join(cache, commit);
  if (fs.existsSync(path.join(src, ".complete"))) {
    fs.utimesSync(src, new Date(), new Date());
    return src;
  }
  fs.mkdirSync(cache, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cache, `${commit}.tmp-`));
  const archive = spawnSync("git", ["archive", "--format=tar", commit], { cwd: root, maxBuffer: 512 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${commit}: ${archive.stderr}`);
  const untar = spawnSync("tar", ["-x", "-C", tmp], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  fs.symlinkSync(path.join(root, "node_modules"), path.join(tmp, "node_modules"), "dir");
  fs.writeFileSync(path.join(tmp, ".complete"), "");
  fs.rmSync(src, { recursive: true, force: true });
  fs.renameSync(tmp, src);
  const entries = fs
    .readdirSync(cache)
    .filter((e) => !e.includes(".tmp-"))
    .map((e) => ({ e, t: fs.statSync(path.join(cache, e)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { e } of entries.slice(5)) fs.rmSync(path.join(cache, e), { recursive: true, force: true });
  return src;
}

/** Synthesizes <ref> as it was: its own files, its own cdktf.json app command, today's node_modules. */
function synthesizeRef(ref: string, work: string): { stacks: Record<string, StackJson>; autoscaler: Record<string, AutoscalerLimitsFile> } {
  const commit = git(["rev-parse", "--verify", `${ref}^{commit}`]).trim();
  const src = extractCommit(commit);
  const app = JSON.parse(fs.readFileSync(path.join(src, "cdktf.json"), "utf8")).app as string;
  const outdir = path.join(work, "base.out");
  const run = spawnSync(app, { cwd: src, shell: true, encoding: "utf8", env: { ...process.env, CDKTF_OUTDIR: outdir } });
  if (run.status !== 0) throw new Refusal([`the synth of ${ref} (${commit.slice(0, 10)}) failed:`, ...run.stderr.trim().split("\n")]);
  return { stacks: readStacks(outdir), autoscaler: readAutoscaler(outdir) };
}

const program = cli("diff", "Offline, reviewer-level diff of the estate between a git ref and the working tree")
  .requiredOption("--base <ref>", "git ref to compare against, e.g. origin/main or HEAD~1")
  .option("--exit-code", "exit 1 when anything changed (as git diff --exit-code)")
  .action(async ({ base, exitCode }: { base: string; exitCode?: boolean }) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-diff-"));
    try {
      const { stacks: before, autoscaler: limitsBefore } = synthesizeRef(base, work);
      const headOut = path.join(work, "head.out");
      const { environments } = await loadFullyCheckedEstate();
      buildApp(headOut, environments).synth();
      const after = readStacks(headOut);
      const limitsAfter = Object.fromEntries(environments.map((e) => [e.name, autoscalerLimits(e)]));
      const envs = ["preview", "staging", "production"].filter((e) => e in before || e in after);
      const { text, changed } = renderDiff(envs, before, after, (env) => diffAutoscaler(limitsBefore[env], limitsAfter[env]));
      process.stdout.write(`Changes against ${base}:\n${text}`);
      // Checks that need the base as well as the candidate: refused like a config problem (exit 1).
      const ordering = envs.flatMap((e) => envBindingOrder(e as EnvironmentName, wiringOf(before[e]), wiringOf(after[e])));
      if (ordering.length) throw new Refusal(ordering.map((v) => `${v.check} ${v.environment}/${v.subject}: ${v.message}`));
      if (exitCode && changed) process.exitCode = 1;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
void run(program);
