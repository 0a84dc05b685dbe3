import type { ResolvedEnvironment } from "../config/resolve";
import { address } from "./addresses";

// Which stateful objects (apps, routes, queues, dead-letter queues) an environment has ever declared,
// and what happens to one that config no longer declares: forgotten by Terraform, unless retired.

/**
 * Types history records, each owned by an app or a queue: when the owner leaves config, they are
 * forgotten with it. (A service binding is not one: removing it from config unbinds it, which the plan
 * guard stops unless accepted.)
 */
export const STATEFUL_TYPES: readonly string[] = ["cloudfoundry_app", "cloudfoundry_route", "aws_sqs_queue"];

/** The owner of a stateful object, as history records it: "app <name>" or "queue <name>". */
export type Owner = `app ${string}` | `queue ${string}`;

/** Addresses that config retired on purpose, with the reason: destroyed, and accepted by the plan guard. */
export function retiredAddresses(env: Pick<ResolvedEnvironment, "statefulHistory" | "retired">): ReadonlyMap<string, string> {
  const reasons = new Map(env.retired.map((r) => [`${r.kind} ${r.name}`, r.reason]));
  const out = new Map<string, string>();
  for (const [address, owner] of Object.entries(env.statefulHistory)) {
    const reason = reasons.get(owner);
    if (reason) out.set(address, `retired in config/retired.ts: ${reason}`);
  }
  return out;
}

/**
 * Addresses whose owner (app or queue) config no longer declares and did not retire: Terraform must
 * forget them, not destroy them. A route removed from an app that stays is not forgotten: it is
 * deleted, which the plan guard stops unless accepted.
 */
export function forgottenAddresses(env: Pick<ResolvedEnvironment, "statefulHistory" | "retired" | "apps" | "queues">): string[] {
  const declared = new Set<string>([...env.apps.map((a) => `app ${a.name}`), ...env.queues.map((q) => `queue ${q.name}`)]);
  const retired = retiredAddresses(env);
  return Object.entries(env.statefulHistory)
    .filter(([address, owner]) => !declared.has(owner) && !retired.has(address))
    .map(([address]) => address)
    .sort();
}

// The owner of a stateful object is read back from its construct path (<stack>/<top-level construct>/...),
// so the stack names its top-level constructs with these two functions and no other way: an app's
// construct is the app's name, a queue's is queueConstructId(name).
const QUEUE_CONSTRUCT = "queue-";

/** The id of a queue's construct in the stack: what ownerOf reads back as `queue <name>`. */
export function queueConstructId(queue: string): string {
  return `${QUEUE_CONSTRUCT}${queue}`;
}

/** The owner a top-level construct id names: a queue's (queueConstructId), otherwise the app of that name. */
function ownerOf(constructId: string): Owner {
  return constructId.startsWith(QUEUE_CONSTRUCT) ? `queue ${constructId.slice(QUEUE_CONSTRUCT.length)}` : `app ${constructId}`;
}

/** Stateful addresses of a synthesized stack and their owners, from cdktf's construct-path metadata. */
export function statefulAddressesOf(stack: { resource?: Record<string, Record<string, any>> }): Record<string, Owner> {
  const out: Record<string, Owner> = {};
  for (const type of STATEFUL_TYPES) {
    for (const [name, body] of Object.entries(stack.resource?.[type] ?? {})) {
      const segment = String(body?.["//"]?.metadata?.path ?? "").split("/")[1] ?? "";
      if (!segment) throw new Error(`${address(type, name)} has no construct path: cannot tell which app or queue owns it`);
      out[address(type, name)] = ownerOf(segment);
    }
  }
  return out;
}
