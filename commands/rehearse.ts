import * as path from "path";
import { Option } from "commander";
import { ENVIRONMENTS, type DestructiveChangeAcceptance, type EnvironmentName, type ResolvedEnvironment } from "../config";
import { loadEstate } from "../checks";
import { buildApp } from "../stacks/build";
import { cli, environmentArgument, Refusal, removeWorkDirectory, runProgram, UsageError, workDirectory } from "./cli";
import { synthesizeRef } from "../review/git-ref";
import { blocking, guardParsedPlan, guardPlan, renderFindings, summarizePlan } from "../plan/plan-guard";
import { parsePlan } from "../plan/plan-json";
import { changeLines, platformChanges, platformInventory, withStackPrerequisites } from "../offline/seeded";
import { bootstrapPlatform, withPrerequisites } from "../offline/bootstrap";
import { createsBindings, livePlatformFile, planSummary, Rehearsal, runProcess, type CommandResult } from "../offline/harness";
import { liveSeed, platformText, readUpstream, UPSTREAM_DIR } from "../offline/live-seed";
import { writeOutputFile } from "../io/files";
import { Platform, type PlatformData } from "../offline/standin/platform";

// npm run rehearse -- <env>: the pipeline's deploy (ci/tasks/deploy-*.yml: terraform init, plan, the
// plan guard on `terraform show -json`, apply of that plan, then the state settling), twice, against
// the stand-in providers on the seeded live platform, with a throwaway local state. With --cdktf, the
// real `cdktf deploy <env> --auto-approve` instead, as a person runs it by hand (two flags differ:
// --skip-synth, the stack carries a local-state override, and --skip-provider-lock, a reattached
// provider has no package to hash); its CLI start-up costs seconds per deploy. Prints Terraform's own
// summary lines. Exit 0 when the first deploy imports what runs and the second plans nothing, 1 otherwise.
const root = process.cwd();

/** What main.ts writes, from the environments it would check first (in this process: no second start-up). */
function synthesize(outdir: string, environments: readonly ResolvedEnvironment[]): void {
  buildApp(outdir, environments).synth();
}

function summaryLines(out: string): string[] {
  return out
    .split("\n")
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim())
    .filter((l) => /(Plan: |No changes\.|Apply complete!)/.test(l))
    .map((l) => l.replace(/^.*?(Plan: |No changes\.|Apply complete!)/, "$1"))
    .filter((l, i, all) => all.indexOf(l) === i);
}

/**
 * The pipeline deploy's terraform steps (ci/tasks/deploy-*.yml) up to its apply: init, plan to a file, the plan guard on
 * `terraform show -json` of that plan (a refusal stops the deploy), apply of that plan. Its output is
 * Terraform's, with the guard's refusals appended. (The settling step follows, as for --cdktf.)
 */
