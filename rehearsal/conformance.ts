import * as fs from "fs";
import * as path from "path";
import { buildApp } from "../stacks/build";
import { appAddress } from "../stacks/addresses";
import { resolveEstate, type AppDefinition, type EnvironmentName, type EstateConfig, type ResolvedEnvironment } from "../config";
import { createsBindings, planSummary, settleTerraformState, type CommandResult } from "../offline/harness";

// The conformance suite: the deploy scenarios this project's safety claims rest on, each with ONE
// expected outcome, the one the REAL providers give (semantics rows cited). It runs the same steps
// against a target: the stand-in (npm test, and
// `npm run conformance -- --target standin`) or a real foundation with the real providers in a
// throwaway space (`--target live`, conformance-live.ts). Outcomes are read from the plan Terraform
// wrote AND from the platform after apply (what exists, what is bound), never from the plan alone.
//
// Scenarios are grouped into deploys ("branches") that touch disjoint resources, so that one plan and
// one apply serve several scenarios; each scenario reads only its own resources. Every branch starts
// from the estate as adoption left it (a settled state: the second plan is empty). On the stand-in each
// branch gets its own copy of that platform and state and they run side by side; on a live space they
// run one after another, each restoring the adopted estate first.

/** The suite's scenarios, in the order a person reads them; ids are stable (docs/conformance.md). */
export const SCENARIOS = [
  { id: "adopt", title: "adopt what runs", expected: "the first deploy imports every app, route and queue that runs, creates none of them, and the platform holds no second copy of any (semantics rows 20, 25, 44)" },
  { id: "second-deploy", title: "second deploy", expected: 'the deploy after adoption plans "No changes." (after at most importing the bindings apps created by the first got from their manifests)' },
  { id: "bind", title: "bind a service to every app", expected: "the platform has the new binding on every app after apply, and the plan changes no app (semantics row 31)" },
  { id: "unbind", title: "unbind a service while a new zip is pushed", expected: "the platform no longer has the binding after apply, although every app was pushed in the same deploy (semantics row 18), and the next deploy plans nothing" },
  { id: "scale-by-hand", title: "cf scale by hand", expected: "the next plan scales a fixed-count app back (semantics row 14) and keeps an autoscaled app's count" },
  { id: "set-env-by-hand", title: "cf set-env by hand", expected: "the next plan updates the app to remove the variable (semantics row 13)" },
  { id: "stop-by-hand", title: "cf stop by hand", expected: "invisible: the next plan does not touch the stopped app, and the app stays stopped (semantics row 9: `stopped` is never read from CF)" },
  { id: "remove-queue", title: "remove a queue from config", expected: "the queue and its dead-letter queue are forgotten: still on the platform after apply" },
  { id: "retire-queue", title: "retire a drained queue", expected: "the queue and its dead-letter queue are gone from the platform after apply" },
  { id: "new-app", title: "add an app", expected: "the app runs after apply with its services bound, and the next deploy settles to \"No changes.\"" },
  { id: "ssh", title: "SSH across a push of every app", expected: "every app's SSH on the platform is what config says, and what it was, after a deploy that pushed every app (semantics row 10)" },
] as const;
export type ScenarioId = (typeof SCENARIOS)[number]["id"];

export type Outcome = { readonly id: ScenarioId; readonly status: "pass" | "fail"; readonly detail: readonly string[] };

/** What a scenario reads on a platform: the same questions of the stand-in's platform and of Cloud Controller and SQS. */
export interface Observed {
  readonly apps: readonly { readonly name: string; readonly instances: number; readonly stopped: boolean; readonly enableSsh: boolean }[];
  /** app name -> service instance names bound to it. */
  readonly bindings: Readonly<Record<string, readonly string[]>>;
  /** SQS names of the queues that exist. */
  readonly queues: readonly string[];
}

