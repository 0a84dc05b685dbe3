import { copyOf } from "../config-copy";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { canonicalSize, estate, resolveEstate, mib, type CfSize, type EstateConfig } from "../../config";
import { runChecks } from "../../checks";
import { buildApp } from "../../stacks/build";
import { diffStack, type StackJson } from "../../review/diff";
import { envBindingOrder } from "../../checks/env-binding-order";
import { wiringOf } from "../../review/wiring";
import { app } from "../checks/fixtures";
import { precondition, synthDir } from "../helpers";

// The team's everyday changes, each applied to a copy of config as a few lines, with what the
// reviewer sees in the offline diff and what the guardrails say. Assertions name the lines that matter
// (and that nothing is destroyed or replaced), not every line, so that unrelated changes leave these
// green.
type Mutable = { -readonly [K in keyof EstateConfig]: any };
const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-changes-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function apply(name: string, change: (c: Mutable) => void) {
  const config = copyOf(estate) as unknown as Mutable;
  change(config);
  const environments = resolveEstate(config as EstateConfig);
  const out = path.join(work, name);
  buildApp(out, environments).synth();
  const read = (dir: string, env: string) => JSON.parse(fs.readFileSync(path.join(dir, "stacks", env, "cdk.tf.json"), "utf8")) as StackJson;
  const diff = Object.fromEntries(environments.map((e) => [e.name, diffStack(read(synthDir(), e.name), read(out, e.name))]));
  const wiring = Object.fromEntries(environments.map((e) => [e.name, wiringOf(read(out, e.name))]));
  return { diff, wiring, checks: runChecks(environments), environments };
}
/** A diff's lines without the count of apps that restart (a summary line the diff puts before them). */
const withoutRestarts = (lines: string[]) => lines.filter((l) => !/^\d+ apps restart /.test(l));
const noDestruction = (lines: string[]) => expect(lines.filter((l) => /DESTROY|REPLACE|RETIRED/.test(l))).toEqual([]);
// Apps and queues are chosen by what they are, not by today's names, so that these tests survive the
// estate changing: a fixed-count celery worker to copy, the beat, an autoscaled worker, a queue read
// by exactly one app that reads nothing else.
const ESTATE = estate as unknown as Mutable;
// Each is looked up without throwing, so that the suite always loads; a test that needs one that config
// no longer has fails on its own, saying so (precondition).
const TEMPLATE_WORKER_FOUND: string | undefined = ESTATE.apps.find((a: any) => a.process.kind === "celery-worker" && a.role === "worker")?.name;
const BEAT_FOUND: string | undefined = ESTATE.apps.find((a: any) => a.process.kind === "celery-beat")?.name;
const AUTOSCALED_WORKER_FOUND: string | undefined = ESTATE.apps.find((a: any) => a.role === "worker" && a.scaling.mode === "autoscaled")?.name;
const TEMPLATE_WORKER = () => precondition("a celery worker", TEMPLATE_WORKER_FOUND, "copy another app for this change");
const BEAT = () => precondition("a celery beat", BEAT_FOUND, "rehearse stopping another fixed-count app");
const AUTOSCALED_WORKER = () => precondition("an autoscaled worker", AUTOSCALED_WORKER_FOUND, "rehearse the change on another app");
/** A name config does not use yet, so that the test still adds something new after the change lands. */
const fresh = (base: string, used: readonly string[], separator = base.includes("-") ? "-" : "_") => {
  let name = base;
  for (let i = 2; used.includes(name); i++) name = `${base}${separator}${i}`;
  return name;
};
const NEW_QUEUE = fresh("export-tasks", ESTATE.queues.map((q: any) => q.name));
const NEW_WORKER = fresh("notify-delivery-worker-exports", ESTATE.apps.map((a: any) => a.name));
const SOLE_FOUND: { app: string; queue: string } | undefined = (() => {
  for (const a of ESTATE.apps) {
    const qs: string[] = a.process.queues ?? [];
    const onlyReader = qs.length === 1 && ESTATE.apps.filter((b: any) => (b.process.queues ?? []).includes(qs[0])).length === 1;
    const published = ESTATE.apps.some((b: any) => (b.process.publishesTo ?? []).includes(qs[0]));
    if (onlyReader && !published) return { app: a.name, queue: qs[0] };
  }
  return undefined;
})();
/** Gives `to` every secret `from` is allowed, as a copy of an app needs. */
const allowLike = (c: Mutable, from: string, to: string) => {
  for (const s of c.secrets.filter((s: any) => Array.isArray(s.allowedApps) && s.allowedApps.includes(from))) s.allowedApps = [...s.allowedApps, to];
};

