import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadEstate } from "../checks";
import { buildApp } from "../stacks/build";
import { withPrerequisites } from "../offline/bootstrap";
import { livePlatformFile, Rehearsal } from "../offline/harness";
import { Platform } from "../offline/standin/platform";
import { parsePlan } from "../plan/plan-json";
import { prPlan } from "../offline/pr-plan";
import { exportSnapshot } from "../offline/snapshot";

// node bin/run.js scripts/record-pr-comment-example.ts <candidate cdktf.out>: records the example the
// pull-request comment test renders (__tests__/fixtures/pr-comment/results.json). Each environment's
// committed live platform is deployed with this checkout's config (the drift job's view), exported as
// a snapshot, and the candidate is planned against it, exactly as the pull-request job does.
async function main(candidateOut: string): Promise<void> {
  const root = process.cwd();
  const envs = (await loadEstate()).environments;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-record-"));
  const out = path.join(work, "main");
  buildApp(out, envs).synth();
  const results = [];
  for (const env of envs) {
    const r = await Rehearsal.start(root, out, { [env.name]: withPrerequisites(Platform.load(livePlatformFile(root, env.name)).data, env) }, { inherit: process.env, work: path.join(work, env.name) });
    let plan;
    try {
      await r.plan(env.name, "deploy.plan");
      await r.apply(env.name, "deploy.plan");
      plan = (await r.plan(env.name, "drift.plan")).json;
    } finally {
      await r.close(true);
    }
    const parsed = parsePlan(plan);
    if ("problem" in parsed) throw new Error(parsed.problem);
    const state = JSON.parse(fs.readFileSync(path.join(work, env.name, `${env.name}.tfstate`), "utf8"));
    const takenAt = new Date("2026-11-28T11:00:00Z");
    const snapshot = exportSnapshot({ env, plan: parsed.plan, state, takenAt, commit: "b3ba3930c0ffee0000000000000000000000beef" });
    const reference = JSON.parse(fs.readFileSync(path.join(out, "stacks", env.name, "cdk.tf.json"), "utf8"));
    const candidate = JSON.parse(fs.readFileSync(path.join(candidateOut, "stacks", env.name, "cdk.tf.json"), "utf8"));
    results.push(await prPlan({ root, env, candidate, reference, snapshot, now: new Date("2026-11-28T12:30:00Z"), processEnv: process.env }));
  }
  fs.rmSync(work, { recursive: true, force: true });
  fs.writeFileSync(path.join(root, "__tests__", "fixtures", "pr-comment", "results.json"), JSON.stringify(results, null, 1) + "\n");
}
void main(process.argv[2]);