/** One space (a stand-in platform copy, or the live space) with a Terraform working directory. */
export interface Space {
  readonly name: string;
  terraform(args: readonly string[], artifactSha: string): Promise<CommandResult>;
  /** Writes a file into the Terraform working directory (a state to push). */
  writeFile(name: string, content: string): void;
  /** Replaces the stack Terraform plans. */
  useStack(stack: object): void;
  observe(): Promise<Observed>;
  scaleByHand(app: string, instances: number): Promise<void>;
  setEnvByHand(app: string, name: string, value: string): Promise<void>;
  stopByHand(app: string): Promise<void>;
  /** The service team's part of a binding change: the instance exists before the deploy that binds it. */
  createServiceInstance(name: string): Promise<void>;
}

export interface Target {
  readonly name: "standin" | "live";
  /** Branches of the same adopted estate run side by side (the stand-in copies it), or one after another. */
  readonly parallel: boolean;
  /** The space of the first deploy, holding the estate as it runs before adoption, ready to plan `stack`. */
  adoptionSpace(stack: object): Promise<Space>;
  /** A space holding the estate as adoption left it (a copy, or the live space with the adopted estate restored). */
  branch(name: string): Promise<Space>;
  close(): Promise<void>;
}

const ARTIFACT_SHA = "0".repeat(64);
/** A new zip: every app is pushed (its source_code_hash changed). */
const NEW_ARTIFACT_SHA = "1".repeat(64);
export const NEW_SERVICE = "notify-conformance-new-service";
export const NEW_APP = "notify-conformance-worker";
/** What `cf set-env` sets: a value shaped like a credential-bearing URL, which no report may print. */
export const SET_BY_HAND = { name: "MMG_URL", value: "https://set-by-hand.example/secret-path" } as const;

/** The config changes and hand actions the suite makes, derived from config so that they survive config changes. */
export interface Changes {
  readonly env: EnvironmentName;
  readonly baseline: EstateConfig;
  /** A service bound to the API alone (the kind the team unbinds: notify-splunk in 2023). */
  readonly apiOnlyService: string;
  /** Two queues no app of the estate uses (another estate consumes them): one removed, one retired. */
  readonly removedQueue: string;
  readonly retiredQueue: string;
  /** A fixed-count app that runs (scaled by hand), and two autoscaled apps (one scaled up, one stopped by hand). */
  readonly fixedApp: string;
  readonly autoscaledScaled: string;
  readonly stoppedApp: string;
  /** The app `cf set-env` is run on. */
  readonly envApp: string;
}

export function changesFor(config: EstateConfig, env: EnvironmentName): Changes {
  const resolved = resolveEstate(config).find((e) => e.name === env)!;
  // The unbinding the team makes (notify-splunk from the API in 2023): a service only the web app has,
  // else any service it has (unbound from that app alone), so that the suite survives that very change.
  const web = config.apps.filter((a) => a.role === "web" && a.services.length > 0);
  const only = (a: (typeof web)[number]) => a.services.find((s) => config.apps.filter((b) => b.services.includes(s)).length === 1);
  const api = web.find((a) => only(a)) ?? web[0];
  const apiOnlyService = api && (only(api) ?? api.services[0]);
  const used = new Set(config.apps.flatMap((a) => (a.process.kind === "celery-beat" ? a.process.publishesTo : "queues" in a.process ? a.process.queues : [])));
  const unused = config.queues.filter((q) => q.externalConsumer && !used.has(q.name)).map((q) => q.name);
  const fixed = resolved.apps.find((a) => a.instances.mode === "fixed" && a.instances.count > 0);
  const autoscaled = resolved.apps.filter((a) => a.instances.mode === "autoscaled" && a.role === "worker");
  const missing = [
    !apiOnlyService && "a web app with a service bound (to unbind)",
    unused.length < 2 && "two queues no app uses (to remove and to retire)",
    !fixed && "a fixed-count app that runs (to scale by hand)",
    autoscaled.length < 2 && "two autoscaled workers (to scale and to stop by hand)",
  ].filter(Boolean);
  if (missing.length) throw new Error(`the conformance suite needs, in ${env}: ${missing.join("; ")}`);
  return {
    env,
    baseline: config,
    apiOnlyService: apiOnlyService!,
    removedQueue: unused[0],
    retiredQueue: unused[1],
    fixedApp: fixed!.name,
    autoscaledScaled: autoscaled[0].name,
    stoppedApp: autoscaled[1].name,
    envApp: api!.name,
  };
}

