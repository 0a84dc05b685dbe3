import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { estate, resolveEstate, type EnvironmentName, type EstateConfig, type ResolvedEnvironment } from "../../config";
import { routeAddress, routeLogicalId } from "../../stacks/addresses";
import { blocking, guardPlan } from "../../plan/plan-guard";
import { bootstrapPlatform, withPrerequisites } from "../../offline/bootstrap";
import { createsBindings, livePlatformFile, planSummary, Rehearsal, seedLivePlatform } from "../../offline/harness";
import { Platform, type PlatformData } from "../../offline/standin/platform";
import { driftReport } from "../../plan/drift";
import { parsePlan } from "../../plan/plan-json";
import { planEnvironmentProblems } from "../../plan/plan-environment";
import { changedConfig, importsABinding, NEW_SERVICE, runConformance, SCENARIOS, SET_BY_HAND, unboundConfig, type ConformanceRun, type Space } from "../../rehearsal/conformance";
import { standinTarget } from "../../rehearsal/conformance-standin";
import { buildApp } from "../../stacks/build";
import { deployMinimum } from "../../stacks/environment-stack";
import { conformanceEstate } from "../fixtures/conformance-estate";
import { environment, ENVS, setupOnce, synthDir } from "../helpers";
import { parse as parseYaml } from "yaml";

// The first deploy against the running estate, rehearsed with real Terraform and the stand-in
// providers (rehearsal/): every environment at once, from its committed live platform. What is pinned
// is what makes adoption safe, not today's counts: whatever exists is imported, nothing that exists is
// created, the second plan is empty, a live count above the floor is kept.
const ROOT = path.join(__dirname, "..", "..");

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
let fixtureStaging: Rehearsal;
let work: string;
let target: ReturnType<typeof standinTarget>;
let conformance: ConformanceRun;
const results: Record<string, { summary: string; json?: any; error?: string }> = {};
const envOf: Record<string, EnvironmentName> = {};
const settledParams: Record<string, number> = {};
const configOf: Record<string, EstateConfig> = {};
const pending = (plan: any): Change[] => changes(plan).filter((c) => !c.change.actions.every((a) => a === "no-op" || a === "read"));
const actionsOf = (plan: any, address: string) => changes(plan).find((c) => c.address === address)?.change.actions ?? [];

const committedStack = (env: EnvironmentName) => JSON.parse(fs.readFileSync(path.join(synthDir(), "stacks", env, "cdk.tf.json"), "utf8"));

// The conformance suite, the guard's refusals and the missed import run on the conformance fixture
// estate (__tests__/fixtures/conformance-estate.ts): what they prove is the providers' behaviour and the
// guard's, on any estate, and a Terraform run there costs a third of one on production's.
const FIXTURE = conformanceEstate();
const FIXTURE_ENVS = resolveEstate(FIXTURE);
const fixture = (env: EnvironmentName) => FIXTURE_ENVS.find((e) => e.name === env)!;
let fixtureSynth: string;
const fixtureStack = (env: EnvironmentName) => JSON.parse(fs.readFileSync(path.join(fixtureSynth, "stacks", env, "cdk.tf.json"), "utf8"));

/** The fixture's staging apps each refusal changes: each refusal on an app of its own. */
const REFUSED = { replaced: "notify-api", sidecar: "receipts", belowMinimum: "sender", stopped: "letters" } as const;
const fixtureApiRoute = () => routeLogicalId(`api.${fixture("staging").publicDomain}`);
const autoscalerMin = (env: ResolvedEnvironment, app: string) => {
  const a = env.apps.find((x) => x.name === app)!;
  return a.instances.mode === "autoscaled" ? a.instances.autoscaler.min : 0;
};

/** What the production variants of the fixture replace, and its beat. */
const PRODUCTION_REPLACED = { app: "notify-api", queue: "send-tasks" } as const;
const FIXTURE_BEAT = () => fixture("production").apps.find((a) => a.process.kind === "celery-beat")!.name;

