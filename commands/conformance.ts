import * as fs from "fs";
import * as path from "path";
import { ENVIRONMENTS, estate, resolveEstate, type EnvironmentName, type EstateConfig } from "../config";
import { loadEnvironment } from "../checks";
import { cli, environmentArgument, Refusal, removeWorkDirectory, runProgram, UsageError, workDirectory } from "./cli";
import { withPrerequisites } from "../offline/bootstrap";
import { report, runConformance, SCENARIOS, synthesize, type Target } from "../rehearsal/conformance";
import {
  AWS_PROVIDER_VERSION,
  AWS_STEPS,
  awsModule,
  awsRealSkipReason,
  compareSteps,
  MOTO_VERSION,
  motoLane,
  procCpuSeconds,
  report as awsReport,
  runAwsSteps,
  seedMoto,
  standinLane,
  startMoto,
  type AwsLane,
  type Moto,
} from "../rehearsal/conformance-aws-real";
import { dryRunText, liveTarget, LiveRefusal, preflight, realShell, sandboxEstate } from "../rehearsal/conformance-live";
import { standinTarget } from "../rehearsal/conformance-standin";
import { livePlatformFile } from "../offline/harness";
import { Platform } from "../offline/standin/platform";

// npm run conformance -- --target standin
// npm run conformance -- --target live --space <throwaway space> [--org O] [--domain D] [--dry-run]
// npm run conformance -- --target aws-real [--env E] [--dry-run]
// The deploy scenarios, one expected outcome each (the real providers'), against the stand-in on the
// seeded platform, or a real foundation with the real providers in a throwaway space. Exit 0 when every
// scenario that ran gives its expected outcome, 1 when one does not or the target is refused.
const root = process.cwd();

/** Runs every scenario on a target and prints one line each; a scenario that failed makes the command fail. */
async function runAndReport(target: Target, config: EstateConfig, env: EnvironmentName, work: string): Promise<void> {
  const result = await runConformance(target, config, env, work);
  process.stdout.write(report(target.name, result.outcomes));
  if (result.outcomes.some((o) => o.status === "fail")) throw new Refusal(["a scenario did not give its expected outcome (above)"]);
}

const program = cli("conformance", "Run the deploy scenarios against the stand-in or a real foundation (throwaway space); one expected outcome each")
  .requiredOption("--target <target>", "standin (the seeded platform, no credentials), live (a real foundation: cf logged in, AWS credentials) or aws-real (the AWS steps with the real hashicorp/aws against moto, compared with the stand-in)")
  .option("--env <env>", `whose estate: ${ENVIRONMENTS.join(", ")}`, "production")
  .option("--space <space>", "live: the throwaway space (empty, or holding only what an earlier run left)")
  .option("--org <org>", "live: the space's org (default: the org cf target shows)")
  .option("--domain <domain>", "live: a domain of the foundation for the sandbox routes (default: its first shared domain)")
  .option("--dry-run", "check the target and say what the run would do; change nothing")
  .option("--probes-only", "aws-real: only the steps on small modules of their own (validation onwards), not the environment's deploys")
  .action(async (opts: { target: string; env: string; space?: string; org?: string; domain?: string; dryRun?: boolean; probesOnly?: boolean }) => {
    const env = environmentArgument(opts.env) as EnvironmentName;
    if (opts.target !== "standin" && opts.target !== "live" && opts.target !== "aws-real") throw new UsageError(`unknown target "${opts.target}"; one of: standin, live, aws-real`);
    if (opts.probesOnly && opts.target !== "aws-real") throw new UsageError("--probes-only is for --target aws-real");
    if (opts.target === "aws-real") return awsReal(env, !!opts.dryRun, opts);
    if (opts.target === "standin") {
      if (opts.space || opts.org || opts.domain) throw new UsageError("--space, --org and --domain are for --target live; the stand-in serves the seeded platform");
      const platformFile = livePlatformFile(root, env);
      if (opts.dryRun) {
        process.stdout.write(
          [
            `conformance --target standin --dry-run: nothing is run`,
            `the stand-in providers in this process, on ${path.relative(root, platformFile)} (${env}), real Terraform, a throwaway local state; no credentials`,
            ...SCENARIOS.map((s) => `  ${s.id}: expects ${s.expected}`),
            "",
          ].join("\n"),
        );
        return;
      }
      const resolved = await loadEnvironment(env);
      const work = workDirectory("conformance");
      const target = standinTarget(root, path.join(work, "standin"), env, withPrerequisites(Platform.load(platformFile).data, resolved), process.env);
      try {
        await runAndReport(target, estate, env, work);
      } finally {
        await target.close();
        removeWorkDirectory(work);
      }
      return;
    }
    if (!opts.space) throw new UsageError("--target live needs --space <a throwaway space>");
    const live = { space: opts.space, org: opts.org, domain: opts.domain, env };
    const work = workDirectory("conformance-live");
    const shell = realShell(work, process.env);
    try {
      const pre = await preflight(shell, live, estate);
      if (opts.dryRun) {
        process.stdout.write(dryRunText(live, estate, pre));
        return;
      }
      const sandbox = sandboxEstate(estate, live, pre);
      const resolved = resolveEstate(sandbox).find((e) => e.name === env)!;
      const artifactDir = path.join(work, "app");
      fs.mkdirSync(artifactDir);
      fs.writeFileSync(path.join(artifactDir, "README"), "notify-estate conformance: a process that sleeps; the estate's outcomes, not the app's, are under test\n");
      const zip = await shell.exec({ why: "the app zip every app is pushed from", cmd: "zip", args: ["-q", path.join(work, "app.zip"), "README"], cwd: artifactDir });
      if (zip.code !== 0) throw new Refusal([`zip failed: ${zip.stderr.trim()}; install zip (apt-get install zip)`]);
      const target = liveTarget(shell, work, live, pre, resolved, path.join(work, "app.zip"), process.env);
      try {
        await runAndReport(target, sandbox, env, work);
      } finally {
        await target.close();
      }
    } catch (err) {
      if (err instanceof LiveRefusal) throw new Refusal(err.problems);
      throw err;
    } finally {
      removeWorkDirectory(work);
    }
  });
