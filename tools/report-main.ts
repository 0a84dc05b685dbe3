import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "../config";
import { loadCheckedEstate } from "../checks";
import { buildReport, renderReport } from "./report";

// `npm run report`: the capacity report as tables, and as JSON in cdktf.out/report.json.
const outdir = "cdktf.out";
try {
  const { environments, checks } = loadCheckedEstate();
  const report = buildReport(environments, checks);
  process.stdout.write(renderReport(report));
  fs.mkdirSync(outdir, { recursive: true });
  const file = path.join(outdir, "report.json");
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2) + "\n");
  fs.renameSync(`${file}.tmp`, file);
  process.stdout.write(`\nWrote ${file}\n`);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`report refused: ${err.message}\n`);
  process.exit(1);
}