/** Branch "changes": bind a new service to every app, remove one queue, retire another, add an app. */
export function changedConfig(c: Changes): EstateConfig {
  const template = c.baseline.apps.find((a) => a.name === c.autoscaledScaled)!;
  const newApp: AppDefinition = { ...template, name: NEW_APP, notifyAppName: "conformance-worker", scaling: { mode: "fixed", count: 1 }, acknowledgements: [] };
  return {
    ...c.baseline,
    apps: [...c.baseline.apps, newApp].map((a) => ({ ...a, services: [...a.services, NEW_SERVICE] })),
    // The new app reads the secrets of the app it copies, as a team's copy would: allowed them, so that
    // the config the suite deploys passes the guardrails a real change must (NOTIFY-SECRET-GRANTS).
    secrets: c.baseline.secrets.map((x) => (Array.isArray(x.allowedApps) && x.allowedApps.includes(template.name) ? { ...x, allowedApps: [...x.allowedApps, NEW_APP] } : x)),
    queues: c.baseline.queues.filter((q) => q.name !== c.removedQueue && q.name !== c.retiredQueue),
    retired: [...(c.baseline.retired ?? []), { kind: "queue", name: c.retiredQueue, reason: "Retired by the conformance suite, which drained it first.", drained: true }],
  };
}

/** Branch "new zip": the API unbound from its API-only service, and a new service bound to every app, while every app is pushed. */
export function unboundConfig(c: Changes): EstateConfig {
  return {
    ...c.baseline,
    apps: c.baseline.apps.map((a) => ({ ...a, services: [...(a.name === c.envApp ? a.services.filter((s) => s !== c.apiOnlyService) : a.services), NEW_SERVICE] })),
  };
}

/** A stack of one environment synthesized from a config, in memory (no cdktf CLI). */
export function synthesize(config: EstateConfig, env: EnvironmentName, outdir: string): object {
  fs.mkdirSync(outdir, { recursive: true });
  // The one environment only: each stack is synthesized on its own (no environment references another).
  buildApp(outdir, resolveEstate(config).filter((e) => e.name === env)).synth();
  return JSON.parse(fs.readFileSync(path.join(outdir, "stacks", env, "cdk.tf.json"), "utf8"));
}

type Change = { address: string; type: string; name: string; change: { actions: string[]; importing?: { id: string }; after: Record<string, any> | null } };
export interface Planned {
  readonly summary: string;
  readonly changes: readonly Change[];
  readonly json: any;
}

async function tf(space: Space, args: readonly string[], sha = ARTIFACT_SHA): Promise<CommandResult> {
  const r = await space.terraform(args, sha);
  if (r.code !== 0) throw new Error(`terraform ${args[0]} (${space.name}) failed:\n${r.stderr}${r.stdout}`.slice(0, 4000));
  return r;
}

/** terraform plan -out, then show -json: the plan as Terraform wrote it ("No changes." needs no show). */
export async function plan(space: Space, sha = ARTIFACT_SHA, file = "conformance.plan"): Promise<Planned> {
  const p = await tf(space, ["plan", "-input=false", "-no-color", `-out=${file}`], sha);
  if (/^No changes\./m.test(p.stdout)) return { summary: planSummary(p.stdout), changes: [], json: { resource_changes: [] } };
  const shown = await tf(space, ["show", "-json", file], sha);
  const json = JSON.parse(shown.stdout);
  return { summary: planSummary(p.stdout), changes: json.resource_changes ?? [], json };
}

