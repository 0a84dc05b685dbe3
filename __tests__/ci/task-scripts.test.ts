import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { parse } from "yaml";

// The commands written in main's task files, run here by bash as Concourse runs them: in a build
// directory holding the task's inputs and outputs. The export task against a pull-request resource's
// directory as teliaoss/github-pr-resource v0.23.0 leaves it (the token in .git/config's origin URL);
// the credentialed tasks against a fake `terraform` that records what it was asked to do.
const ROOT = path.join(__dirname, "..", "..");
const script = (task: string) => String(parse(fs.readFileSync(path.join(ROOT, "ci", "tasks", task), "utf8")).run.args.at(-1));
const TOKEN = "ghp_FAKEtoken0123456789abcdefABCDEF0123";
const HEAD = "0123456789abcdef0123456789abcdef01234567";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "task-scripts-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
  fs.writeFileSync(path.join(tmp, rel), text);
};
/** Every file under a directory whose content holds `needle`, read as a process there would read it (links followed). */
const filesHolding = (dir: string, needle: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        try {
          if (fs.readFileSync(p, "utf8").includes(needle)) out.push(path.relative(dir, p));
        } catch {
          // A dangling link reads nothing.
        }
      }
    }
  };
  walk(dir);
  return out.sort();
};

describe("export: a resource's files without its .git", () => {
  /** A pull request's resource directory as the resource's `in` leaves it. */
  const pullRequestResource = () => {
    write("resource/.git/config", `[remote "origin"]\n\turl = https://x-oauth-basic:${TOKEN}@github.com/alphagov/notify-estate.git\n`);
    write("resource/.git/resource/head_sha", `${HEAD}\n`);
    write("resource/package.json", "{}\n");
    write("resource/ci/run", "#!/usr/bin/env bash\n");
    write("resource/vendor/lib/.git", "gitdir: ../../.git/modules/lib\n");
    write("resource/.git/modules/lib/config", `url = https://x-oauth-basic:${TOKEN}@github.com/x/lib.git\n`);
    // The pull request's own links: to the token, by a relative and by an absolute path.
    fs.symlinkSync("../.git/config", path.join(tmp, "resource", "ci", "token"));
    fs.symlinkSync(path.join(tmp, "resource", ".git", "config"), path.join(tmp, "resource", "absolute-token"));
    fs.mkdirSync(path.join(tmp, "tree"));
    fs.mkdirSync(path.join(tmp, "head"));
  };
  const runExport = () => spawnSync("bash", ["--noprofile", "--norc", "-euo", "pipefail", "-c", script("export.yml")], { cwd: tmp, encoding: "utf8" });

  test("[attack first] the resource's own directory, or a plain copy of it, hands the token to whatever runs there", () => {
    pullRequestResource();
    expect(filesHolding(path.join(tmp, "resource"), TOKEN)).toEqual([".git/config", ".git/modules/lib/config", "absolute-token", "ci/token"]);
    const copy = spawnSync("cp", ["-R", "resource", "copy"], { cwd: tmp, encoding: "utf8" });
    expect(copy.status).toBe(0);
    expect(filesHolding(path.join(tmp, "copy"), TOKEN).length).toBeGreaterThan(0);
  });

  test("the export leaves every .git out, keeps links as links, and records the head commit; once the resource is not there (the next task), nothing reads the token", () => {
    pullRequestResource();
    const r = runExport();
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain(`head commit ${HEAD}`);
    expect(fs.readFileSync(path.join(tmp, "head", "sha"), "utf8")).toBe(`${HEAD}\n`);
    expect(fs.existsSync(path.join(tmp, "tree", ".git"))).toBe(false);
    expect(fs.existsSync(path.join(tmp, "tree", "vendor", "lib", ".git"))).toBe(false);
    expect(fs.readFileSync(path.join(tmp, "tree", "package.json"), "utf8")).toBe("{}\n");
    expect(fs.lstatSync(path.join(tmp, "tree", "ci", "token")).isSymbolicLink()).toBe(true);
    // No regular file of the copy holds the token; its links point into the resource's directory,
    // which a task given only the copy does not have.
    fs.renameSync(path.join(tmp, "resource"), path.join(tmp, "elsewhere"));
    expect(filesHolding(path.join(tmp, "tree"), TOKEN)).toEqual([]);
  });

  test("a git resource's recorded commit is the head; a resource that records none leaves head empty; a head that is not 40 hex digits is not written", () => {
    write("resource/.git/ref", `${HEAD}\n`);
    write("resource/main.ts", "");
    fs.mkdirSync(path.join(tmp, "tree"));
    fs.mkdirSync(path.join(tmp, "head"));
    expect(runExport().status).toBe(0);
    expect(fs.readFileSync(path.join(tmp, "head", "sha"), "utf8")).toBe(`${HEAD}\n`);
    for (const [recorded, content] of [["resource/.git/resource/head_sha", "not-a-sha; $(rm -rf /)\n"], [undefined, undefined]] as const) {
      fs.rmSync(path.join(tmp, "resource"), { recursive: true, force: true });
      fs.rmSync(path.join(tmp, "head", "sha"), { force: true });
      write("resource/snapshot.json", "{}");
      if (recorded) write(recorded, content!);
      const r = runExport();
      expect([recorded, r.status]).toEqual([recorded, 0]);
      expect([recorded, fs.existsSync(path.join(tmp, "head", "sha"))]).toEqual([recorded, false]);
    }
  });
});

