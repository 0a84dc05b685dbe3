import * as fs from "fs";
import * as path from "path";
import { bootstrapPlatform } from "../../offline/bootstrap";
import { Platform } from "../../offline/standin/platform";
import { StandinError, StandinProvider } from "../../offline/standin/provider";
import { standinSchemas } from "../../offline/standin/start";
import { PERMISSIONS, RESOURCES, ROWS } from "../../offline/standin/semantics";
import type { CfRole } from "../../config/identities";
import { conform, UNKNOWN, type Obj, type Value } from "../../offline/standin/values";
import { standinTestSpace } from "../fixtures/small-estate";
import { standinArtifact } from "../fixtures/standin-artifact";

// Each behaviour of the real providers that the stand-in implements (the rows of `ROWS` in
// offline/standin/semantics.ts), exercised on a small platform. A test's title
// names the rows it exercises as "[row N]"; the last test fails when a row is exercised by none.
const ROOT = path.join(__dirname, "..", "..");
const { cf: CF, aws: AWS } = standinSchemas(ROOT);
/** The app zip every app here is pushed from. */
const ARTIFACT = standinArtifact();

/** The space these tests run in, with the two services they bind. */
const SPACE = standinTestSpace(["notify-db", "notify-splunk"]);

function fresh(role: CfRole = "SpaceDeveloper") {
  const platform = Platform.inMemory(bootstrapPlatform(SPACE));
  return { platform, cf: new StandinProvider("cloudfoundry", CF, platform, true, role), aws: new StandinProvider("aws", AWS, platform, false) };
}
type P = ReturnType<typeof fresh>;
const cfType = (type: string) => new StandinProvider("cloudfoundry", CF, Platform.inMemory(bootstrapPlatform(SPACE)), true).resourceType(type);
const awsType = (type: string) => new StandinProvider("aws", AWS, Platform.inMemory(bootstrapPlatform(SPACE)), false).resourceType(type);

/** Terraform's proposal: config, with the prior value of every computed attribute config leaves null. */
function propose(prov: StandinProvider, type: string, prior: Obj | null, config: Obj): Obj {
  const attrs = prov.schema.resource_schemas[type].block.attributes!;
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v === null && attrs[k]?.computed && prior ? prior[k] : v]));
}
/** Plan then apply, as one Terraform run would (no refresh). */
function plan(prov: StandinProvider, type: string, prior: Obj | null, config: Obj) {
  return prov.plan(type, prior, propose(prov, type, prior, config), config);
}
function applyConfig(prov: StandinProvider, type: string, prior: Obj | null, config: Obj): Obj {
  return prov.apply(type, prior, plan(prov, type, prior, config).planned) as Obj;
}

const appConfig = (values: Obj = {}): Obj =>
  conform({ name: "a", space_name: "preview", org_name: "govuk-notify", memory: "1G", disk_quota: "2G", instances: 2, path: ARTIFACT, environment: { A: "1" }, ...values }, cfType("cloudfoundry_app")) as Obj;
const createApp = ({ cf }: P, values: Obj = {}) => applyConfig(cf, "cloudfoundry_app", null, appConfig({ service_bindings: [{ service_instance: "notify-db", params: "{}" }], ...values }));
const siId = (p: P, name: string) => p.platform.data.cf.serviceInstances[name].id;
const bindingsOn = (p: P, appId: Value) => Object.values(p.platform.objects("cloudfoundry_service_credential_binding")).filter((b) => b.app === appId);
const routeConfig = (p: P, values: Obj = {}): Obj =>
  conform({ space: p.platform.data.cf.space.id, domain: Object.values(p.platform.data.cf.domains)[0], host: "api", ...values }, cfType("cloudfoundry_route")) as Obj;
const bindingConfig = (p: P, app: Value, service = "notify-db"): Obj =>
  conform({ type: "app", service_instance: siId(p, service), app }, cfType("cloudfoundry_service_credential_binding")) as Obj;
const queueConfig = (values: Obj = {}): Obj => conform({ name: "previewq", visibility_timeout_seconds: 310, ...values }, awsType("aws_sqs_queue")) as Obj;
const hasUnknown = (v: unknown) => JSON.stringify(v).includes('"unknown":true');