/** A plan whose summary alone is read ("No changes." or not): no show. */
async function planSummaryOnly(space: Space, sha = ARTIFACT_SHA, file = "conformance.plan"): Promise<string> {
  return planSummary((await tf(space, ["plan", "-input=false", "-no-color", `-out=${file}`], sha)).stdout);
}

async function apply(space: Space, sha = ARTIFACT_SHA, file = "conformance.plan"): Promise<string> {
  const r = await tf(space, ["apply", "-input=false", "-no-color", file], sha);
  return /Apply complete!.*$/m.exec(r.stdout)?.[0] ?? "";
}

/**
 * What the deploy does after its apply when a plan follows (docs/adoption-under-the-real-provider.md):
 * a refresh-only apply, then the null binding params cloudfoundry 1.16.0 reads set to "{}" in the state
 * and nothing else (plan/binding-params.ts, semantics row 4). It changes state only, never the platform.
 */
async function settleState(space: Space, sha = ARTIFACT_SHA, refresh = true): Promise<number> {
  // The refresh brings the bindings the apply made into their apps' state; with none made it changes nothing.
  return settleTerraformState(
    space.name,
    (args) => space.terraform(args, sha),
    (content) => {
      const file = `settled-${process.pid}-${Date.now()}.tfstate`;
      space.writeFile(file, content);
      return file;
    },
    refresh,
  );
}

const pending = (p: Planned) => p.changes.filter((c) => !c.change.actions.every((a) => a === "no-op" || a === "read"));
/** Whether a planned change only imports a binding (what a second deploy does for an app the first created). */
export const importsABinding = (c: Pick<Change, "type" | "change">) => c.type === "cloudfoundry_service_credential_binding" && !!c.change.importing && c.change.actions.every((a) => a === "no-op");

/**
 * Applies until settled: a deploy that only imports the bindings new apps got from their manifests
 * earns one more plan, which must be "No changes.". Returns the last summary.
 */
async function settle(space: Space): Promise<string> {
  const summary = await planSummaryOnly(space, ARTIFACT_SHA, "settle.plan");
  if (!/^Plan: \d+ to import, 0 to add, 0 to change, 0 to destroy\.$/.test(summary)) return summary;
  await apply(space, ARTIFACT_SHA, "settle.plan");
  // An apply that only imports pushes no app, so no binding params change: the deploy's settling step
  // (which it runs anyway) would find nothing to set.
  return planSummaryOnly(space, ARTIFACT_SHA, "settle.plan");
}

/** Collects one outcome per scenario: a check that throws, or returns problems, fails that scenario only. */
class Outcomes {
  readonly byId = new Map<ScenarioId, Outcome>();

  async check(id: ScenarioId, f: () => Promise<string[]> | string[]): Promise<void> {
    try {
      const problems = await f();
      this.byId.set(id, { id, status: problems.length ? "fail" : "pass", detail: problems });
    } catch (err) {
      this.byId.set(id, { id, status: "fail", detail: [(err as Error).message] });
    }
  }

  /** A branch that failed before its scenarios could be read fails each of them, saying why. */
  failAll(ids: readonly ScenarioId[], err: unknown): void {
    for (const id of ids) if (!this.byId.has(id)) this.byId.set(id, { id, status: "fail", detail: [`the deploy this scenario is part of failed: ${(err as Error).message}`] });
  }
}

const expectEqual = (what: string, actual: unknown, expected: unknown): string[] =>
  JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];