test("add a queue with its worker: the queue, its dead-letter queue, the app, its route and bindings appear; nothing else moves", () => {
  const { diff, checks } = apply("add-queue-and-worker", (c) => {
    c.queues.push({ name: NEW_QUEUE });
    c.apps.push({ ...app(c, TEMPLATE_WORKER()), name: NEW_WORKER, notifyAppName: "delivery-worker-exports", process: { kind: "celery-worker", concurrency: 2, queues: [NEW_QUEUE] }, scaling: { mode: "fixed", count: 1 } });
    allowLike(c, TEMPLATE_WORKER(), NEW_WORKER);
  });
  for (const [env, lines] of Object.entries(diff)) {
    expect(lines).toEqual(
      expect.arrayContaining([`app + ${NEW_WORKER} (new app)`, `queue + ${NEW_QUEUE}`, `queue + ${NEW_QUEUE}-dead-letter`, `route + ${NEW_WORKER}-${env}.${ESTATE.defaults.sharedAppsDomain} -> ${NEW_WORKER}`]),
    );
    noDestruction(lines);
  }
  expect(checks.violations).toEqual([]);
});

test("remove a queue and its worker: both are forgotten, never destroyed, and the worker keeps its bindings", () => {
  const SOLE = precondition("a queue read by exactly one app that reads nothing else", SOLE_FOUND, "rehearse removing another worker with its queue");
  const { diff, checks } = apply("remove-queue-and-worker", (c) => {
    c.apps = c.apps.filter((a: any) => a.name !== SOLE.app);
    c.queues = c.queues.filter((q: any) => q.name !== SOLE.queue);
    for (const s of c.secrets.filter((s: any) => Array.isArray(s.allowedApps))) s.allowedApps = s.allowedApps.filter((a: string) => a !== SOLE.app);
    for (const e of c.environments) delete e.scaling[SOLE.app];
  });
  for (const lines of Object.values(diff)) {
    expect(lines).toEqual(expect.arrayContaining([`app - ${SOLE.app} (forgotten: it keeps running, no longer managed; retire it in config/retired.ts to destroy it)`, `queue - ${SOLE.queue} (forgotten: it and its messages stay, no longer managed)`]));
    // Forgotten, it keeps running: its removal from config must not unbind the services it runs with.
    expect(lines.filter((l) => l.startsWith("binding - "))).toEqual([]);
    noDestruction(lines);
  }
  expect(checks.violations).toEqual([]);
});

const API_ONLY_SERVICE: string = app(ESTATE, "notify-api").services.find((s: string) => !ESTATE.apps.every((a: any) => a.services.includes(s)));
test("bind a service to every app, and unbind one from the API: binding lines only, no app changes", () => {
  const { diff, environments } = apply("bindings", (c) => {
    for (const a of c.apps) a.services = [...(a.name === "notify-api" ? a.services.filter((s: string) => s !== API_ONLY_SERVICE) : a.services), "notify-new-service"];
  });
  for (const [env, lines] of Object.entries(diff)) {
    const apps = environments.find((e) => e.name === env)!.apps.map((a) => a.name);
    expect(lines.filter((l) => l.startsWith("binding + notify-new-service -> "))).toHaveLength(apps.length);
    expect(lines.filter((l) => l.startsWith("binding - "))).toEqual([
      `binding - ${API_ONLY_SERVICE} -> notify-api (in place; UNBINDS: its credentials are deleted at once, running instances keep the stale ones until they restart)`,
    ]);
    expect(lines.filter((l) => l.startsWith("app "))).toEqual([]);
  }
});

test("move the default memory up by half (1G to 1.5G in 2024): memory lines only, the quota check warns (an assumed figure) rather than refusing", () => {
  const raised = `${(mib(ESTATE.defaults.memory) * 3) / 2}M` as CfSize;
  const { diff, checks } = apply("memory-up", (c) => (c.defaults.memory = raised));
  for (const lines of Object.values(diff)) {
    const changes = withoutRestarts(lines);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((l) => l.includes(` memory ${canonicalSize(ESTATE.defaults.memory)} -> ${canonicalSize(raised)}`))).toBe(true);
  }
  expect(checks.violations).toEqual([]);
});