describe("cloudfoundry_app", () => {
  test("[row 1] [row 2] [row 5] name, space, org and sidecars replace; configured routes replace", () => {
    const p = fresh();
    const before = createApp(p);
    const changes: Obj[] = [{ name: "b" }, { space_name: "other" }, { org_name: "other" }, { sidecars: [{ name: "s", command: "x", memory: null, process_types: ["web"] }] }, { routes: [{ route: "a.example.org", protocol: null }] }];
    for (const values of changes) {
      expect([values, plan(p.cf, "cloudfoundry_app", before, appConfig(values)).requiresReplace.length]).toEqual([values, 1]);
    }
  });

  test("[row 3] configured service_bindings that change replace the app; left unset, the planned value is the prior STATE's", () => {
    const p = fresh();
    const before = createApp(p);
    expect(plan(p.cf, "cloudfoundry_app", before, appConfig({ service_bindings: [] })).requiresReplace).toEqual(["service_bindings"]);
    const { planned, requiresReplace } = plan(p.cf, "cloudfoundry_app", before, appConfig({ memory: "2G" }));
    expect([(planned as Obj).service_bindings, requiresReplace]).toEqual([before.service_bindings, []]);
  });

  test("[row 4] an imported app's binding params are null, and the schema default makes every plan of it an update", () => {
    const p = fresh();
    const created = createApp(p);
    const imported = p.cf.importState("cloudfoundry_app", String(created.id));
    expect(imported.service_bindings).toEqual([{ service_instance: "notify-db", params: null }]);
    // Refresh keeps null (no prior element with params); the default "{}" differs from it at every plan.
    const refreshed = p.cf.read("cloudfoundry_app", imported) as Obj;
    expect(refreshed.service_bindings).toEqual([{ service_instance: "notify-db", params: null }]);
    const config = appConfig({ path: null });
    const { planned, requiresReplace } = plan(p.cf, "cloudfoundry_app", { ...refreshed, memory: "1G", disk_quota: "2G", stopped: false, instances: 2 }, config);
    expect(requiresReplace).toEqual([]);
    // UseStateForUnknown restores the null params; what remains is an update with unknowns (a push).
    expect((planned as Obj).service_bindings).toEqual([{ service_instance: "notify-db", params: null }]);
    expect([(planned as Obj).id, (planned as Obj).updated_at]).toEqual([UNKNOWN, UNKNOWN]);
    // Its apply keeps null (the plan's element), so the next plan is the same update again.
    const applied = p.cf.apply("cloudfoundry_app", refreshed, planned) as Obj;
    expect(applied.service_bindings).toEqual([{ service_instance: "notify-db", params: null }]);
    expect(hasUnknown(plan(p.cf, "cloudfoundry_app", applied, config).planned)).toBe(true);
  });

  test("[row 4] a state whose binding params are \"{}\" plans no change, and a read keeps them; a binding made later reads null", () => {
    const p = fresh();
    const created = createApp(p);
    expect(created.service_bindings).toEqual([{ service_instance: "notify-db", params: "{}" }]);
    const read = p.cf.read("cloudfoundry_app", created) as Obj;
    expect(hasUnknown(plan(p.cf, "cloudfoundry_app", read, appConfig({ service_bindings: null })).planned)).toBe(false);
    applyConfig(p.cf, "cloudfoundry_service_credential_binding", null, bindingConfig(p, created.id, "notify-splunk"));
    expect((p.cf.read("cloudfoundry_app", read) as Obj).service_bindings).toEqual([
      { service_instance: "notify-db", params: "{}" },
      { service_instance: "notify-splunk", params: null },
    ]);
  });

  test("[row 6] [row 17] any update plans the id unknown, and the push keeps the GUID", () => {
    const p = fresh();
    const before = createApp(p);
    const { planned } = plan(p.cf, "cloudfoundry_app", before, appConfig({ memory: "2G" }));
    expect((planned as Obj).id).toBe(UNKNOWN);
    expect((p.cf.apply("cloudfoundry_app", before, planned) as Obj).id).toBe(before.id);
  });

  test("[row 7] created_at is unknown on every update (no UseStateForUnknown)", () => {
    const p = fresh();
    const before = createApp(p);
    expect((plan(p.cf, "cloudfoundry_app", before, appConfig({ memory: "2G" })).planned as Obj).created_at).toBe(UNKNOWN);
  });

  test("[row 8] stopped is planned false (its default) on create and update, never unknown", () => {
    const p = fresh();
    expect((plan(p.cf, "cloudfoundry_app", null, appConfig()).planned as Obj).stopped).toBe(false);
    const before = createApp(p);
    expect((plan(p.cf, "cloudfoundry_app", before, appConfig({ memory: "2G" })).planned as Obj).stopped).toBe(false);
  });

  test("[row 9] a cf stop by hand is invisible to a refresh; an import has stopped null", () => {
    const p = fresh();
    const state = createApp(p);
    p.platform.put("cloudfoundry_app", String(state.id), { ...p.platform.get("cloudfoundry_app", String(state.id))!, stopped: true });
    expect((p.cf.read("cloudfoundry_app", state) as Obj).stopped).toBe(false);
    expect(p.cf.importState("cloudfoundry_app", String(state.id)).stopped).toBeNull();
  });

  test("[row 10] enable_ssh left unset is unknown at plan, and every push switches SSH off", () => {
    const p = fresh();
    const before = createApp(p);
    expect(before.enable_ssh).toBe(false);
    p.platform.put("cloudfoundry_app", String(before.id), { ...p.platform.get("cloudfoundry_app", String(before.id))!, enable_ssh: true });
    const read = p.cf.read("cloudfoundry_app", before) as Obj;
    const { planned } = plan(p.cf, "cloudfoundry_app", read, appConfig({ memory: "2G" }));
    expect((planned as Obj).enable_ssh).toBe(UNKNOWN);
    p.cf.apply("cloudfoundry_app", read, planned);
    expect(p.platform.get("cloudfoundry_app", String(before.id))!.enable_ssh).toBe(false);
    // Configured, it is what config says.
    const on = applyConfig(p.cf, "cloudfoundry_app", read, appConfig({ enable_ssh: true }));
    expect([on.enable_ssh, p.platform.get("cloudfoundry_app", String(before.id))!.enable_ssh]).toEqual([true, true]);
  });

  test("[row 11] [row 12] unset Optional+Computed attributes are unknown on update and keep the platform's value; an unknown count is pushed as 1", () => {
    const p = fresh();
    const before = createApp(p);
    const { planned } = plan(p.cf, "cloudfoundry_app", before, appConfig({ memory: "2G", instances: null }));
    expect([(planned as Obj).stack, (planned as Obj).health_check_type, (planned as Obj).instances]).toEqual([UNKNOWN, UNKNOWN, UNKNOWN]);
    const after = p.cf.apply("cloudfoundry_app", before, planned) as Obj;
    expect([after.stack, after.health_check_type, after.instances]).toEqual([before.stack, before.health_check_type, 1]);
  });

  test("[row 13] [row 14] cf set-env and cf scale show on refresh; an apply removes every variable config does not set", () => {
    const p = fresh();
    const state = createApp(p);
    p.platform.put("cloudfoundry_app", String(state.id), { ...p.platform.get("cloudfoundry_app", String(state.id))!, instances: 7, environment: { A: "1", MMG_URL: "x" } });
    const read = p.cf.read("cloudfoundry_app", state) as Obj;
    expect([read.instances, read.environment]).toEqual([7, { A: "1", MMG_URL: "x" }]);
    applyConfig(p.cf, "cloudfoundry_app", read, appConfig());
    expect(p.platform.get("cloudfoundry_app", String(state.id))!.environment).toEqual({ A: "1" });
  });

  test("[row 15] what CF cannot report keeps Terraform's value on refresh and is null after import", () => {
    const p = fresh();
    const state = createApp(p);
    expect((p.cf.read("cloudfoundry_app", state) as Obj).path).toBe(ARTIFACT);
    expect(p.cf.importState("cloudfoundry_app", String(state.id)).path).toBeNull();
  });

  test("[row 16] an import reads memory and disk in CC's units; a refresh keeps an equal value from state", () => {
    const p = fresh();
    const state = createApp(p);
    const imported = p.cf.importState("cloudfoundry_app", String(state.id));
    expect([imported.memory, imported.disk_quota]).toEqual(["1024M", "2048M"]);
    const read = p.cf.read("cloudfoundry_app", state) as Obj;
    expect([read.memory, read.disk_quota]).toEqual(["1G", "2G"]);
  });

  test("[row 18] a push binds what its manifest lists and is not bound, and never unbinds", () => {
    const p = fresh();
    const state = createApp(p);
    expect(bindingsOn(p, state.id).length).toBe(1);
    // A push whose planned bindings no longer list notify-db (what a replace-free unbind would need) leaves it bound.
    p.cf.apply("cloudfoundry_app", state, { ...state, service_bindings: [], memory: "2G" });
    expect(bindingsOn(p, state.id).length).toBe(1);
  });

  test("[row 19] deleting an app deletes its bindings and unmaps its routes", () => {
    const p = fresh();
    const app = createApp(p);
    const route = applyConfig(p.cf, "cloudfoundry_route", null, routeConfig(p, { destinations: [{ app_id: app.id, app_process_type: null, port: null, protocol: null, weight: null, id: null }] }));
    p.cf.apply("cloudfoundry_app", app, null);
    expect(bindingsOn(p, app.id)).toEqual([]);
    expect(p.platform.get("cloudfoundry_route", String(route.id))!.destinations).toEqual([]);
  });

  test("[row 20] creating an app whose name exists pushes onto that app: same GUID, its bindings kept", () => {
    const p = fresh();
    const first = createApp(p);
    const second = applyConfig(p.cf, "cloudfoundry_app", null, appConfig({ instances: 5, service_bindings: null }));
    expect(second.id).toBe(first.id);
    expect(Object.keys(p.platform.objects("cloudfoundry_app"))).toEqual([first.id]);
    expect(p.platform.get("cloudfoundry_app", String(first.id))!.instances).toBe(5);
    expect(second.service_bindings).toEqual([{ service_instance: "notify-db", params: null }]);
  });
});

