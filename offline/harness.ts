import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EnvironmentName, ResolvedEnvironment } from "../config";
import { normaliseBindingParams } from "../plan/binding-params";
import { bootstrapPlatform } from "./bootstrap";
import type { PlatformData } from "./standin/platform";
import { writeRehearsalArtifact } from "./standin/cf-push";
import { startStandin, type RunningStandin } from "./standin/start";

// A deploy rehearsed end to end without Cloud Foundry or AWS: the synthesized stacks, real Terraform
// (and, for `npm run rehearse`, the real `cdktf deploy`), and the stand-in providers serving the exact
// provider schemas over the plugin protocol, on a platform seeded with the estate as it runs.

export const PLATFORMS_DIR = path.join("offline", "platforms");

/** The committed fixture of an environment's live platform. */
export function livePlatformFile(root: string, env: string): string {
  return path.join(root, PLATFORMS_DIR, `${env}.json`);
}

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without blocking the event loop (the stand-in answers Terraform from this process). */
export function runProcess(cmd: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    // A command that exits before reading its input (EPIPE) has still answered: its exit code says how.
    child.stdin.on("error", () => undefined);
    child.stdin.end(opts.input ?? "");
  });
}

/**
 * The environment of every Terraform run against the stand-in: Terraform and the stand-in only (no
 * registry, no user CLI config), plus the app zip the stack's variables name. GOGC=400: at its default
 * (100) Go's collector spends a large share of a plan's CPU on a heap that lives a second; 400 trades
 * some memory for that CPU (docs/performance.md). Terraform's behaviour does not change with it, and
 * a rehearsal is all it touches.
 */
export function standinTerraformEnv(inherit: NodeJS.ProcessEnv, reattach: string, artifact: { path: string; sha256: string }): NodeJS.ProcessEnv {
  return {
    ...inherit,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    TF_REATTACH_PROVIDERS: reattach,
    TF_VAR_app_artifact_path: artifact.path,
    TF_VAR_app_artifact_sha256: artifact.sha256,
    TF_CLI_CONFIG_FILE: "/dev/null",
    GOGC: "400",
  };
}

/** One environment's stack prepared for rehearsal: a local, throwaway state instead of S3. */
export interface RehearsalStack {
  readonly env: EnvironmentName;
  readonly dir: string;
  readonly env_vars: NodeJS.ProcessEnv;
}

/**
 * A rehearsal workspace: platform files, stand-in sockets and (per environment) a copy of the
 * synthesized stack whose backend is overridden to a local state file in the workspace. Terraform's
 * override files replace the backend block without touching cdk.tf.json.
 */
export class Rehearsal {
  private constructor(
    readonly work: string,
    readonly standin: RunningStandin,
    readonly stacks: Readonly<Record<string, RehearsalStack>>,
  ) {}

