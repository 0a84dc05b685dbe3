import * as fs from "fs";
import { Command } from "commander";
import { ConfigError, ENVIRONMENTS } from "../config";
import { loadCheckedEstate } from "../checks";
import { blocking, guardPlan, renderFindings, type PlanJson } from "./plan-guard";

// npm run plan-guard -- <env> <plan.json>: exit 0 when the plan is safe, 1 when it is refused.
const program = new Command("plan-guard")
  .description("Refuse a Terraform plan that destroys or replaces a queue or an app, or sets an autoscaled app below its floor")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<plan-json>", "output of `terraform show -json <planfile>`")
  .action((envName: string, file: string) => {
    try {
      const env = loadCheckedEstate().environments.find((e) => e.name === envName);
      if (!env) program.error(`unknown environment "${envName}"; one of: ${ENVIRONMENTS.join(", ")}`, { exitCode: 2 });
      let plan: PlanJson;
      try {
        plan = JSON.parse(fs.readFileSync(file, "utf8")) as PlanJson;
      } catch (err) {
        program.error(`cannot read the plan ${file}: ${(err as Error).message}`, { exitCode: 2 });
      }
      const findings = guardPlan(plan!, env!);
      process.stdout.write(renderFindings(envName, findings));
      process.exitCode = blocking(findings).length ? 1 : 0;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      program.error(`config is invalid: ${err.message}`, { exitCode: 1 });
    }
  });
program.parse();
