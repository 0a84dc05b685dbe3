import { driftReport } from "../../plan/drift";
import { parsePlan } from "../../plan/plan-json";

// The drift report on the two things provider 1.16.0 does to an app's bindings: a binding made or
// removed by hand shows only in the app's service_bindings, and a binding whose params are null in
// state makes the provider plan a push by itself (semantics row 4, cloudfoundry/terraform-provider-cloudfoundry#369).
const app = (bindings: { service_instance: string; params: string | null }[], extra: object = {}) => ({ name: "notify-api", instances: 2, service_bindings: bindings, ...extra });
const UNKNOWN_AFTER = { id: true, updated_at: true, enable_ssh: true };
function plan(changes: object[], drift: object[] = []) {
  const p = parsePlan({ format_version: "1.2", terraform_version: "1.11.4", planned_values: {}, resource_changes: changes, resource_drift: drift });
  if ("problem" in p) throw new Error(p.problem);
  return p.plan;
}
const change = (address: string, actions: string[], before: object | null, after: object | null, unknown: object = {}, index?: string) => ({
  address,
  mode: "managed",
  type: address.split(".")[0],
  name: address.split(".")[1].replace(/\[.*$/, ""),
  ...(index ? { index } : {}),
  change: { actions, before, after, after_unknown: unknown },
});
const db = { service_instance: "notify-db", params: "{}" };

test("[row 4] an app whose only planned change is the provider's own re-push (null params in state) is named as that, and still reported", () => {
  const before = app([{ service_instance: "notify-db", params: null }], { id: "g" });
  const { lines, empty } = driftReport("preview", plan([change("cloudfoundry_app.notify-api", ["update"], before, { ...before, id: null }, UNKNOWN_AFTER)]));
  expect(empty).toBe(false);
  expect(lines[1]).toMatch(/^ {2}cloudfoundry_app\.notify-api: update: provider 1\.16\.0 re-push only: .*cloudfoundry\/terraform-provider-cloudfoundry#369/);
});

test("a configured change on such an app is a real change, never labelled the residual", () => {
  const before = app([{ service_instance: "notify-db", params: null }], { id: "g" });
  const { lines } = driftReport("preview", plan([change("cloudfoundry_app.notify-api", ["update"], before, { ...before, instances: 3, id: null }, UNKNOWN_AFTER)]));
  expect(lines[1]).toBe("  cloudfoundry_app.notify-api: update: config not yet deployed");
});

test("[row 18] a binding made by hand is counted (its service's name is someone's choice), and the report says a push will not unbind it; one this stack owns is not drift of the app", () => {
  const before = app([db], { id: "g" });
  const after = app([db, { service_instance: "notify-splunk", params: null }, { service_instance: "notify-new", params: null }], { id: "g" });
  const p = plan(
    [change("cloudfoundry_app.notify-api", ["update"], after, { ...before, id: null }, UNKNOWN_AFTER), change('cloudfoundry_service_credential_binding.notify-new["notify-api"]', ["no-op"], { id: "b" }, { id: "b" }, {}, "notify-api")],
    [change("cloudfoundry_app.notify-api", ["update"], before, after)],
  );
  expect(driftReport("preview", p).lines[1]).toBe(
    "  cloudfoundry_app.notify-api: changed outside Terraform (service_bindings: bound outside Terraform: 1 service instance config does not name); the next deploy would update it, and a push never unbinds: unbind it by hand or bind it in config",
  );
});

test("[row 18] a service config binds, bound or unbound by hand, is named", () => {
  const both = app([db, { service_instance: "notify-splunk", params: "{}" }], { id: "g" });
  const p = plan([change("cloudfoundry_app.notify-api", ["update"], both, { ...both, id: null }, UNKNOWN_AFTER)], [change("cloudfoundry_app.notify-api", ["update"], app([db], { id: "g" }), both)]);
  expect(driftReport("preview", p).lines[1]).toContain("(service_bindings: notify-splunk bound outside Terraform)");
  const three = app([{ service_instance: "z-svc", params: "{}" }, db, { service_instance: "a-svc", params: "{}" }], { id: "g" });
  const sorted = plan([change("cloudfoundry_app.notify-api", ["update"], three, { ...three, id: null }, UNKNOWN_AFTER)], [change("cloudfoundry_app.notify-api", ["update"], app([], { id: "g" }), three)]);
  expect(driftReport("preview", sorted).lines[1]).toContain("(service_bindings: a-svc bound outside Terraform; service_bindings: notify-db bound outside Terraform; service_bindings: z-svc bound outside Terraform)");
  const gone = plan([change("cloudfoundry_app.notify-api", ["update"], app([], { id: "g" }), { ...app([db]), id: null }, UNKNOWN_AFTER)], [change("cloudfoundry_app.notify-api", ["update"], app([db], { id: "g" }), app([], { id: "g" }))]);
  expect(driftReport("preview", gone).lines[1]).toContain("(service_bindings: notify-db unbound outside Terraform)");
  const two = plan([change("cloudfoundry_app.notify-api", ["update"], app([], { id: "g" }), { ...app([]), id: null }, UNKNOWN_AFTER)], [change("cloudfoundry_app.notify-api", ["update"], app([db, { service_instance: "x", params: null }], { id: "g" }), app([], { id: "g" }))]);
  expect(driftReport("preview", two).lines[1]).toContain("(service_bindings: unbound outside Terraform: 2 service instances config does not name)");
});
