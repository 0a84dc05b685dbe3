import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { estate, resolveEstate, type EstateConfig } from "../../../config";
import { loadEstate, runChecks } from "../../../checks";
import { buildApp } from "../../../stacks/build";
import { copyOf } from "../../config-copy";
import { precondition } from "../../helpers";

// The everyday changes the team makes as the estate grows, each applied to a copy of the committed
// config as the few lines of config it takes (no code), then loaded (schema, references, identity,
// platform limits), checked (every guardrail and the secret scan) and synthesized for every
// environment. Apps and queues are chosen by what they are, not by name, so that the file keeps
// meaning something as the estate changes; a fact it needs that config no longer has fails that one
// test (precondition), not the file. In the offline project: ten synths of the whole estate.
type Mutable = { -readonly [K in keyof EstateConfig]: any };
const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-growth-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ESTATE = estate as unknown as Mutable;
const appNamed = (c: Mutable, name: string) => c.apps.find((a: any) => a.name === name);
/** A name config does not use yet (an env variable's with _2, an app's or queue's with -2). */
const fresh = (base: string, used: readonly string[]) => {
  const separator = /^[A-Z0-9_]+$/.test(base) ? "_" : "-";
  let name = base;
  for (let i = 2; used.includes(name); i++) name = `${base}${separator}${i}`;
  return name;
};
/** Owners some environment's history records: what can be retired. */
const historical = (kind: "app" | "queue") => new Set(Object.values(ESTATE.statefulHistory ?? {}).flatMap((a: any) => Object.values(a) as string[]).filter((o) => o.startsWith(`${kind} `)).map((o) => o.slice(kind.length + 1)));

/** Applies a change to a copy of config; loads, checks and synthesizes it; returns the environments. */
async function grow(name: string, change: (c: Mutable) => void) {
  const config = copyOf(estate) as unknown as Mutable;
  change(config);
  const { environments, checks } = await loadEstate(config as EstateConfig);
  expect(checks.violations).toEqual([]);
  const out = path.join(work, name);
  buildApp(out, environments).synth();
  for (const e of environments) expect(fs.existsSync(path.join(out, "stacks", e.name, "cdk.tf.json"))).toBe(true);
  return environments;
}

test("add a worker with its queue: two declarations, the queue and the autoscaled app with its limits", async () => {
  const template = precondition("an autoscaled celery worker", ESTATE.apps.find((a: any) => a.role === "worker" && a.process.kind === "celery-worker" && a.scaling.mode === "autoscaled"), "copy another worker");
  const queue = fresh("export-tasks", ESTATE.queues.map((q: any) => q.name));
  const worker = fresh("notify-delivery-worker-exports", ESTATE.apps.map((a: any) => a.name));
  // The secrets it may hold by its role (config/secrets.ts allowedRoles): no edit there.
  const byRole = ESTATE.secrets.filter((s: any) => s.allowedApps !== "all" && (s.allowedRoles ?? []).includes("worker")).map((s: any) => s.name);
  const envs = await grow("add-worker", (c) => {
    c.queues.push({ name: queue });
    c.apps.push({ ...template, name: worker, notifyAppName: "delivery-worker-exports", process: { kind: "celery-worker", concurrency: 2, queues: [queue] }, scaling: { mode: "autoscaled", autoscaler: { min: 1, max: 2 } }, secrets: (template.secrets ?? []).filter((s: string) => byRole.includes(s)) });
  });
  for (const e of envs) {
    expect(e.apps.find((a) => a.name === worker)!.instances).toEqual({ mode: "autoscaled", deployFloor: 1, autoscaler: { min: 1, max: 2 } });
    expect(e.queues.find((q) => q.name === queue)!.consumers).toEqual([worker]);
  }
});

test("rename a derived variable for every app: the statement timeout as DATABASE_STATEMENT_TIMEOUT_MS, in milliseconds", async () => {
  const timed = precondition("an app with its own statement timeout", ESTATE.apps.find((a: any) => a.database.statementTimeoutSeconds !== undefined), "set one on any app for this change");
  const envs = await grow("rename-derived", (c) => (c.defaults.derivedEnv = { statementTimeout: { name: "DATABASE_STATEMENT_TIMEOUT_MS", unit: "ms" } }));
  for (const e of envs) {
    const app = e.apps.find((a) => a.name === timed.name)!;
    expect([app.env.DATABASE_STATEMENT_TIMEOUT_MS, app.env.SQLALCHEMY_STATEMENT_TIMEOUT]).toEqual([String(timed.database.statementTimeoutSeconds * 1000), undefined]);
  }
});

test("raise an autoscaler minimum by 2 in production: one line", async () => {
  const production = ESTATE.environments.find((e: any) => e.name === "production");
  const [name, entry] = precondition(
    "a production autoscaler with room for 2 more at its minimum",
    Object.entries(production.scaling).find(([, s]: [string, any]) => s.autoscaler && s.autoscaler.min + 2 <= s.autoscaler.max) as [string, any] | undefined,
    "raise a maximum first",
  );
  const envs = await grow("raise-minimum", (c) => (c.environments.find((e: any) => e.name === "production").scaling[name].autoscaler.min += 2));
  const after = envs.find((e) => e.name === "production")!.apps.find((a) => a.name === name)!.instances;
  expect(after.mode === "autoscaled" && after.autoscaler.min).toBe(entry.autoscaler.min + 2);
});