/** What the suite leaves behind for other tests to read (plans Terraform wrote on the adopted estate). */
export interface ConformanceRun {
  readonly outcomes: readonly Outcome[];
  readonly adoption?: { readonly first: Planned; readonly applied: string; readonly secondSummary: string; readonly settledSummary: string };
  /** The plans Terraform wrote in each branch, for tests of the tools that read plans (drift, plan guard). */
  readonly plans: { readonly changes?: Planned; readonly byHand?: Planned; readonly newZip?: Planned };
  /** The platform after the new-zip deploy's apply. */
  readonly newZipAfter?: Observed;
  /** Binding params the deploy's settling step set to "{}" after each apply (semantics row 4). */
  readonly settled: { adoption?: number; changes?: number; newZip?: number };
  readonly changes: Changes;
}

/**
 * Runs every scenario against a target. `baseline` is the estate config whose environment `env` the
 * target's space holds (its stack is synthesized into `work`).
 */
export async function runConformance(target: Target, baseline: EstateConfig, env: EnvironmentName, work: string): Promise<ConformanceRun> {
  const out = new Outcomes();
  const c = changesFor(baseline, env);
  const stacks = {
    baseline: synthesize(baseline, env, path.join(work, "synth-baseline")),
    changes: synthesize(changedConfig(c), env, path.join(work, "synth-changes")),
    unbound: synthesize(unboundConfig(c), env, path.join(work, "synth-unbound")),
  };
  const resolved = resolveEstate(baseline).find((e) => e.name === env)!;

  // Adoption and the second deploy: everything else starts from their result.
  let adoption: ConformanceRun["adoption"];
  const settled: { adoption?: number; changes?: number; newZip?: number } = {};
  try {
    const space = await target.adoptionSpace(stacks.baseline);
    const before = await space.observe();
    const first = await plan(space, ARTIFACT_SHA, "first.plan");
    const applied = await apply(space, ARTIFACT_SHA, "first.plan");
    settled.adoption = await settleState(space, ARTIFACT_SHA, createsBindings(first.json));
    const after = await space.observe();
    const second = await plan(space, ARTIFACT_SHA, "second.plan");
    const settledSummary = /^No changes\./.test(second.summary) ? second.summary : await settle(space);
    adoption = { first, applied, secondSummary: second.summary, settledSummary };
    await out.check("adopt", () => adoptProblems(first, applied, before, after, resolved));
    await out.check("second-deploy", () => secondDeployProblems(first, second, settledSummary));
  } catch (err) {
    out.failAll(SCENARIOS.map((s) => s.id), err);
    return { outcomes: SCENARIOS.map((s) => out.byId.get(s.id)!), plans: {}, changes: c, settled: {} };
  }

  const plans: { changes?: Planned; byHand?: Planned; newZip?: Planned } = {};
  let newZipAfter: Observed | undefined;
  const branches: [readonly ScenarioId[], () => Promise<void>][] = [
    // A live space runs them in this order: the last needs no restoring after it.
    [
      ["unbind", "ssh"],
      async () => {
        const s = await target.branch("new-zip");
        await s.createServiceInstance(NEW_SERVICE);
        const before = await s.observe();
        s.useStack(stacks.unbound);
        plans.newZip = await plan(s, NEW_ARTIFACT_SHA);
        await apply(s, NEW_ARTIFACT_SHA);
        const after = await s.observe();
        newZipAfter = after;
        settled.newZip = await settleState(s, NEW_ARTIFACT_SHA);
        const next = await planSummaryOnly(s, NEW_ARTIFACT_SHA);
        await out.check("unbind", () => [
          ...expectEqual(`${c.envApp} bound to ${c.apiOnlyService} on the platform after apply`, (after.bindings[c.envApp] ?? []).includes(c.apiOnlyService), false),
          ...(/^No changes\./.test(next) ? [] : [`the next deploy plans: ${next}`]),
        ]);
        await out.check("ssh", () => [
          ...expectEqual("SSH per app before the deploy", before.apps.map((a) => [a.name, a.enableSsh]), before.apps.map((a) => [a.name, resolved.sshEnabled])),
          ...expectEqual("SSH per app after a deploy that pushed every app", after.apps.map((a) => [a.name, a.enableSsh]), before.apps.map((a) => [a.name, resolved.sshEnabled])),
        ]);
      },
    ],
    [
      ["scale-by-hand", "set-env-by-hand", "stop-by-hand"],
      async () => {
        const s = await target.branch("by-hand");
        s.useStack(stacks.baseline);
        const before = await s.observe();
        const fixed = before.apps.find((a) => a.name === c.fixedApp)!;
        const scaled = before.apps.find((a) => a.name === c.autoscaledScaled)!;
        await s.scaleByHand(c.fixedApp, fixed.instances + 1);
        await s.scaleByHand(c.autoscaledScaled, scaled.instances + 3);
        await s.setEnvByHand(c.envApp, SET_BY_HAND.name, SET_BY_HAND.value);
        await s.stopByHand(c.stoppedApp);
        const p = await plan(s);
        plans.byHand = p;
        const actions = (app: string) => p.changes.find((x) => x.address === appAddress(app))?.change.actions.join("+") ?? "(not in the plan)";
        const drifted = (app: string) => (p.json.resource_drift ?? []).some((d: any) => d.address === appAddress(app));
        await out.check("scale-by-hand", () => [
          ...expectEqual(`${c.fixedApp} (fixed count, scaled by hand)`, [actions(c.fixedApp), p.changes.find((x) => x.address === appAddress(c.fixedApp))?.change.after?.instances], ["update", fixed.instances]),
          ...expectEqual(`${c.autoscaledScaled} (autoscaled, scaled up)`, actions(c.autoscaledScaled), "no-op"),
        ]);
        await out.check("set-env-by-hand", () => expectEqual(`${c.envApp} after cf set-env`, [actions(c.envApp), drifted(c.envApp)], ["update", true]));
        await out.check("stop-by-hand", async () => {
          const now = await s.observe();
          return [
            ...expectEqual(`${c.stoppedApp} (stopped by hand) in the plan`, [actions(c.stoppedApp), drifted(c.stoppedApp)], ["no-op", false]),
            ...expectEqual(`${c.stoppedApp} stopped on the platform`, now.apps.find((a) => a.name === c.stoppedApp)?.stopped, true),
          ];
        });
      },
    ],
    [
      ["bind", "remove-queue", "retire-queue", "new-app"],
      async () => {
        const s = await target.branch("changes");
        await s.createServiceInstance(NEW_SERVICE);
        s.useStack(stacks.changes);
        const p = await plan(s);
        plans.changes = p;
        await apply(s);
        settled.changes = await settleState(s);
        const after = await s.observe();
        const queue = (name: string) => resolved.queues.find((q) => q.name === name)!;
        await out.check("bind", () => [
          ...expectEqual("apps the plan updates or replaces", pending(p).filter((x) => x.type === "cloudfoundry_app" && !x.change.actions.includes("create")).map((x) => x.address), []),
          ...expectEqual(`apps without ${NEW_SERVICE} on the platform after apply`, after.apps.filter((a) => !(after.bindings[a.name] ?? []).includes(NEW_SERVICE)).map((a) => a.name), []),
        ]);
        for (const [id, name, present] of [["remove-queue", c.removedQueue, true], ["retire-queue", c.retiredQueue, false]] as const) {
          await out.check(id, () => {
            const q = queue(name);
            return expectEqual(`${q.sqsName} and ${q.deadLetter.sqsName} on the platform after apply`, [q.sqsName, q.deadLetter.sqsName].map((n) => after.queues.includes(n)), [present, present]);
          });
        }
        await out.check("new-app", async () => {
          const app = after.apps.find((a) => a.name === NEW_APP);
          const wanted = [...(c.baseline.apps.find((a) => a.name === c.autoscaledScaled)!.services), NEW_SERVICE].sort();
          const problems = [
            ...(app ? expectEqual(`${NEW_APP} running`, { stopped: app.stopped, instances: app.instances }, { stopped: false, instances: 1 }) : [`${NEW_APP} is not on the platform after apply`]),
            ...expectEqual(`${NEW_APP}'s bindings on the platform`, [...(after.bindings[NEW_APP] ?? [])].sort(), wanted),
          ];
          const settled = await settle(s);
          return [...problems, ...(/^No changes\./.test(settled) ? [] : [`the next deploy does not settle: ${settled}`])];
        });
      },
    ],
  ];
  const runBranch = async ([ids, f]: (typeof branches)[number]) => {
    try {
      await f();
    } catch (err) {
      out.failAll(ids, err);
    }
  };
  if (target.parallel) await Promise.all(branches.map(runBranch));
  else for (const b of branches) await runBranch(b);
  return { outcomes: SCENARIOS.map((s) => out.byId.get(s.id)!), adoption, plans, changes: c, settled, newZipAfter };
}

