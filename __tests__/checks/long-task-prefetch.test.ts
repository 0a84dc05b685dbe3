import { longTaskPrefetch } from "../../checks/long-task-prefetch";
import { app, estateWith, messages } from "./fixtures";

// a23716210: with the default prefetch, all 18 nightly reporting tasks could land on one instance.
test("a reporting worker with the default prefetch fails", () => {
  const envs = estateWith((e) => delete app(e, "notify-delivery-worker-reporting").process.prefetchMultiplier);
  expect(messages(longTaskPrefetch, envs)).toEqual([
    "production/notify-delivery-worker-reporting: notify-delivery-worker-reporting consumes reporting-tasks, whose tasks run up to " +
      "7200 s, with prefetch multiplier 4 (limit 1); set prefetchMultiplier: 1 on notify-delivery-worker-reporting in config/apps.ts",
  ]);
});

test("prefetch 1 passes", () => {
  expect(longTaskPrefetch.run(estateWith(() => undefined))).toEqual([]);
});
