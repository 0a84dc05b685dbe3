import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { resolveEnvironment, type EnvironmentName, type EstateConfig, type ResolvedEnvironment } from "../../config";
import { blocking, guardPlan, renderFindings, summarizePlan, type PlanJson } from "../../plan/plan-guard";
import { smallEstate } from "../fixtures/small-estate";
import { environment } from "../helpers";

// The guard's rules on the small fixture estate (__tests__/fixtures/small-estate.ts: notify-api with
// the production floor of 25, sender autoscaled from 4 in production, beat, reporter), so that they do
// not move when the real estate does. The plans under fixtures/plans are hand-written in Terraform's
// format; those under fixtures/plans/rehearsed were written by Terraform against the real estate.
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "plans", `${name}.json`), "utf8")) as PlanJson;
const small = (name: EnvironmentName = "production", accept: { address: string; id?: string; change?: string; reason: string }[] = []): ResolvedEnvironment => {
  const config = smallEstate() as any;
  config.environments.find((e: any) => e.name === name).allowedDestructiveChanges = accept;
  return resolveEnvironment(config as EstateConfig, name);
};
const production = () => small("production");

test("an in-place update passes", () => {
  expect(guardPlan(fixture("in-place-update"), production())).toEqual([]);
});

const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/livescan-tasks";

test("deleting a queue is refused, naming the queue's id", () => {
  expect(guardPlan(fixture("delete-queue"), production())).toEqual([
    { address: "aws_sqs_queue.scan-tasks", message: "queue (its messages would be lost) would be DESTROYED", id: QUEUE_URL },
  ]);
});

test("replacing an app is refused, naming the attribute that forces it", () => {
  expect(guardPlan(fixture("replace-app"), production())).toEqual([
    {
      address: "cloudfoundry_app.notify-api",
      message: "app (an outage while it is recreated) would be REPLACED (destroyed and created again, because service_bindings changed)",
      id: "5bc2c8d6-0000-4000-8000-000000000001",
    },
  ]);
});

test("the production API below its floor of 25 is refused, and config cannot accept it", () => {
  const findings = guardPlan(fixture("below-floor"), production());
  expect(findings).toContainEqual(
    expect.objectContaining({
      address: "cloudfoundry_app.notify-api",
      message: "instances 35 -> 10, below the incident floor of 25 (config/invariants.ts, 9c2ded00c)",
      invariant: true,
    }),
  );
  const { id, change } = findings[0];
  const again = guardPlan(fixture("below-floor"), small("production", [{ address: "cloudfoundry_app.notify-api", id: id!, change, reason: "Someone tries to accept the floor breach in config." }]));
  expect(blocking(again).filter((f) => f.invariant)).toHaveLength(1);
  expect(renderFindings("production", again)).toContain("An incident floor cannot be accepted in config");
});

test("in preview the same plan is refused only for halving what runs, not for a floor", () => {
  expect(guardPlan(fixture("below-floor"), small("preview")).map((f) => [f.address, f.message])).toEqual([["cloudfoundry_app.notify-api", "instances 35 -> 10: less than half of what runs now"]]);
});

test("a replacement accepted in config, with its reason, passes and is shown as accepted", () => {
  const findings = guardPlan(
    fixture("replace-app"),
    small("production", [{ address: "cloudfoundry_app.notify-api", id: "5bc2c8d6-0000-4000-8000-000000000001", reason: "Binding notify-redis needs a new app; done in the 02:00 window (CHG-1234)." }]),
  );
  expect(blocking(findings)).toEqual([]);
  expect(renderFindings("production", findings)).toContain("accepted  cloudfoundry_app.notify-api");
});

test.each([
  ["null", null],
  ["a bare format_version", { format_version: "1.2" }],
  ["an unknown format", { format_version: "2.0", terraform_version: "9.0.0", planned_values: {}, resource_changes: [] }],
  ["a state file", { format_version: "1.0", terraform_version: "1.11.4", values: { root_module: {} } }],
  ["resource_changes that are not a list", { format_version: "1.2", terraform_version: "1.11.4", planned_values: {}, resource_changes: "oops" }],
  ["a change without actions", { format_version: "1.2", terraform_version: "1.11.4", planned_values: {}, resource_changes: [{ address: "x.y", mode: "managed", type: "x", name: "y", change: {} }] }],
])("%s is refused as not a plan, never waved through", (_what, input) => {
  const findings = guardPlan(input, production());
  expect(blocking(findings)).toHaveLength(1);
  expect(findings[0].message).toMatch(/^refused: it is not a Terraform JSON plan/);
});