test("retire an app, its queues moving to another worker: delete it, its scaling and grants, and retire it", async () => {
  const existed = historical("app");
  const longRunning = new Set(ESTATE.queues.filter((q: any) => q.longRunningTasks).map((q: any) => q.name));
  const workers = ESTATE.apps.filter((a: any) => a.role === "worker" && a.process.kind === "celery-worker" && !(a.process.queues ?? []).some((q: string) => longRunning.has(q)));
  const retiring = precondition("a celery worker in the history, with no long-running queue", workers.find((a: any) => existed.has(a.name)), "retire another worker");
  const taker = precondition("a second such worker to take its queues", workers.find((a: any) => a.name !== retiring.name), "add one in the same change");
  const envs = await grow("retire-app", (c) => {
    const to = appNamed(c, taker.name);
    to.process = { ...to.process, queues: [...to.process.queues, ...retiring.process.queues] };
    c.apps = c.apps.filter((a: any) => a.name !== retiring.name);
    for (const e of c.environments) delete e.scaling[retiring.name];
    for (const s of c.secrets.filter((s: any) => Array.isArray(s.allowedApps))) s.allowedApps = s.allowedApps.filter((a: string) => a !== retiring.name);
    c.retired = [...(c.retired ?? []), { kind: "app", name: retiring.name, reason: "Its queues moved to another worker; it is no longer needed." }];
  });
  for (const e of envs) {
    expect(e.apps.map((a) => a.name)).not.toContain(retiring.name);
    for (const q of retiring.process.queues) expect(e.queues.find((x) => x.name === q)!.consumers).toContain(taker.name);
  }
});

test("move every app to a new buildpack", async () => {
  const envs = await grow("buildpack", (c) => (c.defaults.buildpack = `${ESTATE.defaults.buildpack}_v2`));
  for (const e of envs) expect(e.buildpack).toBe(`${ESTATE.defaults.buildpack}_v2`);
});

test("add a variable to every app", async () => {
  const name = fresh("FEATURE_NEW_BILLING", Object.keys(ESTATE.defaults.env));
  const envs = await grow("variable-everywhere", (c) => (c.defaults.env = { ...c.defaults.env, [name]: "enabled" }));
  for (const e of envs) expect(e.apps.filter((a) => a.env[name] !== "enabled")).toEqual([]);
});

test("give one worker a new secret: the catalogue entry and the app's list", async () => {
  const worker = precondition("a worker", ESTATE.apps.find((a: any) => a.role === "worker"), "give it to another app");
  const secret = fresh("PARTNER_API_KEY", ESTATE.secrets.map((s: any) => s.name));
  const envs = await grow("new-secret", (c) => {
    c.secrets.push({ name: secret, kind: "secret", encoding: "string", allowedApps: [worker.name], reason: "The new partner's API is called by this worker alone." });
    appNamed(c, worker.name).secrets = [...(appNamed(c, worker.name).secrets ?? []), secret];
  });
  for (const e of envs) expect(e.apps.filter((a) => a.secretEnv.some((s) => s.name === secret)).map((a) => a.name)).toEqual([worker.name]);
});

test("a production-only variable on one app", async () => {
  const api = precondition("a web app", ESTATE.apps.find((a: any) => a.role === "web"), "set it on another app");
  const envs = await grow("production-only", (c) => {
    const a = appNamed(c, api.name);
    a.byEnvironment = { ...(a.byEnvironment ?? {}), production: { ...(a.byEnvironment?.production ?? {}), env: { ...(a.byEnvironment?.production?.env ?? {}), RATE_LIMIT_MODE: "strict" } } };
  });
  expect(envs.map((e) => e.apps.find((a) => a.name === api.name)!.env.RATE_LIMIT_MODE)).toEqual([undefined, undefined, "strict"]);
});

test("retire a drained queue that only another estate consumed", async () => {
  const existed = historical("queue");
  const external = precondition("a queue consumed outside the estate, in the history", ESTATE.queues.find((q: any) => q.externalConsumer && existed.has(q.name)), "retire another unused queue");
  const envs = await grow("retire-queue", (c) => {
    c.queues = c.queues.filter((q: any) => q.name !== external.name);
    c.retired = [...(c.retired ?? []), { kind: "queue", name: external.name, reason: "Its consumer moved to its own estate and its queue.", drained: true }];
  });
  for (const e of envs) expect(e.queues.map((q) => q.name)).not.toContain(external.name);
});

test("move every app to the newer stack the foundation offers", async () => {
  const envs = await grow("stack", (c) => (c.defaults.stack = "cflinuxfs4"));
  for (const e of envs) expect(e.apps.filter((a) => a.stack !== "cflinuxfs4")).toEqual([]);
});

test("the committed estate itself loads clean, so that each change above is the only difference", async () => {
  const { checks } = await loadEstate();
  expect(checks.violations).toEqual([]);
  expect(resolveEstate()).toHaveLength(3);
  expect(runChecks(resolveEstate()).violations).toEqual([]);
});
