import { ConfigError, resolveEstate } from "../../config";
import { smallEstate } from "../fixtures/small-estate";
import { ALL_CHECKS, formatViolation, formatViolations, loadEstate, runChecks } from "../../checks";
import { dbConnectionBudget } from "../../checks/db-connection-budget";
import { deployFloor } from "../../checks/deploy-floor";
import { ALL_ENVS, app, configWith, env, estateWith, queue } from "./fixtures";

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
    "NOTIFY-HEALTH-CHECK-TIMEOUT",
    "NOTIFY-ENV-HYGIENE",
    "NOTIFY-MEMORY-QUOTA",
  ]);
  for (const c of ALL_CHECKS) expect(c.description).toMatch(/^Stops .+\.$/);
});

test("the committed estate passes every check and has no unused acknowledgement", async () => {
  const { checks } = await loadEstate();
  expect(checks.violations).toEqual([]);
  expect(checks.unused).toEqual([]);
});

// A floor above the sender's minimum (5 > 4) is a non-invariant breach to acknowledge.
const floorAbove = (acknowledgements: object[], where: "app" | "environment" = "environment") =>
  estateWith((e) => {
    const scaling = env(e, "production").scaling.sender;
    scaling.deployFloor = 5;
    if (where === "environment") scaling.acknowledgements = acknowledgements;
    else app(e, "sender").acknowledgements = acknowledgements;
  }, ALL_ENVS);
const REASON = "Deploys scale the sender up on purpose during the migration.";

test("an acknowledgement accepts its own check on its own subject, and is then used", () => {
  const r = runChecks(floorAbove([{ check: "NOTIFY-DEPLOY-FLOOR", reason: REASON }]));
  expect(r.violations).toEqual([]);
  expect(r.acknowledged.map((a) => `${a.violation.environment}/${a.violation.subject} ${a.acknowledgement.reason}`)).toEqual([`production/sender ${REASON}`]);
  expect(r.unused).toEqual([]);
});

test("an acknowledgement of another check does not silence this one, and is reported unused", () => {
  const r = runChecks(floorAbove([{ check: "NOTIFY-STATSD", reason: REASON }]));
  expect(r.violations.map((v) => `${v.check} ${v.subject}`)).toEqual(["NOTIFY-DEPLOY-FLOOR sender"]);
  expect(r.unused.map((u) => `${u.environment}/${u.subject} ${u.acknowledgement.check}`)).toEqual(["production/sender NOTIFY-STATSD"]);
});

test("an acknowledgement on another app does not cover this one", () => {
  const r = runChecks(
    estateWith((e) => {
      env(e, "production").scaling.sender.deployFloor = 5;
      app(e, "notify-api").acknowledgements = [{ check: "NOTIFY-DEPLOY-FLOOR", reason: REASON }];
    }),
  );
  expect(r.violations.map((v) => v.subject)).toEqual(["sender"]);
});

test("an app-wide acknowledgement covers the app in every environment; an environment's covers that environment only", () => {
  const breachEverywhere = (where: "app" | "preview") =>
    runChecks(
      estateWith((e) => {
        for (const x of e.environments) x.scaling.sender = { ...x.scaling.sender, deployFloor: x.scaling.sender.autoscaler.min + 1 };
        const ack = [{ check: "NOTIFY-DEPLOY-FLOOR", reason: REASON }];
        if (where === "app") app(e, "sender").acknowledgements = ack;
        else env(e, "preview").scaling.sender.acknowledgements = ack;
      }, ALL_ENVS),
      [deployFloor],
    );
  expect(breachEverywhere("app").violations).toEqual([]);
  expect(breachEverywhere("preview").violations.map((v) => v.environment)).toEqual(["staging", "production"]);
});

test("a queue's acknowledgement covers that queue; the environment's covers environment-wide breaches", () => {
  const r = runChecks(
    estateWith((e) => {
      queue(e, "retry-tasks").maxTaskSeconds = 200;
      queue(e, "retry-tasks").maxTaskSecondsSource = "measured";
      queue(e, "retry-tasks").acknowledgements = [{ check: "NOTIFY-VISIBILITY-TIMEOUT", reason: REASON, accepted: 430 }];
      app(e, "notify-api").database.poolSize = 30;
      env(e, "production").acknowledgements = [{ check: "NOTIFY-DB-CONNECTIONS", reason: REASON }];
    }),
  );
  expect(r.acknowledged.map((a) => `${a.violation.check} ${a.violation.subject}`)).toEqual([
    "NOTIFY-DB-CONNECTIONS environment",
    "NOTIFY-VISIBILITY-TIMEOUT retry-tasks",
  ]);
  expect(r.violations.map((v) => `${v.check} ${v.subject}`)).toEqual(["NOTIFY-DB-CONNECTIONS notify-api"]);
});