/** Changes Terraform itself or the plan guard must refuse, planned against an adopted estate (no refresh: state and platform agree). */
const VARIANTS: { name: string; env: EnvironmentName; fixture?: true; stack: (s: any) => void }[] = [
  {
    name: "production-replacements",
    env: "production",
    fixture: true,
    stack: (s) => {
      s.resource.cloudfoundry_app[PRODUCTION_REPLACED.app].org_name = "another-org";
      s.resource.aws_sqs_queue[PRODUCTION_REPLACED.queue].name = `${s.resource.aws_sqs_queue[PRODUCTION_REPLACED.queue].name}-v2`;
    },
  },
  { name: "beat-to-0", env: "production", fixture: true, stack: (s) => (s.resource.cloudfoundry_app[FIXTURE_BEAT()].instances = 0) },
  {
    // One queue's retention changes, nothing else.
    name: "queue-only",
    env: "production",
    stack: (s) => {
      const q = Object.values(s.resource.aws_sqs_queue as Record<string, any>).find((x) => typeof x.message_retention_seconds === "number")!;
      q.message_retention_seconds += 60;
    },
  },
  {
    name: "staging-refusals",
    env: "staging",
    fixture: true,
    stack: (s) => {
      s.resource.cloudfoundry_app[REFUSED.replaced].org_name = "another-org";
      // Sidecars force a replacement under the same name, which the bindings' create_before_destroy makes create-then-delete.
      s.resource.cloudfoundry_app[REFUSED.sidecar].sidecars = [{ name: "probe", command: "sleep infinity", process_types: ["web"] }];
      s.resource.cloudfoundry_app[REFUSED.belowMinimum].instances = autoscalerMin(fixture("staging"), REFUSED.belowMinimum) - 1;
      s.resource.cloudfoundry_app[REFUSED.stopped].stopped = true;
      delete s.resource.cloudfoundry_route[fixtureApiRoute()];
      s.import = s.import.filter((i: any) => !i.to.startsWith(routeAddress(fixtureApiRoute())));
    },
  },
];

const runs: Record<string, { first: any; firstSummary: string; applied?: string; second?: any; secondSummary: string; settledSummary: string }> = {};
let emptyPlan: { summary: string; json: any };

/** The user the pipeline's drift job logs in as: the stem of its ((…-username)) credential. */
function driftUser(env: string): string {
  const pipeline = parseYaml(fs.readFileSync(path.join(ROOT, "ci", "pipeline.yml"), "utf8"));
  const job = pipeline.jobs.find((j: any) => j.name === `drift-${env}`);
  // The one step of the job that holds the Cloud Foundry credential (its plan's Terraform task).
  const task = job.plan.find((s: any) => s.params?.CF_USER !== undefined);
  const m = /^\(\((.+)-username\)\)$/.exec(String(task?.params?.CF_USER));
  if (!m) throw new Error(`drift-${env}: no CF_USER ((...-username)) credential in ci/pipeline.yml`);
  return m[1];
}



/** A variant planned in a copy of the adopted fixture estate the conformance run left (no refresh: state and platform agree). */
async function planInBranch(space: Space, stack: object): Promise<{ summary: string; json?: any; error?: string }> {
  space.useStack(stack);
  const plan = await space.terraform(["plan", "-input=false", "-no-color", "-refresh=false", "-out=variant.plan"], "0".repeat(64));
  if (plan.code !== 0) return { summary: "", error: plan.stderr + plan.stdout };
  const show = await space.terraform(["show", "-json", "variant.plan"], "0".repeat(64));
  return { summary: planSummary(plan.stdout), json: JSON.parse(show.stdout) };
}

/**
 * A first deploy: plan, apply, the deploy's settling step, then the second plan, as the identity the
 * pipeline gives the drift job (semantics row 52). Returns the settled binding params.
 */
async function adopt(r: Rehearsal, env: EnvironmentName, asDriftUser: boolean): Promise<NonNullable<(typeof runs)[string]>> {
  const first = await r.plan(env, "first.plan");
  const applied = await r.apply(env, "first.plan");
  // What the deploy does after every apply: without it, provider 1.16.0 plans every adopted app
  // again at every plan (binding params, semantics row 4; docs/adoption-under-the-real-provider.md).
  // Its refresh-only part matters only where the adoption made a binding resource (config binds a
  // service the platform does not have yet); elsewhere it would change nothing, and is skipped.
  settledParams[env] = await r.settleState(env, createsBindings(first.json));
  if (asDriftUser) r.loginAs(env, driftUser(env));
  const second = await r.plan(env, "second.plan");
  r.loginAs(env, null);
  // An app new to the platform is bound through its manifest when it is created; the next deploy
  // imports those bindings, changing nothing on the platform. Then a third plan must be empty.
  let settled = second;
  if (!/^No changes\./.test(second.summary) && pending(second.json).length === 0 && changes(second.json).some(importsABinding)) {
    await r.apply(env, "second.plan");
    settled = await r.plan(env, "third.plan");
  }
  return { first: first.json, firstSummary: first.summary, applied, second: second.json, secondSummary: second.summary, settledSummary: settled.summary };
}