function adoptProblems(first: Planned, applied: string, before: Observed, after: Observed, env: ResolvedEnvironment): string[] {
  const names = new Set(before.apps.map((a) => a.name));
  const queues = new Set(before.queues);
  const created = first.changes.filter((c) => c.change.actions.includes("create") && !c.change.importing);
  const createdExisting = created.filter(
    (c) => (c.type === "cloudfoundry_app" && names.has(c.change.after?.name)) || (c.type === "aws_sqs_queue" && queues.has(c.change.after?.name)),
  );
  const imported = first.changes.filter((c) => c.change.importing);
  const declaredRunning = env.apps.filter((a) => names.has(a.name)).length;
  const count = (xs: readonly { name: string }[]) => xs.reduce((m, x) => m.set(x.name, (m.get(x.name) ?? 0) + 1), new Map<string, number>());
  return [
    ...expectEqual("objects the first deploy creates although they run", createdExisting.map((c) => c.address), []),
    ...expectEqual("apps imported (the declared apps that run)", imported.filter((c) => c.type === "cloudfoundry_app").length, declaredRunning),
    ...expectEqual("objects destroyed or replaced", first.changes.filter((c) => c.change.actions.includes("delete")).map((c) => c.address), []),
    ...expectEqual("apps with more than one copy on the platform after apply", [...count(after.apps)].filter(([, n]) => n > 1).map(([n]) => n), []),
    ...(new RegExp(`^Apply complete! Resources: ${imported.length} imported, `).test(applied) ? [] : [`apply said "${applied}", not ${imported.length} imported`]),
  ];
}

