import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { awsPart } from "../review/aws-part";
import { planSummary, runProcess, standinTerraformEnv, type CommandResult } from "../offline/harness";
import type { PlatformData } from "../offline/standin/platform";
import { startStandin, type RunningStandin } from "../offline/standin/start";
import { jsonStringsEqual } from "../offline/standin/aws-json";

// The AWS half of the conformance suite against the real provider: hashicorp/aws 5.100.0 from a
// filesystem mirror, talking to moto (a local AWS) that this lane starts itself, and the same steps on
// the stand-in. Both start from the same account (the environment's committed platform: its queues, SSM
// parameters and IAM user), run the same Terraform steps on the environment's AWS part, and every
// difference in what Terraform planned, refused or stored is reported, or named a moto deviation
// (moto is not AWS: MOTO_DEVIATIONS below, each with moto's source line). Not part of `npm test`: the
// real provider costs about fourteen times the stand-in's CPU (docs/performance.md).

export const AWS_PROVIDER_VERSION = "5.100.0";
export const MOTO_VERSION = "5.2.1";

/** Why the lane cannot run here, or undefined when it can. */
export function awsRealSkipReason(mirror: string | undefined, run = spawnSync): string | undefined {
  if (!mirror) return "NOTIFY_TF_PROVIDER_MIRROR is not set (a filesystem mirror holding hashicorp/aws 5.100.0)";
  if (!fs.existsSync(path.join(mirror, "registry.terraform.io", "hashicorp", "aws", AWS_PROVIDER_VERSION))) return `no hashicorp/aws ${AWS_PROVIDER_VERSION} under ${mirror}`;
  if (run("terraform", ["version"], { encoding: "utf8" }).status !== 0) return "terraform is not on PATH";
  const moto = run("python3", ["-c", "import moto, sys; sys.stdout.write(moto.__version__)"], { encoding: "utf8" });
  if (moto.status !== 0) return `moto is not installed in python3 (pip install 'moto[server]==${MOTO_VERSION}')`;
  if (String(moto.stdout).trim() !== MOTO_VERSION) return `python3 has moto ${String(moto.stdout).trim()}, not ${MOTO_VERSION} (pip install 'moto[server]==${MOTO_VERSION}')`;
  return undefined;
}

/** A difference that comes from moto, not from the provider or the stand-in: what it is and where moto does it. */
export interface MotoDeviation {
  readonly id: string;
  readonly what: string;
  /** getmoto/moto at 5.2.1, file:line. */
  readonly source: string;
  /** Whether one changed attribute of a planned update (before, after) is this deviation's effect. */
  readonly explains: (attribute: string, before: unknown, after: unknown) => boolean;
}

export const MOTO_DEVIATIONS: readonly MotoDeviation[] = [
  {
    id: "policy-wiped",
    what: "SetQueueAttributes without a Policy clears the queue's policy (SQS keeps every attribute not sent), so the plan after any queue update adds the policy back",
    source: "moto/sqs/models.py:351 (Queue._set_attributes: self.policy = attributes.get(\"Policy\"))",
    explains: (a, before, after) => a === "policy" && (before === null || before === "") && typeof after === "string" && after !== "",
  },
  {
    id: "redrive-respaced",
    what: "the redrive policy is read back re-serialised by Python's json.dumps (\", \" and \": \"), so the provider, which compares the text, plans an update of every queue with a dead-letter queue at every plan",
    source: "moto/sqs/models.py:527 (json.dumps(self.redrive_policy)), :373",
    explains: (a, before, after) => a === "redrive_policy" && typeof before === "string" && typeof after === "string" && before !== after && jsonStringsEqual(before, after),
  },
  {
    id: "message-size-1mib",
    what: "a queue created without MaximumMessageSize holds 1048576 (1 MiB); SQS's default was 262144 when these queues were created, and hashicorp/aws 5.100.0 pins 262144 (its Default and its validator's maximum)",
    source: "moto/sqs/constants.py:2 (MAXIMUM_MESSAGE_LENGTH = 1_048_576), moto/sqs/models.py:272",
    explains: (a, before, after) => a === "max_message_size" && before === 1_048_576 && after === 262_144,
  },
];

