import type {
  Acknowledgement,
  AppDefinition,
  AutoscalerLimits,
  CfSize,
  EnvironmentConfig,
  EnvironmentName,
  EstateConfig,
  HealthCheck,
  EnvContext,
  EnvValue,
  FigureSource,
  Process,
  Retirement,
  SecretDefinition,
  UnsetEnv,
} from "./types";
import { canonicalSize } from "./units";
import { derivedEnv, type DerivedKey } from "./derived";

// The per-environment view that constructs, checks and reports read: every default applied, every
// derived value (routes, env vars, command, consumers) computed once, here.

export type ResolvedInstances =
  | { readonly mode: "fixed"; readonly count: number }
  | { readonly mode: "autoscaled"; readonly deployFloor: number; readonly autoscaler: AutoscalerLimits };

export interface ResolvedRoute {
  readonly host: string;
  readonly domain: string;
  /** @default none */
  readonly path?: string;
  /**
   * "public" routes are on the environment's custom domain; "default" is `<app>-<env>` on the apps
   * domain; "internal" is `<app>-<env>` on the internal domain (apps.internal).
   */
  readonly kind: "public" | "default" | "internal";
  /** host.domain/path, as `cf routes` prints it. */
  readonly url: string;
}

export interface ResolvedSecretEnv {
  readonly name: string;
  readonly kind: SecretDefinition["kind"];
  /** The SSM parameter holding the value in this environment. */
  readonly parameterName: string;
  /** Apps the catalogue allows to hold it. */
  readonly allowedApps: SecretDefinition["allowedApps"];
}

