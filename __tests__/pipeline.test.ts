import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { parse } from "yaml";

// The Concourse pipeline, read as Concourse reads it and as an attacker with a pull request would:
// what reaches a pull request's code, what reaches a deploy, and what could write a secret to disk.
const ROOT = path.join(__dirname, "..");
const CI = path.join(ROOT, "ci");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");
const pipelineText = read("ci/pipeline.yml");
const pipeline = parse(pipelineText);
const ENVS = ["preview", "staging", "production"];

type Step = Record<string, any>;
const job = (name: string) => {
  const j = pipeline.jobs.find((x: { name: string }) => x.name === name);
  if (!j) throw new Error(`no job ${name}`);
  return j;
};
/** Every step of a job, including hooks and those inside in_parallel / do / try blocks. */
const steps = (plan: Step[]): Step[] =>
  plan.flatMap((s) => [s, ...steps(s.in_parallel?.steps ?? s.in_parallel ?? []), ...steps(s.do ?? []), ...steps(s.try ? [s.try] : [])]);
const jobSteps = (j: Step): Step[] => steps([...j.plan, ...["on_success", "on_failure", "on_error", "on_abort", "ensure"].flatMap((h) => (j[h] ? [j[h]] : []))]);
const gets = (name: string) => jobSteps(job(name)).filter((s) => s.get);
const resource = (name: string) => pipeline.resources.find((r: Step) => r.name === name);
const varsIn = (text: string) => new Set([...text.matchAll(/\(\(([^)]+)\)\)/g)].map((m) => m[1].trim()));
/** A task file as the pipeline names it ("<input>/ci/tasks/x.yml"), read from this repository. */
const taskFile = (file: string) => read(file.replace(/^[^/]+\//, ""));

/** Jobs that a pull request starts: any job with a triggering get of a pull-request resource. */
const prResources = pipeline.resources.filter((r: Step) => r.type === "pull-request").map((r: Step) => r.name);
const prJobs = pipeline.jobs.filter((j: Step) => jobSteps(j).some((s) => prResources.includes(s.get) && s.trigger));
const deployJobs = pipeline.jobs.filter((j: Step) => /^deploy-/.test(j.name));

/** Every ((var)) that reaches a task container of a job: its steps' params and the task files it loads. */
function taskVars(j: Step): Set<string> {
  const out = new Set<string>();
  for (const s of jobSteps(j).filter((x) => x.task)) {
    for (const v of varsIn(JSON.stringify(s.params ?? {}))) out.add(v);
    for (const v of varsIn(JSON.stringify(s.vars ?? {}))) out.add(v);
    if (s.file) for (const v of varsIn(taskFile(s.file))) out.add(v);
    if (s.config) for (const v of varsIn(JSON.stringify(s.config))) out.add(v);
  }
  return out;
}

describe("what a pull request can reach", () => {
  test("there is a pull-request job, and it is the only job a pull request triggers", () => {
    expect(prJobs.map((j: Step) => j.name)).toEqual(["pull-request"]);
  });

  test("no job a pull request triggers holds a deploy credential: the two sets of ((vars)) are disjoint", () => {
    const prVars = new Set<string>(prJobs.flatMap((j: Step) => [...taskVars(j)]));
    const deployVars = new Set<string>(deployJobs.flatMap((j: Step) => [...taskVars(j)]));
    expect(deployVars.size).toBeGreaterThan(0);
    expect([...prVars].filter((v) => deployVars.has(v))).toEqual([]);
    expect([...prVars].filter((v) => /deploy/.test(v))).toEqual([]);
  });

  test("a pull request's plans use only its environment's plan identity", () => {
    for (const env of ENVS) {
      const plan = jobSteps(job("pull-request")).find((s) => s.task === `plan-${env}`)!;
      expect(plan.params.ENVIRONMENT).toBe(env);
      const vars = [...varsIn(JSON.stringify(plan.params))];
      expect(vars.length).toBe(4);
      for (const v of vars) expect([v, v.startsWith(`cf-plan-${env}-`) || v.startsWith(`aws-plan-${env}-`)]).toEqual([v, true]);
    }
  });

  test("forks get no build", () => {
    for (const r of prResources) expect(resource(r).source.disable_forks).toBe(true);
  });

  test("every task file a pull-request job loads comes from main, never from the pull request", () => {
    // Concourse fills ((vars)) in a task file from the credential manager: a task file the pull
    // request could edit could name any credential.
    for (const j of prJobs) {
      for (const s of jobSteps(j).filter((x) => x.task)) {
        expect([s.task, s.file?.split("/")[0], s.config]).toEqual([s.task, "estate", undefined]);
      }
    }
    const estate = resource("estate");
    expect([estate.type, estate.source.branch]).toEqual(["git", "main"]);
  });

  test("the pull request's code runs only in tasks without credentials", () => {
    const pr = jobSteps(job("pull-request")).filter((s) => s.task);
    const runsPrCode = pr.filter((s) => s.input_mapping?.estate === "estate-pr");
    expect(runsPrCode.map((s) => s.task)).toEqual(["test", "offline-diff", "synth"]);
    for (const s of runsPrCode) {
      expect([s.task, s.params ?? {}]).toEqual([s.task, {}]);
      expect([s.task, [...varsIn(taskFile(s.file))]]).toEqual([s.task, []]);
      expect([s.task, parse(taskFile(s.file)).params ?? {}]).toEqual([s.task, s.task === "test" ? { CI: "true" } : {}]);
    }
    // The steps with credentials get main as their code, and the pull request only as JSON.
    for (const s of pr.filter((x) => x.params && varsIn(JSON.stringify(x.params)).size)) {
      expect([s.task, s.input_mapping?.estate]).toEqual([s.task, undefined]);
      expect(parse(taskFile(s.file)).inputs.map((i: Step) => i.name).sort()).toEqual(["artifact", "estate", "synthesized"]);
    }
  });

  test("a pull request's plan is judged by main's tools, in an empty directory, and never takes the lock", () => {
    const script = read("ci/scripts/plan-readonly.sh");
    const lines = script.split("\n").filter((l) => l && !l.startsWith("#"));
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const copy = at(/^cp "\.\.\/synthesized\/stacks\/\$ENVIRONMENT\/cdk\.tf\.json" "\$work\/cdk\.tf\.json"$/);
    const judge = at(/^npm run -s trusted-stack -- "\$ENVIRONMENT" "\$work\/cdk\.tf\.json" "cdktf\.out\/stacks\/\$ENVIRONMENT\/cdk\.tf\.json"$/);
    const init = at(/^terraform -chdir="\$work" init -input=false$/);
    const plan = at(/^terraform -chdir="\$work" plan -input=false -lock=false$/);
    expect([copy, judge, init, plan].every((i) => i >= 0)).toBe(true);
    expect(copy < judge && judge < init && init < plan).toBe(true);
    expect(lines.filter((l) => /apply|-out/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^terraform /.test(l))).toHaveLength(2);
  });

  test("Terraform in CI can install only the two providers the stacks use", () => {
    const rc = read("ci/scripts/terraform-providers.tfrc");
    const includes = [...rc.matchAll(/include\s*=\s*\[([^\]]*)\]/g)].flatMap((m) => m[1].split(",").map((s) => s.trim().replace(/"/g, "")));
    expect(includes.sort()).toEqual(["registry.terraform.io/cloudfoundry/cloudfoundry", "registry.terraform.io/hashicorp/aws"]);
    for (const f of ["plan-readonly.sh", "deploy.sh"]) {
      expect(read(`ci/scripts/${f}`)).toContain('export TF_CLI_CONFIG_FILE="$here/terraform-providers.tfrc"');
    }
  });

  test("no install script runs where a credential is present", () => {
    expect(read("ci/scripts/common.sh")).toMatch(/^npm ci --ignore-scripts /m);
  });
});

describe("no secret on a disk or in a log", () => {
  const ciFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? ciFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const texts = ciFiles(CI).map((f) => ({ f: path.relative(ROOT, f), text: fs.readFileSync(f, "utf8") }));

  test("terraform show -json is only ever piped, never redirected or tee'd into a file", () => {
    let shows = 0;
    for (const { f, text } of texts) {
      for (const line of text.split("\n").filter((l) => /show\b.*-json|-json\b.*show\b/.test(l) && !/^\s*#/.test(l))) {
        shows++;
        const afterShow = line.slice(line.indexOf("show"));
        expect([f, line, /^[^|]*>/.test(afterShow), /\btee\b/.test(line), /\|/.test(afterShow)]).toEqual([f, line, false, false, true]);
      }
    }
    expect(shows).toBeGreaterThan(0);
  });

  test("a saved plan lives in memory (tmpfs) only and is removed however the script ends", () => {
    const memory = read("ci/scripts/plan-in-memory.sh");
    expect(memory).toMatch(/\[ "\$\(stat -f -c %T \/dev\/shm 2>\/dev\/null\)" != tmpfs \]/);
    expect(memory).toContain("plans=$(mktemp -d /dev/shm/notify-plan.XXXXXX)");
    expect(memory).toContain(`trap 'rm -rf "$plans"' EXIT`);
    for (const { f, text } of texts.filter((t) => /-out[= ]/.test(t.text))) {
      expect([f, text.includes('source "$here/plan-in-memory.sh"')]).toEqual([f, true]);
      expect([f, [...text.matchAll(/-out[= ](\S+)/g)].map((m) => m[1])]).toEqual([f, ['"$plans/plan"']]);
    }
  });

  test("no script traces its commands (set -x would print every expanded argument)", () => {
    for (const { f, text } of texts) expect([f, /set -[a-z]*x|bash -x|set -o xtrace/.test(text)]).toEqual([f, false]);
  });
});

describe("deploys", () => {
  test("deploys run preview -> staging -> production, each only with what the previous one deployed", () => {
    for (const g of gets("deploy-staging")) expect([g.get, g.passed]).toEqual([g.get, ["deploy-preview"]]);
    for (const g of gets("deploy-production")) expect([g.get, g.passed]).toEqual([g.get, ["deploy-staging"]]);
    expect(gets("deploy-staging").map((g) => g.get).sort()).toEqual(["estate", "notifications-api-zip"]);
    expect(gets("deploy-production").map((g) => g.get).sort()).toEqual(["estate", "notifications-api-zip"]);
  });

  test("each environment's deploys are serialised", () => {
    for (const env of ENVS) expect(job(`deploy-${env}`)).toMatchObject({ serial: true, serial_groups: [env] });
  });

  test("the production deploy cannot be started by a new version of anything", () => {
    expect(jobSteps(job("deploy-production")).filter((s) => s.trigger === true)).toEqual([]);
    expect(gets("deploy-preview").every((g) => g.trigger === true)).toBe(true);
  });

  test("each deploy job deploys its own environment with that environment's deploy identity, and only main", () => {
    for (const env of ENVS) {
      const deploy = jobSteps(job(`deploy-${env}`)).find((s) => s.task === "deploy")!;
      expect(deploy.file).toBe("estate/ci/tasks/deploy.yml");
      expect(deploy.params.ENVIRONMENT).toBe(env);
      for (const v of varsIn(JSON.stringify(deploy.params))) {
        expect([v, v.startsWith(`cf-deploy-${env}-`) || v.startsWith(`aws-deploy-${env}-`)]).toEqual([v, true]);
      }
      expect(gets(`deploy-${env}`).some((g) => prResources.includes(g.get))).toBe(false);
    }
  });

  test("the deploy plans, guards that plan from a pipe, then applies exactly that plan", () => {
    const script = read("ci/scripts/deploy.sh");
    const lines = script.split("\n").filter((l) => l && !l.startsWith("#"));
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const plan = at(/^terraform -chdir="\$stack" plan -input=false -out="\$plans\/plan"$/);
    const guard = at(/^terraform -chdir="\$stack" show -json "\$plans\/plan" \| npm run -s plan-guard -- "\$ENVIRONMENT" -$/);
    const apply = at(/^terraform -chdir="\$stack" apply -input=false "\$plans\/plan"$/);
    expect([plan, guard, apply].every((i) => i >= 0)).toBe(true);
    expect(plan < guard && guard < apply).toBe(true);
    expect(script).toContain('source "$here/common.sh"');
    expect(read("ci/scripts/common.sh")).toMatch(/^set -euo pipefail$/m);
    expect(lines.filter((l) => /apply/.test(l) && !/-refresh-only/.test(l))).toHaveLength(1);
  });

  test("after the apply the deploy settles the state: refresh-only, binding params from a pipe, pushed from tmpfs only if changed", () => {
    const lines = read("ci/scripts/deploy.sh").split("\n").filter((l) => l && !l.startsWith("#"));
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const apply = at(/^terraform -chdir="\$stack" apply -input=false "\$plans\/plan"$/);
    const refresh = at(/^terraform -chdir="\$stack" apply -refresh-only -auto-approve -input=false$/);
    const settle = at(/^terraform -chdir="\$stack" state pull \| npm run -s binding-params -- - "\$plans\/settled\.tfstate"$/);
    const push = at(/^if \[ -f "\$plans\/settled\.tfstate" \]; then terraform -chdir="\$stack" state push "\$plans\/settled\.tfstate"; fi$/);
    expect([apply, refresh, settle, push].every((i) => i >= 0)).toBe(true);
    expect(apply < refresh && refresh < settle && settle < push).toBe(true);
    // The state holds every secret: it is only ever piped, never redirected to a file.
    for (const l of lines.filter((x) => /state pull/.test(x))) expect([l, /state pull\s*>/.test(l)]).toEqual([l, false]);
  });
});

describe("drift", () => {
  test("each environment is planned hourly with its read-only identity, against what was last deployed there", () => {
    for (const env of ENVS) {
      const j = job(`drift-${env}`);
      const triggers = jobSteps(j).filter((s) => s.get && s.trigger === true).map((s) => s.get);
      expect(triggers).toEqual(["every-hour"]);
      for (const g of gets(`drift-${env}`).filter((x) => x.get !== "every-hour")) expect([g.get, g.passed]).toEqual([g.get, [`deploy-${env}`]]);
      const task = jobSteps(j).find((s) => s.task === "drift")!;
      expect(task.file).toBe("estate/ci/tasks/drift.yml");
      for (const v of varsIn(JSON.stringify(task.params))) expect([v, v.startsWith(`cf-plan-${env}-`) || v.startsWith(`aws-plan-${env}-`)]).toEqual([v, true]);
    }
    expect(resource("every-hour")).toMatchObject({ type: "time", source: { interval: "1h" } });
  });

  test("the drift check never takes the lock and never applies", () => {
    const lines = read("ci/scripts/drift.sh").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(lines.filter((l) => /^terraform .* plan /.test(l)).every((l) => l.includes("-lock=false"))).toBe(true);
    expect(lines.filter((l) => /apply/.test(l))).toEqual([]);
    expect(lines).toContain('terraform -chdir="$stack" show -json "$plans/plan" | npm run -s drift -- "$ENVIRONMENT" -');
  });
});

describe("the pipeline runs what .ci/run runs, in a pinned image", () => {
  const taskFiles = fs.readdirSync(path.join(CI, "tasks")).map((f) => ({ f, task: parse(read(`ci/tasks/${f}`)) }));

  test("every image is pinned to an exact version", () => {
    const images = [
      ...taskFiles.map(({ f, task }) => ({ where: f, source: task.image_resource.source })),
      ...pipeline.resource_types.map((t: Step) => ({ where: t.name, source: t.source })),
    ];
    for (const { where, source } of images) {
      expect([where, /^v?\d+\.\d+\.\d+([-.][\w.]+)*$/.test(String(source.tag)), /latest/.test(String(source.tag))]).toEqual([where, true, false]);
    }
  });

  test("every task runs in the CI image, whose tag spells the versions its Dockerfile installs", () => {
    const dockerfile = read("ci/image/Dockerfile");
    const arg = (name: string) => new RegExp(`^ARG ${name}=(\\S+)$`, "m").exec(dockerfile)![1];
    const tag = `${arg("NODE_VERSION")}-npm${arg("NPM_VERSION")}-tf${arg("TERRAFORM_VERSION")}-aws${arg("AWS_PROVIDER_VERSION")}`;
    for (const { f, task } of taskFiles) {
      expect([f, task.image_resource.source]).toEqual([f, { repository: "ghcr.io/alphagov/notify-estate-ci", tag }]);
    }
    // The same Node major and npm major as package.json and the README promise, the same provider
    // version as the stacks pin.
    expect(arg("NODE_VERSION").split(".")[0]).toBe(/node": ">=(\d+)/.exec(read("package.json"))![1]);
    expect(arg("NPM_VERSION").split(".")[0]).toBe("11");
    expect(read("stacks/environment-stack.ts")).toContain(`AWS_PROVIDER_VERSION = "${arg("AWS_PROVIDER_VERSION")}"`);
    // .ci/run finds the mirror where the image puts it.
    expect(dockerfile).toContain("terraform providers mirror -platform=linux_amd64 /opt/tf-plugins");
    expect(read(".ci/run")).toContain("/opt/tf-plugins/registry.terraform.io/hashicorp/aws/5.100.0");
  });

  test("the test task is .ci/run itself, wherever tests run in the pipeline", () => {
    const test = taskFiles.find((t) => t.f === "test.yml")!.task;
    expect(test.run).toEqual({ path: "bash", args: ["estate/.ci/run"] });
    for (const j of ["pull-request", "deploy-preview"]) {
      expect(jobSteps(job(j)).filter((s) => s.task === "test").map((s) => s.file)).toEqual(["estate/ci/tasks/test.yml"]);
    }
  });
});

describe("files", () => {
  test("every task file the pipeline names exists, and its script exists and is executable", () => {
    for (const s of pipeline.jobs.flatMap((j: Step) => jobSteps(j)).filter((s: Step) => s.file)) {
      const task = parse(taskFile(s.file));
      const script = [task.run.path, ...(task.run.args ?? [])].find((a: string) => a.startsWith("estate/"))!;
      const file = path.join(ROOT, script.replace(/^estate\//, ""));
      expect([s.file, fs.existsSync(file)]).toEqual([s.file, true]);
      if (task.run.path !== "bash") expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    }
  });

  test("every script parses (bash -n) and finds its siblings however it is started", () => {
    for (const f of fs.readdirSync(path.join(CI, "scripts")).filter((x) => x.endsWith(".sh"))) {
      const file = path.join(CI, "scripts", f);
      const check = spawnSync("bash", ["-n", file], { encoding: "utf8" });
      expect([f, check.status, check.stderr]).toEqual([f, 0, ""]);
      expect([f, /source "\$\(dirname/.test(fs.readFileSync(file, "utf8"))]).toEqual([f, false]);
    }
  });
});
