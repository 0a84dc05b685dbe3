import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "./config";
import { formatViolations, loadEstate } from "./checks";
import { buildApp } from "./stacks/build";
import { synthAtomically } from "./stacks/synth";
import { cli, outputStyle, Refusal, runProgram } from "./commands/cli";
import { autoscalerLimits } from "./review/autoscaler";
import { buildReport } from "./review/report";
import { checkReplaceableOutputDirectory } from "./io/files";
import { summary } from "./review/summary";

// Config is validated and every guardrail runs (all problems at once) before anything is built; a
// failing run exits 1 and leaves the previous output exactly as it was. `cdktf synth/diff/deploy` run
// this with no arguments (cdktf.json); CDKTF_OUTDIR is how cdktf names the output directory.
const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
const program = cli("synth", `Validate config, run every guardrail and write the three stacks, report.json and the autoscaler limits to ${outdir}/ (atomically)`)
  .option("--summary", "print the capacity summary of each environment after writing")
  .action(async (opts: { summary?: boolean }) => {
    checkReplaceableOutputDirectory(outdir, "the stacks");
    try {
      const { environments, checks } = await loadEstate();
      const report = buildReport(environments, checks);
      synthAtomically(outdir, (tmp) => {
        buildApp(tmp, environments).synth();
        fs.writeFileSync(path.join(tmp, "report.json"), JSON.stringify(report, null, 2) + "\n");
        fs.mkdirSync(path.join(tmp, "autoscaler"));
        for (const env of environments) fs.writeFileSync(path.join(tmp, "autoscaler", `${env.name}.json`), JSON.stringify(autoscalerLimits(env), null, 2) + "\n");
      });
      if (opts.summary) process.stdout.write(summary(report, outdir, outputStyle(process.stdout)));
      // Breaches of assumed figures only: they do not stop the synth until the figure is confirmed.
      for (const w of formatViolations(checks.warnings)) process.stderr.write(`synth: warning: ${w}\n`);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      throw new Refusal([`refused: config has ${err.problems.length} problem${err.problems.length === 1 ? "" : "s"}`, ...err.problems, `${outdir} was left as it was.`]);
    }
  });
void runProgram(program);
