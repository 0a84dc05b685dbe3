import { memoryQuota } from "../../checks/memory-quota";
import { formatViolation, runChecks } from "../../checks";
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

test("an assumed quota warns instead of refusing; a measured one refuses", () => {
  const over = (source: string) =>
    runChecks(
      estateWith((e) => {
        const preview = e.environments.find((x: any) => x.name === "preview");
        preview.spaceMemoryQuotaMib = 1024;
        preview.spaceMemoryQuotaSource = source;
      }, ["preview"]),
      [memoryQuota],
    );
  const mine = (vs: readonly { check: string }[]) => vs.filter((v) => v.check === memoryQuota.id);
  const assumed = over("assumed");
  expect([mine(assumed.violations).length, mine(assumed.warnings).length]).toEqual([0, 1]);
  expect(formatViolation(assumed.warnings[0])).toMatch(/over the space quota 1G; .*\(a warning: spaceMemoryQuotaMib in config\/preview\.ts is assumed: confirm it with `cf space-quota`/);
  const measured = over("measured");
  expect([mine(measured.violations).length, mine(measured.warnings).length]).toEqual([1, 0]);
});
