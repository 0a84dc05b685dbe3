import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EnvironmentName, ResolvedEnvironment } from "../config";
import { bareEnvironment, changeLines, startSeeded, withStackPrerequisites } from "./seeded";
import { renderDiff, type StackJson } from "../review/diff";
import { blocking, guardParsedPlan, renderFindings } from "../plan/plan-guard";
import { parsePlan } from "../plan/plan-json";
import type { Snapshot } from "./snapshot";

// A pull request's plan of one environment, with no credential and no network: real
// Terraform plans the pull request's synthesized stack against the stand-in seeded from the sanitized
// snapshot of that environment and its sanitized state, then the plan guard judges that plan. What a
// reviewer gets is what `cdktf diff <env>` would show against the live estate as it was when the
// snapshot was taken, never a secret: the snapshot holds none to show.

/** The drift job exports a snapshot every hour: one older than this says the export has stopped. */
export const SNAPSHOT_STALE_AFTER_HOURS = 3;

/** Providers the stand-in serves; a stack that needs another cannot be planned offline. */
const OFFLINE_PROVIDERS = new Set(["cloudfoundry", "aws"]);

export interface PrPlanResult {
  readonly environment: string;
  /** The snapshot planned against, or why there is none. */
  readonly snapshot: { readonly taken_at: string; readonly age_hours: number; readonly stale: boolean; readonly commit?: string } | { readonly missing: string };
  /** Reviewer-level offline diff of the candidate against main's stack (review/diff.ts). */
  readonly diff: readonly string[];
  /** What the plan had to assume exists that the snapshot does not show (names). */
  readonly assumed: readonly string[];
  /** Terraform's summary line, and one line per changed resource (addresses and attribute names). */
  readonly plan: { readonly summary: string; readonly lines: readonly string[] } | { readonly error: string } | { readonly skipped: string };
  readonly guard: { readonly verdict: "safe" | "refused" | "not run"; readonly text: string };
}

function candidateProblems(stack: unknown): string[] {
  if (typeof stack !== "object" || stack === null || Array.isArray(stack)) return ["the candidate is not a JSON object"];
  const s = stack as Record<string, unknown>;
  const problems: string[] = [];
  if ("module" in s) problems.push("it has module blocks: a module would be fetched from outside, and the plan runs offline");
  const required = ((s.terraform as Record<string, unknown> | undefined)?.required_providers ?? {}) as Record<string, unknown>;
  const providers = new Set([...Object.keys(required), ...Object.keys((s.provider as Record<string, unknown> | undefined) ?? {})]);
  for (const p of providers) if (!OFFLINE_PROVIDERS.has(p)) problems.push(`it needs provider "${p}": the stand-in serves only ${[...OFFLINE_PROVIDERS].join(" and ")}`);
  // A type's provider is the prefix of its name, declared or not (Terraform would fetch hashicorp/<prefix>).
  for (const block of ["resource", "data"]) {
    for (const type of Object.keys((s[block] as Record<string, unknown> | undefined) ?? {})) {
      const provider = type.split("_")[0];
      if (!OFFLINE_PROVIDERS.has(provider)) problems.push(`${block} type ${type} needs provider "${provider}": the stand-in serves only ${[...OFFLINE_PROVIDERS].join(" and ")}`);
    }
  }
  if ((s.terraform as Record<string, unknown> | undefined)?.cloud !== undefined) problems.push("it has a terraform cloud block: the plan runs with a local state only");
  return problems;
}

/**
 * Terraform's error output cut to what a reviewer needs: from the first Error, without the echo of
 * cdk.tf.json (one line of the whole stack) and without control characters, capped at 80 lines.
 */
