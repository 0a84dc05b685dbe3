import { problems } from "./problems";
import { resolveEnvironment, resolveEstate, type EstateConfig } from "../../config";
import { DERIVED_ENV, DERIVED_VARIABLES } from "../../config/derived";
import { runChecks } from "../../checks";
import { secretGrants } from "../../checks/secret-grants";
import { statsdCoverage } from "../../checks/statsd-coverage";
import { app, env } from "../checks/fixtures";
import { smallEstate } from "../fixtures/small-estate";

// Derived variables are config: an app (or every app) renames one, gives a duration in another unit or
// drops one, without code; an autoscaled app is one declaration. On the small fixture estate.
function resolved(mutate: (e: any) => void, name: "preview" | "staging" | "production" = "production") {
  const copy = smallEstate() as any;
  mutate(copy);
  expect(problems(mutate)).toEqual([]);
  return resolveEnvironment(copy as EstateConfig, name);
}
const envOf = (e: ReturnType<typeof resolved>, name: string) => e.apps.find((a) => a.name === name)!.env;

test("by default each derived variable keeps its own name and seconds", () => {
  const e = resolved((c) => (app(c, "reporter").database.statementTimeoutSeconds = 90));
  expect(envOf(e, "reporter")).toMatchObject({ NOTIFY_APP_NAME: "delivery-worker-reporting", NOTIFICATION_QUEUE_PREFIX: "production", SQLALCHEMY_POOL_SIZE: "1", STATSD_HOST: "statsd-exporter-production.apps.internal", CELERYD_PREFETCH_MULTIPLIER: "1", SQLALCHEMY_STATEMENT_TIMEOUT: "90" });
  expect(e.apps.find((a) => a.name === "reporter")!.derivedEnv).toEqual({
    appName: "NOTIFY_APP_NAME",
    queuePrefix: "NOTIFICATION_QUEUE_PREFIX",
    poolSize: "SQLALCHEMY_POOL_SIZE",
    statsdHost: "STATSD_HOST",
    prefetchMultiplier: "CELERYD_PREFETCH_MULTIPLIER",
    statementTimeout: "SQLALCHEMY_STATEMENT_TIMEOUT",
  });
  expect(Object.keys(DERIVED_ENV)).toEqual(Object.values(DERIVED_VARIABLES).map((v) => v.name));
});

test("one app renames its statement timeout to DATABASE_STATEMENT_TIMEOUT_MS, in milliseconds: config only", () => {
  const e = resolved((c) => {
    app(c, "reporter").database.statementTimeoutSeconds = 90;
    app(c, "reporter").derivedEnv = { statementTimeout: { name: "DATABASE_STATEMENT_TIMEOUT_MS", unit: "ms" } };
  });
  expect(envOf(e, "reporter").DATABASE_STATEMENT_TIMEOUT_MS).toBe("90000");
  expect(envOf(e, "reporter").SQLALCHEMY_STATEMENT_TIMEOUT).toBeUndefined();
  // The setting the checks read is unchanged: seconds.
  expect(e.apps.find((a) => a.name === "reporter")!.database.statementTimeoutSeconds).toBe(90);
});

test("every app at once, from defaults; an app's own choice wins", () => {
  const e = resolved((c) => {
    c.defaults.derivedEnv = { poolSize: { name: "DATABASE_POOL_SIZE" } };
    app(c, "beat").derivedEnv = { poolSize: { name: "BEAT_POOL" } };
  });
  expect(e.apps.map((a) => [a.name, a.env.DATABASE_POOL_SIZE ?? a.env.BEAT_POOL, a.env.SQLALCHEMY_POOL_SIZE])).toEqual([
    ["notify-api", "5", undefined],
    ["receipts", "1", undefined],
    ["sender", "1", undefined],
    ["reporter", "1", undefined],
    ["beat", "1", undefined],
  ]);
});

