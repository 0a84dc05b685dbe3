import { queueCoverage } from "../../checks/queue-coverage";
import { estateWith, messages, queue } from "./fixtures";

test("a queue nobody reads fails", () => {
  const envs = estateWith((e) => delete queue(e, "govuk-alerts").externalConsumer);
  expect(messages(queueCoverage, envs)).toEqual([
    "production/govuk-alerts: livegovuk-alerts has no consumer in the estate and no externalConsumer; messages sent to it are never read. Add it to an app's queues or name its external consumer in config/queues.ts",
  ]);
});

test("a worker consuming an undeclared queue fails", () => {
  const envs = estateWith((e) => (e.queues = e.queues.filter((q: any) => q.name !== "ses-callbacks")));
  expect(queueCoverage.run(envs).map((v) => v.subject)).toEqual(["notify-delivery-worker-receipts"]);
});

test("the committed estate passes", () => {
  expect(queueCoverage.run(estateWith(() => undefined, ["preview", "staging", "production"]))).toEqual([]);
});