/** The steps both targets run, in order; ids are stable (docs/conformance.md). */
export const AWS_STEPS = [
  { id: "adopt", does: "first deploy of the environment's AWS part onto its queues, SSM parameters and IAM user as they run", compares: "the plan (the queues that run imported, the others, the boundary policy and its attachment created)" },
  { id: "second-deploy", does: "the next plan after adoption", compares: "the plan" },
  { id: "changes", does: "a visibility timeout changed, a maxReceiveCount changed, a queue added, a queue's tags changed, the boundary policy changed", compares: "the plan" },
  { id: "changes-settled", does: "the plan after applying those changes", compares: "the plan" },
  { id: "forget-and-rename", does: "a queue and its dead-letter queue removed from config with `removed` (destroy = false), another queue renamed", compares: "the plan, and which of those queues exist after apply" },
  { id: "rename-prevent-destroy", does: "a queue with prevent_destroy renamed", compares: "the error the plan fails with" },
  { id: "validation", does: "a queue with visibility_timeout_seconds 99999 and max_message_size 300000, a redrive policy that is not JSON, IAM policies that are a JSON array and not JSON", compares: "the errors the plan fails with" },
  { id: "queue-name", does: "a new queue named with a dot", compares: "the error the plan fails with" },
  { id: "json-equivalence", does: "a queue policy, redrive policy and IAM policy rewritten in another key and statement order", compares: "the plan (no change)" },
  { id: "max-receive-count-string", does: "\"maxReceiveCount\":\"50\" (a string) applied, then planned again", compares: "the apply's error and the next plan" },
  { id: "iam-user-and-defaults", does: "the boundary policy attached to a user that does not exist and to one that does; a queue with no attributes set", compares: "the apply's error, then what a refresh stores (SDK defaults, path, attachment_count)" },
] as const;
export type AwsStepId = (typeof AWS_STEPS)[number]["id"];

/** What one step showed on one target. */
export interface StepRecord {
  readonly summary: string;
  /** address -> actions ("update", "create+import", "delete+create", "forget", ...), changes only. */
  readonly changes: Readonly<Record<string, string>>;
  /** address -> attribute -> [before, after], for updates. */
  readonly attributes: Readonly<Record<string, Readonly<Record<string, readonly [unknown, unknown]>>>>;
  /** Terraform's error summaries, normalised (request ids, queue URL hosts). */
  readonly errors: readonly string[];
  /** What the step read after its apply (queues that exist, stored attributes). */
  readonly facts: Readonly<Record<string, unknown>>;
}

/** One target: Terraform directories on one account (moto, or the stand-in's platform). */
export interface AwsLane {
  readonly name: "aws-real" | "standin";
  /** A Terraform working directory for `module`, initialised. */
  directory(name: string, module: object): Promise<LaneDir>;
  /** SQS names of the queues that exist. */
  queues(): Promise<string[]>;
  close(): Promise<void>;
}
export interface LaneDir {
  terraform(args: readonly string[]): Promise<CommandResult>;
  write(module: object): void;
}

type Json = Record<string, any>;

/** The environment's AWS part as a module of its own: resources, data sources and the import blocks that adopt its queues. */
export function awsModule(stack: Json): Json {
  const part = awsPart(stack) as Json;
  const imports = ((stack.import as Json[] | undefined) ?? []).filter((i) => String(i.to).startsWith("aws_"));
  return imports.length ? { ...part, import: imports } : part;
}

const clone = <T>(x: T): T => structuredClone(x);

/** Terraform's errors as one line each, without what differs between two runs of the same call. */
export function normaliseError(text: string): string {
  return text
    .replace(/RequestID: [^,\s]+/g, "RequestID: <id>")
    .replace(/https?:\/\/[^/\s)"]+\/(\d{12})\/([\w.-]+)/g, "<queue $2>")
    .replace(/\s+/g, " ")
    .trim();
}

/** The errors in Terraform's (-no-color) output: each "Error: " line. */
function errorsOf(r: CommandResult): string[] {
  return [...`${r.stderr}\n${r.stdout}`.matchAll(/^│?\s*Error: (.+)$/gm)].map((m) => normaliseError(m[1])).sort();
}

async function planRecord(dir: LaneDir, parallelism: string[]): Promise<{ record: StepRecord; ok: boolean }> {
  const p = await dir.terraform(["plan", "-input=false", "-no-color", ...parallelism, "-out=step.plan"]);
  if (p.code !== 0) return { ok: false, record: { summary: "plan failed", changes: {}, attributes: {}, errors: errorsOf(p), facts: {} } };
  if (/^No changes\./m.test(p.stdout)) return { ok: true, record: { summary: "No changes.", changes: {}, attributes: {}, errors: [], facts: {} } };
  const shown = await dir.terraform(["show", "-json", "step.plan"]);
  if (shown.code !== 0) throw new Error(`terraform show failed: ${shown.stderr}`);
  const changes: Record<string, string> = {};
  const attributes: Record<string, Record<string, readonly [unknown, unknown]>> = {};
  for (const c of JSON.parse(shown.stdout).resource_changes ?? []) {
    const actions: string[] = c.change.actions;
    const importing = !!c.change.importing;
    if (actions.every((a) => a === "no-op" || a === "read") && !importing) continue;
    changes[c.address] = [...actions.filter((a) => a !== "no-op"), ...(importing ? ["import"] : [])].join("+") || "no-op";
    if (actions.includes("update")) {
      const before = c.change.before ?? {};
      const after = c.change.after ?? {};
      const diff: Record<string, readonly [unknown, unknown]> = {};
      for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (k === "tags_all" || (c.change.after_unknown ?? {})[k] === true) continue;
        if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) diff[k] = [before[k] ?? null, after[k] ?? null];
      }
      attributes[c.address] = diff;
    }
  }
  return { ok: true, record: { summary: planSummary(p.stdout), changes, attributes, errors: [], facts: {} } };
}