/** CPU seconds of this process's waited-for children (Terraform), or undefined off Linux. */
const childrenCpu = () => procCpuSeconds("/proc/self/stat", 15);
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * --target aws-real: the AWS steps with the real hashicorp/aws from NOTIFY_TF_PROVIDER_MIRROR against
 * a moto server this command starts on a free port, then on the stand-in, both from the environment's
 * committed platform; every difference is printed, or named a moto deviation. Exit 1 on a difference.
 */
async function awsReal(env: EnvironmentName, dryRun: boolean, opts: { space?: string; org?: string; domain?: string; probesOnly?: boolean }): Promise<void> {
  const part = opts.probesOnly ? "probes" : "all";
  if (opts.space || opts.org || opts.domain) throw new UsageError("--space, --org and --domain are for --target live; aws-real starts its own moto server");
  const mirror = process.env.NOTIFY_TF_PROVIDER_MIRROR;
  const skip = awsRealSkipReason(mirror);
  const platformFile = livePlatformFile(root, env);
  if (dryRun) {
    process.stdout.write(
      [
        `conformance --target aws-real --dry-run: nothing is run`,
        skip ? `cannot run here: ${skip}` : `hashicorp/aws ${AWS_PROVIDER_VERSION} from ${mirror}, moto ${MOTO_VERSION} (python3 -m moto.server on a free loopback port), then the stand-in; both seeded from ${path.relative(root, platformFile)} (${env})`,
        ...AWS_STEPS.map((s) => `  ${s.id}: ${s.does}; compares ${s.compares}`),
        "",
      ].join("\n"),
    );
    return;
  }
  if (skip) throw new Refusal([`conformance --target aws-real cannot run here: ${skip}`]);
  const resolved = await loadEnvironment(env);
  const platform = withPrerequisites(Platform.load(platformFile).data, resolved);
  const work = workDirectory("conformance-aws-real");
  let moto: Moto | undefined;
  // Ctrl-C and SIGTERM end the command through process.exit (workDirectory): moto goes with it.
  const stopMoto = () => moto?.stop();
  process.once("exit", stopMoto);
  const lanes: AwsLane[] = [];
  const log = (line: string) => process.stderr.write(`conformance: ${line}\n`);
  try {
    const module = awsModule(synthesize(estate, env, path.join(work, "synth")) as Record<string, unknown>);
    const t0 = Date.now();
    const c0 = childrenCpu();
    moto = await startMoto(platform.aws.accountId, process.env, (m) => (moto = m));
    await seedMoto(moto.endpoint, platform);
    const realLane = motoLane(path.join(work, "real"), moto, mirror!, platform.aws.region, process.env);
    lanes.push(realLane);
    const real = await runAwsSteps(realLane, module, log, part);
    const realWall = (Date.now() - t0) / 1000;
    const realCpu = (childrenCpu() ?? NaN) - (c0 ?? NaN) + (moto.cpuSeconds() ?? NaN);
    const t1 = Date.now();
    const c1 = childrenCpu();
    const o1 = ownCpu();
    const sLane = await standinLane(root, path.join(work, "standin"), platform, process.env);
    lanes.push(sLane);
    const standin = await runAwsSteps(sLane, module, log, part);
    const standinWall = (Date.now() - t1) / 1000;
    const standinCpu = (childrenCpu() ?? NaN) - (c1 ?? NaN) + (ownCpu() - o1);
    const findings = compareSteps(real, standin);
    const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "?");
    process.stdout.write(
      awsReport(findings, [
        `conformance --target aws-real (${env}): hashicorp/aws ${AWS_PROVIDER_VERSION} from ${mirror} against moto ${MOTO_VERSION} at ${moto.endpoint}, and the stand-in`,
        `real provider + moto: ${fmt(realWall)} s wall, ${fmt(realCpu)} CPU-s (Terraform and moto); stand-in: ${fmt(standinWall)} s wall, ${fmt(standinCpu)} CPU-s (Terraform and this process)`,
      ]),
    );
    if (findings.some((f) => f.kind === "difference")) throw new Refusal(["the real provider and the stand-in differ (DIFF above): fix the stand-in's row in offline/standin/semantics.ts, or name the deviation"]);
  } finally {
    for (const l of lanes) await l.close();
    moto?.stop();
    process.removeListener("exit", stopMoto);
    removeWorkDirectory(work);
  }
}

void runProgram(program);
