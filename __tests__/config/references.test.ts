import { problems } from "./problems";
import { estate, resolveEnvironment, resolveEstate, type EstateConfig } from "../../config";
import { didYouMean } from "../../config/references";
import { app, env } from "../checks/fixtures";
import { smallEstate } from "../fixtures/small-estate";

// Names config uses resolve: the statsd exporter, retirements (to what some environment declared),
// queues, secrets, scaling entries, secret grants; a misspelling is refused with the nearest name.
/** The small estate with a stateful history in which "old-worker" and "old-tasks" were declared. */
const withHistory = (e: any) => {
  e.statefulHistory = { production: { "cloudfoundry_app.old-worker": "app old-worker", "aws_sqs_queue.old-tasks": "queue old-tasks", "cloudfoundry_app.sender": "app sender" } };
};

test("a misspelt statsd exporter is refused, with the app it was meant to be", () => {
  expect(problems((e) => (e.defaults.statsdExporterApp = "statsd-exportr"))).toEqual([
    'config/defaults.ts: defaults.statsdExporterApp: "statsd-exportr" is no app the spaces hold: neither declared in config/apps.ts nor listed in defaults.otherApps (statsd-exporter); did you mean "statsd-exporter"? Every STATSD_HOST and statsd network policy would aim at it; name the exporter as `cf apps` shows it, or list it in otherApps with the reason',
  ]);
});

test("the exporter may be an app the estate declares, or one listed in otherApps; nothing near gets no suggestion", () => {
  expect(problems((e) => (e.defaults.statsdExporterApp = "beat"))).toEqual([]);
  expect(problems((e) => {
    e.defaults.statsdExporterApp = "prometheus-bridge";
    e.defaults.otherApps.push({ name: "prometheus-bridge", reason: "Forwards the workers' metrics to Prometheus; another team runs it." });
  })).toEqual([]);
  expect(problems((e) => (e.defaults.statsdExporterApp = "zzzzzz"))[0]).toContain("(statsd-exporter) Every STATSD_HOST");
});

test("a retirement of an app or queue no environment ever declared is refused, with the nearest that was", () => {
  expect(problems((e) => {
    withHistory(e);
    e.retired = [
      { kind: "app", name: "old-wroker", reason: "Its work moved to the sender for good." },
      { kind: "queue", name: "old-task", reason: "Nothing publishes to it any more.", drained: true },
    ];
  })).toEqual([
    'config/retired.ts: retired[old-wroker].name: no environment ever declared app "old-wroker" (config/stateful-history.ts), so retiring it destroys nothing; did you mean "old-worker"? Name the app as it was deployed; if it was deployed after the history was last written, run `npm run history` from a commit that still declares it, then retire it',
    'config/retired.ts: retired[old-task].name: no environment ever declared queue "old-task" (config/stateful-history.ts), so retiring it destroys nothing; did you mean "old-tasks"? Name the queue as it was deployed; if it was deployed after the history was last written, run `npm run history` from a commit that still declares it, then retire it',
  ]);
});

test("a retirement of what an environment declared passes; the kinds are not mixed up", () => {
  expect(problems((e) => {
    withHistory(e);
    e.retired = [
      { kind: "app", name: "old-worker", reason: "Its work moved to the sender for good." },
      { kind: "queue", name: "old-tasks", reason: "Nothing publishes to it any more.", drained: true },
    ];
  })).toEqual([]);
  // "old-worker" was an app, not a queue: no suggestion of an already-retired name either.
  const [line] = problems((e) => {
    withHistory(e);
    e.retired = [
      { kind: "queue", name: "old-worker", reason: "Nothing publishes to it any more.", drained: true },
      { kind: "queue", name: "old-tasks", reason: "Nothing publishes to it any more.", drained: true },
    ];
  });
  expect(line).toMatch(/^config\/retired\.ts: retired\[old-worker\]\.name: no environment ever declared queue "old-worker" \(config\/stateful-history\.ts\), so retiring it destroys nothing\. Name the queue/);
});

test("a retirement of something still declared is reported once, by the still-declared rule", () => {
  expect(problems((e) => (e.retired = [{ kind: "app", name: "sender", reason: "Trying to retire an app that is still declared." }]))).toEqual([
    "config/retired.ts: retired[sender].name: app sender is retired and still declared; delete it from config/apps.ts or drop the retirement",
  ]);
});

