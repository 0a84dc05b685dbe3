import * as fs from "fs";
import * as path from "path";
import { ENVIRONMENTS } from "../config";
import { loadEnvironment } from "../checks";
import { buildApp } from "../stacks/build";
import { writeOutputFile } from "../io/files";
import { cli, environmentArgument, removeWorkDirectory, runProgram, workDirectory } from "./cli";
import type { StackJson } from "../review/diff";
import { prPlan, renderResultText } from "../offline/pr-plan";
import { parseSnapshot, type Snapshot } from "../offline/snapshot";
import { readUntrustedJson } from "../plan/strict-json";

// npm run pr-plan -- <env> <candidate cdk.tf.json> --snapshot <file>: a pull request's stack checked
// by the stack check (npm run stack-check), then planned by real Terraform against the stand-in seeded
// from the environment's sanitized snapshot, offline and with no credential, then judged by the plan
// guard (with the config of this checkout: in CI, main's). Exit 0: planned and the guard passes (a
// stale snapshot is said, not failed); 1: the stack check or the guard refuses, Terraform cannot plan,
// or there is no usable snapshot (each said in the output); 2: the candidate cannot be read.
const program = cli("pr-plan", "Plan a pull request's synthesized stack against a sanitized snapshot of an environment, offline, with no credential")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<candidate>", "the pull request's synthesized cdk.tf.json of that environment")
  .requiredOption("--snapshot <file>", "the environment's snapshot (npm run snapshot-export, in the drift job)")
  .option("--reference <file>", "main's cdk.tf.json of the environment for the offline diff (default: synthesize this checkout)")
  .option("--result <file>", "also write the result as JSON, for npm run pr-comment")
  .option("--keep <dir>", "keep Terraform's working directory there")
  .action(async (envName: string, candidateFile: string, opts: { snapshot: string; reference?: string; result?: string; keep?: string }) => {
    const name = environmentArgument(envName);
    const candidate = readUntrustedJson(candidateFile, "the candidate stack");
    const env = await loadEnvironment(name);
    let reference: StackJson;
    if (opts.reference) reference = readUntrustedJson(opts.reference, "the reference stack") as StackJson;
    else {
      const out = workDirectory("pr-plan-ref");
      try {
        buildApp(out, [env]).synth();
        reference = JSON.parse(fs.readFileSync(path.join(out, "stacks", envName, "cdk.tf.json"), "utf8"));
      } finally {
        removeWorkDirectory(out);
      }
    }
    let snapshot: Snapshot | { missing: string };
    if (!fs.existsSync(opts.snapshot)) snapshot = { missing: `no snapshot at ${opts.snapshot} (has the drift-${envName} job exported one?)` };
    else {
      let parsed: ReturnType<typeof parseSnapshot>;
      try {
        parsed = parseSnapshot(readUntrustedJson(opts.snapshot, "the snapshot", 64 * 1024 * 1024));
      } catch (err) {
        parsed = { problem: (err as Error).message };
      }
      snapshot = "snapshot" in parsed ? parsed.snapshot : { missing: `${opts.snapshot} is ${parsed.problem}` };
    }
    if (opts.keep) fs.mkdirSync(opts.keep, { recursive: true });
    const work = opts.keep ?? workDirectory("pr-plan");
    let result: Awaited<ReturnType<typeof prPlan>>;
    try {
      result = await prPlan({ root: process.cwd(), env, candidate, reference, snapshot, now: new Date(), work, processEnv: process.env });
    } finally {
      if (!opts.keep) removeWorkDirectory(work);
    }
    process.stdout.write(renderResultText(result));
    if (opts.result) {
      writeOutputFile(opts.result, JSON.stringify(result, null, 1) + "\n", "the pr-plan result");
    }
    // A stale snapshot is said in the output; no plan at all (no snapshot, Terraform failed) or a
    // refusal is a failed check.
    process.exitCode = result.guard.verdict === "safe" ? 0 : 1;
  });
void runProgram(program);