export interface ResolvedApp {
  readonly name: string;
  readonly role: AppDefinition["role"];
  readonly memory: CfSize;
  readonly diskQuota: CfSize;
  readonly healthCheck: HealthCheck;
  /** The stack to push onto. @default not set: the app stays on the stack it runs on */
  readonly stack?: string;
  readonly process: Process;
  /** The CF start command, derived from `process`. */
  readonly command: string;
  readonly instances: ResolvedInstances;
  readonly routes: readonly ResolvedRoute[];
  readonly services: readonly string[];
  readonly database: { readonly poolSize: number; readonly maxOverflow: number; readonly statementTimeoutSeconds: number };
  readonly sendsStatsd: boolean;
  /** Plain variables, final values. */
  readonly env: Readonly<Record<string, string>>;
  /** The name the app reads each derived variable under (config/derived.ts), or null where it goes without it. */
  readonly derivedEnv: Readonly<Record<DerivedKey, string | null>>;
  /** Variables read from the secret store. */
  readonly secretEnv: readonly ResolvedSecretEnv[];
  readonly unsetEnv: readonly UnsetEnv[];
  readonly oneOffTask?: { readonly name: string; readonly command: string };
  /** Another estate's queues this app consumes (config consumesFrom), by SQS name. @default none */
  readonly externalQueues?: { readonly estate: string; readonly reason: string; readonly sqsNames: readonly string[] };
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface ResolvedQueue {
  readonly name: string;
  /** The SQS queue name: environment prefix + name, no separator (kombu's rule). */
  readonly sqsName: string;
  /** Apps of this estate that consume it. */
  readonly consumers: readonly string[];
  readonly externalConsumer?: { readonly app: string; readonly reason: string };
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  readonly deadLetter: { readonly sqsName: string; readonly maxReceiveCount: number; readonly messageRetentionSeconds: number };
  readonly maxRetryDelaySeconds: number;
  readonly maxTaskSeconds: number;
  readonly maxTaskSecondsSource: FigureSource;
  readonly longRunningTasks: boolean;
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface ResolvedEnvironment {
  readonly name: EnvironmentName;
  readonly cfApiUrl: string;
  readonly org: string;
  readonly space: string;
  readonly awsRegion: string;
  readonly publicDomain: string;
  readonly sharedAppsDomain: string;
  readonly buildpack: string;
  readonly deployStrategy: "rolling";
  /** The apps' health-check timeout in seconds; undefined: the foundation's default. */
  readonly startupTimeoutSeconds: number | undefined;
  /** Each app's `enable_ssh`. */
  readonly sshEnabled: boolean;
  readonly queuePrefix: string;
  readonly statsd: { readonly exporterApp: string; readonly host: string; readonly port: number };
  readonly database: EstateConfig["defaults"]["database"];
  readonly spaceMemoryQuotaMib: number;
  readonly spaceMemoryQuotaSource: EnvironmentConfig["spaceMemoryQuotaSource"];
  readonly state: EnvironmentConfig["state"];
  readonly appsIamUser: string;
  readonly allowedDestructiveChanges: NonNullable<EnvironmentConfig["allowedDestructiveChanges"]>;
  /** Every stateful address this environment has declared, with its owner (config/stateful-history.ts). */
  readonly statefulHistory: Readonly<Record<string, string>>;
  /** Apps and queues retired on purpose (config/retired.ts). */
  readonly retired: readonly Retirement[];
  /** Exceptions to environment-wide checks. */
  readonly acknowledgements: readonly Acknowledgement[];
  readonly apps: readonly ResolvedApp[];
  readonly queues: readonly ResolvedQueue[];
  /** Every secret-store parameter this environment reads, once each. */
  readonly parameters: readonly ResolvedSecretEnv[];
}

export const CELERY_DEFAULT_PREFETCH = 4;
export const SQLALCHEMY_DEFAULT_MAX_OVERFLOW = 10;
export const APP_DEFAULT_STATEMENT_TIMEOUT_SECONDS = 1200;
export const DEFAULT_DEPLOY_FLOOR = 1;
/**
 * How long a task takes when its queue does not say: an assumption, not a measurement. Notify's
 * delivery, callback and persistence tasks make one or two HTTP or database calls each.
 */
export const DEFAULT_MAX_TASK_SECONDS = 5;

const CELERY_APP = "run_celery.notify_celery";

/** The start command, derived from config (notifications-api's wrapper script picks it by NOTIFY_APP_NAME). */
export function startCommand(process: Process): string {
  switch (process.kind) {
    case "gunicorn":
      // The launcher ships logs and watches disk; GUNICORN_CMD_ARGS is unset as the wrapper did so
      // that nothing outside config changes the worker model.
      return (
        "unset GUNICORN_CMD_ARGS; exec scripts/run_app_paas.sh gunicorn -c /home/vcap/app/gunicorn_config.py " +
        `--workers ${process.workers} --worker-class ${process.workerClass} ` +
        `--worker-connections ${process.workerConnections} application`
      );
    case "celery-worker":
      return (
        `exec scripts/run_app_paas.sh celery -A ${CELERY_APP} worker --loglevel=INFO ` +
        `--concurrency=${process.concurrency}${prefetchFlag(process.prefetchMultiplier)} ` +
        `-Q ${process.queues.join(",")} 2> /dev/null`
      );
    case "celery-multi":
      return (
        `exec scripts/run_multi_worker_app_paas.sh celery multi start ${process.nodes} ` +
        `-c ${process.concurrencyPerNode} -A ${CELERY_APP} --loglevel=INFO${prefetchFlag(process.prefetchMultiplier)} ` +
        `--logfile=/dev/null --pidfile=/tmp/celery%N.pid -Q ${process.queues.join(",")}`
      );
    case "celery-beat":
      return `exec scripts/run_app_paas.sh celery -A ${CELERY_APP} beat --loglevel=INFO`;
  }
}

function prefetchFlag(prefetch: number | undefined): string {
  return prefetch === undefined ? "" : ` --prefetch-multiplier=${prefetch}`;
}

/** An app's own autoscaler limits in an environment: the same everywhere ({ min, max }) or by environment. */
export function appAutoscaler(
  limits: AutoscalerLimits | { readonly [E in EnvironmentName]?: AutoscalerLimits } | undefined,
  env: EnvironmentName,
): AutoscalerLimits | undefined {
  if (limits === undefined) return undefined;
  return "min" in limits ? (limits as AutoscalerLimits) : (limits as { readonly [E in EnvironmentName]?: AutoscalerLimits })[env];
}

/** The apps a catalogue entry allows: those it names, and every app of the roles it names. */
export function allowedAppsOf(secret: SecretDefinition | undefined, apps: readonly AppDefinition[]): SecretDefinition["allowedApps"] {
  if (!secret) return [];
  if (secret.allowedApps === "all") return "all";
  const byRole = apps.filter((a) => secret.allowedRoles?.includes(a.role)).map((a) => a.name);
  return [...new Set([...secret.allowedApps, ...byRole])];
}

/** Queues an app's processes consume (beat consumes none). */
export function consumedQueues(process: Process): readonly string[] {
  return process.kind === "celery-worker" || process.kind === "celery-multi" ? process.queues : [];
}

export function resolveEnvironment(estate: EstateConfig, envName: EnvironmentName): ResolvedEnvironment {
  const env = estate.environments.find((e) => e.name === envName);
  if (!env) throw new Error(`environment ${envName} is not configured; configured: ${estate.environments.map((e) => e.name).join(", ")}`);
  const d = estate.defaults;
  const statsdHost = `${d.statsdExporterApp}-${env.name}.${d.internalDomain}`;
  const secretsByName = new Map(estate.secrets.map((s) => [s.name, s]));
  const parameterName = (name: string) => `${d.ssmPrefix}/${env.name}/${name}`;
  // A parameter that exists only in some environments is not read, and its variable not set, elsewhere.
  const existsHere = (s: SecretDefinition) => !s.environments || s.environments.includes(env.name);
  const everyAppSettings = estate.secrets.filter((s) => s.allowedApps === "all" && existsHere(s));

  const apps = estate.apps.map((declared): ResolvedApp => {
    // This environment's values over the app's own (env merged, the rest replaced).
    const here = declared.byEnvironment?.[env.name];
    const app: AppDefinition = here ? { ...declared, ...here, env: { ...(declared.env ?? {}), ...(here.env ?? {}) } } : declared;
    // An app reading another estate's queues reads them under that estate's prefix (celery has one).
    const queuePrefix = app.consumesFrom ? app.consumesFrom.queuePrefix[env.name] : env.queuePrefix;
    const context: EnvContext = { environment: env.name, app: app.name, queuePrefix, publicDomain: env.publicDomain };
    const evaluate = (vars: Readonly<Record<string, EnvValue>> | undefined): Record<string, string> =>
      Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, typeof v === "function" ? derivedValue(k, v, context) : v]));
    // Derived from the structured settings (config/derived.ts), so that one value drives the app and
    // what the checks count; under the names and in the units the app reads them.
    const derived = derivedEnv({ app, queuePrefix, statsdHost }, { ...(d.derivedEnv ?? {}), ...(app.derivedEnv ?? {}) });
    const envVars: Record<string, string> = {
      ...evaluate(d.env),
      ...derived.env,
      ...evaluate(app.env),
    };
    const secretEnv = [...everyAppSettings.map((s) => s.name), ...(app.secrets ?? []).filter((n) => { const s = secretsByName.get(n); return !s || existsHere(s); })].map((name) => ({
      name,
      kind: secretsByName.get(name)?.kind ?? "secret",
      parameterName: parameterName(name),
      allowedApps: allowedAppsOf(secretsByName.get(name), estate.apps),
    }));
    const scaling = env.scaling[app.name];
    const instances: ResolvedInstances =
      app.scaling.mode === "fixed"
        ? { mode: "fixed", count: scaling && "count" in scaling && scaling.count !== undefined ? scaling.count : app.scaling.count }
        : {
            mode: "autoscaled",
            deployFloor: (scaling && "deployFloor" in scaling ? scaling.deployFloor : undefined) ?? DEFAULT_DEPLOY_FLOOR,
            autoscaler:
              (scaling && "autoscaler" in scaling ? scaling.autoscaler : undefined) ??
              appAutoscaler(app.scaling.autoscaler, env.name) ?? { min: DEFAULT_DEPLOY_FLOOR, max: DEFAULT_DEPLOY_FLOOR },
          };
    const routes: ResolvedRoute[] = (app.publicRoutes ?? []).map((r) => ({
      host: r.host,
      domain: env.publicDomain,
      ...(r.path ? { path: r.path } : {}),
      kind: "public",
      url: `${r.host}.${env.publicDomain}${r.path ?? ""}`,
    }));
    if (app.defaultRoute ?? true) {
      const host = `${app.name}-${env.name}`;
      routes.push({ host, domain: d.sharedAppsDomain, kind: "default", url: `${host}.${d.sharedAppsDomain}` });
    }
    if (app.internalRoute) {
      const host = `${app.name}-${env.name}`;
      routes.push({ host, domain: d.internalDomain, kind: "internal", url: `${host}.${d.internalDomain}` });
    }
    return {
      name: app.name,
      role: app.role,
      memory: canonicalSize(app.memory ?? d.memory),
      diskQuota: canonicalSize(app.diskQuota ?? d.diskQuota),
      healthCheck: app.healthCheck ?? d.healthCheck,
      ...((app.stack ?? env.stack ?? d.stack) !== undefined ? { stack: app.stack ?? env.stack ?? d.stack } : {}),
      process: app.process,
      command: startCommand(app.process),
      instances,
      routes,
      services: app.services,
      database: {
        poolSize: app.database.poolSize,
        maxOverflow: app.database.maxOverflow ?? SQLALCHEMY_DEFAULT_MAX_OVERFLOW,
        statementTimeoutSeconds: app.database.statementTimeoutSeconds ?? APP_DEFAULT_STATEMENT_TIMEOUT_SECONDS,
      },
      sendsStatsd: app.sendsStatsd,
      env: envVars,
      derivedEnv: derived.names,
      secretEnv,
      unsetEnv: [...d.unsetEnv, ...(app.unsetEnv ?? [])],
      ...(app.oneOffTask ? { oneOffTask: app.oneOffTask } : {}),
      ...(app.consumesFrom
        ? { externalQueues: { estate: app.consumesFrom.estate, reason: app.consumesFrom.reason, sqsNames: consumedQueues(app.process).map((q) => `${queuePrefix}${q}`) } }
        : {}),
      acknowledgements: [...(app.acknowledgements ?? []), ...(scaling?.acknowledgements ?? [])],
    };
  });

  const consumersOf = new Map<string, string[]>();
  for (const a of apps) for (const q of a.externalQueues ? [] : consumedQueues(a.process)) consumersOf.set(q, [...(consumersOf.get(q) ?? []), a.name]);
  const queues = estate.queues.map(
    (q): ResolvedQueue => ({
      name: q.name,
      sqsName: `${env.queuePrefix}${q.name}`,
      consumers: consumersOf.get(q.name) ?? [],
      ...(q.externalConsumer ? { externalConsumer: q.externalConsumer } : {}),
      visibilityTimeoutSeconds: d.queue.visibilityTimeoutSeconds,
      messageRetentionSeconds: d.queue.messageRetentionSeconds,
      deadLetter: { sqsName: `${env.queuePrefix}${q.name}-dead-letter`, ...d.queue.deadLetter },
      maxRetryDelaySeconds: q.maxRetryDelaySeconds ?? 0,
      maxTaskSeconds: q.maxTaskSeconds ?? DEFAULT_MAX_TASK_SECONDS,
      maxTaskSecondsSource: q.maxTaskSecondsSource ?? "assumed",
      longRunningTasks: q.longRunningTasks ?? false,
      acknowledgements: q.acknowledgements ?? [],
    }),
  );

  const seen = new Map<string, ResolvedSecretEnv>();
  for (const app of apps) for (const s of app.secretEnv) seen.set(s.name, s);

  return {
    name: env.name,
    cfApiUrl: env.cfApiUrl ?? d.cfApiUrl,
    org: d.org,
    space: env.space,
    awsRegion: d.awsRegion,
    publicDomain: env.publicDomain,
    sharedAppsDomain: d.sharedAppsDomain,
    buildpack: d.buildpack,
    deployStrategy: d.deployStrategy,
    startupTimeoutSeconds: d.startupTimeoutSeconds,
    sshEnabled: env.sshEnabled ?? d.sshEnabled,
    queuePrefix: env.queuePrefix,
    statsd: { exporterApp: d.statsdExporterApp, host: statsdHost, port: d.statsdPort },
    database: d.database,
    spaceMemoryQuotaMib: env.spaceMemoryQuotaMib,
    spaceMemoryQuotaSource: env.spaceMemoryQuotaSource,
    state: env.state,
    appsIamUser: env.appsIamUser,
    allowedDestructiveChanges: env.allowedDestructiveChanges ?? [],
    statefulHistory: estate.statefulHistory?.[env.name] ?? {},
    retired: estate.retired ?? [],
    acknowledgements: env.acknowledgements ?? [],
    apps,
    queues,
    parameters: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}