test("dropping the prefetch variable: the start command still carries the figure", () => {
  const e = resolved((c) => (app(c, "sender").derivedEnv = { prefetchMultiplier: false }));
  const sender = e.apps.find((a) => a.name === "sender")!;
  expect(sender.env.CELERYD_PREFETCH_MULTIPLIER).toBeUndefined();
  expect(sender.derivedEnv.prefetchMultiplier).toBeNull();
  expect(sender.command).toContain("--prefetch-multiplier=1");
});

test.each([
  ["the queue prefix", "queuePrefix", "NOTIFICATION_QUEUE_PREFIX cannot be dropped: without it celery reads queues under no prefix, not this environment's; rename it instead ({ name: \"...\" })"],
  ["the app name", "appName", "NOTIFY_APP_NAME cannot be dropped: the launchers need it and name the app's log groups after it; rename it instead ({ name: \"...\" })"],
  ["the pool size", "poolSize", "SQLALCHEMY_POOL_SIZE cannot be dropped: the connection check counts database.poolSize; without the variable the app would use its own default; rename it instead ({ name: \"...\" })"],
  ["the statsd host", "statsdHost", "STATSD_HOST cannot be dropped: the network policy to the exporter would carry no metrics; set sendsStatsd: false instead; rename it instead ({ name: \"...\" })"],
])("dropping %s is refused, with why", (_what, key, message) => {
  expect(problems((c) => (app(c, "sender").derivedEnv = { [key]: false }))).toEqual([`config/apps.ts: apps[sender].derivedEnv.${key}: ${message}`]);
});

test("a statement timeout may be dropped only when the app sets none; from defaults the apps that need it are named", () => {
  expect(problems((c) => (app(c, "reporter").derivedEnv = { statementTimeout: false }))).toEqual([]);
  expect(problems((c) => {
    app(c, "reporter").database.statementTimeoutSeconds = 90;
    app(c, "reporter").derivedEnv = { statementTimeout: false };
  })).toEqual([
    "config/apps.ts: apps[reporter].derivedEnv.statementTimeout: SQLALCHEMY_STATEMENT_TIMEOUT cannot be dropped: database.statementTimeoutSeconds is 90, which the app would not see; remove that setting to use the app's own default; rename it instead ({ name: \"...\" })",
  ]);
  expect(problems((c) => {
    app(c, "reporter").database.statementTimeoutSeconds = 90;
    c.defaults.derivedEnv = { statementTimeout: false };
  })).toEqual([
    "config/defaults.ts: defaults.derivedEnv.statementTimeout: SQLALCHEMY_STATEMENT_TIMEOUT cannot be dropped (reporter): database.statementTimeoutSeconds is 90, which the app would not see; remove that setting to use the app's own default; rename it instead ({ name: \"...\" })",
  ]);
  // An app that keeps it under its own choice is not one of those defaults drop it for.
  expect(problems((c) => {
    app(c, "reporter").database.statementTimeoutSeconds = 90;
    app(c, "reporter").derivedEnv = { statementTimeout: { name: "DB_TIMEOUT" } };
    c.defaults.derivedEnv = { statementTimeout: false };
  })).toEqual([]);
});

test("a unit is for durations only; an unknown variable suggests the nearest", () => {
  expect(problems((c) => (app(c, "sender").derivedEnv = { poolSize: { unit: "ms" } }))).toEqual([
    "config/apps.ts: apps[sender].derivedEnv.poolSize.unit: SQLALCHEMY_POOL_SIZE is not a duration (database.poolSize in config/apps.ts, which the connection check counts): it takes no unit; remove unit",
  ]);
  expect(problems((c) => (app(c, "sender").derivedEnv = { statementTimeout: { unit: "minutes" } }))[0]).toMatch(/^config\/apps\.ts: apps\[sender\]\.derivedEnv\.statementTimeout/);
  expect(problems((c) => (app(c, "sender").derivedEnv = { statementTimout: { name: "X_TIMEOUT" } }))[0]).toMatch(/unknown key "statementTimout"; did you mean "statementTimeout"\?/);
});

