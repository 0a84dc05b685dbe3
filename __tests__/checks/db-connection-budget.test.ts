import { dbConnectionBudget } from "../../checks/db-connection-budget";
import { runChecks } from "../../checks";
import { app, env, estateWith, messages, only } from "./fixtures";

// ad8cf3f3a: 30 connections x 4 workers x 35 instances, + 10 overflow each = 5600 of 5000.
const apiAt35 = (poolSize: number) =>
  estateWith((e) => {
    only(e, "notify-api");
    app(e, "notify-api").database.poolSize = poolSize;
    env(e, "production").scaling["notify-api"].autoscaler = { min: 35, max: 35 };
  });

test("pool 30 on 35 API instances fails with the incident's arithmetic", () => {
  expect(messages(dbConnectionBudget, apiAt35(30))).toEqual([
    "production/notify-api: 35 instances x 4 workers x (30 pool + 10 overflow) = 5600 connections at full scale exceeds " +
      "the database limit 5000 - 100 reserved = 4900 on its own; lower the pool size in config/apps.ts or the autoscaler maximum in config/production.ts",
    "production/environment: all apps at their autoscaler maxima hold up to 5600 connections, exceeding the database limit " +
      "5000 - 100 reserved = 4900 (largest: notify-api 35 instances x 4 workers x (30 pool + 10 overflow) = 5600); " +
      "lower pool sizes in config/apps.ts or maxima in config/production.ts",
  ]);
});

test("pool 15 passes: 35 x 4 x (15 + 10) = 3500", () => {
  expect(messages(dbConnectionBudget, apiAt35(15))).toEqual([]);
});

test("prefork celery processes count their pool only, no overflow", () => {
  const [prod] = estateWith((e) => only(e, "notify-delivery-worker-sender"));
  expect(dbConnectionBudget.run([prod])).toEqual([]);
  const sender = prod.apps[0];
  expect(sender.database).toMatchObject({ poolSize: 1, maxOverflow: 10 });
});

test("the whole 2022 production estate breaches at its maxima (5507), which config acknowledges", () => {
  const [prod] = estateWith(() => undefined);
  expect(dbConnectionBudget.run([prod]).map((v) => [v.subject, v.value])).toEqual([["environment", 5507]]);
  expect(prod.acknowledgements).toEqual([expect.objectContaining({ check: "NOTIFY-DB-CONNECTIONS", accepted: 5507 })]);
});

describe("provenance and margins", () => {
  const ofThisCheck = (r: ReturnType<typeof runChecks>) => ({
    violations: r.violations.filter((v) => v.check === dbConnectionBudget.id),
    warnings: r.warnings.filter((v) => v.check === dbConnectionBudget.id),
    acknowledged: r.acknowledged,
  });
  // Production with the API alone: 35 instances x 4 workers x (15 pool + 10 overflow) = 3500.
  const apiAlone = (database: object) =>
    ofThisCheck(runChecks(
      estateWith((e) => {
        only(e, "notify-api");
        e.defaults.database = { ...e.defaults.database, ...database };
        env(e, "production").acknowledgements = [];
      }),
      [dbConnectionBudget],
    ));

  test("over the public limit itself: refused", () => {
    const r = apiAlone({ connectionLimit: 3400, reservedConnections: 100 });
    expect([r.violations.length > 0, r.warnings.length]).toEqual([true, 0]);
  });

  test("within the limit but into the assumed reserve: a warning, saying so", () => {
    const r = apiAlone({ connectionLimit: 3550, reservedConnections: 100 });
    expect(r.violations).toEqual([]);
    expect(r.warnings.map((w) => w.assumed)).toEqual([
      "it exceeds only the 100 reserved connections, an assumed figure (config/defaults.ts)",
      "it exceeds only the 100 reserved connections, an assumed figure (config/defaults.ts)",
    ]);
  });

  test("into a measured reserve: refused", () => {
    const r = apiAlone({ connectionLimit: 3550, reservedConnections: 100, reservedConnectionsSource: "measured" });
    expect([r.violations.length > 0, r.warnings.length]).toEqual([true, 0]);
  });

  test("an acknowledgement can accept a margin above its figure: 4 connections over 5507 fail with 0 %, pass with 5 %", () => {
    const withWorker = (marginPercent?: number) =>
      ofThisCheck(runChecks(
        estateWith((e) => {
          e.apps.push({ ...app(e, "notify-delivery-worker-letters"), name: "extra-worker", scaling: { mode: "fixed", count: 1 }, database: { poolSize: 1 }, process: { kind: "celery-worker", concurrency: 4, queues: ["letter-tasks"] } });
          if (marginPercent !== undefined) env(e, "production").acknowledgements[0].marginPercent = marginPercent;
        }),
        [dbConnectionBudget],
      ));
    const strict = withWorker(0);
    expect(strict.violations.map((v) => [v.subject, v.value])).toEqual([["environment", 5511]]);
    const lenient = withWorker(5);
    expect(lenient.violations).toEqual([]);
    expect(lenient.acknowledged.map((a) => [a.violation.subject, a.violation.value])).toEqual([["environment", 5511]]);
  });
});
