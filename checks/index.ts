import { closest, distance } from "fastest-levenshtein";
import { ConfigError, appsByName, estate, resolveEstate, type Acknowledgement, type EnvironmentName, type EstateConfig, type ResolvedEnvironment } from "../config";
import { acknowledgedFigure } from "./acknowledged-figure";
import { beatSingleton } from "./beat-singleton";
import { dbConnectionBudget } from "./db-connection-budget";
import { deployFloor } from "./deploy-floor";
import { envHygiene } from "./env-hygiene";
import { healthChecks } from "./health-checks";
import { healthCheckTimeout } from "./health-check-timeout";
import { longTaskPrefetch } from "./long-task-prefetch";
import { memoryQuota } from "./memory-quota";
import { queueCoverage } from "./queue-coverage";
import { routes } from "./routes";
import { secretGrants } from "./secret-grants";
import { secretLiterals } from "./secret-literals";
import { statsdCoverage } from "./statsd-coverage";
import type { Check, Violation } from "./types";
import { visibilityTimeout } from "./visibility-timeout";

export type { Check, Violation } from "./types";

export const ALL_CHECKS: readonly Check[] = [
  dbConnectionBudget,
  visibilityTimeout,
  longTaskPrefetch,
  deployFloor,
  beatSingleton,
  secretGrants,
  statsdCoverage,
  queueCoverage,
  routes,
  healthChecks,
  healthCheckTimeout,
  envHygiene,
  memoryQuota,
];

export interface AcknowledgedViolation {
  readonly violation: Violation;
  readonly acknowledgement: Acknowledgement;
}

export interface CheckResult {
  /** Breaches nobody acknowledged: any one of them stops the synth. */
  readonly violations: readonly Violation[];
  /** Breaches nobody acknowledged that depend only on an assumed figure: reported, not blocking. */
  readonly warnings: readonly Violation[];
  readonly acknowledged: readonly AcknowledgedViolation[];
  /** Acknowledgements that matched nothing: safe to delete. */
  readonly unused: readonly { readonly environment: string; readonly subject: string; readonly acknowledgement: Acknowledgement }[];
}

function acknowledgementsOf(env: ResolvedEnvironment, subject: string): readonly Acknowledgement[] {
  if (subject === "environment") return env.acknowledgements;
  return appsByName(env).get(subject)?.acknowledgements ?? env.queues.find((q) => q.name === subject)?.acknowledgements ?? [];
}

