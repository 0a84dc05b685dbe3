import { routes } from "../../checks/routes";
import { app, env, estateWith, messages } from "./fixtures";

test("two apps on one route fail", () => {
  const envs = estateWith((e) => app(e, "notify-api-sms-receipts").publicRoutes.push({ host: "api" }));
  expect(messages(routes, envs)).toEqual([
    "production/notify-api-sms-receipts: api.notifications.service.gov.uk is routed to both notify-api and notify-api-sms-receipts; give one of them another host or path in config/apps.ts",
  ]);
});

test("the same route in two environments fails (the second push would fail, 10a6f32a0)", () => {
  const envs = estateWith((e) => (env(e, "staging").publicDomain = "notify.works"), ["preview", "staging"]);
  expect(routes.run(envs).map((v) => `${v.environment}/${v.subject}`)).toEqual([
    "staging/notify-api",
    "staging/notify-api-sms-receipts",
    "staging/notify-api-sms-receipts",
  ]);
});

test("a worker with a public route fails", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-worker-jobs").publicRoutes = [{ host: "jobs" }]));
  expect(routes.run(envs).map((v) => v.message)).toEqual([
    "notify-delivery-worker-jobs is a worker but has the public route jobs.notifications.service.gov.uk; only web apps take public traffic",
  ]);
});

test("the committed estate passes", () => {
  expect(routes.run(estateWith(() => undefined, ["preview", "staging", "production"]))).toEqual([]);
});
