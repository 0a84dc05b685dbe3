import { ENVIRONMENTS } from "../config";
import { cli, environmentArgument, parseJsonInput, readInput, Refusal, run, UsageError } from "./cli";
import { untrustedStackProblems, type StackJson } from "./trusted-stack";

// npm run -s trusted-stack -- <env> <candidate> <reference>: CI runs main's copy of this before it
// plans a pull request's synthesized stack with credentials. Exit 0 may plan, 1 refused, 2 unreadable.
const program = cli("trusted-stack", "Refuse a pull request's synthesized stack that changes providers, backend or types, before CI plans it with credentials")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<candidate>", "the pull request's cdk.tf.json")
  .argument("<reference>", "main's cdk.tf.json of the same environment")
  .action((env: string, candidateFile: string, referenceFile: string) => {
    environmentArgument(env);
    const candidate = parseJsonInput(readInput(candidateFile, "the candidate stack"), candidateFile, "the candidate stack");
    const reference = parseJsonInput(readInput(referenceFile, "the reference stack"), referenceFile, "the reference stack");
    if (typeof reference !== "object" || reference === null || !("terraform" in reference)) {
      throw new UsageError(`the reference stack ${referenceFile} is not a synthesized stack (no "terraform" block)`);
    }
    const problems = untrustedStackProblems(env, candidate, reference as StackJson);
    if (problems.length) throw new Refusal([`refused: nothing was planned`, ...problems]);
    process.stdout.write(`trusted-stack (${env}): same providers, provider settings and backend as main; no new types; may be planned\n`);
  });
void run(program);
