import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runChecks } from "../../checks";
import { highlight, PLAIN, visible } from "../../review/output";
import { outputStyle } from "../../commands/cli";
import { buildReport, renderReport } from "../../review/report";
import { summary } from "../../review/summary";
import { renderTable } from "../../review/table";
import { environments } from "../helpers";

// Output that fits (a table wider than the terminal wraps into noise, and colour is noise in a file or
// a log): tables as wide as the terminal, colour only on a terminal and never with NO_COLOR.
const ROOT = path.join(__dirname, "..", "..");
const ESC = "\u001b[";
const widest = (text: string) => Math.max(...visible(text).split("\n").map((l) => l.length));

describe("where colour and width come from", () => {
  const tty = { isTTY: true, columns: 80, hasColors: () => true };
  test.each([
    ["a terminal with colours", tty, {}, { color: true, width: 80 }],
    ["a terminal with NO_COLOR", tty, { NO_COLOR: "1" }, { color: false, width: 80 }],
    ["a terminal with NO_COLOR empty (no-color.org: ignored)", tty, { NO_COLOR: "" }, { color: true, width: 80 }],
    ["a terminal without colours", { ...tty, hasColors: () => false }, {}, { color: false, width: 80 }],
    ["a pipe", { isTTY: false, columns: undefined, hasColors: () => true }, {}, { color: false }],
    ["a pipe with FORCE_COLOR", { isTTY: undefined, columns: undefined, hasColors: () => true }, { FORCE_COLOR: "1" }, { color: false }],
  ])("%s", (_what, stream, env, expected) => {
    expect(outputStyle(stream as any, env)).toEqual(expected);
  });
});

describe("tables fit the width they are given", () => {
  const envs = environments();
  const reports = buildReport(envs, runChecks(envs));
  test.each([60, 80, 100, 120, 160])("the report and the synth summary at %i columns", (width) => {
    const appNames = new Set(envs.flatMap((e) => e.apps.map((a) => a.name)));
    for (const text of [renderReport(reports, { color: false, width }), summary(reports, "cdktf.out", { color: false, width })]) {
      // The tables' lines: box-drawn rows, or a row's block (its first cell, then indented header lines).
      // The prose under them (acknowledgements, totals in words) is left to the terminal to wrap.
      const tableLines = text.split("\n").filter((l) => /^[│┌├└]/.test(l) || appNames.has(l) || ["TOTAL", "preview", "staging", "production"].includes(l) || /^ {2}[a-z]/.test(l));
      expect(tableLines.length).toBeGreaterThan(3);
      expect(widest(tableLines.join("\n"))).toBeLessThanOrEqual(width);
    }
  });

  test("with room, the table keeps its natural layout; piped, it is never narrowed", () => {
    const head = ["name", "a long header that wraps"];
    const rows = [["notify-api", 35]];
    expect(renderTable(head, rows, PLAIN)).toBe(renderTable(head, rows, { color: false, width: 500 }));
    expect(widest(renderTable(head, rows, PLAIN))).toBeGreaterThan(30);
  });

  test("a little too narrow: headers wrap at their spaces and no cell is cut", () => {
    const text = renderTable(["name", "a long header that wraps"], [["notify-api", 35]], { color: false, width: 30 });
    expect(widest(text)).toBeLessThanOrEqual(30);
    expect(text).toContain("notify-api");
    expect(text).toMatch(/a long header/);
  });

  test("far too narrow: each row becomes a block of header and value lines", () => {
    const text = renderTable(["app", "instances deploy/min/max", "memory"], [["notify-delivery-worker-save-api-notifications", "1 / 2 / 3", "1G"]], { color: false, width: 40 });
    expect(text).toBe("notify-delivery-worker-save-api-notifications\n  instances deploy/min/max  1 / 2 / 3\n  memory                    1G");
  });
});

test("colour only when asked: headers bold, refusals red; plain text has no escape codes", () => {
  const head = ["environment", "apps"];
  expect(renderTable(head, [["preview", 17]], PLAIN)).not.toContain(ESC);
  expect(renderTable(head, [["preview", 17]], { color: true })).toContain(`${ESC}1menvironment`);
  const guard = "plan guard (production):\n  REFUSED   aws_sqs_queue.q: DESTROYED\n  accepted  cloudfoundry_app.a: x";
  expect(highlight(guard, PLAIN)).toBe(guard);
  const coloured = highlight(guard, { color: true });
  expect(coloured.split("\n").map((l) => l.startsWith(ESC))).toEqual([false, true, true]);
  expect(visible(coloured)).toBe(guard);
});

describe("the commands, on a terminal (util-linux script) and piped", () => {
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  let out: string;
  beforeAll(() => (out = fs.mkdtempSync(path.join(os.tmpdir(), "notify-output-"))));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  const onTerminal = (env: Record<string, string>) => {
    const inherited: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm-256color" };
    // Whatever colour settings the test run has, the case decides. CI=true (as ci/run runs) makes Node
    // count any terminal as two-colour (tty.getColorDepth), so it goes too.
    for (const k of ["NO_COLOR", "FORCE_COLOR", "NODE_DISABLE_COLORS", "CI"]) delete inherited[k];
    return spawnSync("script", ["-qec", `stty cols 80 rows 50; "${process.execPath}" bin/run.js commands/report.ts --out "${out}"`, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...inherited, ...env },
    }).stdout.replace(/\r/g, "");
  };

  test("report on an 80-column terminal fits it, in colour; with NO_COLOR, without", () => {
    if (!hasScript) return; // no pseudo-terminal here: the unit tests above stand
    const coloured = onTerminal({});
    expect(coloured).toContain(ESC);
    const tableLines = visible(coloured).split("\n").filter((l) => /^[│┌├└]|^ {2}\S|^notify-|^TOTAL/.test(l) && !/^ {2}\[/.test(l));
    expect(tableLines.length).toBeGreaterThan(10);
    expect(Math.max(...tableLines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(onTerminal({ NO_COLOR: "1" })).not.toContain(ESC);
  });

  test("report piped is plain, at its natural width", () => {
    const r = spawnSync(process.execPath, ["bin/run.js", "commands/report.ts", "--out", out], { cwd: ROOT, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "1" } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toMatch(/^│ app +│ instances deploy\/min\/max │/m);
  });
});