async function pipelineDeploy(r: Rehearsal, env: EnvironmentName, resolved: ResolvedEnvironment, adoption: boolean): Promise<CommandResult> {
  let out = "";
  for (const args of [["init", "-input=false", "-no-color"], ["plan", "-input=false", "-no-color", "-out=deploy.plan"]]) {
    const step = await r.terraform(env, args);
    out += step.stdout;
    if (step.code !== 0) return { code: step.code, stdout: out, stderr: step.stderr };
  }
  if (!/^No changes\./m.test(out)) {
    const shown = await r.terraform(env, ["show", "-json", "deploy.plan"]);
    if (shown.code !== 0) return { code: shown.code, stdout: out, stderr: shown.stderr };
    const plan = JSON.parse(shown.stdout);
    let refused = blocking(guardPlan(plan, resolved));
    // The adoption of the live estate changes what config declares differently from how the apps were
    // pushed (docs/adopting.md): the guard refuses some of it, and the adoption's pull request accepts
    // exactly those, with the live ids. The rehearsal does the same with its own platform's ids, says
    // which, and judges the plan again with them; every later deploy is judged as it stands.
    if (adoption && refused.length) {
      const accepted = refused.map((f): DestructiveChangeAcceptance => ({ address: f.address, id: f.id ?? "", ...(f.change ? { change: f.change } : {}), reason: "the adoption's pull request accepts it (docs/adopting.md)" }));
      process.stdout.write(`  the adoption: the plan guard refuses ${refused.length} change${refused.length === 1 ? "" : "s"} that the adoption's pull request accepts with the live ids (docs/adopting.md); rehearsed as accepted:\n${refused.map((f) => `    ${f.address}: ${f.message}`).join("\n")}\n`);
      refused = blocking(guardPlan(plan, { ...resolved, allowedDestructiveChanges: [...resolved.allowedDestructiveChanges, ...accepted] }));
    }
    if (refused.length) return { code: 1, stdout: out, stderr: refused.map((f) => `Error: plan guard: ${f.address}: ${f.message}`).join("\n") };
  }
  const applied = await r.terraform(env, ["apply", "-input=false", "-no-color", "deploy.plan"]);
  return { code: applied.code, stdout: out + applied.stdout, stderr: applied.stderr };
}

function apiInstances(p: Platform): number | undefined {
  return Object.values(p.objects("cloudfoundry_app")).find((a) => a.name === "notify-api")?.instances as number | undefined;
}

/**
 * `--base <ref>`: the change since <ref>, as the pipeline would deploy it. <ref>'s config is deployed on
 * the live platform first (real Terraform: import what runs, then apply), then the working tree's is
 * planned against that state and platform: what it destroys, forgets, unbinds and changes, the plan
 * guard's verdict on that very plan, then the apply and the platform after it.
 */