function secondDeployProblems(first: Planned, second: Planned, settled: string): string[] {
  const created = new Set(first.changes.filter((c) => c.type === "cloudfoundry_app" && c.change.actions.includes("create") && !c.change.importing).map((c) => c.name));
  const imports = second.changes.filter((c) => c.change.importing);
  return [
    ...expectEqual("changes the second plan makes", pending(second).map((c) => `${c.address}: ${c.change.actions.join("+")}`), []),
    ...expectEqual("imports other than the bindings of apps the first deploy created", imports.filter((c) => !importsABinding(c) || !created.has(String((c as any).index))).map((c) => c.address), []),
    ...(/^No changes\./.test(settled) ? [] : [`the deploy after that plans: ${settled}`]),
  ];
}

/** One line per scenario, then the failing scenarios' details. */
export function report(target: string, outcomes: readonly Outcome[]): string {
  const lines = SCENARIOS.map((s) => {
    const o = outcomes.find((x) => x.id === s.id)!;
    return `${o.status === "pass" ? "PASS" : "FAIL"}  ${s.id}: ${s.expected}`;
  });
  const failed = outcomes.filter((o) => o.status === "fail").flatMap((o) => [`${o.id}:`, ...o.detail.map((d) => `  ${d}`)]);
  return [`conformance --target ${target}`, ...lines, ...(failed.length ? ["", ...failed] : [])].join("\n") + "\n";
}
