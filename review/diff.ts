import { address, appOfReference, dataAddress, parseBindingsForEach, parseLiveInstances, reference, routeOfAddress } from "../stacks/addresses";

// A reviewer's diff of two synthesized estates: what changes, in the words a platform engineer uses
// (app X memory 1G -> 2G, env var added, route removed), never a secret value. Pure: it reads two sets
// of cdk.tf.json documents and returns lines.

export type StackJson = {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly terraform?: Record<string, unknown>;
};

type Res = Record<string, unknown>;
const SSM_REF = /^\$\{data\.aws_ssm_parameter\.[^}]+\.(value|insecure_value)\}$/;

function resources(stack: StackJson | undefined, type: string): Record<string, Res> {
  return (stack?.resource?.[type] as Record<string, Res>) ?? {};
}

/** A synthesized document without cdktf's "//" metadata (construct paths): what Terraform acts on. */
export function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "//").map(([k, v]) => [k, withoutMetadata(v)]));
  }
  return value;
}
const same = (a: unknown, b: unknown) => JSON.stringify(withoutMetadata(a)) === JSON.stringify(withoutMetadata(b));
const show = (v: unknown) => (v === undefined ? "(unset)" : typeof v === "string" ? v : JSON.stringify(v));

/** "${max(25, lookup(local.live_instances, "notify-api", 0))}" (stacks/addresses.ts) → "max(25, live count)". */
function showInstances(v: unknown): string {
  const live = parseLiveInstances(v);
  return live ? `max(${live.least}, live count)` : show(v);
}

/** Domain data-source references → domain names, so that routes read as URLs. */
function domainNames(stack: StackJson | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, d] of Object.entries(stack?.data?.cloudfoundry_domain ?? {})) out.set(reference(dataAddress("cloudfoundry_domain", id), "id"), String(d.name));
  return out;
}

function routeUrls(stack: StackJson | undefined, addresses?: Map<string, string>): Map<string, string> {
  const names = domainNames(stack);
  const out = new Map<string, string>();
  for (const [id, r] of Object.entries(resources(stack, "cloudfoundry_route"))) {
    const domain = names.get(String(r.domain)) ?? String(r.domain);
    const url = `${r.host ? `${r.host}.` : ""}${domain}${r.path ?? ""}`;
    const dest = ((r.destinations as { app_id?: string }[] | undefined) ?? []).map((d) => appName(d.app_id)).join(", ");
    out.set(url, dest);
    addresses?.set(url, address("cloudfoundry_route", id));
  }
  return out;
}

const appName = appOfReference;

/**
 * "service -> app" for every binding a stack declares (stacks/addresses.ts bindingsForEach): `declared` for the
 * apps config binds (the first list), `all` with those of forgotten apps, which stay bound where the
 * platform has them and are neither made nor unbound.
 */
function bindings(stack: StackJson | undefined): { declared: Set<string>; all: Set<string> } {
  const declared = new Set<string>();
  const all = new Set<string>();
  for (const [service, b] of Object.entries(resources(stack, "cloudfoundry_service_credential_binding"))) {
    const apps = parseBindingsForEach(b.for_each);
    for (const app of apps.declared) declared.add(`${service} -> ${app}`);
    for (const app of [...apps.declared, ...apps.kept]) all.add(`${service} -> ${app}`);
  }
  return { declared, all };
}

/** Addresses a stack tells Terraform to forget (removed blocks): still running, no longer managed. */
function forgotten(stack: StackJson | undefined): Set<string> {
  const removed = ((stack as { removed?: { from: string }[] } | undefined)?.removed ?? []).map((r) => r.from);
  return new Set(removed);
}

/**
 * Production's stateful objects carry prevent_destroy; an acceptance in allowedDestructiveChanges
 * lifts it for its address, for any path to apply, until the acceptance is deleted. Said out loud.
 */
