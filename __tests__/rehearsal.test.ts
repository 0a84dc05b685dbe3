import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { estate, loadEstate, type EnvironmentName, type EstateConfig } from "../config";
import { routeLogicalId } from "../constructs/cf-app";
import { buildApp } from "../stacks/build";
import { blocking, guardPlan } from "../tools/plan-guard";
import { bootstrapPlatform, stableGuid, withPrerequisites } from "../rehearsal/bootstrap";
import { livePlatformFile, Rehearsal } from "../rehearsal/rehearse";
import { Platform, type PlatformData } from "../rehearsal/standin/platform";
import { driftReport } from "../tools/drift";
import { parsePlan } from "../tools/plan-json";
import { environment, ENVS, precondition, synthDir } from "./helpers";

// The first deploy against the running estate, rehearsed with real Terraform and the stand-in
// providers (rehearsal/): every environment at once, from its committed live platform. What is pinned
// is what makes adoption safe, not today's counts: whatever exists is imported, nothing that exists is
// created, the second plan is empty, a live count above the floor is kept.
jest.setTimeout(120_000);
const ROOT = path.join(__dirname, "..");

type Change = { address: string; type: string; change: { actions: string[]; importing?: { id: string }; after: Record<string, any> | null } };
/** The committed live platform, with what the current config needs bootstrapped first (a new service instance, a new secret's parameter). */
const live = (env: string): PlatformData => withPrerequisites(Platform.load(livePlatformFile(ROOT, env)).data, environment(env));
const changes = (plan: any): Change[] => plan.resource_changes ?? [];

/** Whether an object the plan would create already exists on the platform (creating it would fail). */
function existsOnPlatform(p: PlatformData, c: Change): boolean {
  const objects = Object.values(p.resources[c.type] ?? {});
  const a = c.change.after ?? {};
  if (c.type === "cloudfoundry_app" || c.type === "aws_sqs_queue" || c.type === "aws_iam_policy") return objects.some((o) => o.name === a.name);
  if (c.type === "cloudfoundry_route") return objects.some((o) => o.host === a.host && (o.path ?? null) === (a.path ?? null) && o.domain === a.domain);
  return false;
}

let rehearsal: Rehearsal;
let work: string;
const results: Record<string, { summary: string; json?: any; error?: string }> = {};
const envOf: Record<string, EnvironmentName> = {};
const configOf: Record<string, EstateConfig> = {};
const pending = (plan: any): Change[] => changes(plan).filter((c) => !c.change.actions.every((a) => a === "no-op" || a === "read"));
const actionsOf = (plan: any, address: string) => changes(plan).find((c) => c.address === address)?.change.actions ?? [];

/** The stack of an environment synthesized from a changed config. */
function stackOf(config: EstateConfig, env: EnvironmentName, name: string): any {
  const out = path.join(work, `synth-${name}`);
  buildApp(out, loadEstate(config)).synth();
  return JSON.parse(fs.readFileSync(path.join(out, "stacks", env, "cdk.tf.json"), "utf8"));
}
const committedStack = (env: EnvironmentName) => JSON.parse(fs.readFileSync(path.join(synthDir(), "stacks", env, "cdk.tf.json"), "utf8"));
const withApps = (f: (a: any) => any): EstateConfig => ({ ...estate, apps: estate.apps.map(f) });

const stagingApiRoute = () => routeLogicalId(`api.${loadEstate().find((e) => e.name === "staging")!.publicDomain}`);
/** Variants that touch different resources share one plan: each assertion reads its own resource. */
/**
 * A service to unbind from the API: one bound to it but not to every app, the kind the team unbinds
 * (notify-splunk in 2023), else any service it has. Found without throwing, so that the suite always
 * loads: if the API has no service at all, the unbinding test fails saying so (see helpers.precondition).
 */
const API_ONLY_SERVICE: string | undefined = (() => {
  const api = estate.apps.find((a) => a.name === "notify-api");
  return api?.services.find((s) => !estate.apps.every((a) => a.services.includes(s))) ?? api?.services[0];
})();