test("double a disk quota in one environment only: that environment's disk line, nothing elsewhere", () => {
  const before = resolveEstate().find((e) => e.name === "preview")!.apps.find((a) => a.name === AUTOSCALED_WORKER())!.diskQuota;
  const doubled = `${mib(before) * 2}M` as CfSize;
  const { diff } = apply("disk-preview", (c) => {
    const a = app(c, AUTOSCALED_WORKER());
    a.byEnvironment = { ...(a.byEnvironment ?? {}), preview: { ...(a.byEnvironment?.preview ?? {}), diskQuota: doubled } };
  });
  expect(diff.preview).toEqual([`app ${AUTOSCALED_WORKER()}: disk ${before} -> ${canonicalSize(doubled)}`]);
  expect([diff.staging, diff.production]).toEqual([[], []]);
});

test("celery beat at 0 in one environment, 1 elsewhere: one line in the environment file", () => {
  // The first environment other than production where beat runs today.
  const where = resolveEstate().find((e) => e.name !== "production" && e.apps.some((a) => a.name === BEAT() && a.instances.mode === "fixed" && a.instances.count === 1));
  if (!where) throw new Error(`${BEAT()} runs nowhere outside production: pick another change to rehearse`);
  const { diff, checks } = apply("beat-0", (c) => (c.environments.find((e: any) => e.name === where.name).scaling[BEAT()] = { count: 0 }));
  for (const [env, lines] of Object.entries(diff)) expect([env, lines]).toEqual([env, env === where.name ? [`app ${BEAT()}: instances 1 -> 0`] : []]);
  expect(checks.violations).toEqual([]);
});

test("a new secret for one app: the variable and the parameter it reads, in every environment", () => {
  const secret = fresh("NEW_PARTNER_API_KEY", ESTATE.secrets.map((x: any) => x.name));
  const { diff, checks } = apply("new-secret", (c) => {
    c.secrets.push({ name: secret, kind: "secret", encoding: "string", allowedApps: [AUTOSCALED_WORKER()], reason: "The worker calls the new partner's API with it." });
    app(c, AUTOSCALED_WORKER()).secrets = [...(app(c, AUTOSCALED_WORKER()).secrets ?? []), secret];
  });
  for (const [env, lines] of Object.entries(diff)) {
    expect(lines).toEqual([
      `app ${AUTOSCALED_WORKER()}: env +${secret} (from the secret store)`,
      `secret store + /notify/${env}/${secret} (must exist before the apply)`,
    ]);
  }
  expect(checks.violations).toEqual([]);
});

test("a value derived from the environment and app, for every app", () => {
  // A name config does not set yet (NEW_RELIC_APP_NAME or a variant): the test means the same
  // whatever config sets.
  const name = fresh("NEW_RELIC_APP_NAME", Object.keys(ESTATE.defaults.env));
  const { diff } = apply("derived", (c) => (c.defaults.env = { ...c.defaults.env, [name]: ({ environment, app: a }: { environment: string; app: string }) => `${environment}.${a}` }));
  expect(diff.production).toEqual(expect.arrayContaining([`app notify-api: env +${name} = production.notify-api`]));
  expect(diff.preview.length).toBeGreaterThan(0);
  expect(withoutRestarts(diff.preview).every((l) => l.includes(`: env +${name} = preview.`))).toBe(true);
  expect(diff.preview[0]).toMatch(/^\d+ apps restart \(each is pushed again, rolling\): /);
});

test("a public route in one environment only", () => {
  const { diff } = apply("route-preview", (c) => (app(c, "notify-api").byEnvironment = { preview: { publicRoutes: [...app(c, "notify-api").publicRoutes, { host: "beta" }] } }));
  expect(diff.preview).toEqual([`route + beta.${ESTATE.environments.find((e: any) => e.name === "preview").publicDomain} -> notify-api`]);
  expect([diff.staging, diff.production]).toEqual([[], []]);
});