describe("cloudfoundry_route", () => {
  const dest = (app: Value) => ({ app_id: app, app_process_type: null, port: null, protocol: null, weight: null, id: null });

  test("[row 21] [row 25] [row 26] space, domain, host, path, port replace; creating a route that exists fails; import by GUID", () => {
    const p = fresh();
    const route = applyConfig(p.cf, "cloudfoundry_route", null, routeConfig(p));
    for (const k of ["host", "path", "port"]) expect(plan(p.cf, "cloudfoundry_route", route, routeConfig(p, { [k]: k === "port" ? 1 : "x" })).requiresReplace).toEqual([k]);
    expect(() => applyConfig(p.cf, "cloudfoundry_route", null, routeConfig(p))).toThrow(/Route already exists/);
    expect(p.cf.importState("cloudfoundry_route", String(route.id)).host).toBe("api");
  });

  test("[row 22] [row 23] [row 24] a route following an app update: id, url, created_at kept; new destination's computed values unknown, filled at apply", () => {
    const p = fresh();
    const app = createApp(p);
    const created = plan(p.cf, "cloudfoundry_route", null, routeConfig(p, { destinations: [dest(app.id)] })).planned as Obj;
    expect((created.destinations as Obj[])[0]).toMatchObject({ id: UNKNOWN, port: UNKNOWN, protocol: UNKNOWN, app_process_type: UNKNOWN });
    const route = p.cf.apply("cloudfoundry_route", null, created) as Obj;
    expect((route.destinations as Obj[])[0]).toMatchObject({ app_id: app.id, port: 8080, protocol: "http1", app_process_type: "web" });
    expect((route.destinations as Obj[])[0].id).toMatch(/^[0-9a-f-]{36}$/);
    const following = plan(p.cf, "cloudfoundry_route", route, routeConfig(p, { destinations: [dest(UNKNOWN)] })).planned as Obj;
    expect([following.id, following.url, following.created_at]).toEqual([route.id, route.url, route.created_at]);
    expect((following.destinations as Obj[])[0].id).toBe(UNKNOWN);
    // The same app again: CC replaces only the difference, so the destination keeps its GUID.
    const after = p.cf.apply("cloudfoundry_route", route, { ...following, destinations: [{ ...(following.destinations as Obj[])[0], app_id: app.id }] }) as Obj;
    expect((after.destinations as Obj[])[0].id).toBe((route.destinations as Obj[])[0].id);
  });
});

