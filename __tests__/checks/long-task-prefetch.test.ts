import { longTaskPrefetch } from "../../checks/long-task-prefetch";
import { ALL_ENVS, app, estateWith, messages, queue } from "./fixtures";

// a23716210: with the default prefetch, all 18 nightly reporting tasks could land on one instance.
test("a celery-multi consumer of long tasks with the default prefetch fails", () => {
  const envs = estateWith((e) => delete app(e, "reporter").process.prefetchMultiplier);
  expect(messages(longTaskPrefetch, envs)).toEqual([
    "production/reporter: reporter consumes report-tasks, whose tasks run up to 60 s, with prefetch multiplier 4 (limit 1); set prefetchMultiplier: 1 on reporter in config/apps.ts",
  ]);
  expect(longTaskPrefetch.run(envs)[0].value).toBe(4);
});

test("a celery-worker consumer with prefetch 2 fails once its queue is long-running", () => {
  const envs = estateWith((e) => {
    app(e, "sender").process.prefetchMultiplier = 2;
    queue(e, "send-tasks").longRunningTasks = true;
  });
  expect(longTaskPrefetch.run(envs).map((v) => [v.subject, v.value])).toEqual([["sender", 2]]);
  expect(longTaskPrefetch.run(estateWith((e) => (app(e, "sender").process.prefetchMultiplier = 2)))).toEqual([]);
});

test("prefetch 1 passes in every environment", () => {
  expect(longTaskPrefetch.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});