// Production is adopted (first deploy, settling, the drift job's plan), and a queue-only change is
// planned on the adopted estate; staging's and preview's first deploys are planned, not applied:
// adoption after that is the same code on the same kind of data, and every Terraform run of a real
// environment is among the costliest steps of `npm test` (docs/performance.md). The conformance suite,
// the guard's refusals in a plan Terraform wrote (staging: no prevent_destroy to stop Terraform first;
// production: prevent_destroy, the beat at 0) and the missed import run on the fixture estate.
const ADOPTED: readonly EnvironmentName[] = ["production"];
const PLANNED = ENVS.filter((e) => !ADOPTED.includes(e));

setupOnce(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-rehearsal-test-"));
  fixtureSynth = path.join(work, "fixture-synth");
  buildApp(fixtureSynth, [fixture("staging"), fixture("production")]).synth();
  rehearsal = await Rehearsal.start(ROOT, synthDir(), Object.fromEntries(ENVS.map((e) => [e, live(e)])), { inherit: process.env, work: path.join(work, "rehearsal") });
  const empty = await Rehearsal.start(ROOT, synthDir(), { production: bootstrapPlatform(environment("production")) }, { inherit: process.env, work: path.join(work, "empty") });
  for (const v of VARIANTS) {
    envOf[v.name] = v.env;
    configOf[v.name] = v.fixture ? FIXTURE : estate;
  }
  const variant = (name: string) => {
    const v = VARIANTS.find((x) => x.name === name)!;
    const stack = v.fixture ? fixtureStack(v.env) : committedStack(v.env);
    v.stack(stack);
    return stack;
  };
  await Promise.all([
    (async () => {
      runs.production = await adopt(rehearsal, "production", true);
      results["queue-only"] = await rehearsal.planVariant("production", "queue-only", variant("queue-only"));
    })(),
    ...PLANNED.map(async (env) => {
      const first = await rehearsal.plan(env, "first.plan");
      runs[env] = { first: first.json, firstSummary: first.summary, secondSummary: "", settledSummary: "" };
    }),
    (async () => {
      const seeded = await seedLivePlatform(ROOT, fixtureSynth, fixture("production"), process.env);
      target = standinTarget(ROOT, path.join(work, "conformance"), "production", seeded, process.env);
      conformance = await runConformance(target, FIXTURE, "production", path.join(work, "conformance-synth"));
      // On copies of the estate the suite adopted.
      await Promise.all(["production-replacements", "beat-to-0"].map(async (name) => (results[name] = await planInBranch(await target.branch(name), variant(name)))));
    })(),
    (async () => {
      fixtureStaging = await Rehearsal.start(ROOT, fixtureSynth, { staging: await seedLivePlatform(ROOT, fixtureSynth, fixture("staging"), process.env) }, { inherit: process.env, work: path.join(work, "fixture-staging") });
      // A first deploy whose stack misses the import of a running app, planned before adoption.
      const stack = fixtureStack("staging");
      stack.import = stack.import.filter((i: any) => i.to !== "cloudfoundry_app.notify-api");
      results["missed-import"] = await fixtureStaging.planVariant("staging", "missed-import", stack);
      envOf["missed-import"] = "staging";
      configOf["missed-import"] = FIXTURE;
      await adopt(fixtureStaging, "staging", false);
      results["staging-refusals"] = await fixtureStaging.planVariant("staging", "staging-refusals", variant("staging-refusals"));
    })(),
    (async () => {
      const { json, summary } = await empty.plan("production");
      emptyPlan = { json, summary };
      await empty.close();
    })(),
  ]);
});