describe("cloudfoundry_service_credential_binding", () => {
  test("[row 27] [row 28] every input replaces; id and created_at keep state", () => {
    const p = fresh();
    const app = createApp(p, { service_bindings: [] });
    const b = applyConfig(p.cf, "cloudfoundry_service_credential_binding", null, bindingConfig(p, app.id));
    expect(plan(p.cf, "cloudfoundry_service_credential_binding", b, bindingConfig(p, app.id, "notify-splunk")).requiresReplace).toEqual(["service_instance"]);
    const { planned } = plan(p.cf, "cloudfoundry_service_credential_binding", b, { ...bindingConfig(p, app.id), labels: { a: "b" } });
    expect([(planned as Obj).id, (planned as Obj).created_at, (planned as Obj).updated_at]).toEqual([b.id, b.created_at, UNKNOWN]);
  });

  test("[row 29] [row 30] [row 31] import by GUID with parameters null; creating one that exists fails; creating one touches no app", () => {
    const p = fresh();
    const app = createApp(p, { service_bindings: [] });
    const before = JSON.stringify(p.platform.get("cloudfoundry_app", String(app.id)));
    const b = applyConfig(p.cf, "cloudfoundry_service_credential_binding", null, bindingConfig(p, app.id));
    expect(JSON.stringify(p.platform.get("cloudfoundry_app", String(app.id)))).toBe(before);
    expect(p.cf.importState("cloudfoundry_service_credential_binding", String(b.id)).parameters).toBeNull();
    expect(() => applyConfig(p.cf, "cloudfoundry_service_credential_binding", null, bindingConfig(p, app.id))).toThrow(/already bound/);
  });
});

