import type { ResolvedApp, ResolvedEnvironment } from "../config";
import { BEAT_REQUIRED_IN, effectiveFloor, incidentFloor } from "../config/invariants";
import { retiredAddresses } from "../stacks/lifecycle";
import { appAddress, networkPolicyAddress, networkPolicyLogicalId, parseBindingAddress } from "../stacks/addresses";
import { deployMinimum } from "../stacks/environment-stack";
import { envBindingOrder, type AppWiring } from "../checks/env-binding-order";
import { DANGER_RULES, MANAGED_TYPES, type AppContext, type ChangeView } from "./guard-data";
import { changeFingerprint, objectId } from "./guard-identity";
import { isJsonObject, parsePlan, type PlanJson, type ResourceChange } from "./plan-json";

// Reads `terraform show -json <plan>` and refuses by default: every destroy or replace of any resource,
// every in-place change that can take an app down or lose messages (plan/guard-data.ts, with sources),
// an app stopped or below its floor, and any change to a resource type it has no rules for. Config
// accepts one object's change for one apply (allowedDestructiveChanges, by the object's id); incident
// floors it cannot accept. What it cannot read as a Terraform plan it refuses outright.

export type { PlanJson, ResourceChange };

export interface GuardFinding {
  readonly address: string;
  readonly message: string;
  /** Set when config accepts this change of this object, with the reason written there. */
  readonly acceptedBecause?: string;
  /** An incident invariant (config/invariants.ts), or a type the guard has no rules for: config cannot accept it. */
  readonly invariant?: boolean;
  /** The object's id before the change (plan `before.id`, a name built from its values, or "(new)"): what an acceptance names. */
  readonly id?: string;
  /** For a change that leaves the object in place (or creates it): what the change does (guard-identity.ts), which an acceptance names too. */
  readonly change?: string;
  /** Below what this config's stack deploys: the plan was not made from this config; synthesize and plan again, no acceptance applies. */
  readonly replan?: boolean;
  /** An acceptance in config with nothing left to accept in this plan (informational). */
  readonly spent?: boolean;
  /** An acceptance in config without an id: it accepts nothing (informational; the schema refuses it). */
  readonly ignored?: boolean;
}

/** What the plan does, counted from its resource changes alone: what the verdict line may say. */
export interface PlanSummary {
  /** Managed resource changes other than no-op and read. */
  readonly changes: number;
  readonly destroyed: number;
  readonly replaced: number;
}

type Found = Omit<GuardFinding, "address" | "id" | "change">;

const obj = (v: unknown): Record<string, unknown> | null => (isJsonObject(v) ? v : null);
const isDestroy = (c: ResourceChange) => c.change.actions.includes("delete");
/** A change that touches nothing: a no-op, or a read (of a data source, or one deferred). */
const passive = (c: ResourceChange) => ["no-op", "read"].includes(c.change.actions.join());

export function summarizePlan(plan: PlanJson): PlanSummary {
  const managed = (plan.resource_changes ?? []).filter((c) => c.mode === "managed" && !passive(c));
  const replaced = managed.filter((c) => isDestroy(c) && c.change.actions.includes("create")).length;
  return { changes: managed.length, destroyed: managed.filter(isDestroy).length - replaced, replaced };
}

function destroyed(c: ResourceChange): string {
  if (c.change.actions.includes("create")) {
    const paths = (c.change.replace_paths ?? []).map((p) => p.join(".")).join(", ");
    return `would be REPLACED (destroyed and created again${paths ? `, because ${paths} changed` : ""})`;
  }
  return "would be DESTROYED";
}

/** Findings about one app's planned instances and state. */
function appFindings(c: ResourceChange, env: ResolvedEnvironment, app: ResolvedApp | undefined): Found[] {
  const after = obj(c.change.after);
  if (!after || !app) return [];
  const out: Found[] = [];
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
    out.push({
      message: `${from}, below its autoscaler minimum of ${app.instances.autoscaler.min}: a deploy of this config runs at least ${deployMinimum(env, app)} (the larger of the live count, the floor and the autoscaler minimum), so this plan is not from this config`,
      replan: true,
    });
  }
  if (planned < (was ?? 0) / 2) out.push({ message: `${from}: less than half of what runs now` });
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

/** Every finding of a plan, marked accepted where config accepts that object's change; input that is not a plan is one refusal. */
export function guardPlan(input: unknown, env: ResolvedEnvironment): GuardFinding[] {
  const parsed = parsePlan(input);
  if ("problem" in parsed) return [{ address: "(plan)", message: `refused: it is ${parsed.problem}` }];
  return guardParsedPlan(parsed.plan, env);
}

