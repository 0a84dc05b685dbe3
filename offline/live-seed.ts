import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { madeUpCredential, REHEARSAL_ACCOUNT_ID, stableGuid } from "./made-up";
import { CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS } from "./standin/cf-push";
import type { PlatformData } from "./standin/platform";
import type { Obj } from "./standin/values";

// Each environment's live platform as notifications-api's own deploys left it, built from the upstream
// record committed in offline/platforms/upstream/ (README.md there says where each file comes from)
// and never from this project's config: a rehearsal of the first deploy then meets the estate as it
// really runs, so the changes it plans are the changes the first real deploy will make
// (docs/adopting.md lists them). `npm run rehearse -- <env> --reseed` rewrites offline/platforms/<env>.json
// from it; a test fails when a committed platform differs from what this builds, and when this module
// reaches config/ at run time.
//
// The apps are held as Cloud Controller holds them after `cf push -f manifest.yml` (the Makefile's
// cf commands), read back the way cloudfoundry 1.16.0 reads `GET /v3/apps/:guid/manifest`
// (cloudfoundry/terraform-provider-cloudfoundry cloudfoundry/provider/types_app.go:457-552): sizes in
// CC's megabytes, only what CC holds (no `timeout`, no `command`), every health-check value the
// manifest set, including the invocation timeout of process checks.

export const UPSTREAM_DIR = path.join("offline", "platforms", "upstream");

/** Where each fact of Cloud Controller's comes from: cloudfoundry/cloud_controller_ng, read at 3bbba906 (2026-08-20). */
export const CC_SOURCES = {
  units: "app/presenters/v3/app_manifest_presenters/process_properties_presenter.rb:15-16,32-34 (memory and disk_quota as \"<MB>M\")",
  omitted: "process_properties_presenter.rb:18,28-29 (command is the process's own column, timeout its health_check_timeout; nil values are compacted away)",
  envStrings: "app/messages/app_manifest_message.rb:287 (env values stored with to_s: 15 becomes \"15\")",
  routes: "app/presenters/v3/app_manifest_presenters/route_properties_presenter.rb:6-24 (uri and the mapping's protocol, sorted)",
  ssh: "config/cloud_controller.yml:224 (default_app_ssh_access: true)",
  maximumHealthCheckTimeout: "config/cloud_controller.yml:208 (maximum_health_check_timeout: 180); app/models/runtime/constraints/base_health_check_policy.rb:36-44",
} as const;

/** Cloud Controller's maximum health-check timeout when a foundation keeps the default: the stand-in's figure, which it enforces. */
export { CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS };

const credential = /^"?<secret:([A-Z0-9_]+)>"?$/;

// The record's shapes. Strict: a key the builder does not know is refused, not silently dropped.
const manifestApp = z
  .object({
    name: z.string().min(1),
    buildpack: z.string().min(1),
    instances: z.number().int().min(0).optional(),
    memory: z.string().regex(/^\d+[MG]$/),
    disk_quota: z.string().regex(/^\d+[MG]$/),
    routes: z.array(z.object({ route: z.string().min(1) }).strict()),
    "health-check-type": z.enum(["port", "process", "http"]),
    "health-check-invocation-timeout": z.number().int().positive(),
    services: z.array(z.string().min(1)),
    env: z.record(z.union([z.string(), z.number(), z.boolean()])),
    command: z.object({ kind: z.string(), pushed_with_no_route: z.boolean().optional() }).passthrough(),
  })
  .strict();