describe("cloudfoundry_network_policy", () => {
  const policy = (src: string, dst: string, port = "8125"): Obj => ({ source_app: src, destination_app: dst, port, protocol: "udp" });
  const config = (policies: Obj[]) => conform({ policies }, cfType("cloudfoundry_network_policy")) as Obj;

  test("[row 32] [row 33] [row 34] an update is in place; no import; creating a policy that exists is accepted", () => {
    const p = fresh();
    const one = applyConfig(p.cf, "cloudfoundry_network_policy", null, config([policy("a", "b")]));
    expect(plan(p.cf, "cloudfoundry_network_policy", one, config([policy("a", "b", "9000")])).requiresReplace).toEqual([]);
    expect(() => p.cf.importState("cloudfoundry_network_policy", "x")).toThrow(/Import Not Implemented/);
    expect(() => applyConfig(p.cf, "cloudfoundry_network_policy", null, config([policy("a", "b")]))).not.toThrow();
  });

  test("[row 35] a policy removed out of band reads as the same resource with no policies: an update, not a create", () => {
    const p = fresh();
    const one = applyConfig(p.cf, "cloudfoundry_network_policy", null, config([policy("a", "b")]));
    for (const id of Object.keys(p.platform.objects("cloudfoundry_network_policy"))) p.platform.remove("cloudfoundry_network_policy", id);
    expect(p.cf.read("cloudfoundry_network_policy", one)).toEqual({ policies: [] });
  });
});

