import { isDeepStrictEqual } from "util";
import { isJsonObject, type JsonObject, type PlanJson, type ResourceChange } from "./plan-json";

// The scheduled drift check (ci/pipeline.yml, job drift-<env>) plans an environment with its plan
// identity (docs/identities.md) and fails when the plan is not empty, naming what changed outside Terraform: an app scaled
// or `cf set-env`'d by hand, a route unmapped, a queue edited in the console. Changes an autoscaler
// makes to an autoscaled app are not drift: the stack deploys max(floor, live), so they plan nothing.

/** Whether Terraform marks a value, or anything inside it, sensitive. */
const anySensitive = (mark: unknown): boolean => mark === true || (typeof mark === "object" && mark !== null && Object.values(mark).some(anySensitive));
/** A count or a switch: no room in it for a secret, and what an operator needs to see ("instances 2 -> 3"). */
const countOrSwitch = (v: unknown) => v === null || v === undefined || typeof v === "number" || typeof v === "boolean";
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/**
 * What differs between two versions of an object, in names: the drift job's log is read by more
 * people than the platform's secrets are, so no value leaves through it (a command, an endpoint, a
 * variable's value) except counts and switches. Maps (environment variables, labels, tags) are
 * reported by key, naming only the keys config declares (`declared`: the planned object, whose maps
 * hold config's keys); any other key, a name someone chose by hand, is counted, not named.
 */
export function describeDifferences(change: ResourceChange["change"], declared?: unknown): string[] {
  const before = (isJsonObject(change.before) ? change.before : {}) as JsonObject;
  const after = (isJsonObject(change.after) ? change.after : {}) as JsonObject;
  const config = (isJsonObject(declared) ? declared : {}) as JsonObject;
  const sb = (isJsonObject(change.before_sensitive) ? change.before_sensitive : {}) as JsonObject;
  const sa = (isJsonObject(change.after_sensitive) ? change.after_sensitive : {}) as JsonObject;
  const out: string[] = [];
  for (const k of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const b = before[k];
    const a = after[k];
    if (isDeepStrictEqual(b, a)) continue;
    if (isJsonObject(b) || isJsonObject(a)) {
      const bo = (isJsonObject(b) ? b : {}) as JsonObject;
      const ao = (isJsonObject(a) ? a : {}) as JsonObject;
      const known = (isJsonObject(config[k]) ? config[k] : {}) as JsonObject;
      const describe = (keys: string[], what: string) => {
        const named = keys.filter((x) => Object.hasOwn(known, x)).sort();
        const others = keys.length - named.length;
        return [named.length ? `${named.join(", ")} ${what}` : "", others ? `${plural(others, "key")} config does not declare ${what}` : ""];
      };
      const parts = [
        ...describe(Object.keys(ao).filter((x) => !(x in bo)), "added"),
        ...describe(Object.keys(bo).filter((x) => !(x in ao)), "removed"),
        ...describe(Object.keys(ao).filter((x) => x in bo && !isDeepStrictEqual(ao[x], bo[x])), "changed"),
      ].filter(Boolean);
      out.push(`${k}: ${parts.join("; ") || "changed"}`);
    } else if (anySensitive(sb[k]) || anySensitive(sa[k]) || !countOrSwitch(a) || !countOrSwitch(b)) {
      out.push(`${k} changed`);
    } else {
      out.push(`${k} ${String(b ?? null)} -> ${String(a ?? null)}`);
    }
  }
  return out;
}

/** Top-level attributes that are unknown until apply (a referenced app's id, say). */
function unknownAttributes(change: ResourceChange["change"]): string[] {
  const u = (isJsonObject(change.after_unknown) ? change.after_unknown : {}) as JsonObject;
  return Object.keys(u).filter((k) => anySensitive(u[k])).sort();
}

/**
 * An update whose only differences are values unknown until apply: routes and network policies that
 * point at an app being updated, whose id the provider plans unknown (notes f). Not drift.
 */
function onlyUnknowns(change: ResourceChange["change"]): boolean {
  if (!change.actions.includes("update") || !isJsonObject(change.before) || !isJsonObject(change.after)) return false;
  const unknown = new Set(unknownAttributes(change));
  if (!unknown.size) return false;
  const b = change.before as JsonObject;
  const a = change.after as JsonObject;
  return Object.keys(b).every((k) => unknown.has(k) || isDeepStrictEqual(b[k], a[k]));
}

const pending = (c: ResourceChange) => c.mode === "managed" && !c.change.actions.every((a) => a === "no-op" || a === "read");

