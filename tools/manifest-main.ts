import { Command } from "commander";
import { ConfigError, ENVIRONMENTS } from "../config";
import { loadCheckedEstate } from "../checks";
import { manifestFor } from "./manifest";

// npm run manifest -- <app> <env>: one app's effective configuration as a CF manifest.
const program = new Command("manifest")
  .description("Print one app's effective configuration in one environment as a Cloud Foundry manifest")
  .argument("<app>", "app name, e.g. notify-api")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .action((appName: string, envName: string) => {
    try {
      const { environments } = loadCheckedEstate();
      const env = environments.find((e) => e.name === envName);
      if (!env) program.error(`unknown environment "${envName}"; one of: ${environments.map((e) => e.name).join(", ")}`, { exitCode: 2 });
      const app = env!.apps.find((a) => a.name === appName);
      if (!app) program.error(`unknown app "${appName}" in ${envName}; one of:\n  ${env!.apps.map((a) => a.name).join("\n  ")}`, { exitCode: 2 });
      process.stdout.write(manifestFor(env!, app!));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      program.error(`config is invalid: ${err.message}`, { exitCode: 1 });
    }
  });
program.parse();
