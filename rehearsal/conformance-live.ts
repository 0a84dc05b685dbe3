import * as fs from "fs";
import * as path from "path";
import { resolveEstate, type EnvironmentName, type EstateConfig, type ResolvedEnvironment } from "../config";
import { changesFor, NEW_APP, NEW_SERVICE, SCENARIOS, type Observed, type Space, type Target } from "./conformance";
import { runProcess, type CommandResult } from "../offline/harness";

// The conformance suite's live target: a real Cloud Foundry foundation and AWS account, the real
// providers (cloudfoundry/cloudfoundry 1.16.0, hashicorp/aws 5.100.0, installed by `terraform init`
// as for a deploy), in a THROWAWAY space. It refuses a space that holds anything it did not create
// (everything it creates carries the label below), and a space config names for an environment.
// docs/conformance.md says how a team runs it before adopting production.
//
// What it deploys is the environment's estate projected into the sandbox: the same apps, routes,
// bindings, policies and queues, with every app a stand-in process (binary buildpack, `sleep
// infinity`, 64M) so that no app needs its database to start; one instance each; queues, SSM
// parameters and the IAM user under names derived from the space. The outcomes under test are the
// providers' and the platform's, not the app's.

export const LABEL = "notify-estate-conformance";
const MiB = { memory: "64M", disk: "256M" };

export interface LiveOptions {
  readonly space: string;
  /** @default the org `cf target` shows */
  readonly org?: string;
  /** A domain of the foundation the sandbox routes use (public and default routes). @default the first shared domain */
  readonly domain?: string;
  readonly env: EnvironmentName;
}

/** A command the live run executes, or (dry run) prints. */
export interface Step {
  readonly why: string;
  readonly cmd: string;
  readonly args: readonly string[];
  /** @default the run's working directory */
  readonly cwd?: string;
}

/** Runs commands, or in a dry run records them and answers reads from nothing. */
export interface Shell {
  exec(step: Step): Promise<CommandResult>;
}

/** The shell of a real run: commands run in `cwd` with `env` (the calling command's environment: cf's and AWS's credentials). */
export const realShell = (cwd: string, env: NodeJS.ProcessEnv): Shell => ({
  // A missing command is an answer (exit 127, as a shell says it), not a crash: the preflight names it.
  exec: (s) => runProcess(s.cmd, s.args, { cwd: s.cwd ?? cwd, env }).catch((err: NodeJS.ErrnoException) => ({ code: 127, stdout: "", stderr: `${s.cmd}: ${err.code === "ENOENT" ? "command not found" : err.message}` })),
});

export class LiveRefusal extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

const names = (r: any): any[] => (Array.isArray(r?.resources) ? r.resources : []);

async function cfJson(shell: Shell, url: string, why: string): Promise<any> {
  const r = await shell.exec({ why, cmd: "cf", args: ["curl", url] });
  if (r.code !== 0) throw new LiveRefusal([`cf curl ${url} failed (${why}): ${(r.stderr || r.stdout).trim().split("\n")[0] ?? ""}; is cf installed and logged in (cf login)?`]);
  try {
    const json = JSON.parse(r.stdout);
    if (json?.errors?.length) throw new LiveRefusal([`cf curl ${url}: ${json.errors.map((e: any) => e.detail).join("; ")}`]);
    return json;
  } catch (err) {
    if (err instanceof LiveRefusal) throw err;
    throw new LiveRefusal([`cf curl ${url} did not answer JSON (${why})`]);
  }
}

/** The space the run may use: it exists, is not an environment's, and holds only what this suite created. */
export interface Preflight {
  readonly api: string;
  readonly org: string;
  readonly orgGuid: string;
  readonly spaceGuid: string;
  readonly domain: string;
  /** Objects of earlier runs of this suite (labelled): removed by the teardown. */
  readonly ours: readonly string[];
}

