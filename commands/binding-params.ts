import { writeOutputFile } from "../io/files";
import { cli, readJsonInput, Refusal, runProgram } from "./cli";
import { normaliseBindingParams } from "../plan/binding-params";

// terraform state pull > s.json; npm run -s binding-params -- s.json out.json && terraform state push out.json
// Writes <out> only when some binding params change (exit 0, one line per binding); exit 0 with no
// file when there is nothing to do; exit 1 when it refuses, 2 for unreadable input. Never prints a
// value from the state (it holds secrets): only addresses and service instance names.
const program = cli("binding-params", 'Set null cloudfoundry_app binding params to "{}" in a Terraform state (provider 1.16.0, cloudfoundry/terraform-provider-cloudfoundry#369), and nothing else')
  .argument("<state>", "output of `terraform state pull`, or - to read it from standard input")
  .argument("<out>", "where to write the state to push; written only when something changes")
  .action((file: string, out: string) => {
    const r = normaliseBindingParams(readJsonInput(file, "the state"));
    if ("problem" in r) throw new Refusal([r.problem]);
    if (!r.fixes.length) {
      process.stdout.write("binding params: every app binding already holds params; nothing to push\n");
      return;
    }
    writeOutputFile(out, JSON.stringify(r.state, null, 2) + "\n", "the settled state", 0o600);
    process.stdout.write(
      [`binding params: ${r.fixes.length} binding${r.fixes.length === 1 ? "" : "s"} set from null to "{}" (serial ${r.state.serial}):`, ...r.fixes.map((f) => `  ${f.address}: ${f.serviceInstance}`)].join("\n") + "\n",
    );
  });
void runProgram(program);
