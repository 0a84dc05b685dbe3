import type { CfSize, EstateConfig } from "./types";
import { formatMib, mib, sizeProblem } from "./units";

// Limits the platforms put on the names and values config becomes: Cloud Foundry's Cloud Controller,
// DNS, Amazon SQS and the Linux kernel that starts each app process. They are facts about those
// systems, kept here as data with their source, and checked against every name config derives in
// every environment: synth, the diff and the rehearsal accept a name the platform refuses (a
// 100-character app name gives a 111-character default route host label), which only a real apply
// would otherwise catch.

export interface Limit {
  /** What is limited, in a message. */
  readonly what: string;
  readonly max: number;
  /** Where the limit comes from: the system and the file, section or page that states it. */
  readonly source: string;
}

export const PLATFORM_LIMITS = {
  hostLabel: {
    what: "a route's host (one DNS label)",
    max: 63,
    source: "RFC 1035 §2.3.4 (a label is 63 octets or less); Cloud Controller RouteCreateMessage MAXIMUM_DOMAIN_LABEL_LENGTH (cloudfoundry/cloud_controller_ng app/messages/route_create_message.rb)",
  },
  routeFqdn: {
    what: "a route's host and domain together",
    max: 253,
    source: "Cloud Controller Domain::MAXIMUM_FQDN_DOMAIN_LENGTH, checked by Route#validate_fqdn (cloudfoundry/cloud_controller_ng app/models/runtime/route.rb); RFC 1035 §2.3.4",
  },
  routePath: {
    what: "a route's path",
    max: 128,
    source: "Cloud Controller RouteCreateMessage MAXIMUM_PATH_LENGTH; the path must begin with /, may not be exactly / and may not contain ? (app/messages/route_create_message.rb)",
  },
  sqsQueueName: {
    what: "an SQS queue name (prefix, name and -dead-letter)",
    max: 80,
    source: "Amazon SQS API Reference, CreateQueue, QueueName: up to 80 characters; alphanumeric characters, hyphens and underscores",
  },
  envString: {
    what: "one environment variable (NAME=value, in bytes)",
    max: 131072,
    source: "Linux MAX_ARG_STRLEN (include/uapi/linux/binfmts.h, 32 pages of 4 KiB): execve refuses a longer environment string with E2BIG, so the app's process never starts",
  },
} as const satisfies Record<string, Limit>;

// The characters each platform allows are narrower in the schema's own patterns (config/schema.ts:
// lower-case letters, digits and hyphens for hosts, queue names and prefixes), which every platform
// here accepts: Cloud Controller's host pattern is [\w-]+, SQS's queue names [A-Za-z0-9_-]+.

/**
 * Environment variable names Cloud Controller refuses (EnvironmentVariablesValidator in
 * cloudfoundry/cloud_controller_ng app/messages/validators.rb): VCAP_ and VMC_ prefixes are the
 * platform's own, and PORT is set by Diego for the process to listen on.
 */
export const RESERVED_ENV_NAMES: readonly { readonly test: RegExp; readonly why: string }[] = [
  { test: /^VCAP_/i, why: "Cloud Controller refuses names starting with VCAP_ (the platform's own)" },
  { test: /^VMC/i, why: "Cloud Controller refuses names starting with VMC (the platform's own)" },
  { test: /^PORT$/i, why: "Cloud Controller refuses PORT: the platform sets it for the process to listen on" },
];

export interface LimitIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

const said = (limit: Limit) => `${limit.what} may be at most ${limit.max} characters (${limit.source})`;
/** "preview, staging" */
const envs = (names: readonly string[]) => names.join(", ");

/**
 * Every name and value config derives that a platform would refuse, one issue per problem (an app
 * whose default route is too long in three environments is one line naming the three).
 */