export async function preflight(shell: Shell, opts: LiveOptions, config: EstateConfig): Promise<Preflight> {
  const envSpaces = config.environments.map((e) => e.space);
  if (envSpaces.includes(opts.space)) {
    throw new LiveRefusal([
      `refused: space "${opts.space}" is an environment's space in config (${envSpaces.join(", ")}); the suite deploys, scales, stops and unbinds, so it runs only in a throwaway space (cf create-space notify-conformance-<you>)`,
    ]);
  }
  const target = await shell.exec({ why: "the API and org cf is logged in to", cmd: "cf", args: ["target"] });
  if (target.code !== 0) throw new LiveRefusal([`cf target failed: ${(target.stderr || target.stdout).trim().split("\n")[0] ?? ""}; install the cf CLI and cf login first`]);
  const api = /^API endpoint:\s*(\S+)/m.exec(target.stdout)?.[1];
  const org = opts.org ?? /^org:\s*(\S+)/m.exec(target.stdout)?.[1];
  if (!api || !org) throw new LiveRefusal(["cf target shows no API endpoint or org: cf login -a <api> -o <org>, or pass --org"]);
  const orgs = names(await cfJson(shell, `/v3/organizations?names=${encodeURIComponent(org)}`, "the org's GUID"));
  if (!orgs.length) throw new LiveRefusal([`refused: no org "${org}" visible to this user`]);
  const orgGuid = String(orgs[0].guid);
  const spaces = names(await cfJson(shell, `/v3/spaces?names=${encodeURIComponent(opts.space)}&organization_guids=${orgGuid}`, "the space's GUID"));
  if (!spaces.length) throw new LiveRefusal([`refused: no space "${opts.space}" in org ${org}; create a throwaway one: cf create-space ${opts.space} -o ${org}`]);
  const spaceGuid = String(spaces[0].guid);
  const foreign: string[] = [];
  const ours: string[] = [];
  for (const [kind, url] of [
    ["app", `/v3/apps?space_guids=${spaceGuid}&per_page=5000`],
    ["route", `/v3/routes?space_guids=${spaceGuid}&per_page=5000`],
    ["service instance", `/v3/service_instances?space_guids=${spaceGuid}&per_page=5000`],
  ] as const) {
    for (const o of names(await cfJson(shell, url, `what the space holds (${kind}s)`))) {
      const label = `${kind} ${o.name ?? o.url ?? o.guid}`;
      (o.metadata?.labels?.[LABEL] === "true" ? ours : foreign).push(label);
    }
  }
  if (foreign.length) {
    throw new LiveRefusal([
      `refused: space "${opts.space}" holds ${foreign.length} object${foreign.length === 1 ? "" : "s"} this suite did not create (no ${LABEL}=true label): ${foreign.slice(0, 10).join(", ")}${foreign.length > 10 ? ", ..." : ""}`,
      "the suite runs only in a throwaway space that is empty or holds only what an earlier run of it left: use a new space (cf create-space)",
    ]);
  }
  let domain = opts.domain;
  if (!domain) {
    const shared = names(await cfJson(shell, "/v3/domains?per_page=5000", "a shared domain for the sandbox routes")).find((d) => !d.internal && !d.relationships?.organization?.data);
    if (!shared) throw new LiveRefusal(["no shared domain on this foundation: pass --domain"]);
    domain = String(shared.name);
  }
  return { api, org, orgGuid, spaceGuid, domain, ours };
}

/** The environment's estate projected into the sandbox space (names derived from the space). */
export function sandboxEstate(config: EstateConfig, opts: LiveOptions, pre: Pick<Preflight, "api" | "org" | "domain">): EstateConfig {
  const prefix = `conformance-${opts.space.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-`;
  return {
    ...config,
    defaults: { ...config.defaults, org: pre.org, sharedAppsDomain: pre.domain, ssmPrefix: `/notify-conformance/${opts.space}` },
    environments: config.environments
      .filter((e) => e.name === opts.env)
      .map((e) => ({
        ...e,
        space: opts.space,
        cfApiUrl: pre.api,
        publicDomain: pre.domain,
        queuePrefix: prefix,
        appsIamUser: `${prefix}apps`.slice(0, 64),
        // One instance of each: the outcomes do not depend on counts, the sandbox's quota does.
        scaling: Object.fromEntries(Object.entries(e.scaling).map(([app, s]) => [app, "autoscaler" in s ? { autoscaler: { min: 1, max: 1 }, deployFloor: 1 } : s])),
      })),
  };
}

/** Every app a process that starts without the estate's database: the same resources, a trivial workload. */
export function sandboxStack(stack: any): any {
  const out = structuredClone(stack);
  for (const app of Object.values<any>(out.resource?.cloudfoundry_app ?? {})) {
    app.command = "sleep infinity";
    app.buildpacks = ["binary_buildpack"];
    app.health_check_type = "process";
    delete app.health_check_http_endpoint;
    delete app.health_check_invocation_timeout;
    app.memory = MiB.memory;
    app.disk_quota = MiB.disk;
  }
  return out;
}

