import { beatSingleton } from "../../checks/beat-singleton";
import { app, estateWith, messages } from "./fixtures";

test("two beats fail: every scheduled task would run twice", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-celery-beat").scaling = { mode: "fixed", count: 2 }));
  expect(messages(beatSingleton, envs)).toEqual([
    'production/notify-delivery-celery-beat: notify-delivery-celery-beat must run exactly 1 instance in production (it is 2); set a fixed count in config',
  ]);
});

test("an autoscaled beat fails", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-celery-beat").scaling = { mode: "autoscaled" }));
  expect(beatSingleton.run(envs)).toHaveLength(1);
});

test("exactly one passes", () => {
  expect(beatSingleton.run(estateWith(() => undefined))).toEqual([]);
});

test("beat may be stopped (0) outside production, never in production, and no acknowledgement changes that", () => {
  const zero = (envName: string) =>
    beatSingleton.run(estateWith((e) => (e.apps.find((a: any) => a.name === "notify-delivery-celery-beat").scaling = { mode: "fixed", count: 0 }), [envName as any]));
  expect(zero("preview")).toEqual([]);
  const production = zero("production");
  expect(production.map((v) => [v.subject, v.invariant])).toEqual([["notify-delivery-celery-beat", true]]);
});