async function rehearseChange(env: EnvironmentName, base: string, work: string, headOut: string, resolved: ResolvedEnvironment, keep: boolean): Promise<void> {
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const problems: string[] = [];
  const ref = synthesizeRef(root, base, work, process.env);
  const baseStack = ref.stacks[env];
  if (!baseStack) throw new Refusal([`${base} (${ref.commit.slice(0, 10)}) has no ${env} stack: nothing to deploy first`]);
  // What either config reads that the fixture lacks (a service instance the change binds) exists first:
  // the working tree's from its resolved environment, the base's from its stack.
  let platform = withPrerequisites(Platform.load(livePlatformFile(root, env)).data, resolved);
  platform = withStackPrerequisites(platform, env, baseStack).platform;
  const r = await Rehearsal.start(root, ref.outdir, { [env]: platform }, { inherit: process.env, work: path.join(work, "rehearsal") });
  try {
    say(`rehearse ${env} --base ${base}: ${base} (${ref.commit.slice(0, 10)}) deployed on ${path.relative(root, livePlatformFile(root, env))}, then the working tree`);
    const first = await r.plan(env, "base.plan");
    const applied = await r.apply(env, "base.plan");
    // What the pipeline's deploy (ci/tasks/deploy-*.yml) does after every apply (docs/adoption-under-the-real-provider.md); its
    // refresh-only part changes the state only where the apply made a binding (createsBindings).
    await r.settleState(env, createsBindings(first.json));
    say(`base: ${first.summary}\n  ${applied}`);
    const before = platformInventory(r.standin.platforms[env].data);
    r.useStack(env, headOut);
    // Same providers and backend as the base: no second `terraform init` (the change's own stack is
    // what is planned; a change of provider versions would fail here, saying so).
    const planned = await r.terraform(env, ["plan", "-input=false", "-no-color", "-out=change.plan"]);
    if (planned.code !== 0) throw new Refusal([`terraform plan of the working tree failed:`, ...(planned.stderr + planned.stdout).split("\n").filter((l) => /Error/.test(l)).slice(0, 10)]);
    const shown = await r.terraform(env, ["show", "-json", "change.plan"]);
    const plan = { summary: planSummary(planned.stdout), json: JSON.parse(shown.stdout) };
    say(`change: ${plan.summary}`);
    for (const l of changeLines(plan.json)) say(`  ${l}`);
    const parsed = parsePlan(plan.json);
    if ("problem" in parsed) throw new Refusal([`the change's plan is ${parsed.problem}`]);
    const findings = guardParsedPlan(parsed.plan, resolved);
    process.stdout.write(renderFindings(env, findings, summarizePlan(parsed.plan)));
    if (blocking(findings).length) {
      problems.push(`the plan guard refuses the change's plan: the pipeline's deploy would stop before applying it`);
      say("(the pipeline's deploy stops here; applied below anyway, to show what it would do)");
    }
    try {
      say(`apply: ${await r.apply(env, "change.plan")}`);
      const settled = await r.settleState(env, createsBindings(plan.json));
      if (settled) say(`  settled the state: ${settled} binding params null -> "{}" (provider 1.16.0, cloudfoundry/terraform-provider-cloudfoundry#369)`);
    } catch (err) {
      problems.push(`the change's apply failed: ${(err as Error).message.split("\n").filter((l) => /Error/.test(l)).slice(0, 5).join(" | ")}`);
    }
    say("platform after:");
    for (const l of platformChanges(before, platformInventory(r.standin.platforms[env].data))) say(`  ${l}`);
    const next = await r.terraform(env, ["plan", "-input=false", "-no-color"]);
    const again = { summary: next.code === 0 ? planSummary(next.stdout) : `terraform plan failed: ${(next.stderr.split("\n").find((l) => /Error/.test(l)) ?? "").trim()}` };
    say(`next plan: ${again.summary}`);
    if (/^Plan: \d+ to import, 0 to add, 0 to change, 0 to destroy\.$/.test(again.summary)) say("  (only imports: the bindings new apps got from their manifests)");
    else if (!/^No changes\./.test(again.summary)) problems.push("a plan after the apply is not empty: the change does not settle in one deploy");
  } finally {
    await r.close(keep);
    if (keep) say(`kept ${work}`);
    removeWorkDirectory(work, keep);
  }
  if (problems.length) throw new Refusal(problems);
}

