import { RESERVED_ENV_NAMES } from "./platform-limits";
import type { AppDefinition, EstateConfig } from "./types";

// Env variables config derives from structured settings, so that one value drives both the app and what
// the checks count: the queue prefix that names the queues, the pool size the connection budget counts,
// the prefetch the visibility check counts, the statsd host the network policy opens. Each is data: its
// default name, the setting it comes from, its unit, and whether an app may go without it. An app (or
// every app, in defaults) renames one, sets its unit or drops it in config (`derivedEnv`), without code.
// A hand-set variable of a derived name would win silently, so the schema refuses one.

/** Units a duration can be given to the app in; the settings hold seconds. */
export const DURATION_UNITS = { s: 1, ms: 1000 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** What a derived value is computed from: the app with its environment's values applied. */
export interface DerivedContext {
  readonly app: AppDefinition;
  /** The prefix the app's queues are named with (another estate's, for consumesFrom). */
  readonly queuePrefix: string;
  /** The statsd exporter's internal host in this environment. */
  readonly statsdHost: string;
}

export interface DerivedVariable {
  /** The variable's name unless the app renames it. */
  readonly name: string;
  /** The setting that drives it, for messages. */
  readonly from: string;
  /** "seconds": a duration, which the app may take in another unit. @default not a duration */
  readonly unit?: "seconds";
  /** The value (seconds, for a duration), or undefined when the app is not given the variable. */
  readonly value: (ctx: DerivedContext) => string | number | undefined;
  /**
   * Why the app may not go without it (undefined: it may). A function gets the app, for a rule that
   * depends on its settings.
   */
  readonly keep?: string | ((app: AppDefinition) => string | undefined);
}

/** A celery worker's prefetch, when config sets it (other processes have none). */
const processPrefetch = (app: AppDefinition) => (app.process as { readonly prefetchMultiplier?: number }).prefetchMultiplier;

/** Every derived variable, in the order the app's environment lists them. */
export const DERIVED_VARIABLES = {
  appName: {
    name: "NOTIFY_APP_NAME",
    from: "notifyAppName in config/apps.ts",
    value: ({ app }) => app.notifyAppName,
    keep: "the launchers need it and name the app's log groups after it",
  },
  queuePrefix: {
    name: "NOTIFICATION_QUEUE_PREFIX",
    from: "queuePrefix in config/<environment>.ts, the value that names the queues, so that apps and queues cannot disagree",
    value: ({ queuePrefix }) => queuePrefix,
    keep: "without it celery reads queues under no prefix, not this environment's",
  },
  poolSize: {
    name: "SQLALCHEMY_POOL_SIZE",
    from: "database.poolSize in config/apps.ts, which the connection check counts",
    value: ({ app }) => app.database.poolSize,
    keep: "the connection check counts database.poolSize; without the variable the app would use its own default",
  },
  statsdHost: {
    name: "STATSD_HOST",
    from: "sendsStatsd in config/apps.ts, which also adds the network policy to the exporter",
    value: ({ app, statsdHost }) => (app.sendsStatsd ? statsdHost : undefined),
    keep: "the network policy to the exporter would carry no metrics; set sendsStatsd: false instead",
  },
  prefetchMultiplier: {
    name: "CELERYD_PREFETCH_MULTIPLIER",
    from: "process.prefetchMultiplier in config/apps.ts, which the visibility-timeout check counts",
    value: ({ app }) => processPrefetch(app),
    // The start command passes --prefetch-multiplier as well, so the app keeps the figure without it.
  },
  statementTimeout: {
    name: "SQLALCHEMY_STATEMENT_TIMEOUT",
    from: "database.statementTimeoutSeconds in config/apps.ts",
    unit: "seconds",
    value: ({ app }) => app.database.statementTimeoutSeconds,
    keep: (app) =>
      app.database.statementTimeoutSeconds === undefined
        ? undefined
        : `database.statementTimeoutSeconds is ${app.database.statementTimeoutSeconds}, which the app would not see; remove that setting to use the app's own default`,
  },
} as const satisfies Record<string, DerivedVariable>;

export type DerivedKey = keyof typeof DERIVED_VARIABLES;
export const DERIVED_KEYS = Object.keys(DERIVED_VARIABLES) as DerivedKey[];

/** How an app takes one derived variable: under another name, in another unit, or not at all (false). */
export type DerivedEnvChoice = false | { readonly name?: string; readonly unit?: DurationUnit };
export type DerivedEnvChoices = { readonly [K in DerivedKey]?: DerivedEnvChoice };

/** Derived variables by their default names, with the setting that drives each (the schema's message). */
export const DERIVED_ENV: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.values(DERIVED_VARIABLES).map((v: DerivedVariable) => [v.name, v.from])),
);

