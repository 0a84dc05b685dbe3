import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EnvironmentName, ResolvedEnvironment } from "../config";
import { changeLines, deployedArtifact, withStackPrerequisites } from "./seeded";
import { planSummary, runProcess, standinTerraformEnv } from "./harness";
import { startStandin } from "./standin/start";
import { writeRehearsalArtifact } from "./standin/cf-push";
import { renderDiff, type StackJson } from "../review/diff";
import { blocking, guardParsedPlan, renderFindings, summarizePlan } from "../plan/plan-guard";
import { isJsonObject, parsePlan } from "../plan/plan-json";
import { checkStack, stackPins } from "../plan/stack-check";
import type { Snapshot } from "./snapshot";

// A pull request's plan of one environment, with no credential and no network: the stack check
// first (plan/stack-check.ts: nothing Terraform would run or read beyond what this estate declares),
// then real Terraform plans the pull request's synthesized stack against the stand-in seeded from the
// sanitized snapshot of that environment and its sanitized state, then the plan guard judges that
// plan. What a reviewer gets is what `cdktf diff <env>` would show against the live estate as it was
// when the snapshot was taken, never a secret: the snapshot holds none to show.
//
// Terraform runs in a directory of its own that holds only the candidate, the override that points
// its state at a local file, that state (the snapshot's) and a stand-in for the app zip; HOME is that
// directory and nothing of the job's environment but PATH reaches it. The snapshot's platform reaches
// it only through the stand-in providers, which run in this process from a sibling directory.
//
// Every value that reaches the result (names of resources, attributes and keys, the diff's values,
// the guard's lines) has its control, bidi and invisible characters escaped (escapeControls), so that
// no value of the candidate can start a line of the text or the comment.

/** The drift job exports a snapshot every hour: one older than this says the export has stopped. */
export const SNAPSHOT_STALE_AFTER_HOURS = 3;

/**
 * A value as the result shows it: newline, carriage return, tab, other C0 and C1 controls, and the
 * bidi and invisible format characters (which reorder or hide what a reader sees) as escapes, so
 * that a value is always one visible run of text on the line it is on. Idempotent: it adds no
 * character it escapes.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, (c) => {
    const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** Every string in a JSON value, keys included, through escapeControls. */
export function escapeStrings<T>(value: T): T {
  if (typeof value === "string") return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeControls(k), escapeStrings(v)])) as T;
  return value;
}

export interface PrPlanResult {
  readonly environment: string;
  /** The snapshot planned against, or why there is none. */
  readonly snapshot: { readonly taken_at: string; readonly age_hours: number; readonly stale: boolean; readonly commit?: string } | { readonly missing: string };
  /** Reviewer-level offline diff of the candidate against main's stack (review/diff.ts). */
  readonly diff: readonly string[];
  /** What the plan had to assume exists that the snapshot does not show (names). */
  readonly assumed: readonly string[];
  /**
   * Terraform's summary line, one line per changed resource (addresses and attribute names), and
   * of those the ones that destroy, replace or forget (`grave`), which the comment shows first.
   */
  readonly plan: { readonly summary: string; readonly lines: readonly string[]; readonly grave: readonly string[] } | { readonly error: string } | { readonly skipped: string };
  /** What the stack check refused (plan/stack-check.ts); none when it accepted the candidate. */
  readonly refused?: readonly string[];
  readonly guard: { readonly verdict: "safe" | "refused" | "not run"; readonly text: string };
}

/**
 * Terraform's error output cut to what a reviewer needs: from the first Error, without the echo of
 * cdk.tf.json (one line of the whole stack) and without control characters, capped at 80 lines.
 */
