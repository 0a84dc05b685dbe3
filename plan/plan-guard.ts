import type { ResolvedApp, ResolvedEnvironment } from "../config";
import { BEAT_REQUIRED_IN, effectiveFloor, incidentFloor } from "../config/invariants";
import { retiredAddresses } from "../stacks/lifecycle";
import { appAddress, parseBindingAddress } from "../stacks/addresses";
import { envBindingOrder, type AppWiring } from "../checks/env-binding-order";
import { isJsonObject, parsePlan, type PlanJson, type ResourceChange } from "./plan-json";

// Reads `terraform show -json <plan>` and refuses plans that lose state or capacity: a destroyed or
// replaced queue loses its messages, a replaced app or route is an outage, an app below its floor is
// the 2019 mid-deploy 502s again. What it cannot read as a Terraform plan it refuses outright.

export type { PlanJson, ResourceChange };

export interface GuardFinding {
  readonly address: string;
  readonly message: string;
  /** Set when config accepts this change for this address, with the reason written there. */
  readonly acceptedBecause?: string;
  /** An incident invariant (config/invariants.ts): config cannot accept it. */
  readonly invariant?: boolean;
  /** The id of the object as it is before the apply (plan `before.id`): what an acceptance names. */
  readonly id?: string;
  /** An acceptance in config with nothing left to accept: its object is gone (informational). */
  readonly spent?: boolean;
}

/** What a destroyed or replaced object of each stateful type costs. */
const STATEFUL: Readonly<Record<string, string>> = {
  aws_sqs_queue: "queue (its messages would be lost)",
  cloudfoundry_app: "app (an outage while it is recreated)",
  cloudfoundry_route: "route (requests to it fail until it is back)",
  cloudfoundry_service_credential_binding: "service binding (the app loses the service's credentials)",
};

const obj = (v: unknown): Record<string, unknown> | null => (isJsonObject(v) ? v : null);

function destroyed(c: ResourceChange): string | undefined {
  const a = c.change.actions;
  if (!a.includes("delete")) return undefined;
  if (a.includes("create")) {
    const paths = (c.change.replace_paths ?? []).map((p) => p.join(".")).join(", ");
    return `would be REPLACED (destroyed and created again${paths ? `, because ${paths} changed` : ""})`;
  }
  return "would be DESTROYED";
}

/** Findings about one app's planned instances and state. */
function appFindings(c: ResourceChange, env: ResolvedEnvironment, app: ResolvedApp | undefined): Omit<GuardFinding, "address">[] {
  const after = obj(c.change.after);
  if (!after || !app) return [];
  const out: Omit<GuardFinding, "address">[] = [];
  const before = obj(c.change.before);
  const unknown = obj(c.change.after_unknown);
  if (after.stopped === true && before?.stopped !== true) out.push({ message: "would be STOPPED: every instance goes away" });
  if (unknown?.instances === true) {
    out.push({ message: "instances is unknown until apply, so the plan cannot show it keeps its floor (provider 1.16.0 pushes 1 for an unknown count)" });
    return out;
  }
  const planned = after.instances;
  if (typeof planned !== "number") return out;
  const was = typeof before?.instances === "number" ? before.instances : undefined;
  const from = `instances ${was ?? "(new)"} -> ${planned}`;
  const invariant = incidentFloor(env.name, app.name);
  if (planned < invariant) {
    out.push({ message: `${from}, below the incident floor of ${invariant} (config/invariants.ts, 9c2ded00c)`, invariant: true });
  } else if (planned < effectiveFloor(env, app)) {
    out.push({ message: `${from}, below the ${env.name} floor of ${effectiveFloor(env, app)}` });
  }
  if (app.instances.mode === "autoscaled" && planned < app.instances.autoscaler.min) {
    out.push({ message: `${from}, below its autoscaler minimum of ${app.instances.autoscaler.min}` });
  }
  if (was !== undefined && planned < was / 2) out.push({ message: `${from}: less than half of what runs now` });
  if (app.process.kind === "celery-beat" && planned === 0 && BEAT_REQUIRED_IN.includes(env.name)) {
    out.push({ message: `celery beat at 0 in ${env.name}: nothing scheduled would run` });
  }
  return out;
}

/**
 * An app replaced create-before-destroy (Terraform propagates it from the bindings, which need it so
 * that an unbinding sticks, constructs/service-bindings.ts): the create pushes onto the running app
 * of the same name, adopting it (go-cfclient push, semantics row 20), and the delete then deletes it.
 */
function replacedOntoItself(c: ResourceChange): boolean {
  const before = obj(c.change.before);
  const after = obj(c.change.after);
  return c.type === "cloudfoundry_app" && c.change.actions.join() === "create,delete" && !!before && !!after && ["name", "space_name", "org_name"].every((k) => before[k] === after[k]);
}

