// What the plan guard knows about each resource type the stacks manage: what destroying or replacing
// one costs, how an object is named when it has no `id`, and which in-place changes can take an app
// down or lose messages, each with its source. A type missing here is refused outright: the guard
// judges only what it has rules for.

/** A resource type the stacks manage, and what a destroy or a replace of one costs. */
export interface ManagedType {
  readonly lost: string;
  /** Where the type has no `id` attribute: a name for the object built from its values before the change. */
  readonly identity?: (before: Readonly<Record<string, unknown>>) => string | undefined;
}

const policyIdentity = (before: Readonly<Record<string, unknown>>): string | undefined => {
  const policies = Array.isArray(before.policies) ? before.policies : [];
  const named = policies.map((p) => {
    const x = (p ?? {}) as Record<string, unknown>;
    return `${x.source_app} -> ${x.destination_app} ${x.protocol ?? "tcp"}/${x.port}`;
  });
  return named.length ? named.join(", ") : undefined;
};

/**
 * Every resource type the stacks manage (stacks/environment-stack.ts). Sources: provider schemas
 * (cloudfoundry 1.16.0, aws 5.100.0); a network policy has no `id` (resource_network_policy.go:22-25,
 * semantics row 33), so it is named by its policies.
 */
export const MANAGED_TYPES: Readonly<Record<string, ManagedType>> = {
  aws_sqs_queue: { lost: "queue (its messages would be lost)" },
  cloudfoundry_app: { lost: "app (an outage while it is recreated)" },
  cloudfoundry_route: { lost: "route (requests to it fail until it is back)" },
  cloudfoundry_service_credential_binding: { lost: "service binding (the app loses the service's credentials)" },
  cloudfoundry_network_policy: { lost: "network policy (the source app can no longer reach the destination: its statsd metrics stop)", identity: policyIdentity },
  aws_iam_policy: { lost: "IAM policy (the apps' SQS boundary: while it is gone the apps' keys reach every queue in the account)" },
  aws_iam_user_policy_attachment: { lost: "IAM policy attachment (the apps' user loses its SQS boundary: its keys reach every queue in the account)" },
};

/** What a dangerous in-place change rule sees of one resource change. */
export interface ChangeView {
  readonly type: string;
  readonly actions: readonly string[];
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
  readonly unknown: Readonly<Record<string, unknown>>;
}

/** What a rule knows about the app a change is for (undefined for other types, or an app config does not declare). */
export interface AppContext {
  readonly name: string;
  /** The instances a deploy keeps (stacks/environment-stack.ts deployMinimum). */
  readonly keeps: number;
  /** Its floor: the configured deploy floor or fixed count, never below an incident floor (config/invariants.ts effectiveFloor). */
  readonly floor: number;
  /** The incident floor (config/invariants.ts), 0 when none. */
  readonly incidentFloor: number;
}

export interface Danger {
  readonly message: string;
  /** Set when config cannot accept it (an incident floor would be breached). */
  readonly invariant?: boolean;
}

/** A kind of in-place change that can take an app down or lose messages. */
export interface DangerRule {
  /** Stable id: tests name a rule by it. */
  readonly id: string;
  readonly type: string;
  /** Why it is dangerous, with where that is written down. */
  readonly source: string;
  readonly judge: (c: ChangeView, app: AppContext | undefined) => Danger | undefined;
}

const canonical = (v: unknown): string => JSON.stringify(v ?? null);
const isUpdate = (c: ChangeView) => c.actions.join() === "update";
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A known list's length after the change, or undefined when the list itself is unknown until apply. */
const knownLength = (c: ChangeView, attribute: string): number | undefined => (c.unknown[attribute] === true ? undefined : list(c.after?.[attribute]).length);

/** Attributes of an app's web process whose change can leave no instance healthy. */
export const HEALTH_ATTRIBUTES: readonly string[] = ["health_check_type", "health_check_http_endpoint", "readiness_health_check_type", "readiness_health_check_http_endpoint", "command"];

