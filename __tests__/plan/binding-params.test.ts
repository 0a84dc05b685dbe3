import { normaliseBindingParams } from "../../plan/binding-params";

// The deploy's state-settling step (provider 1.16.0, semantics row 4, cloudfoundry/terraform-provider-cloudfoundry#369): it sets null binding params
// of apps to "{}" and refuses to change anything else.
const state = (bindings: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 4,
  terraform_version: "1.11.4",
  serial: 7,
  lineage: "l",
  outputs: {},
  resources: [
    { mode: "managed", type: "cloudfoundry_app", name: "notify-api", provider: "p", instances: [{ schema_version: 0, attributes: { id: "g", service_bindings: bindings, environment: { SECRET: "s" } } }] },
    { mode: "data", type: "cloudfoundry_apps", name: "live", provider: "p", instances: [{ attributes: { apps: [{ service_bindings: [{ service_instance: "x", params: null }] }] } }] },
    { mode: "managed", type: "cloudfoundry_service_credential_binding", name: "notify-db", provider: "p", instances: [{ index_key: "notify-api", attributes: { parameters: null } }] },
  ],
  ...extra,
});

test("[row 4] null params of an app's bindings become \"{}\", the serial goes up by one, and nothing else changes", () => {
  const input = state([{ service_instance: "notify-db", params: null }, { service_instance: "notify-splunk", params: "{}" }]);
  const r = normaliseBindingParams(input);
  if ("problem" in r) throw new Error(r.problem);
  expect(r.fixes).toEqual([{ address: "cloudfoundry_app.notify-api", serviceInstance: "notify-db" }]);
  const expected = state([{ service_instance: "notify-db", params: "{}" }, { service_instance: "notify-splunk", params: "{}" }], { serial: 8 });
  expect(r.state).toEqual(expected);
  // The input is not modified.
  expect((input.resources[0].instances[0].attributes as any).service_bindings[0].params).toBeNull();
});

test("a settled state is left as it is: no fixes, same serial", () => {
  const input = state([{ service_instance: "notify-db", params: "{}" }]);
  const r = normaliseBindingParams(input);
  expect(r).toEqual({ state: input, fixes: [] });
});

test.each([
  ["a plan", { format_version: "1.2", planned_values: {} }],
  ["null", null],
  ["a state of another format", { version: 3, serial: 1, lineage: "l", resources: [] }],
  ["a state without a lineage", { version: 4, serial: 1, resources: [] }],
])("refuses %s", (_what, input) => {
  expect(normaliseBindingParams(input)).toEqual({ problem: expect.stringMatching(/^not a Terraform state/) });
});