test("a derived name, old or new, cannot be set by hand", () => {
  expect(problems((c) => {
    app(c, "reporter").derivedEnv = { statementTimeout: { name: "DATABASE_STATEMENT_TIMEOUT_MS", unit: "ms" } };
    app(c, "reporter").env = { DATABASE_STATEMENT_TIMEOUT_MS: "5", SQLALCHEMY_STATEMENT_TIMEOUT: "5" };
    app(c, "sender").env = { NOTIFICATION_QUEUE_PREFIX: "x" };
    c.defaults.env.SQLALCHEMY_POOL_SIZE = "3";
  })).toEqual([
    "config/defaults.ts: defaults.env.SQLALCHEMY_POOL_SIZE: SQLALCHEMY_POOL_SIZE is derived by config (database.poolSize in config/apps.ts, which the connection check counts); it cannot be set by hand: change that instead",
    "config/apps.ts: apps[sender].env.NOTIFICATION_QUEUE_PREFIX: NOTIFICATION_QUEUE_PREFIX is derived by config (queuePrefix in config/<environment>.ts, the value that names the queues, so that apps and queues cannot disagree); it cannot be set by hand: change that instead",
    "config/apps.ts: apps[reporter].env.DATABASE_STATEMENT_TIMEOUT_MS: DATABASE_STATEMENT_TIMEOUT_MS is derived by config (database.statementTimeoutSeconds in config/apps.ts); it cannot be set by hand: change that instead",
    "config/apps.ts: apps[reporter].env.SQLALCHEMY_STATEMENT_TIMEOUT: SQLALCHEMY_STATEMENT_TIMEOUT is derived by config (database.statementTimeoutSeconds in config/apps.ts); it cannot be set by hand: change that instead",
  ]);
});

test.each([
  ["another derived variable's name", (c: any) => (app(c, "sender").derivedEnv = { statementTimeout: { name: "SQLALCHEMY_POOL_SIZE" } }), "sender: SQLALCHEMY_STATEMENT_TIMEOUT renamed SQLALCHEMY_POOL_SIZE, which SQLALCHEMY_POOL_SIZE is named too; give each its own name"],
  ["the name two variables are renamed to", (c: any) => (app(c, "sender").derivedEnv = { poolSize: { name: "DB_X" }, statementTimeout: { name: "DB_X" } }), "sender: SQLALCHEMY_STATEMENT_TIMEOUT renamed DB_X, which SQLALCHEMY_POOL_SIZE is named too; give each its own name"],
  ["a secret's", (c: any) => (app(c, "sender").derivedEnv = { poolSize: { name: "PROVIDER_API_KEY" } }), "sender: SQLALCHEMY_POOL_SIZE renamed PROVIDER_API_KEY, which is a secret the app receives (config/secrets.ts); choose another name or remove that one"],
  ["a variable of every app", (c: any) => (app(c, "sender").derivedEnv = { poolSize: { name: "FLASK_APP" } }), "sender: SQLALCHEMY_POOL_SIZE renamed FLASK_APP, which is config/defaults.ts env; choose another name or remove that one"],
  ["one declared unset", (c: any) => (app(c, "sender").derivedEnv = { poolSize: { name: "OLD_SETTING" } }), "sender: SQLALCHEMY_POOL_SIZE renamed OLD_SETTING, which is declared unset (Removed from the app's code; a stale copy would mislead.); choose another name or remove that one"],
  ["a name Cloud Controller refuses", (c: any) => (app(c, "sender").derivedEnv = { poolSize: { name: "VCAP_POOL" } }), "sender: SQLALCHEMY_POOL_SIZE renamed VCAP_POOL: Cloud Controller refuses names starting with VCAP_ (the platform's own); choose another name"],
])("a new name that is %s is refused, once", (_what, change, message) => {
  const found = problems(change);
  expect(found).toHaveLength(1);
  expect(found[0].endsWith(message)).toBe(true);
});