describe("data sources", () => {
  const listed = (p: P, c: Obj = {}) => p.cf.readData("cloudfoundry_apps", { space: p.platform.data.cf.space.id, name: null, org: null, apps: null, ...c }).apps as Obj[];

  test("[row 36] [row 37] cloudfoundry_apps lists each app's bindings; no match is an empty list", () => {
    const p = fresh();
    createApp(p);
    expect(listed(p, { name: "a" })[0].service_bindings).toEqual([{ service_instance: "notify-db", params: null }]);
    expect(listed(p, { name: "nope" })).toEqual([]);
  });

  test("[row 38] cloudfoundry_apps entries: the space's GUID, params null, process attributes per process only, routes as mapped; an unknown space is an error", () => {
    const p = fresh();
    const app = createApp(p);
    applyConfig(p.cf, "cloudfoundry_route", null, routeConfig(p, { destinations: [{ app_id: app.id, app_process_type: null, port: null, protocol: null, weight: null, id: null }] }));
    const entry = listed(p, { name: "a" })[0];
    expect([entry.space_name, entry.instances, entry.memory]).toEqual([p.platform.data.cf.space.id, null, null]);
    expect((entry.processes as Obj[])[0]).toMatchObject({ type: "web", instances: 2 });
    expect((entry.routes as Obj[]).map((r) => r.route)).toEqual([`api.${Object.keys(p.platform.data.cf.domains)[0]}`]);
    expect(() => listed(p, { space: "no-such-space" })).toThrow(/API Error Fetching Space/);
  });

  test("[row 39] [row 40] cloudfoundry_routes with no match is []; cloudfoundry_route and the binding data sources fail", () => {
    const p = fresh();
    const c = { space: p.platform.data.cf.space.id, domain: null, host: "nope", path: null, port: null, routes: null };
    expect(p.cf.readData("cloudfoundry_routes", c).routes).toEqual([]);
    expect(() => p.cf.readData("cloudfoundry_route", { ...c, org: null, domain: Object.values(p.platform.data.cf.domains)[0] })).toThrow(/Unable to find route in list/);
    expect(() => p.cf.readData("cloudfoundry_service_credential_bindings", { service_instance: siId(p, "notify-db"), app: "x", name: null })).toThrow(/Unable to find any credential bindings/);
  });

  test("[row 41] the singular cloudfoundry_app answers in its own schema for an app made from a resource's config, and fails for a missing one", () => {
    const p = fresh();
    createApp(p, { strategy: "rolling", app_deployed_running_check_interval: 5, app_deployed_running_timeout: 300 });
    const c = { name: "a", space_name: "preview", org_name: "govuk-notify" };
    const app = p.cf.readData("cloudfoundry_app", c);
    expect([app.name, app.instances, app.memory]).toEqual(["a", 2, "1024M"]);
    expect(() => p.cf.readData("cloudfoundry_app", { ...c, name: "nope" })).toThrow(/Error finding given app/);
  });
});

