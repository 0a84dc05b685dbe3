import { ConfigError, loadEstate } from "./config";
import { buildApp } from "./stacks/build";
import { synthAtomically } from "./stacks/synth";
import { summary } from "./tools/summary";

// Config is validated (every problem at once) before anything is built; a failing run exits non-zero
// and leaves the previous cdktf.out/ exactly as it was.
const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
try {
  const environments = loadEstate();
  synthAtomically(outdir, (tmp) => buildApp(tmp, environments).synth());
  if (process.argv.includes("--summary")) process.stdout.write(summary(environments, outdir));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`synth refused: ${err.message}\n${outdir} was left as it was.\n`);
  process.exit(1);
}