async function applyPlan(dir: LaneDir, parallelism: string[]): Promise<string[]> {
  const r = await dir.terraform(["apply", "-input=false", "-no-color", ...parallelism, "step.plan"]);
  return r.code === 0 ? [] : errorsOf(r);
}

/** The queues a step picks, by what they are in the module (not by name). */
interface Picks {
  readonly main: readonly string[];
  readonly deadLetterOf: Readonly<Record<string, string>>;
  readonly user: string;
  readonly policy: string;
}

function picks(module: Json): Picks {
  const queues = module.resource?.aws_sqs_queue ?? {};
  const main = Object.keys(queues).filter((k) => typeof queues[k].redrive_policy === "string").sort();
  const deadLetterOf: Record<string, string> = {};
  for (const k of main) {
    const m = /\$\{aws_sqs_queue\.([\w-]+)\.arn\}/.exec(queues[k].redrive_policy);
    if (m) deadLetterOf[k] = m[1];
  }
  const attachment = Object.values<Json>(module.resource?.aws_iam_user_policy_attachment ?? {})[0];
  const policy = Object.keys(module.resource?.aws_iam_policy ?? {})[0];
  if (main.length < 6 || !attachment || !policy) throw new Error("the AWS part needs six queues with dead-letter queues, the boundary policy and its attachment");
  return { main, deadLetterOf, user: String(attachment.user), policy };
}

/** The "changes" deploy: five changes on disjoint resources. */
function changed(base: Json, p: Picks): Json {
  const m = clone(base);
  const q = m.resource.aws_sqs_queue;
  q[p.main[0]].visibility_timeout_seconds = Number(q[p.main[0]].visibility_timeout_seconds ?? 30) + 60;
  const redrive = JSON.parse(q[p.main[1]].redrive_policy);
  q[p.main[1]].redrive_policy = JSON.stringify({ ...redrive, maxReceiveCount: Number(redrive.maxReceiveCount) + 1 });
  q[p.main[2]].tags = { ...q[p.main[2]].tags, "conformance-tag": "changed" };
  q.conformance_added = { name: `${q[p.main[3]].name}-conformance-added`, sqs_managed_sse_enabled: true, message_retention_seconds: 1209600 };
  const policy = m.resource.aws_iam_policy[p.policy];
  const doc = JSON.parse(policy.policy);
  for (const s of doc.Statement) if (s.NotResource) s.NotResource = [...(Array.isArray(s.NotResource) ? s.NotResource : [s.NotResource]), "arn:aws:sqs:eu-west-1:000000000000:conformance-external"];
  policy.policy = JSON.stringify(doc);
  return m;
}

/** The "forget and rename" deploy: one queue and its dead-letter queue forgotten, another renamed. */
function forgetAndRename(base: Json, p: Picks): { module: Json; forgotten: string[]; renamed: [string, string] } {
  const m = clone(base);
  const q = m.resource.aws_sqs_queue;
  const [forget, rename] = p.main.slice(3).filter((k) => p.deadLetterOf[k]);
  if (!forget || !rename) throw new Error("the AWS part needs two more queues with dead-letter queues to forget and rename");
  const forgotten = [forget, p.deadLetterOf[forget]];
  const names = forgotten.map((k) => String(q[k].name));
  for (const k of forgotten) delete q[k];
  m.import = (m.import ?? []).filter((i: Json) => !forgotten.some((k) => i.to === `aws_sqs_queue.${k}`));
  m.removed = forgotten.map((k) => ({ from: `aws_sqs_queue.${k}`, lifecycle: { destroy: false } }));
  // Renamed as a queue without prevent_destroy (a queue with it is the next step's).
  if (q[rename].lifecycle) delete q[rename].lifecycle.prevent_destroy;
  const before = String(q[rename].name);
  q[rename].name = `${before}-renamed`;
  return { module: m, forgotten: names, renamed: [before, `${before}-renamed`] };
}