/** Why an app may not drop a derived variable, or undefined when it may. */
export function keepReason(key: DerivedKey, app: AppDefinition): string | undefined {
  const keep = (DERIVED_VARIABLES[key] as DerivedVariable).keep;
  return typeof keep === "function" ? keep(app) : keep;
}

/** The name an app reads a derived variable under, or null when it goes without it. */
export function derivedName(key: DerivedKey, choices: DerivedEnvChoices): string | null {
  const choice = choices[key];
  if (choice === false) return null;
  return choice?.name ?? DERIVED_VARIABLES[key].name;
}

/**
 * An app's derived variables, by the names it reads them under, in its units; and the name of each
 * (null where dropped). `choices` is defaults.derivedEnv with the app's own over it.
 */
export function derivedEnv(ctx: DerivedContext, choices: DerivedEnvChoices): { env: Record<string, string>; names: Record<DerivedKey, string | null> } {
  const env: Record<string, string> = {};
  const names = {} as Record<DerivedKey, string | null>;
  for (const key of DERIVED_KEYS) {
    const spec: DerivedVariable = DERIVED_VARIABLES[key];
    const name = derivedName(key, choices);
    names[key] = name;
    const value = spec.value(ctx);
    if (name === null || value === undefined) continue;
    const choice = choices[key];
    const unit = choice ? choice.unit : undefined;
    // Only a duration takes a unit (the schema refuses one elsewhere).
    env[name] = unit !== undefined ? String(Number(value) * DURATION_UNITS[unit]) : String(value);
  }
  return { env, names };
}

export interface DerivedIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Problems with how config and the apps take derived variables: a derived name set by hand (the
 * override would win silently), a unit on what is not a duration, a variable dropped that the app or a
 * check needs, a new name that another variable, secret or unset entry of the app already has.
 */
