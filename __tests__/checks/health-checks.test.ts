import { healthChecks } from "../../checks/health-checks";
import { app, estateWith, messages } from "./fixtures";

test("a fractional API timeout (the 2.5 s of 5aaf109ae) fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").healthCheck = { type: "port", invocationTimeoutSeconds: 2.5 }));
  expect(messages(healthChecks, envs)).toEqual([
    "production/notify-api: notify-api health check invocation timeout is 2.5 s; it must be a whole number from 1 to 3 (CF takes integers; longer keeps a broken instance serving)",
  ]);
});

test("a 10 s API timeout fails; a worker with a port check fails", () => {
  const envs = estateWith((e) => {
    app(e, "notify-api").healthCheck = { type: "http", endpoint: "/_status", invocationTimeoutSeconds: 10 };
    app(e, "notify-delivery-worker-jobs").healthCheck = { type: "port", invocationTimeoutSeconds: 1 };
  });
  expect(healthChecks.run(envs).map((v) => v.subject)).toEqual(["notify-api", "notify-delivery-worker-jobs"]);
});

test("the committed estate passes (port 3 s on web, process on workers)", () => {
  expect(healthChecks.run(estateWith(() => undefined))).toEqual([]);
});