function preventDestroyRename(base: Json, p: Picks): Json {
  const m = clone(base);
  const q = m.resource.aws_sqs_queue;
  const k = p.main[0];
  q[k].lifecycle = { ...(q[k].lifecycle ?? {}), prevent_destroy: true };
  q[k].name = `${q[k].name}-renamed`;
  return m;
}

/** A small module of its own (probes): the provider as the environment configures it, and `resource`. */
function probe(base: Json, resource: Json): Json {
  return { terraform: base.terraform, provider: base.provider, resource };
}

const PROBE_ARN = (name: string) => `arn:aws:sqs:eu-west-1:000000000000:${name}`;

/**
 * Runs every step on one target and returns what each showed. `parallelism` lets every queue's
 * 30-second propagation wait (the real provider's) overlap: it changes no outcome.
 */
export async function runAwsSteps(lane: AwsLane, base: Json, log: (line: string) => void = () => undefined, part: "all" | "probes" = "all"): Promise<Partial<Record<AwsStepId, StepRecord>>> {
  const par = ["-parallelism=64"];
  const out: Partial<Record<AwsStepId, StepRecord>> = {};
  const p = picks(base);
  const step = (id: AwsStepId, r: StepRecord) => {
    out[id] = r;
    log(`${lane.name}: ${id}: ${r.summary}${r.errors.length ? ` (${r.errors.length} error${r.errors.length === 1 ? "" : "s"})` : ""}`);
  };

  if (part === "all") await estateSteps(lane, base, p, par, step);
  await probeSteps(lane, base, p, par, step);
  return out;
}

type Step = (id: AwsStepId, r: StepRecord) => void;

async function estateSteps(lane: AwsLane, base: Json, p: Picks, par: string[], step: Step): Promise<void> {
  const estate = await lane.directory("estate", base);
  const adopt = await planRecord(estate, par);
  step("adopt", { ...adopt.record, errors: [...adopt.record.errors, ...(adopt.ok ? await applyPlan(estate, par) : [])] });
  const second = await planRecord(estate, par);
  step("second-deploy", second.record);
  if (second.ok && second.record.summary !== "No changes.") await applyPlan(estate, par);

  const changes = changed(base, p);
  estate.write(changes);
  const ch = await planRecord(estate, par);
  step("changes", { ...ch.record, errors: [...ch.record.errors, ...(ch.ok ? await applyPlan(estate, par) : [])] });
  const settled = await planRecord(estate, par);
  step("changes-settled", settled.record);
  if (settled.ok && settled.record.summary !== "No changes.") await applyPlan(estate, par);

  const fr = forgetAndRename(changes, p);
  estate.write(fr.module);
  const forget = await planRecord(estate, par);
  const forgetErrors = forget.ok ? await applyPlan(estate, par) : [];
  const exist = new Set(await lane.queues());
  step("forget-and-rename", {
    ...forget.record,
    errors: [...forget.record.errors, ...forgetErrors],
    facts: Object.fromEntries([...fr.forgotten, ...fr.renamed].map((n) => [`${n} exists after apply`, exist.has(n)])),
  });
  estate.write(preventDestroyRename(fr.module, p));
  step("rename-prevent-destroy", (await planRecord(estate, par)).record);
}