const manifests = z.record(z.string().regex(/^[a-z]+\/[a-z0-9-]+$/), manifestApp);
const autoscaler = z.object({
  source: z.object({ repository: z.string(), commit: z.string().regex(/^[0-9a-f]{40}$/) }).passthrough(),
  environments: z.record(
    z.object({ sqsQueuePrefix: z.string().min(1), apps: z.record(z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).strict()) }).strict(),
  ),
});
const fact = <T extends z.ZodTypeAny>(value: T) => z.object({ source: z.string().min(1) }).merge(z.object({ value }));
const facts = z
  .object({
    source: z.object({ repository: z.literal("alphagov/notifications-api"), commit: z.string().regex(/^[0-9a-f]{40}$/), date: z.string() }).strict(),
    cfOrg: fact(z.string().min(1)).strict(),
    noRoute: z.object({ apps: z.array(z.string()), source: z.string() }).strict(),
    startCommand: fact(z.null()).strict(),
    cfStartupTimeout: z.object({ minutes: z.number(), source: z.string() }).strict(),
    queueNames: z.object({ values: z.array(z.string().min(1)).min(1), source: z.string() }).strict(),
    queueAttributes: z.object({ visibilityTimeoutSeconds: z.number().int().positive(), source: z.string() }).strict(),
    awsRegion: fact(z.string().min(1)).strict(),
  })
  .strict();

export interface UpstreamRecord {
  readonly manifests: z.infer<typeof manifests>;
  readonly autoscaler: z.infer<typeof autoscaler>;
  readonly facts: z.infer<typeof facts>;
}

export const UPSTREAM_FILES = { manifests: "manifests-2022.json", autoscaler: "autoscaler-2022.json", facts: "notifications-api-2022.json" } as const;

/** The upstream record under `root`, or an error naming the file and what in it is not understood. */
export function readUpstream(root: string): UpstreamRecord {
  const read = <T>(file: string, schema: z.ZodType<T>): T => {
    const where = path.join(root, UPSTREAM_DIR, file);
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(where, "utf8"));
    } catch (err) {
      throw new Error(`cannot read the upstream record ${where}: ${(err as Error).message}`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
      throw new Error(`${where} is not the upstream record this builder understands: ${issues.join("; ")}`);
    }
    return parsed.data;
  };
  const record = { manifests: read(UPSTREAM_FILES.manifests, manifests), autoscaler: read(UPSTREAM_FILES.autoscaler, autoscaler), facts: read(UPSTREAM_FILES.facts, facts) };
  // The two files must tell the same story about the Makefile's --no-route push.
  const noRoute = [...new Set(Object.values(record.manifests).filter((m) => m.command.pushed_with_no_route).map((m) => m.name))].sort();
  if (JSON.stringify(noRoute) !== JSON.stringify([...record.facts.noRoute.apps].sort())) {
    throw new Error(
      `${path.join(root, UPSTREAM_DIR)}: the manifests push ${noRoute.join(", ") || "no app"} with --no-route, ${UPSTREAM_FILES.facts} says ${record.facts.noRoute.apps.join(", ") || "none"}: correct the one that differs from the Makefile`,
    );
  }
  return record;
}

/** "2G" in Cloud Controller's units: "2048M" (CC_SOURCES.units). */
function ccMegabytes(size: string): string {
  const n = Number(size.slice(0, -1));
  return `${size.endsWith("G") ? n * 1024 : n}M`;
}

/** "api.notify.works/notifications/sms/mmg" as host, domain and path: the first label is the host (the routes the template writes all have one). */
function splitRoute(route: string): { host: string; domain: string; path: string | null } {
  const slash = route.indexOf("/");
  const fqdn = slash < 0 ? route : route.slice(0, slash);
  const dot = fqdn.indexOf(".");
  return { host: fqdn.slice(0, dot), domain: fqdn.slice(dot + 1), path: slash < 0 ? null : route.slice(slash) };
}

/**
 * The live platform of `env`: the apps of the record's manifests for it, their routes (none for an app
 * the Makefile pushed with --no-route), their service bindings, and the SQS queues kombu created. Not
 * in it, because no upstream deploy made them: the network policies (they cannot be imported; the
 * first deploy creates them either way), the queue-boundary IAM policy, and what bootstrapping adds
 * for this project (SSM parameters, the CF users, the statsd exporter app of another repository),
 * which a rehearsal adds from config (offline/bootstrap.ts withPrerequisites).
 */
