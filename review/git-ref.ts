import { spawnSync } from "child_process";
import { distance } from "fastest-levenshtein";
import * as fs from "fs";
import * as path from "path";
import { isRunning } from "../io/processes";
import { Refusal, UsageError } from "../io/errors";
import type { AutoscalerLimitsFile } from "./autoscaler";
import type { StackJson } from "./diff";

// A git ref's estate, synthesized as it was: its own files and its own cdktf.json app command, with
// today's node_modules. Shared by `npm run diff -- --base <ref>` and `npm run rehearse -- <env> --base <ref>`.

/**
 * The commit a ref names, or a UsageError saying there is no such ref and the nearest ones there are
 * (git's own "Needed a single revision" says neither).
 */
export function resolveRef(root: string, ref: string): string {
  const r = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: root, encoding: "utf8" });
  if (r.status === 0) {
    const commit = r.stdout.trim();
    // A commit of another history (a vendored project, an unrelated branch) has no estate to compare.
    const own = spawnSync("git", ["cat-file", "-e", `${commit}:cdktf.json`], { cwd: root });
    if (own.status !== 0) throw new UsageError(`${ref} (${commit.slice(0, 10)}) is not a commit of this project: it has no cdktf.json; give a commit of this repository's history, e.g. origin/main`);
    return commit;
  }
  const type = spawnSync("git", ["cat-file", "-t", ref], { cwd: root, encoding: "utf8" });
  if (type.status === 0 && type.stdout.trim() !== "commit") {
    throw new UsageError(`${ref} is a ${type.stdout.trim()} (${type.stdout.trim() === "blob" ? "a file's content" : "a directory listing"}), not a commit; give a branch, tag or commit`);
  }
  const refs = spawnSync("git", ["for-each-ref", "--format=%(refname:short)"], { cwd: root, encoding: "utf8" }).stdout.split("\n").filter(Boolean);
  const candidates = [...refs, "HEAD"];
  const nearest = [...candidates].sort((a, b) => distance(ref, a) - distance(ref, b)).slice(0, 3);
  // A misspelt remote ("orgin/main") is near in its branch part: compare that too.
  const tail = (r: string) => r.slice(r.indexOf("/") + 1);
  const close = (c: string) => distance(ref, c) <= Math.max(2, Math.floor(ref.length / 3)) || (tail(ref) === tail(c) && c !== ref);
  const likely = candidates.filter(close).sort((a, b) => distance(ref, a) - distance(ref, b)).slice(0, 3);
  const hint = likely.length ? `did you mean ${likely.join(" or ")}?` : `refs here include ${nearest.join(", ")}${refs.length ? "" : " (no branches: is this a git checkout?)"}.`;
  throw new UsageError(`no such ref "${ref}" (a branch, tag or commit); ${hint} A remote branch needs \`git fetch\` first.`);
}

/** The autoscaler limits a synth wrote, by environment (none from commits before they existed). */
export function readAutoscaler(outdir: string): Record<string, AutoscalerLimitsFile> {
  const dir = path.join(outdir, "autoscaler");
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))]));
}

export function readStacks(outdir: string): Record<string, StackJson> {
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
export function extractCommit(root: string, commit: string, work: string): string {
  const cache = path.join(root, ".build", "diff-base");
  const src = path.join(cache, commit);
  if (fs.existsSync(path.join(src, ".complete"))) {
    try {
      fs.utimesSync(src, new Date(), new Date());
    } catch {
      // A read-only checkout: the cached copy is still whole.
    }
    return src;
  }
  try {
    fs.mkdirSync(cache, { recursive: true });
    fs.accessSync(cache, fs.constants.W_OK);
  } catch {
    // A read-only checkout (or a .build nobody may write): extract into the command's own work
    // directory, removed with it, instead of failing; only the caching is lost.
    const once = path.join(work, "base");
    unpack(root, commit, once);
    return once;
  }
  removeInterruptedExtractions(cache);
  const tmp = path.join(cache, `${commit}.tmp-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  unpack(root, commit, tmp);
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

/** A commit's files into `dir` (created), with today's node_modules linked in. */
function unpack(root: string, commit: string, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const archive = spawnSync("git", ["archive", "--format=tar", commit], { cwd: root, maxBuffer: 512 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${commit}: ${archive.stderr}`);
  const untar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
}

/** `<commit>.tmp-<pid>` of an extraction whose process is gone (interrupted): half-written, removed. */
function removeInterruptedExtractions(cache: string): void {
  for (const name of fs.readdirSync(cache)) {
    const m = /\.tmp-(\d+)$/.exec(name);
    if (m && !isRunning(Number(m[1]))) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
  }
}

/**
 * Synthesizes <ref> as it was: its own files, its own cdktf.json app command, today's node_modules.
 * The app command runs with `env` (the calling command's environment), its CDKTF_OUTDIR set to work/base.out.
 */
export function synthesizeRef(root: string, ref: string, work: string, env: NodeJS.ProcessEnv): { commit: string; outdir: string; stacks: Record<string, StackJson>; autoscaler: Record<string, AutoscalerLimitsFile> } {
  const commit = resolveRef(root, ref);
  const src = extractCommit(root, commit, work);
  const app = JSON.parse(fs.readFileSync(path.join(src, "cdktf.json"), "utf8")).app as string;
  const outdir = path.join(work, "base.out");
  const run = spawnSync(app, { cwd: src, shell: true, encoding: "utf8", env: { ...env, CDKTF_OUTDIR: outdir } });
  if (run.status !== 0) throw new Refusal([`the synth of ${ref} (${commit.slice(0, 10)}) failed:`, ...run.stderr.trim().split("\n")]);
  return { commit, outdir, stacks: readStacks(outdir), autoscaler: readAutoscaler(outdir) };
}

