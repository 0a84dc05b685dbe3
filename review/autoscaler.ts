import type { ResolvedEnvironment } from "../config";

// The autoscaler (alphagov/notifications-paas-autoscaler) is not deployed by this stack: it reads its
// limits from its own per-space variables. The synth writes what config says they should be, per
// environment, as cdktf.out/autoscaler/<env>.json, and the offline diff shows a change to them. The
// stack deploys each autoscaled app at no fewer than its minimum, so a raised minimum takes effect with
// the deploy; the autoscaler's own variables follow.

export interface AutoscalerLimitsFile {
  readonly environment: string;
  readonly note: string;
  readonly apps: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
}

export function autoscalerLimits(env: ResolvedEnvironment): AutoscalerLimitsFile {
  const apps: Record<string, { min: number; max: number }> = {};
  for (const a of env.apps) if (a.instances.mode === "autoscaled") apps[a.name] = { min: a.instances.autoscaler.min, max: a.instances.autoscaler.max };
  return {
    environment: env.name,
    note: "Not deployed by this stack: set these in notifications-paas-autoscaler's variables for the space (apps that share a variable there must agree). A deploy of this stack runs each app at no fewer than its minimum. docs/reviewing.md: Autoscaler limits.",
    apps,
  };
}

/** One line per app whose limits differ between two artifacts; nothing when either is missing. */
export function diffAutoscaler(base: AutoscalerLimitsFile | undefined, head: AutoscalerLimitsFile | undefined): string[] {
  if (!base || !head) return [];
  const out: string[] = [];
  for (const name of [...new Set([...Object.keys(base.apps), ...Object.keys(head.apps)])].sort()) {
    const b = base.apps[name];
    const h = head.apps[name];
    const show = (l?: { min: number; max: number }) => (l ? `${l.min}/${l.max}` : "(not autoscaled)");
    if (b?.min === h?.min && b?.max === h?.max) continue;
    // A raised minimum is deployed: the stack runs the app at no fewer (stacks/environment-stack.ts deployMinimum).
    const raised = b && h && h.min > b.min ? `the next deploy runs at least ${h.min}; ` : "";
    out.push(`autoscaler ${name}: min/max ${show(b)} -> ${show(h)} (${raised}not deployed by this stack: update the autoscaler's variables)`);
  }
  return out;
}