export function liveSeed(env: string, record: UpstreamRecord): PlatformData {
  const entries = Object.entries(record.manifests).filter(([k]) => k.startsWith(`${env}/`));
  if (!entries.length) throw new Error(`the upstream record has no manifests for ${env} (it has ${[...new Set(Object.keys(record.manifests).map((k) => k.split("/")[0]))].join(", ")})`);
  const scaling = record.autoscaler.environments[env];
  if (!scaling) throw new Error(`the upstream autoscaler record has no ${env}`);
  const { facts: f } = record;
  const commit = f.source.commit;
  // When the estate was pushed: the reference commit's date, for created_at and updated_at.
  const at = `${f.source.date}T00:00:00.000Z`;
  const guid = (...parts: string[]) => stableGuid(env, ...parts);
  const space = { name: env, id: guid("space", env) };
  const noRoute = new Set(f.noRoute.apps);

  const apps = entries.map(([, m]) => m);
  const routed = apps.flatMap((m) => (noRoute.has(m.name) ? [] : m.routes.map((r) => ({ app: m.name, ...splitRoute(r.route), uri: r.route }))));
  const domains = Object.fromEntries([...new Set(routed.map((r) => r.domain))].sort().map((d) => [d, guid("domain", d)]));
  const services = Object.fromEntries([...new Set(apps.flatMap((m) => m.services))].sort().map((s) => [s, { id: guid("service", s), type: "managed" }]));

  /** What the app runs with: the credential template's values are made up (offline/made-up.ts), except the queue prefix, which the autoscaler's record states. */
  const envValue = (value: string | number | boolean): string => {
    const s = String(value);
    const m = credential.exec(s);
    if (!m) return s;
    return m[1] === "NOTIFICATION_QUEUE_PREFIX" ? scaling.sqsQueuePrefix : madeUpCredential(m[1]);
  };

  const cfApps: Record<string, Obj> = {};
  for (const m of apps) {
    const id = guid("app", m.name);
    const autoscaled = scaling.apps[m.name];
    cfApps[id] = {
      id,
      name: m.name,
      org_name: f.cfOrg.value,
      space_name: env,
      buildpacks: [m.buildpack],
      // GOV.UK PaaS's default root filesystem in 2022 (cflinuxfs4 came in 2023); the template names none.
      stack: "cflinuxfs3",
      // The autoscaler keeps an app it scales within its limits, at its minimum when idle; otherwise the
      // manifest's count, or the 1 instance CC gives a process the manifest leaves unset.
      instances: autoscaled ? autoscaled.min : (m.instances ?? 1),
      memory: ccMegabytes(m.memory),
      disk_quota: ccMegabytes(m.disk_quota),
      health_check_type: m["health-check-type"],
      health_check_invocation_timeout: m["health-check-invocation-timeout"],
      health_check_http_endpoint: null,
      health_check_interval: null,
      readiness_health_check_type: "process",
      readiness_health_check_http_endpoint: null,
      readiness_health_check_interval: null,
      readiness_health_check_invocation_timeout: null,
      log_rate_limit_per_second: "-1",
      // f.startCommand: the Procfile's wrapper starts the app; CC holds no command.
      command: f.startCommand.value,
      // The manifest sets no `timeout` (f.cfStartupTimeout is the cf CLI's own wait): CC holds none.
      timeout: null,
      enable_ssh: true,
      environment: Object.fromEntries(Object.entries(m.env).map(([k, v]) => [k, envValue(v)])),
      routes: noRoute.has(m.name)
        ? null
        : m.routes
            .map((r) => ({ route: r.route, protocol: "http1" }))
            .sort((a, b) => a.route.toLowerCase().localeCompare(b.route.toLowerCase())),
      service_bindings: m.services.map((s) => ({ service_instance: s, params: null })),
      sidecars: null,
      processes: null,
      stopped: false,
      annotations: null,
      labels: null,
      docker_image: null,
      docker_credentials: null,
      // What CF cannot report (semantics row 15).
      path: null,
      source_code_hash: null,
      strategy: null,
      no_route: null,
      random_route: null,
      app_deployed_running_timeout: null,
      app_deployed_running_check_interval: null,
      created_at: at,
      updated_at: at,
    };
  }
  const appId = (name: string) => guid("app", name);

  const routes: Record<string, Obj> = {};
  for (const r of routed) {
    const id = guid("route", r.uri);
    routes[id] = {
      id,
      space: space.id,
      domain: domains[r.domain],
      host: r.host,
      path: r.path,
      port: null,
      protocol: "http",
      url: r.uri,
      // The destination's computed parts stay null as the stand-in compares them (semantics row 23).
      destinations: [{ app_id: appId(r.app), app_process_type: null, id: null, port: null, protocol: null, weight: null }],
      annotations: null,
      labels: null,
      created_at: at,
      updated_at: at,
    };
  }

  const bindings: Record<string, Obj> = {};
  for (const m of apps) {
    for (const s of m.services) {
      const id = guid("binding", m.name, s);
      bindings[id] = { id, type: "app", name: null, app: appId(m.name), service_instance: services[s].id, created_at: at, updated_at: at, credential_binding: "{}" };
    }
  }

  // Every queue the apps publish to or consume, as kombu's SQS transport created it on first use:
  // only the visibility timeout set; no tags, policy, redrive policy or dead-letter queue. SQS's other
  // defaults (delay 0, 256 KiB messages, no long polling) stay null, as the stand-in keeps them
  // (semantics row 45); the retention is SQS's default of 4 days.
  const region = f.awsRegion.value;
  const queueNames = [...new Set([...f.queueNames.values, ...apps.flatMap((m) => ((m.command.queues as string[] | undefined) ?? []))])].sort();
  const queues: Record<string, Obj> = {};
  for (const q of queueNames) {
    const name = `${scaling.sqsQueuePrefix}${q}`;
    const url = `https://sqs.${region}.amazonaws.com/${REHEARSAL_ACCOUNT_ID}/${name}`;
    queues[url] = {
      id: url,
      url,
      arn: `arn:aws:sqs:${region}:${REHEARSAL_ACCOUNT_ID}:${name}`,
      name,
      name_prefix: null,
      fifo_queue: null,
      content_based_deduplication: null,
      deduplication_scope: null,
      fifo_throughput_limit: null,
      delay_seconds: null,
      max_message_size: null,
      receive_wait_time_seconds: null,
      message_retention_seconds: 345600,
      visibility_timeout_seconds: f.queueAttributes.visibilityTimeoutSeconds,
      kms_master_key_id: null,
      kms_data_key_reuse_period_seconds: 300,
      sqs_managed_sse_enabled: false,
      policy: null,
      redrive_policy: null,
      redrive_allow_policy: null,
      tags: null,
      tags_all: {},
      timeouts: null,
    };
  }

  const data: PlatformData = {
    description:
      `the ${env} estate as notifications-api's deploys left it: alphagov/notifications-api ${commit} (manifest.yml.j2 rendered for ${env}, ` +
      `the Makefile's cf push), instance counts from alphagov/notifications-paas-autoscaler ${record.autoscaler.source.commit.slice(0, 10)}, held as ` +
      `Cloud Controller holds them; built by offline/live-seed.ts from offline/platforms/upstream/, never from config; every GUID and credential is made up`,
    cf: {
      org: { name: f.cfOrg.value, id: guid("org", f.cfOrg.value) },
      space,
      domains,
      serviceInstances: services,
      foreignApps: {},
      /** The foundation's limit on `timeout` (CC_SOURCES.maximumHealthCheckTimeout): GOV.UK PaaS's own value is not public. */
      maximumHealthCheckTimeoutSeconds: CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS,
    },
    aws: { accountId: REHEARSAL_ACCOUNT_ID, region, callerArn: `arn:aws:iam::${REHEARSAL_ACCOUNT_ID}:user/rehearsal`, parameters: {} },
    resources: {
      cloudfoundry_app: cfApps,
      cloudfoundry_route: routes,
      cloudfoundry_service_credential_binding: bindings,
      aws_sqs_queue: queues,
    },
  };
  return data;
}

/** The committed file's text for a platform: what `--reseed` writes and the test compares. */
export function platformText(data: PlatformData): string {
  return JSON.stringify(data, null, 1) + "\n";
}
