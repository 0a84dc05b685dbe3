// The estate as typed data. Everything here is plain data: no cdktf, no process.env.
// Units are in names (Seconds, Mib) or in the type (CfSize is "512M" / "2G").
import type { DerivedEnvChoices } from "./derived";

export const ENVIRONMENTS = ["preview", "staging", "production"] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** A Cloud Foundry memory or disk size: a whole number of megabytes ("512M") or gigabytes ("2G"). */
export type CfSize = `${number}M` | `${number}G`;

/**
 * Health checks as Cloud Foundry knows them. The invocation timeout only matters to port and http,
 * but Cloud Controller keeps whatever a push set for any type, and cloudfoundry 1.16.0 reads it back
 * (types_app.go:505-507) while sending nothing for an unset one (resource_app.go:373-376, Optional
 * only): left unset where the app holds a value, every deploy ends in Terraform's "Provider produced
 * inconsistent result after apply". So it is always declared, as the app runs.
 */
export type HealthCheck =
  | { readonly type: "process"; readonly invocationTimeoutSeconds: number }
  | { readonly type: "port"; readonly invocationTimeoutSeconds: number }
  | { readonly type: "http"; readonly endpoint: string; readonly invocationTimeoutSeconds: number };

/** How an app's web process starts; the CF `command` is derived from this. */
export type Process =
  | {
      readonly kind: "gunicorn";
      /** Worker processes per instance (gunicorn_config.py `workers`). */
      readonly workers: number;
      /** Each eventlet worker serves many requests at once, so it can use its pool and its overflow. */
      readonly workerClass: "eventlet" | "sync";
      readonly workerConnections: number;
    }
  | {
      readonly kind: "celery-worker";
      readonly concurrency: number;
      readonly queues: readonly string[];
      /**
       * Tasks each process reserves ahead of running them.
       * @default 4 (celery's own default; the app sets it only when CELERYD_PREFETCH_MULTIPLIER is present)
       */
      readonly prefetchMultiplier?: number;
    }
  | {
      readonly kind: "celery-multi";
      readonly nodes: number;
      readonly concurrencyPerNode: number;
      readonly queues: readonly string[];
      /** @default 4 (celery's own default) */
      readonly prefetchMultiplier?: number;
    }
  | {
      readonly kind: "celery-beat";
      /** Queues beat publishes scheduled tasks to (it consumes none). */
      readonly publishesTo: readonly string[];
    };

/** A route of an app beyond its default `<app>-<env>` route on the shared apps domain. */
export interface PublicRoute {
  /** Host on the environment's public domain, e.g. "api" → api.notifications.service.gov.uk. */
  readonly host: string;
  /**
   * Path prefix the route owns, e.g. "/notifications/sms/mmg".
   * @default none: the route owns the whole host
   */
  readonly path?: string;
}

/** A variable that must not be present on an app, and why. */
export interface UnsetEnv {
  readonly name: string;
  /** The incident or commit that made it go away: at least a sentence. */
  readonly reason: string;
}

/**
 * Where a figure a check relies on comes from: measured on the platform, public (a commit, a
 * provider's documentation), or assumed by this project. A breach that depends only on an assumed
 * figure warns instead of refusing, until the figure is confirmed in config.
 */
export type FigureSource = "measured" | "public" | "assumed";

/** An exception to one guardrail check for one app or queue, with the reason written down. */
export interface Acknowledgement {
  /** The stable id of the check, e.g. "NOTIFY-DEPLOY-FLOOR". */
  readonly check: string;
  /** Why the estate is allowed to breach it: at least a sentence. */
  readonly reason: string;
  /**
   * The figure accepted (connections, seconds, MiB...): a breach beyond it fails again.
   * @default any figure
   */
  readonly accepted?: number;
  /**
   * How far above `accepted` still counts as accepted, in percent ("up to 5 % above"): a one-instance
   * worker adding 4 connections should not reopen a reviewed acknowledgement. @default 0
   */
  readonly marginPercent?: number;
}

export interface DatabaseUse {
  /** SQLALCHEMY_POOL_SIZE: connections each process keeps open. */
  readonly poolSize: number;
  /**
   * Connections a process may open beyond its pool under load.
   * @default 10 (SQLAlchemy's default; the app does not configure it)
   */
  readonly maxOverflow?: number;
  /**
   * SQLALCHEMY_STATEMENT_TIMEOUT in seconds.
   * @default 1200 (the app's own default; the variable is then not set)
   */
  readonly statementTimeoutSeconds?: number;
}

