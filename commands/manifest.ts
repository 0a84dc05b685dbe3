import { ENVIRONMENTS } from "../config";
import { loadEnvironment } from "../checks";
import * as path from "path";
import { callerPath, cli, environmentArgument, runProgram, UsageError } from "./cli";
import { checkOutputFile, writeOutputFile } from "../io/files";
import { manifestFor } from "../review/manifest";

// npm run -s manifest -- <app> <env> [--out FILE]: one app's effective configuration as a CF manifest.
// With --out the YAML goes to the file (written whole, then renamed; io/files.ts), so npm's banner never mixes in.
const program = cli("manifest", "Print one app's effective configuration in one environment as a Cloud Foundry manifest (secrets as references)")
  .argument("<app>", "app name, e.g. notify-api")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .option("--out <file>", "write the manifest to this file instead of standard output")
  .action(async (appName: string, envName: string, opts: { out?: string }) => {
    const name = environmentArgument(envName);
    const out = opts.out === undefined ? undefined : callerPath(opts.out, "manifest");
    if (out !== undefined) checkOutputFile(out, "the manifest");
    const env = await loadEnvironment(name);
    const app = env.apps.find((a) => a.name === appName);
    if (!app) throw new UsageError(`unknown app "${appName}" in ${envName}; one of: ${env.apps.map((a) => a.name).join(", ")}`);
    const yaml = manifestFor(env, app);
    if (out === undefined) return void process.stdout.write(yaml);
    writeOutputFile(out, yaml, "the manifest");
    process.stderr.write(`manifest: wrote ${path.resolve(out)}\n`);
  });
void runProgram(program);