function errorText(text: string): string {
  const lines = text
    .replace(/\x1b\[[0-9;]*m/g, "")
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, " ")
    .split("\n")
    .map((l) => (/^\s*\d+: [{[]/.test(l) && l.length > 200 ? `${l.slice(0, l.indexOf(":") + 1)} (a line of cdk.tf.json)` : l));
  const at = Math.max(0, lines.findIndex((l) => /Error/.test(l)));
  return lines.slice(at, at + 80).join("\n").trim();
}

export async function prPlan(opts: {
  root: string;
  env: ResolvedEnvironment;
  candidate: unknown;
  /** Main's synthesized stack of the same environment, for the offline diff. */
  reference: StackJson | undefined;
  snapshot: Snapshot | { missing: string };
  now: Date;
  /** Keep Terraform's working directory here instead of a temporary one (tests read it). */
  work?: string;
  /** The calling process's environment: Terraform gets its PATH and HOME and nothing else (bareEnvironment). */
  processEnv: NodeJS.ProcessEnv;
}): Promise<PrPlanResult> {
  const envName = opts.env.name as EnvironmentName;
  const diff = (() => {
    const { text } = renderDiff([envName], opts.reference ? { [envName]: opts.reference } : {}, { [envName]: opts.candidate as StackJson });
    return text.trimEnd().split("\n").slice(1).map((l) => l.replace(/^ {2}/, ""));
  })();
  const notRun = (why: string) => ({ verdict: "not run" as const, text: `plan guard (${envName}): not run, ${why}` });
  if ("missing" in opts.snapshot) {
    return { environment: envName, snapshot: { missing: opts.snapshot.missing }, diff, assumed: [], plan: { skipped: `no snapshot of ${envName}: ${opts.snapshot.missing}` }, guard: notRun("there is no plan") };
  }
  const snap = opts.snapshot;
  const ageHours = Math.max(0, (opts.now.getTime() - Date.parse(snap.taken_at)) / 3_600_000);
  const snapshot = { taken_at: snap.taken_at, age_hours: Math.round(ageHours * 10) / 10, stale: ageHours > SNAPSHOT_STALE_AFTER_HOURS, ...(snap.commit ? { commit: snap.commit } : {}) };
  if (snap.environment !== envName) {
    return { environment: envName, snapshot: { missing: `the snapshot given is of ${snap.environment}, not ${envName}` }, diff, assumed: [], plan: { skipped: "wrong snapshot" }, guard: notRun("there is no plan") };
  }
  const problems = candidateProblems(opts.candidate);
  if (problems.length) return { environment: envName, snapshot, diff, assumed: [], plan: { skipped: `not planned offline: ${problems.join("; ")}` }, guard: notRun("there is no plan") };

  const { platform, assumed } = withStackPrerequisites(snap.platform, envName, opts.candidate);
  const work = opts.work ?? fs.mkdtempSync(path.join(os.tmpdir(), "notify-pr-plan-"));
  const synth = path.join(work, "candidate");
  fs.mkdirSync(path.join(synth, "stacks", envName), { recursive: true });
  fs.writeFileSync(path.join(synth, "stacks", envName, "cdk.tf.json"), JSON.stringify(opts.candidate));
  const r = await startSeeded({ root: opts.root, env: envName, synthDir: synth, platform, state: snap.state, work: path.join(work, "rehearsal"), inherit: bareEnvironment(opts.processEnv) });
  try {
    let planned: { summary: string; json: unknown };
    try {
      planned = await r.plan(envName, "pr.plan");
    } catch (err) {
      return { environment: envName, snapshot, diff, assumed, plan: { error: errorText((err as Error).message) }, guard: notRun("Terraform could not plan") };
    } finally {
      // The saved plan (Terraform saves an errored one too) is binary and holds every value the plan
      // read: nothing reads it after this.
      fs.rmSync(path.join(r.stacks[envName].dir, "pr.plan"), { force: true });
    }
    const parsed = parsePlan(planned.json);
    if ("problem" in parsed) return { environment: envName, snapshot, diff, assumed, plan: { error: parsed.problem }, guard: notRun("there is no plan") };
    const findings = guardParsedPlan(parsed.plan, opts.env);
    return {
      environment: envName,
      snapshot,
      diff,
      assumed,
      plan: { summary: planned.summary, lines: changeLines(planned.json) },
      guard: { verdict: blocking(findings).length ? "refused" : "safe", text: renderFindings(envName, findings).trimEnd() },
    };
  } finally {
    await r.close(true);
    if (!opts.work) fs.rmSync(work, { recursive: true, force: true });
  }
}

/** One environment's result as plain text (the pr-plan command's output and the comment's full text). */
export function renderResultText(r: PrPlanResult): string {
  const out: string[] = [`== ${r.environment}`];
  if ("missing" in r.snapshot) out.push(`snapshot: MISSING (${r.snapshot.missing}); no plan against the live estate`);
  else {
    out.push(
      `snapshot: taken ${r.snapshot.taken_at}, ${r.snapshot.age_hours} hours old${r.snapshot.stale ? ` (STALE: older than ${SNAPSHOT_STALE_AFTER_HOURS} hours; the drift job has not exported since)` : ""}${r.snapshot.commit ? `, deployed commit ${r.snapshot.commit.slice(0, 12)}` : ""}`,
    );
  }
  out.push("offline diff against main:", ...(r.diff.length ? r.diff.map((l) => `  ${l}`) : ["  no changes"]));
  if (r.assumed.length) out.push(`assumed to exist (not in the snapshot): ${r.assumed.join(", ")}`);
  if ("summary" in r.plan) out.push(`plan: ${r.plan.summary}`, ...r.plan.lines.map((l) => `  ${l}`));
  else if ("error" in r.plan) out.push("plan: Terraform could not plan:", ...r.plan.error.split("\n").map((l) => `  ${l}`));
  else out.push(`plan: ${r.plan.skipped}`);
  out.push(r.guard.text);
  return `${out.join("\n")}\n`;
}
