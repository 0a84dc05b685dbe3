import * as fs from "fs";
import * as path from "path";
import { formatViolations, loadEstate } from "../checks";
import { cli, outputStyle, runProgram } from "./cli";
import { checkOutputFile, outputDirectory, writeOutputFile } from "../io/files";
import { buildReport, renderReport } from "../review/report";

// npm run report: the capacity report as tables, and as JSON in cdktf.out/report.json.
const program = cli("report", "Capacity report per environment: instances, memory, database connections against the limit, secrets, acknowledged breaches")
  .option("--out <dir>", "where to write report.json", "cdktf.out")
  .action(async (opts: { out: string }) => {
    // Refused before any work: a report printed and then not written would look like success.
    const file = path.join(opts.out, "report.json");
    outputDirectory(opts.out, "report.json", false);
    if (fs.existsSync(opts.out)) checkOutputFile(file, "report.json");
    const { environments, checks } = await loadEstate();
    const report = buildReport(environments, checks);
    process.stdout.write(renderReport(report, outputStyle(process.stdout)));
    if (checks.warnings.length) process.stdout.write(`\nwarnings (assumed figures only; confirm them in config):\n${formatViolations(checks.warnings).map((w) => `  ${w}`).join("\n")}\n`);
    outputDirectory(opts.out, "report.json");
    writeOutputFile(file, JSON.stringify(report, null, 2) + "\n", "report.json");
    process.stdout.write(`\nWrote ${file}\n`);
  });
void runProgram(program);
