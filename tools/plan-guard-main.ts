import { ENVIRONMENTS } from "../config";
import { loadCheckedEstate } from "../checks";
import { cli, environmentArgument, run } from "./cli";
import { blocking, guardParsedPlan, renderFindings } from "./plan-guard";
import { readPlanArgument } from "./plan-json";

// terraform show -json plan | npm run -s plan-guard -- <env> -
// Exit 0 when the plan is safe, 1 when it is refused, 2 when it is not a Terraform plan. CI pipes the
// plan in: Terraform's JSON plan holds every secret in plain text, so it is never written to a file.
const program = cli("plan-guard", "Refuse a Terraform plan that destroys or replaces an app, route, binding or queue, stops an app or goes below a floor")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<plan-json>", "output of `terraform show -json <planfile>`, or - to read it from standard input")
  .action((envName: string, file: string) => {
    environmentArgument(envName);
    const plan = readPlanArgument(file);
    const env = loadCheckedEstate().environments.find((e) => e.name === envName)!;
    const findings = guardParsedPlan(plan, env);
    process.stdout.write(renderFindings(envName, findings));
    process.exitCode = blocking(findings).length ? 1 : 0;
  });
void run(program);