export const DANGER_RULES: readonly DangerRule[] = [
  {
    id: "app-strategy",
    type: "cloudfoundry_app",
    source:
      "every update of cloudfoundry_app is a full push; strategy none (or unset) restarts every instance in place (go-cfclient AppPushOperation.pushApp), blue-green pushes a new app with a new GUID and deletes the old one with its bindings (pushBlueGreenApp); only rolling keeps instances running (pushRollingApp)",
    judge: (c, app) => {
      if (!isUpdate(c) || c.after?.strategy === "rolling") return undefined;
      const floor = app ? `: 0 of the ${app.keeps} a deploy keeps, during the push` : "";
      return {
        message: `strategy ${canonical(c.after?.strategy)} on a push, not "rolling": every running instance stops while it is pushed${floor}`,
        invariant: (app?.incidentFloor ?? 0) > 0,
      };
    },
  },
  {
    id: "app-processes",
    type: "cloudfoundry_app",
    source:
      "`processes` overrides the top-level process attributes; Cloud Controller applies a web entry instead of them (AppManifestMessage#process_attributes), so the top-level instances the guard reads are not what runs",
    judge: (c, app) => {
      const processes = list(c.after?.processes).map((p) => (p ?? {}) as Record<string, unknown>);
      if (!processes.length) return undefined;
      const shown = processes.map((p) => `${p.type} instances=${p.instances ?? "(unset)"}`).join(", ");
      const web = processes.find((p) => p.type === "web");
      return {
        message: `processes overrides ${shown} beside top-level instances=${c.after?.instances ?? "(unset)"}: Cloud Controller runs the web entry, not the top-level count`,
        // A web entry without a count (NaN) is below nothing.
        invariant: Number(web?.instances) < (app?.incidentFloor ?? 0),
      };
    },
  },
  {
    id: "app-health-check",
    type: "cloudfoundry_app",
    source:
      "an instance that fails its liveness check is marked crashed and restarted, one that fails its readiness check leaves the route pool (Cloud Foundry docs, Using Cloud Foundry health checks, docs.cloudfoundry.org/devguide/deploy-apps/healthchecks.html): a check or start command the app does not pass leaves no instance serving; on an app whose floor is above one instance (the API's) a reviewer accepts it for the one apply",
    judge: (c, app) => {
      if (!isUpdate(c) || !app || app.floor <= 1) return undefined;
      // Unknown until apply is no change: the provider sends only known values, and Cloud Controller
      // keeps what it has (resource_app.go:94-112, semantics row 11).
      const changed = HEALTH_ATTRIBUTES.filter((k) => c.unknown[k] !== true && canonical(c.before?.[k]) !== canonical(c.after?.[k]));
      if (!changed.length) return undefined;
      // A check type is one of a few words; a command or an endpoint is free text (a candidate's can be
      // built to shape a comment, a hand-set one can hold a token): named, never quoted.
      const shown = changed.map((k) => (k.endsWith("_type") ? `${k} ${canonical(c.before?.[k])} -> ${canonical(c.after?.[k])}` : `${k} changed`)).join(", ");
      return { message: `${shown} on an app with a floor of ${app.floor}: if the instances fail the new check, none is healthy` };
    },
  },
  {
    id: "route-destinations",
    type: "cloudfoundry_route",
    source: "a route's destinations are replaced as a whole list (ReplaceDestinations, resource_route.go:290-312, semantics row 24): a destination left out is unmapped, and requests to the route fail with 404",
    judge: (c) => {
      if (!isUpdate(c)) return undefined;
      const was = list(c.before?.destinations).length;
      const now = knownLength(c, "destinations");
      if (now === undefined) return { message: `destinations unknown until apply (${was} now): the plan cannot show the route keeps its apps` };
      return now < was ? { message: `destinations ${was} -> ${now}: requests to it fail with 404${now ? " on the unmapped apps' share" : ""}` } : undefined;
    },
  },
  {
    id: "queue-retention",
    type: "aws_sqs_queue",
    source: "SQS deletes every message older than the queue's MessageRetentionPeriod (AWS SQS API reference, SetQueueAttributes): lowering it deletes the older messages waiting",
    judge: (c) => {
      // A value that is not a number (NaN) is lower than nothing.
      const was = Number(c.before?.message_retention_seconds);
      const now = Number(c.after?.message_retention_seconds);
      return now < was ? { message: `message_retention_seconds ${was} -> ${now}: SQS deletes every message older than ${now} s` } : undefined;
    },
  },
  {
    id: "iam-policy",
    type: "aws_iam_policy",
    source: "the apps' SQS boundary is an explicit Deny, and an explicit Deny overrides every Allow (AWS IAM policy evaluation logic): a changed document can cut every app off its queues",
    judge: (c) => {
      if (!isUpdate(c)) return undefined;
      if (c.unknown.policy === true) return { message: "policy document unknown until apply: the plan cannot show what the apps' user may still reach" };
      return documentOf(c.before?.policy) === documentOf(c.after?.policy) ? undefined : { message: "policy document changes: an explicit Deny overrides every Allow, so a wrong statement cuts every app off its queues" };
    },
  },
  {
    id: "iam-attachment",
    type: "aws_iam_user_policy_attachment",
    source: "the attachment puts the SQS boundary on the apps' user; its user and policy_arn are replaced rather than updated (aws provider 5.100.0), so an update changes what the boundary applies to",
    judge: (c) => (isUpdate(c) ? { message: "the SQS boundary's attachment changes in place: the apps' user may lose its boundary" } : undefined),
  },
  {
    id: "network-policy-removed",
    type: "cloudfoundry_network_policy",
    source: "an update removes the policies left out and adds the new ones (resource_network_policy.go:195-235, semantics row 32): an app left out can no longer reach the destination",
    judge: (c) => {
      if (!isUpdate(c)) return undefined;
      const was = list(c.before?.policies).length;
      const now = knownLength(c, "policies");
      if (now === undefined) return { message: `policies unknown until apply (${was} now): the plan cannot show the apps keep their connections` };
      return now < was ? { message: `policies ${was} -> ${now}: the apps left out can no longer reach the destination` } : undefined;
    },
  },
];

/** An IAM policy document as compared: parsed and re-serialised, so that whitespace alone is no change. */
function documentOf(v: unknown): string {
  if (typeof v !== "string") return canonical(v);
  try {
    return JSON.stringify(JSON.parse(v));
  } catch {
    return v;
  }
}
