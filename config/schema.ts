import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { ENVIRONMENTS, type EstateConfig, type Process } from "./types";
import { sizeProblem } from "./units";
import { appAutoscaler } from "./resolve";
import { DERIVED_KEYS, DURATION_UNITS, derivedEnvIssues } from "./derived";
import { instanceMemoryIssues, platformLimitIssues } from "./platform-limits";
import { FOUNDATIONS } from "./foundations";
import { identityIssues } from "./environment-identity";
import { didYouMean, referenceIssues } from "./references";

// Shape and cross-reference validation of the estate config. Every rule lives in zod so that each
// problem comes back with the path of the field that holds it; nothing here throws on the first one.

/** A string that matches a pattern, with the pattern said in words (the message a person reads). */
const matching = (re: RegExp, words: string) => z.string().regex(re, words);
const nonEmpty = z.string().min(1, "must not be empty");
const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
const cfSize = z.string().superRefine((size, ctx) => {
  const problem = sizeProblem(size);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}) as unknown as z.ZodType<`${number}M` | `${number}G`>;
const envVarName = matching(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name: upper-case letters, digits and underscores, not starting with a digit (e.g. MMG_URL)");
/** A value, or a function of the environment and app that gives one (checked when resolved). */
const envValue = z.custom<string | ((ctx: unknown) => string)>(
  (v) => typeof v === "string" || typeof v === "function",
  // The value itself is never shown (it could be a credential); its type and the fix are.
  (v: unknown) => ({
    message:
      v === undefined || v === null
        ? `must be a string (or a function of { environment, app } that returns one); got ${v}: give it a value, or delete the key (list it in unsetEnv to keep it absent)`
        : `must be a string (or a function of { environment, app } that returns one); got ${Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`}${typeof v === "number" || typeof v === "boolean" ? `: quote it, e.g. "15" or "true"` : ""}`,
  }),
);
const figureSource = z.enum(["measured", "public", "assumed"]);
/** A stack name as `cf stacks` prints it; which ones a foundation offers is checked against config/foundations.ts. */
const stackName = matching(/^[a-z][a-z0-9-]*$/, "must be a stack name as `cf stacks` prints it (e.g. cflinuxfs4)");
const sentence = z.string().min(20, "must say why, in at least a sentence (20 characters)");

/** A Cloud Foundry API: https only, since the pipeline sends the deploy credential to it. */
const cfApiUrl = z
  .string()
  .url("must be the URL of a Cloud Foundry API, e.g. https://api.cloud.service.gov.uk")
  .startsWith("https://", "must be an https:// URL: the pipeline logs in to it with the deploy credential, which plain http would send in the clear (e.g. https://api.cloud.service.gov.uk)");

const healthCheck = z.discriminatedUnion("type", [
  z.object({ type: z.literal("process"), invocationTimeoutSeconds: positiveInt.describe("Cloud Controller keeps it for every type; declared as the app runs") }).strict(),
  z
    .object({
      type: z.literal("port"),
      invocationTimeoutSeconds: positiveInt.describe("CF takes whole seconds"),
    })
    .strict(),
  z
    .object({
      type: z.literal("http"),
      endpoint: z.string().startsWith("/"),
      invocationTimeoutSeconds: positiveInt,
    })
    .strict(),
]);

const queueList = z.array(nonEmpty).min(1);
const processSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("gunicorn"),
      workers: positiveInt,
      workerClass: z.enum(["eventlet", "sync"]),
      workerConnections: positiveInt,
    })
    .strict(),
  z
    .object({
      kind: z.literal("celery-worker"),
      concurrency: positiveInt,
      queues: queueList,
      prefetchMultiplier: positiveInt.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("celery-multi"),
      nodes: positiveInt,
      concurrencyPerNode: positiveInt,
      queues: queueList,
      prefetchMultiplier: positiveInt.optional(),
    })
    .strict(),
  z.object({ kind: z.literal("celery-beat"), publishesTo: z.array(z.string()) }).strict(),
]);

const unsetEnv = z.object({ name: envVarName, reason: sentence }).strict();
/** How apps take the variables config derives: another name, another unit, or false for none. */
const derivedEnvChoices = z
  .object(
    Object.fromEntries(
      DERIVED_KEYS.map((k) => [
        k,
        z
          .union([
            z.literal(false),
            z.object({ name: envVarName.optional(), unit: z.enum(Object.keys(DURATION_UNITS) as [keyof typeof DURATION_UNITS]).optional() }).strict(),
          ])
          .optional(),
      ]),
    ),
  )
  .strict()
  .optional();
const acknowledgement = z
  .object({ marginPercent: z.number().min(0).max(100).optional(), check: matching(/^NOTIFY-[A-Z0-9-]+$/, "must be a check id such as NOTIFY-DB-CONNECTIONS (docs/guardrails.md)"), reason: sentence, accepted: z.number().nonnegative().optional() })
  .strict();

const publicRoutes = z
  .array(
    z
      .object({
        host: matching(/^[a-z0-9-]+$/, "must be a host name label: lower-case letters, digits and hyphens, no dots or spaces (e.g. api)"),
        path: matching(/^\/[a-z0-9/_-]+$/, "must be a path starting with /: lower-case letters, digits, /, _ and - (e.g. /notifications/sms/mmg)").optional(),
      })
      .strict(),
  )
  .optional();

/** A queue prefix: kombu puts it in front of every queue name with no separator. This estate's may be empty. */
const queuePrefix = matching(/^[a-z0-9-]*$/, "must be lower-case letters, digits and hyphens (kombu puts it in front of every queue name)");
/** Another estate's queue prefix (consumesFrom): never empty, or it would name this estate's queues too. */
const otherPrefix = queuePrefix.min(1, "must not be empty");
/** A Cloud Foundry app name as this estate writes them. */
const APP_NAME = /^[a-z][a-z0-9-]*$/;

const autoscalerLimits = z.object({ min: nonNegativeInt, max: positiveInt }).strict();

const appSchema = z
  .object({
    name: matching(APP_NAME, "must be a Cloud Foundry app name: lower-case letters, digits and hyphens, starting with a letter (e.g. notify-api)"),
    role: z.enum(["web", "worker", "scheduler", "task"]),
    notifyAppName: nonEmpty,
    memory: cfSize.optional(),
    diskQuota: cfSize.optional(),
    healthCheck: healthCheck.optional(),
    stack: stackName.optional(),
    process: processSchema,
    scaling: z.discriminatedUnion("mode", [
      z.object({ mode: z.literal("fixed"), count: nonNegativeInt }).strict(),
      z
        .object({
          mode: z.literal("autoscaled"),
          autoscaler: z
            .union([
              autoscalerLimits,
              z.object(Object.fromEntries(ENVIRONMENTS.map((e) => [e, autoscalerLimits.optional()]))).strict(),
            ])
            .optional(),
        })
        .strict(),
    ]),
    publicRoutes,
    defaultRoute: z.boolean().optional(),
    internalRoute: z.boolean().optional(),
    byEnvironment: z
      .object(
        Object.fromEntries(
          ENVIRONMENTS.map((e) => [
            e,
            z
              .object({
                memory: cfSize.optional(),
                diskQuota: cfSize.optional(),
                stack: stackName.optional(),
                services: z.array(nonEmpty).optional(),
                env: z.record(envVarName, envValue).optional(),
                publicRoutes,
                defaultRoute: z.boolean().optional(),
                internalRoute: z.boolean().optional(),
              })
              .strict()
              .optional(),
          ]),
        ),
      )
      .strict()
      .optional(),
    consumesFrom: z
      .object({
        estate: nonEmpty,
        queuePrefix: z.object({ preview: otherPrefix, staging: otherPrefix, production: otherPrefix }).strict(),
        reason: sentence,
      })
      .strict()
      .optional(),
    services: z.array(nonEmpty),
    database: z
      .object({
        poolSize: positiveInt,
        maxOverflow: nonNegativeInt.optional(),
        statementTimeoutSeconds: positiveInt.optional(),
      })
      .strict(),
    sendsStatsd: z.boolean(),
    secrets: z.array(envVarName).optional(),
    env: z.record(envVarName, envValue).optional(),
    unsetEnv: z.array(unsetEnv).optional(),
    derivedEnv: derivedEnvChoices,
    oneOffTask: z.object({ name: nonEmpty, command: nonEmpty }).strict().optional(),
    acknowledgements: z.array(acknowledgement).optional(),
  })
  .strict();

const queueSchema = z
  .object({
    name: matching(/^[a-z0-9-]+$/, "must be a queue name: lower-case letters, digits and hyphens (e.g. database-tasks)"),
    externalConsumer: z.object({ app: nonEmpty, reason: sentence }).strict().optional(),
    maxRetryDelaySeconds: nonNegativeInt.optional(),
    maxTaskSeconds: positiveInt.optional(),
    maxTaskSecondsSource: figureSource.optional(),
    longRunningTasks: z.boolean().optional(),
    acknowledgements: z.array(acknowledgement).optional(),
  })
  .strict();

const secretSchema = z
  .object({
    name: envVarName,
    kind: z.enum(["secret", "setting"]),
    encoding: z.enum(["string", "json"]),
    allowedApps: z.union([z.literal("all"), z.array(z.string())]),
    allowedRoles: z.array(z.enum(["web", "worker", "scheduler", "task"])).optional(),
    environments: z.array(z.enum(ENVIRONMENTS)).min(1, "must name at least one environment (leave it out for all)").optional(),
    reason: sentence,
  })
  .strict();

const environmentSchema = z
  .object({
    name: z.enum(ENVIRONMENTS),
    space: nonEmpty,
    publicDomain: matching(/^[a-z0-9.-]+\.[a-z]+$/, "must be a domain name: lower-case labels separated by dots (e.g. notifications.service.gov.uk)"),
    queuePrefix,
    // Which keys an entry may have depends on the app's mode; the estate-level refinement says which.
    scaling: z.record(
      z.string(),
      z
        .object({
          deployFloor: nonNegativeInt.optional(),
          autoscaler: z.object({ min: nonNegativeInt, max: positiveInt }).strict().optional(),
          count: nonNegativeInt.optional(),
          acknowledgements: z.array(acknowledgement).optional(),
        })
        .strict(),
    ) as unknown as z.ZodType<Record<string, import("./types").EnvironmentAppScaling>>,
    state: z
      .object({
        bucket: matching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens"),
        key: nonEmpty,
        region: nonEmpty,
      })
      .strict(),
    cfApiUrl: cfApiUrl.optional(),
    sshEnabled: z.boolean().optional(),
    stack: stackName.optional(),
    appsIamUser: matching(/^[\w+=,.@-]{1,64}$/, "must be an IAM user name: up to 64 letters, digits and +=,.@_-"),
    // An acceptance names the object's id (and, for an in-place change, the change): by address alone it
    // would accept every later change at that address, and never end.
    allowedDestructiveChanges: z
      .array(z.object({ address: nonEmpty, id: z.string({ required_error: "must name the object's id, as the plan guard prints it (by address alone it would accept every later change there)" }).min(1, "must not be empty"), change: matching(/^[0-9a-f]{12}$/, "must be the 12 hex digits the plan guard prints for the change").optional(), reason: sentence }).strict())
      .optional(),
    spaceMemoryQuotaMib: positiveInt,
    spaceMemoryQuotaSource: figureSource,
    acknowledgements: z.array(acknowledgement).optional(),
  })
  .strict();

const defaultsSchema = z
  .object({
    cfApiUrl,
    org: nonEmpty,
    sharedAppsDomain: nonEmpty,
    internalDomain: nonEmpty,
    awsRegion: nonEmpty,
    buildpack: nonEmpty,
    stack: stackName.optional(),
    statsdExporterApp: nonEmpty,
    otherApps: z.array(z.object({ name: matching(APP_NAME, "must be a Cloud Foundry app name as `cf apps` prints it (e.g. notify-statsd-exporter)"), reason: sentence }).strict()),
    statsdPort: positiveInt.max(65535),
    memory: cfSize,
    diskQuota: cfSize,
    healthCheck,
    deployStrategy: z.literal("rolling"),
    startupTimeoutSeconds: positiveInt.optional(),
    sshEnabled: z.boolean(),
    env: z.record(envVarName, envValue),
    unsetEnv: z.array(unsetEnv),
    derivedEnv: derivedEnvChoices,
    ssmPrefix: matching(/^\/[A-Za-z0-9/_.-]*[^/]$/, "must be an SSM path starting with / and not ending with / (e.g. /notify)"),
    queue: z
      .object({
        visibilityTimeoutSeconds: positiveInt.max(43200),
        messageRetentionSeconds: z.number().int().min(60).max(1209600),
        deadLetter: z
          .object({ maxReceiveCount: z.number().int().min(1).max(1000), messageRetentionSeconds: z.number().int().min(60).max(1209600) })
          .strict(),
      })
      .strict(),
    database: z
      .object({ connectionLimit: positiveInt, connectionLimitSource: figureSource, reservedConnections: nonNegativeInt, reservedConnectionsSource: figureSource })
      .strict(),
  })
  .strict();

const consumedQueues = (p: Process): readonly string[] => (p.kind === "celery-worker" || p.kind === "celery-multi" ? p.queues : []);

function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => seen.size === seen.add(n).size);
}

export const estateSchema: z.ZodType<EstateConfig> = z
  .object({
    defaults: defaultsSchema,
    // An estate may have no apps left (the last one retired or forgotten): its queues and policies remain.
    apps: z.array(appSchema),
    queues: z.array(queueSchema),
    secrets: z.array(secretSchema),
    environments: z.array(environmentSchema),
    retired: z
      .array(
        z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("app"), name: nonEmpty, reason: sentence }).strict(),
          z
            .object({
              kind: z.literal("queue"),
              name: nonEmpty,
              reason: sentence,
              drained: z.literal(true, {
                errorMap: () => ({ message: "a queue is destroyed only when drained: true says its messages are gone (ApproximateNumberOfMessages 0 on the queue and its dead-letter queue in every environment)" }),
              }),
            })
            .strict(),
        ]),
      )
      .optional(),
    statefulHistory: z.record(z.record(z.string())).optional(),
  })
  .strict()
  .superRefine((estate, ctx) => {
    const appNames = estate.apps.map((a) => a.name);
    const appsByName = new Map(estate.apps.map((a) => [a.name, a]));
    const queueNames = new Set(estate.queues.map((q) => q.name));
    const secretNames = new Map(estate.secrets.map((s) => [s.name, s]));
    for (const d of duplicates(appNames)) {
      const at = appNames.flatMap((n, i) => (n === d ? [i] : []));
      ctx.addIssue({
        code: "custom",
        path: ["apps", at[1], "name"],
        message: `apps ${at.map((i) => `#${i + 1}`).join(" and ")} are both named "${d}": app names must be unique in a space; rename or delete one`,
      });
    }
    // A missing, invalid or repeated app name breaks every reference to apps (scaling, secrets, queues):
    // report the name once and check references when the names are sound.
    const appNamesSound = duplicates(appNames).length === 0 && appNames.every((n) => APP_NAME.test(n));
    for (const d of duplicates(estate.queues.map((q) => q.name)))
      ctx.addIssue({ code: "custom", path: ["queues"], message: `queue ${d} is declared twice` });
    for (const d of duplicates(estate.secrets.map((s) => s.name)))
      ctx.addIssue({ code: "custom", path: ["secrets"], message: `secret ${d} is declared twice` });
    // Names config derives may not be set by hand (the override would silently win); renames, units and drops (config/derived.ts).
    for (const issue of derivedEnvIssues(estate)) ctx.addIssue({ code: "custom", ...issue });
    (estate.retired ?? []).forEach((r, i) => {
      const declared = r.kind === "app" ? appsByName.has(r.name) : queueNames.has(r.name);
      if (declared)
        ctx.addIssue({ code: "custom", path: ["retired", i, "name"], message: `${r.kind} ${r.name} is retired and still declared; delete it from config/${r.kind}s.ts or drop the retirement` });
    });
    // The apps' IAM boundary allows arn:...:<prefix>*: a prefix that starts another environment's would
    // let one environment's keys reach the other's queues.
    estate.environments.forEach((a, i) =>
      estate.environments.forEach((b, j) => {
        // The same prefix twice is an identity clash, reported with the environment that owns it (identityIssues).
        if (i !== j && b.queuePrefix !== a.queuePrefix && b.queuePrefix.startsWith(a.queuePrefix))
          ctx.addIssue({
            code: "custom",
            path: ["environments", i, "queuePrefix"],
            message: `queue prefix "${a.queuePrefix}" of ${a.name} starts ${b.name}'s "${b.queuePrefix}", so ${a.name}'s apps could reach ${b.name}'s queues through the IAM boundary (${a.queuePrefix}*); choose prefixes that do not start one another`,
          });
      }),
    );
    // A stack the foundation does not offer fails `cf push` mid-apply, after earlier apps were pushed.
    estate.environments.forEach((env, k) => {
      const api = env.cfApiUrl ?? estate.defaults.cfApiUrl;
      const offered = FOUNDATIONS[api]?.stacks;
      const refuse = (path: (string | number)[], stack: string | undefined, who: string) => {
        if (stack === undefined || offered?.includes(stack)) return;
        ctx.addIssue({
          code: "custom",
          path,
          message: offered
            ? `${env.name}: ${who} stack "${stack}" is not offered by ${api} (it offers ${offered.join(", ")}; config/foundations.ts, from \`cf stacks\`); choose one of those`
            : `${env.name}: ${who} stack "${stack}" cannot be checked: config/foundations.ts does not list the stacks ${api} offers; add them from \`cf stacks\``,
        });
      };
      refuse(["defaults", "stack"], estate.defaults.stack, "the default");
      refuse(["environments", k, "stack"], env.stack, "the environment's");
      estate.apps.forEach((app, i) => {
        refuse(["apps", i, "stack"], app.stack, `${app.name}'s`);
        refuse(["apps", i, "byEnvironment", env.name, "stack"], app.byEnvironment?.[env.name]?.stack, `${app.name}'s`);
      });
    });
    const envNames = estate.environments.map((e) => e.name);
    for (const d of duplicates(envNames))
      ctx.addIssue({ code: "custom", path: ["environments"], message: `environment ${d} is declared twice` });

    estate.apps.forEach((app, i) => {
      const at = (...p: (string | number)[]) => ["apps", i, ...p];
      const queuesUsed =
        app.process.kind === "celery-beat" ? app.process.publishesTo : "queues" in app.process ? app.process.queues : [];
      if (app.consumesFrom) {
        if (app.process.kind !== "celery-worker" && app.process.kind !== "celery-multi")
          ctx.addIssue({ code: "custom", path: at("consumesFrom"), message: `${app.name} is a ${app.process.kind}: only a celery worker consumes queues; remove consumesFrom` });
        // Another estate's prefix may start with this one's (live-ecs, live): only an SQS name both would
        // use is a clash, since the IAM boundary and the queue checks tell the two apart by full name.
        const ownSqsNames = new Map(
          estate.environments.flatMap((x) => estate.queues.flatMap((q) => [`${x.queuePrefix}${q.name}`, `${x.queuePrefix}${q.name}-dead-letter`].map((n) => [n, `${x.name}'s ${q.name}`] as const))),
        );
        for (const [e, prefix] of Object.entries(app.consumesFrom.queuePrefix ?? {})) {
          if (typeof prefix !== "string") continue;
          consumedQueues(app.process).forEach((q) => {
            const clash = ownSqsNames.get(`${prefix}${q}`);
            if (clash)
              ctx.addIssue({
                code: "custom",
                path: at("consumesFrom", "queuePrefix", e),
                message: `${e}: "${prefix}" + "${q}" is the SQS queue ${prefix}${q}, which is this estate's own (${clash}): list it in config/queues.ts instead, or fix the prefix`,
              });
          });
        }
      }
      queuesUsed.forEach((q, j) => {
        if (!queueNames.has(q) && !app.consumesFrom)
          ctx.addIssue({
            code: "custom",
            path: at("process", app.process.kind === "celery-beat" ? "publishesTo" : "queues", j),
            message: `${app.name} uses queue "${q}", which config/queues.ts does not declare${didYouMean(q, queueNames)}; declare it or fix the name`,
          });
      });
      (app.secrets ?? []).forEach((s, j) => {
        const def = secretNames.get(s);
        if (!def)
          ctx.addIssue({
            code: "custom",
            path: at("secrets", j),
            message: `${app.name} asks for secret "${s}", which config/secrets.ts does not declare${didYouMean(s, secretNames.keys())}`,
          });
        else if (def.allowedApps === "all")
          ctx.addIssue({
            code: "custom",
            path: at("secrets", j),
            message: `${app.name} lists "${s}", which every app gets already; remove it from the app`,
          });
      });
      const set = new Set([
        ...Object.keys(estate.defaults.env),
        ...Object.keys(app.env ?? {}),
        ...(app.secrets ?? []),
      ]);
      const unset = [...estate.defaults.unsetEnv, ...(app.unsetEnv ?? [])];
      unset.forEach((u) => {
        if (set.has(u.name))
          ctx.addIssue({
            code: "custom",
            path: at("unsetEnv"),
            message: `${app.name}: ${u.name} is both set and declared unset (${u.reason}); remove one of them`,
          });
      });
      if (app.scaling.mode === "autoscaled" && appNamesSound) {
        estate.environments.forEach((env, k) => {
          const entry = env.scaling[app.name];
          const own = app.scaling.mode === "autoscaled" ? appAutoscaler(app.scaling.autoscaler, env.name) : undefined;
          if ((!entry || !("autoscaler" in entry) || !entry.autoscaler) && !own)
            ctx.addIssue({
              code: "custom",
              path: ["environments", k, "scaling"],
              message: `${env.name}: autoscaled app ${app.name} has no autoscaler limits; add "${app.name}": { autoscaler: { min, max } }, or give them in config/apps.ts (scaling: { mode: "autoscaled", autoscaler: { min, max } })`,
            });
        });
        // The app's own limits, once each (for every environment, or by environment).
        const own = app.scaling.autoscaler;
        const entries: [(string | number)[], { min: number; max: number } | undefined, string][] =
          own && "min" in own ? [[[], own as { min: number; max: number }, "every environment"]] : ENVIRONMENTS.map((e) => [[e], (own as Record<string, { min: number; max: number }> | undefined)?.[e], e]);
        for (const [sub, limits, where] of entries)
          if (limits && limits.min > limits.max)
            ctx.addIssue({ code: "custom", path: at("scaling", "autoscaler", ...sub), message: `${app.name} (${where}): autoscaler min ${limits.min} exceeds max ${limits.max}` });
      }
    });

    estate.environments.forEach((env, k) => {
      for (const [name, s] of Object.entries(env.scaling)) {
        // With a duplicate or invalid app name, which app an entry means is unknowable: the name is reported once.
        const app = appNamesSound ? appsByName.get(name) : undefined;
        if (!app && appNamesSound)
          ctx.addIssue({
            code: "custom",
            path: ["environments", k, "scaling", name],
            message: `${env.name}: scaling for unknown app "${name}"${didYouMean(name, appNames)}; known apps are in config/apps.ts`,
          });
        else if (app?.scaling.mode === "fixed" && ("autoscaler" in s || "deployFloor" in s))
          ctx.addIssue({
            code: "custom",
            path: ["environments", k, "scaling", name],
            message: `${env.name}: ${name} has a fixed instance count (${app.scaling.count} in config/apps.ts); it takes no autoscaler limits or floor here, only its own count: { count: N }`,
          });
        else if (app?.scaling.mode === "autoscaled" && "count" in s)
          ctx.addIssue({
            code: "custom",
            path: ["environments", k, "scaling", name, "count"],
            message: `${env.name}: ${name} is autoscaled; it takes autoscaler limits here ({ autoscaler: { min, max } }), not a fixed count`,
          });
        if ("autoscaler" in s && s.autoscaler && s.autoscaler.min > s.autoscaler.max)
          ctx.addIssue({
            code: "custom",
            path: ["environments", k, "scaling", name, "autoscaler"],
            message: `${env.name}/${name}: autoscaler min ${s.autoscaler.min} exceeds max ${s.autoscaler.max}`,
          });
      }
    });

    // The exporter and every retirement name something that exists or existed (config/references.ts).
    for (const issue of referenceIssues(estate)) ctx.addIssue({ code: "custom", ...issue });

    // Each environment's space, state, IAM user, queue prefix and domain are its own (config/environment-identity.ts).
    for (const issue of identityIssues(estate)) ctx.addIssue({ code: "custom", ...issue });

    // Names and values the platforms would refuse at apply time (config/platform-limits.ts).
    for (const issue of platformLimitIssues(estate)) ctx.addIssue({ code: "custom", ...issue });
    for (const issue of instanceMemoryIssues(estate)) ctx.addIssue({ code: "custom", ...issue });

    estate.secrets.forEach((s, i) => {
      if (s.allowedApps === "all") return;
      s.allowedApps.forEach((a, j) => {
        if (!appsByName.has(a) && appNamesSound)
          ctx.addIssue({
            code: "custom",
            path: ["secrets", i, "allowedApps", j],
            message: `secret ${s.name} allows unknown app "${a}"${didYouMean(a, appNames)}`,
          });
      });
    });
  });