afterAll(async () => {
  await fixtureStaging?.close(true);
  await rehearsal?.close();
  await target?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

// npm run conformance -- --target standin: the same suite, here on the fixture estate's production.
describe("conformance --target standin (the conformance fixture estate, production)", () => {
  test.each(SCENARIOS.map((s) => [s.id, s.expected]))("%s: %s", (id) => {
    const outcome = conformance.outcomes.find((o) => o.id === id)!;
    expect([outcome.status, outcome.detail]).toEqual(["pass", []]);
  });
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
    if (runs[env].applied !== undefined) expect(runs[env].applied).toMatch(new RegExp(`^Apply complete! Resources: ${imported.length} imported, `));
  });

  test("nothing is destroyed or replaced", () => {
    expect(changes(runs[env].first).filter((c) => c.change.actions.includes("delete")).map((c) => c.address)).toEqual([]);
  });

  test("autoscaled apps keep their live count when it is above the floor and the autoscaler minimum (max(floor, minimum, live))", () => {
    const resolved = environment(env);
    const liveApps = Object.values(live(env).resources.cloudfoundry_app);
    // An app added to config since the live platform was recorded is not running there: it is created
    // (the empty-platform test pins what a new app starts with), so it has no live count to keep.
    const onPlatform = resolved.apps.filter((a) => a.instances.mode === "autoscaled" && liveApps.some((l) => l.name === a.name));
    expect(onPlatform.length).toBeGreaterThan(0);
    for (const app of onPlatform) {
      const planned = changes(runs[env].first).find((c) => c.address === `cloudfoundry_app.${app.name}`)!.change.after!.instances;
      const running = liveApps.find((a) => a.name === app.name)!.instances as number;
      const least = app.instances.mode === "autoscaled" ? Math.max(app.instances.deployFloor, app.instances.autoscaler.min) : 0;
      expect([app.name, planned]).toEqual([app.name, Math.max(least, running)]);
    }
  });
});

describe.each(ADOPTED)("%s, second deploy", (env) => {
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

  test("[row 4] [row 52] the drift job, as the identity the pipeline gives it, is green on the untouched estate", () => {
    expect(driftReport(env, parsePlanOrThrow(runs[env].second)).lines).toEqual([`drift (${env}): none; the plan is empty`]);
    // Adoption left null binding params (semantics row 4); the deploy's settling step set them, and only them.
    expect(settledParams[env]).toBeGreaterThan(0);
  });
});

/**
 * What a first plan changes, as docs/adopting.md tabulates it: "<type> <attribute>" (or "<type> (create)")
 * with how many resources, and the environment variables removed with how many apps. An attribute counts
 * when its planned value differs from the imported one, or when config sets it and the plan knows it
 * only at apply (a redrive policy naming a queue the plan creates); computed attributes the provider
 * plans unknown on any update (an app's id, created_at) are not changes of config's.
 */
function firstPlanChanges(plan: any): { attributes: Record<string, number>; removedVariables: Record<string, number>; otherVariableChanges: string[] } {
  const configured = new Map<string, Set<string>>(
    ((plan.configuration?.root_module?.resources ?? []) as { address: string; expressions?: object }[]).map((r) => [r.address, new Set(Object.keys(r.expressions ?? {}))]),
  );
  const attributes: Record<string, number> = {};
  const removedVariables: Record<string, number> = {};
  const otherVariableChanges: string[] = [];
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  for (const c of changes(plan) as any[]) {
    if (c.mode !== "managed") continue;
    const { actions, before, after, after_unknown: unknown = {}, importing } = c.change;
    if (actions.includes("create") && !importing) count(attributes, `${c.type} (create)`);
    if (!actions.includes("update")) continue;
    const address = c.address.replace(/\[.*\]$/, "");
    for (const k of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
      const changed = unknown[k] === true ? before?.[k] == null && configured.get(address)?.has(k) : JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]);
      if (changed) count(attributes, `${c.type} ${k}`);
    }
    if (c.type === "cloudfoundry_app") {
      const b = before.environment ?? {};
      const a = after.environment ?? {};
      for (const k of Object.keys(b)) if (!(k in a)) count(removedVariables, k);
      for (const k of Object.keys(a)) if (!(k in b) || a[k] !== b[k]) otherVariableChanges.push(`${c.address}: ${k}`);
    }
  }
  return { attributes, removedVariables, otherVariableChanges };
}