const VARIANTS: { name: string; env: EnvironmentName; config?: EstateConfig; stack?: (s: any) => void }[] = [
  {
    name: "bindings",
    env: "production",
    // notify-new-service bound to every app, notify-splunk unbound from the API: the team's real changes.
    config: withApps((a) => ({ ...a, services: [...(a.name === "notify-api" ? a.services.filter((s: string) => s !== API_ONLY_SERVICE) : a.services), "notify-new-service"] })),
  },
  { name: "queue-deleted-from-config", env: "staging", config: { ...estate, queues: estate.queues.filter((q) => q.name !== "govuk-alerts") } },
  {
    name: "queue-retired",
    env: "production",
    config: { ...estate, queues: estate.queues.filter((q) => q.name !== "govuk-alerts"), retired: [{ kind: "queue", name: "govuk-alerts", reason: "Alerts moved to their own estate, which owns the queue now.", drained: true }] },
  },
  {
    name: "production-replacements",
    env: "production",
    stack: (s) => {
      s.resource.cloudfoundry_app["notify-api"].org_name = "another-org";
      s.resource.aws_sqs_queue["govuk-alerts"].name = "livegovuk-alerts-v2";
    },
  },
  { name: "beat-to-0", env: "production", stack: (s) => (s.resource.cloudfoundry_app["notify-delivery-celery-beat"].instances = 0) },
  {
    name: "staging-refusals",
    env: "staging",
    stack: (s) => {
      s.resource.cloudfoundry_app["notify-api"].org_name = "another-org";
      s.resource.cloudfoundry_app["notify-delivery-worker-sender"].instances = 1;
      s.resource.cloudfoundry_app["notify-delivery-worker-letters"].stopped = true;
      delete s.resource.cloudfoundry_route[stagingApiRoute()];
      s.import = s.import.filter((i: any) => !i.to.startsWith(`cloudfoundry_route.${stagingApiRoute()}`));
    },
  },
];


const runs: Record<string, { first: any; firstSummary: string; applied: string; second: any; secondSummary: string; settledSummary: string }> = {};

