import type { ResolvedEnvironment } from "../config";

// Reads `terraform show -json <plan>` (format_version 1.x) and refuses plans that lose state or
// capacity: a destroyed or replaced queue loses its messages, a replaced app is an outage, and an
// autoscaled app set below its floor is the 2019 mid-deploy 502s again.

/** The parts of Terraform's JSON plan representation this guard reads. */
export interface PlanJson {
  readonly format_version: string;
  readonly resource_changes?: readonly ResourceChange[];
}

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly change: {
    readonly actions: readonly ("no-op" | "create" | "read" | "update" | "delete")[];
    readonly before: Record<string, unknown> | null;
    readonly after: Record<string, unknown> | null;
    readonly after_unknown?: Record<string, unknown>;
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
  readonly action_reason?: string;
}

export interface GuardFinding {
  readonly address: string;
  readonly message: string;
  /** Set when config accepts this destructive change, with the reason written there. */
  readonly acceptedBecause?: string;
}

const STATEFUL = new Set(["aws_sqs_queue", "cloudfoundry_app"]);

function describe(c: ResourceChange): string | undefined {
  const a = c.change.actions;
  if (!a.includes("delete")) return undefined;
  if (a.includes("create")) {
    const paths = (c.change.replace_paths ?? []).map((p) => p.join(".")).join(", ");
    return `would be REPLACED (destroyed and created again${paths ? `, because ${paths} changed` : ""})`;
  }
  return "would be DESTROYED";
}

/** Everything in the plan that destroys state or capacity, marked accepted where config says so. */
export function guardPlan(plan: PlanJson, env: ResolvedEnvironment): GuardFinding[] {
  if (!/^1\./.test(plan.format_version)) {
    return [{ address: "(plan)", message: `unsupported plan format_version ${plan.format_version}; expected 1.x from terraform show -json` }];
  }
  const allowed = new Map(env.allowedDestructiveChanges.map((a) => [a.address, a.reason]));
  const floors = new Map(
    env.apps.flatMap((a) => (a.instances.mode === "autoscaled" ? [[a.name, a.instances.deployFloor] as const] : [])),
  );
  const findings: GuardFinding[] = [];
  for (const c of plan.resource_changes ?? []) {
    if (!STATEFUL.has(c.type)) continue;
    const what = describe(c);
    if (what) {
      const kind = c.type === "aws_sqs_queue" ? "queue (its messages would be lost)" : "app (an outage while it is recreated)";
      const reason = allowed.get(c.address);
      findings.push({
        address: c.address,
        message: `${kind} ${what}`,
        ...(reason ? { acceptedBecause: reason } : {}),
      });
    }
    if (c.type === "cloudfoundry_app" && c.change.after) {
      const name = String(c.change.after.name ?? c.name);
      const floor = floors.get(name);
      if (floor === undefined) continue;
      if (c.change.after_unknown?.instances === true) {
        findings.push({ address: c.address, message: `instances is unknown until apply, so the plan cannot show it keeps the floor of ${floor}` });
      } else if (typeof c.change.after.instances === "number" && c.change.after.instances < floor) {
        const before = c.change.before?.instances;
        findings.push({
          address: c.address,
          message: `instances ${before ?? "(new)"} -> ${c.change.after.instances}, below the ${env.name} floor of ${floor}`,
        });
      }
    }
  }
  return findings;
}

export function blocking(findings: readonly GuardFinding[]): GuardFinding[] {
  return findings.filter((f) => !f.acceptedBecause);
}

export function renderFindings(env: string, findings: readonly GuardFinding[]): string {
  if (!findings.length) return `plan guard (${env}): no queue or app is destroyed or replaced, no autoscaled app goes below its floor\n`;
  const lines = findings.map((f) =>
    f.acceptedBecause ? `  accepted  ${f.address}: ${f.message}\n            because: ${f.acceptedBecause}` : `  REFUSED   ${f.address}: ${f.message}`,
  );
  const refused = blocking(findings).length;
  const tail = refused
    ? `\n${refused} change${refused === 1 ? "" : "s"} refused. If a change is really meant, add its address to allowedDestructiveChanges in config/${env}.ts with the reason, in the same pull request, and remove it after the apply.\n`
    : "\n";
  return `plan guard (${env}):\n${lines.join("\n")}${tail}`;
}
