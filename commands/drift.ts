import { ENVIRONMENTS, resolveEstate } from "../config";
import { cli, environmentArgument, readPlanArgument, Refusal, runProgram } from "./cli";
import { driftReport } from "../plan/drift";
import { planEnvironmentProblems } from "../plan/plan-environment";

// terraform show -json plan | npm run -s drift -- <env> -
// Exit 0 when the plan is empty, 1 when something differs from config or the plan is another
// environment's, 2 for unreadable input. What differs is named (addresses, attributes, the keys config
// declares), never shown: the log is read by more people than the platform's secrets are.
const program = cli("drift", "Name what differs between a live environment and config, from a Terraform plan of that environment")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<plan-json>", "output of `terraform show -json <planfile>`, or - to read it from standard input")
  .action((env: string, file: string) => {
    environmentArgument(env);
    const plan = readPlanArgument(file, "drift");
    const wrong = planEnvironmentProblems(plan, env, resolveEstate());
    if (wrong.length) throw new Refusal(wrong.map((l) => `refused (${env}): ${l}`));
    const { lines, empty } = driftReport(env, plan);
    if (!empty) throw new Refusal(lines);
    process.stdout.write(`${lines.join("\n")}\n`);
  });
void runProgram(program);