async function probeSteps(lane: AwsLane, base: Json, p: Picks, par: string[], step: Step): Promise<void> {
  const validation = await lane.directory(
    "validation",
    probe(base, {
      aws_sqs_queue: {
        too_long: { name: "conformance-validation-a", visibility_timeout_seconds: 99999, max_message_size: 300000 },
        bad_redrive: { name: "conformance-validation-b", redrive_policy: `{"deadLetterTargetArn": "${PROBE_ARN("x")}", maxReceiveCount: 5}` },
      },
      aws_iam_policy: {
        not_an_object: { name: "conformance-validation-a", policy: "[]" },
        not_json: { name: "conformance-validation-b", policy: '{"Version": }' },
      },
    }),
  );
  step("validation", (await planRecord(validation, par)).record);
  const queueName = await lane.directory("queue-name", probe(base, { aws_sqs_queue: { dotted: { name: "conformance.dotted" } } }));
  step("queue-name", (await planRecord(queueName, par)).record);

  const policyDoc = (resource: string, order: "as-written" | "reordered") => {
    const statements = [
      { Sid: "DenyPlainHttp", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: resource, Condition: { Bool: { "aws:SecureTransport": "false" } } },
      { Sid: "AllowAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::000000000000:root" }, Action: ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource: resource },
    ];
    if (order === "as-written") return JSON.stringify({ Version: "2012-10-17", Statement: statements });
    return JSON.stringify({
      Statement: statements.reverse().map((s) => ({ ...Object.fromEntries(Object.entries(s).reverse()), Action: Array.isArray(s.Action) ? [...s.Action].reverse() : [s.Action] })),
      Version: "2012-10-17",
    });
  };
  const jsonModule = (order: "as-written" | "reordered", count: number | string, updateTimeout?: string) =>
    probe(base, {
      aws_sqs_queue: {
        json_dead_letter: { name: "conformance-json-dead-letter" },
        json: {
          name: "conformance-json",
          policy: policyDoc(PROBE_ARN("conformance-json"), order),
          redrive_policy:
            order === "as-written"
              ? JSON.stringify({ deadLetterTargetArn: "${aws_sqs_queue.json_dead_letter.arn}", maxReceiveCount: count })
              : JSON.stringify({ maxReceiveCount: count, deadLetterTargetArn: "${aws_sqs_queue.json_dead_letter.arn}" }),
          ...(updateTimeout ? { timeouts: { update: updateTimeout } } : {}),
        },
      },
      aws_iam_policy: { json: { name: "conformance-json", policy: policyDoc(PROBE_ARN("conformance-json"), order) } },
    });
  const json = await lane.directory("json", jsonModule("as-written", 5));
  const created = await planRecord(json, par);
  const createErrors = created.ok ? await applyPlan(json, par) : created.record.errors;
  json.write(jsonModule("reordered", 5));
  const reordered = await planRecord(json, par);
  step("json-equivalence", { ...reordered.record, errors: [...createErrors, ...reordered.record.errors] });
  // The real provider waits for SQS to report "50" until the update timeout: 45 s here, not 3 minutes.
  json.write(jsonModule("as-written", "50", "45s"));
  const asString = await planRecord(json, par);
  const stringErrors = asString.ok ? await applyPlan(json, par) : asString.record.errors;
  const again = await planRecord(json, par);
  step("max-receive-count-string", { ...again.record, errors: [...stringErrors, ...again.record.errors], facts: { "first plan": asString.record.changes } });

  const iam = await lane.directory(
    "iam",
    probe(base, {
      aws_sqs_queue: { defaults: { name: "conformance-defaults" } },
      aws_iam_policy: {
        missing_user: { name: "conformance-missing-user", policy: policyDoc(PROBE_ARN("conformance-defaults"), "as-written") },
        existing_user: { name: "conformance-existing-user", policy: policyDoc(PROBE_ARN("conformance-defaults"), "as-written") },
      },
      aws_iam_user_policy_attachment: {
        missing_user: { user: "conformance-no-such-user", policy_arn: "${aws_iam_policy.missing_user.arn}" },
        existing_user: { user: p.user, policy_arn: "${aws_iam_policy.existing_user.arn}" },
      },
    }),
  );
  const iamPlan = await planRecord(iam, par);
  const iamErrors = iamPlan.ok ? await applyPlan(iam, par) : iamPlan.record.errors;
  await iam.terraform(["apply", "-refresh-only", "-auto-approve", "-input=false", "-no-color"]);
  const state = JSON.parse((await iam.terraform(["show", "-json"])).stdout || "{}");
  const facts: Record<string, unknown> = {};
  for (const r of state.values?.root_module?.resources ?? []) {
    const v = r.values ?? {};
    if (r.type === "aws_sqs_queue") for (const k of ["delay_seconds", "max_message_size", "message_retention_seconds", "receive_wait_time_seconds", "visibility_timeout_seconds", "fifo_queue", "kms_data_key_reuse_period_seconds"]) facts[`${r.address}.${k}`] = v[k];
    if (r.type === "aws_iam_policy") for (const k of ["path", "attachment_count"]) facts[`${r.address}.${k}`] = v[k];
    if (r.type === "aws_iam_user_policy_attachment") facts[`${r.address} in state`] = true;
  }
  step("iam-user-and-defaults", { ...iamPlan.record, errors: iamErrors, facts });
}

/** One line of the lane's report. */
export interface Finding {
  readonly step: AwsStepId;
  readonly kind: "same" | "moto" | "difference";
  readonly text: string;
}

