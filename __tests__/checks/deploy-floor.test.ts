import { deployFloor } from "../../checks/deploy-floor";
import { estate } from "../../config";
import { loadCheckedEstate } from "../../checks";
import { effectiveFloor, INCIDENT_FLOORS } from "../../checks/invariants";
import { env, estateWith, messages } from "./fixtures";

// 9c2ded00c: 502s while a deploy froze the autoscaler; the production API is scaled to 25 first.
test("a production API floor below 25 fails", () => {
  const envs = estateWith((e) => (env(e, "production").scaling["notify-api"].deployFloor = 10));
  expect(messages(deployFloor, envs).filter((m) => m.startsWith("production/notify-api:"))).toEqual([
    "production/notify-api: production/notify-api deploys with a floor of 10 instances, below the incident floor of 25 (9c2ded00c; checks/invariants.ts); set deployFloor: 25 or more in config/production.ts",
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

test("the incident floor cannot be acknowledged away: deployFloor 20 plus an acknowledgement still stops the synth", () => {
  const copy = structuredClone(estate) as any;
  const production = copy.environments.find((e: any) => e.name === "production");
  production.scaling["notify-api"].deployFloor = 20;
  production.scaling["notify-api"].acknowledgements = [{ check: "NOTIFY-DEPLOY-FLOOR", reason: "We would like fewer instances during deploys for a while." }];
  expect(() => loadCheckedEstate(copy)).toThrow(/production\/notify-api deploys with a floor of 20 .* incident invariant: no acknowledgement in config can accept it/);
});

test("the stack deploys at least the incident floor, whatever config says (the same function the plan guard reads)", () => {
  const [production] = estateWith((e) => (env(e, "production").scaling["notify-api"].deployFloor = 3));
  const api = production.apps.find((a) => a.name === "notify-api")!;
  expect(effectiveFloor(production, api)).toBe(25);
  expect(INCIDENT_FLOORS.production).toEqual({ "notify-api": 25 });
});