  /**
   * @param synthDir a synthesized estate (cdktf.out layout)
   * @param platforms the platform each environment starts from
   */
  static async start(
    root: string,
    synthDir: string,
    platforms: Readonly<Record<string, PlatformData>>,
    opts: {
      /** The environment Terraform inherits: the calling command's (a pull-request plan gives it nothing of its own: offline/seeded.ts). */
      readonly inherit: NodeJS.ProcessEnv;
      /** @default a new temporary directory */
      readonly work?: string;
      /** Rehearse in synthDir's own stack directories (for cdktf deploy --skip-synth) instead of copies. */
      readonly inPlace?: boolean;
    },
  ): Promise<Rehearsal> {
    const { inherit, work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-rehearsal-")), inPlace = false } = opts;
    fs.mkdirSync(work, { recursive: true });
    const files: Record<string, string> = {};
    for (const [env, data] of Object.entries(platforms)) {
      files[env] = path.join(work, `${env}.platform.json`);
      fs.writeFileSync(files[env], JSON.stringify(data));
    }
    const standin = await startStandin(root, work, files);
    const artifact = path.join(work, "notifications-api.zip");
    // A zip: the stand-in opens it and checks it is one, as the provider and Cloud Controller do.
    writeRehearsalArtifact(artifact);
    const stacks: Record<string, RehearsalStack> = {};
    for (const env of Object.keys(platforms) as EnvironmentName[]) {
      const dir = inPlace ? path.join(synthDir, "stacks", env) : path.join(work, "stacks", env);
      if (!inPlace) {
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(path.join(synthDir, "stacks", env, "cdk.tf.json"), path.join(dir, "cdk.tf.json"));
      }
      fs.writeFileSync(
        path.join(dir, "rehearsal_override.tf.json"),
        JSON.stringify({ terraform: { backend: { local: { path: path.join(work, `${env}.tfstate`) } } } }, null, 2),
      );
      stacks[env] = {
        env,
        dir,
        env_vars: standinTerraformEnv(inherit, standin.reattach[env], { path: artifact, sha256: "0".repeat(64) }),
      };
    }
    return new Rehearsal(work, standin, stacks);
  }

  /**
   * Runs the next Terraform commands of a stack as a CF user of the platform (its role decides what
   * the stand-in allows, semantics row 52), or, with null, as the default identity. An override file sets the
   * provider's `user`, as CF_USER does for the pipeline's jobs.
   */
  loginAs(env: EnvironmentName, user: string | null): void {
    const file = path.join(this.stacks[env].dir, "rehearsal_override.tf.json");
    const override = JSON.parse(fs.readFileSync(file, "utf8"));
    if (user) override.provider = { cloudfoundry: { user } };
    else delete override.provider;
    fs.writeFileSync(file, JSON.stringify(override, null, 2));
  }

  /** Replaces a stack's synthesized file (e.g. with a changed config's), keeping state and platform. */
  useStack(env: EnvironmentName, synthDir: string): void {
    fs.copyFileSync(path.join(synthDir, "stacks", env, "cdk.tf.json"), path.join(this.stacks[env].dir, "cdk.tf.json"));
  }

  async terraform(env: EnvironmentName, args: readonly string[], input?: string): Promise<CommandResult> {
    const s = this.stacks[env];
    return runProcess("terraform", [...args], { cwd: s.dir, env: s.env_vars, input });
  }

  /** terraform init, plan -out, show -json: the plan as Terraform wrote it, and its summary line. */
  async plan(env: EnvironmentName, planFile = "rehearsal.plan"): Promise<{ summary: string; json: any; text: string }> {
    const init = await this.terraform(env, ["init", "-input=false", "-no-color"]);
    if (init.code !== 0) throw new Error(`terraform init (${env}) failed:\n${init.stderr}${init.stdout}`);
    const plan = await this.terraform(env, ["plan", "-input=false", "-no-color", `-out=${planFile}`]);
    if (plan.code !== 0) throw new Error(`terraform plan (${env}) failed:\n${plan.stderr}${plan.stdout}`);
    const show = await this.terraform(env, ["show", "-json", planFile]);
    if (show.code !== 0) throw new Error(`terraform show (${env}) failed:\n${show.stderr}`);
    return { summary: planSummary(plan.stdout), json: JSON.parse(show.stdout), text: plan.stdout };
  }

  /**
   * Plans a variant of an environment's stack against its current state, in a directory of its own
   * (so variants plan side by side; none takes the state lock or changes state). It does not refresh:
   * use it right after an apply, when state and platform agree. Terraform's own errors come back as
   * `error` rather than thrown: a refusal by Terraform is a result here.
   */
  async planVariant(env: EnvironmentName, name: string, stack: object): Promise<{ summary: string; json?: any; error?: string }> {
    const base = this.stacks[env];
    const dir = path.join(this.work, "variants", `${env}-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(stack));
    fs.copyFileSync(path.join(base.dir, "rehearsal_override.tf.json"), path.join(dir, "rehearsal_override.tf.json"));
    const tf = (args: string[]) => runProcess("terraform", args, { cwd: dir, env: base.env_vars });
    const init = await tf(["init", "-input=false", "-no-color"]);
    if (init.code !== 0) throw new Error(`terraform init (${env}/${name}) failed:\n${init.stderr}`);
    const plan = await tf(["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=variant.plan"]);
    if (plan.code !== 0) return { summary: "", error: plan.stderr + plan.stdout };
    const show = await tf(["show", "-json", "variant.plan"]);
    return { summary: planSummary(plan.stdout), json: JSON.parse(show.stdout) };
  }

  async apply(env: EnvironmentName, planFile = "rehearsal.plan"): Promise<string> {
    const r = await this.terraform(env, ["apply", "-input=false", "-no-color", planFile]);
    if (r.code !== 0) throw new Error(`terraform apply (${env}) failed:\n${r.stderr}${r.stdout}`);
    return /Apply complete!.*$/m.exec(r.stdout)?.[0] ?? "";
  }

  /**
   * What the pipeline's deploy (ci/tasks/deploy-*.yml) does after its apply (docs/adoption-under-the-real-provider.md): a
   * refresh-only apply (the state takes the bindings the apply made), then null binding params set to
   * "{}" in the state and nothing else (plan/binding-params.ts). Returns how many it set.
   * @param refresh false skips the refresh-only apply, for a rehearsal whose apply made no binding
   *   resource (the refresh would change nothing); the deploy always runs it.
   */
  async settleState(env: EnvironmentName, refresh = true): Promise<number> {
    return settleTerraformState(
      env,
      (args) => this.terraform(env, args),
      (content) => {
        const file = path.join(this.work, `${env}.settled.tfstate`);
        fs.writeFileSync(file, content);
        return file;
      },
      refresh,
    );
  }

  async close(keep = false): Promise<void> {
    await this.standin.close();
    if (!keep) fs.rmSync(this.work, { recursive: true, force: true });
  }
}

/**
 * Whether a plan creates a binding resource (not an import of one). Only then does the settling step's
 * refresh-only apply change the state: the provider reads a binding it made with null params (semantics row 4);
 * one it imported is already in the state that way, and a push or a delete leaves none to read.
 */
export function createsBindings(plan: unknown): boolean {
  const changes = ((plan as { resource_changes?: unknown } | null)?.resource_changes ?? []) as { type: string; change: { actions: string[]; importing?: unknown } }[];
  return changes.some((c) => c.type === "cloudfoundry_service_credential_binding" && c.change.actions.includes("create") && !c.change.importing);
}

/**
 * The deploy's settling step (the pipeline's deploy after its apply, ci/tasks/deploy-*.yml; docs/adoption-under-the-real-provider.md),
 * for whichever Terraform working directory `terraform` runs in: a refresh-only apply unless `refresh` is
 * false, then the state's null binding params set to "{}" and nothing else (plan/binding-params.ts),
 * written by `write` and pushed. Returns how many it set; throws, naming `where`, when a step fails.
 */
export async function settleTerraformState(
  where: string,
  terraform: (args: readonly string[]) => Promise<CommandResult>,
  write: (state: string) => string,
  refresh = true,
): Promise<number> {
  const step = async (args: readonly string[]) => {
    const r = await terraform(args);
    if (r.code !== 0) throw new Error(`terraform ${args.slice(0, 2).join(" ")} (${where}) failed:\n${r.stderr}${r.stdout}`.slice(0, 4000));
    return r;
  };
  if (refresh) await step(["apply", "-refresh-only", "-auto-approve", "-input=false", "-no-color"]);
  const r = normaliseBindingParams(JSON.parse((await step(["state", "pull"])).stdout));
  if ("problem" in r) throw new Error(`${where}: ${r.problem}`);
  if (!r.fixes.length) return 0;
  await step(["state", "push", write(JSON.stringify(r.state))]);
  return r.fixes.length;
}

/** Terraform's own summary line of a plan: "Plan: ..." or "No changes." */
export function planSummary(text: string): string {
  return /^(Plan: .*|No changes\..*)$/m.exec(text)?.[1] ?? "(no summary line: Terraform printed none)";
}

/**
 * A live platform for a fixture estate (tests): the estate as `config` creates it on an empty
 * platform, then what running for a while does to it. Autoscaled apps run at their autoscaler minimum,
 * and the queue-boundary IAM policy, which this project introduced, does not exist yet. It shows only
 * config agreeing with itself: the real environments' live platforms come from the upstream record
 * instead (offline/live-seed.ts). Terraform inherits `inherit`.
 */
export async function seedLivePlatform(
  root: string,
  synthDir: string,
  env: ResolvedEnvironment,
  inherit: NodeJS.ProcessEnv,
  /** Facts of the foundation the seed is made on and keeps (its maximum health-check timeout). @default Cloud Controller's defaults */
  foundation: Pick<PlatformData["cf"], "maximumHealthCheckTimeoutSeconds"> = {},
): Promise<PlatformData> {
  const bootstrapped = bootstrapPlatform(env);
  const empty = { ...bootstrapped, cf: { ...bootstrapped.cf, ...foundation } };
  const r = await Rehearsal.start(root, synthDir, { [env.name]: empty }, { inherit });
  try {
    await r.plan(env.name);
    await r.apply(env.name);
    const live = JSON.parse(fs.readFileSync(path.join(r.work, `${env.name}.platform.json`), "utf8")) as PlatformData & { resources: Record<string, Record<string, any>> };
    delete live.resources.aws_iam_policy;
    delete live.resources.aws_iam_user_policy_attachment;
    for (const app of Object.values(live.resources.cloudfoundry_app ?? {})) {
      const a = env.apps.find((x) => x.name === app.name);
      if (a?.instances.mode === "autoscaled") app.instances = a.instances.autoscaler.min;
      // What CF cannot report (the zip's path and hash, the push strategy) is not on the platform.
      for (const k of ["path", "source_code_hash", "strategy"]) app[k] = null;
    }
    return {
      ...live,
      description: `the ${env.name} estate of a fixture config as it runs: created from config by the stand-in, then autoscaled apps at their autoscaler minimum and no queue-boundary IAM policy yet; every GUID and value is made up (offline/harness.ts seedLivePlatform)`,
    };
  } finally {
    await r.close();
  }
}
