import { queueCoverage } from "../../checks/queue-coverage";
import { ALL_ENVS, app, estateWith, messages, queue } from "./fixtures";

test("a queue nobody reads fails, named by its SQS name", () => {
  const envs = estateWith((e) => delete queue(e, "scan-tasks").externalConsumer);
  expect(messages(queueCoverage, envs)).toEqual([
    "production/scan-tasks: productionscan-tasks has no consumer in the estate and no externalConsumer; messages sent to it are never read. Add it to an app's queues or name its external consumer in config/queues.ts",
  ]);
});

test("a queue only beat publishes to, with its consumer gone, fails", () => {
  const envs = estateWith((e) => (app(e, "sender").process.queues = ["send-tasks", "retry-tasks"]));
  expect(queueCoverage.run(envs).map((v) => v.subject)).toEqual(["periodic-tasks"]);
});

test("a worker consuming an undeclared queue fails", () => {
  const envs = estateWith((e) => (e.queues = e.queues.filter((q: any) => q.name !== "report-tasks")));
  expect(messages(queueCoverage, envs)).toEqual([
    "production/reporter: reporter consumes report-tasks, which is not declared; add it to config/queues.ts or fix the name in config/apps.ts",
  ]);
});

test("the fixture estate passes in every environment", () => {
  expect(queueCoverage.run(estateWith(() => undefined, ALL_ENVS))).toEqual([]);
});

test("an app reading another estate's queues (consumesFrom) is not asked to find them in this estate", () => {
  const envs = estateWith((e) => {
    app(e, "reporter").process.queues = ["their-tasks"];
    app(e, "reporter").consumesFrom = { estate: "other", queuePrefix: { preview: "o-preview-", staging: "o-staging-", production: "o-live-" }, reason: "Reads the other estate's queue." };
    e.queues.find((q: any) => q.name === "report-tasks").externalConsumer = { app: "someone", reason: "Read elsewhere now." };
  });
  expect(queueCoverage.run(envs)).toEqual([]);
  // Without consumesFrom the same queue name is an undeclared queue of this estate.
  const own = estateWith((e) => (app(e, "reporter").process.queues = ["their-tasks"]));
  expect(queueCoverage.run(own).map((v) => v.subject)).toEqual(["reporter", "report-tasks"]);
});