/** Whether a planned change only imports a binding (what a second deploy does for an app it created). */
const importsABinding = (c: any) => c.type === "cloudfoundry_service_credential_binding" && c.change.importing && c.change.actions.every((a: string) => a === "no-op");

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-rehearsal-test-"));
  rehearsal = await Rehearsal.start(ROOT, synthDir(), Object.fromEntries(ENVS.map((e) => [e, live(e)])), path.join(work, "rehearsal"));
  await Promise.all(
    ENVS.map(async (env) => {
      const first = await rehearsal.plan(env, "first.plan");
      const applied = await rehearsal.apply(env, "first.plan");
      const second = await rehearsal.plan(env, "second.plan");
      // An app new to the platform is bound through its manifest when it is created; the next deploy
      // imports those bindings, changing nothing on the platform. Then a third plan must be empty.
      let settled = second;
      if (!/^No changes\./.test(second.summary) && changes(second.json).filter((c: any) => !c.change.actions.every((a: string) => a === "no-op" || a === "read")).length === 0 && changes(second.json).some(importsABinding)) {
        await rehearsal.apply(env, "second.plan");
        settled = await rehearsal.plan(env, "third.plan");
      }
      runs[env] = { first: first.json, firstSummary: first.summary, applied, second: second.json, secondSummary: second.summary, settledSummary: settled.summary };
    }),
  );
  // Then each dangerous change, planned against the adopted staging and production estates. The
  // service team created notify-new-service in production before the change that binds it.
  (rehearsal.standin.platforms.production.data.cf.serviceInstances as Record<string, { id: string; type: string }>)["notify-new-service"] = {
    id: stableGuid("production", "service", "notify-new-service"),
    type: "managed",
  };
  const stacks = VARIANTS.map((v) => {
    const stack = v.config ? stackOf(v.config, v.env, v.name) : committedStack(v.env);
    v.stack?.(stack);
    envOf[v.name] = v.env;
    configOf[v.name] = v.config ?? estate;
    return { v, stack };
  });
  for (let i = 0; i < stacks.length; i += 4) {
    await Promise.all(stacks.slice(i, i + 4).map(async ({ v, stack }) => (results[v.name] = await rehearsal.planVariant(v.env, v.name, stack))));
  }
});
afterAll(async () => {
  await rehearsal?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe.each(ENVS)("%s, first deploy against the live estate", (env) => {
  test("imports every app, route and queue that runs, and creates nothing that exists", () => {
    const platform = live(env);
    const plan = runs[env].first;
    const imported = changes(plan).filter((c) => c.change.importing);
    const created = changes(plan).filter((c) => c.change.actions.includes("create") && !c.change.importing);
    expect(created.filter((c) => existsOnPlatform(platform, c)).map((c) => c.address)).toEqual([]);
    // Everything on the platform that the stack declares is imported.
    for (const type of ["cloudfoundry_app", "cloudfoundry_route", "aws_sqs_queue"]) {
      const declared = changes(plan).filter((c) => c.type === type);
      const onPlatform = declared.filter((c) => c.change.importing || existsOnPlatform(platform, c));
      expect([type, imported.filter((c) => c.type === type).length]).toEqual([type, onPlatform.length]);
      expect([type, onPlatform.length]).not.toEqual([type, 0]);
    }
    expect(runs[env].firstSummary).toMatch(new RegExp(`^Plan: ${imported.length} to import, `));
    expect(runs[env].applied).toMatch(new RegExp(`^Apply complete! Resources: ${imported.length} imported, `));
  });

  test("nothing is destroyed or replaced", () => {
    expect(changes(runs[env].first).filter((c) => c.change.actions.includes("delete")).map((c) => c.address)).toEqual([]);
  });

  test("the second deploy plans nothing but the import of bindings of apps the first created; the next plans nothing", () => {
    const created = new Set(
      changes(runs[env].first)
        .filter((c) => c.type === "cloudfoundry_app" && c.change.actions.includes("create") && !c.change.importing)
        .map((c) => c.address.slice("cloudfoundry_app.".length)),
    );
    const second = changes(runs[env].second);
    expect(second.filter((c) => !c.change.actions.every((a) => a === "no-op" || a === "read"))).toEqual([]);
    const imported = second.filter((c) => c.change.importing);
    expect(imported.filter((c) => !importsABinding(c) || !created.has(String((c as any).index)))).toEqual([]);
    if (!imported.length) expect(runs[env].secondSummary).toMatch(/^No changes\./);
    expect(runs[env].settledSummary).toMatch(/^No changes\./);
  });

  test("autoscaled apps keep their live count when it is above the floor (max(floor, live))", () => {
    const resolved = environment(env);
    const liveApps = Object.values(live(env).resources.cloudfoundry_app);
    for (const app of resolved.apps.filter((a) => a.instances.mode === "autoscaled")) {
      const planned = changes(runs[env].first).find((c) => c.address === `cloudfoundry_app.${app.name}`)!.change.after!.instances;
      const running = liveApps.find((a) => a.name === app.name)!.instances as number;
      const floor = app.instances.mode === "autoscaled" ? app.instances.deployFloor : 0;
      expect([app.name, planned]).toEqual([app.name, Math.max(floor, running)]);
    }
  });
});

test("production's API runs above its floor of 25 on the live platform, and the deploy keeps it there", () => {
  const running = Object.values(live("production").resources.cloudfoundry_app).find((a) => a.name === "notify-api")!.instances as number;
  expect(running).toBeGreaterThan(25);
  const planned = changes(runs.production.first).find((c) => c.address === "cloudfoundry_app.notify-api")!.change.after!.instances;
  expect(planned).toBe(running);
});

test("on an empty platform the same stack creates everything, and the API starts at its floor", async () => {
  const empty = await Rehearsal.start(ROOT, synthDir(), { production: bootstrapPlatform(environment("production")) });
  try {
    const { json, summary } = await empty.plan("production");
    expect(summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
    expect(changes(json).filter((c) => c.change.importing)).toEqual([]);
    expect(changes(json).find((c) => c.address === "cloudfoundry_app.notify-api")!.change.after!.instances).toBe(25);
  } finally {
    await empty.close();
  }
});

test("drift: hand-made changes are named, values are not shown, and the autoscaler's work is not drift", async () => {
  // On the adopted preview estate: celery beat scaled to 2 by hand, `cf set-env notify-api MMG_URL ...`,
  // and an autoscaled worker scaled up (as the autoscaler would).
  const preview = environment("preview");
  const beat = preview.apps.find((a) => a.process.kind === "celery-beat")!;
  const beatCount = beat.instances.mode === "fixed" ? beat.instances.count : -1;
  const scaled = preview.apps.find((a) => a.role === "worker" && a.instances.mode === "autoscaled")!.name;
  const platform = rehearsal.standin.platforms.preview;
  const byName = (name: string) => Object.values(platform.objects("cloudfoundry_app")).find((a) => a.name === name)!;
  const set = (name: string, change: Record<string, unknown>) => {
    const app = byName(name);
    platform.put("cloudfoundry_app", String(app.id), { ...app, ...change } as any);
  };
  set(beat.name, { instances: 2 });
  set("notify-api", { environment: { ...(byName("notify-api").environment as object), MMG_URL: "https://hand-set.example/secret-path" } });
  set(scaled, { instances: (byName(scaled).instances as number) + 3 });
  const { json } = await rehearsal.plan("preview", "drift.plan");
  const { lines, empty } = driftReport("preview", parsePlanOrThrow(json));
  expect(empty).toBe(false);
  const text = lines.join("\n");
  expect(text).toContain(`cloudfoundry_app.${beat.name}: changed outside Terraform (instances ${beatCount} -> 2); the next deploy would update it back`);
  expect(text).toMatch(/cloudfoundry_route\.route_api_\S+: update: follows another change \(destinations[^)]* known only after apply\)/);
  expect(text).toMatch(/cloudfoundry_app\.notify-api: changed outside Terraform \(environment: MMG_URL added[^)]*\); the next deploy would update it back/);
  expect(text).not.toContain("hand-set.example");
  expect(text).not.toContain(`cloudfoundry_app.${scaled}:`);
});

function parsePlanOrThrow(json: unknown) {
  const parsed = parsePlan(json);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed.plan;
}

// Deploy safety (issue: deploys that cannot cause an outage or lose messages), proved in plans
// Terraform wrote or refused against the adopted estate.
const guard = (name: string) => blocking(guardPlan(results[name].json, loadEstate(configOf[name]).find((e) => e.name === envOf[name])!));

test("binding a new service to every app creates the bindings in place; no app is replaced", () => {
  const plan = results["bindings"].json;
  expect(pending(plan).filter((c) => c.type === "cloudfoundry_app")).toEqual([]);
  const created = pending(plan).filter((c) => c.type === "cloudfoundry_service_credential_binding" && c.change.actions.join() === "create");
  expect(created.map((c) => c.address).sort()).toEqual(loadEstate().find((e) => e.name === "production")!.apps.map((a) => `cloudfoundry_service_credential_binding.notify-new-service["${a.name}"]`).sort());
});

test("unbinding a service deletes that binding in place, no app is replaced, and the plan guard asks for it to be accepted", () => {
  precondition("a service bound to notify-api", API_ONLY_SERVICE, "rehearse the unbinding of another app's service in VARIANTS");
  const plan = results["bindings"].json;
  expect(pending(plan).filter((c) => c.change.actions.includes("delete")).map((c) => [c.address, c.change.actions.join("+")])).toEqual([
    [`cloudfoundry_service_credential_binding.${API_ONLY_SERVICE}["notify-api"]`, "delete"],
  ]);
  expect(guard("bindings").map((f) => f.message)).toEqual(["service binding (the app loses the service's credentials) would be DESTROYED"]);
});

test("a queue deleted from config is forgotten, with its dead-letter queue: nothing is destroyed", () => {
  const plan = results["queue-deleted-from-config"].json;
  expect(actionsOf(plan, "aws_sqs_queue.govuk-alerts")).toEqual(["forget"]);
  expect(actionsOf(plan, "aws_sqs_queue.govuk-alerts-dead-letter")).toEqual(["forget"]);
  expect(pending(plan).filter((c) => c.change.actions.includes("delete"))).toEqual([]);
});

test("a retired, drained queue is destroyed, even in production, and the plan guard shows the retirement", () => {
  const plan = results["queue-retired"].json;
  expect(actionsOf(plan, "aws_sqs_queue.govuk-alerts")).toEqual(["delete"]);
  expect(guard("queue-retired")).toEqual([]);
  const accepted = guardPlan(plan, loadEstate(configOf["queue-retired"]).find((e) => e.name === "production")!);
  expect(accepted.map((f) => f.acceptedBecause)).toEqual([
    "retired in config/retired.ts: Alerts moved to their own estate, which owns the queue now.",
    "retired in config/retired.ts: Alerts moved to their own estate, which owns the queue now.",
  ]);
});

test("production: Terraform itself refuses to replace an app or a queue (prevent_destroy), whoever runs the deploy", () => {
  const r = results["production-replacements"];
  expect(r.json).toBeUndefined();
  expect(r.error).toMatch(/Instance cannot be destroyed/);
  expect(r.error).toContain("cloudfoundry_app.notify-api");
  expect(r.error).toContain("aws_sqs_queue.govuk-alerts");
});

test.each([
  ["staging-refusals", "cloudfoundry_app.notify-api", /app \(an outage while it is recreated\) would be REPLACED \(destroyed and created again, because org_name changed\)/],
  ["staging-refusals", "cloudfoundry_app.notify-delivery-worker-sender", /below its autoscaler minimum/],
  ["staging-refusals", "cloudfoundry_app.notify-delivery-worker-letters", /would be STOPPED/],
  ["staging-refusals", `cloudfoundry_route.${stagingApiRoute()}`, /PUBLIC route api\.\S+: route \(requests to it fail until it is back\) would be DESTROYED/],
  ["beat-to-0", "cloudfoundry_app.notify-delivery-celery-beat", /celery beat at 0 in production/],
])("the plan guard refuses, in the plan Terraform wrote (%s): %s", (name, address, message) => {
  expect(results[name].error).toBeUndefined();
  expect(guard(name).filter((f) => f.address === address).map((f) => f.message).join("\n")).toMatch(message);
});