/** One app of the estate, the same in every environment. */
export interface AppDefinition {
  readonly name: string;
  readonly role: "web" | "worker" | "scheduler" | "task";
  /** NOTIFY_APP_NAME: the launchers need it and name CloudWatch log groups after it. */
  readonly notifyAppName: string;
  /** @default defaults.memory (1G) */
  readonly memory?: CfSize;
  /** @default defaults.diskQuota (1G) */
  readonly diskQuota?: CfSize;
  /** @default defaults.healthCheck ({ type: "process", invocationTimeoutSeconds: 1 }) */
  readonly healthCheck?: HealthCheck;
  /**
   * The root filesystem the app runs on (`cf stacks`: cflinuxfs3, cflinuxfs4), one the foundation offers
   * (config/foundations.ts). @default the environment's stack, else defaults.stack, else not set: the app
   * stays on the stack it runs on (a new app gets the foundation's default)
   */
  readonly stack?: string;
  readonly process: Process;
  /**
   * Instance policy. "fixed" sets the count on every deploy; "autoscaled" reads the live count at
   * plan time and never deploys fewer than the environment's floor for the app.
   */
  readonly scaling:
    | { readonly mode: "fixed"; readonly count: number }
    | {
        readonly mode: "autoscaled";
        /**
         * notify-paas-autoscaler's limits, for every environment ({ min, max }) or by environment
         * ({ preview: { min, max }, ... }), so that a new autoscaled app is one declaration. An
         * environment's own entry in config/<environment>.ts wins. @default none: each environment's file gives them
         */
        readonly autoscaler?: AutoscalerLimits | { readonly [E in EnvironmentName]?: AutoscalerLimits };
      };
  /**
   * Routes on the environment's public domain.
   * @default none
   */
  readonly publicRoutes?: readonly PublicRoute[];
  /**
   * Whether the app gets its `<app>-<env>` route on the shared apps domain.
   * @default true
   */
  readonly defaultRoute?: boolean;
  /**
   * Whether the app gets `<app>-<env>.apps.internal`, the container-to-container route other apps reach
   * it on (with a network policy). @default false
   */
  readonly internalRoute?: boolean;
  /**
   * Values that differ in one environment, over the ones above: `byEnvironment: { preview: { memory:
   * "512M" } }`. Instance counts and autoscaler limits live in config/<environment>.ts. @default none
   */
  readonly byEnvironment?: { readonly [E in EnvironmentName]?: AppEnvironmentValues };
  /**
   * The queues in `process.queues` belong to another estate (another queue prefix): a worker of this
   * estate that reads queues another team's apps fill. No SQS queue is declared for them here, the
   * apps' IAM boundary admits exactly those queues, and this estate's queue checks leave them to their
   * owner. Celery puts one prefix in front of every queue it consumes, so such an app reads only that
   * estate's queues and its NOTIFICATION_QUEUE_PREFIX is that estate's prefix. @default none
   */
  readonly consumesFrom?: ExternalQueues;
  /** Service instances bound to the app (names in the space). */
  readonly services: readonly string[];
  readonly database: DatabaseUse;
  /** Whether the app sends statsd metrics to the exporter (sets STATSD_HOST and a network policy). */
  readonly sendsStatsd: boolean;
  /**
   * Names from the secret catalogue (config/secrets.ts) that this app receives.
   * @default none
   */
  readonly secrets?: readonly string[];
  /**
   * Plain variables specific to this app: a value, or a value derived from the environment and app,
   * e.g. `NEW_RELIC_APP_NAME: ({ environment, app }) => \`${environment}.${app}\``. Names config derives
   * itself (NOTIFICATION_QUEUE_PREFIX and the others in DERIVED_ENV) cannot be set here.
   * @default none
   */
  readonly env?: Readonly<Record<string, EnvValue>>;
  /**
   * Variables that must be absent from this app, with the reason.
   * @default none
   */
  readonly unsetEnv?: readonly UnsetEnv[];
  /**
   * How the app reads the variables config derives (config/derived.ts), over defaults.derivedEnv:
   * another name, another unit, or not at all, e.g. `{ statementTimeout: { name:
   * "DATABASE_STATEMENT_TIMEOUT_MS", unit: "ms" }, prefetchMultiplier: false }`. @default each under its own name, in seconds
   */
  readonly derivedEnv?: DerivedEnvChoices;
  /**
   * A one-off CF task run from this app's droplet (`cf run-task`), not managed by Terraform.
   * @default none
   */
  readonly oneOffTask?: { readonly name: string; readonly command: string };
  /**
   * Guardrail exceptions for this app, in every environment.
   * @default none
   */
  readonly acknowledgements?: readonly Acknowledgement[];
}

