import { beatSingleton } from "../../checks/beat-singleton";
import { BEAT_REQUIRED_IN } from "../../config/invariants";
import { runChecks } from "../../checks";
import { ALL_ENVS, app, env, estateWith, messages } from "./fixtures";

const beatAt = (count: number | "autoscaled", envs = ALL_ENVS) =>
  estateWith((e) => (app(e, "beat").scaling = count === "autoscaled" ? { mode: "autoscaled" } : { mode: "fixed", count }), envs);

test("two beats fail in every environment: every scheduled task would run twice", () => {
  expect(messages(beatSingleton, beatAt(2))).toEqual([
    "preview/beat: beat must run 0 or 1 instances in preview (it is 2); set a fixed count in config",
    "staging/beat: beat must run 0 or 1 instances in staging (it is 2); set a fixed count in config",
    "production/beat: beat must run exactly 1 instance in production (it is 2); set a fixed count in config",
  ]);
});

test("an autoscaled beat fails", () => {
  const envs = estateWith((e) => {
    app(e, "beat").scaling = { mode: "autoscaled" };
    for (const x of e.environments) x.scaling.beat = { autoscaler: { min: 1, max: 1 } };
  }, ["preview"]);
  expect(messages(beatSingleton, envs)).toEqual(["preview/beat: beat must run 0 or 1 instances in preview (it is autoscaled); set a fixed count in config"]);
});

test("exactly one passes everywhere", () => {
  expect(beatSingleton.run(beatAt(1))).toEqual([]);
});

test("beat may be stopped (0) outside production, never in production, and no acknowledgement changes that", () => {
  expect(BEAT_REQUIRED_IN).toEqual(["production"]);
  expect(beatSingleton.run(beatAt(0, ["preview", "staging"]))).toEqual([]);
  const acknowledged = estateWith((e) => {
    env(e, "production").scaling.beat = { count: 0, acknowledgements: [{ check: "NOTIFY-BEAT-SINGLETON", reason: "We want to pause scheduled tasks for a while." }] };
  });
  const result = runChecks(acknowledged, [beatSingleton]);
  expect(result.violations.map((v) => [v.subject, v.invariant])).toEqual([["beat", true]]);
  expect(result.acknowledged).toEqual([]);
});

test("a per-environment count of 0 for beat applies to that environment only", () => {
  const envs = estateWith((e) => (env(e, "preview").scaling.beat = { count: 0 }), ALL_ENVS);
  expect(envs.map((x) => x.apps.find((a) => a.name === "beat")!.instances)).toEqual([
    { mode: "fixed", count: 0 },
    { mode: "fixed", count: 1 },
    { mode: "fixed", count: 1 },
  ]);
  expect(beatSingleton.run(envs)).toEqual([]);
});

test("an autoscaled beat in production is an invariant breach, reported as autoscaled", () => {
  const envs = estateWith((e) => {
    app(e, "beat").scaling = { mode: "autoscaled" };
    for (const x of e.environments) x.scaling.beat = { autoscaler: { min: 1, max: 1 } };
  });
  expect(beatSingleton.run(envs).map((v) => [v.message, v.invariant])).toEqual([["beat must run exactly 1 instance in production (it is autoscaled); set a fixed count in config", true]]);
});