/**
 * What differs between the real provider's record of a step and the stand-in's: each differing
 * change, error or fact, named a moto deviation when every changed attribute behind it is one.
 */
export function compareSteps(real: Partial<Record<AwsStepId, StepRecord>>, standin: Partial<Record<AwsStepId, StepRecord>>): Finding[] {
  const findings: Finding[] = [];
  for (const { id } of AWS_STEPS) {
    const r = real[id];
    const s = standin[id];
    if (!r || !s) continue;
    const before = findings.length;
    for (const address of [...new Set([...Object.keys(r.changes), ...Object.keys(s.changes)])].sort()) {
      const ra = r.changes[address] ?? "no change";
      const sa = s.changes[address] ?? "no change";
      const attrs = Object.entries(r.attributes[address] ?? {});
      if (ra === sa) {
        // The same update: it must change the same attributes, those moto alone changes aside.
        const real = attrs.filter(([k, [b, a]]) => !MOTO_DEVIATIONS.some((d) => d.explains(k, b, a))).map(([k]) => k);
        const stand = Object.keys(s.attributes[address] ?? {});
        const differ = [...real.filter((k) => !stand.includes(k)), ...stand.filter((k) => !attrs.some(([x]) => x === k))];
        if (differ.length) findings.push({ step: id, kind: "difference", text: `${address}: both ${ra}, but the attributes differ: real ${real.join(", ") || "none"}, stand-in ${stand.join(", ") || "none"}` });
        continue;
      }
      const deviations = attrs.map(([k, [b, a]]) => MOTO_DEVIATIONS.find((d) => d.explains(k, b, a)));
      // The real side's update is moto's alone when, without it, both sides do the same ("update+import" vs "import").
      const withoutUpdate = ra.split("+").filter((a) => a !== "update").join("+") || "no change";
      const onlyMoto = withoutUpdate === sa && ra !== sa && attrs.length > 0 && deviations.every(Boolean);
      const detail = attrs.map(([k, [b, a]]) => `${k} ${short(b)} -> ${short(a)}`).join("; ");
      findings.push({
        step: id,
        kind: onlyMoto ? "moto" : "difference",
        text: onlyMoto
          ? `${address}: real ${ra} (${detail}), stand-in ${sa}: moto ${[...new Set(deviations.map((d) => d!.id))].join(", ")}`
          : `${address}: real ${ra}${detail ? ` (${detail})` : ""}, stand-in ${sa}`,
      });
    }
    for (const e of r.errors.filter((x) => !s.errors.includes(x))) findings.push({ step: id, kind: "difference", text: `real error only: ${e}` });
    for (const e of s.errors.filter((x) => !r.errors.includes(x))) findings.push({ step: id, kind: "difference", text: `stand-in error only: ${e}` });
    for (const k of [...new Set([...Object.keys(r.facts), ...Object.keys(s.facts)])].sort()) {
      if (JSON.stringify(r.facts[k]) !== JSON.stringify(s.facts[k])) findings.push({ step: id, kind: "difference", text: `${k}: real ${short(r.facts[k])}, stand-in ${short(s.facts[k])}` });
    }
    if (findings.length === before) findings.push({ step: id, kind: "same", text: `${r.summary}${r.errors.length ? `; ${r.errors.length} error${r.errors.length === 1 ? "" : "s"}, the same` : ""}` });
  }
  return findings;
}

const short = (v: unknown): string => {
  const s = JSON.stringify(v) ?? "null";
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
};

/** Groups the moto findings of a step that differ only by address into one line each. */
export function report(findings: readonly Finding[], header: readonly string[]): string {
  const lines = [...header];
  for (const { id } of AWS_STEPS) {
    const of = findings.filter((f) => f.step === id);
    const same = of.find((f) => f.kind === "same");
    if (same) {
      lines.push(`SAME  ${id}: ${same.text}`);
      continue;
    }
    const moto = new Map<string, string[]>();
    for (const f of of.filter((x) => x.kind === "moto")) {
      const key = f.text.replace(/^\S+: /, "").replace(/\(.*\)/, "(...)");
      moto.set(key, [...(moto.get(key) ?? []), f.text.split(":")[0]]);
    }
    for (const [key, addresses] of moto) lines.push(`MOTO  ${id}: ${addresses.length} resource${addresses.length === 1 ? "" : "s"} (${addresses.slice(0, 3).join(", ")}${addresses.length > 3 ? ", ..." : ""}): ${key}`);
    for (const f of of.filter((x) => x.kind === "difference")) lines.push(`DIFF  ${id}: ${f.text}`);
  }
  const used = new Set(findings.filter((f) => f.kind === "moto").flatMap((f) => MOTO_DEVIATIONS.filter((d) => f.text.includes(d.id)).map((d) => d.id)));
  if (used.size) {
    lines.push("", "moto deviations (moto is not AWS; the provider's answer to real SQS is the stand-in's):");
    for (const d of MOTO_DEVIATIONS.filter((x) => used.has(x.id))) lines.push(`  ${d.id}: ${d.what} (getmoto/moto ${MOTO_VERSION} ${d.source})`);
  }
  return lines.join("\n") + "\n";
}

