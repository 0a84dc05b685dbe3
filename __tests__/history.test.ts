import { forgottenAddresses, retiredAddresses, statefulAddressesOf } from "../config/lifecycle";
import { STATEFUL_HISTORY } from "../config/stateful-history";
import type { ResolvedEnvironment } from "../config";
import { ENVS, synth } from "./helpers";

// History is how the synth knows what to forget rather than destroy once config stops declaring it:
// every stateful address declared must be in it.
test.each(ENVS)("%s: every app, route and queue address the stack declares is in config/stateful-history.ts", (env) => {
  const missing = Object.entries(statefulAddressesOf(synth(env))).filter(([address, owner]) => STATEFUL_HISTORY[env]?.[address] !== owner);
  if (missing.length) throw new Error(`${missing.length} address(es) missing from config/stateful-history.ts, e.g. ${missing[0][0]}: run npm run history and commit the result`);
});

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

test("the synth writes a removed block (destroy = false) for each forgotten address, and none today", () => {
  for (const e of ENVS) expect((synth(e) as { removed?: unknown }).removed).toBeUndefined();
});
