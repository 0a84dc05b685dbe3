import { memoryQuota } from "../../checks/memory-quota";
import { formatViolation, runChecks } from "../../checks";
import { ALL_ENVS, app, env, estateWith, messages } from "./fixtures";

// The fixture's production at every maximum: notify-api 40 x 1G + receipts 2 x 1G + sender 10 x 1G +
// reporter 1G + beat 1G = 54G, quota 60G.
test("raising the sender to 2G at its maximum of 10 overflows the quota, with the arithmetic", () => {
  const envs = estateWith((e) => (app(e, "sender").memory = "2G"));
  expect(messages(memoryQuota, envs)).toEqual([
    "production/environment: every app at its autoscaler maximum needs 64G (65536 MiB), over the space quota 60G; lower maxima or memory, or raise spaceMemoryQuotaMib in config/production.ts with the PaaS team",
  ]);
});

test("at the quota exactly passes; 1.5G on the sender (59G) passes", () => {
  expect(memoryQuota.run(estateWith((e) => (env(e, "production").spaceMemoryQuotaMib = 54 * 1024)))).toEqual([]);
  expect(memoryQuota.run(estateWith((e) => (env(e, "production").spaceMemoryQuotaMib = 54 * 1024 - 1))).map((v) => v.value)).toEqual([54 * 1024]);
  expect(memoryQuota.run(estateWith((e) => (app(e, "sender").memory = "1.5G")))).toEqual([]);
});

test("a size CF does not accept fails, for memory and for disk", () => {
  const envs = estateWith((e) => {
    app(e, "notify-api").memory = "1GB";
    app(e, "sender").diskQuota = "2 G";
  });
  expect(messages(memoryQuota, envs)).toEqual([
    'production/notify-api: notify-api memory "1GB" is not a CF size such as "512M" or "2G"',
    'production/sender: sender diskQuota "2 G" is not a CF size such as "512M" or "2G"',
  ]);
});

test("the fixture estate passes in every environment", () => {
  expect(memoryQuota.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});

test("an assumed quota warns instead of refusing; a measured one refuses", () => {
  const over = (source: string) =>
    runChecks(
      estateWith((e) => {
        const preview = env(e, "preview");
        preview.spaceMemoryQuotaMib = 1024;
        preview.spaceMemoryQuotaSource = source;
      }, ["preview"]),
      [memoryQuota],
    );
  const assumed = over("assumed");
  expect([assumed.violations.length, assumed.warnings.length]).toEqual([0, 1]);
  expect(formatViolation(assumed.warnings[0])).toMatch(/over the space quota 1G; .*\(a warning: spaceMemoryQuotaMib in config\/preview\.ts is assumed: confirm it with `cf space-quota`/);
  const measured = over("measured");
  expect([measured.violations.length, measured.warnings.length]).toEqual([1, 0]);
});