/** Another estate's queues, as one of this estate's apps consumes them. */
export interface ExternalQueues {
  /** The estate (or repository) that owns and declares the queues, for people. */
  readonly estate: string;
  /** That estate's queue prefix in each environment. */
  readonly queuePrefix: { readonly [E in EnvironmentName]: string };
  /** Why this estate reads them: at least a sentence. */
  readonly reason: string;
}

/** A queue of the estate; its consumers in the estate are the apps whose process lists it. */
export interface QueueDefinition {
  readonly name: string;
  /**
   * A consumer outside this estate, named so that the queue is not an orphan.
   * @default none
   */
  readonly externalConsumer?: { readonly app: string; readonly reason: string };
  /**
   * The longest delay before a task on this queue is retried (celery `retry_backoff_max` / countdown).
   * @default 0 (tasks retry through the retry-tasks queue, not by holding the message)
   */
  readonly maxRetryDelaySeconds?: number;
  /**
   * How long one task on this queue takes, at the most.
   * @default 5 (an assumption for tasks that make one or two HTTP or database calls, not a measurement)
   */
  readonly maxTaskSeconds?: number;
  /**
   * Where maxTaskSeconds comes from. A NOTIFY-VISIBILITY-TIMEOUT breach that needs an assumed task
   * time to happen warns instead of refusing, until the time is measured or published and this says so.
   * @default "assumed"
   */
  readonly maxTaskSecondsSource?: FigureSource;
  /**
   * Tasks that run for minutes or hours: their consumers must reserve one at a time.
   * @default false
   */
  readonly longRunningTasks?: boolean;
  /**
   * Guardrail exceptions for this queue.
   * @default none
   */
  readonly acknowledgements?: readonly Acknowledgement[];
}

/** A value read from the secret store (SSM Parameter Store), one parameter per environment. */
export interface SecretDefinition {
  /** The environment variable name, which is also the last part of the parameter name. */
  readonly name: string;
  /**
   * "secret": a SecureString; sensitive in plans, never in synthesized files.
   * "setting": a String that is private to the team but not a credential; shown in plans.
   */
  readonly kind: "secret" | "setting";
  /** "json" means the parameter holds JSON text, passed to the app verbatim. */
  readonly encoding: "string" | "json";
  /** Apps allowed to hold it; "all" for every app of the estate. */
  readonly allowedApps: readonly string[] | "all";
  /**
   * Roles whose apps are allowed to hold it as well ("worker": every worker, including one added
   * later), so that a new app needs no edit here; it still receives the secret only when it lists it.
   * @default none
   */
  readonly allowedRoles?: readonly AppDefinition["role"][];
  /**
   * The environments whose secret store holds the parameter: elsewhere the variable is not set at all
   * (a partner's key that exists in production only). @default every environment
   */
  readonly environments?: readonly EnvironmentName[];
  /** Why those apps and no others: at least a sentence. */
  readonly reason: string;
}

export interface AutoscalerLimits {
  readonly min: number;
  readonly max: number;
}

/** Per-environment facts of an autoscaled app. */
/**
 * An app in one environment. An autoscaled app takes its autoscaler limits (and a deploy floor); a
 * fixed-count app may take this environment's own count (0 stops it here), e.g. celery beat at 0 in
 * preview. Acknowledgements written here apply to this environment only.
 */
export type EnvironmentAppScaling =
  | {
      /**
       * Never deploy fewer instances than this (a deploy freezes the autoscaler for up to 15 minutes).
       * @default 1 (what `cf push` gives a new app; afterwards the live count is kept)
       */
      readonly deployFloor?: number;
      /** notify-paas-autoscaler's limits for this app in this environment. @default the app's own (config/apps.ts scaling.autoscaler) */
      readonly autoscaler?: AutoscalerLimits;
      /** Guardrail exceptions for this app in this environment. @default none */
      readonly acknowledgements?: readonly Acknowledgement[];
    }
  | {
      /** This environment's instance count for a fixed-count app. @default the app's count in config/apps.ts */
      readonly count?: number;
      /** Guardrail exceptions for this app in this environment. @default none */
      readonly acknowledgements?: readonly Acknowledgement[];
    };