test("a renamed statsd host is what the statsd check reads", () => {
  const copy = smallEstate() as any;
  app(copy, "sender").derivedEnv = { statsdHost: { name: "METRICS_HOST" } };
  const envs = resolveEstate(copy as EstateConfig);
  expect(statsdCoverage.run(envs)).toEqual([]);
  expect(envs[0].apps.find((a) => a.name === "sender")!.env.METRICS_HOST).toBe("statsd-exporter-preview.apps.internal");
  // The same app with the host overridden by hand under its new name is caught under that name.
  const sender = envs[0].apps.find((a) => a.name === "sender")! as any;
  sender.env = { ...sender.env, METRICS_HOST: "None" };
  expect(statsdCoverage.run([envs[0]]).map((v) => v.message)).toEqual([
    'sender has a policy to statsd-exporter but METRICS_HOST is "None", not "statsd-exporter-preview.apps.internal"; remove the override in config/apps.ts',
  ]);
});

describe("an autoscaled app is one declaration", () => {
  const NEW = (c: any, autoscaler: unknown) =>
    c.apps.push({ ...app(c, "sender"), name: "exporter-worker", notifyAppName: "delivery-worker-exports", process: { kind: "celery-worker", concurrency: 1, queues: ["send-tasks"] }, secrets: [], scaling: { mode: "autoscaled", autoscaler } });

  test("limits for every environment in config/apps.ts, none in the environments' files", () => {
    const copy = smallEstate() as any;
    NEW(copy, { min: 1, max: 3 });
    const envs = resolveEstate(copy as EstateConfig);
    expect(envs.map((e) => e.apps.find((a) => a.name === "exporter-worker")!.instances)).toEqual([
      { mode: "autoscaled", deployFloor: 1, autoscaler: { min: 1, max: 3 } },
      { mode: "autoscaled", deployFloor: 1, autoscaler: { min: 1, max: 3 } },
      { mode: "autoscaled", deployFloor: 1, autoscaler: { min: 1, max: 3 } },
    ]);
    expect(runChecks(envs).violations).toEqual([]);
  });

  test("by environment; an environment's own entry wins", () => {
    const copy = smallEstate() as any;
    NEW(copy, { preview: { min: 1, max: 1 }, staging: { min: 1, max: 2 }, production: { min: 2, max: 4 } });
    env(copy, "production").scaling["exporter-worker"] = { deployFloor: 2, autoscaler: { min: 2, max: 6 } };
    const envs = resolveEstate(copy as EstateConfig);
    expect(envs.map((e) => e.apps.find((a) => a.name === "exporter-worker")!.instances)).toEqual([
      { mode: "autoscaled", deployFloor: 1, autoscaler: { min: 1, max: 1 } },
      { mode: "autoscaled", deployFloor: 1, autoscaler: { min: 1, max: 2 } },
      { mode: "autoscaled", deployFloor: 2, autoscaler: { min: 2, max: 6 } },
    ]);
  });

  test("an environment left out, or a minimum above the maximum, is refused once", () => {
    expect(problems((c) => NEW(c, { preview: { min: 1, max: 1 }, production: { min: 2, max: 4 } }))).toEqual([
      'config/staging.ts: environments[staging].scaling: staging: autoscaled app exporter-worker has no autoscaler limits; add "exporter-worker": { autoscaler: { min, max } }, or give them in config/apps.ts (scaling: { mode: "autoscaled", autoscaler: { min, max } })',
    ]);
    expect(problems((c) => NEW(c, { min: 3, max: 2 }))).toEqual(["config/apps.ts: apps[exporter-worker].scaling.autoscaler: exporter-worker (every environment): autoscaler min 3 exceeds max 2"]);
    expect(problems((c) => NEW(c, { preview: { min: 1, max: 1 }, staging: { min: 3, max: 2 }, production: { min: 1, max: 1 } }))).toEqual([
      "config/apps.ts: apps[exporter-worker].scaling.autoscaler.staging: exporter-worker (staging): autoscaler min 3 exceeds max 2",
    ]);
  });

  test("a secret allowed to a role reaches a new app of that role, and no app of another", () => {
    const copy = smallEstate() as any;
    NEW(copy, { min: 1, max: 1 });
    copy.secrets.find((s: any) => s.name === "PROVIDER_API_KEY").allowedRoles = ["worker"];
    app(copy, "exporter-worker").secrets = ["PROVIDER_API_KEY"];
    app(copy, "beat").secrets = ["PROVIDER_API_KEY"];
    const envs = resolveEstate(copy as EstateConfig);
    expect(secretGrants.run(envs).map((v) => `${v.environment}/${v.subject}`)).toEqual(["preview/beat", "staging/beat", "production/beat"]);
  });
});

