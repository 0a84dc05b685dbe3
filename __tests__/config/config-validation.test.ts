import { problems } from "./problems";
import { copyOf } from "../config-copy";
import { canonicalSize, estate, resolveEstate, mib, type CfSize, type EstateConfig } from "../../config";
import { loadEstate } from "../../checks";
import { app, env } from "../checks/fixtures";
import { smallEstate } from "../fixtures/small-estate";

// Malformed config is rejected by the zod schema with the path of each field, all problems at once.
// On the small fixture estate (__tests__/fixtures/small-estate.ts), so that these do not move with the
// real one; the committed estate itself must simply be valid.

test("the committed estate is valid", () => {
  expect(resolveEstate().map((e) => e.name)).toEqual(["preview", "staging", "production"]);
});

test("memory must be a CF size: '4GB' is refused and the message names the app and field", () => {
  expect(problems((e) => (app(e, "sender").memory = "4GB"))).toEqual([
    'config/apps.ts: apps[sender].memory: must be megabytes or gigabytes, e.g. "512M", "2G" or "1.5G"; got "4GB"',
  ]);
});

test("negative or fractional instance figures are refused", () => {
  const found = problems((e) => {
    env(e, "production").scaling["notify-api"].deployFloor = -1;
    env(e, "staging").scaling["notify-api"].autoscaler.max = 25.5;
  });
  expect(found).toEqual([
    "config/staging.ts: environments[staging].scaling.notify-api.autoscaler.max: Expected integer, received float; got 25.5",
    "config/production.ts: environments[production].scaling.notify-api.deployFloor: Number must be greater than or equal to 0; got -1",
  ]);
});

test("a misspelled key is refused rather than ignored, with the nearest allowed key", () => {
  const found = problems((e) => (app(e, "notify-api").healthcheck = { type: "port" }));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(/^config\/apps\.ts: apps\[notify-api\]: unknown key "healthcheck"; did you mean "healthCheck"\? \(allowed: name, role, .*healthCheck.*\)$/);
});

test.each([
  ["an app", (e: any) => (app(e, "reporter").diskQuta = "1G"), 'config/apps.ts: apps[reporter]: unknown key "diskQuta"; did you mean "diskQuota"?'],
  ["an environment", (e: any) => (env(e, "production").queuPrefix = "live"), 'config/production.ts: environments[production]: unknown key "queuPrefix"; did you mean "queuePrefix"?'],
  ["a nested object", (e: any) => (app(e, "notify-api").database.poolSze = 3), 'config/apps.ts: apps[notify-api].database: unknown key "poolSze"; did you mean "poolSize"?'],
  ["a process, by its kind", (e: any) => (app(e, "sender").process.concurency = 3), 'config/apps.ts: apps[sender].process: unknown key "concurency"; did you mean "concurrency"?'],
])("a misspelt key in %s suggests the nearest valid one", (_where, change, expected) => {
  const found = problems(change);
  expect(found).toHaveLength(1);
  expect(found[0].startsWith(expected)).toBe(true);
});

