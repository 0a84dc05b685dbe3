import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// bin/run.js on a project of its own (the launcher, a one-line entry, the real dependencies linked in),
// so that cutting its bundle short or taking its dependencies away touches no other test's bundle.
const ROOT = path.join(__dirname, "..", "..");

function project(withDependencies: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-launcher-"));
  fs.mkdirSync(path.join(dir, "bin"));
  for (const f of ["run.js", "bundle-stubs.js", "installed.js"]) fs.copyFileSync(path.join(ROOT, "bin", f), path.join(dir, "bin", f));
  fs.writeFileSync(path.join(dir, "hello.ts"), 'const who: string = "estate";\nprocess.stdout.write(`hello ${who}\\n`);\n');
  if (withDependencies) fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

const run = (dir: string) => spawnSync(process.execPath, ["bin/run.js", "hello.ts"], { cwd: dir, encoding: "utf8" });

describe("the launcher", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test("a bundle cut short (a build killed while writing it) is rebuilt, never run", () => {
    const dir = project(true);
    dirs.push(dir);
    expect([run(dir).status, run(dir).stdout]).toEqual([0, "hello estate\n"]);
    const bundle = path.join(dir, ".build", "hello.js");
    const whole = fs.readFileSync(bundle, "utf8");
    fs.writeFileSync(bundle, whole.slice(0, Math.floor(whole.length / 2)));
    const again = run(dir);
    expect([again.status, again.stdout, again.stderr]).toEqual([0, "hello estate\n", ""]);
    expect(fs.readFileSync(bundle, "utf8")).toBe(whole);
  });

  test("in a checkout nobody may write (here .build cannot be made), the bundle is built in the temporary directory and the command runs", () => {
    const dir = project(true);
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, ".build"), "not a directory\n");
    const elsewhere = path.join(os.tmpdir(), `notify-estate-build-${createHash("sha256").update(dir).digest("hex").slice(0, 12)}`);
    dirs.push(elsewhere);
    const r = run(dir);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "hello estate\n", ""]);
    expect(fs.existsSync(path.join(elsewhere, "hello.js"))).toBe(true);
    expect(fs.readFileSync(path.join(dir, ".build"), "utf8")).toBe("not a directory\n");
  });

  test("without the project's dependencies it says to run npm ci, in one line, exit 2, and writes nothing", () => {
    const dir = project(false);
    dirs.push(dir);
    const r = run(dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^run: the project's dependencies are not installed \(no node_modules\/esbuild in .*\): run npm ci first\n$/);
    expect(fs.existsSync(path.join(dir, ".build"))).toBe(false);
  });
});

test("npm test without the dependencies says to run npm ci before anything else runs", () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  expect(scripts.pretest).toBe("node bin/installed.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-launcher-"));
  fs.mkdirSync(path.join(dir, "bin"));
  fs.copyFileSync(path.join(ROOT, "bin", "installed.js"), path.join(dir, "bin", "installed.js"));
  const r = spawnSync(process.execPath, ["bin/installed.js"], { cwd: dir, encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  expect([r.status, r.stderr]).toEqual([2, `test: the project's dependencies are not installed (no node_modules/esbuild in ${dir}): run npm ci first\n`]);
});
