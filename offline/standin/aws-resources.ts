import { goJsonError, goJsonSyntaxError, jsonStringsEqual, normalizeJson, policiesEquivalent } from "./aws-json";
import type { Platform } from "./platform";
import { isUnknown, type Obj, type Value } from "./values";

// What hashicorp/aws 5.100.0 and the AWS APIs behind it do at the edges the generic stand-in does not
// reach: its validators, its plan-time checks, its JSON handling, what SQS and IAM report back, and
// where an apply fails. Each behaviour is a row of semantics.ts (rows 45, 80-86) citing the lines.
// provider.ts calls these from its validate, plan, apply and read.

/** An error the provider returns, as Terraform shows it; `state` is what an apply that failed half-way stored. */
export interface AwsFailure {
  readonly summary: string;
  readonly detail: string;
  readonly state?: Obj;
}
export class AwsProviderError extends Error {
  constructor(readonly failure: AwsFailure) {
    super(`${failure.summary}${failure.detail ? `: ${failure.detail}` : ""}`);
  }
}
const fail = (summary: string, detail = "", state?: Obj): never => {
  throw new AwsProviderError({ summary, detail, state });
};

/** An attribute's ValidateFunc in the 5.100.0 schemas (semantics row 80). */
type Validator = { readonly intBetween: readonly [number, number] } | { readonly json: true } | { readonly iamPolicyJson: true };

export const VALIDATORS: Readonly<Record<string, Readonly<Record<string, Validator>>>> = {
  aws_sqs_queue: {
    delay_seconds: { intBetween: [0, 900] },
    kms_data_key_reuse_period_seconds: { intBetween: [60, 86_400] },
    max_message_size: { intBetween: [1024, 262_144] },
    message_retention_seconds: { intBetween: [60, 1_209_600] },
    visibility_timeout_seconds: { intBetween: [0, 43_200] },
    policy: { json: true },
    redrive_policy: { json: true },
    redrive_allow_policy: { json: true },
  },
  aws_iam_policy: { policy: { iamPolicyJson: true } },
};

/**
 * ValidateResourceConfig: every ValidateFunc of the type's schema on the configured values, all
 * problems at once, in terraform-plugin-sdk's words (validation/int.go IntBetween, strings.go
 * StringIsJSON, verify/validate.go ValidIAMPolicyJSON). Unknown values are not validated (the SDK
 * validates them at apply, when known).
 */
export function validateAws(type: string, config: Obj | null): { summary: string; detail: string; attribute: string }[] {
  const out: { summary: string; detail: string; attribute: string }[] = [];
  for (const [k, v] of Object.entries(VALIDATORS[type] ?? {})) {
    const value = config?.[k];
    if (value === null || value === undefined || isUnknown(value)) continue;
    if ("intBetween" in v) {
      const [min, max] = v.intBetween;
      if (typeof value === "number" && (value < min || value > max)) out.push({ summary: `expected ${k} to be in the range (${min} - ${max}), got ${value}`, detail: "", attribute: k });
    } else if ("json" in v) {
      const err = goJsonError(String(value));
      if (err) out.push({ summary: `"${k}" contains an invalid JSON: ${err}`, detail: "", attribute: k });
    } else {
      const problem = iamPolicyJsonProblem(String(value));
      if (problem) out.push({ summary: `"${k}" ${problem}`, detail: "", attribute: k });
    }
  }
  return out;
}

