import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { filesUnder, synthDir } from "./helpers";

// The whole `npm run synth` process, on a copy of the project whose config can be broken.
const ROOT = path.join(__dirname, "..");
const COPIED = ["main.ts", "bin", "config", "constructs", "stacks", "checks", "tools", ".gen", "package.json"];

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
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  for (const env of ["preview", "staging", "production"]) {
    expect(fs.existsSync(path.join(dir, "cdktf.out", "stacks", env, "cdk.tf.json"))).toBe(true);
  }
  expect(JSON.parse(fs.readFileSync(path.join(dir, "cdktf.out", "report.json"), "utf8")).map((r: any) => r.environment)).toEqual([
    "preview",
    "staging",
    "production",
  ]);
  expect(run.stdout).toMatch(/production +│ 17 +│ 49 \/ 104 \/ 331/);
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
  const apps = path.join(dir, "config", "apps.ts");
  fs.writeFileSync(
    apps,
    fs
      .readFileSync(apps, "utf8")
      .replace("database: { poolSize: 15 }", "database: { poolSize: 30 }")
      .replace('scaling: { mode: "fixed", count: 1 }', 'scaling: { mode: "fixed", count: 2 }')
      .replace('process: worker(2, ["broadcast-tasks"], 1)', 'process: worker(2, ["broadcast-tasks"])'),
  );
  const queues = path.join(dir, "config", "queues.ts");
  fs.writeFileSync(queues, fs.readFileSync(queues, "utf8").replace("maxRetryDelaySeconds: 240", "maxRetryDelaySeconds: 300"));
  const run = synth(dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  const lines = run.stderr.split("\n");
  expect(lines[0]).toMatch(/^synth: refused: config has \d+ problems$/);
  expect(lines.filter(Boolean).every((l) => l.startsWith("synth: "))).toBe(true);
  for (const env of ["preview", "staging", "production"]) {
    expect(run.stderr).toContain(`[NOTIFY-BEAT-SINGLETON] ${env}/notify-delivery-celery-beat`);
    expect(run.stderr).toContain(`[NOTIFY-VISIBILITY-TIMEOUT] ${env}/broadcast-tasks: notify-delivery-worker-broadcasts on broadcast-tasks: retry delay 300 s + prefetch 4`);
  }
  expect(run.stderr).toContain("[NOTIFY-DB-CONNECTIONS] production/notify-api: 35 instances x 4 workers x (30 pool + 10 overflow) = 5600");
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
    fs.writeFileSync(apps, original.replace('// 1G → 2G: hovering near 90% memory like the sender (1ac3ca250).\n    memory: "2G",', '// 1G → 2G: hovering near 90% memory like the sender (1ac3ca250).\n    memory: "3G",'));
    // Older than the bundle, as a copy that keeps file times would leave it.
    const old = new Date(mtime.getTime() - 3600_000);
    fs.utimesSync(apps, old, old);
    expect(synth(dir).status).toBe(0);
    const stack = JSON.parse(fs.readFileSync(path.join(dir, "cdktf.out", "stacks", "production", "cdk.tf.json"), "utf8"));
    expect(stack.resource.cloudfoundry_app["notify-delivery-worker-letters"].memory).toBe("3G");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
