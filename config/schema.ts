import { z } from "zod";
import { ENVIRONMENTS, type EstateConfig } from "./types";

// Shape and cross-reference validation of the estate config. Every rule lives in zod so that each
// problem comes back with the path of the field that holds it; nothing here throws on the first one.

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
const cfSize = z
  .string()
  .regex(/^[1-9][0-9]*[MG]$/, 'must be a whole number of megabytes or gigabytes, e.g. "512M" or "2G"') as z.ZodType<
  `${number}M` | `${number}G`
>;
const envVarName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "must be an upper-case environment variable name");
const sentence = z.string().min(20, "must say why, in at least a sentence (20 characters)");

const healthCheck = z.discriminatedUnion("type", [
  z.object({ type: z.literal("process") }).strict(),
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

const queueList = z.array(z.string().min(1)).min(1);
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
const acknowledgement = z
  .object({ check: z.string().regex(/^NOTIFY-[A-Z0-9-]+$/), reason: sentence, accepted: z.number().nonnegative().optional() })
  .strict();

const appSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    role: z.enum(["web", "worker", "scheduler", "task"]),
    notifyAppName: z.string().min(1),
    memory: cfSize.optional(),
    diskQuota: cfSize.optional(),
    healthCheck: healthCheck.optional(),
    process: processSchema,
    scaling: z.discriminatedUnion("mode", [
      z.object({ mode: z.literal("fixed"), count: nonNegativeInt }).strict(),
      z.object({ mode: z.literal("autoscaled") }).strict(),
    ]),
    publicRoutes: z
      .array(z.object({ host: z.string().regex(/^[a-z0-9-]+$/), path: z.string().regex(/^\/[a-z0-9/_-]+$/).optional() }).strict())
      .optional(),
    defaultRoute: z.boolean().optional(),
    services: z.array(z.string().min(1)),
    database: z
      .object({
        poolSize: positiveInt,
        maxOverflow: nonNegativeInt.optional(),
        statementTimeoutSeconds: positiveInt.optional(),
      })
      .strict(),
    sendsStatsd: z.boolean(),
    secrets: z.array(envVarName).optional(),
    env: z.record(envVarName, z.string()).optional(),
    unsetEnv: z.array(unsetEnv).optional(),
    oneOffTask: z.object({ name: z.string().min(1), command: z.string().min(1) }).strict().optional(),
    acknowledgements: z.array(acknowledgement).optional(),
  })
  .strict();

const queueSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/),
    externalConsumer: z.object({ app: z.string().min(1), reason: sentence }).strict().optional(),
    maxRetryDelaySeconds: nonNegativeInt.optional(),
    maxTaskSeconds: positiveInt.optional(),
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
    reason: sentence,
  })
  .strict();

const environmentSchema = z
  .object({
    name: z.enum(ENVIRONMENTS),
    space: z.string().min(1),
    publicDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]+$/),
    queuePrefix: z.string().regex(/^[a-z0-9-]*$/),
    scaling: z.record(
      z.string(),
      z
        .object({
          deployFloor: nonNegativeInt.optional(),
          autoscaler: z.object({ min: nonNegativeInt, max: positiveInt }).strict(),
          acknowledgements: z.array(acknowledgement).optional(),
        })
        .strict(),
    ),
    state: z.object({ bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/), key: z.string().min(1), region: z.string().min(1) }).strict(),
    appsIamUser: z.string().regex(/^[\w+=,.@-]{1,64}$/),
    allowedDestructiveChanges: z.array(z.object({ address: z.string().min(1), reason: sentence }).strict()).optional(),
    spaceMemoryQuotaMib: positiveInt,
    acknowledgements: z.array(acknowledgement).optional(),
  })
  .strict();

const defaultsSchema = z
  .object({
    cfApiUrl: z.string().url(),
    org: z.string().min(1),
    sharedAppsDomain: z.string().min(1),
    internalDomain: z.string().min(1),
    awsRegion: z.string().min(1),
    buildpack: z.string().min(1),
    statsdExporterApp: z.string().min(1),
    statsdPort: positiveInt.max(65535),
    memory: cfSize,
    diskQuota: cfSize,
    healthCheck,
    deployStrategy: z.literal("rolling"),
    startupTimeoutSeconds: positiveInt,
    env: z.record(envVarName, z.string()),
    unsetEnv: z.array(unsetEnv),
    ssmPrefix: z.string().regex(/^\/[A-Za-z0-9/_.-]*[^/]$/),
    queue: z
      .object({
        visibilityTimeoutSeconds: positiveInt.max(43200),
        messageRetentionSeconds: z.number().int().min(60).max(1209600),
        deadLetter: z
          .object({ maxReceiveCount: z.number().int().min(1).max(1000), messageRetentionSeconds: z.number().int().min(60).max(1209600) })
          .strict(),
      })
      .strict(),
    database: z.object({ connectionLimit: positiveInt, reservedConnections: nonNegativeInt }).strict(),
  })
  .strict();

function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => seen.size === seen.add(n).size);
}

