import * as fs from "fs";
import * as path from "path";
import { parse, stringify } from "yaml";
import { pipelineProblems, scriptCommands } from "./pipeline-rules";
import { spellingCheckerProblems } from "../fixtures/pipeline-spelling-checker";

// Each shape an attacker with push access would use to reach a credential or a token, as a change to
// the pipeline (or a task file) as it is. Each is first shown to pass a checker that reads names
// (__tests__/fixtures/pipeline-spelling-checker.ts), with the reach it gives spelled out from the
// pipeline itself; then the reach check (./pipeline-rules.ts) refuses it, naming the job and task.
const ROOT = path.join(__dirname, "..", "..");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");
const pipelineText = read("ci/pipeline.yml");
const readTask = (file: string) => read(file.replace(/^[^/]+\//, ""));
type Step = Record<string, any>;

/** The pipeline with one change applied; the task files as they are unless `tasks` replaces one. */
function attack(change: (p: any) => void, tasks: Record<string, (text: string) => string> = {}) {
  const p = parse(pipelineText);
  change(p);
  const text = stringify(p);
  const reader = (file: string) => (tasks[path.basename(file)] ?? ((t: string) => t))(readTask(file));
  return { p, text, spelling: spellingCheckerProblems(text, reader), reach: pipelineProblems(text, reader) };
}
const job = (p: any, name: string) => p.jobs.find((j: Step) => j.name === name);
const steps = (plan: Step[]): Step[] => plan.flatMap((s) => [s, ...steps(s.in_parallel?.steps ?? s.in_parallel ?? []), ...steps(s.do ?? [])]);
const getOf = (p: any, jobName: string, name: string) => steps(job(p, jobName).plan).find((s) => s.get === name)!;
const typeImage = (p: any, resource: string) => {
  const r = p.resources.find((x: Step) => x.name === resource);
  return p.resource_types.find((t: Step) => t.name === r.type)?.source.repository ?? r.type;
};

test("the pipeline as it is passes both checkers (the baseline every attack below changes)", () => {
  expect(spellingCheckerProblems(pipelineText, readTask)).toEqual([]);
  expect(pipelineProblems(pipelineText, readTask)).toEqual([]);
});

test("the pull request's resource aliased as `estate` in the pull-request job: its task files would be the pull request's", () => {
  const a = attack((p) => (getOf(p, "pull-request", "estate").resource = "estate-pr"));
  // The attack: every `file: estate/ci/tasks/...` of the job is now read from the pull request's directory.
  expect(typeImage(a.p, getOf(a.p, "pull-request", "estate").resource)).toBe("teliaoss/github-pr-resource");
  expect(a.spelling).toEqual([]);
  expect(a.reach).toContain(
    "pull-request/pr-plan: its task file estate/ci/tasks/pr-plan.yml comes from estate (resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource)), not main",
  );
  expect(a.reach).toContain(
    "pull-request/test: its task file estate/ci/tasks/test.yml comes from estate (resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource)), not main",
  );
});

test("the pull request's resource aliased as `estate` in a deploy job: it would apply any pushed pull request with the deploy identity", () => {
  const a = attack((p) => (getOf(p, "deploy-preview", "estate").resource = "estate-pr"));
  expect(typeImage(a.p, "estate-pr")).toBe("teliaoss/github-pr-resource");
  expect(a.spelling).toEqual([]);
  expect(a.reach).toContain("deploy-preview: holds ((cf-deploy-preview-username)) and gets estate (resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource))");
  expect(a.reach).toContain("deploy-preview/deploy-plan: holds ((cf-deploy-preview-username)) and 3 more and is given synthesized (an output of deploy-preview/synth, derived from pull-request content)");
});

test("a new job with that alias and production's deploy credentials is recognised as running pull-request content", () => {
  const a = attack((p) => {
    const hotfix = parse(stringify(job(p, "deploy-production")));
    hotfix.name = "hotfix-production";
    const estate = steps(hotfix.plan).find((s) => s.get === "estate")!;
    estate.resource = "estate-pr";
    delete estate.passed;
    for (const s of steps(hotfix.plan)) delete s.passed;
    p.jobs.push(hotfix);
  });
  expect(a.spelling).toEqual([]);
  expect(a.reach).toContain("hotfix-production: holds ((cf-deploy-production-username)) and gets estate (resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource))");
  expect(a.reach).toContain(
    "hotfix-production/deploy-apply: holds ((cf-deploy-production-username)) and 3 more and is given synthesized (an output of hotfix-production/synth, derived from pull-request content)",
  );
});

test("a resource type renamed from pull-request (the same image) feeding a task with the plan identity", () => {
  const a = attack((p) => {
    p.resource_types.push({ name: "github-pr", type: "registry-image", source: { repository: "teliaoss/github-pr-resource", tag: "v0.23.0" } });
    p.resources.push({ name: "estate-branches", type: "github-pr", source: { repository: "alphagov/notify-estate", access_token: "((github-access-token))", disable_forks: true } });
    const drift = job(p, "drift-preview");
    drift.plan[0].in_parallel.push({ get: "estate-branches", trigger: true, version: "every" });
    for (const s of steps(drift.plan).filter((x) => x.task === "export-main")) s.input_mapping.resource = "estate-branches";
  });
  expect(typeImage(a.p, "estate-branches")).toBe("teliaoss/github-pr-resource");
  expect(a.spelling).toEqual([]);
  expect(a.reach).toContain("drift-preview: holds ((cf-plan-preview-username)) and gets estate-branches (resource estate-branches: pull-request content (type github-pr runs teliaoss/github-pr-resource))");
  expect(a.reach).toContain("drift-preview/drift-plan: holds ((cf-plan-preview-username)) and 3 more and is given synthesized (an output of drift-preview/synth, derived from pull-request content)");
});

test("a resource type whose image no rule knows is refused wherever it is", () => {
  const a = attack((p) => p.resource_types.push({ name: "git-lfs", type: "registry-image", source: { repository: "example/any-resource", tag: "1.0.0" } }) && p.resources.push({ name: "x", type: "git-lfs", source: {} }));
  expect(a.spelling).toEqual([]);
  expect(a.reach).toContain("resource x: type git-lfs runs example/any-resource, which no rule here knows: refused");
});

test("a git resource on another branch feeding the drift task with the plan identity", () => {
  const a = attack((p) => {
    p.resources.push({ name: "estate-next", type: "git", source: { uri: "https://github.com/alphagov/notify-estate.git", branch: "next" } });
    getOf(p, "drift-production", "estate").resource = "estate-next";
  });
  expect(a.p.resources.find((r: Step) => r.name === "estate-next").source.branch).toBe("next");
  expect(a.spelling).toEqual([]);
  expect(a.reach).toContain("drift-production: holds ((cf-plan-production-username)) and gets estate (resource estate-next: a git resource on branch next of https://github.com/alphagov/notify-estate.git, not main)");
  expect(a.reach).toContain(
    "drift-production/drift-plan: its task file estate/ci/tasks/drift-plan.yml comes from estate (resource estate-next: a git resource on branch next of https://github.com/alphagov/notify-estate.git, not main), not main",
  );
  // The same repository and branch, with git configuration of its own, is not main either.
  const configured = attack((p) => (p.resources.find((r: Step) => r.name === "estate").source.git_config = [{ name: "core.hooksPath", value: "x" }]));
  expect(configured.spelling).toEqual([]);
  expect(configured.reach).toContain("deploy-preview: holds ((cf-deploy-preview-username)) and gets estate (resource estate: a git resource with git_config set, not main)");
});

test("a task running pull-request content given a resource's directory: the pull request's own (its .git holds the token), main's, a snapshot's", () => {
  const a = attack((p) => {
    const pr = steps(job(p, "pull-request").plan);
    pr.find((s) => s.task === "test")!.input_mapping = { estate: "estate-pr" };
    pr.find((s) => s.task === "pr-plan")!.input_mapping = { estate: "estate", "pull-request-head": "estate-pr", "snapshot-preview": "snapshot-preview-read" };
  });
  expect(a.spelling).toEqual([]);
  const dir = "(a resource's directory holds what its `in` wrote; the pull-request resource's .git holds its token)";
  expect(a.reach).toContain(`pull-request/test: runs pull-request content and is given estate: the directory of resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource) ${dir}`);
  expect(a.reach).toContain(`pull-request/pr-plan: runs pull-request content and is given pull-request-head: the directory of resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource) ${dir}`);
  expect(a.reach).toContain(`pull-request/pr-plan: runs pull-request content and is given estate: the directory of resource estate: main ${dir}`);
  expect(a.reach).toContain(`pull-request/pr-plan: runs pull-request content and is given snapshot-preview: the directory of resource snapshot-preview-read: s3 data ${dir}`);
});

test("only main's export task, running nothing from its input and with no parameter, may take the pull request's directory", () => {
  const withParam = attack((p) => (steps(job(p, "pull-request").plan).find((s) => s.task === "export-pull-request")!.params = { MODE: "full" }));
  expect(withParam.spelling).toEqual([]);
  expect(withParam.reach.some((l) => l.startsWith("pull-request/export-pull-request: runs pull-request content and is given resource: the directory of resource estate-pr"))).toBe(true);
  const runsInput = attack(() => undefined, { "export.yml": (t) => t.replace("  path: bash\n", "  path: resource/ci/export.sh\n") });
  expect(runsInput.spelling).toEqual([]);
  expect(runsInput.reach.some((l) => l.startsWith("pull-request/export-pull-request: runs pull-request content and is given resource"))).toBe(true);
});

test("a privileged container (a task of the pull request, a resource type) or a pipeline file from the pull request", () => {
  const a = attack((p) => {
    steps(job(p, "pull-request").plan).find((s) => s.task === "test")!.privileged = true;
    p.resource_types[0].privileged = true;
    job(p, "deploy-preview").plan.push({ set_pipeline: "self", file: "main/ci/pipeline.yml" });
  });
  expect(a.spelling).toEqual([]);
  expect(a.reach).toContain("pull-request/test: runs privileged: a privileged container reaches the worker and every container on it");
  expect(a.reach).toContain("resource type pull-request: privileged: its containers would reach the worker and every container on it");
  // main/ is the export's copy, an output of a task: a pipeline is loaded from main's own directory only.
  expect(a.reach).toContain("deploy-preview/self: its file main/ci/pipeline.yml does not come from main");
  expect(attack((p) => job(p, "deploy-preview").plan.push({ set_pipeline: "self", file: "estate/ci/pipeline.yml" })).reach).toEqual([]);
});

describe("a credentialed step that runs npm or node or reads a repository configuration file", () => {
  const credentialed = (replace: (script: string) => string) => attack(() => undefined, { "deploy-plan.yml": (t) => t.replace("terraform -chdir=work plan -input=false -out=tfplan", replace("terraform -chdir=work plan -input=false -out=tfplan")) });

  test("npm, node, npx, or a shell that runs any text, beside the deploy identity", () => {
    const cases: [string, string][] = [
      ["npm run -s synth", "npm"],
      ["node -e 'require(\"./x\")'", "node"],
      ["out=$(npx cdktf synth)", "npx"],
      ['bash -c "npm run synth"', "bash"],
      ['env NODE_OPTIONS=--require=./x terraform -chdir=work plan', "env"],
      ['eval "$CMD"', "eval"],
      ['"$RUNNER" synth', '$RUNNER'],
    ];
    for (const [line, command] of cases) {
      const a = credentialed((l) => `${line}\n      ${l}`);
      expect([line, a.spelling]).toEqual([line, []]);
      expect([line, a.reach.some((p) => p.startsWith(`deploy-preview/deploy-plan: holds ((cf-deploy-preview-username)) and 3 more and runs ${command}: only Terraform`))]).toEqual([line, true]);
    }
  });

  test("shell constructs the check does not follow are refused, not guessed at", () => {
    for (const [line, what] of [["x=`npm run synth`", "backquotes"], ["(npm run synth)", '"(" (a subshell, group or function)'], ["cat <(npm run synth)", "process substitution"]] as const) {
      const a = credentialed((l) => `${line}\n      ${l}`);
      expect([line, a.spelling]).toEqual([line, []]);
      expect([line, a.reach.some((p) => p.includes(`its script uses ${what}, which this check does not follow: refused`))]).toEqual([line, true]);
    }
  });

  test("the project's script run from main's directory, as the deploy did: npm inside it, out of the check's sight", () => {
    const a = attack(
      (p) => (steps(job(p, "deploy-staging").plan).find((s) => s.task === "deploy-plan")!.input_mapping = { artifact: "notifications-api-zip", estate: "estate" }),
      { "deploy-plan.yml": (t) => t.replace("inputs:\n", "inputs:\n  - name: estate\n").replace(/run:\n[\s\S]*$/, "run:\n  path: estate/ci/scripts/deploy.sh\n") },
    );
    expect(a.spelling).toEqual([]);
    expect(a.reach).toContain("deploy-staging/deploy-plan: holds ((cf-deploy-staging-username)) and 3 more and is given estate (resource estate: main): a task holding a credential reads only data resources and what main's tasks wrote in this build");
    expect(a.reach).toContain("deploy-staging/deploy-plan: holds ((cf-deploy-staging-username)) and 3 more and runs estate/ci/scripts/deploy.sh: a task holding a credential runs bash -c with its commands written in its task file");
    expect(a.reach).toContain("deploy-staging/deploy-plan: holds ((cf-deploy-staging-username)) and 3 more and runs estate/ci/scripts/deploy.sh from an input");
  });

  test("bash that would read its startup files", () => {
    const a = attack(() => undefined, { "drift-plan.yml": (t) => t.replace("    - --norc\n", "") });
    expect(a.spelling).toEqual([]);
    expect(a.reach).toContain("drift-preview/drift-plan: holds ((cf-plan-preview-username)) and 3 more and runs bash without --noprofile --norc: bash would read startup files");
  });

  test("a configuration file a tool reads on start, named in the script or set through a parameter", () => {
    const viaScript = credentialed((l) => `cp synthesized/stacks/.npmrc /root/.npmrc\n      ${l}`);
    expect(viaScript.spelling).toEqual([]);
    expect(viaScript.reach).toContain("deploy-preview/deploy-plan: holds ((cf-deploy-preview-username)) and 3 more and names .npmrc, a configuration file a tool reads on start");
    const viaParam = attack((p) => (steps(job(p, "deploy-production").plan).find((s) => s.task === "deploy-apply")!.params.TF_CLI_CONFIG_FILE = "synthesized/.terraformrc"));
    expect(viaParam.spelling).toEqual([]);
    expect(viaParam.reach).toContain(
      "deploy-production/deploy-apply: holds ((cf-deploy-production-username)) and 3 more and sets TF_CLI_CONFIG_FILE: only ENVIRONMENT, CF_USER, CF_PASSWORD, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY reach a task holding a credential",
    );
    expect(viaParam.reach).toContain("deploy-production/deploy-apply: holds ((cf-deploy-production-username)) and 3 more and names .terraformrc, a configuration file a tool reads on start");
    const nodeOptions = attack((p) => (steps(job(p, "drift-staging").plan).find((s) => s.task === "drift-plan")!.params.NODE_OPTIONS = "--require=./synthesized/x.js"));
    expect(nodeOptions.spelling).toEqual([]);
    expect(nodeOptions.reach.some((l) => l.startsWith("drift-staging/drift-plan: holds ((cf-plan-staging-username)) and 3 more and sets NODE_OPTIONS"))).toBe(true);
  });
});

test("the pipeline as it was (the token beside the pull request's code, npm beside every credential) passes the spelling checker and is refused by the reach check", () => {
  const dir = path.join(__dirname, "..", "fixtures", "pipeline-token-beside-pr-code");
  const text = fs.readFileSync(path.join(dir, "pipeline.yml"), "utf8");
  const reader = (f: string) => fs.readFileSync(path.join(dir, "tasks", path.basename(f)), "utf8");
  expect(spellingCheckerProblems(text, reader)).toEqual([]);
  const reach = pipelineProblems(text, reader);
  expect(reach).toContain(
    "pull-request/synth: runs pull-request content and is given estate: the directory of resource estate-pr: pull-request content (type pull-request runs teliaoss/github-pr-resource) (a resource's directory holds what its `in` wrote; the pull-request resource's .git holds its token)",
  );
  for (const env of ["preview", "staging", "production"]) {
    expect(reach).toContain(`deploy-${env}/deploy: holds ((cf-deploy-${env}-username)) and 3 more and runs estate/ci/scripts/deploy.sh from an input`);
    expect(reach).toContain(`drift-${env}/drift: holds ((cf-plan-${env}-username)) and 3 more and runs estate/ci/scripts/drift.sh from an input`);
  }
});

describe("scriptCommands reads the commands a script runs", () => {
  test("simple commands, pipes, lists, conditions, loops and command substitutions, in and out of quotes", () => {
    expect(scriptCommands('a=1 b "x; y" | c && d || e; f\nif g; then h; elif i; then j; else k; fi\nfor x in l m; do n "$x"; done\nwhile o; do p; done').commands).toEqual(["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "n", "o", "p"]);
    expect(scriptCommands('x=$(a "$(b c)" | d)\necho "$(e)" \'$(not)\' "${#y}" ${z[@]}').commands).toEqual(["b", "a", "d", "e", "echo"]);
    expect(scriptCommands("a > out 2>&1 < in\n# c d\nb 2>/dev/null # e\n! f").commands).toEqual(["a", "b", "f"]);
    expect(scriptCommands("a \\\n  b\nc \\; d").commands).toEqual(["a", "c"]);
  });

  test("what it does not follow is named", () => {
    expect(scriptCommands("a `b`").unread).toEqual(["backquotes"]);
    expect(scriptCommands('echo "`b`"').unread).toEqual(["backquotes"]);
    expect(scriptCommands("{ a; }").unread).toEqual(['"{" (a subshell, group or function)', '"}" (a subshell, group or function)']);
    expect(scriptCommands("f() { a; }").unread).toContain('"(" (a subshell, group or function)');
    expect(scriptCommands("a <<EOF\nb\nEOF").unread).toEqual(["a here-document or here-string"]);
    expect(scriptCommands("a >(b)").unread).toContain("process substitution");
    expect(scriptCommands("echo $((1+2))").unread).toContain("arithmetic $((");
    expect(scriptCommands("echo 'a").unread).toEqual(["an unclosed quote"]);
    expect(scriptCommands("echo $(a").unread).toEqual(["an unclosed $("]);
  });
});