/** What the platform lists, from the data sources the stack reads at plan time (in the plan's prior state). */
function listedLive(plan: PlanJson): { apps: Set<string>; queues: Set<string>; routes: Set<string> } {
  const found = { apps: new Set<string>(), queues: new Set<string>(), routes: new Set<string>() };
  const walk = (m: unknown): void => {
    const mod = obj(m);
    if (!mod) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      const res = obj(r);
      const v = obj(res?.values);
      if (!res || res.mode !== "data" || !v) continue;
      if (res.type === "cloudfoundry_apps") for (const a of Array.isArray(v.apps) ? v.apps : []) found.apps.add(String(obj(a)?.name));
      if (res.type === "aws_sqs_queues") for (const u of Array.isArray(v.queue_urls) ? v.queue_urls : []) found.queues.add(String(u).split("/").pop()!);
      if (res.type === "cloudfoundry_routes") for (const x of Array.isArray(v.routes) ? v.routes : []) found.routes.add(routeKey(obj(x) ?? {}));
    }
    for (const child of Array.isArray(mod.child_modules) ? mod.child_modules : []) walk(child);
  };
  walk(obj(obj(obj((plan as Record<string, unknown>).prior_state)?.values)?.root_module));
  return found;
}
const routeKey = (r: Record<string, unknown>) => JSON.stringify([r.domain, r.host ?? "", r.path ?? ""]);

/**
 * A create of what the platform already lists: its import was missed. On the real platform that is
 * no error to catch at apply: an app is adopted and re-pushed (semantics row 20), a queue with the same
 * attributes is returned as it is (semantics row 44); only a route fails (semantics row 25).
 */
function missedImport(c: ResourceChange, live: ReturnType<typeof listedLive>): string | undefined {
  if (c.change.actions.join() !== "create" || c.change.importing) return undefined;
  const after = obj(c.change.after) ?? {};
  const fix = "add its import (constructs/adoption.ts) or import it by hand before the deploy";
  if (c.type === "cloudfoundry_app" && live.apps.has(String(after.name))) return `would be CREATED, but app ${after.name} already runs in the space: its import was missed, and the push would adopt and re-push the running app. ${fix}`;
  if (c.type === "aws_sqs_queue" && live.queues.has(String(after.name))) return `would be CREATED, but queue ${after.name} already exists: its import was missed, and SQS would hand back the existing queue untracked by that plan. ${fix}`;
  if (c.type === "cloudfoundry_route" && live.routes.has(routeKey(after))) return `would be CREATED, but route ${after.host ?? ""}${after.path ?? ""} already exists on that domain: its import was missed, and the apply would fail. ${fix}`;
  return undefined;
}

/** Every finding of a plan, marked accepted where config accepts that address; input that is not a plan is one refusal. */
export function guardPlan(input: unknown, env: ResolvedEnvironment): GuardFinding[] {
  const parsed = parsePlan(input);
  if ("problem" in parsed) return [{ address: "(plan)", message: `refused: it is ${parsed.problem}` }];
  return guardParsedPlan(parsed.plan, env);
}