describe("hashicorp/aws", () => {
  test("[row 42] [row 43] a queue's id is its URL, import by URL; a rename replaces it", () => {
    const { aws } = fresh();
    const created = applyConfig(aws, "aws_sqs_queue", null, queueConfig());
    expect(created.id).toBe("https://sqs.eu-west-1.amazonaws.com/000000000000/previewq");
    expect(plan(aws, "aws_sqs_queue", created, queueConfig({ name: "previewr" })).requiresReplace).toEqual(["name"]);
    expect(aws.importState("aws_sqs_queue", String(created.id)).name).toBe("previewq");
  });

  test("[row 44] creating a queue that exists returns it when the attributes match, and fails with QueueNameExists when they differ", () => {
    const { aws, platform } = fresh();
    const created = applyConfig(aws, "aws_sqs_queue", null, queueConfig());
    expect(applyConfig(aws, "aws_sqs_queue", null, queueConfig()).url).toBe(created.url);
    expect(Object.keys(platform.objects("aws_sqs_queue")).length).toBe(1);
    expect(() => applyConfig(aws, "aws_sqs_queue", null, queueConfig({ visibility_timeout_seconds: 30 }))).toThrow(/QueueNameExists.*visibility_timeout_seconds/);
  });

  test("[row 45] SDKv2 defaults are planned for what config leaves unset, and SQS reports every attribute, so an import reads them", () => {
    const { aws, platform } = fresh();
    const { planned } = plan(aws, "aws_sqs_queue", null, queueConfig());
    expect([(planned as Obj).delay_seconds, (planned as Obj).max_message_size, (planned as Obj).message_retention_seconds, (planned as Obj).visibility_timeout_seconds]).toEqual([0, 262144, 345600, 310]);
    // A queue on the platform as a seed holds it (attributes it was created without are null there).
    const url = "https://sqs.eu-west-1.amazonaws.com/000000000000/seeded";
    platform.put("aws_sqs_queue", url, { id: url, url, name: "seeded", arn: "arn:aws:sqs:eu-west-1:000000000000:seeded" });
    const imported = aws.importState("aws_sqs_queue", url);
    expect([imported.delay_seconds, imported.max_message_size, imported.message_retention_seconds, imported.receive_wait_time_seconds, imported.visibility_timeout_seconds]).toEqual([0, 262144, 345600, 0, 30]);
    // Config that leaves them unset plans the defaults, which are what SQS reported: no change.
    const again = plan(aws, "aws_sqs_queue", imported, queueConfig({ name: "seeded", visibility_timeout_seconds: null })).planned as Obj;
    const defaults = ["delay_seconds", "max_message_size", "message_retention_seconds", "receive_wait_time_seconds", "visibility_timeout_seconds", "fifo_queue", "content_based_deduplication"];
    expect(defaults.map((k) => again[k])).toEqual(defaults.map((k) => imported[k]));
  });

  const policyConfig = (values: Obj = {}) => conform({ name: "p", path: "/", description: "d", policy: "{}", ...values }, awsType("aws_iam_policy")) as Obj;
  const attachmentConfig = (arn: string) => conform({ user: SPACE.appsIamUser, policy_arn: arn }, awsType("aws_iam_user_policy_attachment")) as Obj;

  test("[row 46] [row 47] [row 51] IAM policy: name/path/description replace, id is the ARN, an existing name fails; computed values and tags_all kept on update", () => {
    const { aws } = fresh();
    const pol = applyConfig(aws, "aws_iam_policy", null, policyConfig({ tags: { a: "b" } }));
    expect(pol.id).toBe("arn:aws:iam::000000000000:policy/p");
    for (const k of ["name", "path", "description"]) expect(plan(aws, "aws_iam_policy", pol, policyConfig({ [k]: "/x/", tags: { a: "b" } })).requiresReplace).toEqual([k]);
    expect(() => applyConfig(aws, "aws_iam_policy", null, policyConfig())).toThrow(/EntityAlreadyExists/);
    const { planned } = plan(aws, "aws_iam_policy", pol, policyConfig({ policy: '{"a":1}', tags: { a: "c" } }));
    expect([(planned as Obj).policy_id, (planned as Obj).tags_all]).toEqual([pol.policy_id, { a: "c" }]);
  });

  test("[row 48] [row 49] [row 50] attachment: user and policy_arn replace; created id \"<user>-<unique>\", imported \"<user>-<arn>\"; attaching twice is accepted (assumed)", () => {
    const { aws } = fresh();
    const arn = "arn:aws:iam::000000000000:policy/p";
    const att = applyConfig(aws, "aws_iam_user_policy_attachment", null, attachmentConfig(arn));
    expect(att.id).toMatch(new RegExp(`^${SPACE.appsIamUser}-\\d{26}$`));
    expect(plan(aws, "aws_iam_user_policy_attachment", att, { ...attachmentConfig(arn), user: "other" }).requiresReplace).toEqual(["user"]);
    expect(aws.importState("aws_iam_user_policy_attachment", `${SPACE.appsIamUser}/${arn}`).id).toBe(`${SPACE.appsIamUser}-${arn}`);
    expect((aws.read("aws_iam_user_policy_attachment", att) as Obj).id).toBe(att.id);
    expect(() => applyConfig(aws, "aws_iam_user_policy_attachment", null, attachmentConfig(arn))).not.toThrow();
  });
});

