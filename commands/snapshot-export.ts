import { ENVIRONMENTS } from "../config";
import { loadEnvironment } from "../checks";
import { writeOutputFile } from "../io/files";
import { cli, environmentArgument, readJsonInput, readPlanArgument, Refusal, runProgram } from "./cli";
import { exportSnapshot } from "../offline/snapshot";

// terraform show -json <drift plan> | npm run -s snapshot-export -- <env> - --state <(terraform state pull) --out snapshot.json
// Main's code, in the trusted drift job: the sanitized snapshot pull-request plans run against. The
// plan and the state hold every secret in plain text: they arrive through pipes and stay in memory;
// only the sanitized snapshot is written (whole, then renamed). What leaves is decided by the export's
// allow-list (docs/snapshot-export.md). Exit 0 written, 1 refused (something that holds credentials is
// not in the allow-list, or a secret would have left: nothing is written), 2 input that is not a plan
// or a state.
const program = cli("snapshot-export", "Write the sanitized snapshot of an environment from its drift plan and its state")
  .argument("<env>", `environment: ${ENVIRONMENTS.join(", ")}`)
  .argument("<plan-json>", "output of `terraform show -json <planfile>`, or - for standard input")
  .requiredOption("--state <file>", "output of `terraform state pull` (a pipe: --state <(terraform state pull)); 'none' for an environment with no state yet")
  .requiredOption("--out <file>", "where to write the snapshot")
  .option("--commit <sha>", "the commit of main whose config was planned")
  .action(async (envName: string, planFile: string, opts: { state: string; out: string; commit?: string }) => {
    const name = environmentArgument(envName);
    const plan = readPlanArgument(planFile);
    const state = opts.state === "none" ? null : readJsonInput(opts.state, "the state");
    const env = await loadEnvironment(name);
    let snapshot;
    try {
      snapshot = exportSnapshot({ env, plan, state, takenAt: new Date(String((plan as { timestamp?: string }).timestamp ?? new Date().toISOString())), commit: opts.commit });
    } catch (err) {
      throw new Refusal([`${envName}: ${(err as Error).message}`]);
    }
    writeOutputFile(opts.out, JSON.stringify(snapshot) + "\n", "the snapshot");
    const count = Object.values(snapshot.platform.resources).reduce((n, r) => n + Object.keys(r).length, 0);
    process.stdout.write(`snapshot-export (${envName}): ${count} objects, ${Object.keys(snapshot.platform.aws.parameters).length} SSM parameters as placeholders, taken ${snapshot.taken_at}\n`);
  });
void runProgram(program);