test("an app that reads another estate's queues: the app and a wider IAM boundary, no queue of this estate", () => {
  const reader = fresh("notify-delivery-worker-pdf-outcomes", ESTATE.apps.map((a: any) => a.name));
  const theirs = fresh("letter-pdf-outcomes", ESTATE.apps.flatMap((a: any) => (a.consumesFrom ? a.process.queues : [])));
  const { diff, checks, environments } = apply("consumes-from", (c) => {
    c.apps.push({
      ...app(c, TEMPLATE_WORKER()),
      name: reader,
      notifyAppName: "delivery-worker-pdf-outcomes",
      process: { kind: "celery-worker", concurrency: 2, queues: [theirs] },
      scaling: { mode: "fixed", count: 1 },
      consumesFrom: { estate: "notifications-template-preview", queuePrefix: { preview: "tp-preview-", staging: "tp-staging-", production: "tp-live-" }, reason: "Template preview reports each sanitised letter on its own queue." },
    });
    allowLike(c, TEMPLATE_WORKER(), reader);
  });
  const production = environments.find((e) => e.name === "production")!;
  const readerApp = production.apps.find((a) => a.name === reader)!;
  expect(readerApp.env.NOTIFICATION_QUEUE_PREFIX).toBe("tp-live-");
  expect(production.queues.map((q) => q.name)).not.toContain(theirs);
  expect(production.apps.filter((a) => a.name !== reader && !a.externalQueues).every((a) => a.env.NOTIFICATION_QUEUE_PREFIX === production.queuePrefix)).toBe(true);
  const prefix = { preview: "tp-preview-", staging: "tp-staging-", production: "tp-live-" } as Record<string, string>;
  for (const [env, lines] of Object.entries(diff)) {
    expect(lines).toEqual(expect.arrayContaining([`app + ${reader} (new app)`]));
    expect(lines.filter((l) => l.startsWith("queue "))).toEqual([]);
    expect(lines.filter((l) => l.includes("sqs_own_queues_only"))).toEqual([
      `aws_iam_policy.sqs_own_queues_only changed: NotResource + arn:aws:sqs:eu-west-1:\${data.aws_caller_identity.current.account_id}:${prefix[env]}${theirs}`,
    ]);
    noDestruction(lines);
  }
  expect(checks.violations).toEqual([]);
});

test("remove a route from an app that stays: the route is deleted (a change the plan guard stops until accepted), nothing else", () => {
  const owner = precondition("an app with a public route", ESTATE.apps.find((a: any) => (a.publicRoutes ?? []).length > 0), "rehearse removing a default route");
  const gone = owner.publicRoutes[owner.publicRoutes.length - 1];
  const { diff, environments } = apply("remove-route", (c) => (app(c, owner.name).publicRoutes = app(c, owner.name).publicRoutes.slice(0, -1)));
  for (const [env, lines] of Object.entries(diff)) {
    const domain = environments.find((e) => e.name === env)!.publicDomain;
    expect(lines).toEqual([`route - ${gone.host}.${domain}${gone.path ?? ""} (was ${owner.name})`]);
  }
});

test("unbind a service from every app: one unbinding per app, no app line", () => {
  const everywhere = precondition(
    "a service bound to every app",
    ESTATE.apps[0]?.services.filter((s: string) => ESTATE.apps.every((a: any) => a.services.includes(s))).pop(),
    "rehearse unbinding a service from the apps that have it",
  );
  const { diff, environments } = apply("unbind-everywhere", (c) => c.apps.forEach((a: any) => (a.services = a.services.filter((s: string) => s !== everywhere))));
  for (const [env, lines] of Object.entries(diff)) {
    const apps = environments.find((e) => e.name === env)!.apps.map((a) => a.name);
    // Every app of config loses it (an app config forgot is a "binding ?" line: known only at plan time).
    expect(lines.filter((l) => l.startsWith(`binding - ${everywhere} -> `))).toHaveLength(apps.length);
    expect(lines.filter((l) => !l.startsWith("binding - ") && !l.startsWith("binding ? "))).toEqual([]);
  }
});