/** verify.ValidIAMPolicyJSON's refusal of a policy document (after the attribute's quoted name), or undefined. */
function iamPolicyJsonProblem(text: string): string | undefined {
  if (!text) return "is an empty string, which is not a valid JSON value";
  const first = text[0];
  if (" \t\r\n".includes(first)) return "contains an invalid JSON policy: leading space characters are not allowed";
  if (first === '"') {
    let hint = "";
    try {
      const content = JSON.parse(text);
      if (typeof content === "string" && content.endsWith(".json")) hint = " (have you passed a JSON-encoded filename instead of the content of that file?)";
      else if (typeof content === "string" && !goJsonError(content)) hint = " (have you double-encoded your JSON data?)";
    } catch {
      // Not a JSON string either: no hint.
    }
    return `contains an invalid JSON policy: contains a JSON-encoded string, not a JSON-encoded object${hint}`;
  }
  if (first === "[") return "contains an invalid JSON policy: contains a JSON array, not a JSON object";
  if (first !== "{") return "contains an invalid JSON policy: not a JSON object";
  const err = goJsonSyntaxError(text);
  return err ? `contains an invalid JSON policy: ${err.message}, at byte offset ${err.offset}` : undefined;
}

/** What the queue's JSON attributes compare by: IAM policy equivalence, or the normalised JSON text. */
const JSON_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, "policy" | "json">>>> = {
  aws_sqs_queue: { policy: "policy", redrive_policy: "json", redrive_allow_policy: "json" },
  aws_iam_policy: { policy: "policy" },
};

/**
 * The provider's part of PlanResourceChange for SDKv2 resources: CustomizeDiff's refusals (semantics
 * row 81), and JSON attributes planned as their StateFunc writes them, or as the prior state when the
 * DiffSuppressFunc finds them equivalent (semantics row 82).
 */
export function planAws(type: string, planned: Obj, prior: Obj | null): Obj {
  if (type === "aws_sqs_queue" && !prior) {
    const name = planned.name;
    if (typeof name === "string") {
      const fifo = planned.fifo_queue === true;
      const re = fifo ? /^[0-9A-Za-z_-]{1,75}\.fifo$/ : /^[0-9A-Za-z_-]{1,80}$/;
      if (!re.test(name)) fail(`invalid queue name: ${name}`);
    }
  }
  if (type === "aws_sqs_queue" && planned.fifo_queue !== true && planned.content_based_deduplication === true) fail("content-based deduplication can only be set for FIFO queue");
  const out = { ...planned };
  for (const [k, how] of Object.entries(JSON_ATTRIBUTES[type] ?? {})) {
    const v = out[k];
    if (typeof v !== "string" || goJsonError(v)) continue;
    const old = prior?.[k];
    // A policy's DiffSuppressFunc compares by equivalence; a redrive policy has only its StateFunc, so the
    // state's text must equal the normalised config exactly (a number is not the string of it).
    if (typeof old === "string" && (how === "policy" ? policiesEquivalent(old, v) : old === normalizeJson(v))) out[k] = old;
    else out[k] = normalizeJson(v);
  }
  return out;
}

/** What SQS reports for an attribute a queue was created without (GetQueueAttributes All; semantics row 45). */
export const SQS_REPORTED_DEFAULTS: Readonly<Record<string, Value>> = {
  delay_seconds: 0,
  max_message_size: 262_144,
  message_retention_seconds: 345_600,
  receive_wait_time_seconds: 0,
  visibility_timeout_seconds: 30,
  fifo_queue: false,
  content_based_deduplication: false,
  kms_data_key_reuse_period_seconds: 300,
};

/** A queue as SQS reports it: its value of every attribute (semantics row 45), JSON as SQS stores it (semantics row 84). */
export function sqsAsReported(o: Obj): Obj {
  const out = { ...o };
  for (const [k, v] of Object.entries(SQS_REPORTED_DEFAULTS)) if (out[k] === null || out[k] === undefined) out[k] = v;
  if (typeof out.redrive_policy === "string") out.redrive_policy = sqsStoredRedrive(out.redrive_policy);
  return out;
}

/** SQS keeps maxReceiveCount as a number, whatever JSON type it was sent as (semantics row 84). */
function sqsStoredRedrive(text: string): string {
  try {
    const p = JSON.parse(text) as Record<string, unknown>;
    if (p && typeof p === "object" && typeof p.maxReceiveCount === "string" && /^\d+$/.test(p.maxReceiveCount)) {
      return JSON.stringify({ ...p, maxReceiveCount: Number(p.maxReceiveCount) });
    }
  } catch {
    // Not JSON: validation refused it before any apply.
  }
  return text;
}

