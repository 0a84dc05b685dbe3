import { deployFloor } from "../../checks/deploy-floor";
import { loadEstate } from "../../checks";
import { effectiveFloor, incidentFloor, INCIDENT_FLOORS } from "../../config/invariants";
import { ALL_ENVS, configWith, env, estateWith, messages } from "./fixtures";

// 9c2ded00c: 502s while a deploy froze the autoscaler; the production API is scaled to 25 first.
test("a production API floor below 25 fails, as an invariant", () => {
  const envs = estateWith((e) => (env(e, "production").scaling["notify-api"].deployFloor = 10));
  expect(messages(deployFloor, envs)).toEqual([
    "production/notify-api: production/notify-api deploys with a floor of 10 instances, below the incident floor of 25 (9c2ded00c; config/invariants.ts); set deployFloor: 25 or more in config/production.ts",
  ]);
  expect(deployFloor.run(envs)[0]).toMatchObject({ invariant: true, value: 10 });
});

test("the floor of 25 itself passes; 24 fails; the incident floor holds in production only", () => {
  const at = (floor: number) => deployFloor.run(estateWith((e) => (env(e, "production").scaling["notify-api"].deployFloor = floor)));
  expect(at(25)).toEqual([]);
  expect(at(24).map((v) => v.value)).toEqual([24]);
  expect(deployFloor.run(estateWith((e) => (env(e, "preview").scaling["notify-api"].deployFloor = 1), ["preview"]))).toEqual([]);
});

test("a floor above the autoscaler minimum fails; at the minimum passes", () => {
  const at = (floor: number) => deployFloor.run(estateWith((e) => (env(e, "production").scaling.sender.deployFloor = floor)));
  expect(at(4)).toEqual([]);
  expect(messages(deployFloor, estateWith((e) => (env(e, "production").scaling.sender.deployFloor = 5)))).toEqual([
    "production/sender: deploy floor 5 exceeds the autoscaler minimum 4, so every deploy scales up what the autoscaler then scales down; lower deployFloor or raise the minimum in config/production.ts",
  ]);
  expect(at(5)[0]).toMatchObject({ value: 5 });
  expect(at(5)[0].invariant).toBeUndefined();
});

test("an autoscaler minimum above its maximum fails", () => {
  const found = deployFloor.run(estateWith((e) => (env(e, "production").scaling.sender.autoscaler = { min: 12, max: 10 })));
  expect(found.map((v) => [v.value, v.message])).toEqual([[12, "autoscaler minimum 12 exceeds its maximum 10; fix config/production.ts"]]);
});

test("a fixed-count app is held to the incident floor by its count", () => {
  const envs = estateWith((e) => {
    e.apps.find((a: any) => a.name === "notify-api").scaling = { mode: "fixed", count: 3 };
    delete env(e, "production").scaling["notify-api"];
    for (const x of e.environments) delete x.scaling["notify-api"];
  });
  expect(deployFloor.run(envs).map((v) => [v.subject, v.value, v.invariant])).toEqual([["notify-api", 3, true]]);
});

test("the fixture estate passes in every environment", () => {
  expect(deployFloor.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});

test("the incident floor cannot be acknowledged away: deployFloor 20 plus an acknowledgement still stops the synth", async () => {
  const config = configWith((e) => {
    const scaling = env(e, "production").scaling["notify-api"];
    scaling.deployFloor = 20;
    scaling.acknowledgements = [{ check: "NOTIFY-DEPLOY-FLOOR", reason: "We would like fewer instances during deploys for a while." }];
  });
  await expect(loadEstate(config)).rejects.toThrow(/production\/notify-api deploys with a floor of 20 .* incident invariant: no acknowledgement in config can accept it/);
});

test("the stack and the plan guard read the same floor: never below the incident floor, whatever config says", () => {
  const [production] = estateWith((e) => (env(e, "production").scaling["notify-api"].deployFloor = 3));
  const api = production.apps.find((a) => a.name === "notify-api")!;
  expect(effectiveFloor(production, api)).toBe(25);
  const sender = production.apps.find((a) => a.name === "sender")!;
  expect(effectiveFloor(production, sender)).toBe(2);
  const [preview] = estateWith(() => undefined, ["preview"]);
  expect(effectiveFloor(preview, preview.apps.find((a) => a.name === "beat")!)).toBe(1);
  expect(INCIDENT_FLOORS).toEqual({ production: { "notify-api": 25 } });
  expect([incidentFloor("production", "notify-api"), incidentFloor("staging", "notify-api"), incidentFloor("production", "sender")]).toEqual([25, 0, 0]);
  expect(Object.isFrozen(INCIDENT_FLOORS) && Object.isFrozen(INCIDENT_FLOORS.production)).toBe(true);
});