/** guardPlan for a plan already parsed with parsePlan (the command parses once, to exit 2 on bad input). */
export function guardParsedPlan(plan: PlanJson, env: ResolvedEnvironment): GuardFinding[] {
  // Accepted: what config retired on purpose (an app's bindings with it), and addresses accepted for a
  // reviewed change. An acceptance that names an id accepts that object only: once its apply has
  // destroyed it, the id never comes back, so the acceptance is spent and cannot accept a later change.
  const retired = retiredAddresses(env);
  const retiredApps = new Map(env.retired.filter((r) => r.kind === "app").map((r) => [r.name, `retired in config/retired.ts with its bindings: ${r.reason}`]));
  const acceptances = new Map(env.allowedDestructiveChanges.map((a) => [a.address, a]));
  const used = new Set<string>();
  const acceptedBecause = (address: string, id: string | undefined): string | undefined => {
    const a = acceptances.get(address);
    if (a && (a.id === undefined || a.id === id)) {
      used.add(address);
      return a.id === undefined ? `${a.reason} (accepted by address alone: name id ${JSON.stringify(id ?? "?")} so that it ends with this apply)` : a.reason;
    }
    const binding = parseBindingAddress(address);
    return retired.get(address) ?? (binding ? retiredApps.get(binding.app) : undefined);
  };
  const apps = new Map(env.apps.map((a) => [a.name, a]));
  const findings: GuardFinding[] = [];
  const add = (address: string, f: Omit<GuardFinding, "address">) => {
    const reason = f.invariant ? undefined : acceptedBecause(address, f.id);
    findings.push({ address, ...f, ...(reason ? { acceptedBecause: reason } : {}) });
  };
  const live = listedLive(plan);
  for (const c of plan.resource_changes ?? []) {
    if (c.mode !== "managed") continue;
    if (replacedOntoItself(c)) {
      add(c.address, {
        message: "app would be replaced CREATE-BEFORE-DESTROY under the same name: the create pushes onto the running app (it adopts it) and the delete then deletes it. Replace it by hand (docs/adoption-under-the-real-provider.md), never by a deploy",
        invariant: true,
      });
    }
    const missed = missedImport(c, live);
    if (missed) add(c.address, { message: missed });
    const kind = STATEFUL[c.type];
    const what = kind && destroyed(c);
    if (kind && what) {
      const before = obj(c.change.before);
      const url = before?.url;
      const publicRoute = c.type === "cloudfoundry_route" && typeof url === "string" && (url === env.publicDomain || url.endsWith(`.${env.publicDomain}`) || url.startsWith(`${env.publicDomain}/`));
      const id = typeof before?.id === "string" ? before.id : undefined;
      add(c.address, { message: `${publicRoute ? `PUBLIC route ${url}: ` : ""}${kind} ${what}`, ...(id ? { id } : {}) });
    }
    if (c.type === "cloudfoundry_app") {
      const name = String(obj(c.change.after)?.name ?? obj(c.change.before)?.name ?? c.name);
      for (const f of appFindings(c, env, apps.get(name))) add(c.address, f);
    }
  }
  // The same move the offline diff refuses (NOTIFY-ENV-BINDING-ORDER), read from the plan, so that every
  // path to apply sees it: per app, the variables the update removes or adds, the bindings it creates or deletes.
  const before = new Map<string, AppWiring & { env: string[]; services: string[] }>();
  const after = new Map<string, AppWiring & { env: string[]; services: string[] }>();
  const wiring = (m: typeof before, app: string) => m.get(app) ?? m.set(app, { env: [], services: [] }).get(app)!;
  for (const c of plan.resource_changes ?? []) {
    if (c.mode !== "managed") continue;
    const a = c.change.actions;
    if (c.type === "cloudfoundry_app" && a.length === 1 && a[0] === "update") {
      const name = String(obj(c.change.after)?.name ?? c.name);
      wiring(before, name).env.push(...Object.keys(obj(obj(c.change.before)?.environment) ?? {}));
      wiring(after, name).env.push(...Object.keys(obj(obj(c.change.after)?.environment) ?? {}));
    }
    const binding = c.type === "cloudfoundry_service_credential_binding" ? parseBindingAddress(c.address) : undefined;
    if (binding && a.includes("create") !== a.includes("delete")) wiring(a.includes("create") ? after : before, binding.app).services.push(binding.service);
  }
  for (const m of [before, after]) for (const app of m.keys()) (m === before ? after : before).has(app) || wiring(m === before ? after : before, app);
  for (const v of envBindingOrder(env.name, before, after)) {
    // Apps the plan does not update (only a binding changes) carry no variables on either side: no move.
    if (!before.get(v.subject)!.env.length && !after.get(v.subject)!.env.length) continue;
    add(appAddress(v.subject), { message: `${v.check}: ${v.subject} ${v.message}` });
  }
  for (const a of env.allowedDestructiveChanges) {
    if (a.id === undefined || used.has(a.address)) continue;
    findings.push({
      address: a.address,
      message: `acceptance spent: nothing at this address has id ${JSON.stringify(a.id)} any more (its apply is done); it accepts nothing else, so delete it from config/${env.name}.ts with any later change`,
      acceptedBecause: a.reason,
      spent: true,
    });
  }
  return findings;
}

export function blocking(findings: readonly GuardFinding[]): GuardFinding[] {
  return findings.filter((f) => !f.acceptedBecause);
}

export function renderFindings(env: string, findings: readonly GuardFinding[]): string {
  if (!findings.length) {
    return `plan guard (${env}): nothing destroyed or replaced, no app stopped or below its floor\n`;
  }
  const lines = findings.map((f) =>
    f.spent
      ? `  spent     ${f.address}: ${f.message}`
      : f.acceptedBecause
        ? `  accepted  ${f.address}: ${f.message}\n            because: ${f.acceptedBecause}`
        : `  REFUSED   ${f.address}: ${f.message}`,
  );
  const refused = blocking(findings);
  const invariant = refused.filter((f) => f.invariant);
  const waivable = refused.filter((f) => !f.invariant && f.address !== "(plan)");
  // Each suggested entry is valid TypeScript (addresses such as x["app"] are quoted as string literals);
  // the schema then asks for the reason in a sentence.
  const ids = new Map(waivable.map((f) => [f.address, f.id]));
  const entry = (address: string) => `{ address: ${JSON.stringify(address)}, ${ids.get(address) ? `id: ${JSON.stringify(ids.get(address))}, ` : ""}reason: "..." }`;
  const how = [
    waivable.length
      ? `If a change is really meant, accept it in config/${env}.ts, in the same pull request (an entry with an id accepts that object only, and is spent by the apply):\n  allowedDestructiveChanges: [${[...ids.keys()].map(entry).join(", ")}]`
      : "",
    invariant.some((f) => /incident floor/.test(f.message)) ? "An incident floor cannot be accepted in config: it changes only in config/invariants.ts, with its test." : "",
    invariant.some((f) => /CREATE-BEFORE-DESTROY/.test(f.message)) ? "A create-before-destroy replacement of an app cannot be accepted in config." : "",
    refused.some((f) => f.address === "(plan)") ? "Give it the output of `terraform show -json <planfile>`." : "",
  ].filter(Boolean);
  const tail = refused.length ? `\n${refused.length} finding${refused.length === 1 ? "" : "s"} refused.\n${how.join("\n")}\n` : "\n";
  return `plan guard (${env}):\n${lines.join("\n")}${tail}`;
}
