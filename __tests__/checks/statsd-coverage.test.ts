import { statsdCoverage } from "../../checks/statsd-coverage";
import { app, estateWith, messages } from "./fixtures";

// fff004da2 / 39d7c347b: STATSD_HOST rendered as the string "None" on the API apps.
test("STATSD_HOST='None' without a policy fails", () => {
  const envs = estateWith((e) => {
    const api = app(e, "notify-api");
    api.unsetEnv = [];
    api.env = { STATSD_HOST: "None" };
  });
  expect(messages(statsdCoverage, envs)).toEqual([
    'production/notify-api: notify-api sets STATSD_HOST="None" without a network policy to the exporter, so no metric arrives; set sendsStatsd: true or remove STATSD_HOST in config/apps.ts',
  ]);
});

test("a sender whose STATSD_HOST is overridden away from the exporter fails", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-worker-jobs").env = { STATSD_HOST: "localhost" }));
  expect(statsdCoverage.run(envs).map((v) => v.subject)).toEqual(["notify-delivery-worker-jobs"]);
});

test("a port other than 8125 fails", () => {
  const envs = estateWith((e) => (e.defaults.statsdPort = 9125));
  expect(statsdCoverage.run(envs).map((v) => v.subject)).toEqual(["environment"]);
});

test("the committed estate passes", () => {
  expect(statsdCoverage.run(estateWith(() => undefined, ["preview", "staging", "production"]))).toEqual([]);
});