function errorText(text: string): string {
  const lines = text
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .map(escapeControls)
    .map((l) => (/^\s*\d+: [{[]/.test(l) && l.length > 200 ? `${l.slice(0, l.indexOf(":") + 1)} (a line of cdk.tf.json)` : l));
  const at = Math.max(0, lines.findIndex((l) => /Error/.test(l)));
  return lines.slice(at, at + 80).join("\n").trim();
}

export interface PrPlanOptions {
  readonly root: string;
  readonly env: ResolvedEnvironment;
  readonly candidate: unknown;
  /** Main's synthesized stack of the same environment, for the offline diff. */
  readonly reference: StackJson | undefined;
  readonly snapshot: Snapshot | { missing: string };
  readonly now: Date;
  /** Keep the working directories (Terraform's and the stand-in's) here instead of a temporary one (tests read them). */
  readonly work?: string;
  /** The calling process's environment: Terraform gets its PATH and nothing else. */
  readonly processEnv: NodeJS.ProcessEnv;
}

/** The directory Terraform plans in, under a pull-request plan's work directory; the stand-in's is beside it. */
export const TERRAFORM_DIR = "terraform";
export const STANDIN_DIR = "standin";

/**
 * A pull request's plan: the stack check, then (when it accepts) the plan against the snapshot and
 * the guard's verdict. A refused candidate is never given to Terraform: the result lists what the
 * check refused, and nothing is planned.
 */
export async function prPlan(opts: PrPlanOptions): Promise<PrPlanResult> {
  const refused = await checkStack(opts.candidate, stackPins(opts.env));
  if (!refused.length) return planCandidate(opts);
  const envName = opts.env.name;
  const { snapshot } = snapshotOf(opts);
  return {
    environment: envName,
    snapshot,
    diff: offlineDiff(opts),
    assumed: [],
    plan: { skipped: `refused by the stack check (npm run stack-check), ${refused.length} problem${refused.length === 1 ? "" : "s"}: not given to Terraform` },
    refused: refused.map(escapeControls),
    guard: { verdict: "not run", text: `plan guard (${envName}): not run, the stack check refused the candidate` },
  };
}

/** The offline reviewer diff of the candidate against main's stack, every value escaped. */
function offlineDiff(opts: PrPlanOptions): string[] {
  const envName = opts.env.name as EnvironmentName;
  const { text } = renderDiff([envName], opts.reference ? { [envName]: escapeStrings(opts.reference) } : {}, { [envName]: escapeStrings(opts.candidate) as StackJson });
  return text.trimEnd().split("\n").slice(1).map((l) => l.replace(/^ {2}/, ""));
}

/** The snapshot's age as the result says it, and the snapshot itself when it is one of this environment. */
function snapshotOf(opts: PrPlanOptions): { snapshot: PrPlanResult["snapshot"]; usable?: Snapshot } {
  if ("missing" in opts.snapshot) return { snapshot: { missing: opts.snapshot.missing } };
  const snap = opts.snapshot;
  if (snap.environment !== opts.env.name) return { snapshot: { missing: `the snapshot given is of ${snap.environment}, not ${opts.env.name}` } };
  const ageHours = Math.max(0, (opts.now.getTime() - Date.parse(snap.taken_at)) / 3_600_000);
  return {
    snapshot: { taken_at: snap.taken_at, age_hours: Math.round(ageHours * 10) / 10, stale: ageHours > SNAPSHOT_STALE_AFTER_HOURS, ...(snap.commit ? { commit: snap.commit } : {}) },
    usable: snap,
  };
}

/**
 * The plan of a candidate against the snapshot, WITHOUT the stack check: prPlan calls it once the
 * check has accepted the candidate. Tests call it directly to show what an attack does when nothing
 * checks the stack, and what the snapshot alone holds back.
 */
export async function planCandidate(opts: PrPlanOptions): Promise<PrPlanResult> {
  const envName = opts.env.name as EnvironmentName;
  const diff = offlineDiff(opts);
  const notRun = (why: string) => ({ verdict: "not run" as const, text: `plan guard (${envName}): not run, ${why}` });
  const { snapshot, usable: snap } = snapshotOf(opts);
  if (!snap) {
    const why = "missing" in snapshot ? snapshot.missing : "";
    return { environment: envName, snapshot, diff, assumed: [], plan: { skipped: "missing" in opts.snapshot ? `no snapshot of ${envName}: ${why}` : "wrong snapshot" }, guard: notRun("there is no plan") };
  }
  const { platform, assumed } = withStackPrerequisites(snap.platform, envName, opts.candidate);
  const work = opts.work ?? fs.mkdtempSync(path.join(os.tmpdir(), "notify-pr-plan-"));
  const tfDir = path.join(work, TERRAFORM_DIR);
  const standinDir = path.join(work, STANDIN_DIR);
  fs.mkdirSync(tfDir, { recursive: true });
  fs.mkdirSync(standinDir, { recursive: true });
  const platformFile = path.join(standinDir, `${envName}.platform.json`);
  fs.writeFileSync(platformFile, JSON.stringify(platform));
  const standin = await startStandin(opts.root, standinDir, { [envName]: platformFile });
  try {
    fs.writeFileSync(path.join(tfDir, "cdk.tf.json"), JSON.stringify(opts.candidate));
    fs.writeFileSync(path.join(tfDir, "pr_plan_override.tf.json"), JSON.stringify({ terraform: { backend: { local: { path: "terraform.tfstate" } } } }, null, 2));
    if (snap.state) fs.writeFileSync(path.join(tfDir, "terraform.tfstate"), JSON.stringify(snap.state));
    const zip = path.join(tfDir, "app.zip");
    // A zip: the stand-in opens it and checks it is one, as the provider and Cloud Controller do.
    writeRehearsalArtifact(zip, "a pull-request plan stands in for the app zip\n");
    // The zip the state was deployed with: a plan of a config change is not also a plan of a new build.
    const artifact = deployedArtifact(snap.state) ?? { path: zip, sha256: "0".repeat(64) };
    const env = standinTerraformEnv({ PATH: opts.processEnv.PATH ?? "/usr/bin:/bin", HOME: tfDir }, standin.reattach[envName], artifact);
    const tf = (args: readonly string[]) => runProcess("terraform", args, { cwd: tfDir, env });
    let planned: { summary: string; json: unknown };
    try {
      planned = await terraformPlan(tf);
    } catch (err) {
      return { environment: envName, snapshot, diff, assumed: assumed.map(escapeControls), plan: { error: errorText((err as Error).message) }, guard: notRun("Terraform could not plan") };
    } finally {
      // The saved plan (Terraform saves an errored one too) is binary and holds every value the plan
      // read: nothing reads it after this.
      fs.rmSync(path.join(tfDir, "pr.plan"), { force: true });
    }
    const parsed = parsePlan(planned.json);
    if ("problem" in parsed) return { environment: envName, snapshot, diff, assumed: assumed.map(escapeControls), plan: { error: escapeControls(parsed.problem) }, guard: notRun("there is no plan") };
    const findings = guardParsedPlan(parsed.plan, opts.env);
    const changes = isJsonObject(planned.json) && Array.isArray(planned.json.resource_changes) ? (planned.json.resource_changes as { change?: { actions?: string[] } }[]) : [];
    const grave = changes.filter((c) => (c.change?.actions ?? []).some((a) => a === "delete" || a === "forget"));
    return {
      environment: envName,
      snapshot,
      diff,
      assumed: assumed.map(escapeControls),
      plan: { summary: escapeControls(planned.summary), lines: changeLines(planned.json).map(escapeControls), grave: changeLines({ resource_changes: grave }).map(escapeControls) },
      guard: { verdict: blocking(findings).length ? "refused" : "safe", text: renderFindings(envName, escapeStrings(findings), summarizePlan(parsed.plan)).trimEnd() },
    };
  } finally {
    await standin.close();
    if (!opts.work) fs.rmSync(work, { recursive: true, force: true });
  }
}

/** terraform init, plan -out, show -json in Terraform's directory: the plan as Terraform wrote it, and its summary line. */
async function terraformPlan(tf: (args: readonly string[]) => ReturnType<typeof runProcess>): Promise<{ summary: string; json: unknown }> {
  const init = await tf(["init", "-input=false", "-no-color"]);
  if (init.code !== 0) throw new Error(`terraform init failed:\n${init.stderr}${init.stdout}`);
  const plan = await tf(["plan", "-input=false", "-no-color", "-out=pr.plan"]);
  if (plan.code !== 0) throw new Error(`terraform plan failed:\n${plan.stderr}${plan.stdout}`);
  const show = await tf(["show", "-json", "pr.plan"]);
  if (show.code !== 0) throw new Error(`terraform show failed:\n${show.stderr}`);
  return { summary: planSummary(plan.stdout), json: JSON.parse(show.stdout) };
}

/**
 * What a reader must see first of one environment's result, and what a cut never removes: the plan's
 * counts, every line that destroys, replaces or forgets, what the stack check refused, and the
 * guard's verdict.
 */
export function essentialLines(r: PrPlanResult): string[] {
  const out: string[] = [`== ${r.environment}`];
  if ("summary" in r.plan) {
    out.push(`plan: ${r.plan.summary}`);
    if (r.plan.grave.length) out.push("destroyed, replaced or forgotten:", ...r.plan.grave.map((l) => `  ${l}`));
  } else if ("error" in r.plan) out.push("plan: Terraform could not plan (its error is below)");
  else out.push(`plan: ${r.plan.skipped}`);
  if (r.refused?.length) out.push("the stack check refused:", ...r.refused.map((l) => `  ${l}`));
  out.push(...r.guard.text.split("\n"));
  return out;
}

/** The rest of one environment's result: the snapshot, the offline diff, every change the plan makes, or Terraform's error. */
export function detailLines(r: PrPlanResult): string[] {
  const out: string[] = [];
  if ("missing" in r.snapshot) out.push(`snapshot: MISSING (${r.snapshot.missing}); no plan against the live estate`);
  else {
    out.push(
      `snapshot: taken ${r.snapshot.taken_at}, ${r.snapshot.age_hours} hours old${r.snapshot.stale ? ` (STALE: older than ${SNAPSHOT_STALE_AFTER_HOURS} hours; the drift job has not exported since)` : ""}${r.snapshot.commit ? `, deployed commit ${r.snapshot.commit.slice(0, 12)}` : ""}`,
    );
  }
  out.push("offline diff against main:", ...(r.diff.length ? r.diff.map((l) => `  ${l}`) : ["  no changes"]));
  if (r.assumed.length) out.push(`assumed to exist (not in the snapshot): ${r.assumed.join(", ")}`);
  if ("summary" in r.plan) out.push("every change the plan makes:", ...(r.plan.lines.length ? r.plan.lines.map((l) => `  ${l}`) : ["  none"]));
  else if ("error" in r.plan) out.push("Terraform could not plan:", ...r.plan.error.split("\n").map((l) => `  ${l}`));
  return out;
}

/** One environment's result as plain text (the pr-plan command's output and the comment's full text): what must be seen first, then the rest. */
export function renderResultText(r: PrPlanResult): string {
  return `${[...essentialLines(r), ...detailLines(r)].join("\n")}\n`;
}