test("bind notify-redis to every app while removing REDIS_URL in the same change: refused with the two steps; each step alone passes", () => {
  const holders = resolveEstate().find((e) => e.name === "production")!.apps.filter((a) => a.secretEnv.some((s) => s.name === "REDIS_URL") || "REDIS_URL" in a.env);
  precondition("an app with REDIS_URL", holders[0], "seed the move with another variable");
  const service = fresh("notify-redis", ESTATE.apps.flatMap((a: any) => a.services));
  const bind = (c: Mutable) => c.apps.forEach((a: any) => (a.services = [...a.services, service]));
  const dropVar = (c: Mutable) => {
    c.secrets = c.secrets.filter((s: any) => s.name !== "REDIS_URL");
    for (const a of c.apps) {
      if (Array.isArray(a.secrets)) a.secrets = a.secrets.filter((s: string) => s !== "REDIS_URL");
      if (a.env) delete a.env.REDIS_URL;
    }
  };
  const both = apply("redis-swap", (c) => (bind(c), dropVar(c)));
  const step1 = apply("redis-step-1", bind);
  const base = (env: string) => wiringOf(JSON.parse(fs.readFileSync(path.join(synthDir(), "stacks", env, "cdk.tf.json"), "utf8")));
  const refused = envBindingOrder("production", base("production"), both.wiring.production);
  expect(refused.map((v) => v.subject).sort()).toEqual(holders.map((a) => a.name).sort());
  expect(refused[0].message).toContain(`Make it two deploys: (1) bind ${service} and keep REDIS_URL; (2) once (1) is applied, remove REDIS_URL`);
  expect(envBindingOrder("production", base("production"), step1.wiring.production)).toEqual([]);
  expect(envBindingOrder("production", step1.wiring.production, both.wiring.production)).toEqual([]);
});

test("move one environment's apps to another stack: one stack line per app there, nothing elsewhere", () => {
  const { diff, environments } = apply("stack-preview", (c) => (c.environments.find((e: any) => e.name === "preview").stack = "cflinuxfs4"));
  const apps = environments.find((e) => e.name === "preview")!.apps.filter((a) => a.stack === "cflinuxfs4");
  expect(apps.length).toBeGreaterThan(0);
  // One change to many apps is one line naming them all.
  expect(withoutRestarts(diff.preview)).toEqual([`apps (${apps.length}): stack (as it runs) -> cflinuxfs4 (restaged onto it by the next push) (${apps.map((a) => a.name).sort().join(", ")})`]);
  expect([diff.staging, diff.production]).toEqual([[], []]);
});

test("retire an app: its app, routes and bindings are destroyed on purpose, said as such", () => {
  const SOLE = precondition("a queue read by exactly one app that reads nothing else", SOLE_FOUND, "rehearse retiring another worker");
  const { diff } = apply("retire-app", (c) => {
    c.apps = c.apps.filter((a: any) => a.name !== SOLE.app);
    c.queues = c.queues.filter((q: any) => q.name !== SOLE.queue);
    for (const s of c.secrets.filter((s: any) => Array.isArray(s.allowedApps))) s.allowedApps = s.allowedApps.filter((a: string) => a !== SOLE.app);
    for (const e of c.environments) delete e.scaling[SOLE.app];
    c.retired = [...(c.retired ?? []), { kind: "app", name: SOLE.app, reason: "Its work moved to another worker for good." }];
  });
  for (const lines of Object.values(diff)) {
    expect(lines).toEqual(expect.arrayContaining([`app - ${SOLE.app} (RETIRED: DESTROYS THE APP)`]));
    expect(lines.filter((l) => l.startsWith("binding - ")).every((l) => l.includes(` -> ${SOLE.app} `))).toBe(true);
  }
});

test("a secret whose parameter exists in production only: the variable and its parameter there, nothing elsewhere", () => {
  const secret = fresh("PARTNER_API_KEY", ESTATE.secrets.map((x: any) => x.name));
  const { diff } = apply("optional-secret", (c) => {
    c.secrets.push({ name: secret, kind: "secret", encoding: "string", allowedApps: [AUTOSCALED_WORKER()], environments: ["production"], reason: "The partner issued a key for production only." });
    app(c, AUTOSCALED_WORKER()).secrets = [...(app(c, AUTOSCALED_WORKER()).secrets ?? []), secret];
  });
  expect(diff.production).toEqual([`app ${AUTOSCALED_WORKER()}: env +${secret} (from the secret store)`, `secret store + /notify/production/${secret} (must exist before the apply)`]);
  expect([diff.preview, diff.staging]).toEqual([[], []]);
});
