import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { planEnvironmentProblems, planEvidence } from "../../plan/plan-environment";
import type { PlanJson } from "../../plan/plan-json";
import { environments } from "../helpers";

// A plan carries its own environment: a production plan taking notify-api from 35 to 20, under the
// incident floor of 25, would pass the plan guard with exit 0 under `preview`, whose floors are
// lower. The guard and drift read the environment from the plan and refuse a mismatch, naming both.
const ROOT = path.join(__dirname, "..", "..");
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "plans", name), "utf8")) as PlanJson;

/** The hand-written production plan with notify-api going 35 -> 20. */
function production35to20(): PlanJson {
  const plan = fixture("below-floor.json") as any;
  plan.resource_changes[0].change.after.instances = 20;
  return plan;
}
const cli = (entry: string, env: string, input: string) => spawnSync(process.execPath, ["bin/run.js", entry, env, "-"], { cwd: ROOT, encoding: "utf8", input });

test("a production plan taking notify-api 35 -> 20 is refused under preview and staging, naming both environments", () => {
  const input = JSON.stringify(production35to20());
  for (const env of ["preview", "staging"]) {
    const r = cli("commands/plan-guard.ts", env, input);
    expect([r.status, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toBe(
      `plan-guard: refused (${env}): this is a plan of production, not ${env}: cloudfoundry_app.notify-api space_name "production" (${env}'s space is "${env}"). Judge it as production, or plan ${env} and give that plan.\n`,
    );
  }
  // Under production it is judged, and refused for the floor, on stderr.
  const own = cli("commands/plan-guard.ts", "production", input);
  expect([own.status, own.stdout]).toEqual([1, ""]);
  expect(own.stderr).toContain("instances 35 -> 20, below the incident floor of 25");
});

test("drift refuses a plan of another environment too", () => {
  const r = cli("commands/drift.ts", "staging", JSON.stringify(production35to20()));
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^drift: refused \(staging\): this is a plan of production, not staging/);
});

describe("on plans Terraform wrote against each environment (fixtures/plans/rehearsed)", () => {
  test.each([
    ["below-floor.json", "production"],
    ["replace-app.json", "staging"],
    ["delete-queue.json", "preview"],
  ])("%s is %s's, and only %s's", (file, env) => {
    const plan = fixture(path.join("rehearsed", file));
    expect([...new Set(planEvidence(plan, environments()).flatMap((e) => e.environments))]).toEqual([env]);
    expect(planEnvironmentProblems(plan, env, environments())).toEqual([]);
    for (const other of environments().filter((e) => e.name !== env)) {
      expect(planEnvironmentProblems(plan, other.name, environments())).toEqual([expect.stringContaining(`this is a plan of ${env}, not ${other.name}`)]);
    }
  });
});

const planOf = (...changes: { address: string; after: object }[]) =>
  ({
    format_version: "1.2",
    terraform_version: "1.11.4",
    planned_values: {},
    resource_changes: changes.map((c) => ({ address: c.address, mode: "managed", type: c.address.split(".")[0], name: c.address.split(".")[1], change: { actions: ["update"], before: c.after, after: c.after } })),
  }) as unknown as PlanJson;

test("each marker a stack puts in a plan says its environment: queue names by prefix, public routes by domain, the IAM user", () => {
  const preview = environments().find((e) => e.name === "preview")!;
  const production = environments().find((e) => e.name === "production")!;
  const plan = planOf(
    { address: "aws_sqs_queue.q", after: { name: `${production.queuePrefix}periodic-tasks` } },
    { address: "cloudfoundry_route.r", after: { url: `api.${production.publicDomain}` } },
    { address: "aws_iam_user_policy_attachment.a", after: { user: production.appsIamUser } },
    // A route on the shared apps domain is named alike everywhere: no evidence either way.
    { address: "cloudfoundry_route.shared", after: { url: "notify-api-preview.cloudapps.digital" } },
  );
  expect(planEvidence(plan, environments()).map((e) => [e.address, e.environments])).toEqual([
    ["aws_sqs_queue.q", ["production"]],
    ["cloudfoundry_route.r", ["production"]],
    ["aws_iam_user_policy_attachment.a", ["production"]],
  ]);
  expect(planEnvironmentProblems(plan, preview.name, environments())).toEqual([
    `this is a plan of production, not preview: aws_sqs_queue.q name "${production.queuePrefix}periodic-tasks" and 2 more (preview's queue name is "${preview.queuePrefix}..."). Judge it as production, or plan preview and give that plan.`,
  ]);
});

test("a plan that mixes environments, names a space no environment has, or says nothing is refused", () => {
  const mixed = planOf({ address: "cloudfoundry_app.a", after: { space_name: "production" } }, { address: "cloudfoundry_app.b", after: { space_name: "preview" } });
  expect(planEnvironmentProblems(mixed, "preview", environments())).toEqual([expect.stringMatching(/^this is a plan of production \(as well as preview\), not preview/)]);
  const stranger = planOf({ address: "cloudfoundry_app.a", after: { space_name: "sandbox" } });
  expect(planEnvironmentProblems(stranger, "preview", environments())).toEqual([
    'this plan is for no environment of this estate: cloudfoundry_app.a space_name "sandbox" (preview\'s space is "preview"). Plan preview and give that plan.',
  ]);
  expect(planEnvironmentProblems(planOf(), "preview", environments())).toEqual([expect.stringMatching(/^cannot tell which environment this plan is for.*terraform show -json <planfile>/)]);
});
