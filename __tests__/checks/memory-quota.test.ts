import { memoryQuota } from "../../checks/memory-quota";
import { app, estateWith, messages } from "./fixtures";

test("raising the sender to 8G at 30 instances overflows the production quota", () => {
  const envs = estateWith((e) => (app(e, "notify-delivery-worker-sender").memory = "8G"));
  expect(messages(memoryQuota, envs)).toEqual([
    "production/environment: every app at its autoscaler maximum needs 570.5G (584192 MiB), over the space quota 460G; lower maxima or memory, or raise spaceMemoryQuotaMib in config/production.ts with the PaaS team",
  ]);
});

test("a size CF does not accept fails", () => {
  const envs = estateWith((e) => (app(e, "notify-api").memory = "1GB"));
  expect(memoryQuota.run(envs).map((v) => v.subject)).toEqual(["notify-api"]);
});

test("the committed estate passes (450.5G of 460G in production)", () => {
  expect(memoryQuota.run(estateWith(() => undefined, ["preview", "staging", "production"]))).toEqual([]);
});
