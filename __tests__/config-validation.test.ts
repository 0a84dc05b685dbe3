import { ConfigError, estate, loadEstate, type EstateConfig } from "../config";

// Malformed config is rejected by the zod schema with the path of each field, all problems at once.
function problems(mutate: (e: any) => void): string[] {
  const copy = structuredClone(estate) as any;
  mutate(copy);
  try {
    loadEstate(copy as EstateConfig);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).problems];
  }
  return [];
}
const app = (e: any, name: string) => e.apps.find((a: any) => a.name === name);
const env = (e: any, name: string) => e.environments.find((x: any) => x.name === name);

test("the committed estate is valid", () => {
  expect(loadEstate().map((e) => e.name)).toEqual(["preview", "staging", "production"]);
});

test("memory must be a CF size: '4GB' is refused and the message names the app and field", () => {
  expect(problems((e) => (app(e, "notify-delivery-worker-sender").memory = "4GB"))).toEqual([
    'apps[notify-delivery-worker-sender].memory: must be a whole number of megabytes or gigabytes, e.g. "512M" or "2G"',
  ]);
});

test("negative or fractional instance figures are refused", () => {
  const found = problems((e) => {
    env(e, "production").scaling["notify-api"].deployFloor = -1;
    env(e, "staging").scaling["notify-api"].autoscaler.max = 25.5;
  });
  expect(found).toEqual([
    "environments[staging].scaling.notify-api.autoscaler.max: Expected integer, received float",
    "environments[production].scaling.notify-api.deployFloor: Number must be greater than or equal to 0",
  ]);
});

test("a misspelled key is refused rather than ignored", () => {
  expect(problems((e) => (app(e, "notify-api").healthcheck = { type: "port" }))).toEqual([
    "apps[notify-api]: Unrecognized key(s) in object: 'healthcheck'",
  ]);
});

test("an unknown environment is refused", () => {
  const found = problems((e) => e.environments.push({ ...env(e, "preview"), name: "prod" }));
  expect(found[0]).toMatch(/^environments\[prod\]\.name: Invalid enum value\. Expected 'preview' \| 'staging' \| 'production', received 'prod'$/);
});

test("an unknown queue in an app's -Q list is refused", () => {
  expect(problems((e) => (app(e, "notify-delivery-worker-jobs").process.queues = ["database-tasks", "jobs-tasks"]))).toEqual([
    'apps[notify-delivery-worker-jobs].process.queues[1]: notify-delivery-worker-jobs uses queue "jobs-tasks", which config/queues.ts does not declare; declare it or fix the name',
  ]);
});

test("a variable both set and unset is refused, with the reason it was unset", () => {
  const found = problems((e) => (app(e, "notify-delivery-worker-reporting").env = { CELERYD_MAX_TASKS_PER_CHILD: "1" }));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(/^apps\[notify-delivery-worker-reporting\]\.unsetEnv: notify-delivery-worker-reporting: CELERYD_MAX_TASKS_PER_CHILD is both set and declared unset \(Restarting/);
});

test("an autoscaled app without limits in an environment is refused", () => {
  expect(problems((e) => delete env(e, "staging").scaling["notify-delivery-worker-jobs"])).toEqual([
    'environments[staging].scaling: staging: autoscaled app notify-delivery-worker-jobs has no autoscaler limits; add "notify-delivery-worker-jobs": { autoscaler: { min, max } }',
  ]);
});

test("several problems are all reported together", () => {
  const found = problems((e) => {
    app(e, "notify-api").memory = "1GB";
    app(e, "notify-api").healthCheck = { type: "port", invocationTimeoutSeconds: 2.5 };
    app(e, "notify-delivery-worker-broadcasts").secrets.push("CBC_PROXY_PASSWORD");
  });
  expect(found).toHaveLength(3);
});
