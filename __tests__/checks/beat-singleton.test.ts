import { beatSingleton } from "../../checks/beat-singleton";
import { app, estateWith, messages } from "./fixtures";

test("two beats fail: every scheduled task would run twice", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-celery-beat").scaling = { mode: "fixed", count: 2 }));
  expect(messages(beatSingleton, envs)).toEqual([
    'production/notify-delivery-celery-beat: notify-delivery-celery-beat must run exactly 1 instance (it is 2); set scaling: { mode: "fixed", count: 1 } in config/apps.ts',
  ]);
});

test("an autoscaled beat fails", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-celery-beat").scaling = { mode: "autoscaled" }));
  expect(beatSingleton.run(envs)).toHaveLength(1);
});

test("exactly one passes", () => {
  expect(beatSingleton.run(estateWith(() => undefined))).toEqual([]);
});