export const estateSchema: z.ZodType<EstateConfig> = z
  .object({
    defaults: defaultsSchema,
    apps: z.array(appSchema).min(1),
    queues: z.array(queueSchema),
    secrets: z.array(secretSchema),
    environments: z.array(environmentSchema),
    retired: z
      .array(
        z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("app"), name: z.string().min(1), reason: sentence }).strict(),
          z
            .object({
              kind: z.literal("queue"),
              name: z.string().min(1),
              reason: sentence,
              drained: z.literal(true, {
                errorMap: () => ({ message: "a queue is destroyed only when drained: true says its messages are gone (ApproximateNumberOfMessages 0 on the queue and its dead-letter queue in every environment)" }),
              }),
            })
            .strict(),
        ]),
      )
      .optional(),
  })
  .strict()
  .superRefine((estate, ctx) => {
    const appNames = estate.apps.map((a) => a.name);
    const appsByName = new Map(estate.apps.map((a) => [a.name, a]));
    const queueNames = new Set(estate.queues.map((q) => q.name));
    const secretNames = new Map(estate.secrets.map((s) => [s.name, s]));
    for (const d of duplicates(appNames)) ctx.addIssue({ code: "custom", path: ["apps"], message: `app ${d} is declared twice` });
    for (const d of duplicates(estate.queues.map((q) => q.name)))
      ctx.addIssue({ code: "custom", path: ["queues"], message: `queue ${d} is declared twice` });
    for (const d of duplicates(estate.secrets.map((s) => s.name)))
      ctx.addIssue({ code: "custom", path: ["secrets"], message: `secret ${d} is declared twice` });
    (estate.retired ?? []).forEach((r, i) => {
      const declared = r.kind === "app" ? appsByName.has(r.name) : queueNames.has(r.name);
      if (declared)
        ctx.addIssue({ code: "custom", path: ["retired", i, "name"], message: `${r.kind} ${r.name} is retired and still declared; delete it from config/${r.kind}s.ts or drop the retirement` });
    });
    const envNames = estate.environments.map((e) => e.name);
    for (const d of duplicates(envNames))
      ctx.addIssue({ code: "custom", path: ["environments"], message: `environment ${d} is declared twice` });

    estate.apps.forEach((app, i) => {
      const at = (...p: (string | number)[]) => ["apps", i, ...p];
      const queuesUsed =
        app.process.kind === "celery-beat" ? app.process.publishesTo : "queues" in app.process ? app.process.queues : [];
      queuesUsed.forEach((q, j) => {
        if (!queueNames.has(q))
          ctx.addIssue({
            code: "custom",
            path: at("process", app.process.kind === "celery-beat" ? "publishesTo" : "queues", j),
            message: `${app.name} uses queue "${q}", which config/queues.ts does not declare; declare it or fix the name`,
          });
      });
      (app.secrets ?? []).forEach((s, j) => {
        const def = secretNames.get(s);
        if (!def)
          ctx.addIssue({
            code: "custom",
            path: at("secrets", j),
            message: `${app.name} asks for secret "${s}", which config/secrets.ts does not declare`,
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
      if (app.scaling.mode === "autoscaled") {
        estate.environments.forEach((env, k) => {
          if (!env.scaling[app.name])
            ctx.addIssue({
              code: "custom",
              path: ["environments", k, "scaling"],
              message: `${env.name}: autoscaled app ${app.name} has no autoscaler limits; add "${app.name}": { autoscaler: { min, max } }`,
            });
        });
      }
    });

    estate.environments.forEach((env, k) => {
      for (const [name, s] of Object.entries(env.scaling)) {
        const app = appsByName.get(name);
        if (!app)
          ctx.addIssue({
            code: "custom",
            path: ["environments", k, "scaling", name],
            message: `${env.name}: scaling for unknown app "${name}"; known apps are in config/apps.ts`,
          });
        else if (app.scaling.mode === "fixed")
          ctx.addIssue({
            code: "custom",
            path: ["environments", k, "scaling", name],
            message: `${env.name}: ${name} has a fixed instance count (${app.scaling.count}); it takes no autoscaler limits`,
          });
        if (s.autoscaler.min > s.autoscaler.max)
          ctx.addIssue({
            code: "custom",
            path: ["environments", k, "scaling", name, "autoscaler"],
            message: `${env.name}/${name}: autoscaler min ${s.autoscaler.min} exceeds max ${s.autoscaler.max}`,
          });
      }
    });

    estate.secrets.forEach((s, i) => {
      if (s.allowedApps === "all") return;
      s.allowedApps.forEach((a, j) => {
        if (!appsByName.has(a))
          ctx.addIssue({
            code: "custom",
            path: ["secrets", i, "allowedApps", j],
            message: `secret ${s.name} allows unknown app "${a}"`,
          });
      });
    });
  });

/** Formats zod issues as one line each: `path: message`. */
export function formatIssues(error: z.ZodError, config: unknown): string[] {
  return error.issues.map((issue) => `${describePath(issue.path, config)}: ${issue.message}`);
}

// Paths like apps.3.memory are turned into apps[notify-delivery-worker-sender].memory so that the
// message names the app, queue or environment rather than an array index.
function describePath(path: (string | number)[], config: unknown): string {
  let node: unknown = config;
  const parts: string[] = [];
  for (const key of path) {
    const next = node && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === "number" && next && typeof next === "object" && typeof (next as { name?: unknown }).name === "string") {
      parts.push(`[${(next as { name: string }).name}]`);
    } else {
      parts.push(typeof key === "number" ? `[${key}]` : `${parts.length ? "." : ""}${key}`);
    }
    node = next;
  }
  return parts.join("") || "(config)";
}
