import { healthCheckTimeout } from "../../checks/health-check-timeout";
import { CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS, FOUNDATIONS } from "../../config/foundations";
import { ALL_ENVS, env, estateWith, messages } from "./fixtures";

const withTimeout = (seconds: number | undefined, mutate: (e: any) => void = () => undefined) =>
  estateWith((e) => {
    e.defaults.startupTimeoutSeconds = seconds;
    mutate(e);
  }, ALL_ENVS);

test("a timeout of 7200 s fails in each environment, naming the field, the value, the limit, whose limit it is and the fix", () => {
  expect(messages(healthCheckTimeout, withTimeout(7200))).toEqual(
    ALL_ENVS.map(
      (name) =>
        `${name}/environment: startupTimeoutSeconds (config/defaults.ts, the health-check timeout of every app: notify-api and 4 more) is 7200 s, ` +
        `above Cloud Controller's default maximum_health_check_timeout (config/foundations.ts does not list https://api.cf.example) of 180 s ` +
        `(config/foundations.ts): Cloud Controller refuses every push ("Maximum exceeded: max 180s"); set it to at most 180, or remove it to keep the foundation's default`,
    ),
  );
  expect(healthCheckTimeout.run(withTimeout(7200)).map((v) => v.value)).toEqual([7200, 7200, 7200]);
});

test("Cloud Controller's default maximum is 180 s: 180 passes, 181 fails, and unset (the foundation's default) passes", () => {
  expect(CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS).toBe(180);
  expect(healthCheckTimeout.run(withTimeout(180))).toEqual([]);
  expect(healthCheckTimeout.run(withTimeout(181)).map((v) => [v.check, v.environment, v.subject])).toEqual(ALL_ENVS.map((e) => ["NOTIFY-HEALTH-CHECK-TIMEOUT", e, "environment"]));
  expect(healthCheckTimeout.run(withTimeout(undefined))).toEqual([]);
});

test("the limit is the environment's foundation's (config/foundations.ts): a foundation that raised it accepts more, and is named", () => {
  const raised = "https://api.raised.example";
  (FOUNDATIONS as Record<string, unknown>)[raised] = { stacks: ["cflinuxfs4"], stacksSource: "test", maximumHealthCheckTimeoutSeconds: 600, maximumHealthCheckTimeoutSource: "test" };
  try {
    const onRaised = (seconds: number) => withTimeout(seconds, (e) => (env(e, "staging").cfApiUrl = raised));
    expect(healthCheckTimeout.run(onRaised(600)).map((v) => v.environment)).toEqual(["preview", "production"]);
    const [staging] = healthCheckTimeout.run(onRaised(601)).filter((v) => v.environment === "staging");
    expect(staging.message).toContain(`is 601 s, above ${raised}'s maximum_health_check_timeout of 600 s (config/foundations.ts)`);
    expect(staging.message).toContain("set it to at most 600");
  } finally {
    delete (FOUNDATIONS as Record<string, unknown>)[raised];
  }
});

test("the GOV.UK PaaS foundation's limit is Cloud Controller's default, with where a team reads its own", () => {
  const paas = FOUNDATIONS["https://api.cloud.service.gov.uk"];
  expect(paas.maximumHealthCheckTimeoutSeconds).toBe(CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS);
  expect(paas.maximumHealthCheckTimeoutSource).toMatch(/cloud_controller\.yml:208/);
  expect(paas.maximumHealthCheckTimeoutSource).toMatch(/cc\.maximum_health_check_timeout/);
});

test("an environment with one app names it; one with none has nothing to push", () => {
  const one = estateWith((e) => {
    e.defaults.startupTimeoutSeconds = 900;
    e.apps = e.apps.filter((a: any) => a.name === "notify-api");
  });
  expect(healthCheckTimeout.run(one)[0].message).toContain("the health-check timeout of every app: notify-api) is 900 s");
  const none = one.map((x) => ({ ...x, apps: [] }));
  expect(healthCheckTimeout.run(none)).toEqual([]);
});