/** The config file that holds a top-level key (or an environment). */
function fileOf(path: readonly (string | number)[], config: unknown): string {
  const [top, index] = path;
  if (top === "environments") {
    const env = (config as { environments?: { name?: unknown }[] })?.environments?.[index as number];
    if (typeof env?.name === "string") return `config/${env.name}.ts`;
    // config/index.ts lists the environments in ENVIRONMENTS' order: an entry without a name (a file
    // emptied, or exporting nothing) is still that environment's file.
    const file = typeof index === "number" ? ENVIRONMENTS[index] : undefined;
    return file ? `config/${file}.ts` : "config/index.ts";
  }
  return { apps: "config/apps.ts", queues: "config/queues.ts", secrets: "config/secrets.ts", defaults: "config/defaults.ts", retired: "config/retired.ts" }[String(top)] ?? "config/index.ts";
}

function valueAt(path: readonly (string | number)[], config: unknown): unknown {
  let node: unknown = config;
  for (const key of path) node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** The value a rule was applied to, for the message; never an env value (it could be a credential). */
function shown(path: readonly (string | number)[], config: unknown): string {
  if (path.includes("env")) return "";
  const v = valueAt(path, config);
  if (v === undefined) return "; it is missing";
  if (typeof v === "object" && v !== null) return "";
  // JSON has no Infinity or NaN (JSON.stringify says null): say the number as it was written.
  const text = typeof v === "number" && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  return `; got ${text.length > 60 ? `${text.slice(0, 57)}...` : text}${typeof v === "string" ? unusualCharacters(v) : ""}`;
}

/** Characters that show as nothing, or as another character, named (Unicode has no names table in JavaScript). */
const INVISIBLE: Readonly<Record<number, string>> = {
  0x00a0: "NO-BREAK SPACE",
  0x00ad: "SOFT HYPHEN",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2060: "WORD JOINER",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (BOM)",
};

/**
 * "; character 7 is U+200B ZERO WIDTH SPACE" for a value holding a character outside printable ASCII:
 * a name that looks right but is refused must say which character is not what it looks like
 * (an invisible one, or a Cyrillic "а" in place of a Latin "a"). Names in config are ASCII.
 */
export function unusualCharacters(value: string): string {
  const found: string[] = [];
  [...value].forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) return;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const name = INVISIBLE[code] ?? (code < 0x20 || code === 0x7f ? "a control character" : `"${ch}", not an ASCII letter, digit or sign`);
    found.push(`character ${i + 1} is ${hex} ${name}`);
  });
  if (!found.length) return "";
  return `; ${found.slice(0, 3).join(", ")}${found.length > 3 ? ` and ${found.length - 3} more` : ""}`;
}