export function platformLimitIssues(estate: EstateConfig): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const environments = estate.environments;
  const d = estate.defaults;

  // Hosts config derives as <app>-<env>: the default route on the apps domain, the internal route.
  const derivedHost = (path: (string | number)[], base: string, domain: string, which: string, fix: string) => {
    const tooLong = environments.filter((e) => `${base}-${e.name}`.length > PLATFORM_LIMITS.hostLabel.max);
    if (tooLong.length) {
      const longest = tooLong.reduce((a, b) => (b.name.length > a.name.length ? b : a));
      const host = `${base}-${longest.name}`;
      const room = PLATFORM_LIMITS.hostLabel.max - longest.name.length - 1;
      issues.push({
        path,
        message: `${which} host "${host}" (on ${domain}) is ${host.length} characters in ${longest.name}${tooLong.length > 1 ? ` (too long in ${envs(tooLong.map((e) => e.name))})` : ""}: ${said(PLATFORM_LIMITS.hostLabel)}; ${fix.replace("{room}", String(room))}`,
      });
    }
  };

  estate.apps.forEach((app, i) => {
    if (typeof app?.name !== "string" || !app.name) return;
    const inEnv = (e: string) => ({ ...app, ...(app.byEnvironment?.[e as keyof typeof app.byEnvironment] ?? {}) });
    if (environments.some((e) => inEnv(e.name).defaultRoute ?? true)) {
      derivedHost(["apps", i, "name"], app.name, d.sharedAppsDomain, "its default route's", "shorten the app name to at most {room} characters, or set defaultRoute: false");
    }
    if (environments.some((e) => inEnv(e.name).internalRoute)) {
      derivedHost(["apps", i, "name"], app.name, d.internalDomain, "its internal route's", "shorten the app name to at most {room} characters");
    }
    const routeChecks = (routes: unknown, path: (string | number)[], where: readonly string[]) => {
      if (!Array.isArray(routes)) return;
      routes.forEach((r: { host?: unknown; path?: unknown }, j) => {
        if (typeof r?.host === "string") {
          if (r.host.length > PLATFORM_LIMITS.hostLabel.max) {
            issues.push({ path: [...path, j, "host"], message: `host "${r.host}" is ${r.host.length} characters: ${said(PLATFORM_LIMITS.hostLabel)}` });
          } else {
            const tooLong = environments.filter((e) => where.includes(e.name) && `${r.host}.${e.publicDomain}`.length > PLATFORM_LIMITS.routeFqdn.max);
            if (tooLong.length) issues.push({ path: [...path, j, "host"], message: `host "${r.host}" with ${tooLong[0].name}'s domain ${tooLong[0].publicDomain} is ${`${r.host}.${tooLong[0].publicDomain}`.length} characters (in ${envs(tooLong.map((e) => e.name))}): ${said(PLATFORM_LIMITS.routeFqdn)}` });
          }
        }
        if (typeof r?.path === "string") {
          // (The schema's pattern already refuses "/" alone and "?".)
          if (r.path.length > PLATFORM_LIMITS.routePath.max) issues.push({ path: [...path, j, "path"], message: `path is ${r.path.length} characters: ${said(PLATFORM_LIMITS.routePath)}` });
        }
      });
    };
    routeChecks(app.publicRoutes, ["apps", i, "publicRoutes"], environments.filter((e) => !app.byEnvironment?.[e.name as keyof typeof app.byEnvironment]?.publicRoutes).map((e) => e.name));
    for (const [e, here] of Object.entries(app.byEnvironment ?? {})) routeChecks(here?.publicRoutes, ["apps", i, "byEnvironment", e, "publicRoutes"], [e]);
  });

  // The statsd exporter's internal host is derived the same way, from defaults.
  if (typeof d?.statsdExporterApp === "string") {
    derivedHost(["defaults", "statsdExporterApp"], d.statsdExporterApp, d.internalDomain, "the statsd exporter's internal", "shorten statsdExporterApp to at most {room} characters");
  }

  // Queue names: <prefix><name> and <prefix><name>-dead-letter, in every environment. A prefix that
  // leaves no room for any of the queues is one problem, the prefix's.
  const named = estate.queues.filter((q) => typeof q?.name === "string" && q.name);
  const dlqOf = (prefix: string, name: string) => `${prefix}${name}-dead-letter`;
  const prefixTooLong = new Set(
    environments
      .filter((e) => typeof e.queuePrefix === "string" && named.length > 1 && named.every((q) => dlqOf(e.queuePrefix, q.name).length > PLATFORM_LIMITS.sqsQueueName.max))
      .map((e) => e.name),
  );
  environments.forEach((e, k) => {
    if (!prefixTooLong.has(e.name)) return;
    const shortest = named.reduce((a, b) => (b.name.length < a.name.length ? b : a));
    issues.push({
      path: ["environments", k, "queuePrefix"],
      message: `queue prefix "${e.queuePrefix}" leaves no room for any queue: even the shortest, "${dlqOf(e.queuePrefix, shortest.name)}", is ${dlqOf(e.queuePrefix, shortest.name).length} characters; ${said(PLATFORM_LIMITS.sqsQueueName)}`,
    });
  });
  estate.queues.forEach((q, i) => {
    if (typeof q?.name !== "string" || !q.name) return;
    const dlq = (e: { queuePrefix: string }) => dlqOf(e.queuePrefix, q.name);
    const tooLong = environments.filter((e) => typeof e.queuePrefix === "string" && !prefixTooLong.has(e.name) && dlq(e).length > PLATFORM_LIMITS.sqsQueueName.max);
    if (tooLong.length) {
      const worst = tooLong.reduce((a, b) => (dlq(b).length > dlq(a).length ? b : a));
      issues.push({
        path: ["queues", i, "name"],
        message: `its dead-letter queue "${dlq(worst)}" is ${dlq(worst).length} characters in ${worst.name}${tooLong.length > 1 ? ` (too long in ${envs(tooLong.map((e) => e.name))})` : ""}: ${said(PLATFORM_LIMITS.sqsQueueName)}; shorten the queue name to at most ${PLATFORM_LIMITS.sqsQueueName.max - dlq(worst).length + q.name.length} characters`,
      });
    }
  });

  // Environment variable names Cloud Controller refuses, and values no process could start with.
  const envChecks = (vars: unknown, path: (string | number)[]) => {
    if (!vars || typeof vars !== "object") return;
    for (const [name, value] of Object.entries(vars)) {
      const reserved = RESERVED_ENV_NAMES.find((r) => r.test.test(name));
      if (reserved) issues.push({ path: [...path, name], message: `${reserved.why} (cloudfoundry/cloud_controller_ng app/messages/validators.rb); use another name` });
      if (typeof value === "string") {
        const bytes = Buffer.byteLength(`${name}=${value}`);
        // The value is never shown: it could be a credential.
        if (bytes > PLATFORM_LIMITS.envString.max) issues.push({ path: [...path, name], message: `${name}=<value> is ${bytes} bytes: ${PLATFORM_LIMITS.envString.what} may be at most ${PLATFORM_LIMITS.envString.max} (${PLATFORM_LIMITS.envString.source})` });
      }
    }
  };
  envChecks(d?.env, ["defaults", "env"]);
  estate.apps.forEach((app, i) => {
    envChecks(app?.env, ["apps", i, "env"]);
    for (const [e, here] of Object.entries(app?.byEnvironment ?? {})) envChecks(here?.env, ["apps", i, "byEnvironment", e, "env"]);
  });
  estate.secrets.forEach((s, i) => {
    const reserved = typeof s?.name === "string" ? RESERVED_ENV_NAMES.find((r) => r.test.test(s.name)) : undefined;
    if (reserved) issues.push({ path: ["secrets", i, "name"], message: `${s.name} becomes an environment variable: ${reserved.why} (cloudfoundry/cloud_controller_ng app/messages/validators.rb); use another name` });
  });
  return issues;
}

