import { ConfigError } from "../../config";
import { ALL_CHECKS, loadCheckedEstate, runChecks } from "../../checks";
import { app, estateWith } from "./fixtures";
import { estate } from "../../config";

test("check ids are stable and unique", () => {
  expect(ALL_CHECKS.map((c) => c.id)).toEqual([
    "NOTIFY-DB-CONNECTIONS",
    "NOTIFY-VISIBILITY-TIMEOUT",
    "NOTIFY-LONG-TASK-PREFETCH",
    "NOTIFY-DEPLOY-FLOOR",
    "NOTIFY-BEAT-SINGLETON",
    "NOTIFY-SECRET-GRANTS",
    "NOTIFY-STATSD",
    "NOTIFY-QUEUE-COVERAGE",
    "NOTIFY-ROUTES",
    "NOTIFY-HEALTH-CHECK",
    "NOTIFY-ENV-HYGIENE",
    "NOTIFY-MEMORY-QUOTA",
  ]);
  for (const c of ALL_CHECKS) expect(c.description).toMatch(/^Stops .+\.$/);
});

test("the committed estate passes with five acknowledged breaches and none unused", () => {
  const { checks } = loadCheckedEstate();
  expect(checks.violations).toEqual([]);
  expect(checks.acknowledged.map((a) => `${a.violation.check} ${a.violation.environment}/${a.violation.subject}`)).toEqual([
    "NOTIFY-DB-CONNECTIONS production/environment",
    "NOTIFY-VISIBILITY-TIMEOUT preview/reporting-tasks",
    "NOTIFY-VISIBILITY-TIMEOUT staging/reporting-tasks",
    "NOTIFY-VISIBILITY-TIMEOUT production/reporting-tasks",
    "NOTIFY-DEPLOY-FLOOR production/notify-api-sms-receipts",
  ]);
  expect(checks.unused).toEqual([]);
});

test("an acknowledgement with an accepted figure (and margin) does not cover a larger breach", () => {
  // sms-receipts pool 1 → 3: 15 x 4 x (3 + 10) = 780, 120 more than the accepted 5507, beyond its 2 %.
  const envs = estateWith((e) => (app(e, "notify-api-sms-receipts").database.poolSize = 3));
  const result = runChecks(envs);
  expect(result.violations.map((v) => [v.check, v.subject, v.value])).toEqual([["NOTIFY-DB-CONNECTIONS", "environment", 5627]]);
});

test("an acknowledgement of an unknown check is itself a violation", () => {
  const envs = estateWith((e) => (app(e, "notify-api").acknowledgements = [{ check: "NOTIFY-NOPE", reason: "a reason that is long enough" }]));
  expect(runChecks(envs).violations.map((v) => v.check)).toEqual(["NOTIFY-ACKNOWLEDGEMENT"]);
});

test("several violations across environments are all reported in one ConfigError", () => {
  const copy = structuredClone(estate) as any;
  copy.apps.find((a: any) => a.name === "notify-api").database.poolSize = 30;
  copy.apps.find((a: any) => a.name === "notify-delivery-celery-beat").scaling = { mode: "fixed", count: 2 };
  copy.environments.find((e: any) => e.name === "production").scaling["notify-api"].deployFloor = 5;
  let error: ConfigError | undefined;
  try {
    loadCheckedEstate(copy);
  } catch (e) {
    error = e as ConfigError;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const lines = error!.problems;
  expect(lines.filter((l) => l.startsWith("[NOTIFY-BEAT-SINGLETON]"))).toHaveLength(3);
  expect(lines).toContain(
    "[NOTIFY-DEPLOY-FLOOR] production/notify-api: production/notify-api deploys with a floor of 5 instances, below the incident floor of 25 (9c2ded00c; checks/invariants.ts); set deployFloor: 25 or more in config/production.ts (an incident invariant: no acknowledgement in config can accept it)",
  );
  expect(lines.some((l) => l.startsWith("[NOTIFY-DB-CONNECTIONS] production/notify-api: 35 instances x 4 workers x (30 pool + 10 overflow) = 5600"))).toBe(true);
});