export function derivedEnvIssues(estate: EstateConfig): DerivedIssue[] {
  const issues: DerivedIssue[] = [];
  const d = estate.defaults;
  const everyApp = new Set(estate.secrets.filter((s) => s.allowedApps === "all").map((s) => s.name));
  const whyOf = (key: DerivedKey) => (DERIVED_VARIABLES[key] as DerivedVariable).from;

  // The names (default or new) a set of choices derives, each with the setting behind it.
  const namesOf = (choices: DerivedEnvChoices): Map<string, DerivedKey> => {
    const names = new Map<string, DerivedKey>();
    for (const key of DERIVED_KEYS) {
      names.set(DERIVED_VARIABLES[key].name, key);
      const name = derivedName(key, choices);
      if (name !== null) names.set(name, key);
    }
    return names;
  };
  const handSet = (where: (string | number)[], env: Readonly<Record<string, unknown>> | undefined, derived: Map<string, DerivedKey>) => {
    for (const name of Object.keys(env ?? {})) {
      const key = derived.get(name);
      if (key) issues.push({ path: [...where, name], message: `${name} is derived by config (${whyOf(key)}); it cannot be set by hand: change that instead` });
    }
  };

  // Units and drops, for defaults (every app that takes them) and each app.
  const choiceIssues = (where: (string | number)[], choices: DerivedEnvChoices | undefined, appsTaking: (key: DerivedKey) => readonly AppDefinition[]) => {
    for (const [key, choice] of Object.entries(choices ?? {}) as [DerivedKey, DerivedEnvChoice][]) {
      const spec = DERIVED_VARIABLES[key] as DerivedVariable | undefined;
      if (!spec) continue;
      if (choice === false) {
        const appsTakingThem = appsTaking(key);
        const needed = appsTakingThem.map((a) => [a.name, keepReason(key, a)] as const).filter(([, why]) => why !== undefined);
        if (needed.length)
          issues.push({ path: [...where, key], message: `${spec.name} cannot be dropped${appsTakingThem.length > 1 ? ` (${needed.map(([n]) => n).join(", ")})` : ""}: ${needed[0][1]}; rename it instead ({ name: "..." })` });
      } else if (choice?.unit !== undefined && spec.unit !== "seconds") {
        issues.push({ path: [...where, key, "unit"], message: `${spec.name} is not a duration (${spec.from}): it takes no unit; remove unit` });
      }
    }
  };
  choiceIssues(["defaults", "derivedEnv"], d.derivedEnv, (key) => estate.apps.filter((a) => a.derivedEnv?.[key] === undefined));
  // (A default rename onto a name in defaults.env is the rename rule's, below.)
  handSet(["defaults", "env"], d.env, namesOf({}));
  // A rename written once (in defaults) that clashes on several apps is one line naming them.
  const renames = new Map<string, { path: (string | number)[]; apps: string[]; text: string }>();
  const renameIssue = (path: (string | number)[], app: string, text: string) => {
    const key = JSON.stringify([path, text]);
    const seen = renames.get(key) ?? { path, apps: [], text };
    seen.apps.push(app);
    renames.set(key, seen);
  };

  estate.apps.forEach((app, i) => {
    const choices: DerivedEnvChoices = { ...(d.derivedEnv ?? {}), ...(app.derivedEnv ?? {}) };
    choiceIssues(["apps", i, "derivedEnv"], app.derivedEnv, () => [app]);
    const derived = namesOf(choices);
    handSet(["apps", i, "env"], app.env, derived);
    for (const [e, values] of Object.entries(app.byEnvironment ?? {})) handSet(["apps", i, "byEnvironment", e, "env"], values?.env, derived);

    // A new name must be the app's only variable of that name.
    const taken = new Map<string, string>();
    for (const name of Object.keys(d.env)) taken.set(name, "config/defaults.ts env");
    for (const s of [...everyApp, ...(app.secrets ?? [])]) taken.set(s, "a secret the app receives (config/secrets.ts)");
    for (const u of [...d.unsetEnv, ...(app.unsetEnv ?? [])]) taken.set(u.name, `declared unset (${u.reason})`);
    const renamed = (k: DerivedKey) => derivedName(k, choices) !== DERIVED_VARIABLES[k].name;
    DERIVED_KEYS.forEach((key, index) => {
      const name = derivedName(key, choices);
      if (name === null || !renamed(key)) return;
      const path = app.derivedEnv?.[key] !== undefined ? ["apps", i, "derivedEnv", key, "name"] : ["defaults", "derivedEnv", key, "name"];
      // Two renamed to one name is one problem, reported on the second.
      const clash = DERIVED_KEYS.find((k, j) => derivedName(k, choices) === name && (j < index || !renamed(k)));
      const reserved = RESERVED_ENV_NAMES.find((r) => r.test.test(name));
      if (clash) renameIssue(path, app.name, `${DERIVED_VARIABLES[key].name} renamed ${name}, which ${DERIVED_VARIABLES[clash].name} is named too; give each its own name`);
      else if (taken.has(name)) renameIssue(path, app.name, `${DERIVED_VARIABLES[key].name} renamed ${name}, which is ${taken.get(name)}; choose another name or remove that one`);
      else if (reserved) renameIssue(path, app.name, `${DERIVED_VARIABLES[key].name} renamed ${name}: ${reserved.why}; choose another name`);
    });
  });
  for (const r of renames.values()) issues.push({ path: r.path, message: `${r.apps.join(", ")}: ${r.text}` });
  return issues;
}