test.each([
  ["a queue", (e: any) => (app(e, "sender").process.queues = ["send-task"]), 'uses queue "send-task", which config/queues.ts does not declare; did you mean "send-tasks"?'],
  ["a secret", (e: any) => (app(e, "sender").secrets = ["PROVIDER_API_KY"]), 'asks for secret "PROVIDER_API_KY", which config/secrets.ts does not declare; did you mean "PROVIDER_API_KEY"?'],
  ["a scaling entry", (e: any) => (env(e, "staging").scaling.recipts = env(e, "staging").scaling.receipts), 'scaling for unknown app "recipts"; did you mean "receipts"?'],
  ["a secret grant", (e: any) => (e.secrets[1].allowedApps = ["sendr"]), 'secret PROVIDER_API_KEY allows unknown app "sendr"; did you mean "sender"?'],
])("a misspelt reference to %s names the nearest", (_what, change, expected) => {
  expect(problems(change).join("\n")).toContain(expected);
});

test("didYouMean suggests only what is near enough, never the name itself", () => {
  expect(didYouMean("abc", ["abc"])).toBe("");
  expect(didYouMean("abc", [])).toBe("");
  expect(didYouMean("ab", ["xy"])).toBe('; did you mean "xy"?');
  expect(didYouMean("ab", ["xyz"])).toBe("");
  expect(didYouMean("notify-delivery-worker-jobs", ["notify-delivery-worker-bobs", "zzz"])).toBe('; did you mean "notify-delivery-worker-bobs"?');
  // 9 characters: 3 edits are near enough, 4 are not.
  expect(didYouMean("abcdefghi", ["abcdefxyz"])).toBe('; did you mean "abcdefxyz"?');
  expect(didYouMean("abcdefghi", ["abcdewxyz"])).toBe("");
});

test("the committed estate's exporter is one of its other apps, and every retirement names what an environment declared", () => {
  expect(estate.defaults.otherApps.map((a) => a.name)).toContain(estate.defaults.statsdExporterApp);
  expect(resolveEstate()).toHaveLength(3);
});

test("without the reference rule a misspelt exporter resolves: every app's STATSD_HOST aims at an app that does not exist (the attack ran)", () => {
  const copy = smallEstate() as any;
  copy.defaults.statsdExporterApp = "statsd-exportr";
  const preview = resolveEnvironment(copy as EstateConfig, "preview");
  expect(preview.apps.filter((a) => a.sendsStatsd).map((a) => a.env.STATSD_HOST)).toEqual(["statsd-exportr-preview.apps.internal", "statsd-exportr-preview.apps.internal", "statsd-exportr-preview.apps.internal"]);
  expect(problems((e) => (e.defaults.statsdExporterApp = "statsd-exportr"))).toHaveLength(1);
});

test("the names the exporter may be are listed when none is near; a retirement names only its own kind", () => {
  expect(problems((e) => {
    e.defaults.otherApps.push({ name: "metrics-relay", reason: "Relays metrics to the monitoring estate; another team runs it." });
    e.defaults.statsdExporterApp = "zzzzzz";
  })[0]).toContain("nor listed in defaults.otherApps (statsd-exporter, metrics-relay) Every STATSD_HOST");
  // "old-tasks" was a queue: retiring an app of that name is refused with no queue name suggested.
  expect(problems((e) => {
    withHistory(e);
    e.retired = [{ kind: "app", name: "old-tasks", reason: "Its work moved to the sender for good." }];
  })[0]).toMatch(/declared app "old-tasks" \(config\/stateful-history\.ts\), so retiring it destroys nothing\. Name the app/);
  // A declared queue being retired is the still-declared rule's alone.
  expect(problems((e) => {
    withHistory(e);
    e.retired = [{ kind: "queue", name: "send-tasks", reason: "Nothing publishes to it any more.", drained: true }];
  })).toEqual(["config/retired.ts: retired[send-tasks].name: queue send-tasks is retired and still declared; delete it from config/queues.ts or drop the retirement"]);
  // Two misspelt retirements of one kind: each suggests the historical name not already retired.
  expect(problems((e) => {
    withHistory(e);
    e.statefulHistory.production["cloudfoundry_app.old-worker-2"] = "app old-worker-2";
    e.retired = [
      { kind: "app", name: "old-worker-2", reason: "Its work moved to the sender for good." },
      { kind: "app", name: "old-worker-3", reason: "Its work moved to the sender for good." },
    ];
  })[0]).toContain('declared app "old-worker-3" (config/stateful-history.ts), so retiring it destroys nothing; did you mean "old-worker"?');
});
