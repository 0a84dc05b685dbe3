import * as path from "path";
import { cli, outputStyle, Refusal, removeWorkDirectory, runProgram, workDirectory } from "./cli";
import { readStacks, synthesizeRef } from "../review/git-ref";
import { loadEstate } from "../checks";
import { buildApp } from "../stacks/build";
import { diffAutoscaler, autoscalerLimits } from "../review/autoscaler";
import { renderDiff } from "../review/diff";
import { highlight } from "../review/output";
import { envBindingOrder } from "../checks/env-binding-order";
import { wiringOf } from "../review/wiring";
import type { EnvironmentName } from "../config";

// npm run diff -- --base <git ref>: what this working tree changes against <ref>, per environment, in
// reviewer terms. Offline: no credentials, no Terraform. Exit 0 when it ran (like git diff; with
// --exit-code, 1 when anything changed), 1 when the working tree's config is refused, 2 for a ref git
// does not know.
const program = cli("diff", "Offline, reviewer-level diff of the estate between a git ref and the working tree")
  .requiredOption("--base <ref>", "git ref to compare against, e.g. origin/main or HEAD~1")
  .option("--exit-code", "exit 1 when anything changed (as git diff --exit-code)")
  .action(async ({ base, exitCode }: { base: string; exitCode?: boolean }) => {
    const work = workDirectory("diff");
    try {
      const { stacks: before, autoscaler: limitsBefore } = synthesizeRef(process.cwd(), base, work, process.env);
      const headOut = path.join(work, "head.out");
      const { environments } = await loadEstate();
      buildApp(headOut, environments).synth();
      const after = readStacks(headOut);
      const limitsAfter = Object.fromEntries(environments.map((e) => [e.name, autoscalerLimits(e)]));
      const envs = ["preview", "staging", "production"].filter((e) => e in before || e in after);
      const { text, changed } = renderDiff(envs, before, after, (env) => diffAutoscaler(limitsBefore[env], limitsAfter[env]));
      process.stdout.write(highlight(`Changes against ${base}:\n${text}`, outputStyle(process.stdout)));
      // Checks that need the base as well as the candidate: refused like a config problem (exit 1).
      const ordering = envs.flatMap((e) => envBindingOrder(e as EnvironmentName, wiringOf(before[e]), wiringOf(after[e])));
      if (ordering.length) throw new Refusal(ordering.map((v) => `${v.check} ${v.environment}/${v.subject}: ${v.message}`));
      if (exitCode && changed) process.exitCode = 1;
    } finally {
      removeWorkDirectory(work);
    }
  });
void runProgram(program);
