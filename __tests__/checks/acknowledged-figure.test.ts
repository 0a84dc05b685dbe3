import { ACCEPTED_HEADROOM_PERCENT, acknowledgedFigure } from "../../checks/acknowledged-figure";
import { ALL_CHECKS, formatViolations, runChecks } from "../../checks";
import { dbConnectionBudget } from "../../checks/db-connection-budget";
import { deployFloor } from "../../checks/deploy-floor";
import { ALL_ENVS, app, env, estateWith } from "./fixtures";

// On the fixture estate: notify-api with pool 30 at its production maximum of 40 is measured at
// 40 x 4 x (30 + 10) = 6400 connections on its own, and acknowledged.
const REASON = "The load test estate runs the API at a larger pool for one week.";
const acknowledging = (accepted: number | undefined, marginPercent?: number) =>
  runChecks(
    estateWith((e) => {
      app(e, "notify-api").database.poolSize = 30;
      app(e, "notify-api").acknowledgements = [{ check: "NOTIFY-DB-CONNECTIONS", reason: REASON, ...(accepted === undefined ? {} : { accepted }), ...(marginPercent === undefined ? {} : { marginPercent }) }];
      env(e, "production").acknowledgements = [{ check: "NOTIFY-DB-CONNECTIONS", reason: REASON }];
    }),
    [dbConnectionBudget],
  );

test("without the check, an accepted figure raised to 999999 passed: the attack ran", () => {
  const r = acknowledging(999999);
  expect(r.acknowledged.map((a) => a.violation.value)).toEqual([6400, expect.any(Number)]);
  // The breach stays accepted; only the new check speaks.
  expect(r.violations.filter((v) => v.check !== acknowledgedFigure.id)).toEqual([]);
});

test("accepted 999999 against a measured 6400 is refused, naming the figures and the fix", () => {
  expect(formatViolations(acknowledging(999999).violations)).toEqual([
    `[NOTIFY-ACKNOWLEDGED-FIGURE] production/notify-api: its acknowledgement of NOTIFY-DB-CONNECTIONS accepts 999999, but NOTIFY-DB-CONNECTIONS measures 6400: accepted may be at most ${ACCEPTED_HEADROOM_PERCENT} % above what is measured (7040); set accepted: 6400`,
  ]);
  expect(acknowledging(999999).violations[0].value).toBe(999999);
});

test("at the measured figure, and up to the headroom, passes; one more is refused", () => {
  expect(ACCEPTED_HEADROOM_PERCENT).toBe(10);
  expect(acknowledging(6400).violations).toEqual([]);
  expect(acknowledging(7040).violations).toEqual([]);
  expect(acknowledging(7041).violations.map((v) => v.check)).toEqual(["NOTIFY-ACKNOWLEDGED-FIGURE"]);
  // No accepted figure: the acknowledgement accepts any figure, as before (the reason is the review).
  expect(acknowledging(undefined).violations).toEqual([]);
  // Below the measurement the breach is not accepted at all: the budget check speaks, not this one.
  expect(acknowledging(6000).violations.map((v) => v.check)).toEqual(["NOTIFY-DB-CONNECTIONS"]);
});

test("a figure accepted for a check that measures none is refused; one line for every environment", () => {
  const envs = estateWith((e) => {
    app(e, "sender").acknowledgements = [{ check: "NOTIFY-DEPLOY-FLOOR", reason: REASON, accepted: 5 }];
    for (const name of ALL_ENVS) env(e, name).scaling.sender = { deployFloor: 5, autoscaler: { min: 4, max: 5 } };
  }, ALL_ENVS);
  const plain = deployFloor.run(envs).map((v) => ({ ...v, value: undefined }));
  expect(plain).toHaveLength(3);
  expect(formatViolations(acknowledgedFigure.run(plain.map((violation) => ({ violation, acknowledgement: { check: "NOTIFY-DEPLOY-FLOOR", reason: REASON, accepted: 5 } }))))).toEqual([
    "[NOTIFY-ACKNOWLEDGED-FIGURE] preview+staging+production/sender: its acknowledgement of NOTIFY-DEPLOY-FLOOR says accepted: 5, but NOTIFY-DEPLOY-FLOOR measures no figure: remove accepted (the acknowledgement accepts the breach as it is)",
  ]);
  // Through runChecks the floor breach carries its figure (5), which the acknowledgement matches exactly.
  expect(runChecks(envs, [deployFloor]).violations).toEqual([]);
});

test("it cannot be acknowledged away: its id is not a check an acknowledgement may name", () => {
  expect(ALL_CHECKS.map((c) => c.id)).not.toContain(acknowledgedFigure.id);
  expect(acknowledgedFigure.description).toMatch(/^Stops .+\.$/);
});