/**
 * The largest memory one instance of an app may have, per Cloud Foundry foundation (by API URL).
 * Cloud Controller refuses a process bigger than the quota's instance memory limit, and Diego cannot
 * place one bigger than a cell; beyond it `cf push` fails mid-apply, after the apps before it were
 * pushed. A breach is an error whatever the figure's source: raising one app past it is never an
 * everyday change, and the figure is raised here, with its new source, when the foundation allows more.
 */
export interface InstanceMemoryLimit {
  readonly maxMib: number;
  readonly source: string;
  /** "assumed": this project's ceiling until the foundation's quota is read (`cf org <org>`, `cf quota <name>`). */
  readonly figureSource: "measured" | "public" | "assumed";
}

export const INSTANCE_MEMORY_LIMITS: Readonly<Record<string, InstanceMemoryLimit>> = {
  "https://api.cloud.service.gov.uk": {
    maxMib: 8192,
    figureSource: "assumed",
    source:
      "GOV.UK PaaS did not publish its quotas' instance memory limit. The estate's largest instance is the sender's 4G " +
      "(1ac3ca250), on the govuk-notify isolation segments' cells (alphagov/paas-cf manifests/cf-manifest/isolation-segments/prod/); " +
      "8G is this project's ceiling, twice that, until `cf org govuk-notify` and `cf quota` say otherwise",
  },
};