/** docs/adopting.md's tables of the first deploy: summaries by environment, changes, removed variables. */
function adoptingDoc(): { summaries: Record<string, string>; attributes: Record<string, number>; removedVariables: Record<string, number> } {
  const text = fs.readFileSync(path.join(ROOT, "docs", "adopting.md"), "utf8");
  const summaries: Record<string, string> = {};
  const attributes: Record<string, number> = {};
  const removedVariables: Record<string, number> = {};
  for (const line of text.split("\n")) {
    let m = /^\| (preview|staging|production) \| `(.+)` \|$/.exec(line);
    if (m) summaries[m[1]] = m[2];
    m = /^\| `([a-z_]+)` \| (?:`([a-z_]+)`|\(create\)) \| (\d+) \|/.exec(line);
    if (m) attributes[`${m[1]} ${m[2] ?? "(create)"}`] = Number(m[3]);
    m = /^\| `([A-Z0-9_]+)` \| (\d+) \|/.exec(line);
    if (m) removedVariables[m[1]] = Number(m[2]);
  }
  return { summaries, attributes, removedVariables };
}

describe("the first deploy against the estate as notifications-api deployed it (offline/platforms/, from the upstream record)", () => {
  test.each(ENVS)("%s: the first plan's summary is the one docs/adopting.md gives", (env) => {
    expect(runs[env].firstSummary).toBe(adoptingDoc().summaries[env]);
  });

  test("production: the first plan changes exactly what docs/adopting.md lists, as many times as it says", () => {
    const planned = firstPlanChanges(runs.production.first);
    const doc = adoptingDoc();
    expect(planned.attributes).toEqual(doc.attributes);
    expect(planned.removedVariables).toEqual(doc.removedVariables);
    // "Every other variable keeps its name and value": no credential is rewritten, no variable added.
    expect(planned.otherVariableChanges).toEqual([]);
  });

  test("staging and preview change the same attributes as production, bar production's sms-receipts floor", () => {
    const production = firstPlanChanges(runs.production.first).attributes;
    expect(production["cloudfoundry_app instances"]).toBe(1);
    const withoutFloor = Object.fromEntries(Object.entries(production).filter(([k]) => k !== "cloudfoundry_app instances"));
    for (const env of PLANNED) expect([env, firstPlanChanges(runs[env].first).attributes]).toEqual([env, withoutFloor]);
  });

  test("neither timeout nor health_check_invocation_timeout changes: config declares them as the apps run", () => {
    const attrs = Object.keys(firstPlanChanges(runs.production.first).attributes);
    expect(attrs.filter((a) => /timeout/.test(a))).toEqual([]);
    const apps = changes(runs.production.first).filter((c) => c.type === "cloudfoundry_app");
    for (const c of apps) expect([c.address, c.change.after!.timeout]).toEqual([c.address, null]);
  });
});

test("production's API runs above its floor of 25 on the live platform, and the deploy keeps it there", () => {
  const running = Object.values(live("production").resources.cloudfoundry_app).find((a) => a.name === "notify-api")!.instances as number;
  expect(running).toBeGreaterThan(25);
  const planned = changes(runs.production.first).find((c) => c.address === "cloudfoundry_app.notify-api")!.change.after!.instances;
  expect(planned).toBe(running);
});

test("on an empty platform the same stack creates everything, and the API starts at what a deploy keeps (the larger of its floor and autoscaler minimum)", () => {
  const { json, summary } = emptyPlan;
  expect(summary).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/);
  expect(changes(json).filter((c) => c.change.importing)).toEqual([]);
  const production = environment("production");
  const api = production.apps.find((a) => a.name === "notify-api")!;
  expect(deployMinimum(production, api)).toBeGreaterThanOrEqual(25);
  expect(changes(json).find((c) => c.address === "cloudfoundry_app.notify-api")!.change.after!.instances).toBe(deployMinimum(production, api));
});

