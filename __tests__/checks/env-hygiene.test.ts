import { envHygiene } from "../../checks/env-hygiene";
import { app, estateWith, messages } from "./fixtures";

test("a credential typed into config as a literal fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").env = { ZENDESK_API_KEY: "literal" }));
  expect(messages(envHygiene, envs)).toEqual([
    "production/notify-api: notify-api: ZENDESK_API_KEY looks like a credential but has a literal value in config; move it to config/secrets.ts and SSM",
  ]);
});

test("CELERYD_MAX_TASKS_PER_CHILD coming back on the reporting worker fails", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-worker-reporting").env = { CELERYD_MAX_TASKS_PER_CHILD: "1" }));
  expect(envHygiene.run(envs).map((v) => v.message)).toEqual([
    expect.stringMatching(/^notify-delivery-worker-reporting: CELERYD_MAX_TASKS_PER_CHILD is set but must be absent/),
  ]);
});

test("an invalid name fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").env = { "statsd-host": "x" }));
  expect(envHygiene.run(envs)).toHaveLength(1);
});

test("the committed estate passes", () => {
  expect(envHygiene.run(estateWith(() => undefined, ["preview", "staging", "production"]))).toEqual([]);
});
