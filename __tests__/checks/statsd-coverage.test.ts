import { statsdCoverage } from "../../checks/statsd-coverage";
import { ALL_ENVS, app, estateWith, messages } from "./fixtures";

// fff004da2 / 39d7c347b: STATSD_HOST rendered as the string "None" on the API apps.
test("STATSD_HOST='None' on an app without a policy fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").env = { STATSD_HOST: "None" }));
  expect(messages(statsdCoverage, envs)).toEqual([
    'production/notify-api: notify-api sets STATSD_HOST="None" without a network policy to the exporter, so no metric arrives; set sendsStatsd: true or remove STATSD_HOST in config/apps.ts',
  ]);
});

test("a sender whose STATSD_HOST is overridden away from the exporter fails, naming what it should be", () => {
  const envs = estateWith((e) => (app(e, "sender").env = { STATSD_HOST: "localhost" }));
  expect(messages(statsdCoverage, envs)).toEqual([
    'production/sender: sender has a policy to statsd-exporter but STATSD_HOST is "localhost", not "statsd-exporter-production.apps.internal"; remove the override in config/apps.ts',
  ]);
});

test("a sender without STATSD_HOST fails as absent (a resolved app, as a resolver bug would leave it)", () => {
  const [production] = estateWith(() => undefined);
  const apps = production.apps.map((a) => (a.name === "sender" ? { ...a, env: Object.fromEntries(Object.entries(a.env).filter(([k]) => k !== "STATSD_HOST")) } : a));
  expect(statsdCoverage.run([{ ...production, apps }]).map((v) => v.message)).toEqual([
    'sender has a policy to statsd-exporter but STATSD_HOST is absent, not "statsd-exporter-production.apps.internal"; remove the override in config/apps.ts',
  ]);
});

test("a port other than 8125 fails", () => {
  const envs = estateWith((e) => (e.defaults.statsdPort = 9125));
  expect(messages(statsdCoverage, envs)).toEqual([
    "production/environment: statsd policies open UDP 9125, but the apps send to 8125; set statsdPort: 8125 in config/defaults.ts",
  ]);
});

test("apps that send with the derived host, and apps that neither send nor set it, pass in every environment", () => {
  expect(statsdCoverage.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});
