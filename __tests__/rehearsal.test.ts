import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { estate, loadEstate, type EnvironmentName } from "../config";
import { bootstrapPlatform } from "../rehearsal/bootstrap";
import { livePlatformFile, Rehearsal } from "../rehearsal/rehearse";
import { Platform, type PlatformData } from "../rehearsal/standin/platform";
import { buildApp } from "../stacks/build";
import { driftReport } from "../tools/drift";
import { blocking, guardPlan } from "../tools/plan-guard";
import { parsePlan } from "../tools/plan-json";
import { ENVS, environments, synthDir } from "./helpers";

// The first deploy against the running estate, rehearsed with real Terraform and the stand-in
// providers (rehearsal/): every environment at once, from its committed live platform. What is pinned
// is what makes adoption safe, not today's counts: whatever exists is imported, nothing that exists is
// created, the second plan is empty, a live count above the floor is kept.
jest.setTimeout(120_000);
const ROOT = path.join(__dirname, "..");

type Change = { address: string; type: string; change: { actions: string[]; importing?: { id: string }; after: Record<string, any> | null } };
const live = (env: string): PlatformData => Platform.load(livePlatformFile(ROOT, env)).data;
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
const runs: Record<string, { first: any; firstSummary: string; applied: string; second: any; secondSummary: string }> = {};

beforeAll(async () => {
  rehearsal = await Rehearsal.start(ROOT, synthDir(), Object.fromEntries(ENVS.map((e) => [e, live(e)])));
  await Promise.all(
    ENVS.map(async (env) => {
      const first = await rehearsal.plan(env, "first.plan");
      const applied = await rehearsal.apply(env, "first.plan");
      const second = await rehearsal.plan(env, "second.plan");
      runs[env] = { first: first.json, firstSummary: first.summary, applied, second: second.json, secondSummary: second.summary };
    }),
  );
});
afterAll(async () => rehearsal?.close());

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

  test("the second deploy plans nothing", () => {
    expect(runs[env].secondSummary).toMatch(/^No changes\./);
    expect(changes(runs[env].second).filter((c) => !c.change.actions.every((a) => a === "no-op" || a === "read"))).toEqual([]);
  });

  test("autoscaled apps keep their live count when it is above the floor (max(floor, live))", () => {
    const resolved = environments().find((e) => e.name === env)!;
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
  const empty = await Rehearsal.start(ROOT, synthDir(), { production: bootstrapPlatform(environments().find((e) => e.name === "production")!) });
  try {
    const { json, summary } = await empty.plan("production");
    expect(summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
    expect(changes(json).filter((c) => c.change.importing)).toEqual([]);
    expect(changes(json).find((c) => c.address === "cloudfoundry_app.notify-api")!.change.after!.instances).toBe(25);
  } finally {
    await empty.close();
  }
});

test("a config change that replaces an app is a replacement in the real plan, and the plan guard refuses it", async () => {
  // Today's replacement trigger: a service_bindings change (unbinding notify-splunk from the API,
  // a change the team really made). Applied to a copy of the config, synthesized, planned against the
  // adopted production state.
  const changed = {
    ...estate,
    apps: estate.apps.map((a) => (a.name === "notify-api" ? { ...a, services: (a.services ?? []).filter((s) => s !== "notify-splunk") } : a)),
  };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "notify-rehearsal-change-"));
  try {
    const envs = loadEstate(changed);
    buildApp(out, envs).synth();
    rehearsal.useStack("production" as EnvironmentName, out);
    const { json } = await rehearsal.plan("production", "replace.plan");
    const api = changes(json).find((c) => c.address === "cloudfoundry_app.notify-api")!;
    expect(api.change.actions.slice().sort()).toEqual(["create", "delete"]);
    const refused = blocking(guardPlan(json, envs.find((e) => e.name === "production")!));
    expect(refused.map((f) => f.address)).toContain("cloudfoundry_app.notify-api");
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test("drift: hand-made changes are named, values are not shown, and the autoscaler's work is not drift", async () => {
  // On the adopted preview estate: celery beat scaled to 2 by hand, `cf set-env notify-api MMG_URL ...`,
  // and the sender scaled up (as the autoscaler would).
  const platform = rehearsal.standin.platforms.preview;
  const byName = (name: string) => Object.values(platform.objects("cloudfoundry_app")).find((a) => a.name === name)!;
  const set = (name: string, change: Record<string, unknown>) => {
    const app = byName(name);
    platform.put("cloudfoundry_app", String(app.id), { ...app, ...change } as any);
  };
  set("notify-delivery-celery-beat", { instances: 2 });
  set("notify-api", { environment: { ...(byName("notify-api").environment as object), MMG_URL: "https://hand-set.example/secret-path" } });
  set("notify-delivery-worker-sender", { instances: (byName("notify-delivery-worker-sender").instances as number) + 3 });
  const { json } = await rehearsal.plan("preview", "drift.plan");
  const { lines, empty } = driftReport("preview", parsePlanOrThrow(json));
  expect(empty).toBe(false);
  const text = lines.join("\n");
  expect(text).toContain("cloudfoundry_app.notify-delivery-celery-beat: changed outside Terraform (instances 1 -> 2); the next deploy would update it back");
  expect(text).toMatch(/cloudfoundry_route\.route_api_\S+: update: follows another change \(destinations[^)]* known only after apply\)/);
  expect(text).toMatch(/cloudfoundry_app\.notify-api: changed outside Terraform \(environment: MMG_URL added[^)]*\); the next deploy would update it back/);
  expect(text).not.toContain("hand-set.example");
  expect(text).not.toContain("notify-delivery-worker-sender");
});

function parsePlanOrThrow(json: unknown) {
  const parsed = parsePlan(json);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed.plan;
}