/** The keys the schema allows at a path, by walking the schema the way zod parsed the config. */
function allowedKeys(schema: z.ZodTypeAny, path: readonly (string | number)[], config: unknown): string[] {
  let s: z.ZodTypeAny | undefined = schema;
  let node: unknown = config;
  const unwrap = (t: z.ZodTypeAny | undefined): z.ZodTypeAny | undefined => {
    let cur = t;
    for (;;) {
      if (cur instanceof z.ZodEffects) cur = cur.innerType();
      else if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap();
      else if (cur instanceof z.ZodDiscriminatedUnion) {
        const tag = node && typeof node === "object" ? (node as Record<string, unknown>)[cur.discriminator] : undefined;
        cur = cur.optionsMap.get(tag as never);
      } else return cur;
    }
  };
  for (const key of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = s.shape[key as string];
    else if (s instanceof z.ZodArray) s = s.element;
    else if (s instanceof z.ZodRecord) s = s.valueSchema;
    else return [];
    node = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/**
 * One line per zod issue: the file, the field (apps and queues by name), the value it got, the rule it
 * broke in words, and for a misspelt key the nearest allowed one.
 */
export function formatIssues(error: z.ZodError, config: unknown): string[] {
  return error.issues.map((issue) => {
    const where = `${fileOf(issue.path, config)}: ${describePath(issue.path, config)}`;
    if (issue.code === "unrecognized_keys") {
      const known = allowedKeys(estateSchema as z.ZodTypeAny, issue.path, config);
      return issue.keys
        .map((key) => {
          // The nearest key by edits, or the one key the typed one abbreviates ("prod" for production).
          const near = known.length ? closest(key, known) : undefined;
          const abbreviates = known.filter((k) => k.toLowerCase().startsWith(key.toLowerCase()));
          const suggestion = near && distance(key, near) <= Math.max(2, Math.floor(key.length / 3)) ? near : abbreviates.length === 1 ? abbreviates[0] : undefined;
          const hint = suggestion ? `; did you mean "${suggestion}"?` : "";
          return `${where}: unknown key "${key}"${hint}${known.length ? ` (allowed: ${known.join(", ")})` : ""}`;
        })
        .join("\n");
    }
    // Those that quote the value themselves (enums say "received 'prod'") need no "got".
    const last = issue.path[issue.path.length - 1];
    const sized = last === "memory" || last === "diskQuota";
    if ((issue.code === "custom" && !sized) || issue.code === "invalid_enum_value") return `${where}: ${issue.message}`;
    return `${where}: ${issue.message}${shown(issue.path, config)}`;
  }).flatMap((l) => l.split("\n"));
}

// Paths like apps.3.memory are turned into apps[notify-delivery-worker-sender].memory so that the
// message names the app, queue or environment rather than an array index (an app without a usable
// name is shown by its position, #4).
function describePath(path: (string | number)[], config: unknown): string {
  let node: unknown = config;
  const parts: string[] = [];
  for (const key of path) {
    const next = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    const name = next && typeof next === "object" ? (next as { name?: unknown }).name : undefined;
    if (typeof key === "number" && typeof name === "string" && name !== "") {
      parts.push(`[${name}]`);
    } else {
      parts.push(typeof key === "number" ? `[#${key + 1}]` : `${parts.length ? "." : ""}${key}`);
    }
    node = next;
  }
  return parts.join("") || "(config)";
}
