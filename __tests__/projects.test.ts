import * as fs from "fs";
import * as path from "path";

// jest.config.js's `unit` project is the fast loop (npm run test:unit): it must start no process and
// run no Terraform. A file that does belongs to `offline`; this holds the list to that as files change.
const ROOT = path.join(__dirname, "..");
const STARTS_A_PROCESS = [
  /from "child_process"|require\("child_process"\)/,
  /from "(\.\.\/)+offline\/harness"/, // whole commands, rehearsals, the stand-in
  /\bprojectRepository\(/, // a git repository
];

function unitFiles(): string[] {
  const { projects } = require("../jest.config.js") as { projects: { displayName: string; testMatch: string[] }[] };
  const globs = projects.find((p) => p.displayName === "unit")!.testMatch;
  const all: string[] = [];
  const walk = (dir: string) =>
    fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : all.push(path.join(dir, e.name))));
  walk(__dirname);
  const matches = (file: string, glob: string) => new RegExp(`^${glob.replace("<rootDir>", ROOT).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`).test(file);
  return all.filter((f) => globs.some((g) => matches(f, g)));
}

test("no test file of the unit project starts a process (child_process, the harness, a git repository)", () => {
  const files = unitFiles();
  expect(files.length).toBeGreaterThan(20);
  // This file names what it looks for, in the seeded test below.
  const offenders = files.filter((f) => f !== __filename && STARTS_A_PROCESS.some((re) => re.test(fs.readFileSync(f, "utf8")))).map((f) => path.relative(ROOT, f));
  expect(offenders).toEqual([]);
});

test("the check sees a file that does (seeded)", () => {
  expect(STARTS_A_PROCESS.some((re) => re.test('import { spawnSync } from "child_process";'))).toBe(true);
  expect(STARTS_A_PROCESS.some((re) => re.test('import { runProcess } from "../../offline/harness";'))).toBe(true);
  expect(STARTS_A_PROCESS.some((re) => re.test('const repo = projectRepository("x-");'))).toBe(true);
});
