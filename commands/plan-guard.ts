import { ENVIRONMENTS } from "../config";
import { loadEstate } from "../checks";
import { cli, environmentArgument, outputStyle, readPlanArgument, Refusal, runProgram } from "./cli";
import { highlight } from "../review/output";
import { planEnvironmentProblems } from "../plan/plan-environment";
import { blocking, guardParsedPlan, renderFindings, summarizePlan } from "../plan/plan-guard";

// terraform show -json plan | npm run -s plan-guard -- <env> -
// Exit 0 when the plan is safe, 1 when it is refused (on stderr), 2 when it is not a Terraform plan.
// CI pipes the plan in: Terraform's JSON plan holds every secret in plain text, so it is never written
// to a file. The plan says which environment it is for; a plan of another one is refused, since each
// environment's floors differ (a production plan judged as preview's would pass under lower floors).
const program = cli("plan-guard", "Refuse a Terraform plan that destroys or replaces any resource, makes a change that can take an app down or lose messages, stops an app, goes below a floor, or is another environment's")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<plan-json>", "output of `terraform show -json <planfile>`, or - to read it from standard input")
  .action(async (envName: string, file: string) => {
    environmentArgument(envName);
    const plan = readPlanArgument(file, "plan-guard");
    const { environments } = await loadEstate();
    const wrong = planEnvironmentProblems(plan, envName, environments);
    if (wrong.length) throw new Refusal(wrong.map((l) => `refused (${envName}): ${l}`));
    const findings = guardParsedPlan(plan, environments.find((e) => e.name === envName)!);
    const refused = blocking(findings).length > 0;
    const stream = refused ? process.stderr : process.stdout;
    stream.write(highlight(renderFindings(envName, findings, summarizePlan(plan)), outputStyle(stream)));
    process.exitCode = refused ? 1 : 0;
  });
void runProgram(program);
