import { describeDifferences as describe, driftReport } from "../../plan/drift";
import { parsePlan } from "../../plan/plan-json";

// The drift job's log is read by more people than the platform's secrets are: it names resources and
// attributes, and the keys of maps config declares; it never shows a value that could carry a secret
// (a command, an endpoint, a variable's value) nor a name someone chose by hand (a variable, a label).
const SECRET = "s3cr3t-in-a-command";
/** A change as the plan's resource_drift holds it. */
const describeDifferences = (change: { actions: string[]; [k: string]: unknown }, declared?: unknown) => describe(change as Parameters<typeof describe>[0], declared);

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
