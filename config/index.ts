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
import type { EstateConfig } from "./types";

export * from "./types";
export * from "./resolve";
export * from "./units";

/** The estate as committed. */
export const estate: EstateConfig = {
  defaults,
  apps,
  queues,
  secrets,
  environments: [preview, staging, production],
  retired,
};

/** Every problem found in config, one line each, so that a user fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`config has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the config and resolves each environment; throws ConfigError listing every problem. */
export function loadEstate(config: EstateConfig = estate): ResolvedEnvironment[] {
  const parsed = estateSchema.safeParse(config);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error, config));
  const problems: string[] = [];
  const resolved = parsed.data.environments.flatMap((e) => {
    try {
      return [resolveEnvironment(parsed.data, e.name)];
    } catch (err) {
      if (!(err instanceof DerivedValueError)) throw err;
      problems.push(err.message);
      return [];
    }
  });
  if (problems.length) throw new ConfigError(problems);
  return resolved;
}
export * from "./capacity";