/**
 * One destructive change a reviewer accepted, for one apply: the plan guard prints the entry to paste.
 * It names the object by its id before the apply (a created object's is "(new)"); a destroy or replace
 * is spent by its apply, since nothing ever has that id again. A change that leaves the object in place
 * names `change` too, what the change does, which the apply makes the object's state: no later plan
 * has it again. The guard reports a spent entry, to be deleted with any later change.
 */
export interface DestructiveChangeAcceptance {
  /** Terraform address, e.g. cloudfoundry_service_credential_binding.notify-splunk["notify-api"]. */
  readonly address: string;
  /** The object's id as the plan shows it before the apply, as the guard prints it. */
  readonly id: string;
  /** For a change that leaves the object in place: the 12 hex digits the guard prints. @default none (a destroy or replace) */
  readonly change?: string;
  readonly reason: string;
}

export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  /** The CF space; one per environment, named like it. */
  readonly space: string;
  /** The custom domain of the public API, e.g. notifications.service.gov.uk. */
  readonly publicDomain: string;
  /**
   * SQS queue name prefix; real names are prefix + queue name with no separator.
   * Inferred from notify-paas-autoscaler's SQS_QUEUE_PREFIX (the app's own value is in the private
   * credentials repo).
   */
  readonly queuePrefix: string;
  /** Per autoscaled app: floor and autoscaler limits. */
  readonly scaling: Readonly<Record<string, EnvironmentAppScaling>>;
  /** Where Terraform keeps this environment's state: its own bucket and key, encrypted, locked. */
  readonly state: { readonly bucket: string; readonly key: string; readonly region: string };
  /**
   * The IAM user whose keys the apps hold as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; it is denied
   * every SQS action outside this environment's queue prefix.
   */
  readonly appsIamUser: string;
  /**
   * The Cloud Foundry API this environment's space lives on. Any Cloud Foundry foundation works the
   * same way; the estate modelled here ran on GOV.UK PaaS. @default defaults.cfApiUrl
   */
  readonly cfApiUrl?: string;
  /**
   * Whether `cf ssh` reaches this environment's apps (each app's `enable_ssh`). A change shows in
   * `npm run diff` and in the plan as `enable_ssh`. @default defaults.sshEnabled
   */
  readonly sshEnabled?: boolean;
  /**
   * The stack every app of this environment runs on unless the app says otherwise (move preview to
   * cflinuxfs4 first). @default defaults.stack
   */
  readonly stack?: string;
  /**
   * Destructive changes a reviewer has accepted for one apply, by object id, with the reason. The plan
   * guard refuses every other destroy or replace, and every change that can take an app down or lose
   * messages (docs/guardrails.md).
   * @default none
   */
  readonly allowedDestructiveChanges?: readonly DestructiveChangeAcceptance[];
  /**
   * Memory quota of the space in MiB: every app at its autoscaler maximum must fit in it.
   */
  readonly spaceMemoryQuotaMib: number;
  /** Where spaceMemoryQuotaMib comes from; "assumed" makes NOTIFY-MEMORY-QUOTA warn instead of refuse. */
  readonly spaceMemoryQuotaSource: FigureSource;
  /**
   * Exceptions to checks that concern the whole environment (e.g. the database connection budget).
   * @default none
   */
  readonly acknowledgements?: readonly Acknowledgement[];
}