test("the test task makes the exported tree a repository of its own, with no remote, so that ci/run's tests can list the project's files", () => {
  write("estate/ci/run", '#!/usr/bin/env bash\ncd "$(dirname "$0")/.."\ngit ls-files\necho "remotes: $(git remote)"\n');
  write("estate/main.ts", "");
  write("estate/.gitignore", "node_modules\n");
  write("estate/node_modules/x/index.js", "");
  const r = spawnSync("bash", ["--noprofile", "--norc", "-euo", "pipefail", "-c", script("test.yml")], { cwd: tmp, encoding: "utf8", env: { PATH: process.env.PATH, HOME: tmp } });
  expect([r.status, r.stderr]).toEqual([0, ""]);
  expect(r.stdout.trim().split("\n")).toEqual([".gitignore", "ci/run", "main.ts", "remotes:"]);
});

describe("the credentialed Terraform tasks check what they are given before Terraform starts", () => {
  const STACK = '{"terraform":{"backend":{"s3":{}}}}\n';
  const sha256 = (text: string) => require("crypto").createHash("sha256").update(text).digest("hex");
  /** A build directory with a checked stack, an app zip, and a `terraform` that logs its arguments. */
  const build = () => {
    write("synthesized/stacks/preview/cdk.tf.json", STACK);
    write("checked/preview.sha256", `${sha256(STACK)}\n`);
    write("artifact/notifications-api-1.zip", "zip");
    write("tfrc", "provider_installation {}\n");
    write(
      "bin/terraform",
      `#!/usr/bin/env bash\necho "$*" >> "${tmp}/terraform.log"\ncase "$*" in\n  *" plan "*) echo saved > work/tfplan ;;\n  *" show "*) echo '{"plan":1}' ;;\n  *"state pull"*) echo '{"state":1}' ;;\nesac\n`,
    );
    fs.chmodSync(path.join(tmp, "bin", "terraform"), 0o755);
    for (const d of ["plan", "state"]) fs.mkdirSync(path.join(tmp, d), { recursive: true });
  };
  /** The task's own script, with the image's paths moved into this test's directory. */
  const run = (task: string, edit: (s: string) => string = (s) => s, env: Record<string, string> = {}) => {
    const text = edit(script(task)).replaceAll("/usr/local/share/notify-estate/terraform.tfrc", path.join(tmp, "tfrc")).replaceAll("/tmp/notify-estate-artifact", path.join(tmp, "artifact-link"));
    return spawnSync("bash", ["--noprofile", "--norc", "-euo", "pipefail", "-c", text], {
      cwd: tmp,
      encoding: "utf8",
      env: { PATH: `${path.join(tmp, "bin")}:${process.env.PATH}`, ENVIRONMENT: "preview", CF_USER: "u", CF_PASSWORD: "p", AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "s", ...env },
    });
  };
  const terraformLog = () => (fs.existsSync(path.join(tmp, "terraform.log")) ? fs.readFileSync(path.join(tmp, "terraform.log"), "utf8").trim().split("\n") : []);
  /** The comparison of the stack's hash with the stack check's, taken out. */
  const withoutStackCheck = (s: string) => s.replace(/if \[ "\$stack_sha256" != [\s\S]*?\n {0,2}fi\n/, "");
  const withoutVerdictCheck = (s: string) => s.replace(/if \[ "\$plan_sha256" != [\s\S]*?\n {0,2}fi\n/, "");

  test("the plan task plans the checked stack and prints its hash, the plan's and the JSON's", () => {
    build();
    const r = run("deploy-plan.yml");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain(`stack preview sha256 ${sha256(STACK)}: synthesized, then accepted by the stack check, with no credential, in this build`);
    expect(r.stdout).toContain(`saved plan sha256 ${sha256("saved\n")}, its JSON sha256 ${sha256('{"plan":1}\n')}`);
    expect(terraformLog()).toEqual(["-chdir=work init -input=false", "-chdir=work plan -input=false -out=tfplan", "-chdir=work show -json tfplan"]);
    expect(fs.readdirSync(path.join(tmp, "work"))).toEqual(["cdk.tf.json", "tfplan"]);
    expect(fs.statSync(path.join(tmp, "plan", "plan.json")).mode & 0o077).toBe(0);
  });

  test("[attack first] a stack other than the one the check accepted: Terraform would plan it; the hash comparison stops it before Terraform starts", () => {
    build();
    write("synthesized/stacks/preview/cdk.tf.json", '{"resource":{"terraform_data":{"x":{"provisioner":{"local-exec":{"command":"env"}}}}}}\n');
    const unchecked = run("deploy-plan.yml", withoutStackCheck);
    expect(unchecked.status).toBe(0);
    expect(terraformLog()).toContain("-chdir=work plan -input=false -out=tfplan");
    fs.rmSync(path.join(tmp, "terraform.log"));
    fs.rmSync(path.join(tmp, "work"), { recursive: true });
    const r = run("deploy-plan.yml");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("refused: the stack of preview (sha256 ");
    expect(r.stderr).toContain("is not the one the stack check accepted in this build");
    expect(terraformLog()).toEqual([]);
  });

  test("a stack that is a link (to a file the process could read, such as its own environment) is refused before Terraform starts", () => {
    build();
    write("outside", "CF_PASSWORD=p\n");
    fs.rmSync(path.join(tmp, "synthesized/stacks/preview/cdk.tf.json"));
    fs.symlinkSync(path.join(tmp, "outside"), path.join(tmp, "synthesized/stacks/preview/cdk.tf.json"));
    const r = run("deploy-plan.yml");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("refused: synthesized/stacks/preview/cdk.tf.json is not a regular file of this build");
    expect(terraformLog()).toEqual([]);
  });

  test("an environment that is not one of the three is refused (exit 2); no stack check of it, no Terraform", () => {
    build();
    const r = run("deploy-plan.yml", undefined, { ENVIRONMENT: "../../x" });
    expect(r.status).toBe(2);
    fs.rmSync(path.join(tmp, "checked/preview.sha256"));
    expect(run("deploy-plan.yml").status).toBe(1);
    expect(terraformLog()).toEqual([]);
  });

  test("[attack first] the apply of a plan the guard did not accept: Terraform would apply it; the verdict's hash stops it before the apply", () => {
    build();
    write("plan/tfplan", "another plan\n");
    write("verdict/tfplan.sha256", `${sha256("the guarded plan\n")}\n`);
    const unchecked = run("deploy-apply.yml", withoutVerdictCheck);
    expect(unchecked.status).toBe(0);
    expect(terraformLog()).toContain("-chdir=work apply -input=false tfplan");
    fs.rmSync(path.join(tmp, "terraform.log"));
    fs.rmSync(path.join(tmp, "work"), { recursive: true });
    const r = run("deploy-apply.yml");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`refused: the saved plan (sha256 ${sha256("another plan\n")}) is not the one the plan guard accepted in this build`);
    expect(terraformLog()).toEqual(["-chdir=work init -input=false"]);
  });

  test("the apply applies the guarded plan, settles with a refresh-only apply, writes the state to its output and prints both hashes", () => {
    build();
    write("plan/tfplan", "the guarded plan\n");
    write("verdict/tfplan.sha256", `${sha256("the guarded plan\n")}\n`);
    const r = run("deploy-apply.yml");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(terraformLog()).toEqual(["-chdir=work init -input=false", "-chdir=work apply -input=false tfplan", "-chdir=work apply -refresh-only -auto-approve -input=false", "-chdir=work state pull"]);
    expect(r.stdout).toContain(`applied: stack preview sha256 ${sha256(STACK)}, saved plan sha256 ${sha256("the guarded plan\n")}`);
    expect(fs.readFileSync(path.join(tmp, "state", "state.json"), "utf8")).toBe('{"state":1}\n');
  });

  test("the state push pushes only a settled state, and nothing when binding-params changed nothing", () => {
    build();
    fs.mkdirSync(path.join(tmp, "settled"));
    expect(run("deploy-state-push.yml").stdout).toContain("the state is settled: nothing to push");
    expect(terraformLog()).toEqual(["-chdir=work init -input=false"]);
    fs.rmSync(path.join(tmp, "work"), { recursive: true });
    write("settled/settled.tfstate", "{}\n");
    expect(run("deploy-state-push.yml").status).toBe(0);
    expect(terraformLog().at(-1)).toBe("-chdir=work state push settled.tfstate");
  });

  test("the drift plan never locks, writes the JSON plan and the state to its output, and never applies", () => {
    build();
    const r = run("drift-plan.yml");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(terraformLog()).toEqual(["-chdir=work init -input=false", "-chdir=work plan -input=false -lock=false -out=tfplan", "-chdir=work show -json tfplan", "-chdir=work state pull"]);
    expect(fs.readdirSync(path.join(tmp, "plan")).sort()).toEqual(["plan.json", "state.json"]);
  });
});

describe("the tasks that run the project's code get the environment as an argument, and nothing else of the job", () => {
  /** A build directory with main's scripts under estate/, and an `npm` that logs its arguments and its environment's names. */
  const build = (npmExit: Record<string, number> = {}) => {
    fs.mkdirSync(path.join(tmp, "estate", "ci"), { recursive: true });
    fs.cpSync(path.join(ROOT, "ci", "scripts"), path.join(tmp, "estate", "ci", "scripts"), { recursive: true });
    const exits = Object.entries(npmExit).map(([env, code]) => `  *"stack-check -- ${env} "*) exit ${code} ;;\n`).join("");
    write(
      "bin/npm",
      `#!/usr/bin/env bash\necho "npm $* | $(env | cut -d= -f1 | sort | tr '\\n' ' ')" >> "${tmp}/npm.log"\ncase "$*" in\n${exits}  *"plan-guard"*) if [ -f "${tmp}/guard-refuses" ]; then exit 1; fi ;;\nesac\n`,
    );
    fs.chmodSync(path.join(tmp, "bin", "npm"), 0o755);
  };
  const run = (scriptName: string, env: Record<string, string>) =>
    spawnSync("bash", [`estate/ci/scripts/${scriptName}`], { cwd: tmp, encoding: "utf8", env: { PATH: `${path.join(tmp, "bin")}:${process.env.PATH}`, HOME: tmp, ...env } });
  const npmLog = () => fs.readFileSync(path.join(tmp, "npm.log"), "utf8").trim().split("\n");

  test("stack-check records the hash of each stack it accepted, refuses the rest in the comment, and its npm sees PATH, HOME and the two settings only", () => {
    build({ staging: 1 });
    for (const env of ["preview", "staging", "production"]) write(`synthesized/stacks/${env}/cdk.tf.json`, `{"${env}":1}\n`);
    fs.mkdirSync(path.join(tmp, "checked"));
    const r = run("stack-check.sh", { ENVIRONMENTS: "preview staging production", CF_PASSWORD: "p" });
    expect(r.status).toBe(1);
    expect(fs.readdirSync(path.join(tmp, "checked")).sort()).toEqual(["comment.md", "preview.sha256", "production.sha256"]);
    const sha = require("crypto").createHash("sha256").update('{"preview":1}\n').digest("hex");
    expect(fs.readFileSync(path.join(tmp, "checked", "preview.sha256"), "utf8")).toBe(`${sha}\n`);
    expect(r.stdout).toContain(`stack-check: preview accepted, stack sha256 ${sha}`);
    expect(fs.readFileSync(path.join(tmp, "checked", "comment.md"), "utf8")).toContain("The stack check refused the synthesized stack of: staging. Nothing was planned.");
    // What bash itself sets in any process it starts (PWD, SHLVL, _) aside.
    for (const line of npmLog()) expect(line.split(" | ")[1].trim().split(" ").filter((n) => !["PWD", "SHLVL", "_"].includes(n))).toEqual(["CHECKPOINT_DISABLE", "HOME", "PATH", "TF_IN_AUTOMATION"]);
    expect(npmLog().filter((l) => l.includes("stack-check --")).map((l) => l.split(" | ")[0].replace(/ \/\S+/, " <copy>"))).toEqual([
      "npm run -s stack-check -- preview <copy>",
      "npm run -s stack-check -- staging <copy>",
      "npm run -s stack-check -- production <copy>",
    ]);
  });

  test("stack-check refuses a name that is not an environment (exit 2) before it checks anything", () => {
    build();
    const r = run("stack-check.sh", { ENVIRONMENTS: "preview ../x" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refused: ENVIRONMENT_NAME is "../x", not preview, staging or production');
    expect(npmLog().filter((l) => l.includes("stack-check --"))).toEqual([]);
  });

  test("[attack first] pr-plan plans only the stacks the stack check accepted in this build, and ends the comment with their hashes", () => {
    build();
    const stack = '{"resource":{"terraform_data":{"x":{"provisioner":{"local-exec":{"command":"cat /proc/self/environ"}}}}}}\n';
    for (const env of ["preview", "staging", "production"]) write(`synthesized/stacks/${env}/cdk.tf.json`, stack);
    write("pull-request-head/sha", `${HEAD}\n`);
    fs.mkdirSync(path.join(tmp, "comment"));
    const sha = require("crypto").createHash("sha256").update(stack).digest("hex");
    // Without the check's record every stack would be planned: the script plans what has one.
    for (const env of ["preview", "staging", "production"]) write(`checked/${env}.sha256`, `${sha}\n`);
    expect(run("pr-plan.sh", {}).status).toBe(0);
    expect(npmLog().filter((l) => l.includes("run -s pr-plan")).length).toBe(3);
    fs.rmSync(path.join(tmp, "npm.log"));
    // The check accepted preview only (it refuses provisioners): staging and production are not planned.
    fs.rmSync(path.join(tmp, "checked", "staging.sha256"));
    write("checked/production.sha256", `${"0".repeat(64)}\n`);
    const r = run("pr-plan.sh", {});
    expect(r.status).toBe(1);
    expect(npmLog().filter((l) => l.includes("run -s pr-plan")).map((l) => l.split(" ")[5])).toEqual(["preview"]);
    expect(r.stderr).toContain("refused: the stack of production (sha256 ");
    expect(fs.readFileSync(path.join(tmp, "comment", "comment.md"), "utf8")).toContain(`| preview | \`${sha}\` |`);
  });

  test("plan-guard records the saved plan's hash only when the guard passes", () => {
    build();
    write("plan/tfplan", "saved\n");
    write("plan/plan.json", "{}\n");
    fs.mkdirSync(path.join(tmp, "verdict"));
    write("guard-refuses", "");
    const refused = run("plan-guard.sh", { ENVIRONMENT: "production" });
    expect(refused.status).toBe(1);
    expect(fs.readdirSync(path.join(tmp, "verdict"))).toEqual([]);
    fs.rmSync(path.join(tmp, "guard-refuses"));
    const passed = run("plan-guard.sh", { ENVIRONMENT: "production" });
    expect([passed.status, passed.stderr]).toEqual([0, ""]);
    const sha = require("crypto").createHash("sha256").update("saved\n").digest("hex");
    expect(fs.readFileSync(path.join(tmp, "verdict", "tfplan.sha256"), "utf8")).toBe(`${sha}\n`);
    expect(npmLog().at(-1)!.split(" | ")[0]).toBe("npm run -s plan-guard -- production ../plan/plan.json");
    expect(npmLog().at(-1)!).not.toContain("ENVIRONMENT");
  });
});
