import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { estate } from "../../config";
import { livePlatformFile } from "../../offline/harness";
import { CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS as CONFIG_CC_DEFAULT } from "../../config/foundations";
import { CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS, liveSeed, platformText, readUpstream, UPSTREAM_DIR, UPSTREAM_FILES } from "../../offline/live-seed";
import { madeUpCredential } from "../../offline/made-up";

// The live platforms come from the upstream record (offline/platforms/upstream/), never from config:
// a rehearsal of the first deploy on them shows what the first real deploy will change, not config
// agreeing with itself.
const ROOT = path.join(__dirname, "..", "..");
const ENVS = ["preview", "staging", "production"] as const;
const record = readUpstream(ROOT);
const seed = (env: string) => liveSeed(env, record);
const appsOf = (env: string) => Object.values(seed(env).resources.cloudfoundry_app);
const app = (env: string, name: string) => appsOf(env).find((a) => a.name === name)!;

/**
 * The project files a module loads when it runs, transitively: relative imports and re-exports,
 * without those that import only types (erased at compile time).
 */
function runtimeImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.ES2022, true);
    for (const node of source.statements) {
      let spec: string | undefined;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const typeOnly =
          clause?.isTypeOnly ||
          (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((e) => e.isTypeOnly));
        if (!typeOnly) spec = (node.moduleSpecifier as ts.StringLiteral).text;
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
        spec = (node.moduleSpecifier as ts.StringLiteral).text;
      }
      if (spec?.startsWith(".")) follow(file, spec);
    }
    // require() and import() anywhere in the file load at run time too.
    for (const m of source.text.matchAll(/\b(?:require|import)\(\s*["'](\.[^"']*)["']\s*\)/g)) follow(file, m[1]);
  };
  const follow = (from: string, spec: string) => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    visit(fs.existsSync(path.join(ROOT, `${base}.ts`)) ? `${base}.ts` : `${base}/index.ts`);
  };
  visit(entry);
  return seen;
}

test("the builder loads nothing from config/ (so no config change can change a seed)", () => {
  const reached = [...runtimeImports("offline/live-seed.ts")];
  expect(reached.filter((f) => f.startsWith("config/"))).toEqual([]);
  // The walk follows imports: the bootstrap platform, which is derived from config, reaches it.
  expect([...runtimeImports("offline/bootstrap.ts")]).toEqual(expect.arrayContaining(["config/identities.ts"]));
});

test("changing config in this process changes no seed", () => {
  const before = ENVS.map((env) => platformText(seed(env)));
  const saved = JSON.stringify(estate);
  const config = estate as any;
  const { org, memory } = config.defaults;
  const firstApp = { ...config.apps[0] };
  try {
    config.defaults.org = "another-org";
    config.defaults.memory = "8G";
    config.defaults.startupTimeoutSeconds = 900;
    config.apps[0] = { ...firstApp, name: "renamed-app", healthCheck: { type: "process", invocationTimeoutSeconds: 9 } };
    expect(ENVS.map((env) => platformText(liveSeed(env, readUpstream(ROOT))))).toEqual(before);
  } finally {
    Object.assign(config.defaults, { org, memory });
    delete config.defaults.startupTimeoutSeconds;
    config.apps[0] = firstApp;
  }
  expect(JSON.stringify(estate)).toBe(saved);
});

test.each(ENVS)("the committed %s platform is what the builder makes of the upstream record (npm run rehearse -- <env> --reseed)", (env) => {
  expect(fs.readFileSync(livePlatformFile(ROOT, env), "utf8")).toBe(platformText(seed(env)));
  expect(seed(env).description).toContain("alphagov/notifications-api 2d6ee2eb728d7e69a8e404ab9cf1049c17e93055");
});

test("the manifests are the team's reference record, byte for byte, and the README names its hash and commits", () => {
  const bytes = fs.readFileSync(path.join(ROOT, UPSTREAM_DIR, UPSTREAM_FILES.manifests));
  const sha = createHash("sha256").update(bytes).digest("hex");
  const readme = fs.readFileSync(path.join(ROOT, UPSTREAM_DIR, "README.md"), "utf8");
  expect(readme).toContain(sha);
  expect(readme).toContain(record.facts.source.commit);
  expect(readme).toContain(record.autoscaler.source.commit);
  expect(Object.keys(record.manifests)).toHaveLength(51);
});