/** What is accepted without an acceptance: what config retired on purpose, with an app's bindings and statsd policy. */
function retirements(env: ResolvedEnvironment): (address: string) => string | undefined {
  const retired = new Map(retiredAddresses(env));
  const retiredApps = new Map(env.retired.filter((r) => r.kind === "app").map((r) => [r.name, `retired in config/retired.ts with its bindings and network policy: ${r.reason}`]));
  for (const [app, reason] of retiredApps) retired.set(networkPolicyAddress(networkPolicyLogicalId(app, env.statsd.exporterApp, "udp", env.statsd.port)), reason);
  return (address) => {
    const binding = parseBindingAddress(address);
    return retired.get(address) ?? (binding ? retiredApps.get(binding.app) : undefined);
  };
}

/** guardPlan for a plan already parsed with parsePlan (the command parses once, to exit 2 on bad input). */
export function guardParsedPlan(plan: PlanJson, env: ResolvedEnvironment): GuardFinding[] {
  const retiredReason = retirements(env);
  const acceptances = env.allowedDestructiveChanges;
  const used = new Set<number>();
  const acceptedBecause = (address: string, id: string | undefined, change: string | undefined): string | undefined => {
    const i = acceptances.findIndex((a) => a.address === address && a.id === id && a.change === change);
    if (i >= 0) {
      used.add(i);
      return acceptances[i].reason;
    }
    return retiredReason(address);
  };
  const apps = new Map(env.apps.map((a) => [a.name, a]));
  const changes = (plan.resource_changes ?? []).filter((c) => c.mode === "managed");
  const byAddress = new Map(changes.map((c) => [c.address, c]));
  const findings: GuardFinding[] = [];
  const add = (c: ResourceChange, f: Found, inPlace: boolean) => {
    const id = objectId(c);
    const change = inPlace ? changeFingerprint(c) : undefined;
    const reason = f.invariant || f.replan ? undefined : acceptedBecause(c.address, id, change);
    findings.push({ address: c.address, ...f, id, ...(change ? { change } : {}), ...(reason ? { acceptedBecause: reason } : {}) });
  };
  const live = listedLive(plan);
  for (const c of changes) {
    if (passive(c) || c.change.actions.join() === "forget") continue;
    const managed = MANAGED_TYPES[c.type];
    if (!managed) {
      add(c, { message: `${c.type} is not a type this estate manages (plan/guard-data.ts): the guard has no rules for it, so it refuses its ${c.change.actions.join("+")}`, invariant: true }, false);
      continue;
    }
    if (replacedOntoItself(c)) {
      add(
        c,
        {
          message: "app would be replaced CREATE-BEFORE-DESTROY under the same name: the create pushes onto the running app (it adopts it) and the delete then deletes it. Replace it by hand (docs/adoption-under-the-real-provider.md), never by a deploy",
          invariant: true,
        },
        false,
      );
    }
    const missed = missedImport(c, live);
    if (missed) add(c, { message: missed }, true);
    if (isDestroy(c)) {
      const url = obj(c.change.before)?.url;
      const publicRoute = c.type === "cloudfoundry_route" && typeof url === "string" && (url === env.publicDomain || url.endsWith(`.${env.publicDomain}`) || url.startsWith(`${env.publicDomain}/`));
      add(c, { message: `${publicRoute ? `PUBLIC route ${url}: ` : ""}${managed.lost} ${destroyed(c)}` }, false);
    }
    // An app by its name in the plan, not by its address; other types' rules read no app.
    const name = String(obj(c.change.after)?.name ?? obj(c.change.before)?.name ?? c.name);
    const app = apps.get(name);
    const context: AppContext | undefined = app && { name, keeps: deployMinimum(env, app), floor: effectiveFloor(env, app), incidentFloor: incidentFloor(env.name, name) };
    const view: ChangeView = { type: c.type, actions: c.change.actions, before: obj(c.change.before), after: obj(c.change.after), unknown: obj(c.change.after_unknown) ?? {} };
    for (const rule of DANGER_RULES.filter((r) => r.type === c.type)) {
      const danger = rule.judge(view, context);
      if (danger) add(c, { message: danger.message, ...(danger.invariant ? { invariant: true } : {}) }, true);
    }
    if (c.type === "cloudfoundry_app") for (const f of appFindings(c, env, app)) add(c, f, true);
  }
  // The same move the offline diff refuses (NOTIFY-ENV-BINDING-ORDER), read from the plan, so that every
  // path to apply sees it: per app, the variables the update removes or adds, the bindings it creates or deletes.
  const before = new Map<string, AppWiring & { env: string[]; services: string[] }>();
  const after = new Map<string, AppWiring & { env: string[]; services: string[] }>();
  const wiring = (m: typeof before, app: string) => m.get(app) ?? m.set(app, { env: [], services: [] }).get(app)!;
  for (const c of changes) {
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
    add(byAddress.get(appAddress(v.subject))!, { message: `${v.check}: ${v.subject} ${v.message}` }, true);
  }
  acceptances.forEach((a, i) => {
    if (typeof a.id !== "string") {
      findings.push({ address: a.address, message: "acceptance without an id accepts nothing (config/schema.ts requires one): name the object's id, as a refusal prints it", ignored: true });
    } else if (!used.has(i)) {
      findings.push({
        address: a.address,
        message: `acceptance spent: nothing in this plan is the change it accepts (id ${JSON.stringify(a.id)}${a.change ? `, change ${JSON.stringify(a.change)}` : ""}): its apply is done, or the plan changes something else; it accepts nothing else, so delete it from config/${env.name}.ts with any later change`,
        acceptedBecause: a.reason,
        spent: true,
      });
    }
  });
  return findings;
}