/** What the run creates before adoption, and removes at the end: the commands, in order. */
export function seedSteps(env: ResolvedEnvironment, artifactZip: string): Step[] {
  const services = [...new Set([...env.apps.flatMap((a) => a.services), NEW_SERVICE])].sort();
  return [
    { why: "the user the apps' queue-boundary policy attaches to", cmd: "aws", args: ["iam", "create-user", "--user-name", env.appsIamUser] },
    ...env.parameters.map((p) => ({
      why: `secret-store parameter the stack reads (placeholder value, never a real secret)`,
      cmd: "aws",
      args: ["ssm", "put-parameter", "--overwrite", "--name", p.parameterName, "--type", p.kind === "secret" ? "SecureString" : "String", "--value", "conformance-placeholder"],
    })),
    ...services.map((s) => ({ why: "a service instance the estate binds (user-provided: no broker needed)", cmd: "cf", args: ["create-user-provided-service", s, "-p", "{}"] })),
    {
      why: "the statsd exporter the estate reads but does not own",
      cmd: "cf",
      args: ["push", env.statsd.exporterApp, "-p", artifactZip, "-b", "binary_buildpack", "-c", "sleep infinity", "-m", MiB.memory, "-k", MiB.disk, "-u", "process", "--no-route"],
    },
  ];
}

export function teardownSteps(env: ResolvedEnvironment, apps: readonly string[], queues: readonly string[], policyArns: readonly string[]): Step[] {
  const services = [...new Set([...env.apps.flatMap((a) => a.services), NEW_SERVICE])].sort();
  return [
    ...apps.map((a) => ({ why: "remove what the run created", cmd: "cf", args: ["delete", a, "-r", "-f"] })),
    { why: "remove what the run created", cmd: "cf", args: ["delete-orphaned-routes", "-f"] },
    ...services.map((s) => ({ why: "remove what the run created", cmd: "cf", args: ["delete-service", s, "-f"] })),
    ...queues.map((q) => ({ why: "remove what the run created", cmd: "aws", args: ["sqs", "delete-queue", "--queue-url", q] })),
    ...env.parameters.map((p) => ({ why: "remove what the run created", cmd: "aws", args: ["ssm", "delete-parameter", "--name", p.parameterName] })),
    ...policyArns.flatMap((arn) => [
      { why: "remove what the run created", cmd: "aws", args: ["iam", "detach-user-policy", "--user-name", env.appsIamUser, "--policy-arn", arn] },
      { why: "remove what the run created", cmd: "aws", args: ["iam", "delete-policy", "--policy-arn", arn] },
    ]),
    { why: "remove what the run created", cmd: "aws", args: ["iam", "delete-user", "--user-name", env.appsIamUser] },
  ];
}

/** What a dry run prints: the checks it made, then every step of a run, in order. */
export function dryRunText(opts: LiveOptions, config: EstateConfig, pre: Preflight): string {
  const sandbox = sandboxEstate(config, opts, pre);
  const env = resolveEstate(sandbox).find((e) => e.name === opts.env)!;
  const c = changesFor(sandbox, opts.env);
  const show = (s: Step) => `  ${s.cmd} ${s.args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(" ")}    # ${s.why}`;
  const lines = [
    `conformance --target live --dry-run: nothing is changed`,
    `space ${opts.space} in org ${pre.org} on ${pre.api}: exists, holds nothing this suite did not create${pre.ours.length ? ` (${pre.ours.length} objects of an earlier run, removed first)` : " (empty)"}`,
    `estate: ${opts.env}'s ${env.apps.length} apps, ${env.queues.length} queues (SQS names ${env.queuePrefix}*), routes on ${pre.domain}; every app a stand-in process (binary buildpack, sleep infinity, ${MiB.memory}), one instance each`,
    `providers: cloudfoundry/cloudfoundry 1.16.0 and hashicorp/aws 5.100.0 as terraform init installs them; credentials from this shell (CF_USER/CF_PASSWORD or the cf CLI's, AWS_PROFILE or AWS_*)`,
    "",
    "1. seed the estate as it runs, outside Terraform state:",
      `  zip app.zip README    # the app zip every app is pushed from (one placeholder file)`,
    ...seedSteps(env, "app.zip").map(show),
    `  terraform apply (the sandbox stack, empty state), label every app and route ${LABEL}=true, then set that state aside: the estate now runs unmanaged`,
    "2. scenarios (each reads the plan Terraform writes and the platform after apply):",
    ...SCENARIOS.map((s) => `  ${s.id}: expects ${s.expected}`),
    `  deploys: adoption (plan, apply, plan); "new zip": ${c.envApp} unbound from ${c.apiOnlyService}, every app pushed; "by hand": cf scale ${c.fixedApp} and ${c.autoscaledScaled}, cf set-env ${c.envApp}, cf stop ${c.stoppedApp}, then plan; "changes": ${NEW_SERVICE} bound to every app, queue ${c.removedQueue} removed, ${c.retiredQueue} retired, app ${NEW_APP} added`,
    "  between deploys: the adopted estate restored (terraform apply of the committed stack; cf start of an app stopped by hand)",
    "3. teardown, whatever happened:",
    ...teardownSteps(env, ["<every app in the space labelled by this run>"], [`<every SQS queue named ${env.queuePrefix}*>`], ["<the queue-boundary policy's ARN>"]).map(show),
  ];
  return lines.join("\n") + "\n";
}

