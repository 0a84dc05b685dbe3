import { mib } from "../../config";
import { cfApp, environment, ENVS, synth } from "../helpers";
import { parseBindingsForEach, parseLiveInstances } from "../../stacks/addresses";
import { effectiveFloor } from "../../config/invariants";

// The facts each incident set (docs/guardrails.md), as the synthesized stacks carry them. Which
// apps and queues exist comes from config (adding one is a config change and a snapshot update); the
// values incidents set are literals, so that changing one fails here, in a test that names the fact.
// The whole stack, as a reviewer reads it, is pinned per environment by picture-<env>.test.ts; the
// invariants a reviewer would otherwise check by eye are named below, over every app, route, policy and import.

/**
 * An incident's fact about one app holds while config declares the app: removing the app (a config
 * change) must not need a test edit. A declared app missing from the stack still fails (cfApp throws).
 */
const whileDeclared = (env: (typeof ENVS)[number], name: string): Record<string, any> | undefined =>
  environment(env).apps.some((a) => a.name === name) ? cfApp(env, name) : undefined;

const PREFIX = { preview: "preview", staging: "staging", production: "live" } as const;
const DOMAIN = { preview: "notify.works", staging: "staging-notify.works", production: "notifications.service.gov.uk" } as const;

/** The broker queues celery uses (dead-letter queues are tested in safety.test.ts). */
const brokerQueues = (env: (typeof ENVS)[number]) =>
  Object.entries(synth(env).resource.aws_sqs_queue)
    .filter(([k]) => !k.endsWith("-dead-letter"))
    .map(([, q]) => q as any);

