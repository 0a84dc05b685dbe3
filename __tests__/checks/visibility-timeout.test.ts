import { visibilityTimeout } from "../../checks/visibility-timeout";
import { app, estateWith, messages, queue } from "./fixtures";

// 0ddebc63a: broadcast retries backed off up to 300 s and celery's default prefetch (4) reserved tasks
// ahead of them: SQS returned a reserved task after 310 s and it was sent twice.
const broadcasts = (retry: number, prefetch?: number) =>
  estateWith((e) => {
    queue(e, "broadcast-tasks").maxRetryDelaySeconds = retry;
    const p = app(e, "notify-delivery-worker-broadcasts").process;
    if (prefetch === undefined) delete p.prefetchMultiplier;
    else p.prefetchMultiplier = prefetch;
  });

test("retry delay 300 with celery's default prefetch 4 fails", () => {
  expect(messages(visibilityTimeout, broadcasts(300)).filter((m) => m.includes("broadcast"))).toEqual([
    "production/broadcast-tasks: notify-delivery-worker-broadcasts on broadcast-tasks: retry delay 300 s + prefetch 4 x " +
      "concurrency 2 x 4 s per task + 30 s margin = 362 s exceeds the visibility timeout 310 s, so a reserved task can run twice; " +
      "set prefetchMultiplier: 1 on notify-delivery-worker-broadcasts (config/apps.ts) or lower the retry delay (config/queues.ts)",
  ]);
});

test("retry delay 240 with prefetch 1 passes: 240 + 1 x 2 x 4 + 30 = 278 s", () => {
  expect(messages(visibilityTimeout, broadcasts(240, 1)).filter((m) => m.includes("broadcast"))).toEqual([]);
});

test("the committed estate breaches only on reporting-tasks, which config acknowledges", () => {
  const found = visibilityTimeout.run(estateWith(() => undefined, ["preview", "staging", "production"]));
  expect(found.map((v) => `${v.environment}/${v.subject}=${v.value}`)).toEqual([
    "preview/reporting-tasks=28830",
    "staging/reporting-tasks=28830",
    "production/reporting-tasks=28830",
  ]);
});
