import { describeDifferences as differences, driftReport } from "../../plan/drift";
import { parsePlan } from "../../plan/plan-json";

// The drift job's log is read by more people than the platform's secrets are: it names resources and
// attributes, and the keys of maps config declares; it never shows a value that could carry a secret
// (a command, an endpoint, a variable's value) nor a name someone chose by hand (a variable, a label).
const SECRET = "s3cr3t-in-a-command";
/** A change as the plan's resource_drift holds it. */
const describeDifferences = (change: { actions: string[]; [k: string]: unknown }, declared?: unknown) => differences(change as Parameters<typeof differences>[0], declared);

test("a text attribute is named, never shown, whoever set it; counts and switches are shown", () => {
  const change = { actions: ["update"], before: { command: "run", health_check_http_endpoint: "/x", instances: 2, stopped: false, memory: "1G" }, after: { command: `run ${SECRET}`, health_check_http_endpoint: `/x?t=${SECRET}`, instances: 3, stopped: true, memory: "2G" } };
  expect(describeDifferences(change)).toEqual(["command changed", "health_check_http_endpoint changed", "instances 2 -> 3", "memory changed", "stopped false -> true"]);
  expect(describeDifferences({ actions: ["update"], before: { instances: null }, after: { instances: 3 } })).toEqual(["instances null -> 3"]);
  expect(describeDifferences({ actions: ["update"], before: { instances: 3 }, after: {} })).toEqual(["instances 3 -> null"]);
  expect(describeDifferences({ actions: ["update"], before: { port: 1 }, after: { port: "1" } })).toEqual(["port changed"]);
  expect(describeDifferences({ actions: ["update"], before: { port: "1" }, after: { port: 1 } })).toEqual(["port changed"]);
  expect(describeDifferences({ actions: ["update"], before: { a: [1] }, after: { a: [2] } })).toEqual(["a changed"]);
  expect(describeDifferences({ actions: ["update"], before: { a: 1 }, after: { a: 2 }, after_sensitive: { a: true } })).toEqual(["a changed"]);
  expect(describeDifferences({ actions: ["update"], before: { a: 1 }, after: { a: 2 }, before_sensitive: { a: true } })).toEqual(["a changed"]);
  expect(describeDifferences({ actions: ["update"], before: null, after: null })).toEqual([]);
});

test("maps: keys config declares are named; any other key is counted, never named", () => {
  const change = {
    actions: ["update"],
    before: { environment: { A: "1", GONE: "x", HAND_1: "a" }, labels: { team: "x" } },
    after: { environment: { A: SECRET, NEW: "y", HAND_2: "b", HAND_3: "c" }, labels: {} },
  };
  const declared = { environment: { A: "1", NEW: "y", GONE: "x" }, labels: {} };
  expect(describeDifferences(change, declared)).toEqual([
    "environment: NEW added; 2 keys config does not declare added; GONE removed; 1 key config does not declare removed; A changed",
    "labels: 1 key config does not declare removed",
  ]);
  expect(describeDifferences(change)).toEqual([
    "environment: 3 keys config does not declare added; 2 keys config does not declare removed; 1 key config does not declare changed",
    "labels: 1 key config does not declare removed",
  ]);
  expect(describeDifferences({ actions: ["update"], before: { tags: { a: "1" } }, after: { tags: null } }, { tags: "x" })).toEqual(["tags: 1 key config does not declare removed"]);
  expect(describeDifferences({ actions: ["update"], before: { tags: {} }, after: { tags: { b: "1", a: "2", c: "3" } } }, { tags: { c: "", b: "", a: "" } })).toEqual(["tags: a, b, c added"]);
  expect(describeDifferences({ actions: ["update"], before: { tags: null }, after: { tags: {} } })).toEqual(["tags: changed"]);
});

test("the report of a hand-set variable: the app's address and the attribute, no name and no value", () => {
  const before = { name: "notify-api", environment: { A: "1" }, command: "run" };
  const live = { name: "notify-api", environment: { A: "1", [`TOKEN_${SECRET}`]: SECRET }, command: `run ${SECRET}` };
  const p = parsePlan({
    format_version: "1.2",
    terraform_version: "1.11.4",
    planned_values: {},
    resource_changes: [{ address: "cloudfoundry_app.notify-api", mode: "managed", type: "cloudfoundry_app", name: "notify-api", change: { actions: ["update"], before: live, after: before } }],
    resource_drift: [{ address: "cloudfoundry_app.notify-api", mode: "managed", type: "cloudfoundry_app", name: "notify-api", change: { actions: ["update"], before, after: live } }],
  });
  if ("problem" in p) throw new Error(p.problem);
  const { lines } = driftReport("production", p.plan);
  expect(JSON.stringify(p.plan)).toContain(SECRET);
  expect(lines).toEqual([
    "drift (production): 1 resource differs from config:",
    "  cloudfoundry_app.notify-api: changed outside Terraform (command changed; environment: 1 key config does not declare added); the next deploy would update it back",
  ]);
});

