import { healthChecks, MAX_WEB_INVOCATION_TIMEOUT_SECONDS } from "../../checks/health-checks";
import { ALL_ENVS, app, estateWith, messages } from "./fixtures";

const api = (healthCheck: object) => healthChecks.run(estateWith((e) => (app(e, "notify-api").healthCheck = healthCheck)));

test("a fractional API timeout (the 2.5 s of 5aaf109ae) fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").healthCheck = { type: "port", invocationTimeoutSeconds: 2.5 }));
  expect(messages(healthChecks, envs)).toEqual([
    "production/notify-api: notify-api health check invocation timeout is 2.5 s; it must be a whole number from 1 to 3 (CF takes integers; longer keeps a broken instance serving)",
  ]);
});

test("web timeouts: 1 to 3 whole seconds pass; 0, 4 and 10 fail; the limit is the incident's 3 s", () => {
  expect(MAX_WEB_INVOCATION_TIMEOUT_SECONDS).toBe(3);
  for (const t of [1, 2, 3]) expect(api({ type: "port", invocationTimeoutSeconds: t })).toEqual([]);
  for (const t of [0, 4, 10]) expect(api({ type: "http", endpoint: "/_status", invocationTimeoutSeconds: t }).map((v) => v.subject)).toEqual(["notify-api"]);
});

test("a web app on the process check fails: CF would route to it before it listens", () => {
  expect(api({ type: "process" }).map((v) => v.message)).toEqual([
    "notify-api serves HTTP but uses the process check, so CF routes to it before it listens; use port or http",
  ]);
});

test("a worker or scheduler with a port check fails; with the process check it passes", () => {
  const envs = estateWith((e) => {
    app(e, "sender").healthCheck = { type: "port", invocationTimeoutSeconds: 1 };
    app(e, "beat").healthCheck = { type: "http", endpoint: "/", invocationTimeoutSeconds: 1 };
  });
  expect(messages(healthChecks, envs)).toEqual([
    'production/sender: sender is a worker with a port health check; it listens on no port: use { type: "process" } in config/apps.ts',
    'production/beat: beat is a scheduler with a http health check; it listens on no port: use { type: "process" } in config/apps.ts',
  ]);
});

test("the fixture estate passes (port 3 s on web, process elsewhere)", () => {
  expect(healthChecks.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});
