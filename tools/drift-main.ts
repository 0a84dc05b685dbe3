import { ENVIRONMENTS } from "../config";
import { cli, environmentArgument, Refusal, run } from "./cli";
import { driftReport } from "./drift";
import { readPlanArgument } from "./plan-json";

// terraform show -json plan | npm run -s drift -- <env> -
// Exit 0 when the plan is empty, 1 when something differs from config (named), 2 for unreadable input.
const program = cli("drift", "Name what differs between a live environment and config, from a Terraform plan")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<plan-json>", "output of `terraform show -json <planfile>`, or - to read it from standard input")
  .action((env: string, file: string) => {
    environmentArgument(env);
    const { lines, empty } = driftReport(env, readPlanArgument(file));
    if (!empty) throw new Refusal(lines);
    process.stdout.write(`${lines.join("\n")}\n`);
  });
void run(program);