const program = cli("rehearse", "Rehearse `cdktf deploy <env> --auto-approve` offline: real Terraform and cdktf, stand-in providers, the seeded live platform")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .option("--empty", "start from an empty platform (a new environment) instead of the live one")
  // --reseed rewrites a committed fixture and stops: with --empty or --keep it would not do what they say.
  .addOption(new Option("--reseed", `rewrite the live platform fixture (${path.join("offline", "platforms", "<env>.json")}) from the upstream record (${UPSTREAM_DIR}), then stop`).conflicts(["empty", "keep"]))
  .option("--keep", "keep the rehearsal's working directory and print where it is")
  .option("--base <ref>", "rehearse the change since <ref>: deploy <ref>'s config on the live platform first, then plan and apply the working tree's")
  .option("--cdktf", "deploy with `cdktf deploy --auto-approve` (as by hand) instead of the pipeline's terraform steps")
  .action(async (envName: string, opts: { empty?: boolean; reseed?: boolean; keep?: boolean; base?: string; cdktf?: boolean }) => {
    environmentArgument(envName);
    // Before anything is synthesized or written: a refused call leaves nothing behind.
    if (opts.base !== undefined) {
      if (!opts.base.trim()) throw new UsageError("--base needs a ref: a branch, tag or commit");
      if (opts.empty || opts.reseed) throw new UsageError("--base rehearses a change on the live platform: it does not combine with --empty or --reseed");
    }
    const env = envName as EnvironmentName;
    if (opts.reseed) {
      // From the upstream record only: config neither shapes nor checks the estate as it runs.
      let text: string;
      try {
        text = platformText(liveSeed(env, readUpstream(root)));
      } catch (err) {
        throw new Refusal([(err as Error).message]);
      }
      const file = livePlatformFile(root, env);
      writeOutputFile(file, text, "the live platform");
      process.stdout.write(`wrote ${path.relative(root, file)}\n`);
      return;
    }
    const { environments } = await loadEstate();
    const resolved = environments.find((e) => e.name === env)!;
    const work = workDirectory("rehearse", opts.keep);
    const out = path.join(work, "out");
    synthesize(out, environments);
    if (opts.base) {
      await rehearseChange(env, opts.base, work, out, resolved, !!opts.keep);
      return;
    }
    const platform: PlatformData = opts.empty ? bootstrapPlatform(resolved) : withPrerequisites(Platform.load(livePlatformFile(root, env)).data, resolved);
    const r = await Rehearsal.start(root, out, { [env]: platform }, { inherit: process.env, work, inPlace: true });
    const problems: string[] = [];
    try {
      process.stdout.write(`rehearse ${env}: ${opts.empty ? "an empty platform (bootstrap objects only)" : `the live platform ${path.relative(root, livePlatformFile(root, env))}`}\n`);
      // A new app is bound through its manifest when it is created, and its next deploy imports those
      // bindings (changing nothing on the platform): a second deploy that only imports earns a third,
      // which must plan nothing.
      let last = 2;
      for (let attempt = 1; attempt <= last; attempt++) {
        const before = apiInstances(r.standin.platforms[env]);
        const deploy = opts.cdktf
          ? await runProcess(path.join(root, "node_modules", ".bin", "cdktf"), ["deploy", env, "--skip-synth", "--skip-provider-lock", "--output", out, "--auto-approve"], {
              cwd: root,
              env: r.stacks[env].env_vars,
            })
          : await pipelineDeploy(r, env, resolved, attempt === 1 && !opts.empty);
        const lines = summaryLines(deploy.stdout + deploy.stderr);
        process.stdout.write(`run ${attempt}: ${opts.cdktf ? `cdktf deploy ${env} --auto-approve` : `the pipeline's deploy of ${env} (ci/tasks/deploy-*.yml)`}\n${lines.map((l) => `  ${l}`).join("\n")}\n`);
        const after = apiInstances(r.standin.platforms[env]);
        process.stdout.write(`  notify-api instances: ${before ?? "(no app)"} -> ${after ?? "(no app)"}\n`);
        if (deploy.code !== 0) {
          problems.push(`run ${attempt}: ${opts.cdktf ? "cdktf deploy" : "the deploy"} exited ${deploy.code}`, ...(deploy.stderr + deploy.stdout).split("\n").filter((l) => /Error|error/.test(l)).slice(0, 20));
          break;
        }
        // What the pipeline's deploy (ci/tasks/deploy-*.yml) does after its apply (docs/adoption-under-the-real-provider.md).
        const settled = await r.settleState(env);
        if (settled) process.stdout.write(`  settled the state: ${settled} binding params null -> "{}" (provider 1.16.0, cloudfoundry/terraform-provider-cloudfoundry#369)\n`);
        const onlyImports = lines.some((l) => /^Plan: \d+ to import, 0 to add, 0 to change, 0 to destroy\.$/.test(l));
        if (attempt === 2 && onlyImports) {
          process.stdout.write("  (only imports: the bindings new apps got from their manifests; a third deploy must plan nothing)\n");
          last = 3;
        } else if (attempt >= 2 && !lines.some((l) => l.startsWith("No changes."))) {
          problems.push(`run ${attempt}: the deploy planned changes; a deploy must plan nothing once it has been applied`);
        }
      }
    } finally {
      await r.close(opts.keep);
      if (opts.keep) process.stdout.write(`kept ${work}\n`);
      removeWorkDirectory(work, opts.keep);
    }
    if (problems.length) throw new Refusal(problems);
  });
void runProgram(program);