// ---- the two targets ----------------------------------------------------------------------------

/** The account both targets start from: the platform's queues, SSM parameters and IAM users. */
export interface Account {
  readonly platform: PlatformData;
}

const SQS_ATTRIBUTES: Readonly<Record<string, string>> = {
  delay_seconds: "DelaySeconds",
  max_message_size: "MaximumMessageSize",
  message_retention_seconds: "MessageRetentionPeriod",
  receive_wait_time_seconds: "ReceiveMessageWaitTimeSeconds",
  visibility_timeout_seconds: "VisibilityTimeout",
  policy: "Policy",
  redrive_policy: "RedrivePolicy",
  sqs_managed_sse_enabled: "SqsManagedSseEnabled",
  kms_data_key_reuse_period_seconds: "KmsDataKeyReusePeriodSeconds",
};

/** A running moto server: its endpoint, and the process this lane started. */
export interface Moto {
  readonly endpoint: string;
  readonly process: ChildProcess;
  /** CPU seconds moto has used so far (Linux /proc), or undefined where that cannot be read. */
  cpuSeconds(): number | undefined;
  stop(): void;
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `python3 -m moto.server` on a free port, as the account `accountId`, in a process group of its
 * own (python3 may be a shim that starts the interpreter as its child): `stop` ends the whole group, and
 * works from the moment this returns, before moto answers (`ready`).
 */
export async function startMoto(accountId: string, inherit: NodeJS.ProcessEnv, started: (m: Moto) => void = () => undefined): Promise<Moto> {
  const port = await freePort();
  const child = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...inherit, MOTO_ACCOUNT_ID: accountId },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const moto: Moto = { endpoint, process: child, cpuSeconds: () => procCpuSeconds(`/proc/${child.pid}/stat`, 13), stop };
  started(moto);
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`moto exited (${child.exitCode}) before it answered: ${stderr.trim().split("\n").slice(-3).join(" ")}`);
    try {
      const r = await fetch(`${endpoint}/moto-api/`);
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (i > 300) {
      stop();
      throw new Error(`moto did not answer on ${endpoint} within 30 s: ${stderr.trim().split("\n").slice(-3).join(" ")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return moto;
}

/** utime + stime (fields 14, 15) of a /proc stat file, or cutime + cstime (16, 17) with first = 15; in seconds. */
export function procCpuSeconds(file: string, first: number): number | undefined {
  try {
    const fields = fs.readFileSync(file, "utf8").replace(/^.*\) /s, "").split(" ");
    // After "pid (comm) ", field 3 (state) is index 0: field n is index n - 3.
    const ticks = Number(fields[first - 2]) + Number(fields[first - 1]);
    return Number.isFinite(ticks) ? ticks / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** A request to moto in an AWS query or JSON protocol, signed only as far as moto reads it (service and region). */
async function awsCall(endpoint: string, service: string, region: string, body: URLSearchParams | { target: string; json: object }): Promise<string> {
  const headers: Record<string, string> = { Authorization: `AWS4-HMAC-SHA256 Credential=conformance/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0` };
  let payload: string;
  if (body instanceof URLSearchParams) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    payload = body.toString();
  } else {
    headers["Content-Type"] = "application/x-amz-json-1.1";
    headers["X-Amz-Target"] = body.target;
    payload = JSON.stringify(body.json);
  }
  const r = await fetch(`${endpoint}/`, { method: "POST", headers, body: payload });
  const text = await r.text();
  if (!r.ok) throw new Error(`moto ${service} ${body instanceof URLSearchParams ? body.get("Action") : body.target}: ${r.status} ${text.slice(0, 300)}`);
  return text;
}

/** Creates on moto what the platform holds: SSM parameters, IAM users, and queues (dead-letter queues first) with their attributes and tags. */
export async function seedMoto(endpoint: string, platform: PlatformData): Promise<void> {
  const region = platform.aws.region;
  for (const [name, p] of Object.entries(platform.aws.parameters)) {
    await awsCall(endpoint, "ssm", region, { target: "AmazonSSM.PutParameter", json: { Name: name, Type: p.type, Value: p.value, Overwrite: true } });
  }
  for (const user of platform.aws.iamUsers ?? []) await awsCall(endpoint, "iam", "us-east-1", new URLSearchParams({ Action: "CreateUser", UserName: user, Version: "2010-05-08" }));
  const queues = Object.values(platform.resources.aws_sqs_queue ?? {}).sort((a, b) => Number(a.redrive_policy != null) - Number(b.redrive_policy != null));
  for (const q of queues) {
    const params = new URLSearchParams({ Action: "CreateQueue", QueueName: String(q.name) });
    let n = 0;
    for (const [attr, name] of Object.entries(SQS_ATTRIBUTES)) {
      if (q[attr] === null || q[attr] === undefined) continue;
      n++;
      params.set(`Attribute.${n}.Name`, name);
      params.set(`Attribute.${n}.Value`, String(q[attr]));
    }
    Object.entries((q.tags as Record<string, string> | null) ?? {}).forEach(([k, v], i) => {
      params.set(`Tag.${i + 1}.Key`, k);
      params.set(`Tag.${i + 1}.Value`, v);
    });
    await awsCall(endpoint, "sqs", region, params);
  }
}

/** The real lane: hashicorp/aws from the mirror, pointed at moto by an override file next to each module. */
export function motoLane(work: string, moto: Moto, mirror: string, region: string, inherit: NodeJS.ProcessEnv): AwsLane {
  const env = { ...inherit, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_CLI_CONFIG_FILE: "/dev/null", GOGC: "400", AWS_ACCESS_KEY_ID: "conformance", AWS_SECRET_ACCESS_KEY: "conformance" };
  const override = {
    terraform: { backend: { local: { path: "terraform.tfstate" } } },
    provider: {
      aws: {
        region,
        skip_metadata_api_check: true,
        skip_region_validation: true,
        endpoints: [{ iam: moto.endpoint, sqs: moto.endpoint, ssm: moto.endpoint, sts: moto.endpoint }],
      },
    },
  };
  return {
    name: "aws-real",
    async directory(name, module) {
      const dir = path.join(work, name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "conformance_override.tf.json"), JSON.stringify(override));
      const d: LaneDir = {
        terraform: (args) => runProcess("terraform", args, { cwd: dir, env }),
        write: (m) => fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(m, null, 1)),
      };
      d.write(module);
      const init = await d.terraform(["init", "-input=false", "-no-color", `-plugin-dir=${mirror}`]);
      if (init.code !== 0) throw new Error(`terraform init (${name}) failed:\n${init.stderr}${init.stdout}`.slice(0, 3000));
      return d;
    },
    async queues() {
      const xml = await awsCall(moto.endpoint, "sqs", region, new URLSearchParams({ Action: "ListQueues" }));
      return [...xml.matchAll(/<QueueUrl>[^<]*\/([^/<]+)<\/QueueUrl>/g)].map((m) => m[1]);
    },
    async close() {
      moto.stop();
    },
  };
}

/** The stand-in lane: the stand-in providers in this process, on a copy of the platform. */
export async function standinLane(root: string, work: string, platform: PlatformData, inherit: NodeJS.ProcessEnv): Promise<AwsLane> {
  fs.mkdirSync(work, { recursive: true });
  const file = path.join(work, "account.platform.json");
  fs.writeFileSync(file, JSON.stringify(platform));
  const standin: RunningStandin = await startStandin(root, work, { account: file });
  const artifact = path.join(work, "unused.zip");
  const env = standinTerraformEnv(inherit, standin.reattach.account, { path: artifact, sha256: "0".repeat(64) });
  return {
    name: "standin",
    async directory(name, module) {
      const dir = path.join(work, name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "conformance_override.tf.json"), JSON.stringify({ terraform: { backend: { local: { path: "terraform.tfstate" } } } }));
      const d: LaneDir = {
        terraform: (args) => runProcess("terraform", args, { cwd: dir, env }),
        write: (m) => fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(m, null, 1)),
      };
      d.write(module);
      const init = await d.terraform(["init", "-input=false", "-no-color"]);
      if (init.code !== 0) throw new Error(`terraform init (${name}) failed:\n${init.stderr}${init.stdout}`.slice(0, 3000));
      return d;
    },
    async queues() {
      return Object.values(standin.platforms.account.objects("aws_sqs_queue")).map((q) => String(q.name));
    },
    close: () => standin.close(),
  };
}
