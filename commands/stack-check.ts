import { ENVIRONMENTS } from "../config";
import { loadEnvironment } from "../checks";
import { cli, environmentArgument, Refusal, runProgram } from "./cli";
import { readUntrustedJson } from "../plan/strict-json";
import { checkStack, stackPins } from "../plan/stack-check";

// npm run stack-check -- <env> <cdk.tf.json>: whether a synthesized stack holds only what this estate
// declares (plan/stack-check.ts), before any Terraform reads it. Exit 0: accepted (one line on
// stdout); 1: refused, one line per problem on stderr, naming the block, field or function and why;
// 2: called wrongly, or the file cannot be read as one JSON document (a duplicate key included).
// The pins (backend, provider configuration) are this checkout's config: in CI, main's.
const program = cli("stack-check", "Refuse a synthesized stack that holds anything this estate does not declare: other providers, types, provisioners, impure functions")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<stack>", "the synthesized cdk.tf.json of that environment")
  .action(async (envName: string, file: string) => {
    const name = environmentArgument(envName);
    const stack = readUntrustedJson(file, "the stack");
    const problems = await checkStack(stack, stackPins(await loadEnvironment(name)));
    if (problems.length) throw new Refusal([`refused ${file} (${name}): ${problems.length} problem${problems.length === 1 ? "" : "s"}`, ...problems.map((p) => `refused (${name}): ${p}`)]);
    process.stdout.write(`stack-check (${name}): ${file} holds only what this estate declares\n`);
  });
void runProgram(program);
