import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { parse } from "yaml";

// The Concourse pipeline, read as Concourse reads it: the gating between environments, one deploy per
// environment at a time, and a production deploy that only a person starts.
const CI = path.join(__dirname, "..", "ci");
const pipeline = parse(fs.readFileSync(path.join(CI, "pipeline.yml"), "utf8"));
const job = (name: string) => {
  const j = pipeline.jobs.find((x: { name: string }) => x.name === name);
  if (!j) throw new Error(`no job ${name}`);
  return j;
};
/** Every step of a plan, including those inside in_parallel / do blocks. */
const steps = (plan: any[]): any[] =>
  plan.flatMap((s) => [s, ...steps(s.in_parallel?.steps ?? s.in_parallel ?? []), ...steps(s.do ?? [])]);
const gets = (name: string) => steps(job(name).plan).filter((s) => s.get);

test("deploys run preview -> staging -> production, each only with what the previous one deployed", () => {
  for (const g of gets("deploy-staging")) expect([g.get, g.passed]).toEqual([g.get, ["deploy-preview"]]);
  for (const g of gets("deploy-production")) expect([g.get, g.passed]).toEqual([g.get, ["deploy-staging"]]);
  expect(gets("deploy-staging").map((g) => g.get).sort()).toEqual(["estate", "notifications-api-zip"]);
  expect(gets("deploy-production").map((g) => g.get).sort()).toEqual(["estate", "notifications-api-zip"]);
});

test("each environment's deploys are serialised", () => {
  for (const env of ["preview", "staging", "production"]) {
    expect(job(`deploy-${env}`)).toMatchObject({ serial: true, serial_groups: [env] });
  }
});

test("the production deploy cannot start by itself", () => {
  expect(gets("deploy-production").filter((g) => g.trigger === true)).toEqual([]);
  expect(gets("deploy-preview").every((g) => g.trigger === true)).toBe(true);
});

test("each deploy job deploys its own environment with that environment's credentials", () => {
  for (const env of ["preview", "staging", "production"]) {
    const deploy = steps(job(`deploy-${env}`).plan).find((s) => s.task === "deploy");
    expect(deploy.file).toBe("estate/ci/tasks/deploy.yml");
    expect(deploy.params.ENVIRONMENT).toBe(env);
    expect(deploy.params.AWS_ACCESS_KEY_ID).toBe(`((aws-${env}-access-key-id))`);
  }
});

test("the deploy plans, guards that plan, then applies exactly that plan", () => {
  const script = fs.readFileSync(path.join(CI, "scripts", "deploy.sh"), "utf8");
  const lines = script.split("\n").filter((l) => l && !l.startsWith("#"));
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
  const plan = at(/^npx cdktf diff "\$ENVIRONMENT"$/);
  const show = at(/terraform -chdir="\$stack" show -json plan > "\$stack\/plan.json"/);
  const guard = at(/^npm run -s plan-guard -- "\$ENVIRONMENT" "\$stack\/plan.json"$/);
  const apply = at(/^terraform -chdir="\$stack" apply -input=false plan$/);
  expect([plan, show, guard, apply].every((i) => i >= 0)).toBe(true);
  expect(plan < show && show < guard && guard < apply).toBe(true);
  expect(script).toContain('source "$here/common.sh"');
  expect(fs.readFileSync(path.join(CI, "scripts", "common.sh"), "utf8")).toMatch(/^set -euo pipefail$/m);
  expect(lines.filter((l) => /apply/.test(l))).toHaveLength(1);
});

test("pull requests run the tests, the offline diff and cdktf diff of every environment", () => {
  const tasks = steps(job("pull-request").plan).filter((s) => s.task).map((s) => s.task);
  expect(tasks).toEqual(["test", "offline-diff", "cdktf-diff-preview", "cdktf-diff-staging", "cdktf-diff-production"]);
  const prPlans = fs.readFileSync(path.join(CI, "scripts", "cdktf-diff.sh"), "utf8");
  expect(prPlans).toContain('export TF_CLI_ARGS_plan="-lock=false"');
  expect(prPlans).not.toMatch(/apply/);
});

test("every task file and script the pipeline names exists and is executable", () => {
  for (const s of pipeline.jobs.flatMap((j: any) => steps(j.plan)).filter((s: any) => s.file)) {
    const file = path.join(CI, "..", s.file.replace(/^[^/]+\//, ""));
    expect([s.file, fs.existsSync(file)]).toEqual([s.file, true]);
    const task = parse(fs.readFileSync(file, "utf8"));
    const script = /exec (estate\/ci\/scripts\/[\w-]+\.sh)/.exec(task.run.args.join(" "))![1];
    const scriptPath = path.join(CI, "..", script.replace(/^estate\//, ""));
    expect(fs.statSync(scriptPath).mode & 0o111).not.toBe(0);
  }
});

test("every script parses (bash -n) and finds its siblings however it is started", () => {
  for (const f of fs.readdirSync(path.join(CI, "scripts"))) {
    const file = path.join(CI, "scripts", f);
    const check = spawnSync("bash", ["-n", file], { encoding: "utf8" });
    expect([f, check.status, check.stderr]).toEqual([f, 0, ""]);
    const text = fs.readFileSync(file, "utf8");
    expect([f, /source "\$\(dirname/.test(text)]).toEqual([f, false]);
  }
});
