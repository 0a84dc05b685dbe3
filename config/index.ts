import { apps } from "./apps";
import { defaults } from "./defaults";
import { preview } from "./preview";
import { production } from "./production";
import { queues } from "./queues";
import { retired } from "./retired";
import { DerivedValueError, resolveEnvironment, type ResolvedEnvironment } from "./resolve";
import { estateSchema, formatIssues } from "./schema";
import { secrets } from "./secrets";
import { staging } from "./staging";
import { STATEFUL_HISTORY } from "./stateful-history";
import type { EnvironmentName, EstateConfig } from "./types";

export * from "./types";
export * from "./resolve";
export * from "./units";
export * from "./environment-identity";

/** The estate as committed. */
export const estate: EstateConfig = {
  defaults,
  apps,
  queues,
  secrets,
  environments: [preview, staging, production],
  retired,
  statefulHistory: STATEFUL_HISTORY,
};

/** Every problem found in config, one line each, so that a user fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`config has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the config and resolves each environment; throws ConfigError listing every problem. */
export function resolveEstate(config: EstateConfig = estate): ResolvedEnvironment[] {
  const parsed = estateSchema.safeParse(config);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error, config));
  const failures: DerivedValueError[] = [];
  const resolved = parsed.data.environments.flatMap((e) => {
    try {
      return [resolveEnvironment(parsed.data, e.name)];
    } catch (err) {
      if (!(err instanceof DerivedValueError)) throw err;
      failures.push(err);
      return [];
    }
  });
  if (failures.length) throw new ConfigError(derivedValueProblems(failures, config));
  return resolved;
}

/**
 * One line per derived value that fails, naming the file and field that hold its function and the
 * environments it fails in: one problem is one line, however many environments share it, and it names
 * the file to edit.
 */
function derivedValueProblems(failures: readonly DerivedValueError[], config: EstateConfig): string[] {
  const byProblem = new Map<string, DerivedValueError[]>();
  for (const f of failures) {
    const key = JSON.stringify([f.app, f.variable, f.problem]);
    byProblem.set(key, [...(byProblem.get(key) ?? []), f]);
  }
  return [...byProblem.values()].map((group) => {
    const { app, variable, problem } = group[0];
    const declared = config.apps.find((a) => a.name === app);
    const inEnv = group.length === 1 ? declared?.byEnvironment?.[group[0].environment as EnvironmentName]?.env?.[variable] : undefined;
    const where =
      inEnv !== undefined
        ? `config/apps.ts: apps[${app}].byEnvironment.${group[0].environment}.env.${variable}`
        : declared?.env?.[variable] !== undefined
          ? `config/apps.ts: apps[${app}].env.${variable}`
          : `config/defaults.ts: defaults.env.${variable} (evaluated first for ${app})`;
    return `${where}: ${problem} (in ${group.map((g) => g.environment).join(", ")})`;
  });
}
export * from "./capacity";
