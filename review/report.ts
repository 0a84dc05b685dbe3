import { PLAIN, type OutputStyle } from "./output";
import { memoryCell, renderTable } from "./table";
import {
  connections,
  environmentCapacity,
  estate,
  formatMib,
  instanceFigures,
  mib,
  type ResolvedEnvironment,
} from "../config";
import type { CheckResult } from "../checks";

// The capacity report: what each environment costs and risks, per app, with the guardrails' exceptions.

export interface AppReport {
  readonly app: string;
  readonly instances: { readonly deploy: number; readonly min: number; readonly max: number };
  readonly memoryMib: { readonly perInstance: number; readonly atMin: number; readonly atMax: number };
  readonly dbConnections: { readonly deploy: number; readonly max: number };
  readonly secrets: readonly string[];
}

export interface EnvironmentReport {
  readonly environment: string;
  readonly apps: readonly AppReport[];
  readonly totals: {
    readonly instances: { readonly deploy: number; readonly min: number; readonly max: number };
    readonly memoryMib: { readonly atMin: number; readonly atMax: number; readonly quota: number };
    readonly dbConnections: { readonly deploy: number; readonly max: number; readonly limit: number; readonly reserved: number; readonly budget: number };
    readonly queues: number;
    /** apps x secrets actually granted, against the 2022 template's grants. */
    readonly secretExposures: { readonly now: number; readonly in2022: number };
  };
  readonly acknowledgements: readonly { readonly check: string; readonly subject: string; readonly message: string; readonly reason: string }[];
}

/**
 * Secret exposures under the 2022 template: every common secret on every app, and the two CBC proxy
 * keys on the broadcasts worker only (4437d60dd).
 */
export function exposures2022(env: ResolvedEnvironment): number {
  const secrets = estate.secrets.filter((s) => s.kind === "secret");
  const cbc = secrets.filter((s) => s.name.startsWith("CBC_PROXY_")).length;
  return (secrets.length - cbc) * env.apps.length + cbc;
}

export function buildReport(environments: readonly ResolvedEnvironment[], checks: CheckResult): EnvironmentReport[] {
  return environments.map((env) => {
    const cap = environmentCapacity(env);
    return {
      environment: env.name,
      apps: env.apps.map((a) => {
        const n = instanceFigures(a);
        return {
          app: a.name,
          instances: n,
          memoryMib: { perInstance: mib(a.memory), atMin: n.min * mib(a.memory), atMax: n.max * mib(a.memory) },
          dbConnections: { deploy: connections(a, n.deploy), max: connections(a, n.max) },
          secrets: a.secretEnv.filter((s) => s.kind === "secret").map((s) => s.name),
        };
      }),
      totals: {
        instances: cap.instances,
        memoryMib: { atMin: cap.memoryMib.min, atMax: cap.memoryMib.max, quota: env.spaceMemoryQuotaMib },
        dbConnections: {
          deploy: cap.dbConnections.deploy,
          max: cap.dbConnections.max,
          limit: env.database.connectionLimit,
          reserved: env.database.reservedConnections,
          budget: cap.dbConnections.budget,
        },
        queues: env.queues.length,
        secretExposures: { now: cap.secretExposures, in2022: exposures2022(env) },
      },
      acknowledgements: checks.acknowledged
        .filter((a) => a.violation.environment === env.name)
        .map((a) => ({
          check: a.violation.check,
          subject: a.violation.subject,
          message: a.violation.message,
          reason: a.acknowledgement.reason,
        })),
    };
  });
}

export function renderReport(reports: readonly EnvironmentReport[], out: OutputStyle = PLAIN): string {
  return reports
    .map((r) => {
      const rows: (string | number)[][] = [];
      for (const a of r.apps) {
        rows.push([
          a.app,
          `${a.instances.deploy} / ${a.instances.min} / ${a.instances.max}`,
          memoryCell(a.memoryMib.atMin, formatMib),
          memoryCell(a.memoryMib.atMax, formatMib),
          a.dbConnections.deploy,
          a.dbConnections.max,
          a.secrets.length,
        ]);
      }
      const x = r.totals;
      const budget = x.dbConnections.budget;
      rows.push([
        "TOTAL",
        `${x.instances.deploy} / ${x.instances.min} / ${x.instances.max}`,
        formatMib(x.memoryMib.atMin),
        `${formatMib(x.memoryMib.atMax)} of ${formatMib(x.memoryMib.quota)}`,
        x.dbConnections.deploy,
        `${x.dbConnections.max} of ${budget}`,
        x.secretExposures.now,
      ]);
      const acks = r.acknowledgements.length
        ? r.acknowledgements.map((a) => `  [${a.check}] ${a.subject}: ${a.message}\n    acknowledged: ${a.reason}`).join("\n")
        : "  none";
      return [
        `== ${r.environment} ==`,
        renderTable(["app", "instances deploy/min/max", "memory at min", "memory at max", "db conns deploy", "db conns max", "secrets"], rows, out),
        `database connections: ${x.dbConnections.deploy} at the fewest instances a deploy runs, ${x.dbConnections.max} at autoscaler maxima; ` +
          `limit ${x.dbConnections.limit} - ${x.dbConnections.reserved} reserved = ${budget}`,
        `queues: ${x.queues}`,
        `secret exposures (apps x secrets): ${x.secretExposures.now}, against ${x.secretExposures.in2022} under the 2022 template`,
        `acknowledged breaches:\n${acks}`,
      ].join("\n");
    })
    .join("\n\n")
    .concat("\n");
}