test("drift: hand-made changes are named, values and hand-chosen names are not shown, and the autoscaler's work is not drift", () => {
  // The conformance suite's by-hand deploy on the adopted fixture estate: a fixed-count app scaled
  // up by hand, \`cf set-env\` on the API with a URL-shaped value, an autoscaled worker scaled up (as
  // the autoscaler would).
  const c = conformance.changes;
  const fixed = fixture("production").apps.find((a) => a.name === c.fixedApp)!;
  const count = fixed.instances.mode === "fixed" ? fixed.instances.count : -1;
  const { lines, empty } = driftReport("production", parsePlanOrThrow(conformance.plans.byHand!.json));
  expect(empty).toBe(false);
  const text = lines.join("\n");
  expect(text).toContain(`cloudfoundry_app.${c.fixedApp}: changed outside Terraform (instances ${count} -> ${count + 1}); the next deploy would update it back`);
  // A variable config does not declare is counted, never named: its name is someone's choice, and can say too much.
  expect(text).toMatch(new RegExp(`cloudfoundry_app\\.${c.envApp}: changed outside Terraform \\(environment: 1 key config does not declare (added|changed)[^)]*\\); the next deploy would update it back`));
  expect(text).not.toContain(SET_BY_HAND.name);
  expect(text).not.toContain(new URL(SET_BY_HAND.value).host);
  expect(text).not.toContain(`cloudfoundry_app.${c.autoscaledScaled}:`);
});

function parsePlanOrThrow(json: unknown) {
  const parsed = parsePlan(json);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed.plan;
}

// Deploy safety (deploys that cannot cause an outage or lose messages), proved in plans
// Terraform wrote or refused against the adopted estate.
const guard = (name: string) => blocking(guardPlan(results[name].json, resolveEstate(configOf[name]).find((e) => e.name === envOf[name])!));

test("every plan Terraform wrote says its own environment (space, queue names, IAM user); judged as another it is refused", () => {
  const planned = Object.entries(results).filter(([, r]) => r.json);
  expect(planned.length).toBeGreaterThan(0);
  for (const [name, r] of planned) {
    const envs = resolveEstate(configOf[name]);
    expect([name, planEnvironmentProblems(parsePlanOrThrow(r.json), envOf[name], envs)]).toEqual([name, []]);
    for (const other of envs.filter((e) => e.name !== envOf[name])) {
      expect(planEnvironmentProblems(parsePlanOrThrow(r.json), other.name, envs)).toEqual([expect.stringContaining(`this is a plan of ${envOf[name]}, not ${other.name}`)]);
    }
  }
});


const production = (config: EstateConfig) => resolveEstate(config).find((e) => e.name === "production")!;

test("binding a new service to every app creates the bindings in place; no app is updated or replaced", () => {
  const plan = conformance.plans.changes!.json;
  expect(pending(plan).filter((c) => c.type === "cloudfoundry_app" && c.change.actions.join() !== "create").map((c) => c.address)).toEqual([]);
  const created = pending(plan).filter((c) => c.type === "cloudfoundry_service_credential_binding" && c.change.actions.join() === "create");
  expect(created.map((c) => c.address).sort()).toEqual(fixture("production").apps.map((a) => `cloudfoundry_service_credential_binding.${NEW_SERVICE}["${a.name}"]`).sort());
});

test("unbinding a service deletes that binding in place, no app is replaced, and the plan guard asks for it to be accepted", () => {
  const c = conformance.changes;
  const plan = conformance.plans.newZip!.json;
  expect(pending(plan).filter((x) => x.change.actions.includes("delete")).map((x) => [x.address, x.change.actions.join("+")])).toEqual([
    [`cloudfoundry_service_credential_binding.${c.apiOnlyService}["${c.envApp}"]`, "delete"],
  ]);
  expect(blocking(guardPlan(plan, production(unboundConfig(c)))).map((f) => f.message)).toEqual(["service binding (the app loses the service's credentials) would be DESTROYED"]);
});

test("a queue deleted from config is forgotten, with its dead-letter queue: nothing is destroyed", () => {
  const c = conformance.changes;
  const plan = conformance.plans.changes!.json;
  expect(actionsOf(plan, `aws_sqs_queue.${c.removedQueue}`)).toEqual(["forget"]);
  expect(actionsOf(plan, `aws_sqs_queue.${c.removedQueue}-dead-letter`)).toEqual(["forget"]);
  expect(pending(plan).filter((x) => x.change.actions.includes("delete") && !x.address.startsWith(`aws_sqs_queue.${c.retiredQueue}`)).map((x) => x.address)).toEqual([]);
});

