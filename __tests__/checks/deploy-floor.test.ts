import { deployFloor } from "../../checks/deploy-floor";
import { env, estateWith, messages } from "./fixtures";

// 9c2ded00c: 502s while a deploy froze the autoscaler; the production API is scaled to 25 first.
test("a production API floor below 25 fails", () => {
  const envs = estateWith((e) => (env(e, "production").scaling["notify-api"].deployFloor = 10));
  expect(messages(deployFloor, envs).filter((m) => m.startsWith("production/notify-api:"))).toEqual([
    "production/notify-api: production/notify-api deploys with a floor of 10 instances, below the required 25; set deployFloor: 25 in config/production.ts",
  ]);
});

test("a floor above the autoscaler minimum fails; the committed sms-receipts one is the only breach", () => {
  const found = deployFloor.run(estateWith(() => undefined, ["preview", "staging", "production"]));
  expect(found.map((v) => `${v.environment}/${v.subject}`)).toEqual(["production/notify-api-sms-receipts"]);
  expect(found[0].message).toMatch(/^deploy floor 10 exceeds the autoscaler minimum 4/);
});

test("floor 25 within min 35 and max 35 passes", () => {
  const found = deployFloor.run(estateWith(() => undefined));
  expect(found.filter((v) => v.subject === "notify-api")).toEqual([]);
});