/** Service instance names of an app's service_bindings. */
const boundNames = (v: unknown): Set<string> => {
  const list = isJsonObject(v) && Array.isArray(v.service_bindings) ? v.service_bindings : [];
  return new Set(list.filter(isJsonObject).map((b) => String(b.service_instance)));
};
const hasNullParams = (v: unknown): boolean =>
  isJsonObject(v) && Array.isArray(v.service_bindings) && v.service_bindings.some((b) => isJsonObject(b) && b.params === null);

/**
 * An app's service_bindings lists every binding on the platform, those this stack's
 * cloudfoundry_service_credential_binding resources make included (their own drift shows on them).
 * What none of them owns was bound or unbound by hand.
 */
function bindingDrift(app: ResourceChange, outside: ResourceChange, plan: PlanJson): string[] {
  const name = String((isJsonObject(app.change.after) && app.change.after.name) || app.name);
  const owned = new Set((plan.resource_changes ?? []).filter((r) => r.type === "cloudfoundry_service_credential_binding" && (r as { index?: unknown }).index === name).map((r) => r.name));
  const before = boundNames(outside.change.before);
  const after = boundNames(outside.change.after);
  // A service config binds is named; one bound or unbound by hand is counted, as names chosen by hand are.
  const declared = boundNames(app.change.after);
  const say = (names: string[], what: string) => {
    const named = names.filter((n) => declared.has(n)).sort();
    const others = names.length - named.length;
    return [...named.map((n) => `service_bindings: ${n} ${what} outside Terraform`), ...(others ? [`service_bindings: ${what} outside Terraform: ${plural(others, "service instance")} config does not name`] : [])];
  };
  return [...say([...after].filter((n) => !before.has(n) && !owned.has(n)), "bound"), ...say([...before].filter((n) => !after.has(n) && !owned.has(n)), "unbound")];
}

/**
 * Provider 1.16.0 alone plans this app's push: its state holds a binding with params null, which the
 * schema default "{}" differs from at every plan (semantics row 4, cloudfoundry/terraform-provider-cloudfoundry#369), and nothing configured
 * differs. Still a planned push (so still reported), named for what it is: the deploy's settling
 * step was skipped (a person's cdktf deploy), not a change to the app.
 */
function bindingParamsResidual(c: ResourceChange, outsideOnlyBindings: boolean): boolean {
  return c.type === "cloudfoundry_app" && c.change.actions.join() === "update" && hasNullParams(c.change.before) && outsideOnlyBindings && onlyUnknowns(c.change);
}
const RESIDUAL = 'provider 1.16.0 re-push only: a binding\'s params are null in state and its schema default "{}" differs at every plan (cloudfoundry/terraform-provider-cloudfoundry#369); nothing configured differs. Settle the state as the deploy does (docs/adoption-under-the-real-provider.md)';

/** One line per resource the next deploy would change, saying whether it drifted or is undeployed config. */
export function driftReport(env: string, plan: PlanJson): { lines: string[]; empty: boolean } {
  const drift = new Map((plan.resource_drift ?? []).map((d) => [d.address, d]));
  const lines: string[] = [];
  for (const c of (plan.resource_changes ?? []).filter(pending)) {
    const outside = drift.get(c.address);
    const action = c.change.actions.join("+");
    const what = outside?.change.after ? describeDifferences(outside.change, c.change.after).filter((d) => !d.startsWith("service_bindings")) : [];
    const bindings = outside?.change.after && c.type === "cloudfoundry_app" ? bindingDrift(c, outside, plan) : [];
    if (bindingParamsResidual(c, !outside || (!!outside.change.after && !what.length && !bindings.length))) {
      lines.push(`${c.address}: ${action}: ${RESIDUAL}`);
    } else if (!outside && onlyUnknowns(c.change)) {
      lines.push(`${c.address}: ${action}: follows another change (${unknownAttributes(c.change).join(", ")} known only after apply)`);
    } else if (!outside) {
      lines.push(`${c.address}: ${action}: config not yet deployed`);
    } else if (!outside.change.after) {
      lines.push(`${c.address}: deleted outside Terraform; the next deploy would ${action} it`);
    } else {
      const all = [...what, ...bindings];
      // A push binds what its manifest lists and never unbinds (semantics row 18): a hand-made binding stays.
      const back = what.length || !bindings.length ? `the next deploy would ${action} it back` : `the next deploy would ${action} it, and a push never unbinds: unbind it by hand or bind it in config`;
      lines.push(`${c.address}: changed outside Terraform (${all.join("; ") || "attributes changed"}); ${back}`);
    }
  }
  return { lines: lines.length ? [`drift (${env}): ${lines.length} ${lines.length === 1 ? "resource differs" : "resources differ"} from config:`, ...lines.map((l) => `  ${l}`)] : [`drift (${env}): none; the plan is empty`], empty: lines.length === 0 };
}