function protection(what: string, before: Res, after: Res): string[] {
  const guarded = (r: Res) => (r.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true;
  if (guarded(before) && !guarded(after))
    return [`${what}: prevent_destroy LIFTED (accepted in allowedDestructiveChanges: Terraform may now destroy or replace it, by any path to apply, until that line goes)`];
  if (!guarded(before) && guarded(after)) return [`${what}: prevent_destroy set (Terraform refuses to destroy or replace it)`];
  return [];
}

const APP_FIELDS: readonly [string, string, (v: unknown) => string][] = [
  ["memory", "memory", show],
  ["disk_quota", "disk", show],
  ["instances", "instances", showInstances],
  ["health_check_type", "health check", show],
  ["health_check_http_endpoint", "health check endpoint", show],
  ["health_check_invocation_timeout", "health check timeout (s)", show],
  ["command", "command", show],
  ["buildpacks", "buildpacks", show],
  ["strategy", "deploy strategy", show],
  ["timeout", "startup timeout (s)", show],
  ["enable_ssh", "ssh", showSsh],
];

/** Unset, cloudfoundry 1.16.0 switches SSH off on every push (semantics row 10): say so. */
function showSsh(v: unknown): string {
  return v === undefined ? "(unset: each push switches it off)" : v === true ? "enabled" : v === false ? "disabled" : show(v);
}

function appChanges(name: string, before: Res, after: Res): string[] {
  const out: string[] = [];
  for (const [field, label, fmt] of APP_FIELDS) {
    if (!same(before[field], after[field])) out.push(`app ${name}: ${label} ${fmt(before[field])} -> ${fmt(after[field])}`);
  }
  // stack is optional and computed: set, it moves the app; unset again, Terraform keeps the running one.
  if (!same(before.stack, after.stack)) {
    out.push(
      after.stack === undefined
        ? `app ${name}: stack no longer set in config (no change planned: it stays on ${show(before.stack)} until config names another)`
        : `app ${name}: stack ${before.stack === undefined ? "(as it runs)" : show(before.stack)} -> ${show(after.stack)} (restaged onto it by the next push)`,
    );
  }
  const be = (before.environment as Record<string, string>) ?? {};
  const ae = (after.environment as Record<string, string>) ?? {};
  for (const k of Object.keys(ae).filter((k) => !(k in be)).sort()) {
    out.push(`app ${name}: env +${k}${SSM_REF.test(ae[k]) ? " (from the secret store)" : ` = ${ae[k]}`}`);
  }
  for (const k of Object.keys(be).filter((k) => !(k in ae)).sort()) out.push(`app ${name}: env -${k} (removed on apply)`);
  for (const k of Object.keys(ae).filter((k) => k in be && be[k] !== ae[k]).sort()) {
    // Values read from the secret store are references; a plain value is shown, a secret never is.
    const secret = SSM_REF.test(ae[k]) || SSM_REF.test(be[k]);
    out.push(`app ${name}: env ${k} ${secret ? "now read from a different source" : `${be[k]} -> ${ae[k]}`}`);
  }
  return out;
}

const QUEUE_FIELDS: readonly [string, string][] = [
  ["name", "SQS name"],
  ["visibility_timeout_seconds", "visibility timeout (s)"],
  ["message_retention_seconds", "retention (s)"],
  ["sqs_managed_sse_enabled", "encryption"],
  ["redrive_policy", "redrive policy"],
  ["lifecycle", "lifecycle"],
  ["tags", "tags"],
];

/**
 * What makes a stack this environment's and no other's, read from the stack itself: where its state
 * lives, which foundation, org and space it manages, which domains its routes use, which IAM user the
 * queue boundary binds. A change to any of these points the environment at something else (another
 * environment's space, state or user), so it is said first, in capitals.
 */
function identity(stack: StackJson | undefined): [string, string][] {
  const backend = (stack?.terraform?.backend ?? {}) as Record<string, Record<string, unknown>>;
  const [kind, settings] = Object.entries(backend)[0] ?? ["(none)", {}];
  const provider = (name: string) => ((stack as { provider?: Record<string, Record<string, unknown>[]> } | undefined)?.provider?.[name]?.[0] ?? {}) as Record<string, unknown>;
  const names = (type: string) => Object.values(stack?.data?.[type] ?? {}).map((d) => String((d as Res).name)).sort().join(", ");
  return [
    ["STATE", `${kind} ${["bucket", "key", "region"].map((k) => settings[k]).filter((v) => v !== undefined).join(" ")}`],
    ["CLOUD FOUNDRY API", show(provider("cloudfoundry").api_url)],
    ["ORG", names("cloudfoundry_org")],
    ["SPACE", names("cloudfoundry_space")],
    ["DOMAINS", names("cloudfoundry_domain")],
    ["AWS REGION", show(provider("aws").region)],
    ["APPS' IAM USER", Object.values(resources(stack, "aws_iam_user_policy_attachment")).map((a) => a.user).filter((u) => u !== undefined).map(String).sort().join(", ")],
  ];
}

function identityChanges(base: StackJson | undefined, head: StackJson | undefined): string[] {
  const before = new Map(identity(base));
  return identity(head)
    .filter(([label, value]) => before.get(label) !== value)
    .map(([label, value]) => `ENVIRONMENT IDENTITY: ${label} ${before.get(label) || "(none)"} -> ${value || "(none)"} (this environment would manage another's; check it is meant)`);
}

/**
 * One change made to several apps (a variable added to every app, a new buildpack) is one line naming
 * the apps, not one line per app: "apps (16): env +X = 1 (a, b, ...)".
 */
function grouped(perApp: readonly [string, string][]): string[] {
  const byChange = new Map<string, string[]>();
  for (const [app, change] of perApp) byChange.set(change, [...(byChange.get(change) ?? []), app]);
  return [...byChange].map(([change, apps]) => (apps.length === 1 ? `app ${apps[0]}: ${change}` : `apps (${apps.length}): ${change} (${apps.join(", ")})`));
}

/** Reviewer-level changes of one environment, in a stable order. */
export function diffStack(base: StackJson | undefined, head: StackJson | undefined): string[] {
  const out: string[] = identityChanges(base, head);
  const baseApps = resources(base, "cloudfoundry_app");
  const headApps = resources(head, "cloudfoundry_app");
  for (const n of Object.keys(headApps).filter((n) => !(n in baseApps)).sort()) out.push(`app + ${n} (new app)`);
  const forget = forgotten(head);
  for (const n of Object.keys(baseApps).filter((n) => !(n in headApps)).sort()) {
    out.push(forget.has(address("cloudfoundry_app", n)) ? `app - ${n} (forgotten: it keeps running, no longer managed; retire it in config/retired.ts to destroy it)` : `app - ${n} (RETIRED: DESTROYS THE APP)`);
  }
  const kept = Object.keys(headApps).filter((n) => n in baseApps).sort();
  const perApp = kept.flatMap((n) => appChanges(n, baseApps[n], headApps[n]).map((l): [string, string] => [n, l.slice(`app ${n}: `.length)]));
  // Every change of an app's own fields is a push: a rolling restart of each app it touches.
  const restarting = [...new Set(perApp.map(([n]) => n))];
  if (restarting.length > 1) out.push(`${restarting.length} apps restart (each is pushed again, rolling): ${restarting.join(", ")}`);
  out.push(...grouped(perApp));
  for (const n of kept) out.push(...protection(`app ${n}`, baseApps[n], headApps[n]));

  const baseRouteAddresses = new Map<string, string>();
  const br = routeUrls(base, baseRouteAddresses);
  const hr = routeUrls(head);
  for (const [url, app] of [...hr].filter(([u]) => !br.has(u)).sort()) out.push(`route + ${url} -> ${app}`);
  for (const [url, app] of [...br].filter(([u]) => !hr.has(u)).sort()) {
    out.push(forget.has(baseRouteAddresses.get(url) ?? "") ? `route - ${url} (forgotten with ${app}: it stays, no longer managed)` : `route - ${url} (was ${app})`);
  }
  for (const [url, app] of [...hr].filter(([u]) => br.has(u) && br.get(u) !== hr.get(u)).sort()) {
    out.push(`route ${url}: ${br.get(url)} -> ${app}`);
  }
  const baseRoutes = resources(base, "cloudfoundry_route");
  const headRoutes = resources(head, "cloudfoundry_route");
  for (const [url, at] of [...baseRouteAddresses].filter(([u]) => hr.has(u)).sort()) {
    const id = routeOfAddress(at)!;
    if (headRoutes[id]) out.push(...protection(`route ${url}`, baseRoutes[id], headRoutes[id]));
  }

  const bq = resources(base, "aws_sqs_queue");
  const hq = resources(head, "aws_sqs_queue");
  for (const n of Object.keys(hq).filter((n) => !(n in bq)).sort()) out.push(`queue + ${n}`);
  for (const n of Object.keys(bq).filter((n) => !(n in hq)).sort()) {
    out.push(forget.has(address("aws_sqs_queue", n)) ? `queue - ${n} (forgotten: it and its messages stay, no longer managed)` : `queue - ${n} (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)`);
  }
  for (const n of Object.keys(hq).filter((n) => n in bq).sort()) {
    out.push(...protection(`queue ${n}`, bq[n], hq[n]));
    for (const [field, label] of QUEUE_FIELDS) {
      if (field === "lifecycle" && !same(withoutMetadata(bq[n].lifecycle), withoutMetadata(hq[n].lifecycle)) && protection("", bq[n], hq[n]).length) continue;
      if (!same(bq[n][field], hq[n][field])) out.push(`queue ${n}: ${label} ${show(withoutMetadata(bq[n][field]))} -> ${show(withoutMetadata(hq[n][field]))}`);
    }
  }

  // Bindings change in place. CF does not restart an app for a new binding; removing one deletes it,
  // and a brokered service revokes its credentials at once (running instances keep the stale
  // VCAP_SERVICES until they restart).
  const bb = bindings(base);
  const hb = bindings(head);
  const appOf = (b: string) => b.slice(b.indexOf(" -> ") + 4);
  const retiredApps = new Set(Object.keys(baseApps).filter((n) => !(n in headApps) && !forget.has(address("cloudfoundry_app", n))));
  for (const b of [...hb.declared].filter((b) => !bb.all.has(b)).sort()) {
    out.push(appOf(b) in baseApps ? `binding + ${b} (in place; the app sees it after its next restart: its next deploy or cf restart)` : `binding + ${b} (made with the new app: it starts with it)`);
  }
  // A kept binding of a forgotten app goes too when no app of config uses its service any more; whether
  // the platform has it is known only at plan time.
  for (const b of [...bb.all].filter((b) => !bb.declared.has(b) && !hb.all.has(b)).sort()) {
    out.push(`binding ? ${b} (an app config forgot: if the platform has this binding, it is UNBOUND, as no app of config uses the service any more)`);
  }
  for (const b of [...bb.declared].filter((b) => !hb.all.has(b)).sort()) {
    out.push(retiredApps.has(appOf(b)) ? `binding - ${b} (goes with the retired app)` : `binding - ${b} (in place; UNBINDS: its credentials are deleted at once, running instances keep the stale ones until they restart)`);
  }

  // Apps this estate does not own (the statsd exporter) are data sources: name them by their CF name.
  const policy = (stack: StackJson | undefined) => (p: Res) => {
    const looked = new Map(Object.entries(stack?.data?.cloudfoundry_app ?? {}).map(([id, d]) => [reference(dataAddress("cloudfoundry_app", id), "id"), String(d.name)]));
    const name = (ref: string) => looked.get(ref) ?? appName(ref);
    return (p.policies as { source_app: string; destination_app: string; protocol: string; port: string }[])
      .map((e) => `${name(e.source_app)} -> ${name(e.destination_app)} ${e.protocol}/${e.port}`)
      .join("; ");
  };
  const bp = new Set(Object.values(resources(base, "cloudfoundry_network_policy")).map(policy(base)));
  const hp = new Set(Object.values(resources(head, "cloudfoundry_network_policy")).map(policy(head)));
  for (const p of [...hp].filter((p) => !bp.has(p)).sort()) out.push(`network policy + ${p}`);
  // An app removed from config without being retired keeps running: a policy of it that goes stops
  // its traffic (its metrics, for the statsd exporter) while it runs on.
  const forgottenApps = Object.keys(baseApps).filter((n) => !(n in headApps) && forget.has(address("cloudfoundry_app", n)));
  for (const p of [...bp].filter((p) => !hp.has(p)).sort()) {
    const still = forgottenApps.filter((n) => p.startsWith(`${n} -> `) || p.includes(` -> ${n} `));
    out.push(still.length ? `network policy - ${p} (${still.join(", ")} KEEPS RUNNING, forgotten: this traffic STOPS, e.g. its metrics; retire it in config/retired.ts to stop it too)` : `network policy - ${p}`);
  }

  const params = (s: StackJson | undefined) => new Set(Object.values(s?.data?.aws_ssm_parameter ?? {}).map((d) => String(d.name)));
  const bs = params(base);
  const hs = params(head);
  for (const p of [...hs].filter((p) => !bs.has(p)).sort()) out.push(`secret store + ${p} (must exist before the apply)`);
  for (const p of [...bs].filter((p) => !hs.has(p)).sort()) out.push(`secret store - ${p} (no longer read)`);

  // Anything else (IAM, queue policies, backend, providers): named, so that nothing changes unseen.
  const covered = new Set(["cloudfoundry_app", "cloudfoundry_route", "aws_sqs_queue", "cloudfoundry_network_policy", "cloudfoundry_service_credential_binding"]);
  for (const type of new Set([...Object.keys(base?.resource ?? {}), ...Object.keys(head?.resource ?? {})])) {
    if (covered.has(type)) continue;
    const b = resources(base, type);
    const h = resources(head, type);
    for (const n of new Set([...Object.keys(b), ...Object.keys(h)])) {
      if (!(n in b)) out.push(`${type}.${n} added`);
      else if (!(n in h)) out.push(`${type}.${n} removed`);
      else if (!same(b[n], h[n])) out.push(`${type}.${n} changed${type === "aws_iam_policy" ? policyResourceChanges(b[n], h[n]) : ""}`);
    }
  }
  if (!same(base?.terraform, head?.terraform)) out.push("terraform settings (backend or provider versions) changed");
  return out;
}

export function renderDiff(
  envs: readonly string[],
  base: Record<string, StackJson>,
  head: Record<string, StackJson>,
  /** Lines about an environment that its stack does not hold (the autoscaler's limits). @default none */
  more: (env: string) => string[] = () => [],
): { text: string; changed: boolean } {
  let changed = false;
  const parts = envs.map((env) => {
    if (!(env in base)) {
      changed = true;
      return `${env}: new environment`;
    }
    if (!(env in head)) {
      changed = true;
      return `${env}: REMOVED (every resource of it would be destroyed)`;
    }
    const lines = [...diffStack(base[env], head[env]), ...more(env)];
    if (!lines.length) return `${env}: no changes`;
    changed = true;
    return `${env}:\n${lines.map((l) => `  ${l}`).join("\n")}`;
  });
  return { text: `${parts.join("\n")}\n`, changed };
}

/**
 * What an IAM policy change does to the resources it names: for the queue boundary, the other
 * estates' queues it now admits or no longer admits (`: NotResource + arn:...`).
 */
function policyResourceChanges(before: Res, after: Res): string {
  const named = (r: Res) => {
    const out = new Set<string>();
    try {
      const doc = JSON.parse(String(r.policy)) as { Statement?: Record<string, unknown>[] };
      for (const st of doc.Statement ?? []) {
        for (const key of ["Resource", "NotResource"]) {
          for (const arn of ([] as unknown[]).concat(st[key] ?? [])) out.add(`${key} ${String(arn)}`);
        }
      }
    } catch {
      // Not a JSON document (a reference or expression): nothing to list; the change is still named.
    }
    return out;
  };
  const b = named(before);
  const h = named(after);
  const parts = [
    ...[...h].filter((x) => !b.has(x)).sort().map((x) => x.replace(" ", " + ")),
    ...[...b].filter((x) => !h.has(x)).sort().map((x) => x.replace(" ", " - ")),
  ];
  return parts.length ? `: ${parts.join("; ")}` : "";
}
