import type { EnvironmentName } from "../config";
import type { Violation } from "./types";

/**
 * NOTIFY-ENV-BINDING-ORDER: a value moved between an env var and a service binding in one change.
 *
 * The change it refuses: notify-redis bound to every app while REDIS_URL is removed in the same
 * change. Cloud Foundry cannot make that swap in one apply:
 * - the bindings depend on their apps (constructs/service-bindings.ts), so they are made after the
 *   push; an app sees a binding only after its next restart (semantics row 31), and a
 *   push that fails half-way leaves the variable deleted (semantics row 13) with no binding behind it;
 * - making the binding first is not possible either: the app's `service_bindings` is planned from state,
 *   so a binding made before its app's push is an "inconsistent result after apply" (semantics row 18 and
 *   constructs/service-bindings.ts);
 * - the reverse (unbind, add the variable) unbinds first: a brokered service revokes the credentials
 *   the running instances hold while they still use them, until the rolling push replaces them (semantics rows 17, 18).
 * So the change is refused with its two steps, each a deploy of its own.
 *
 * It compares two synthesized stacks (the base and the candidate), as each app's wiring (review/wiring.ts):
 * `npm run diff -- --base <ref>` runs it; the plan guard runs it on a plan's changes (plan/plan-guard.ts).
 */
export const ENV_BINDING_ORDER_ID = "NOTIFY-ENV-BINDING-ORDER";

/** What the check compares per app, in each stack (review/wiring.ts reads it from a synthesized one): its variable names and bound services. */
export interface AppWiring {
  readonly env: readonly string[];
  readonly services: readonly string[];
}

/** Apps of both stacks that lose a variable and gain a binding, or lose a binding and gain a variable. */
export function envBindingOrder(environment: EnvironmentName, base: ReadonlyMap<string, AppWiring>, head: ReadonlyMap<string, AppWiring>): Violation[] {
  const out: Violation[] = [];
  const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x)).sort();
  for (const [app, after] of [...head].sort(([a], [b]) => a.localeCompare(b))) {
    const before = base.get(app);
    if (!before) continue;
    const removedVars = minus(before.env, after.env);
    const addedVars = minus(after.env, before.env);
    const bound = minus(after.services, before.services);
    const unbound = minus(before.services, after.services);
    const v = (message: string) => out.push({ check: ENV_BINDING_ORDER_ID, environment, subject: app, message });
    if (removedVars.length && bound.length)
      v(
        `binds ${bound.join(", ")} and removes ${removedVars.join(", ")} in one change: its instances would lose the variable before they can see the binding. ` +
          `Make it two deploys: (1) bind ${bound.join(", ")} and keep ${removedVars.join(", ")}; (2) once (1) is applied, remove ${removedVars.join(", ")} (its push restarts the app with the binding in place)`,
      );
    if (unbound.length && addedVars.length)
      v(
        `unbinds ${unbound.join(", ")} and adds ${addedVars.join(", ")} in one change: the unbind comes first and revokes the credentials its instances use until the push replaces them. ` +
          `Make it two deploys: (1) add ${addedVars.join(", ")} and keep the binding; (2) once (1) is applied, unbind ${unbound.join(", ")}`,
      );
  }
  return out;
}