describe("the report's lines, one per resource the next deploy would change", () => {
  type C = { address: string; mode?: string; actions: string[]; before?: unknown; after?: unknown; unknown?: unknown };
  const entry = (c: C) => ({ address: c.address, mode: c.mode ?? "managed", type: c.address.split(".")[0], name: c.address.split(".")[1], change: { actions: c.actions, before: c.before ?? null, after: c.after ?? null, after_unknown: c.unknown ?? {} } });
  const report = (changes: C[], drift: C[] = []) => {
    const p = parsePlan({ format_version: "1.2", terraform_version: "1.11.4", planned_values: {}, resource_changes: changes.map(entry), resource_drift: drift.map(entry) });
    if ("problem" in p) throw new Error(p.problem);
    return driftReport("staging", p.plan);
  };

  test("nothing pending: no-ops, reads and data sources are not drift", () => {
    const r = report([
      { address: "cloudfoundry_app.a", actions: ["no-op"] },
      { address: "cloudfoundry_app.b", actions: ["read"] },
      { address: "cloudfoundry_app.c", actions: ["no-op", "read"] },
      { address: "data.cloudfoundry_app.d", mode: "data", actions: ["read", "update"] },
    ]);
    expect(r).toEqual({ lines: ["drift (staging): none; the plan is empty"], empty: true });
  });

  test("config not deployed, a follower of another change, deleted outside, changed outside; counted in the header", () => {
    const r = report(
      [
        { address: "aws_sqs_queue.new", actions: ["create"], after: { name: "q" } },
        { address: "cloudfoundry_route.r", actions: ["update"], before: { id: "1", destinations: [{ app_id: "x" }] }, after: { id: "1" }, unknown: { destinations: true, id: false } },
        { address: "cloudfoundry_route.s", actions: ["update"], before: { id: "1", host: "a" }, after: { id: "1", host: "b" }, unknown: { destinations: true } },
        { address: "cloudfoundry_route.t", actions: ["update"], before: { host: "a" }, after: { host: "b" }, unknown: {} },
        { address: "aws_sqs_queue.gone", actions: ["create"], after: { name: "g" } },
        { address: "cloudfoundry_app.api", actions: ["update"], before: { instances: 3 }, after: { instances: 2 } },
        { address: "cloudfoundry_app.same", actions: ["update"], before: { instances: 2 }, after: { instances: 2 } },
      ],
      [
        { address: "aws_sqs_queue.gone", actions: ["delete"], before: { name: "g" }, after: null },
        { address: "cloudfoundry_app.api", actions: ["update"], before: { instances: 2 }, after: { instances: 3 } },
        { address: "cloudfoundry_app.same", actions: ["update"], before: { instances: 2 }, after: { instances: 2 } },
      ],
    );
    expect(r).toEqual({
      empty: false,
      lines: [
        "drift (staging): 7 resources differ from config:",
        "  aws_sqs_queue.new: create: config not yet deployed",
        "  cloudfoundry_route.r: update: follows another change (destinations known only after apply)",
        "  cloudfoundry_route.s: update: config not yet deployed",
        "  cloudfoundry_route.t: update: config not yet deployed",
        "  aws_sqs_queue.gone: deleted outside Terraform; the next deploy would create it",
        "  cloudfoundry_app.api: changed outside Terraform (instances 2 -> 3); the next deploy would update it back",
        "  cloudfoundry_app.same: changed outside Terraform (attributes changed); the next deploy would update it back",
      ],
    });
  });

  test("a replacement's actions are joined; a follower is only an update whose every other attribute is unchanged", () => {
    const r = report([
      { address: "cloudfoundry_route.x", actions: ["delete", "create"], before: { id: "1" }, after: { id: null }, unknown: { id: true } },
      { address: "cloudfoundry_route.y", actions: ["update"], before: "not an object", after: { id: null }, unknown: { id: true } },
      { address: "cloudfoundry_route.z", actions: ["update"], before: { id: "1" }, after: "not an object", unknown: { id: true } },
      { address: "cloudfoundry_route.w", actions: ["update"], before: { id: "1", p: [1] }, after: { id: null, p: [1] }, unknown: { id: [true] } },
    ]);
    expect(r.lines.slice(1)).toEqual([
      "  cloudfoundry_route.x: delete+create: config not yet deployed",
      "  cloudfoundry_route.y: update: config not yet deployed",
      "  cloudfoundry_route.z: update: config not yet deployed",
      "  cloudfoundry_route.w: update: follows another change (id known only after apply)",
    ]);
  });

  test("[row 4] the provider's own re-push is named only for an app, an update, null params, nothing else drifted, only unknowns", () => {
    const before = { name: "a", service_bindings: [{ service_instance: "db", params: null }], id: "g" };
    const line = (c: Partial<C>, drift: C[] = []) => report([{ address: "cloudfoundry_app.a", actions: ["update"], before, after: { ...before, id: null }, unknown: { id: true }, ...c }], drift).lines[1];
    expect(line({})).toContain("re-push only");
    expect(line({ address: "cloudfoundry_route.a" })).not.toContain("re-push only");
    expect(line({ actions: ["delete", "create"] })).not.toContain("re-push only");
    expect(line({ before: { ...before, service_bindings: [{ service_instance: "db", params: "{}" }] } })).not.toContain("re-push only");
    expect(line({ before: { ...before, service_bindings: ["x"] } })).not.toContain("re-push only");
    expect(line({ unknown: {} })).not.toContain("re-push only");
    // Drift that is only in bindings this stack owns still leaves the residual; any other drift does not.
    expect(line({}, [{ address: "cloudfoundry_app.a", actions: ["update"], before, after: before }])).toContain("re-push only");
    expect(line({}, [{ address: "cloudfoundry_app.a", actions: ["update"], before, after: { ...before, instances: 3 } }])).toContain("changed outside Terraform (instances null -> 3)");
    expect(line({}, [{ address: "cloudfoundry_app.a", actions: ["delete"], before, after: null }])).toContain("deleted outside Terraform");
  });
});