describe.each(ENVS)("%s", (env) => {
  test("every cloudfoundry_app sets instances: a whole number, or the autoscaled floor over its own live count", () => {
    // Unset, provider 1.16.0 pushes 1 instance on any change; another app's live count would be a copy-paste slip.
    const apps = Object.entries(synth(env).resource.cloudfoundry_app) as [string, any][];
    expect(apps.length).toBeGreaterThan(0);
    for (const [id, app] of apps) {
      const floorOverOwnLiveCount = /^\$\{max\(\d+, lookup\(local\.live_instances, "([^"]+)", 0\)\)\}$/.exec(String(app.instances))?.[1] === app.name;
      const ok = Number.isInteger(app.instances) ? app.instances >= 0 : floorOverOwnLiveCount;
      expect([id, app.instances, ok]).toEqual([id, app.instances, true]);
    }
  });

  test("every cloudfoundry_app sets its memory and disk as CF sizes, and a health check type (http with an endpoint)", () => {
    for (const [id, app] of Object.entries(synth(env).resource.cloudfoundry_app) as [string, any][]) {
      expect([id, mib(app.memory) > 0, mib(app.disk_quota) > 0]).toEqual([id, true, true]);
      expect([id, ["port", "process", "http"].includes(app.health_check_type)]).toEqual([id, true]);
      if (app.health_check_type === "http") expect([id, app.health_check_http_endpoint]).toEqual([id, expect.stringMatching(/^\//)]);
    }
  });

  test("every route has exactly one destination, an app of this stack, on a domain the stack reads", () => {
    const s = synth(env);
    const routes = Object.entries(s.resource.cloudfoundry_route) as [string, any][];
    expect(routes.length).toBeGreaterThan(0);
    const apps = Object.keys(s.resource.cloudfoundry_app).map((n) => `\${cloudfoundry_app.${n}.id}`);
    const domains = Object.keys(s.data.cloudfoundry_domain).map((n) => `\${data.cloudfoundry_domain.${n}.id}`);
    for (const [id, r] of routes) {
      expect([id, r.destinations.length, apps.includes(r.destinations[0]?.app_id), domains.includes(r.domain)]).toEqual([id, 1, true, true]);
    }
  });

  test("every network policy goes from an app of this stack to an app it manages or reads, on a protocol and port", () => {
    const s = synth(env);
    const known = [
      ...Object.keys(s.resource.cloudfoundry_app).map((n) => `\${cloudfoundry_app.${n}.id}`),
      ...Object.keys(s.data.cloudfoundry_app ?? {}).map((n) => `\${data.cloudfoundry_app.${n}.id}`),
    ];
    const policies = Object.entries(s.resource.cloudfoundry_network_policy ?? {}) as [string, any][];
    for (const [id, p] of policies) {
      expect([id, p.policies.length]).toEqual([id, 1]);
      const { source_app, destination_app, protocol, port } = p.policies[0];
      expect([id, source_app.startsWith("${cloudfoundry_app."), known.includes(source_app), known.includes(destination_app)]).toEqual([id, true, true, true]);
      expect([id, ["tcp", "udp"].includes(protocol), /^\d+(-\d+)?$/.test(port)]).toEqual([id, true, true]);
    }
  });

  test("every import brings in a resource of this stack, and every app, route, queue and binding is adopted by exactly one", () => {
    const s = synth(env) as any;
    const targets = (s.import as { to: string }[]).map((i) => i.to.replace(/\[[^\]]*\]$/, ""));
    const adoptable = ["cloudfoundry_app", "cloudfoundry_route", "aws_sqs_queue", "cloudfoundry_service_credential_binding"].flatMap((t) =>
      Object.keys(s.resource[t] ?? {}).map((n) => `${t}.${n}`),
    );
    expect(adoptable.length).toBeGreaterThan(0);
    expect([...targets].sort()).toEqual([...adoptable].sort());
  });

  test("every app of the estate is present, and no other", () => {
    const apps = environment(env).apps.map((a) => a.name);
    expect(apps.length).toBeGreaterThan(0);
    expect(Object.keys(synth(env).resource.cloudfoundry_app).sort()).toEqual([...apps].sort());
  });

  test("every queue of the estate is present with the environment prefix", () => {
    const names = brokerQueues(env).map((q) => q.name).sort();
    const queues = environment(env).queues.map((q) => q.name);
    expect(queues.length).toBeGreaterThan(0);
    expect(names).toEqual(queues.map((q) => `${PREFIX[env]}${q}`).sort());
  });

  test("every queue has the 310 s visibility timeout, explicit retention and encryption", () => {
    for (const q of brokerQueues(env)) {
      expect([q.name, q.visibility_timeout_seconds]).toEqual([q.name, 310]);
      expect([q.name, q.message_retention_seconds]).toEqual([q.name, 345600]);
      expect([q.name, q.sqs_managed_sse_enabled]).toEqual([q.name, true]);
    }
  });

  // Incident values are bounds in the direction the incident went, not today's literals: raising a
  // memory or a timeout is an ordinary change; going back past the incident fails here, naming it.
  test("the API pool size stays at or below 15 (30 deadlocked the database under load, ad8cf3f3a)", () => {
    expect(Number(cfApp(env, "notify-api").environment.SQLALCHEMY_POOL_SIZE)).toBeLessThanOrEqual(15);
  });

  test("reporting worker: prefetch 1, statement timeout at least 7200 s, CELERYD_MAX_TASKS_PER_CHILD absent", () => {
    const app = whileDeclared(env, "notify-delivery-worker-reporting");
    if (!app) return;
    // The bound is on the setting, in seconds; the app reads it under the name and in the unit config
    // gives it (derivedEnv may rename it, e.g. DATABASE_STATEMENT_TIMEOUT_MS), which the stack carries.
    const resolved = environment(env).apps.find((a) => a.name === "notify-delivery-worker-reporting")!;
    const { prefetchMultiplier, statementTimeout } = resolved.derivedEnv;
    if (prefetchMultiplier) expect(app.environment[prefetchMultiplier]).toBe("1");
    expect(app.command).toContain("--prefetch-multiplier=1 ");
    expect(resolved.database.statementTimeoutSeconds).toBeGreaterThanOrEqual(7200);
    expect([statementTimeout, statementTimeout && app.environment[statementTimeout]]).toEqual([expect.any(String), resolved.env[statementTimeout!]]);
    expect(app.environment).not.toHaveProperty("CELERYD_MAX_TASKS_PER_CHILD");
  });

  test("broadcasts worker: concurrency at most 2 (78db0f9c2) and prefetch 1 (0ddebc63a)", () => {
    const app = whileDeclared(env, "notify-delivery-worker-broadcasts");
    if (!app) return;
    expect(Number(/--concurrency=(\d+)/.exec(app.command)?.[1])).toBeLessThanOrEqual(2);
    expect(app.command).toContain("--prefetch-multiplier=1 ");
    expect(app.environment.CELERYD_PREFETCH_MULTIPLIER).toBe("1");
  });

  test("sender: at least 4G memory (OOM at 3G, 1ac3ca250) and at least 2G disk", () => {
    const app = whileDeclared(env, "notify-delivery-worker-sender");
    if (!app) return;
    expect(mib(app.memory)).toBeGreaterThanOrEqual(4096);
    expect(mib(app.disk_quota)).toBeGreaterThanOrEqual(2048);
  });

  test("celery beat runs at most one instance, and exactly one in production", () => {
    const beats = environment(env).apps.filter((a) => a.process.kind === "celery-beat");
    expect(beats.length).toBeGreaterThan(0);
    for (const beat of beats) {
      const instances = cfApp(env, beat.name).instances;
      if (env === "production") expect(instances).toBe(1);
      else expect([0, 1]).toContain(instances);
    }
  });

  test("the db-migration app runs no instances and has no route", () => {
    const migration = whileDeclared(env, "notify-api-db-migration");
    if (!migration) return;
    expect(migration.instances).toBe(0);
    const routes = Object.values(synth(env).resource.cloudfoundry_route) as any[];
    expect(routes.filter((r) => r.destinations[0].app_id.includes("notify-api-db-migration"))).toEqual([]);
  });

  test("every public route config declares points at the app that declares it, on the public domain", () => {
    const routes = Object.values(synth(env).resource.cloudfoundry_route) as any[];
    const onApiHost = routes
      .filter((r) => r.host === "api")
      .map((r) => [r.path ?? "", r.destinations[0].app_id])
      .sort();
    const declared = environment(env)
      .apps.flatMap((a) => a.routes.filter((r) => r.kind === "public" && r.host === "api").map((r) => [r.path ?? "", `\${cloudfoundry_app.${a.name}.id}`]))
      .sort();
    expect(declared.length).toBeGreaterThan(0);
    expect(onApiHost).toEqual(declared);
    const domains = new Set(routes.filter((r) => r.host === "api").map((r) => r.domain));
    expect(domains.size).toBe(1);
    expect([...domains][0]).toMatch(/^\$\{data\.cloudfoundry_domain\..*\.id\}$/);
    const domainData = Object.values(synth(env).data.cloudfoundry_domain).map((d: any) => d.name);
    expect(domainData).toContain(DOMAIN[env]);
  });

  test("every app config gives a default <app>-<env> route has it", () => {
    const hosts = (Object.values(synth(env).resource.cloudfoundry_route) as any[]).map((r) => r.host);
    const withDefault = environment(env).apps.filter((a) => a.routes.some((r) => r.kind === "default"));
    expect(withDefault.length).toBeGreaterThan(0);
    for (const app of withDefault) expect(hosts).toContain(`${app.name}-${env}`);
  });

  test("no app configures `routes` or `no_route` (changing them replaces the app)", () => {
    for (const app of Object.values(synth(env).resource.cloudfoundry_app) as any[]) {
      expect(app).not.toHaveProperty("routes");
      expect(app).not.toHaveProperty("no_route");
      expect(app.strategy).toBe("rolling");
    }
  });

  test("every app sets enable_ssh to its environment's configured value (unset, each push switches SSH off: semantics row 10)", () => {
    const apps = Object.values(synth(env).resource.cloudfoundry_app) as any[];
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) expect([app.name, app.enable_ssh]).toEqual([app.name, environment(env).sshEnabled]);
  });

  test("CBC proxy keys are on the broadcasts worker only (4437d60dd), or on no app once it is gone", () => {
    const holders = Object.entries(synth(env).resource.cloudfoundry_app)
      .filter(([, a]: [string, any]) => "CBC_PROXY_AWS_ACCESS_KEY_ID" in a.environment || "CBC_PROXY_AWS_SECRET_ACCESS_KEY" in a.environment)
      .map(([name]) => name);
    expect(holders).toEqual(whileDeclared(env, "notify-delivery-worker-broadcasts") ? ["notify-delivery-worker-broadcasts"] : []);
  });

  test("SMS provider keys are only on apps the secret catalogue allows, and never on a web app or beat", () => {
    const resolved = environment(env);
    const holders = Object.entries(synth(env).resource.cloudfoundry_app)
      .filter(([, a]: [string, any]) => Object.keys(a.environment).some((k) => /^(MMG|FIRETEXT)_.*API_KEY$/.test(k)))
      .map(([name]) => name);
    for (const name of holders) {
      const app = resolved.apps.find((a) => a.name === name)!;
      expect([name, app.role]).toEqual([name, "worker"]);
      for (const s of app.secretEnv.filter((x) => /^(MMG|FIRETEXT)_.*API_KEY$/.test(x.name))) expect([name, s.allowedApps]).toEqual([name, expect.arrayContaining([name])]);
    }
  });

  test("a statsd policy (UDP 8125 to the exporter) exists for exactly the apps that send statsd", () => {
    const apps = synth(env).resource.cloudfoundry_app;
    const senders = Object.keys(apps).filter((n) => "STATSD_HOST" in apps[n].environment).sort();
    const policies = (Object.values(synth(env).resource.cloudfoundry_network_policy) as any[]).map((p) => p.policies[0]);
    const sources = policies.map((p) => p.source_app.replace(/^\$\{cloudfoundry_app\.(.*)\.id\}$/, "$1")).sort();
    expect(sources).toEqual(senders);
    expect(senders).toEqual(environment(env).apps.filter((a) => a.sendsStatsd).map((a) => a.name).sort());
    expect(senders.length).toBeGreaterThan(0);
    for (const p of policies) {
      expect(p).toMatchObject({ port: "8125", protocol: "udp", destination_app: "${data.cloudfoundry_app.statsd-exporter.id}" });
    }
    for (const n of senders) expect(apps[n].environment.STATSD_HOST).toBe(`notify-statsd-exporter-${env}.apps.internal`);
  });

  test("the API apps carry no STATSD_HOST at all (2022 rendered the string 'None' by accident)", () => {
    expect(cfApp(env, "notify-api").environment).not.toHaveProperty("STATSD_HOST");
    expect(whileDeclared(env, "notify-api-sms-receipts")?.environment ?? {}).not.toHaveProperty("STATSD_HOST");
  });

  test("each service is bound to exactly the apps config binds it to, in place, and new apps start with the same bindings", () => {
    const resolved = environment(env);
    const declared = synth(env).resource.cloudfoundry_service_credential_binding;
    for (const service of new Set(resolved.apps.flatMap((a) => a.services))) {
      const apps = resolved.apps.filter((a) => a.services.includes(service)).map((a) => a.name);
      const listed = parseBindingsForEach(declared[service].for_each).declared;
      expect([service, listed]).toEqual([service, apps]);
      // Bound by the GUID the platform lists at plan time, never cloudfoundry_app.x.id (unknown on every app update).
      expect(declared[service].app).toBe("${local.live_app_ids[each.key]}");
      // Semantics row 18: made after their apps, and unmade after their apps are pushed (create_before_destroy), so an unbinding sticks.
      expect([service, declared[service].depends_on, declared[service].lifecycle]).toEqual([service, apps.map((a) => `cloudfoundry_app.${a}`), { create_before_destroy: true }]);
    }
    for (const app of resolved.apps) {
      const initial = [...String(cfApp(env, app.name).service_bindings).matchAll(/service_instance = "([^"]+)"/g)].map((m) => m[1]);
      expect([app.name, initial]).toEqual([app.name, [...app.services]]);
      expect(cfApp(env, app.name).service_bindings).toMatch(new RegExp(`^\\$\\{contains\\(keys\\(local\\.live_app_ids\\), "${app.name}"\\) \\? null : \\[`));
    }
  });

  test("queues are named and tagged with their consumers", () => {
    const q = synth(env).resource.aws_sqs_queue;
    for (const queue of environment(env).queues) {
      const consumers = [...queue.consumers, ...(queue.externalConsumer ? [queue.externalConsumer.app] : [])];
      expect([queue.name, q[queue.name].tags.consumers]).toEqual([queue.name, consumers.join(" ")]);
    }
  });

  test("NOTIFICATION_QUEUE_PREFIX on every app equals the prefix the queues are created with (another estate's, for an app that reads its queues)", () => {
    for (const a of environment(env).apps) {
      const expected = a.externalQueues ? a.env.NOTIFICATION_QUEUE_PREFIX : PREFIX[env];
      if (a.externalQueues) expect(a.externalQueues.sqsNames.every((n) => n.startsWith(expected))).toBe(true);
      expect([a.name, cfApp(env, a.name).environment.NOTIFICATION_QUEUE_PREFIX]).toEqual([a.name, expected]);
    }
  });

  test("requires cloudfoundry/cloudfoundry 1.16.0 and hashicorp/aws 5.100.0 exactly", () => {
    const rp = synth(env).terraform.required_providers;
    expect(rp.cloudfoundry).toEqual({ source: "registry.terraform.io/cloudfoundry/cloudfoundry", version: "1.16.0" });
    expect(rp.aws).toEqual({ source: "hashicorp/aws", version: "5.100.0" });
    expect(synth(env).provider.aws[0].region).toBe("eu-west-1");
  });

  test("the app artifact is a deploy input, not a literal", () => {
    for (const app of Object.values(synth(env).resource.cloudfoundry_app) as any[]) {
      expect(app.path).toBe("${var.app_artifact_path}");
      expect(app.source_code_hash).toBe("${var.app_artifact_sha256}");
    }
    expect(synth(env).variable).toHaveProperty("app_artifact_path");
    expect(synth(env).variable?.app_artifact_path).not.toHaveProperty("default");
  });
});

describe("instances during deploys", () => {
  test("production notify-api never deploys below 25, and keeps a higher live count", () => {
    const deployed = parseLiveInstances(cfApp("production", "notify-api").instances);
    expect(deployed?.app).toBe("notify-api");
    expect(deployed!.least).toBeGreaterThanOrEqual(25);
  });

  test.each(ENVS)("%s: every autoscaled app deploys at least the larger of its floor and its autoscaler minimum", (env) => {
    for (const app of environment(env).apps) {
      if (app.instances.mode !== "autoscaled") continue;
      const least = Math.max(effectiveFloor({ name: env }, app), app.instances.autoscaler.min);
      expect([app.name, parseLiveInstances(cfApp(env, app.name).instances)]).toEqual([app.name, { least, app: app.name }]);
    }
  });

  test.each(ENVS)("%s: every autoscaled app sets instances from the live count, never a bare literal", (env) => {
    const autoscaled = environment(env).apps.filter((a) => a.instances.mode === "autoscaled");
    expect(autoscaled.length).toBeGreaterThan(0);
    for (const { name } of autoscaled) {
      expect(cfApp(env, name).instances).toMatch(new RegExp(`^\\$\\{max\\(\\d+, lookup\\(local\\.live_instances, "${name}", 0\\)\\)\\}$`));
    }
  });

  test.each(ENVS)("%s: live counts come from cloudfoundry_apps, which tolerates an app that does not exist yet", (env) => {
    const s = synth(env);
    expect(s.data.cloudfoundry_apps.live.space).toBe("${data.cloudfoundry_space.space.id}");
    expect(s.data.cloudfoundry_apps.live).not.toHaveProperty("name");
    expect(s.locals?.live_instances).toContain('p.type == "web"');
  });
});