export function blocking(findings: readonly GuardFinding[]): GuardFinding[] {
  return findings.filter((f) => !f.acceptedBecause && !f.ignored);
}

/** The allowedDestructiveChanges entry that accepts a finding: valid TypeScript for any address (binding addresses quote their keys). */
export function acceptanceFor(f: Pick<GuardFinding, "address" | "id" | "change">): string {
  return `{ address: ${JSON.stringify(f.address)}, id: ${JSON.stringify(f.id ?? "?")}, ${f.change ? `change: ${JSON.stringify(f.change)}, ` : ""}reason: "..." }`;
}

/** The first line: what the guard judged, counted from the plan itself, never from the findings. */
function verdict(env: string, summary: PlanSummary | undefined, refused: number): string {
  if (!summary) return `plan guard (${env}):`;
  const count = `${summary.changes} resource change${summary.changes === 1 ? "" : "s"} judged`;
  const what = summary.destroyed + summary.replaced === 0 ? "no resource destroyed or replaced" : `${summary.destroyed} destroyed, ${summary.replaced} replaced (each is a line below)`;
  return `plan guard (${env}): ${count}: ${what}${refused ? "" : ", nothing refused"}`;
}

export function renderFindings(env: string, findings: readonly GuardFinding[], summary?: PlanSummary): string {
  const refused = blocking(findings);
  if (!findings.length) return `${verdict(env, summary, 0)}\n`;
  const lines = findings.map((f) =>
    f.spent || f.ignored
      ? `  ${f.spent ? "spent  " : "ignored"}   ${f.address}: ${f.message}`
      : f.acceptedBecause
        ? `  accepted  ${f.address}: ${f.message}\n            because: ${f.acceptedBecause}`
        : `  REFUSED   ${f.address}: ${f.message}${
            f.address === "(plan)" ? "" : f.invariant ? "; config cannot accept it" : f.replan ? "; synthesize and plan again (no acceptance applies)" : `; accepted only by ${acceptanceFor(f)}`
          }`,
  );
  const invariant = refused.filter((f) => f.invariant);
  const waivable = refused.filter((f) => !f.invariant && !f.replan && f.address !== "(plan)");
  const entries = [...new Map(waivable.map((f) => [acceptanceFor(f), f])).keys()];
  const how = [
    waivable.length
      ? `If a change is really meant, accept it in config/${env}.ts, in the same pull request (an entry accepts that object's change only, and is spent by the apply):\n  allowedDestructiveChanges: [${entries.join(", ")}]`
      : "",
    invariant.some((f) => /incident floor/.test(f.message)) ? "An incident floor cannot be accepted in config: it changes only in config/invariants.ts, with its test." : "",
    invariant.some((f) => /CREATE-BEFORE-DESTROY/.test(f.message)) ? "A create-before-destroy replacement of an app cannot be accepted in config." : "",
    refused.some((f) => f.address === "(plan)") ? "Give it the output of `terraform show -json <planfile>`." : "",
  ].filter(Boolean);
  const tail = refused.length ? `\n${refused.length} finding${refused.length === 1 ? "" : "s"} refused.\n${how.join("\n")}\n` : "\n";
  return `${verdict(env, summary, refused.length)}\n${lines.join("\n")}${tail}`;
}