/** Runs every check over every environment, once, and sorts breaches into open and acknowledged. */
export function runChecks(environments: readonly ResolvedEnvironment[], checks: readonly Check[] = ALL_CHECKS): CheckResult {
  const ids = new Set(checks.map((c) => c.id));
  const violations: Violation[] = [];
  const warnings: Violation[] = [];
  const acknowledged: AcknowledgedViolation[] = [];
  const used = new Set<Acknowledgement>();
  for (const v of checks.flatMap((c) => c.run(environments))) {
    const env = environments.find((e) => e.name === v.environment)!;
    // An incident invariant (config/invariants.ts) cannot be acknowledged away: it changes only in code.
    const ack = v.invariant
      ? undefined
      : acknowledgementsOf(env, v.subject).find(
          (a) => a.check === v.check && (a.accepted === undefined || (v.value ?? 0) <= a.accepted * (1 + (a.marginPercent ?? 0) / 100)),
        );
    if (ack) {
      acknowledged.push({ violation: v, acknowledgement: ack });
      used.add(ack);
    } else if (v.assumed && !v.invariant) warnings.push(v);
    else violations.push(v);
  }
  // An accepted figure far above what its check measures accepts breaches nobody reviewed.
  violations.push(...acknowledgedFigure.run(acknowledged));
  const unused: CheckResult["unused"][number][] = [];
  // An unknown check id is one problem however many environments it appears in (an app's own
  // acknowledgements are in all of them): one line, with the environments and the nearest id.
  const unknown = new Map<string, { subject: string; check: string; file: string; environments: string[] }>();
  for (const env of environments) {
    const subjects = [
      ["environment", env.acknowledgements, "environment"] as const,
      ...env.apps.map((a) => [a.name, a.acknowledgements, "app"] as const),
      ...env.queues.map((q) => [q.name, q.acknowledgements, "config/queues.ts"] as const),
    ];
    for (const [subject, acks, file] of subjects) {
      for (const a of acks) {
        if (!ids.has(a.check)) {
          const key = JSON.stringify([subject, a.check]);
          const seen = unknown.get(key) ?? { subject, check: a.check, file, environments: [] };
          seen.environments.push(env.name);
          unknown.set(key, seen);
        } else if (!used.has(a)) unused.push({ environment: env.name, subject, acknowledgement: a });
      }
    }
  }
  // An app's acknowledgement in every environment is its own (config/apps.ts); one in some is its scaling entry's.
  const where = (u: { file: string; environments: string[] }) =>
    u.file === "environment" ? u.environments.map((e) => `config/${e}.ts`).join(", ") : u.file !== "app" ? u.file : u.environments.length === environments.length ? "config/apps.ts" : u.environments.map((e) => `config/${e}.ts`).join(", ");
  for (const u of unknown.values()) {
    const near = closest(u.check, [...ids]);
    const likely = near && distance(u.check, near) <= Math.max(3, Math.floor(u.check.length / 4));
    violations.push({
      check: "NOTIFY-ACKNOWLEDGEMENT",
      environment: u.environments.join("+") as ResolvedEnvironment["name"],
      subject: u.subject,
      message: `acknowledges unknown check ${u.check} (${where(u)})${likely ? `; did you mean ${near}?` : ""} Known checks: ${[...ids].join(", ")}`,
    });
  }
  return { violations, warnings, acknowledged, unused };
}

/** One line per breach: `[CHECK] env/subject: message`. */
export function formatViolation(v: Violation): string {
  const waiver = v.invariant ? " (an incident invariant: no acknowledgement in config can accept it)" : v.assumed ? ` (a warning: ${v.assumed})` : "";
  return `[${v.check}] ${v.environment}/${v.subject}: ${v.message}${waiver}`;
}

/**
 * formatViolation for a list, one line per problem: a breach with the same words in several
 * environments (an app's own setting is in all of them) is one line naming them, preview+staging/app.
 */
export function formatViolations(violations: readonly Violation[]): string[] {
  const groups = new Map<string, Violation[]>();
  for (const v of violations) {
    const key = JSON.stringify([v.check, v.subject, v.message, v.invariant ?? false, v.assumed ?? ""]);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.values()].map((g) => formatViolation({ ...g[0], environment: [...new Set(g.map((v) => v.environment))].join("+") as Violation["environment"] }));
}

/** The estate resolved from config, with what the checks found (acknowledged breaches, warnings, unused acknowledgements). */
export interface CheckedEstate {
  readonly environments: ResolvedEnvironment[];
  readonly checks: CheckResult;
}

/**
 * The estate every entry point uses: the config validated (schema first), each environment resolved,
 * then every guardrail run over every environment, the secret scan included (NOTIFY-SECRET-LITERALS,
 * asynchronous because the secret scanner's API is). Throws ConfigError listing every problem at once.
 */
export async function loadEstate(config: EstateConfig = estate): Promise<CheckedEstate> {
  const environments = resolveEstate(config);
  const checks = runChecks(environments);
  const all = [...checks.violations, ...(await secretLiterals.run(environments))];
  if (all.length) throw new ConfigError(formatViolations(all));
  return { environments, checks };
}

/** One environment of loadEstate(config): the whole estate is checked, since checks span environments. */
export async function loadEnvironment(name: EnvironmentName, config: EstateConfig = estate): Promise<ResolvedEnvironment> {
  const found = (await loadEstate(config)).environments.find((e) => e.name === name);
  if (!found) throw new ConfigError([`no environment ${name} in config`]);
  return found;
}