/** A one-change plan in Terraform's format; apps carry strategy "rolling", as every app the stack synthesizes does. */
const planOf = (c: { address: string; type: string; actions: string[]; before: object | null; after: object | null; after_unknown?: object }) => ({
  format_version: "1.2",
  terraform_version: "1.11.4",
  planned_values: { root_module: {} },
  resource_changes: [
    {
      address: c.address,
      mode: "managed",
      type: c.type,
      name: c.address.split(".")[1],
      change: {
        actions: c.actions,
        before: c.before && c.type === "cloudfoundry_app" ? { strategy: "rolling", ...c.before } : c.before,
        after: c.after && c.type === "cloudfoundry_app" ? { strategy: "rolling", ...c.after } : c.after,
        after_unknown: c.after_unknown ?? {},
      },
    },
  ],
});
const appUpdate = (name: string, before: object, after: object, unknown: object = {}) =>
  planOf({ address: `cloudfoundry_app.${name}`, type: "cloudfoundry_app", actions: ["update"], before: { id: `guid-${name}`, name, ...before }, after: { name, ...after }, after_unknown: unknown });

test.each([
  ["the sender scaled 4 -> 1 (the incident's 18 -> 1, at the fixture's minimum)", appUpdate("sender", { instances: 4 }, { instances: 1 }), /below the production floor of 2/],
  ["celery beat 1 -> 0 in production", appUpdate("beat", { instances: 1 }, { instances: 0 }), /celery beat at 0 in production/],
  ["an app stopped", appUpdate("reporter", { instances: 1, stopped: false }, { instances: 1, stopped: true }), /STOPPED/],
  ["an unknown instance count", appUpdate("reporter", { instances: 1 }, {}, { instances: true }), /unknown until apply/],
  [
    "the public API route deleted",
    planOf({ address: "cloudfoundry_route.route_api_example_gov_uk", type: "cloudfoundry_route", actions: ["delete"], before: { id: "route-guid", url: "api.example.gov.uk" }, after: null }),
    /PUBLIC route api\.example\.gov\.uk: route .* DESTROYED/,
  ],
  [
    "a service binding replaced",
    planOf({ address: "cloudfoundry_service_credential_binding.x", type: "cloudfoundry_service_credential_binding", actions: ["delete", "create"], before: { id: "binding-guid" }, after: {} }),
    /service binding .* REPLACED/,
  ],
])("refused: %s; and each can be accepted by the object's id (and change) with a reason, by that entry only", (_what, plan, message) => {
  const findings = blocking(guardPlan(plan, production())).filter((f) => !f.replan);
  expect(findings.map((f) => f.message).join("\n")).toMatch(message);
  const { address, id, change } = findings[0];
  const reason = "Accepted for this test: a reviewed, one-off change.";
  expect(blocking(guardPlan(plan, small("production", [{ address, id: id!, ...(change ? { change } : {}), reason }]))).filter((f) => !f.replan)).toEqual([]);
  // Another object at the address, or another change of the same object, is not accepted by it.
  expect(blocking(guardPlan(plan, small("production", [{ address, id: `${id}-other`, ...(change ? { change } : {}), reason }]))).filter((f) => !f.replan)).toEqual(findings);
  if (change) expect(blocking(guardPlan(plan, small("production", [{ address, id: id!, change: "000000000000", reason }]))).filter((f) => !f.replan)).toEqual(findings);
});

test("every refusal says how to get through", () => {
  const text = renderFindings("production", guardPlan(fixture("delete-queue"), production()));
  expect(text).toContain(`allowedDestructiveChanges: [{ address: "aws_sqs_queue.scan-tasks", id: "${QUEUE_URL}", reason: "..." }]`);
});

test("the command exits 1 on a refused plan and 0 on a safe one", () => {
  const run = (file: string) =>
    spawnSync(process.execPath, ["bin/run.js", "commands/plan-guard.ts", "production", path.join("__tests__", "fixtures", "plans", file)], {
      cwd: path.join(__dirname, "..", ".."),
      encoding: "utf8",
    });
  const refused = run("delete-queue.json");
  expect(refused.status).toBe(1);
  expect(refused.stdout).toBe("");
  expect(refused.stderr).toContain(`plan guard (production): 1 resource change judged: 1 destroyed, 0 replaced (each is a line below)\n  REFUSED   aws_sqs_queue.scan-tasks: queue (its messages would be lost) would be DESTROYED; accepted only by { address: "aws_sqs_queue.scan-tasks", id: "${QUEUE_URL}", reason: "..." }`);
  const safe = run("in-place-update.json");
  expect([safe.status, safe.stdout]).toEqual([0, "plan guard (production): 2 resource changes judged: no resource destroyed or replaced, nothing refused\n"]);
});