/** The create and update timeout hashicorp/aws 5.100.0 gives aws_sqs_queue unless `timeouts` sets one (schema.DefaultTimeout(3 * time.Minute)). */
const SQS_TIMEOUT_SECONDS = 180;

/** A Terraform duration ("45s", "3m", "1h30m") as Go's time.Duration prints it ("45s", "3m0s", "1h30m0s"). */
export function goDuration(terraform: string | null | undefined, fallbackSeconds: number): string {
  let seconds = fallbackSeconds;
  const parts = terraform ? [...terraform.matchAll(/(\d+)(h|m|s)/g)] : [];
  if (parts.length) seconds = parts.reduce((n, [, v, u]) => n + Number(v) * (u === "h" ? 3600 : u === "m" ? 60 : 1), 0);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  return h ? `${h}h${m}m${sec}s` : m ? `${m}m${sec}s` : `${sec}s`;
}

/**
 * After CreateQueue or SetQueueAttributes the provider waits until SQS reports every attribute it
 * sent (redrive policies compared with verify.JSONStringsEqual); one that never matches fails the
 * apply when the timeout runs out, with the planned values in state (semantics row 84). The stand-in
 * fails at once instead of after three minutes.
 */
export function sqsPropagated(stored: Obj, planned: Obj, creating: boolean): void {
  const sent = planned.redrive_policy;
  const got = stored.redrive_policy;
  if (typeof sent === "string" && typeof got === "string" && !jsonStringsEqual(sent, got)) {
    const configured = (planned.timeouts as Obj | null)?.[creating ? "create" : "update"];
    fail(
      `waiting for SQS Queue (${String(stored.url)}) attributes ${creating ? "create" : "update"}: timeout while waiting for state to become 'equal' (last state: 'notequal', timeout: ${goDuration(typeof configured === "string" ? configured : null, SQS_TIMEOUT_SECONDS)})`,
      "",
      planned,
    );
  }
}

/** IAM users that exist (the platform's aws.iamUsers). */
const usersOf = (p: Platform): readonly string[] => p.data.aws.iamUsers ?? [];

/** AttachUserPolicy to a user that does not exist: IAM's 404 NoSuchEntity, as the provider wraps it (semantics row 85). */
export function attachUserPolicy(p: Platform, user: string, policyArn: string): void {
  if (usersOf(p).includes(user)) return;
  fail(
    `attaching IAM Policy (${policyArn}) to IAM User (${user}): operation error IAM: AttachUserPolicy, https response error StatusCode: 404, RequestID: ${p.newGuid()}, NoSuchEntity: The user with name ${user} cannot be found.`,
  );
}

/** GetPolicy's AttachmentCount: the users the policy is attached to (semantics row 86). */
export function attachmentCount(p: Platform, policyArn: Value): number {
  return Object.values(p.objects("aws_iam_user_policy_attachment")).filter((a) => a.policy_arn === policyArn).length;
}

/** An AWS object as a refresh or import reads it (semantics rows 45, 82, 86); `prior` is the state it is read into. */
export function awsAsRead(type: string, live: Obj, prior: Obj | null, p: Platform): Obj {
  let out = { ...live };
  if (type === "aws_sqs_queue") out = sqsAsReported(out);
  if (type === "aws_iam_policy") out.attachment_count = attachmentCount(p, out.arn);
  // verify.PolicyToSet: a read keeps the state's document when the remote one is equivalent.
  for (const [k, how] of Object.entries(JSON_ATTRIBUTES[type] ?? {})) {
    const old = prior?.[k];
    if (how === "policy" && typeof old === "string" && typeof out[k] === "string" && policiesEquivalent(old, String(out[k]))) out[k] = old;
  }
  return out;
}