test("edges: a drop from defaults names every app that needs it; a choice left undefined or for an unknown variable breaks nothing", () => {
  expect(problems((c) => (c.defaults.derivedEnv = { poolSize: false }))).toEqual([
    'config/defaults.ts: defaults.derivedEnv.poolSize: SQLALCHEMY_POOL_SIZE cannot be dropped (notify-api, receipts, sender, reporter, beat): the connection check counts database.poolSize; without the variable the app would use its own default; rename it instead ({ name: "..." })',
  ]);
  expect(problems((c) => (app(c, "sender").derivedEnv = { poolSize: undefined }))).toEqual([]);
  expect(problems((c) => (app(c, "sender").derivedEnv = { statementTimout: false }))).toHaveLength(1);
  // A dropped variable leaves no variable behind, under any name.
  const sender = resolved((c) => (app(c, "sender").derivedEnv = { prefetchMultiplier: false })).apps.find((a) => a.name === "sender")!;
  expect(Object.keys(sender.env).filter((k) => !/^[A-Z][A-Z0-9_]*$/.test(k))).toEqual([]);
});

test("a derived name set by hand in one environment's values is refused there", () => {
  expect(problems((c) => (app(c, "sender").byEnvironment = { staging: { env: { SQLALCHEMY_POOL_SIZE: "3" } } }))).toEqual([
    "config/apps.ts: apps[sender].byEnvironment.staging.env.SQLALCHEMY_POOL_SIZE: SQLALCHEMY_POOL_SIZE is derived by config (database.poolSize in config/apps.ts, which the connection check counts); it cannot be set by hand: change that instead",
  ]);
});

test("a rename for every app that clashes is reported where it was written, for each app it clashes on", () => {
  expect(problems((c) => (c.defaults.derivedEnv = { poolSize: { name: "FLASK_APP" } }))).toEqual([
    "config/defaults.ts: defaults.derivedEnv.poolSize.name: notify-api, receipts, sender, reporter, beat: SQLALCHEMY_POOL_SIZE renamed FLASK_APP, which is config/defaults.ts env; choose another name or remove that one",
  ]);
  // Only the apps it clashes on: the sender's own secret.
  expect(problems((c) => (c.defaults.derivedEnv = { poolSize: { name: "PROVIDER_API_KEY" } }))).toEqual([
    "config/defaults.ts: defaults.derivedEnv.poolSize.name: sender: SQLALCHEMY_POOL_SIZE renamed PROVIDER_API_KEY, which is a secret the app receives (config/secrets.ts); choose another name or remove that one",
  ]);
  // An app's own rename that clashes is its own.
  expect(problems((c) => {
    c.defaults.derivedEnv = { poolSize: { name: "DB_POOL" } };
    app(c, "sender").derivedEnv = { statementTimeout: { name: "DB_POOL" } };
  })).toEqual(["config/apps.ts: apps[sender].derivedEnv.statementTimeout.name: sender: SQLALCHEMY_STATEMENT_TIMEOUT renamed DB_POOL, which SQLALCHEMY_POOL_SIZE is named too; give each its own name"]);
});

test("a worker's prefetch is derived; a web app has none", () => {
  const e = resolved(() => undefined);
  expect(e.apps.map((a) => [a.name, a.env.CELERYD_PREFETCH_MULTIPLIER])).toEqual([
    ["notify-api", undefined],
    ["receipts", undefined],
    ["sender", "1"],
    ["reporter", "1"],
    ["beat", undefined],
  ]);
});