describe("on plans Terraform wrote (fixtures/plans/rehearsed, npm run plan-fixtures)", () => {
  const rehearsed = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "plans", "rehearsed", `${name}.json`), "utf8")) as PlanJson;
  // The committed environment with nothing retired or accepted: these plans destroy what they destroy
  // whatever config has retired since they were written (a queue later retired for real must still be
  // refused here, where no retirement covers it).
  const env = (name: string): ResolvedEnvironment => ({ ...environment(name), retired: [], allowedDestructiveChanges: [] });

  test("an in-place update passes", () => {
    expect(blocking(guardPlan(rehearsed("in-place-update"), env("production")))).toEqual([]);
  });

  test("a replaced app is refused, naming what forces it", () => {
    const refused = blocking(guardPlan(rehearsed("replace-app"), env("staging")));
    expect(refused.map((f) => [f.address, /REPLACED.*org_name/.test(f.message)])).toEqual([["cloudfoundry_app.notify-api", true]]);
  });

  test("a destroyed queue and its dead-letter queue are refused", () => {
    const refused = blocking(guardPlan(rehearsed("delete-queue"), env("preview")));
    expect(refused.map((f) => f.address).sort()).toEqual(["aws_sqs_queue.govuk-alerts", "aws_sqs_queue.govuk-alerts-dead-letter"]);
  });

  test("the production API below its floor is refused", () => {
    const refused = blocking(guardPlan(rehearsed("below-floor"), env("production")));
    expect([...new Set(refused.map((f) => f.address))]).toEqual(["cloudfoundry_app.notify-api"]);
    expect(refused.filter((f) => f.invariant).map((f) => f.message)).toEqual(["instances 35 -> 10, below the incident floor of 25 (config/invariants.ts, 9c2ded00c)"]);
  });
});

test("the advice names only what applies: a plain refusal gets the acceptance line and nothing about floors or plan files", () => {
  const text = renderFindings("production", guardPlan(fixture("delete-queue"), production()), summarizePlan(fixture("delete-queue")));
  const entry = `{ address: "aws_sqs_queue.scan-tasks", id: "${QUEUE_URL}", reason: "..." }`;
  expect(text).toBe(
    "plan guard (production): 1 resource change judged: 1 destroyed, 0 replaced (each is a line below)\n" +
      `  REFUSED   aws_sqs_queue.scan-tasks: queue (its messages would be lost) would be DESTROYED; accepted only by ${entry}\n` +
      "1 finding refused.\n" +
      "If a change is really meant, accept it in config/production.ts, in the same pull request (an entry accepts that object's change only, and is spent by the apply):\n" +
      `  allowedDestructiveChanges: [${entry}]\n`,
  );
  const floorOnly = renderFindings("production", guardPlan(appUpdate("notify-api", { instances: 30 }, { instances: 10 }), production()));
  expect(floorOnly).toContain("An incident floor cannot be accepted in config");
  expect(floorOnly).not.toContain("terraform show -json");
  const notAPlan = renderFindings("production", guardPlan({ format_version: "1.2" }, production()));
  expect(notAPlan).toContain("Give it the output of `terraform show -json <planfile>`.");
  expect(notAPlan).not.toContain("allowedDestructiveChanges");
  expect(notAPlan).not.toContain("incident floor");
});

test("beat kept at 1 in production, another field changing, is not a finding", () => {
  expect(guardPlan(appUpdate("beat", { instances: 1, memory: "512M" }, { instances: 1, memory: "1G" }), production())).toEqual([]);
  // Where config stops beat (count 0 in preview), the plan to 0 is below no floor and no beat rule;
  // it still halves what runs, which a reviewer accepts for that one apply.
  const config = smallEstate() as any;
  const preview = config.environments.find((e: any) => e.name === "preview");
  preview.scaling.beat = { count: 0 };
  const stop = appUpdate("beat", { instances: 1 }, { instances: 0 });
  expect(guardPlan(stop, resolveEnvironment(config, "preview")).map((f) => f.message)).toEqual(["instances 1 -> 0: less than half of what runs now"]);
  const [found] = guardPlan(stop, resolveEnvironment(config, "preview"));
  preview.allowedDestructiveChanges = [{ address: "cloudfoundry_app.beat", id: found.id, change: found.change, reason: "Beat stops in preview from now on (config/preview.ts)." }];
  expect(blocking(guardPlan(stop, resolveEnvironment(config, "preview")))).toEqual([]);
});

test("an app that is not stopped before and stays running is not refused; one already stopped staying stopped is not either", () => {
  expect(guardPlan(appUpdate("reporter", { instances: 1 }, { instances: 1, stopped: false }), production())).toEqual([]);
  expect(guardPlan(appUpdate("reporter", { instances: 1, stopped: true }, { instances: 1, stopped: true }), production())).toEqual([]);
  expect(blocking(guardPlan(planOf({ address: "cloudfoundry_app.reporter", type: "cloudfoundry_app", actions: ["create"], before: null, after: { name: "reporter", instances: 1, stopped: true } }), production())).map((f) => f.message)).toEqual([
    expect.stringMatching(/STOPPED/),
  ]);
});
