import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { appsWithMemoryChange, projectRepository, setupOnce } from "../helpers";

// The whole command on a repository with two commits: the second changes one app's memory.
describe("npm run diff -- --base", () => {
  let repo: string;
  let git: (...args: string[]) => void;
  let change: ReturnType<typeof appsWithMemoryChange>;
  const diff = (base: string, ...flags: string[]) =>
    spawnSync(process.execPath, ["bin/run.js", "commands/diff.ts", "--base", base, ...flags], { cwd: repo, encoding: "utf8" });

  setupOnce(() => {
    const project = projectRepository("notify-diff-repo-");
    repo = project.dir;
    git = project.git;
    const apps = path.join(repo, "config", "apps.ts");
    change = appsWithMemoryChange(fs.readFileSync(apps, "utf8"));
    expect(change.after).not.toBe(change.before);
    fs.writeFileSync(apps, change.text);
    project.commit("one app's memory changed");
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  test("on a commit that changes one app's memory it prints exactly that change; --exit-code makes that exit 1", () => {
    const run = diff("HEAD~1");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(diff("HEAD~1", "--exit-code").status).toBe(1);
    const line = `  app ${change.app}: memory ${change.before} -> ${change.after}`;
    expect(run.stdout).toBe(`Changes against HEAD~1:\npreview:\n${line}\nstaging:\n${line}\nproduction:\n${line}\n`);
  });

  test("on an unchanged tree it exits 0", () => {
    // The working tree put back to HEAD~1's content: nothing differs from that base (whose extracted
    // files the previous run left in .build/diff-base).
    git("checkout", "HEAD~1", "--", "config/apps.ts");
    const run = diff("HEAD~1");
    expect([run.status, run.stdout]).toEqual([0, "Changes against HEAD~1:\npreview: no changes\nstaging: no changes\nproduction: no changes\n"]);
    expect(diff("HEAD~1", "--exit-code").status).toBe(0);
    git("checkout", "HEAD", "--", "config/apps.ts");
  });

  test("an unknown ref is a usage error: exit 2, one line, naming the nearest refs", () => {
    git("update-ref", "refs/remotes/origin/main", "HEAD");
    const run = diff("orgin/main");
    expect([run.status, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toBe('diff: no such ref "orgin/main" (a branch, tag or commit); did you mean origin/main? A remote branch needs `git fetch` first.\n');
    const far = diff("no-such-ref");
    expect([far.status, far.stderr]).toEqual([2, expect.stringMatching(/^diff: no such ref "no-such-ref" \(a branch, tag or commit\); refs here include .*\.\n$/)]);
  });
});
