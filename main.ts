import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "./config";
import { loadCheckedEstate } from "./checks";
import { buildApp } from "./stacks/build";
import { synthAtomically } from "./stacks/synth";
import { buildReport } from "./tools/report";
import { summary } from "./tools/summary";

// Config is validated and every guardrail runs (all problems at once) before anything is built; a
// failing run exits non-zero and leaves the previous cdktf.out/ exactly as it was.
const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
try {
  const { environments, checks } = loadCheckedEstate();
  const report = buildReport(environments, checks);
  synthAtomically(outdir, (tmp) => {
    buildApp(tmp, environments).synth();
    fs.writeFileSync(path.join(tmp, "report.json"), JSON.stringify(report, null, 2) + "\n");
  });
  if (process.argv.includes("--summary")) process.stdout.write(summary(report, outdir));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`synth refused: ${err.message}\n${outdir} was left as it was.\n`);
  process.exit(1);
}