describe("apps as Cloud Controller holds them after the Makefile's cf push", () => {
  test("sizes in CC's megabytes; no timeout and no command of CC's own; env values as strings", () => {
    const sender = app("production", "notify-delivery-worker-sender");
    expect([sender.memory, sender.disk_quota]).toEqual(["4096M", "2048M"]);
    expect(app("production", "notify-delivery-celery-beat").memory).toBe("512M");
    for (const env of ENVS) for (const a of appsOf(env)) expect([a.name, a.timeout, a.command]).toEqual([a.name, null, null]);
    expect(app("production", "notify-api").environment).toMatchObject({ SQLALCHEMY_POOL_SIZE: "15", STATSD_HOST: "None" });
    expect(app("production", "notify-delivery-worker-reporting").environment).toMatchObject({ CELERYD_PREFETCH_MULTIPLIER: "1", SQLALCHEMY_STATEMENT_TIMEOUT: "7200" });
  });

  test("the manifest's health-check invocation timeout is kept for every check type (1 s on process checks, 3 s on the API's port checks)", () => {
    for (const env of ENVS) {
      for (const a of appsOf(env)) {
        expect([a.name, a.health_check_type, a.health_check_invocation_timeout]).toEqual(
          a.health_check_type === "port" ? [a.name, "port", 3] : [a.name, "process", 1],
        );
      }
    }
  });

  test("the app pushed with --no-route has no route; every other app has its manifest's routes, the default one included", () => {
    const routes = Object.values(seed("production").resources.cloudfoundry_route);
    const migration = app("production", "notify-api-db-migration");
    expect(migration.routes).toBeNull();
    expect(routes.filter((r) => (r.destinations as any[])[0].app_id === migration.id)).toEqual([]);
    expect(routes.map((r) => r.url).sort()).toEqual(
      expect.arrayContaining(["api.notifications.service.gov.uk", "api.notifications.service.gov.uk/notifications/sms/mmg", "notify-delivery-worker-sender-production.cloudapps.digital"]),
    );
    const api = routes.find((r) => r.url === "api.notifications.service.gov.uk/notifications/sms/firetext")!;
    expect([api.host, api.path, api.domain]).toEqual(["api", "/notifications/sms/firetext", seed("production").cf.domains["notifications.service.gov.uk"]]);
    expect(routes).toHaveLength(19);
  });

  test("instances: an autoscaled app at its autoscaler minimum, else the manifest's count, else CC's 1", () => {
    expect(app("production", "notify-api").instances).toBe(35);
    expect(app("production", "notify-delivery-worker-sender").instances).toBe(18);
    expect(app("production", "notify-api-db-migration").instances).toBe(0);
    expect(app("production", "notify-delivery-celery-beat").instances).toBe(1);
    expect(app("staging", "notify-api").instances).toBe(4);
  });

  test("credentials run with the value bootstrapping puts in their SSM parameter; the queue prefix is the autoscaler's", () => {
    const env = app("production", "notify-delivery-worker-jobs").environment as Record<string, string>;
    expect(env.SECRET_KEY).toBe(madeUpCredential("SECRET_KEY"));
    expect(env.INTERNAL_CLIENT_API_KEYS).toBe(madeUpCredential("INTERNAL_CLIENT_API_KEYS"));
    expect(env.NOTIFICATION_QUEUE_PREFIX).toBe("live");
    expect(app("preview", "notify-api").environment).toMatchObject({ NOTIFICATION_QUEUE_PREFIX: "preview" });
  });

  test("every service the manifest lists is bound", () => {
    const p = seed("production");
    const bindings = Object.values(p.resources.cloudfoundry_service_credential_binding);
    expect(bindings).toHaveLength(appsOf("production").reduce((n, a) => n + (a.service_bindings as unknown[]).length, 0));
    const api = app("production", "notify-api");
    expect(bindings.filter((b) => b.app === api.id).map((b) => b.service_instance).sort()).toEqual(
      ["logit-ssl-syslog-drain", "notify-db", "notify-prometheus", "notify-splunk"].map((s) => p.cf.serviceInstances[s].id).sort(),
    );
  });
});

test("queues as kombu created them: every QueueNames queue and every consumed one, prefixed, with only the visibility timeout set", () => {
  const queues = Object.values(seed("production").resources.aws_sqs_queue);
  expect(queues).toHaveLength(23);
  expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(["livesend-sms-tasks", "liveses-callbacks", "livegovuk-alerts"]));
  for (const q of queues) expect([q.visibility_timeout_seconds, q.redrive_policy, q.policy, q.tags]).toEqual([310, null, null, null]);
});

test("the foundation's maximum health-check timeout is Cloud Controller's default, the figure the stand-in enforces and config holds", () => {
  expect((seed("production").cf as any).maximumHealthCheckTimeoutSeconds).toBe(CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS);
  expect(CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS).toBe(CONFIG_CC_DEFAULT);
});

describe("a record the builder does not understand is refused, naming the file and what is wrong", () => {
  const copy = (mutate: (dir: string) => void) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "live-seed-"));
    fs.cpSync(path.join(ROOT, UPSTREAM_DIR), path.join(root, UPSTREAM_DIR), { recursive: true });
    mutate(path.join(root, UPSTREAM_DIR));
    return root;
  };
  const edit = (dir: string, file: string, change: (j: any) => void) => {
    const j = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    change(j);
    fs.writeFileSync(path.join(dir, file), JSON.stringify(j));
  };

  test("a manifest key it does not model (a `timeout` would be held by CC)", () => {
    const root = copy((d) => edit(d, UPSTREAM_FILES.manifests, (j) => (j["production/notify-api"].timeout = 60)));
    try {
      expect(() => readUpstream(root)).toThrow(/manifests-2022\.json is not the upstream record this builder understands: production\/notify-api: Unrecognized key\(s\) in object: 'timeout'/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test("the manifests and the facts disagree on which app the Makefile pushes with --no-route", () => {
    const root = copy((d) => edit(d, UPSTREAM_FILES.facts, (j) => (j.noRoute.apps = [])));
    try {
      expect(() => readUpstream(root)).toThrow(/the manifests push notify-api-db-migration with --no-route, notifications-api-2022\.json says none: correct the one that differs from the Makefile/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test("a missing file, and an environment the record does not have", () => {
    const root = copy((d) => fs.rmSync(path.join(d, UPSTREAM_FILES.autoscaler)));
    try {
      expect(() => readUpstream(root)).toThrow(/cannot read the upstream record .*autoscaler-2022\.json/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(() => liveSeed("sandbox", record)).toThrow("the upstream record has no manifests for sandbox (it has preview, staging, production)");
  });
});