test("an accepted figure covers up to itself plus its margin, no further", () => {
  // notify-api pool 30 at 40 instances: 40 x 4 x 40 = 6400 on its own.
  const at = (accepted: number, marginPercent?: number) =>
    runChecks(
      estateWith((e) => {
        app(e, "notify-api").database.poolSize = 30;
        app(e, "notify-api").acknowledgements = [{ check: "NOTIFY-DB-CONNECTIONS", reason: REASON, accepted, ...(marginPercent === undefined ? {} : { marginPercent }) }];
        env(e, "production").acknowledgements = [{ check: "NOTIFY-DB-CONNECTIONS", reason: REASON }];
      }),
      [dbConnectionBudget],
    ).violations.map((v) => `${v.subject}=${v.value}`);
  expect(at(6400)).toEqual([]);
  expect(at(6399)).toEqual(["notify-api=6400"]);
  expect(at(6000, 6)).toEqual(["notify-api=6400"]);
  expect(at(6000, 7)).toEqual([]);
});

test("an acknowledgement of an unknown check is itself a violation", () => {
  const envs = estateWith((e) => (app(e, "notify-api").acknowledgements = [{ check: "NOTIFY-NOPE", reason: "a reason that is long enough" }]));
  expect(runChecks(envs).violations.map((v) => [v.check, v.subject, v.message])).toEqual([
    ["NOTIFY-ACKNOWLEDGEMENT", "notify-api", expect.stringMatching(/^acknowledges unknown check NOTIFY-NOPE \(config\/apps\.ts\) Known checks: NOTIFY-DB-CONNECTIONS, NOTIFY-VISIBILITY-TIMEOUT, /)],
  ]);
});

test("a misspelt check id in an acknowledgement is one line for every environment it is in, with the nearest id", () => {
  const envs = resolveEstate(
    (() => {
      const c = smallEstate() as any;
      c.apps.find((a: any) => a.name === "notify-api").acknowledgements = [{ check: "NOTIFY-DB-CONECTIONS", reason: "a reason that is long enough" }];
      return c;
    })(),
  );
  expect(envs.length).toBeGreaterThan(1);
  const found = runChecks(envs).violations.filter((v) => v.check === "NOTIFY-ACKNOWLEDGEMENT").map(formatViolation);
  expect(found).toEqual([
    expect.stringMatching(new RegExp(`^\\[NOTIFY-ACKNOWLEDGEMENT\\] ${envs.map((e) => e.name).join("\\+")}/notify-api: acknowledges unknown check NOTIFY-DB-CONECTIONS \\(config/apps\\.ts\\); did you mean NOTIFY-DB-CONNECTIONS\\? Known checks: `)),
  ]);
});

test("only the checks asked for run, and acknowledgements are judged against those", () => {
  const envs = floorAbove([{ check: "NOTIFY-DEPLOY-FLOOR", reason: REASON }]);
  const r = runChecks(envs, [dbConnectionBudget]);
  expect([r.violations, r.acknowledged]).toEqual([[expect.objectContaining({ check: "NOTIFY-ACKNOWLEDGEMENT" })], []]);
});

test("formatViolation marks invariants and warnings", () => {
  const base = { check: "C", environment: "production" as const, subject: "s", message: "m" };
  expect(formatViolation(base)).toBe("[C] production/s: m");
  expect(formatViolation({ ...base, invariant: true })).toBe("[C] production/s: m (an incident invariant: no acknowledgement in config can accept it)");
  expect(formatViolation({ ...base, assumed: "x is assumed" })).toBe("[C] production/s: m (a warning: x is assumed)");
});

test("several violations across environments are all reported in one ConfigError", async () => {
  const config = configWith((e) => {
    app(e, "notify-api").database.poolSize = 30;
    app(e, "beat").scaling = { mode: "fixed", count: 2 };
    env(e, "production").scaling["notify-api"].deployFloor = 5;
  });
  let error: ConfigError | undefined;
  try {
    await loadEstate(config);
  } catch (e) {
    error = e as ConfigError;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const lines = error!.problems;
  expect(lines.filter((l) => l.startsWith("[NOTIFY-BEAT-SINGLETON]"))).toHaveLength(3);
  expect(lines).toContain(
    "[NOTIFY-DEPLOY-FLOOR] production/notify-api: production/notify-api deploys with a floor of 5 instances, below the incident floor of 25 (9c2ded00c; config/invariants.ts); set deployFloor: 25 or more in config/production.ts (an incident invariant: no acknowledgement in config can accept it)",
  );
  expect(lines.some((l) => l.startsWith("[NOTIFY-DB-CONNECTIONS] production/notify-api: 40 instances x 4 workers x (30 pool + 10 overflow) = 6400"))).toBe(true);
});

test("a breach with the same words in several environments is one line naming them", () => {
  const v = { check: "C", subject: "notify-api", message: "same words" };
  expect(formatViolations([{ ...v, environment: "preview" }, { ...v, environment: "staging" }, { ...v, environment: "production", message: "other words" }] as any)).toEqual([
    "[C] preview+staging/notify-api: same words",
    "[C] production/notify-api: other words",
  ]);
});
