import { envHygiene } from "../../checks/env-hygiene";
import { ALL_ENVS, app, estateWith, messages } from "./fixtures";

test("a credential typed into config as a literal fails, for each credential-like suffix", () => {
  const envs = estateWith((e) => (app(e, "notify-api").env = { ZENDESK_API_KEY: "literal" }));
  expect(messages(envHygiene, envs)).toEqual([
    "production/notify-api: notify-api: ZENDESK_API_KEY looks like a credential but has a literal value in config; move it to config/secrets.ts and SSM",
  ]);
  for (const name of ["A_SECRET", "DB_PASSWORD", "GH_TOKEN", "BASIC_AUTH"]) {
    expect(envHygiene.run(estateWith((e) => (app(e, "sender").env = { [name]: "x" }))).map((v) => v.subject)).toEqual(["sender"]);
  }
  expect(envHygiene.run(estateWith((e) => (app(e, "sender").env = { KEYBOARD_LAYOUT: "uk", TOKENS_PER_SECOND: "3" })))).toEqual([]);
});

// 7ad0c4103: CELERYD_MAX_TASKS_PER_CHILD removed by a hand-typed cf unset-env.
test("a variable that must be absent coming back fails, with its reason", () => {
  const envs = estateWith((e) => {
    app(e, "reporter").env = { CELERYD_MAX_TASKS_PER_CHILD: "1" };
    app(e, "reporter").unsetEnv = [{ name: "CELERYD_MAX_TASKS_PER_CHILD", reason: "Restarting children mid-report lost work (7ad0c4103)." }];
  });
  expect(messages(envHygiene, envs)).toEqual([
    "production/reporter: reporter: CELERYD_MAX_TASKS_PER_CHILD is set but must be absent (Restarting children mid-report lost work (7ad0c4103).); remove it from config",
  ]);
});

test("an estate-wide unset variable coming back on one app fails", () => {
  const envs = estateWith((e) => (app(e, "beat").env = { OLD_SETTING: "1" }));
  expect(envHygiene.run(envs).map((v) => v.subject)).toEqual(["beat"]);
});

test("an invalid name fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").env = { "statsd-host": "x" }));
  expect(messages(envHygiene, envs)).toEqual(['production/notify-api: notify-api: "statsd-host" is not a valid variable name (upper case, digits, _)']);
});

test("the fixture estate passes in every environment", () => {
  expect(envHygiene.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});