/**
 * Any other foundation: Cloud Controller's own bound, memory_in_mb <= MAX_DB_INT (2^31 - 1 MiB;
 * cloudfoundry/cloud_controller_ng app/messages/process_scale_message.rb). Its quota may be lower: add
 * the foundation to INSTANCE_MEMORY_LIMITS when it is known.
 */
export const CLOUD_CONTROLLER_MEMORY_LIMIT: InstanceMemoryLimit = {
  maxMib: 2 ** 31 - 1,
  figureSource: "public",
  source: "Cloud Controller ProcessScaleMessage: memory_in_mb <= MAX_DB_INT (cloudfoundry/cloud_controller_ng app/messages/process_scale_message.rb)",
};

/** The per-instance memory limit of the foundation at an API URL. */
export function instanceMemoryLimit(cfApiUrl: string): InstanceMemoryLimit {
  return INSTANCE_MEMORY_LIMITS[cfApiUrl] ?? CLOUD_CONTROLLER_MEMORY_LIMIT;
}

/** Every memory (the default, an app's, an app's in one environment) beyond its foundation's per-instance limit, one issue per field. */
export function instanceMemoryIssues(estate: EstateConfig): LimitIssue[] {
  const issues: LimitIssue[] = [];
  const environments = estate.environments;
  // A size CF does not take (or none) is 0 here: the size rule refuses it, and 0 breaches no limit.
  const sizeOf = (size: unknown): number => (sizeProblem(String(size)) ? 0 : mib(size as CfSize));
  // For each field, the environments whose app takes it and whose foundation it breaches.
  const check = (path: (string | number)[], size: unknown, who: string, envsTakingIt: readonly { name: string; cfApiUrl?: string }[]) => {
    const m = sizeOf(size);
    const over = envsTakingIt.map((e) => ({ env: e.name, api: e.cfApiUrl ?? estate.defaults.cfApiUrl })).filter((x) => m > instanceMemoryLimit(x.api).maxMib);
    if (!over.length) return;
    const limit = instanceMemoryLimit(over[0].api);
    issues.push({
      path,
      message:
        `${who} memory is ${m} MiB, more than one instance may have on ${over[0].api}: at most ${formatMib(limit.maxMib)} (${limit.maxMib} MiB, ` +
        `${limit.figureSource}: its source is in config/platform-limits.ts) in ${over.map((x) => x.env).join(", ")}; ` +
        `lower it, or run more instances instead`,
    });
  };
  check(["defaults", "memory"], estate.defaults.memory, "the default", environments.filter((e) => estate.apps.some((a) => a.memory === undefined && a.byEnvironment?.[e.name]?.memory === undefined)));
  estate.apps.forEach((app, i) => {
    check(["apps", i, "memory"], app.memory, `${app.name}'s`, environments.filter((e) => app.byEnvironment?.[e.name]?.memory === undefined));
    for (const e of environments) check(["apps", i, "byEnvironment", e.name, "memory"], app.byEnvironment?.[e.name]?.memory, `${app.name}'s ${e.name}`, [e]);
  });
  return issues;
}
