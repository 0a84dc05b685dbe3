import { forgottenAddresses, retiredAddresses } from "../../stacks/lifecycle";
import { STATEFUL_HISTORY } from "../../config/stateful-history";
import type { ResolvedEnvironment } from "../../config";
import * as path from "path";
import { mergeHistory, writeHistory } from "../../review/history";
import { environment, ENVS, synth } from "../helpers";

// History is how the synth knows what to forget rather than destroy once config stops declaring it:
// every stateful address declared must be in it. Like a snapshot, `npm test -- -u` (or `npx jest -u`) records new addresses
// (and only then: a plain or CI run fails, so history cannot silently lag behind config).
test("every app, route and queue address the stacks declare is in config/stateful-history.ts", () => {
  const stacks = Object.fromEntries(ENVS.map((e) => [e, synth(e)]));
  const { merged, added } = mergeHistory(STATEFUL_HISTORY, stacks);
  if (!added.length) return;
  if (updatingSnapshots()) {
    writeHistory(path.join(__dirname, "..", ".."), merged);
    return;
  }
  throw new Error(`${added.length} address(es) missing from config/stateful-history.ts, e.g. ${added[0]}: run npm test -- -u (or npx jest -u, or npm run history) and commit the result`);
});

test("mergeHistory adds new addresses with their owner and never drops a recorded one", () => {
  const stack = { resource: { aws_sqs_queue: { q: { "//": { metadata: { path: "preview/queue-q/queue" } } } } } };
  const { merged, added } = mergeHistory({ preview: { "cloudfoundry_app.gone": "app gone" } }, { preview: stack });
  expect(added).toEqual(["preview: aws_sqs_queue.q"]);
  expect(merged).toEqual({ preview: { "aws_sqs_queue.q": "queue q", "cloudfoundry_app.gone": "app gone" } });
  expect(mergeHistory(merged, { preview: stack }).added).toEqual([]);
});

/** Whether jest runs with -u (jest keeps that in the snapshot state of the running test). */
function updatingSnapshots(): boolean {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: string } | undefined;
  return state?._updateSnapshot === "all";
}

const env = (apps: string[], queues: string[], retired: ResolvedEnvironment["retired"] = []) =>
  ({
    apps: apps.map((name) => ({ name })),
    queues: queues.map((name) => ({ name })),
    retired,
    statefulHistory: {
      "cloudfoundry_app.a": "app a",
      "cloudfoundry_route.route_a": "app a",
      "cloudfoundry_app.b": "app b",
      "aws_sqs_queue.q": "queue q",
      "aws_sqs_queue.q-dead-letter": "queue q",
    },
  }) as unknown as ResolvedEnvironment;

test("an owner that leaves config is forgotten with everything it owns; what stays declared is not", () => {
  expect(forgottenAddresses(env(["b"], ["q"]))).toEqual(["cloudfoundry_app.a", "cloudfoundry_route.route_a"]);
  expect(forgottenAddresses(env(["a", "b"], []))).toEqual(["aws_sqs_queue.q", "aws_sqs_queue.q-dead-letter"]);
  expect(forgottenAddresses(env(["a", "b"], ["q"]))).toEqual([]);
});

test("a retired owner is not forgotten (it is destroyed) and its addresses carry the reason", () => {
  const retired = env(["b"], [], [{ kind: "queue", name: "q", reason: "Moved to another estate for good.", drained: true }]);
  expect(forgottenAddresses(retired)).toEqual(["cloudfoundry_app.a", "cloudfoundry_route.route_a"]);
  expect([...retiredAddresses(retired)]).toEqual([
    ["aws_sqs_queue.q", "retired in config/retired.ts: Moved to another estate for good."],
    ["aws_sqs_queue.q-dead-letter", "retired in config/retired.ts: Moved to another estate for good."],
  ]);
});

test("the synth writes a removed block (destroy = false) for each forgotten address, and no other", () => {
  for (const e of ENVS) {
    const forgotten = forgottenAddresses(environment(e));
    const removed = (synth(e) as { removed?: { from: string; lifecycle: unknown }[] }).removed;
    if (!forgotten.length) expect(removed).toBeUndefined();
    else expect(removed).toEqual(forgotten.map((from) => ({ from, lifecycle: { destroy: false } })));
  }
});