const appIndex = new WeakMap<ResolvedEnvironment, ReadonlyMap<string, ResolvedApp>>();
/** The environment's apps by name, built once per environment. */
export function appsByName(env: ResolvedEnvironment): ReadonlyMap<string, ResolvedApp> {
  let index = appIndex.get(env);
  if (!index) {
    index = new Map(env.apps.map((a) => [a.name, a]));
    appIndex.set(env, index);
  }
  return index;
}

/** A derived env value that did not come out as a string: resolveEstate reports it with the rest. */
export class DerivedValueError extends Error {
  constructor(
    readonly environment: string,
    readonly app: string,
    readonly variable: string,
    /** What went wrong, the same in every environment where it does. */
    readonly problem: string,
  ) {
    super(`${environment}/${app}: env ${variable}: ${problem}`);
  }
}

/** A derived env value, which must come out as a string; anything else is a config error naming it. */
function derivedValue(name: string, f: (ctx: EnvContext) => string, ctx: EnvContext): string {
  let value: unknown;
  try {
    value = f(ctx);
  } catch (err) {
    throw new DerivedValueError(ctx.environment, ctx.app, name, `its function threw: ${(err as Error).message}`);
  }
  if (typeof value !== "string") throw new DerivedValueError(ctx.environment, ctx.app, name, `its function returned ${value === undefined ? "undefined" : typeof value === "object" ? (value === null ? "null" : "an object") : `a ${typeof value}`}, not a string`);
  return value;
}