describe("permissions", () => {
  const denied = /Error reading app: cfclient error \(CF-NotAuthorized\|10003\): You are not authorized to perform the requested action/;

  test("[row 52] SpaceAuditor and SpaceSupporter: every app refresh, import and both app data sources get CC's 403; other reads work", () => {
    const dev = fresh();
    const app = createApp(dev);
    for (const role of ["SpaceAuditor", "SpaceSupporter"] as const) {
      const cf = new StandinProvider("cloudfoundry", CF, dev.platform, true, role);
      expect(() => cf.read("cloudfoundry_app", app)).toThrow(denied);
      expect(() => cf.importState("cloudfoundry_app", String(app.id))).toThrow(denied);
      expect(() => cf.readData("cloudfoundry_apps", { space: dev.platform.data.cf.space.id, name: null, org: null, apps: null })).toThrow(denied);
      expect(() => cf.readData("cloudfoundry_app", { name: "a", space_name: "preview", org_name: "govuk-notify" })).toThrow(denied);
      expect(cf.readData("cloudfoundry_org", { name: "govuk-notify" }).id).toBe(dev.platform.data.cf.org.id);
      expect(() => cf.apply("cloudfoundry_app", app, { ...app, instances: 3 })).toThrow(/not authorized/);
    }
  });

  test("[row 52] admin-read-only reads everything and writes nothing; SpaceDeveloper does both; the configured user's role is the platform's", () => {
    const dev = fresh();
    const app = createApp(dev);
    const ro = new StandinProvider("cloudfoundry", CF, dev.platform, true, "admin-read-only");
    expect((ro.read("cloudfoundry_app", app) as Obj).id).toBe(app.id);
    expect(() => ro.apply("cloudfoundry_app", app, { ...app, instances: 3 })).toThrow(/Error updating cloudfoundry_app: .*not authorized/);
    (dev.platform.data.cf as { users?: Record<string, CfRole> }).users = { "cf-plan-preview": "SpaceAuditor", "cf-deploy-preview": "SpaceDeveloper" };
    dev.cf.configure({ user: "cf-plan-preview" });
    expect(() => dev.cf.read("cloudfoundry_app", app)).toThrow(denied);
    dev.cf.configure({ user: "cf-deploy-preview" });
    expect((dev.cf.read("cloudfoundry_app", app) as Obj).id).toBe(app.id);
    expect(() => dev.cf.configure({ user: "someone" })).toThrow(StandinError);
    expect(PERMISSIONS.readManifest.roles).not.toContain("SpaceAuditor");
  });
});

describe("the table", () => {
  const MISMATCHES = [4, 7, 8, 9, 10, 16, 19, 20, 23, 35, 38, 44, 45, 49, 52];
  /** hashicorp/aws's edges (aws-resources.ts): each a difference from the real provider the stand-in no longer has. */
  const AWS_EDGES = [80, 81, 82, 83, 84, 85, 86];

  test("rows 1-52 as first read, Cloud Foundry's edges from 53, hashicorp/aws's edges 80-86: ids unique and ascending, each citing its source; the mismatches fixed, the undeterminable one named an assumption", () => {
    const ids = ROWS.map((r) => r.id);
    expect(ids.slice(0, 52)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect([...new Set(ids)].sort((a, b) => a - b)).toEqual(ids);
    expect(ids.filter((id) => id >= 53 && id <= 79)).toEqual(Array.from({ length: 18 }, (_, i) => i + 53));
    expect(ids.filter((id) => id >= 80 && id <= 99)).toEqual(AWS_EDGES);
    for (const r of ROWS) expect([r.id, r.source.length > 10]).toEqual([r.id, true]);
    expect(ROWS.filter((r) => r.status === "fixed" && (r.id <= 52 || r.id >= 80)).map((r) => r.id)).toEqual([...MISMATCHES, ...AWS_EDGES]);
    expect(ROWS.filter((r) => r.status === "assumed").map((r) => [r.id, r.source.startsWith("assumed: NOT DETERMINABLE")])).toEqual([[50, true]]);
    const cited = [...Object.values(RESOURCES).flatMap((s) => Object.values(s).flatMap((f) => (f && typeof f === "object" && "rows" in f ? (f.rows as number[]) : []))), ...Object.values(PERMISSIONS).flatMap((p) => p.rows)];
    expect(cited.filter((id) => !ROWS.some((r) => r.id === id))).toEqual([]);
  });

  test("every row is exercised by a test whose title names it", () => {
    const dir = __dirname;
    const titles = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/\b(?:test|it|describe)(?:\.each\([^)]*\))?\(\s*(["'`])((?:(?!\1).)*)\1/g)].map((m) => m[2]));
    const named = new Set(titles.flatMap((t) => [...t.matchAll(/\[row (\d+)\]/g)].map((m) => Number(m[1]))));
    expect(ROWS.map((r) => r.id).filter((id) => !named.has(id))).toEqual([]);
  });
});