/**
 * The live target: one space, branches one after another, each after restoring the adopted estate.
 * Terraform inherits `inherit` (the calling command's environment: the providers' credentials).
 */
export function liveTarget(shell: Shell, work: string, opts: LiveOptions, pre: Preflight, env: ResolvedEnvironment, artifact: string, inherit: NodeJS.ProcessEnv): Target {
  const dir = path.join(work, "live");
  fs.mkdirSync(dir, { recursive: true });
  let baseline: object | undefined;
  let branches = 0;
  const terraform = (args: readonly string[], sha: string) =>
    runProcess("terraform", args, { cwd: dir, env: { ...inherit, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_VAR_app_artifact_path: artifact, TF_VAR_app_artifact_sha256: sha } });
  const must = async (s: Step) => {
    const r = await shell.exec(s);
    if (r.code !== 0) throw new Error(`${s.cmd} ${s.args.join(" ")} failed (${s.why}): ${(r.stderr || r.stdout).trim().split("\n")[0] ?? ""}`);
    return r;
  };
  const appGuid = async (name: string) => {
    const found = names(await cfJson(shell, `/v3/apps?names=${encodeURIComponent(name)}&space_guids=${pre.spaceGuid}`, `${name}'s GUID`))[0];
    if (!found) throw new Error(`no app ${name} in space ${opts.space}`);
    return String(found.guid);
  };
  const space: Space = {
    name: opts.space,
    terraform,
    writeFile: (file, content) => fs.writeFileSync(path.join(dir, file), content),
    useStack: (stack) => {
      fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(sandboxStack(stack)));
      fs.writeFileSync(path.join(dir, "conformance_override.tf.json"), JSON.stringify({ terraform: { backend: { local: { path: "terraform.tfstate" } } } }));
    },
    observe: async (): Promise<Observed> => {
      const apps = names(await cfJson(shell, `/v3/apps?space_guids=${pre.spaceGuid}&per_page=5000`, "the apps")).filter((a) => a.name !== env.statsd.exporterApp);
      const byGuid = new Map(apps.map((a) => [String(a.guid), String(a.name)]));
      const services = new Map(names(await cfJson(shell, `/v3/service_instances?space_guids=${pre.spaceGuid}&per_page=5000`, "the service instances")).map((s) => [String(s.guid), String(s.name)]));
      const bindings: Record<string, string[]> = {};
      for (const b of names(await cfJson(shell, `/v3/service_credential_bindings?type=app&app_guids=${[...byGuid.keys()].join(",")}&per_page=5000`, "the bindings"))) {
        const app = byGuid.get(String(b.relationships?.app?.data?.guid));
        if (app) (bindings[app] ??= []).push(services.get(String(b.relationships?.service_instance?.data?.guid)) ?? "?");
      }
      const observed = [];
      for (const a of apps) {
        const web = await cfJson(shell, `/v3/apps/${a.guid}/processes/web`, `${a.name}'s instances`);
        const ssh = await cfJson(shell, `/v3/apps/${a.guid}/ssh_enabled`, `${a.name}'s SSH`);
        observed.push({ name: String(a.name), instances: Number(web.instances), stopped: a.state === "STOPPED", enableSsh: ssh.enabled === true });
      }
      const q = await shell.exec({ why: "the queues", cmd: "aws", args: ["sqs", "list-queues", "--queue-name-prefix", env.queuePrefix, "--output", "json"] });
      const urls: string[] = q.code === 0 && q.stdout.trim() ? (JSON.parse(q.stdout).QueueUrls ?? []) : [];
      return { apps: observed, bindings, queues: urls.map((u) => u.slice(u.lastIndexOf("/") + 1)) };
    },
    scaleByHand: async (app, n) => void (await must({ why: "cf scale by hand", cmd: "cf", args: ["scale", app, "-i", String(n)] })),
    setEnvByHand: async (app, k, v) => void (await must({ why: "cf set-env by hand", cmd: "cf", args: ["set-env", app, k, v] })),
    stopByHand: async (app) => void (await must({ why: "cf stop by hand", cmd: "cf", args: ["stop", app] })),
    createServiceInstance: async () => {
      // Created with the others by the seed (user-provided instances are free).
    },
  };
  const label = async (kind: "apps" | "routes", guid: string) =>
    must({ why: "mark it as this suite's", cmd: "cf", args: ["curl", "-X", "PATCH", `/v3/${kind}/${guid}`, "-d", JSON.stringify({ metadata: { labels: { [LABEL]: "true" } } })] });
  return {
    name: "live",
    parallel: false,
    async adoptionSpace(stack) {
      baseline = stack;
      // What an earlier run left (labelled, so known to be this suite's) goes first.
      if (pre.ours.length) await teardown();
      for (const s of seedSteps(env, artifact)) await must(s);
      for (const si of names(await cfJson(shell, `/v3/service_instances?space_guids=${pre.spaceGuid}&per_page=5000`, "the service instances"))) {
        await must({ why: "mark it as this suite's", cmd: "cf", args: ["curl", "-X", "PATCH", `/v3/service_instances/${si.guid}`, "-d", JSON.stringify({ metadata: { labels: { [LABEL]: "true" } } })] });
      }
      await label("apps", await appGuid(env.statsd.exporterApp));
      space.useStack(stack);
      for (const args of [["init", "-input=false", "-no-color"], ["apply", "-input=false", "-no-color", "-auto-approve"]]) {
        const r = await terraform(args, "0".repeat(64));
        if (r.code !== 0) throw new Error(`seeding: terraform ${args[0]} failed:\n${r.stderr}${r.stdout}`.slice(0, 4000));
      }
      for (const a of names(await cfJson(shell, `/v3/apps?space_guids=${pre.spaceGuid}&per_page=5000`, "the apps"))) await label("apps", String(a.guid));
      for (const r of names(await cfJson(shell, `/v3/routes?space_guids=${pre.spaceGuid}&per_page=5000`, "the routes"))) await label("routes", String(r.guid));
      fs.renameSync(path.join(dir, "terraform.tfstate"), path.join(dir, "seed.tfstate"));
      return space;
    },
    async branch() {
      if (branches++ > 0) {
        // Restore the adopted estate: the committed stack applied, and what a plan cannot see undone by hand.
        space.useStack(baseline!);
        const r = await terraform(["apply", "-input=false", "-no-color", "-auto-approve"], "0".repeat(64));
        if (r.code !== 0) throw new Error(`restoring the adopted estate failed:\n${r.stderr}${r.stdout}`.slice(0, 4000));
        for (const a of (await space.observe()).apps.filter((x) => x.stopped)) await must({ why: "undo a cf stop (invisible to a plan)", cmd: "cf", args: ["start", a.name] });
      }
      return space;
    },
    close: () => teardown(),
  };

  async function teardown(): Promise<void> {
      const apps = names(await cfJson(shell, `/v3/apps?space_guids=${pre.spaceGuid}&per_page=5000`, "the apps")).filter((a) => a.metadata?.labels?.[LABEL] === "true" || a.name === NEW_APP);
      const q = await shell.exec({ why: "the queues", cmd: "aws", args: ["sqs", "list-queues", "--queue-name-prefix", env.queuePrefix, "--output", "json"] });
      const queues: string[] = q.code === 0 && q.stdout.trim() ? (JSON.parse(q.stdout).QueueUrls ?? []) : [];
      const state = [path.join(dir, "terraform.tfstate"), path.join(dir, "seed.tfstate")].filter((f) => fs.existsSync(f));
      const arns = [
        ...new Set(
          state.flatMap((f) => (JSON.parse(fs.readFileSync(f, "utf8")).resources ?? []).filter((r: any) => r.type === "aws_iam_policy").flatMap((r: any) => r.instances.map((i: any) => String(i.attributes.arn)))),
        ),
      ];
      const failed: string[] = [];
      for (const s of teardownSteps(env, apps.map((a) => String(a.name)), queues, arns)) {
        const r = await shell.exec(s);
        if (r.code !== 0) failed.push(`${s.cmd} ${s.args.join(" ")}`);
      }
      if (failed.length) process.stderr.write(`conformance: teardown left something behind; run by hand:\n${failed.map((f) => `  ${f}\n`).join("")}`);
  }
}
