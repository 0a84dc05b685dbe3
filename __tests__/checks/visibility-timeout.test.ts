import { reservation, visibilityTimeout } from "../../checks/visibility-timeout";
import { runChecks } from "../../checks";
import { ALL_ENVS, app, estateWith, messages, queue } from "./fixtures";

// 0ddebc63a: broadcast retries backed off up to 300 s and celery's default prefetch (4) reserved tasks
// ahead of them: SQS returned a reserved task after 310 s and it was sent twice. The fixture's
// send-tasks queue has the broadcast queue's figures (4 s per task, published) and a worker of concurrency 2.
const sending = (retry: number, prefetch?: number, concurrency = 2) =>
  estateWith((e) => {
    const q = queue(e, "send-tasks");
    q.maxRetryDelaySeconds = retry;
    q.maxTaskSecondsSource = "public";
    const p = app(e, "sender").process;
    p.concurrency = concurrency;
    if (prefetch === undefined) delete p.prefetchMultiplier;
    else p.prefetchMultiplier = prefetch;
  });

test("retry delay 300 with celery's default prefetch 4 fails with the incident's arithmetic", () => {
  expect(messages(visibilityTimeout, sending(300))).toEqual([
    "production/send-tasks: sender on send-tasks: retry delay 300 s + prefetch 4 x concurrency 2 x 4 s per task + 30 s margin = 362 s " +
      "exceeds the visibility timeout 310 s, so a reserved task can run twice; set prefetchMultiplier: 1 on sender (config/apps.ts) or lower the retry delay (config/queues.ts)",
  ]);
});

test("retry delay 240 with prefetch 1 passes: 240 + 1 x 2 x 4 + 30 = 278 s; exactly at the timeout passes too", () => {
  expect(visibilityTimeout.run(sending(240, 1))).toEqual([]);
  // 272 + 1 x 2 x 4 + 30 = 310: at the timeout, not over it.
  expect(visibilityTimeout.run(sending(272, 1))).toEqual([]);
  expect(visibilityTimeout.run(sending(273, 1)).map((v) => v.value)).toEqual([311]);
});

test("with prefetch 1 the advice is to lower the delay, task time or concurrency", () => {
  expect(visibilityTimeout.run(sending(300, 1)).map((v) => v.message)).toEqual([expect.stringMatching(/= 338 s exceeds .*; lower the retry delay or the task time \(config\/queues.ts\), or lower the concurrency of sender$/)]);
});

test("a celery-multi consumer counts its concurrency per node, not the whole app", () => {
  // report-tasks: 60 s tasks, 2 nodes x 2 per node. Per node: 0 + 1 x 2 x 60 + 30 = 150 s (passes);
  // counting the whole app (4) would give 270 s. At 100 s per task a node needs 230 s; at 150 s, 330 s.
  const at = (seconds: number) =>
    visibilityTimeout.run(estateWith((e) => (queue(e, "report-tasks").maxTaskSeconds = seconds, (queue(e, "report-tasks").maxTaskSecondsSource = "measured"))));
  expect(at(100)).toEqual([]);
  expect(at(150).map((v) => [v.subject, v.value])).toEqual([["report-tasks", 330]]);
});

test("a consumer with default prefetch on a celery-multi node is counted at 4", () => {
  const found = visibilityTimeout.run(
    estateWith((e) => {
      delete app(e, "reporter").process.prefetchMultiplier;
      queue(e, "report-tasks").maxTaskSecondsSource = "measured";
    }),
  );
  // 0 + 4 x 2 x 60 + 30 = 510 s.
  expect(found.map((v) => v.value)).toEqual([510]);
});

test("beat publishes to the queue but reserves nothing: only its consumer is counted", () => {
  expect(visibilityTimeout.run(estateWith((e) => (queue(e, "periodic-tasks").maxTaskSeconds = 10000)))).toEqual([
    expect.objectContaining({ subject: "periodic-tasks", value: 0 + 1 * 2 * 10000 + 30 }),
  ]);
});

describe("provenance: a breach that rests on an assumed task time warns", () => {
  const result = (retry: number, source?: string) =>
    runChecks(
      estateWith((e) => {
        const q = queue(e, "retry-tasks");
        q.maxTaskSeconds = 200;
        q.maxRetryDelaySeconds = retry;
        if (source) q.maxTaskSecondsSource = source;
      }),
      [visibilityTimeout],
    );

  test("assumed task time: a warning that says which figure to confirm", () => {
    const r = result(0);
    expect(r.violations).toEqual([]);
    expect(r.warnings.map((w) => [w.subject, w.value, w.assumed])).toEqual([
      ["retry-tasks", 430, "it rests on 200 s per task, an assumed figure: measure it and set maxTaskSeconds with maxTaskSecondsSource on retry-tasks in config/queues.ts"],
    ]);
  });

  test("measured task time: refused", () => {
    const r = result(0, "measured");
    expect([r.violations.map((v) => v.subject), r.warnings]).toEqual([["retry-tasks"], []]);
  });

  test("a retry delay that breaches on its own is refused whatever the task time's source", () => {
    const r = result(290);
    expect([r.violations.map((v) => v.subject), r.warnings]).toEqual([["retry-tasks"], []]);
  });
});

test("the fixture estate passes in every environment", () => {
  expect(visibilityTimeout.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});

test("only celery processes reserve tasks: a web app or beat has no reservation", () => {
  const [production] = estateWith(() => undefined);
  const by = (name: string) => reservation(production.apps.find((a) => a.name === name)!);
  expect([by("notify-api"), by("beat")]).toEqual([undefined, undefined]);
  expect([by("sender"), by("reporter")]).toEqual([{ prefetch: 1, concurrency: 2 }, { prefetch: 1, concurrency: 2 }]);
});

test("a retry delay that fills the timeout exactly with the margin still rests on the task time (a warning)", () => {
  // 280 + 30 = 310: not a breach without the task time; 281 + 30 is.
  const r = (retry: number) =>
    runChecks(
      estateWith((e) => {
        queue(e, "retry-tasks").maxTaskSeconds = 50;
        queue(e, "retry-tasks").maxRetryDelaySeconds = retry;
      }),
      [visibilityTimeout],
    );
  expect([r(280).violations.length, r(280).warnings.length]).toEqual([0, 1]);
  expect([r(281).violations.length, r(281).warnings.length]).toEqual([1, 0]);
});
