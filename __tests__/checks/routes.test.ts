import { routes } from "../../checks/routes";
import { ALL_ENVS, app, env, estateWith, messages } from "./fixtures";

test("two apps on one route fail", () => {
  const envs = estateWith((e) => app(e, "receipts").publicRoutes.push({ host: "api" }));
  expect(messages(routes, envs)).toEqual([
    "production/receipts: api.example.gov.uk is routed to both notify-api and receipts; give one of them another host or path in config/apps.ts",
  ]);
});

test("the same route in two environments fails (the second push would fail, 10a6f32a0)", () => {
  const envs = estateWith((e) => (env(e, "staging").publicDomain = "preview.example"), ["preview", "staging"]);
  expect(messages(routes, envs)).toEqual([
    "staging/notify-api: api.preview.example is used in both preview and staging; each environment needs its own domain or host",
    "staging/receipts: api.preview.example/receipts is used in both preview and staging; each environment needs its own domain or host",
  ]);
});

test("a worker with a public route fails", () => {
  const envs = estateWith((e) => (app(e, "sender").publicRoutes = [{ host: "jobs" }]));
  expect(routes.run(envs).map((v) => v.message)).toEqual(["sender is a worker but has the public route jobs.example.gov.uk; only web apps take public traffic"]);
});

test("a worker with an internal route passes (internal routes are not public traffic)", () => {
  expect(routes.run(estateWith((e) => (app(e, "sender").internalRoute = true)))).toEqual([]);
});

test("the fixture estate passes in every environment", () => {
  expect(routes.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});
