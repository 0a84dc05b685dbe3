import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { resolveEnvironment, estate } from "../config";
import { blocking, guardPlan, renderFindings, type PlanJson } from "../tools/plan-guard";
import { environments } from "./helpers";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "plans", `${name}.json`), "utf8")) as PlanJson;
const production = () => environments().find((e) => e.name === "production")!;

test("an in-place update passes", () => {
  expect(guardPlan(fixture("in-place-update"), production())).toEqual([]);
});

test("deleting a queue is refused", () => {
  expect(guardPlan(fixture("delete-queue"), production())).toEqual([
    { address: "aws_sqs_queue.govuk-alerts", message: "queue (its messages would be lost) would be DESTROYED" },
  ]);
});

test("replacing an app is refused, naming the attribute that forces it", () => {
  expect(guardPlan(fixture("replace-app"), production())).toEqual([
    {
      address: "cloudfoundry_app.notify-api",
      message: "app (an outage while it is recreated) would be REPLACED (destroyed and created again, because service_bindings changed)",
    },
  ]);
});

test("the production API below its floor of 25 is refused", () => {
  expect(guardPlan(fixture("below-floor"), production())).toEqual([
    { address: "cloudfoundry_app.notify-api", message: "instances 35 -> 10, below the production floor of 25" },
  ]);
});

test("the same instance count is fine in preview, whose floor is 1", () => {
  expect(guardPlan(fixture("below-floor"), environments().find((e) => e.name === "preview")!)).toEqual([]);
});

test("a replacement accepted in config, with its reason, passes and is shown as accepted", () => {
  const copy = structuredClone(estate) as any;
  copy.environments.find((e: any) => e.name === "production").allowedDestructiveChanges = [
    { address: "cloudfoundry_app.notify-api", reason: "Binding notify-redis needs a new app; done in the 02:00 window (CHG-1234)." },
  ];
  const findings = guardPlan(fixture("replace-app"), resolveEnvironment(copy, "production"));
  expect(blocking(findings)).toEqual([]);
  expect(renderFindings("production", findings)).toContain("accepted  cloudfoundry_app.notify-api");
});

test("a plan in an unknown format is refused rather than waved through", () => {
  expect(blocking(guardPlan({ format_version: "2.0", resource_changes: [] }, production()))).toHaveLength(1);
});

test("the command exits 1 on a refused plan and 0 on a safe one", () => {
  const run = (file: string) =>
    spawnSync(process.execPath, ["bin/run.js", "tools/plan-guard-main.ts", "production", path.join("__tests__", "fixtures", "plans", file)], {
      cwd: path.join(__dirname, ".."),
      encoding: "utf8",
    });
  const refused = run("delete-queue.json");
  expect(refused.status).toBe(1);
  expect(refused.stdout).toContain("REFUSED   aws_sqs_queue.govuk-alerts: queue (its messages would be lost) would be DESTROYED");
  const safe = run("in-place-update.json");
  expect([safe.status, safe.stdout]).toEqual([0, "plan guard (production): no queue or app is destroyed or replaced, no autoscaled app goes below its floor\n"]);
});

describe("on plans Terraform wrote (fixtures/plans/rehearsed, npm run plan-fixtures)", () => {
  const rehearsed = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "plans", "rehearsed", `${name}.json`), "utf8")) as PlanJson;
  const env = (name: string) => environments().find((e) => e.name === name)!;

  test("an in-place update passes", () => {
    expect(blocking(guardPlan(rehearsed("in-place-update"), env("production")))).toEqual([]);
  });

  test("a replaced app is refused, naming what forces it", () => {
    const refused = blocking(guardPlan(rehearsed("replace-app"), env("production")));
    expect(refused.map((f) => [f.address, /REPLACED.*service_bindings/.test(f.message)])).toEqual([["cloudfoundry_app.notify-api", true]]);
  });

  test("a destroyed queue and its dead-letter queue are refused", () => {
    const refused = blocking(guardPlan(rehearsed("delete-queue"), env("preview")));
    expect(refused.map((f) => f.address).sort()).toEqual(["aws_sqs_queue.govuk-alerts", "aws_sqs_queue.govuk-alerts-dead-letter"]);
  });

  test("the production API below its floor is refused", () => {
    const refused = blocking(guardPlan(rehearsed("below-floor"), env("production")));
    expect(refused.map((f) => f.address)).toEqual(["cloudfoundry_app.notify-api"]);
    expect(refused[0].message).toMatch(/-> 10, below the production floor of 25/);
  });
});
