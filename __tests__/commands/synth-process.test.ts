import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { appsWithMemoryChange, environments, filesUnder, synthDir } from "../helpers";

// The whole `npm run synth` process, on a copy of the project whose config can be broken.
const ROOT = path.join(__dirname, "..", "..");
const COPIED = ["main.ts", "bin", "config", "constructs", "stacks", "checks", "io", "review", "plan", "offline", "rehearsal", "commands", ".gen", "package.json"];

function projectCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-estate-"));
  for (const name of COPIED) fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

function synth(dir: string) {
  const env = { ...process.env };
  delete env.CDKTF_OUTDIR;
  return spawnSync(process.execPath, ["bin/run.js", "main.ts", "--summary"], { cwd: dir, encoding: "utf8", env });
}

let dir: string;
beforeAll(() => {
  dir = projectCopy();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("synth writes all three stacks and the report, and prints the summary", () => {
  const run = synth(dir);
  // Nothing on stderr but warnings (a breach of an assumed figure is reported, not refused).
  expect(run.stderr.split("\n").filter((l) => l && !l.startsWith("synth: warning: "))).toEqual([]);
  expect(run.status).toBe(0);
  for (const env of ["preview", "staging", "production"]) {
    expect(fs.existsSync(path.join(dir, "cdktf.out", "stacks", env, "cdk.tf.json"))).toBe(true);
  }
  expect(JSON.parse(fs.readFileSync(path.join(dir, "cdktf.out", "report.json"), "utf8")).map((r: any) => r.environment)).toEqual([
    "preview",
    "staging",
    "production",
  ]);
  // One row per environment, counting the apps config declares there.
  for (const e of environments()) expect(run.stdout).toMatch(new RegExp(`│ ${e.name} +│ ${e.apps.length} +│ \\d+ / \\d+ / \\d+ +│`));
});

test("the bundled fast path writes exactly what the unbundled program writes", () => {
  // bin/run.js leaves archiver and token creation stacks out of the bundle; neither may change output.
  // global-setup.ts synthesized the same estate with the unbundled program.
  for (const env of ["preview", "staging", "production"]) {
    const file = path.join("stacks", env, "cdk.tf.json");
    expect(fs.readFileSync(path.join(dir, "cdktf.out", file), "utf8")).toBe(fs.readFileSync(path.join(synthDir(), file), "utf8"));
  }
});

test("a config with several violations exits 1, lists every one, and leaves cdktf.out untouched", () => {
  const before = filesUnder(path.join(dir, "cdktf.out"));
  // Seeded by appending an app to config/apps.ts, so that the test does not depend on today's values:
  // a second beat at 2 instances, each holding 3000 connections.
  const apps = path.join(dir, "config", "apps.ts");
  const original = fs.readFileSync(apps, "utf8");
  fs.appendFileSync(
    apps,
    `\n(apps as AppDefinition[]).push({ name: "seeded-beat", role: "scheduler", notifyAppName: "seeded", process: { kind: "celery-beat", publishesTo: [] }, ` +
      `scaling: { mode: "fixed", count: 2 }, defaultRoute: false, services: [], database: { poolSize: 3000 }, sendsStatsd: false });\n`,
  );
  const run = synth(dir);
  fs.writeFileSync(apps, original);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  const lines = run.stderr.split("\n");
  expect(lines[0]).toMatch(/^synth: refused: config has \d+ problems$/);
  expect(lines.filter(Boolean).every((l) => l.startsWith("synth: "))).toBe(true);
  for (const env of ["preview", "staging", "production"]) {
    expect(run.stderr).toContain(`[NOTIFY-BEAT-SINGLETON] ${env}/seeded-beat: seeded-beat must run`);
    expect(run.stderr).toMatch(new RegExp(`\\[NOTIFY-DB-CONNECTIONS\\] ${env}/seeded-beat: 2 instances x .* = 60\\d\\d connections at full scale exceeds`));
  }
  expect(lines.at(-2)).toBe("synth: cdktf.out was left as it was.");
  expect(filesUnder(path.join(dir, "cdktf.out"))).toEqual(before);
  expect(fs.readdirSync(dir).filter((n) => n.startsWith("cdktf.out"))).toEqual(["cdktf.out"]);
});

test("a config edit with an older file time (cp -p, rsync, touch -d) is synthesized, never the stale bundle", () => {
  // Its own copy, with the lockfile, so that the bundle cache is in play exactly as in a checkout.
  const dir = projectCopy();
  fs.copyFileSync(path.join(ROOT, "package-lock.json"), path.join(dir, "package-lock.json"));
  expect(synth(dir).status).toBe(0);
  const apps = path.join(dir, "config", "apps.ts");
  const original = fs.readFileSync(apps, "utf8");
  const { mtime } = fs.statSync(path.join(dir, ".build", "main.js"));
  try {
    const change = appsWithMemoryChange(original);
    fs.writeFileSync(apps, change.text);
    // Older than the bundle, as a copy that keeps file times would leave it.
    const old = new Date(mtime.getTime() - 3600_000);
    fs.utimesSync(apps, old, old);
    expect(synth(dir).status).toBe(0);
    const stack = JSON.parse(fs.readFileSync(path.join(dir, "cdktf.out", "stacks", "production", "cdk.tf.json"), "utf8"));
    expect(stack.resource.cloudfoundry_app[change.app].memory).toBe(change.after);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