test("a retired, drained queue is destroyed, even in production, and the plan guard shows the retirement", () => {
  const c = conformance.changes;
  const plan = conformance.plans.changes!.json;
  expect(actionsOf(plan, `aws_sqs_queue.${c.retiredQueue}`)).toEqual(["delete"]);
  const env = production(changedConfig(c));
  expect(blocking(guardPlan(plan, env))).toEqual([]);
  const reason = env.retired.find((r) => r.name === c.retiredQueue)!.reason;
  expect(guardPlan(plan, env).map((f) => f.acceptedBecause)).toEqual([`retired in config/retired.ts: ${reason}`, `retired in config/retired.ts: ${reason}`]);
});

test("production: Terraform itself refuses to replace an app or a queue (prevent_destroy), whoever runs the deploy", () => {
  const r = results["production-replacements"];
  expect(r.json).toBeUndefined();
  expect(r.error).toMatch(/Instance cannot be destroyed/);
  expect(r.error).toContain(`cloudfoundry_app.${PRODUCTION_REPLACED.app}`);
  expect(r.error).toContain(`aws_sqs_queue.${PRODUCTION_REPLACED.queue}`);
});

test.each([
  ["staging-refusals", `cloudfoundry_app.${REFUSED.replaced}`, /app \(an outage while it is recreated\) would be REPLACED \(destroyed and created again, because org_name changed\)/],
  ["staging-refusals", `cloudfoundry_app.${REFUSED.belowMinimum}`, /below its autoscaler minimum/],
  ["staging-refusals", `cloudfoundry_app.${REFUSED.stopped}`, /would be STOPPED/],
  ["staging-refusals", routeAddress(fixtureApiRoute()), /PUBLIC route api\.\S+: route \(requests to it fail until it is back\) would be DESTROYED/],
  ["beat-to-0", `cloudfoundry_app.${FIXTURE_BEAT()}`, /celery beat at 0 in production/],
  ["staging-refusals", `cloudfoundry_app.${REFUSED.sidecar}`, /replaced CREATE-BEFORE-DESTROY under the same name/],
])("the plan guard refuses, in the plan Terraform wrote (%s): %s", (name, address, message) => {
  expect(results[name].error).toBeUndefined();
  expect(guard(name).filter((f) => f.address === address).map((f) => f.message).join("\n")).toMatch(message);
});

test("[row 18] an unbinding in a deploy that pushes every app is gone from the platform after the apply; new bindings are there", () => {
  // The conformance suite's new-zip deploy on the adopted fixture estate (its unbind scenario above).
  const c = conformance.changes;
  const apps = fixture("production").apps.map((a) => a.name);
  const pushed = pending(conformance.plans.newZip!.json).filter((x) => x.type === "cloudfoundry_app" && x.change.actions.join() === "update");
  expect(pushed.length).toBe(apps.length);
  const after = conformance.newZipAfter!;
  expect(after.bindings[c.envApp]).not.toContain(c.apiOnlyService);
  for (const app of apps) expect([app, (after.bindings[app] ?? []).filter((s) => s === NEW_SERVICE).length]).toEqual([app, 1]);
});

test("[row 4] after that deploy settles its state, the next plan is empty: the new bindings do not make every app plan a push", () => {
  expect(conformance.settled.newZip).toBe(fixture("production").apps.length);
  expect(conformance.outcomes.find((o) => o.id === "unbind")!.detail.filter((d) => d.startsWith("the next deploy"))).toEqual([]);
});

test("a deploy that changes only a queue pushes no app", () => {
  const plan = results["queue-only"].json;
  expect(pending(plan).map((c) => `${c.address} ${c.change.actions.join("+")}`)).toEqual([expect.stringMatching(/^aws_sqs_queue\.\S+ update$/)]);
});

test("[row 20] [row 44] a missed import is refused before apply: the plan guard names the running app the plan would create", () => {
  expect(results["missed-import"].error).toBeUndefined();
  expect(actionsOf(results["missed-import"].json, "cloudfoundry_app.notify-api")).toEqual(["create"]);
  expect(guard("missed-import").filter((f) => f.address === "cloudfoundry_app.notify-api").map((f) => f.message)).toEqual([
    expect.stringMatching(/^would be CREATED, but app notify-api already runs in the space: its import was missed/),
  ]);
});
