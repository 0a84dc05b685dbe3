import { ENVIRONMENTS } from "../config";
import { cli, environmentArgument, parseJsonInput, readInput, Refusal, run, UsageError } from "./cli";
import { driftReport } from "./drift";
import { parsePlan } from "./plan-json";

// terraform show -json plan | npm run -s drift -- <env> -
// Exit 0 when the plan is empty, 1 when something differs from config (named), 2 for unreadable input.
const program = cli("drift", "Name what differs between a live environment and config, from a Terraform plan")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<plan-json>", "output of `terraform show -json <planfile>`, or - to read it from standard input")
  .action((env: string, file: string) => {
    environmentArgument(env);
    const parsed = parsePlan(parseJsonInput(readInput(file, "the plan"), file, "the plan"));
    if ("problem" in parsed) throw new UsageError(`the plan ${file === "-" ? "on standard input" : file} is ${parsed.problem}`);
    const { lines, empty } = driftReport(env, parsed.plan);
    if (!empty) throw new Refusal(lines);
    process.stdout.write(`${lines.join("\n")}\n`);
  });
void run(program);
