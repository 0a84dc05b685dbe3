import { dbConnectionBudget } from "../../checks/db-connection-budget";
import { runChecks } from "../../checks";
import { ALL_ENVS, app, env, estateWith, messages, only } from "./fixtures";

// ad8cf3f3a: 30 connections x 4 workers x 35 instances, + 10 overflow each = 5600 of 5000. The
// fixture's database has the incident's figures: limit 5000 (public), 100 reserved (assumed).
const apiAt35 = (poolSize: number) =>
  estateWith((e) => {
    only(e, "notify-api");
    app(e, "notify-api").database.poolSize = poolSize;
    env(e, "production").scaling["notify-api"].autoscaler = { min: 35, max: 35 };
  });

test("pool 30 on 35 API instances fails with the incident's arithmetic, for the app and the environment", () => {
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

test("exactly at the budget passes; one over fails", () => {
  // 35 x 4 x (25 + 10) = 4900 = 5000 - 100.
  const at = (reserved: number) =>
    dbConnectionBudget.run(
      estateWith((e) => {
        only(e, "notify-api");
        app(e, "notify-api").database.poolSize = 25;
        env(e, "production").scaling["notify-api"].autoscaler = { min: 35, max: 35 };
        e.defaults.database.reservedConnections = reserved;
      }),
    );
  expect(at(100)).toEqual([]);
  expect(at(101).map((v) => [v.subject, v.value])).toEqual([["notify-api", 4900], ["environment", 4900]]);
});

test("the environment's total names its three largest users, largest first", () => {
  const [production] = estateWith((e) => {
    app(e, "notify-api").database.poolSize = 30;
    app(e, "receipts").database.poolSize = 200;
    app(e, "sender").database.poolSize = 100;
  });
  const [total] = dbConnectionBudget.run([production]).filter((v) => v.subject === "environment");
  // notify-api 40 x 4 x 40 = 6400; receipts 2 x 2 x 210 = 840; sender 10 x 2 x 100 = 2000 (prefork: no overflow).
  expect(total.message).toContain(
    "(largest: notify-api 40 instances x 4 workers x (30 pool + 10 overflow) = 6400; sender 10 instances x 2 processes x 100 pool = 2000; receipts 2 instances x 2 workers x (200 pool + 10 overflow) = 840)",
  );
});

test("prefork celery processes count their pool only, no overflow", () => {
  const [production] = estateWith((e) => {
    only(e, "sender");
    app(e, "sender").database.poolSize = 245;
  });
  // 10 x 2 x 245 = 4900: at the budget. With overflow it would be 10 x 2 x 255 = 5100.
  expect(dbConnectionBudget.run([production])).toEqual([]);
});

test("the fixture estate passes in every environment", () => {
  expect(dbConnectionBudget.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});

describe("provenance and margins", () => {
  const ofThisCheck = (r: ReturnType<typeof runChecks>) => ({
    violations: r.violations.filter((v) => v.check === dbConnectionBudget.id),
    warnings: r.warnings.filter((v) => v.check === dbConnectionBudget.id),
    acknowledged: r.acknowledged,
  });
  // Production with the API alone at 35: 35 x 4 x (15 pool + 10 overflow) = 3500.
  const apiAlone = (database: object) =>
    ofThisCheck(
      runChecks(
        estateWith((e) => {
          only(e, "notify-api");
          app(e, "notify-api").database.poolSize = 15;
          env(e, "production").scaling["notify-api"].autoscaler = { min: 35, max: 35 };
          e.defaults.database = { ...e.defaults.database, ...database };
        }),
        [dbConnectionBudget],
      ),
    );

  test("over the public limit itself: refused", () => {
    const r = apiAlone({ connectionLimit: 3400, reservedConnections: 100 });
    expect([r.violations.map((v) => v.subject), r.warnings.length]).toEqual([["notify-api", "environment"], 0]);
  });

  test("within the limit but into the assumed reserve: a warning, saying so", () => {
    const r = apiAlone({ connectionLimit: 3550, reservedConnections: 100 });
    expect(r.violations).toEqual([]);
    expect(r.warnings.map((w) => [w.subject, w.assumed])).toEqual([
      ["notify-api", "it exceeds only the 100 reserved connections, an assumed figure (config/defaults.ts)"],
      ["environment", "it exceeds only the 100 reserved connections, an assumed figure (config/defaults.ts)"],
    ]);
  });

  test("exactly at the limit, into the assumed reserve: still only a warning", () => {
    const r = apiAlone({ connectionLimit: 3500, reservedConnections: 100 });
    expect([r.violations.length, r.warnings.length]).toEqual([0, 2]);
  });

  test("into a measured reserve, or an assumed limit: refused", () => {
    for (const database of [
      { connectionLimit: 3550, reservedConnections: 100, reservedConnectionsSource: "measured" },
      { connectionLimit: 3550, reservedConnections: 100, connectionLimitSource: "assumed" },
    ]) {
      const r = apiAlone(database);
      expect([r.violations.length, r.warnings.length]).toEqual([2, 0]);
    }
  });

  test("an acknowledgement can accept a margin above its figure", () => {
    // The environment total at pool 30, API at 40: 6400 + 44 + 20 + 8 + 2 (see the capacity tests).
    const total = (marginPercent?: number, accepted = 6400) =>
      ofThisCheck(
        runChecks(
          estateWith((e) => {
            app(e, "notify-api").database.poolSize = 30;
            app(e, "notify-api").acknowledgements = [];
            env(e, "production").acknowledgements = [{ check: "NOTIFY-DB-CONNECTIONS", reason: "Accepted for a load test this week.", accepted, ...(marginPercent === undefined ? {} : { marginPercent }) }];
          }),
          [dbConnectionBudget],
        ),
      );
    const exact = total(undefined);
    const value = exact.violations.find((v) => v.subject === "environment")!.value!;
    expect(value).toBeGreaterThan(6400);
    expect(total(undefined, value).violations.map((v) => v.subject)).toEqual(["notify-api"]);
    expect(total(0, value - 1).violations.map((v) => v.subject)).toEqual(["notify-api", "environment"]);
    // value - 1 plus 1 % covers value; the app's own breach is another subject and stays.
    expect(total(1, value - 1).violations.map((v) => v.subject)).toEqual(["notify-api"]);
    expect(total(1, value - 1).acknowledged.map((a) => [a.violation.subject, a.violation.value])).toEqual([["environment", value]]);
  });
});
