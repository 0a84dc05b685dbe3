import * as fs from "fs";
import * as path from "path";
import { ENVIRONMENTS, estate, resolveEstate, type EnvironmentName, type EstateConfig } from "../config";
import { loadEnvironment } from "../checks";
import { cli, environmentArgument, Refusal, removeWorkDirectory, runProgram, UsageError, workDirectory } from "./cli";
import { withPrerequisites } from "../offline/bootstrap";
import { report, runConformance, SCENARIOS, type Target } from "../rehearsal/conformance";
import { dryRunText, liveTarget, LiveRefusal, preflight, realShell, sandboxEstate } from "../rehearsal/conformance-live";
import { standinTarget } from "../rehearsal/conformance-standin";
import { livePlatformFile } from "../offline/harness";
import { Platform } from "../offline/standin/platform";

// npm run conformance -- --target standin
// npm run conformance -- --target live --space <throwaway space> [--org O] [--domain D] [--dry-run]
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
  .requiredOption("--target <target>", "standin (the seeded platform, no credentials) or live (a real foundation: cf logged in, AWS credentials)")
  .option("--env <env>", `whose estate: ${ENVIRONMENTS.join(", ")}`, "production")
  .option("--space <space>", "live: the throwaway space (empty, or holding only what an earlier run left)")
  .option("--org <org>", "live: the space's org (default: the org cf target shows)")
  .option("--domain <domain>", "live: a domain of the foundation for the sandbox routes (default: its first shared domain)")
  .option("--dry-run", "check the target and say what the run would do; change nothing")
  .action(async (opts: { target: string; env: string; space?: string; org?: string; domain?: string; dryRun?: boolean }) => {
    const env = environmentArgument(opts.env) as EnvironmentName;
    if (opts.target !== "standin" && opts.target !== "live") throw new UsageError(`unknown target "${opts.target}"; one of: standin, live`);
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
void runProgram(program);