test("a key nothing resembles gets no suggestion, only the allowed keys", () => {
  const [found] = problems((e) => (app(e, "notify-api").zzzzzzzz = 1));
  expect(found).toMatch(/unknown key "zzzzzzzz" \(allowed: /);
  expect(found).not.toContain("did you mean");
});

test("an empty app name is one error naming its position, the value and the rule: no follow-on errors", () => {
  expect(problems((e) => (e.apps[2].name = ""))).toEqual([
    'config/apps.ts: apps[#3].name: must be a Cloud Foundry app name: lower-case letters, digits and hyphens, starting with a letter (e.g. notify-api); got ""',
  ]);
});

test("a route host with a space names the value and the allowed pattern in words", () => {
  expect(problems((e) => (app(e, "notify-api").publicRoutes[0].host = "api x"))).toEqual([
    'config/apps.ts: apps[notify-api].publicRoutes[#1].host: must be a host name label: lower-case letters, digits and hyphens, no dots or spaces (e.g. api); got "api x"',
  ]);
});

test("a duplicate app name is one error, naming both positions and the fix", () => {
  expect(problems((e) => (e.apps[3].name = e.apps[2].name))).toEqual([
    'config/apps.ts: apps[sender].name: apps #3 and #4 are both named "sender": app names must be unique in a space; rename or delete one',
  ]);
});

test("an env value is never echoed in a message (it could be a credential)", () => {
  const found = problems((e) => (app(e, "notify-api").env = { "bad name": "postgres://u:hunter2@db/x" }));
  expect(found.length).toBeGreaterThan(0);
  for (const f of found) expect(f).not.toContain("hunter2");
});

test("an unknown environment is refused", () => {
  const found = problems((e) => e.environments.push({ ...env(e, "preview"), name: "prod" }));
  expect(found[0]).toMatch(/^config\/prod\.ts: environments\[prod\]\.name: Invalid enum value\. Expected 'preview' \| 'staging' \| 'production', received 'prod'$/);
});

test("an unknown queue in an app's -Q list is refused", () => {
  expect(problems((e) => (app(e, "sender").process.queues = ["send-tasks", "jobs-tasks"]))).toEqual([
    'config/apps.ts: apps[sender].process.queues[#2]: sender uses queue "jobs-tasks", which config/queues.ts does not declare; declare it or fix the name',
  ]);
});

test("a variable both set and unset is refused, with the reason it was unset", () => {
  const found = problems((e) => {
    app(e, "reporter").env = { CELERYD_MAX_TASKS_PER_CHILD: "1" };
    app(e, "reporter").unsetEnv = [{ name: "CELERYD_MAX_TASKS_PER_CHILD", reason: "Restarting children mid-report lost work (7ad0c4103)." }];
  });
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(/^config\/apps\.ts: apps\[reporter\]\.unsetEnv: reporter: CELERYD_MAX_TASKS_PER_CHILD is both set and declared unset \(Restarting/);
});

test("an autoscaled app without limits in an environment is refused", () => {
  expect(problems((e) => delete env(e, "staging").scaling.sender)).toEqual([
    'config/staging.ts: environments[staging].scaling: staging: autoscaled app sender has no autoscaler limits; add "sender": { autoscaler: { min, max } }, or give them in config/apps.ts (scaling: { mode: "autoscaled", autoscaler: { min, max } })',
  ]);
});

test("several problems are all reported together", () => {
  const found = problems((e) => {
    app(e, "notify-api").memory = "1GB";
    app(e, "notify-api").healthCheck = { type: "port", invocationTimeoutSeconds: 2.5 };
    app(e, "sender").secrets.push("CBC_PROXY_PASSWORD");
  });
  expect(found).toHaveLength(3);
});

test("a queue is retired only when declared drained", () => {
  const found = problems((e) => {
    e.queues = e.queues.filter((q: any) => q.name !== "scan-tasks");
    e.retired = [{ kind: "queue", name: "scan-tasks", reason: "Scanning moved to its own estate for good." }];
  });
  expect(found).toEqual([
    "config/retired.ts: retired[scan-tasks].drained: a queue is destroyed only when drained: true says its messages are gone (ApproximateNumberOfMessages 0 on the queue and its dead-letter queue in every environment); it is missing",
  ]);
});

test("nothing is retired while it is still declared", () => {
  expect(problems((e) => (e.retired = [{ kind: "app", name: "notify-api", reason: "Trying to retire an app that is still declared." }]))).toEqual([
    "config/retired.ts: retired[notify-api].name: app notify-api is retired and still declared; delete it from config/apps.ts or drop the retirement",
  ]);
});

test("sizes as Cloud Foundry reads them: 1.5G is accepted and set as 1536M; 1.3G is not whole megabytes", () => {
  const copy = smallEstate() as any;
  copy.defaults.memory = "1.5G";
  const resolved = resolveEstate(copy);
  expect(resolved[0].apps.find((a) => a.name === "reporter")!.memory).toBe("1536M");
  expect(problems((e) => (e.defaults.memory = "1.3G"))).toEqual(['config/defaults.ts: defaults.memory: must come to whole megabytes: 1.3G is 1331.2M; got "1.3G"']);
  expect(problems((e) => (e.defaults.memory = "0G"))).toEqual(['config/defaults.ts: defaults.memory: must be more than 0; got "0G"']);
  expect(problems((e) => (e.defaults.memory = "1.5M"))).toHaveLength(1);
});

test("one conversion: whole gigabytes stay G, the rest become M, and the figures agree", () => {
  expect(["512M", "1024M", "2G", "1.5G", "0.5G"].map((s) => canonicalSize(s as CfSize))).toEqual(["512M", "1G", "2G", "1536M", "512M"]);
  expect(mib("1.5G")).toBe(1536);
});

test("a fixed-count app takes its own count per environment, 0 included: celery beat stopped in preview only", async () => {
  const copy = smallEstate() as any;
  copy.environments.find((e: any) => e.name === "preview").scaling.beat = { count: 0 };
  const counts = (await loadEstate(copy)).environments.map((e) => [e.name, (e.apps.find((a) => a.name === "beat")!.instances as { count: number }).count]);
  expect(counts).toEqual([["preview", 0], ["staging", 1], ["production", 1]]);
  copy.environments.find((e: any) => e.name === "production").scaling.beat = { count: 0 };
  await expect(loadEstate(copy)).rejects.toThrow(/production\/beat: .*must run exactly 1 instance in production .*no acknowledgement in config can accept it/);
});

test("an environment's entry must match the app's mode: a count for a fixed app, limits for an autoscaled one", () => {
  expect(problems((e) => (env(e, "staging").scaling.beat = { autoscaler: { min: 1, max: 2 } }))).toEqual([
    "config/staging.ts: environments[staging].scaling.beat: staging: beat has a fixed instance count (1 in config/apps.ts); it takes no autoscaler limits or floor here, only its own count: { count: N }",
  ]);
  expect(problems((e) => (env(e, "staging").scaling["notify-api"] = { count: 3 }))).toEqual([
    'config/staging.ts: environments[staging].scaling: staging: autoscaled app notify-api has no autoscaler limits; add "notify-api": { autoscaler: { min, max } }, or give them in config/apps.ts (scaling: { mode: "autoscaled", autoscaler: { min, max } })',
    "config/staging.ts: environments[staging].scaling.notify-api.count: staging: notify-api is autoscaled; it takes autoscaler limits here ({ autoscaler: { min, max } }), not a fixed count",
  ]);
});

test("a value derived from the environment and app is a typed function, evaluated per environment", () => {
  const copy = smallEstate() as any;
  copy.defaults.env = { ...copy.defaults.env, NEW_RELIC_APP_NAME: ({ environment, app }: { environment: string; app: string }) => `${environment}.${app}` };
  const production = resolveEstate(copy).find((e) => e.name === "production")!;
  expect(production.apps.find((a) => a.name === "notify-api")!.env.NEW_RELIC_APP_NAME).toBe("production.notify-api");
  copy.defaults.env = { ...copy.defaults.env, BROKEN: () => 42 };
  // One line for the three environments, naming the file and field that hold the function.
  expect(problems(() => undefined, copy)).toEqual(["config/defaults.ts: defaults.env.BROKEN (evaluated first for notify-api): its function returned a number, not a string (in preview, staging, production)"]);
});

test("names config derives for safety cannot be set by hand, and the error says what drives them", () => {
  expect(problems((e) => (app(e, "notify-api").env = { ...(app(e, "notify-api").env ?? {}), NOTIFICATION_QUEUE_PREFIX: "preview" }))).toEqual([
    "config/apps.ts: apps[notify-api].env.NOTIFICATION_QUEUE_PREFIX: NOTIFICATION_QUEUE_PREFIX is derived by config (queuePrefix in config/<environment>.ts, the value that names the queues, so that apps and queues cannot disagree); it cannot be set by hand: change that instead",
  ]);
  expect(problems((e) => (e.defaults.env = { ...e.defaults.env, SQLALCHEMY_POOL_SIZE: "30" }))).toHaveLength(1);
});

test("values that differ in one environment sit next to the app: memory, services and env, that environment only", async () => {
  const copy = smallEstate() as any;
  const api = copy.apps.find((a: any) => a.name === "notify-api");
  api.byEnvironment = { preview: { memory: "512M", services: [...api.services, "notify-new-service"], env: { FEATURE_X: "on" } } };
  const [preview, staging] = (await loadEstate(copy)).environments;
  const inPreview = preview.apps.find((a) => a.name === "notify-api")!;
  const inStaging = staging.apps.find((a) => a.name === "notify-api")!;
  expect([inPreview.memory, inPreview.services.includes("notify-new-service"), inPreview.env.FEATURE_X]).toEqual(["512M", true, "on"]);
  expect([inStaging.memory === "512M", inStaging.services.includes("notify-new-service"), inStaging.env.FEATURE_X]).toEqual([false, false, undefined]);
  // the app's own env is kept, merged
  expect(inPreview.env.FLASK_APP).toBe(inStaging.env.FLASK_APP);
});

test("byEnvironment is validated like the rest: an unknown environment or field, a bad size, a derived name", () => {
  expect(problems((e) => (app(e, "notify-api").byEnvironment = { prod: { memory: "1G" } }))).toEqual([
    'config/apps.ts: apps[notify-api].byEnvironment: unknown key "prod"; did you mean "production"? (allowed: preview, staging, production)',
  ]);
  expect(problems((e) => (app(e, "notify-api").byEnvironment = { preview: { memory: "1.3G" } }))).toEqual([
    'config/apps.ts: apps[notify-api].byEnvironment.preview.memory: must come to whole megabytes: 1.3G is 1331.2M; got "1.3G"',
  ]);
  expect(problems((e) => (app(e, "notify-api").byEnvironment = { preview: { env: { NOTIFICATION_QUEUE_PREFIX: "x" } } }))[0]).toMatch(/NOTIFICATION_QUEUE_PREFIX is derived by config/);
});

describe("consumesFrom: queues of another estate", () => {
  const other = { estate: "notifications-template-preview", queuePrefix: { preview: "tp-preview-", staging: "tp-staging-", production: "tp-live-" }, reason: "Template preview reports each sanitised letter on its own queue." };

  test("its queues need not be declared here, and its prefix drives NOTIFICATION_QUEUE_PREFIX", () => {
    const copy = smallEstate() as any;
    Object.assign(app(copy, "reporter"), { consumesFrom: other });
    app(copy, "reporter").process.queues = ["letter-pdf-outcomes"];
    const production = resolveEstate(copy).find((e) => e.name === "production")!;
    const letters = production.apps.find((a) => a.name === "reporter")!;
    expect(letters.env.NOTIFICATION_QUEUE_PREFIX).toBe("tp-live-");
    expect(letters.externalQueues).toEqual({ estate: other.estate, reason: other.reason, sqsNames: ["tp-live-letter-pdf-outcomes"] });
    expect(production.queues.flatMap((q) => q.consumers)).not.toContain("reporter");
  });

  test("a prefix that gives one of this estate's own SQS names is refused; beat cannot consume", () => {
    expect(
      problems((e) => {
        // "production" + "report-tasks" is production's own productionreport-tasks.
        Object.assign(app(e, "reporter"), { consumesFrom: { ...other, queuePrefix: { ...other.queuePrefix, production: "production" } } });
        Object.assign(app(e, "beat"), { consumesFrom: other });
      }),
    ).toEqual([
      `config/apps.ts: apps[reporter].consumesFrom.queuePrefix.production: production: "production" + "report-tasks" is the SQS queue productionreport-tasks, which is this estate's own (production's report-tasks): list it in config/queues.ts instead, or fix the prefix`,
      "config/apps.ts: apps[beat].consumesFrom: beat is a celery-beat: only a celery worker consumes queues; remove consumesFrom",
    ]);
  });

  test("another estate's prefix that merely starts with this one's (live-ecs, live) is not a clash when no SQS name collides", () => {
    expect(
      problems((e) => {
        Object.assign(app(e, "reporter"), { consumesFrom: { ...other, queuePrefix: { preview: "preview-ecs-", staging: "staging-ecs-", production: "production-ecs-" } } });
        app(e, "reporter").process.queues = ["letter-pdf-outcomes"];
      }),
    ).toEqual([]);
    // The same prefix on a queue name that does collide (the dead-letter queue of this estate's send-tasks):
    expect(
      problems((e) => {
        Object.assign(app(e, "reporter"), { consumesFrom: { ...other, queuePrefix: { ...other.queuePrefix, staging: "staging" } } });
        app(e, "reporter").process.queues = ["send-tasks-dead-letter"];
      }),
    ).toEqual([expect.stringContaining('staging: "staging" + "send-tasks-dead-letter" is the SQS queue stagingsend-tasks-dead-letter')]);
  });

  test("every environment's prefix is required", () => {
    expect(problems((e) => Object.assign(app(e, "reporter"), { consumesFrom: { ...other, queuePrefix: { preview: "tp-preview-" } } }))).toEqual([
      expect.stringMatching(/^config\/apps.ts: apps\[reporter\]\.consumesFrom\.queuePrefix\.staging: /),
      expect.stringMatching(/^config\/apps.ts: apps\[reporter\]\.consumesFrom\.queuePrefix\.production: /),
    ]);
  });
});

test("config with derived values can be copied by tests and loads the same", () => {
  const copy = copyOf(estate) as any;
  copy.defaults = { ...copy.defaults, env: { ...copy.defaults.env, NEW_RELIC_APP_NAME: ({ environment, app: a }: { environment: string; app: string }) => `${environment}.${a}` } };
  const twice = copyOf(copy);
  expect(twice.defaults.env.NEW_RELIC_APP_NAME).toBe(copy.defaults.env.NEW_RELIC_APP_NAME);
  expect(twice.apps).not.toBe(copy.apps);
  expect(resolveEstate(twice).find((e) => e.name === "staging")!.apps[0].env.NEW_RELIC_APP_NAME).toBe(`staging.${twice.apps[0].name}`);
});

describe("platform limits (config/platform-limits.ts): names the platforms would refuse at apply time", () => {
  test("a 100-character app name is refused: its default route's host label would be 111 characters, over DNS's 63", () => {
    const long = "n".repeat(100);
    const found = problems((e) => Object.assign(app(e, "reporter"), { name: long, defaultRoute: true }));
    expect(found).toEqual([
      expect.stringMatching(
        new RegExp(`^config/apps\\.ts: apps\\[${long}\\]\\.name: its default route's host "${long}-production" \\(on apps\\.example\\) is 111 characters in production \\(too long in preview, staging, production\\): a route's host \\(one DNS label\\) may be at most 63 characters \\(RFC 1035.*; shorten the app name to at most 52 characters, or set defaultRoute: false$`),
      ),
    ]);
  });

  test("the longest name that fits passes; one more character is refused", () => {
    // 52 + "-production" = 63.
    expect(problems((e) => Object.assign(app(e, "reporter"), { name: "r".repeat(52), defaultRoute: true }))).toEqual([]);
    expect(problems((e) => Object.assign(app(e, "reporter"), { name: "r".repeat(53), defaultRoute: true }))).toEqual([expect.stringContaining("is 64 characters in production")]);
  });

  test("an internal route counts too, even with no default route", () => {
    const found = problems((e) => Object.assign(app(e, "reporter"), { name: "r".repeat(60), defaultRoute: false, internalRoute: true }));
    expect(found).toEqual([expect.stringContaining(`its internal route's host "${"r".repeat(60)}-production" (on apps.internal) is 71 characters`)]);
  });

  test("a public route's host over 63 characters, and a path over Cloud Controller's 128, are refused", () => {
    const found = problems((e) => (app(e, "notify-api").publicRoutes = [{ host: "h".repeat(64) }, { host: "api", path: `/${"p".repeat(128)}` }]));
    expect(found).toEqual([
      expect.stringMatching(/^config\/apps\.ts: apps\[notify-api\]\.publicRoutes\[#1\]\.host: host "h{64}" is 64 characters: a route's host \(one DNS label\) may be at most 63/),
      expect.stringMatching(/^config\/apps\.ts: apps\[notify-api\]\.publicRoutes\[#2\]\.path: path is 129 characters: a route's path may be at most 128 characters \(Cloud Controller/),
    ]);
  });

  test("a queue whose dead-letter queue name would pass SQS's 80 characters with the prefix is refused, once, with the environments", () => {
    const found = problems((e) => {
      // A queue another team's app consumes: no app of the fixture names it.
      e.queues.find((x: any) => x.name === "scan-tasks").name = "q".repeat(60);
    });
    expect(found).toEqual([expect.stringMatching(/^config\/queues\.ts: queues\[q{60}\]\.name: its dead-letter queue "productionq{60}-dead-letter" is 82 characters in production: an SQS queue name \(prefix, name and -dead-letter\) may be at most 80 characters \(Amazon SQS.*shorten the queue name to at most 58 characters$/)]);
  });

  test("environment variable names Cloud Controller refuses (PORT, VCAP_*, VMC*) are refused, as a variable or a secret", () => {
    const found = problems((e) => {
      app(e, "notify-api").env = { ...(app(e, "notify-api").env ?? {}), PORT: "8080", VCAP_EXTRA: "x" };
    });
    expect(found).toEqual([
      "config/apps.ts: apps[notify-api].env.PORT: Cloud Controller refuses PORT: the platform sets it for the process to listen on (cloudfoundry/cloud_controller_ng app/messages/validators.rb); use another name",
      "config/apps.ts: apps[notify-api].env.VCAP_EXTRA: Cloud Controller refuses names starting with VCAP_ (the platform's own) (cloudfoundry/cloud_controller_ng app/messages/validators.rb); use another name",
    ]);
  });

  test("an environment variable too large for a process to start with is refused without showing its value", () => {
    const found = problems((e) => (app(e, "notify-api").env = { ...(app(e, "notify-api").env ?? {}), HUGE: "x".repeat(140000) }));
    expect(found).toEqual([expect.stringMatching(/^config\/apps\.ts: apps\[notify-api\]\.env\.HUGE: HUGE=<value> is 140005 bytes: one environment variable \(NAME=value, in bytes\) may be at most 131072 \(Linux MAX_ARG_STRLEN/)]);
    expect(found[0]).not.toContain("xxxx");
  });

  test("every limit says where it comes from", async () => {
    const { PLATFORM_LIMITS } = await import("../../config/platform-limits");
    for (const limit of Object.values(PLATFORM_LIMITS)) expect(limit.source).toMatch(/RFC|Cloud Controller|Amazon SQS|Linux/);
  });
});

test("an env value of the wrong type says the type expected, never the value", () => {
  const found = problems((e) => (app(e, "notify-api").env = { ...(app(e, "notify-api").env ?? {}), A_NUMBER: 42, MISSING: undefined }));
  expect(found).toEqual([
    'config/apps.ts: apps[notify-api].env.A_NUMBER: must be a string (or a function of { environment, app } that returns one); got a number: quote it, e.g. "15" or "true"',
    "config/apps.ts: apps[notify-api].env.MISSING: must be a string (or a function of { environment, app } that returns one); got undefined: give it a value, or delete the key (list it in unsetEnv to keep it absent)",
  ]);
});

test("a queue prefix that leaves no room for any queue is one line, the prefix's, not one per queue", () => {
  const found = problems((e) => (env(e, "staging").queuePrefix = "s".repeat(70)));
  expect(found).toEqual([expect.stringMatching(/^config\/staging\.ts: environments\[staging\]\.queuePrefix: queue prefix "s{70}" leaves no room for any queue: even the shortest, "s{70}\S+-dead-letter", is \d+ characters; an SQS queue name/)]);
});

test("SSH is on by default (what CF gives an app nobody configured), off per environment where config says so; not a boolean is refused", () => {
  const copy = smallEstate() as any;
  env(copy, "preview").sshEnabled = false;
  const resolved = resolveEstate(copy as EstateConfig);
  expect(resolved.map((e) => [e.name, e.sshEnabled])).toEqual(resolved.map((e) => [e.name, e.name !== "preview"]));
  expect(problems((e) => (env(e, "staging").sshEnabled = "yes"))).toEqual([
    'config/staging.ts: environments[staging].sshEnabled: Expected boolean, received string; got "yes"',
  ]);
});
