import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// An app added and removed again between two runs of `npm run history` was never recorded: its
// retirement is then unknown to the synth. `history --from <ref>` records what that commit declared.
const ROOT = path.join(__dirname, "..", "..");
let clone: string;
const git = (...args: string[]) => {
  const r = spawnSync("git", args, { cwd: clone, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};
const history = (...args: string[]) => spawnSync(process.execPath, ["bin/run.js", "commands/history.ts", ...args], { cwd: clone, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const recorded = () => fs.readFileSync(path.join(clone, "config", "stateful-history.ts"), "utf8");

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-history-"));
  clone = path.join(dir, "c");
  spawnSync("git", ["clone", "-q", "--shared", ROOT, clone]);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
});
afterAll(() => fs.rmSync(path.dirname(clone), { recursive: true, force: true }));

test("an app added and removed without history run is recorded from the commit that had it", () => {
  const apps = path.join(clone, "config", "apps.ts");
  const original = fs.readFileSync(apps, "utf8");
  // A copy of a fixed-count task app under a new name: needs nothing in the environment files.
  fs.writeFileSync(apps, `${original}(apps as AppDefinition[]).push({ ...apps.find((a) => a.role === "task" && a.scaling.mode === "fixed")!, name: "notify-history-probe" });\n`);
  git("commit", "-q", "-am", "add a probe app");
  const added = git("rev-parse", "HEAD");
  fs.writeFileSync(apps, original);
  git("commit", "-q", "-am", "remove it again");

  const plain = history();
  expect([plain.status, plain.stderr]).toEqual([0, ""]);
  expect(recorded()).not.toContain("notify-history-probe");

  const repaired = history("--from", added);
  expect([repaired.status, repaired.stderr]).toEqual([0, ""]);
  for (const env of ["preview", "staging", "production"]) expect(repaired.stdout).toContain(`  + ${env}: cloudfoundry_app.notify-history-probe\n`);
  expect(recorded()).toContain('"cloudfoundry_app.notify-history-probe": "app notify-history-probe"');
  expect(repaired.stdout).toMatch(new RegExp(`^config/stateful-history.ts: \\d+ addresses added \\(\\d+ from ${added}\\)\\n`));
});

test("--from a ref git does not know is one line, exit 2, and history is left as it was", () => {
  const before = recorded();
  const r = history("--from", "no-such-ref");
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^history: no such ref "no-such-ref"/);
  expect(recorded()).toBe(before);
});