/** Facts shared by every environment. */
export interface SharedDefaults {
  readonly cfApiUrl: string;
  readonly org: string;
  readonly sharedAppsDomain: string;
  readonly internalDomain: string;
  readonly awsRegion: string;
  readonly buildpack: string;
  /** The stack of every app unless its environment or the app says otherwise. @default not set (each app stays where it runs) */
  readonly stack?: string;
  /** Name of the statsd exporter app in each space (not owned by this estate): one of otherApps. */
  readonly statsdExporterApp: string;
  /**
   * Apps every space holds that this estate names but does not manage (the statsd exporter): what a
   * name such as statsdExporterApp must resolve to, so that a misspelling is refused with the nearest.
   */
  readonly otherApps: readonly { readonly name: string; /** Who runs it and why this estate names it. */ readonly reason: string }[];
  readonly statsdPort: number;
  readonly memory: CfSize;
  readonly diskQuota: CfSize;
  readonly healthCheck: HealthCheck;
  readonly deployStrategy: "rolling";
  /**
   * The apps' health-check `timeout`: seconds Cloud Controller gives a starting instance to pass its
   * first health check. At most the foundation's maximumHealthCheckTimeoutSeconds (config/foundations.ts;
   * CC refuses the push above it), checked by NOTIFY-HEALTH-CHECK-TIMEOUT. Not the Makefile's
   * CF_STARTUP_TIMEOUT=15, which is the cf CLI's own wait in minutes.
   * @default not set: the foundation's default_health_check_timeout (60 s in Cloud Controller's defaults), what the apps run with
   */
  readonly startupTimeoutSeconds?: number;
  /**
   * Whether `cf ssh` reaches the apps (CF's per-app SSH feature, `enable_ssh`). Always synthesized:
   * cloudfoundry 1.16.0 switches SSH off on every push of an app whose config leaves it unset
   * (semantics row 10), silently, since the attribute is computed.
   */
  readonly sshEnabled: boolean;
  /** Variables every app gets: values, or values derived from the environment and app. */
  readonly env: Readonly<Record<string, EnvValue>>;
  /** How every app reads the variables config derives (an app's own derivedEnv wins). @default each under its own name, in seconds */
  readonly derivedEnv?: DerivedEnvChoices;
  /** Variables no app may carry, with the reason. */
  readonly unsetEnv: readonly UnsetEnv[];
  /** SSM parameter name for a secret: `${ssmPrefix}/<env>/<NAME>`. */
  readonly ssmPrefix: string;
  readonly queue: {
    readonly visibilityTimeoutSeconds: number;
    readonly messageRetentionSeconds: number;
    readonly deadLetter: {
      /** Receives before SQS moves a message to the queue's dead-letter queue. */
      readonly maxReceiveCount: number;
      readonly messageRetentionSeconds: number;
    };
  };
  readonly database: {
    /** Postgres max_connections of the notify-db service. */
    readonly connectionLimit: number;
    /** Where connectionLimit comes from. */
    readonly connectionLimitSource: FigureSource;
    /** Connections kept free for operators, migrations and the platform. */
    readonly reservedConnections: number;
    /** Where reservedConnections comes from; an assumed reserve only warns when it alone is breached. */
    readonly reservedConnectionsSource: FigureSource;
  };
}

/**
 * An app or queue taken out of the estate on purpose. Without one, an app or queue deleted from
 * config is only forgotten by Terraform (it keeps running, unmanaged); with one, Terraform destroys it
 * and the plan guard lets that destruction through, showing the reason.
 */
export type Retirement =
  | { readonly kind: "app"; readonly name: string; /** Why, in at least a sentence. */ readonly reason: string }
  | {
      readonly kind: "queue";
      readonly name: string;
      /** Why, in at least a sentence. */
      readonly reason: string;
      /** Its messages are gone: confirmed empty in every environment (ApproximateNumberOfMessages 0, queue and DLQ). */
      readonly drained: true;
    };

/** An app's values in one environment: each replaces the app's own, except env, which is merged. */
export interface AppEnvironmentValues {
  readonly memory?: CfSize;
  readonly stack?: string;
  readonly diskQuota?: CfSize;
  readonly services?: readonly string[];
  readonly env?: Readonly<Record<string, EnvValue>>;
  readonly publicRoutes?: readonly PublicRoute[];
  readonly defaultRoute?: boolean;
  readonly internalRoute?: boolean;
}

/** What a derived env value is computed from. */
export interface EnvContext {
  readonly environment: EnvironmentName;
  readonly app: string;
  readonly queuePrefix: string;
  readonly publicDomain: string;
}

/** An env value as CF will see it, or a function of the environment and app that gives one. */
export type EnvValue = string | ((ctx: EnvContext) => string);

/** The whole estate, before validation. */
export interface EstateConfig {
  readonly defaults: SharedDefaults;
  readonly apps: readonly AppDefinition[];
  readonly queues: readonly QueueDefinition[];
  readonly secrets: readonly SecretDefinition[];
  readonly environments: readonly EnvironmentConfig[];
  /** Apps and queues removed from the estate on purpose. @default none */
  readonly retired?: readonly Retirement[];
  /**
   * Per environment, every stateful address it has ever declared, with its owner (config/stateful-history.ts,
   * written by `npm run history`): what config stops declaring is forgotten, not destroyed. @default none
   */
  readonly statefulHistory?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
