import * as fs from "fs";
import * as path from "path";
import { bootstrapPlatform } from "../../offline/bootstrap";
import { isZipWithEntries } from "../../offline/standin/cf-push";
import { CF_VALIDATORS, validateCfConfig } from "../../offline/standin/cf-validators";
import { Platform, type PlatformData } from "../../offline/standin/platform";
import { normalisedPort, StandinProvider } from "../../offline/standin/provider";
import { ROWS } from "../../offline/standin/semantics";
import { standinSchemas } from "../../offline/standin/start";
import { conform, UNKNOWN, type Obj } from "../../offline/standin/values";
import { standinTestSpace } from "../fixtures/small-estate";
import { standinArtifact } from "../fixtures/standin-artifact";

// Cloud Foundry at the provider's and Cloud Controller's edges (semantics rows 53-70): the schema
// validators, CC's limits, the push step by step, and what Read maps back. Each test's title names its rows.
const ROOT = path.join(__dirname, "..", "..");
const { cf: CF } = standinSchemas(ROOT);
const ARTIFACT = standinArtifact();
const SPACE = standinTestSpace(["notify-db"]);

function fresh(cf: Partial<PlatformData["cf"]> = {}) {
  const data = bootstrapPlatform(SPACE);
  const platform = Platform.inMemory({ ...data, cf: { ...data.cf, ...cf } });
  return { platform, cf: new StandinProvider("cloudfoundry", CF, platform, true) };
}
type P = ReturnType<typeof fresh>;
const cfType = (type: string) => fresh().cf.resourceType(type);
const appConfig = (values: Obj = {}): Obj =>
  conform({ name: "a", space_name: "preview", org_name: "govuk-notify", memory: "1G", instances: 2, path: ARTIFACT, strategy: "rolling", timeout: 60, environment: { A: "1", OLD: "x" }, ...values }, cfType("cloudfoundry_app")) as Obj;

/** Terraform's proposal: config, with the prior value of every computed attribute config leaves null. */
function propose(type: string, prior: Obj | null, config: Obj): Obj {
  const attrs = CF.resource_schemas[type].block.attributes!;
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v === null && attrs[k]?.computed && prior ? prior[k] : v]));
}
const plan = (p: P, type: string, prior: Obj | null, config: Obj) => p.cf.plan(type, prior, propose(type, prior, config), config);
const apply = (p: P, type: string, prior: Obj | null, config: Obj) => p.cf.apply(type, prior, plan(p, type, prior, config).planned) as Obj;
const live = (p: P, state: Obj) => p.platform.get("cloudfoundry_app", String(state.id))!;
const steps = (p: P, name = "a") => (p.platform.pushes.get(name) ?? []).map((s) => s.step);

describe("validation (ValidateResourceConfig)", () => {
  const v = (type: string, values: Obj) => validateCfConfig(type, conform(values, cfType(type)) as Obj);

  test("[row 53] an app needs exactly one of path and docker_image, with the framework's message; unknown is not judged", () => {
    expect(v("cloudfoundry_app", appConfig({ path: null }))).toEqual([
      { severity: "ERROR", summary: "Invalid Attribute Combination", detail: "No attribute specified when one (and only one) of [docker_image,path] is required", attribute: "path" },
    ]);
    expect(v("cloudfoundry_app", appConfig({ docker_image: "redis:7" }))[0].detail).toBe("2 attributes specified when one (and only one) of [docker_image,path] is required");
    expect(v("cloudfoundry_app", appConfig())).toEqual([]);
    expect(validateCfConfig("cloudfoundry_app", { ...appConfig(), path: UNKNOWN })).toEqual([]);
  });

  test("[row 54] processes conflicts with app-level process attributes; docker_credentials needs docker_image", () => {
    const out = v("cloudfoundry_app", appConfig({ processes: [{ type: "web", instances: 2 }] }));
    expect(out.map((d) => d.detail)).toEqual(['Attribute "instances" cannot be specified when "processes" is specified', 'Attribute "memory" cannot be specified when "processes" is specified', 'Attribute "timeout" cannot be specified when "processes" is specified']);
    expect(v("cloudfoundry_app", appConfig({ instances: null, memory: null, timeout: null, processes: [{ type: "web", instances: 2 }] }))).toEqual([]);
    expect(v("cloudfoundry_app", appConfig({ docker_credentials: { username: "u", password: "p" } }))[0].detail).toBe('Attribute "docker_image" must be specified when "docker_credentials" is specified');
  });

  test("[row 55] an empty list, set or map is refused where the provider says at least 1", () => {
    const out = v("cloudfoundry_app", appConfig({ buildpacks: [], service_bindings: [], environment: {} }));
    expect(out.map((d) => [d.summary, d.detail])).toEqual([
      ["Invalid Attribute Value", "Attribute buildpacks list must contain at least 1 elements, got: 0"],
      ["Invalid Attribute Value", "Attribute service_bindings set must contain at least 1 elements, got: 0"],
      ["Invalid Attribute Value", "Attribute environment map must contain at least 1 elements, got: 0"],
    ]);
    expect(v("cloudfoundry_network_policy", { policies: [] })[0].detail).toBe("Attribute policies list must contain at least 1 elements, got: 0");
  });

  test("[row 56] enums: strategy, health check types, protocols, binding type", () => {
    expect(v("cloudfoundry_app", appConfig({ strategy: "canary", health_check_type: "tcp" })).map((d) => [d.summary, d.detail])).toEqual([
      ["Invalid Attribute Value Match", 'Attribute strategy value must be one of: ["none" "rolling" "blue-green"], got: "canary"'],
      ["Invalid Attribute Value Match", 'Attribute health_check_type value must be one of: ["port" "process" "http"], got: "tcp"'],
    ]);
    const pol = { source_app: "0b4c1e9e-4d2a-4c37-9a4b-2f1d3c5e6a7b", destination_app: "1b4c1e9e-4d2a-4c37-9a4b-2f1d3c5e6a7b", port: "8125", protocol: "icmp" };
    expect(v("cloudfoundry_network_policy", { policies: [pol] })[0].detail).toBe('Attribute policies[0].protocol value must be one of: ["tcp" "udp"], got: "icmp"');
    expect(v("cloudfoundry_service_credential_binding", { type: "app-key", service_instance: "x" })[0].attribute).toBe("type");
  });

  test("[row 57] integer bounds of the app's blue-green options and a route destination's port and weight", () => {
    expect(v("cloudfoundry_app", appConfig({ app_deployed_running_timeout: 0, app_deployed_running_check_interval: 31 })).map((d) => d.detail)).toEqual([
      "Attribute app_deployed_running_timeout value must be at least 1, got: 0",
      "Attribute app_deployed_running_check_interval value must be between 1 and 30, got: 31",
    ]);
    const route = { space: "s", domain: "d", host: "api", destinations: [{ app_id: "x", port: 80, weight: 0 }] };
    expect(v("cloudfoundry_route", route).map((d) => d.detail)).toEqual(["Attribute destinations[0].port value must be between 1024 and 65535, got: 80", "Attribute destinations[0].weight value must be between 1 and 100, got: 0"]);
  });

  test("[row 58] strings: route host and path lengths, policy app GUIDs and port form", () => {
    expect(v("cloudfoundry_route", { space: "s", domain: "d", host: "", path: "/" }).map((d) => d.detail)).toEqual([
      "Attribute host string length must be at least 1, got: 0",
      "Attribute path string length must be at least 2, got: 1",
    ]);
    const out = v("cloudfoundry_network_policy", { policies: [{ source_app: "notify-api", destination_app: "1b4c1e9e-4d2a-4c37-9a4b-2f1d3c5e6a7b", port: "80:81" }] });
    expect(out.map((d) => d.detail)).toEqual([
      'Attribute policies[0].source_app value must be a valid UUID, got: "notify-api"',
      'Attribute policies[0].port can match a single port number, got: "80:81"',
      'Attribute policies[0].port can match a port range, got: "80:81"',
    ]);
  });

  test("every validator cites a Cloud Foundry edge row and its source line", () => {
    const rows = new Set(ROWS.map((r) => r.id));
    for (const checks of Object.values(CF_VALIDATORS)) for (const c of checks) expect([c.attr, rows.has(c.row), /\.go:\d+/.test(c.source)]).toEqual([c.attr, true, true]);
  });
});

describe("Cloud Controller's limits and the push", () => {
  test("[row 59] a health-check timeout above the foundation's maximum fails with CC's message and changes nothing; the foundation's own maximum counts", () => {
    const p = fresh();
    const before = apply(p, "cloudfoundry_app", null, appConfig());
    const platformBefore = JSON.stringify(p.platform.data.resources);
    expect(() => apply(p, "cloudfoundry_app", before, appConfig({ timeout: 900, instances: 5 }))).toThrow(
      "Error pushing app: error waiting for application manifest to finish applying to space preview: received state FAILED while waiting for async process: \ncfclient error (CF-UnprocessableEntity|10008): For application 'a': health_check_timeout Maximum exceeded: max 180s\n",
    );
    expect(JSON.stringify(p.platform.data.resources)).toBe(platformBefore);
    const raised = fresh({ maximumHealthCheckTimeoutSeconds: 900 });
    expect(apply(raised, "cloudfoundry_app", null, appConfig({ timeout: 900 })).timeout).toBe(900);
    expect(() => apply(raised, "cloudfoundry_app", null, appConfig({ name: "b", timeout: 901 }))).toThrow(/max 900s/);
  });

  test("[row 60] a missing artifact fails before anything is sent", () => {
    const p = fresh();
    const before = apply(p, "cloudfoundry_app", null, appConfig());
    const missing = path.join(path.dirname(ARTIFACT), "no-such.zip");
    expect(() => apply(p, "cloudfoundry_app", before, appConfig({ path: missing, instances: 5 }))).toThrow(`Error pushing app: open ${missing}: no such file or directory\n`);
    expect(live(p, before).instances).toBe(2);
    expect(() => apply(p, "cloudfoundry_app", null, appConfig({ name: "new", path: missing }))).toThrow(/no such file/);
    expect(Object.values(p.platform.objects("cloudfoundry_app")).map((a) => a.name)).toEqual(["a"]);
  });

  test("[row 61] an artifact that is not a zip fails after the manifest was applied: the scale stays, the droplet does not change", () => {
    const p = fresh();
    const before = apply(p, "cloudfoundry_app", null, appConfig({ source_code_hash: "old" }));
    const text = path.join(path.dirname(ARTIFACT), "notes.zip");
    fs.writeFileSync(text, "not a zip\n");
    expect(() => apply(p, "cloudfoundry_app", before, appConfig({ path: text, source_code_hash: "new", instances: 5 }))).toThrow(
      "Error pushing app: error while waiting for package to process for app a: received state FAILED while waiting for async process: \n",
    );
    expect([live(p, before).instances, live(p, before).source_code_hash]).toEqual([5, "old"]);
    expect(steps(p)).toEqual(["open-artifact", "apply-manifest"]);
    expect([isZipWithEntries(fs.readFileSync(ARTIFACT)), isZipWithEntries(Buffer.from("PK\x05\x06" + "\0".repeat(18), "binary"))]).toEqual([true, false]);
  });

  test("[row 62] a rolling push that never becomes healthy waits instances x 1 minute (modelled), rolls back and fails; a first push starts without waiting", () => {
    const p = fresh({ unhealthyApps: ["a"] });
    // A new app is started, not deployed: the push does not wait for it.
    const before = apply(p, "cloudfoundry_app", null, appConfig({ source_code_hash: "old" }));
    expect(steps(p)).toContain("start");
    expect(() => apply(p, "cloudfoundry_app", before, appConfig({ source_code_hash: "new", instances: 4 }))).toThrow(
      "Error pushing app: failed to deploy with: timed out after waiting for async process \nrolled back to last deployment\n",
    );
    const pushed = p.platform.pushes.get("a")!;
    expect(pushed.map((s) => [s.step, s.minutes ?? 0])).toEqual([
      ["open-artifact", 0],
      ["apply-manifest", 0],
      ["upload-and-stage", 0],
      ["rolling-deployment", 4],
      ["rollback", 4],
    ]);
    expect([live(p, before).instances, live(p, before).source_code_hash]).toEqual([4, "old"]);
  });

  test("[row 63] an Optional-only value CC holds is kept when config leaves it unset, and comes back after apply and on refresh", () => {
    const p = fresh();
    const before = apply(p, "cloudfoundry_app", null, appConfig({ health_check_type: "process" }));
    // The app as `cf push` left it: CC holds an invocation timeout of 1.
    p.platform.put("cloudfoundry_app", String(before.id), { ...live(p, before), health_check_invocation_timeout: 1 });
    const read = p.cf.read("cloudfoundry_app", before) as Obj;
    expect(read.health_check_invocation_timeout).toBe(1);
    const { planned } = plan(p, "cloudfoundry_app", read, appConfig({ health_check_type: "process", instances: 3 }));
    expect((planned as Obj).health_check_invocation_timeout).toBeNull();
    const after = p.cf.apply("cloudfoundry_app", read, planned) as Obj;
    // Planned null, applied 1: real Terraform reports "Provider produced inconsistent result after apply".
    expect(after.health_check_invocation_timeout).toBe(1);
    // Declared, it is what config says.
    expect(apply(p, "cloudfoundry_app", after, appConfig({ health_check_type: "process", health_check_invocation_timeout: 1 })).health_check_invocation_timeout).toBe(1);
  });

  test("[row 64] the push's order: manifest (scale, variables added) first, then the droplet, and variables deleted only after the deployment", () => {
    const p = fresh({ unhealthyApps: [] });
    const before = apply(p, "cloudfoundry_app", null, appConfig());
    apply(p, "cloudfoundry_app", before, appConfig({ environment: { A: "2", NEW: "y" } }));
    expect(steps(p)).toEqual(["open-artifact", "apply-manifest", "upload-and-stage", "rolling-deployment", "delete-env", "set-ssh"]);
    expect(p.platform.pushes.get("a")!.find((s) => s.step === "delete-env")!.detail).toBe("OLD");
    expect(live(p, before).environment).toEqual({ A: "2", NEW: "y" });
    // When the deployment fails, the deletion never happens: the old variable is still set on the app.
    const q = fresh({ unhealthyApps: ["a"] });
    const first = apply(q, "cloudfoundry_app", null, appConfig());
    expect(() => apply(q, "cloudfoundry_app", first, appConfig({ environment: { A: "2" } }))).toThrow(/rolled back/);
    expect(live(q, first).environment).toEqual({ A: "2", OLD: "x" });
  });
});

describe("what Read maps back, and the data sources", () => {
  const policy = (port: string, protocol: string | null = null): Obj => ({ source_app: "a", destination_app: "b", port, protocol });
  const policies = (...ps: Obj[]) => conform({ policies: ps }, cfType("cloudfoundry_network_policy")) as Obj;

  test("[row 65] a policy's unset protocol is \"tcp\" at plan, not unknown", () => {
    const p = fresh();
    expect((plan(p, "cloudfoundry_network_policy", null, policies(policy("8125"))).planned as Obj).policies).toEqual([{ ...policy("8125"), protocol: "tcp" }]);
  });

  test("[row 66] [row 67] an app's routes are the routes mapped to it; none, no bindings, no buildpacks read null", () => {
    const p = fresh();
    const app = apply(p, "cloudfoundry_app", null, appConfig({ environment: null }));
    expect([app.routes, app.service_bindings, app.buildpacks, app.environment]).toEqual([null, null, null, null]);
    const domain = Object.values(p.platform.data.cf.domains)[0];
    const config = conform({ space: p.platform.data.cf.space.id, domain, host: "api", destinations: [{ app_id: app.id }] }, cfType("cloudfoundry_route")) as Obj;
    const route = apply(p, "cloudfoundry_route", null, config);
    expect((p.cf.read("cloudfoundry_app", app) as Obj).routes).toEqual([{ route: route.url, protocol: "http1" }]);
  });

  test("[row 68] a port range whose ends are equal is held as one port, so Read drops the state's policy and every plan re-adds it", () => {
    expect([normalisedPort("8080-8080"), normalisedPort("8080-8085"), normalisedPort("08125")]).toEqual(["8080", "8080-8085", "8125"]);
    const p = fresh();
    const ranged = apply(p, "cloudfoundry_network_policy", null, policies(policy("8080-8080", "tcp")));
    expect(ranged.policies).toEqual([policy("8080-8080", "tcp")]);
    const read = p.cf.read("cloudfoundry_network_policy", ranged) as Obj;
    expect(read.policies).toEqual([]);
    expect((plan(p, "cloudfoundry_network_policy", read, policies(policy("8080-8080", "tcp"))).planned as Obj).policies).toEqual([policy("8080-8080", "tcp")]);
    const single = apply(p, "cloudfoundry_network_policy", null, policies(policy("8125", "udp")));
    expect((p.cf.read("cloudfoundry_network_policy", single) as Obj).policies).toEqual([policy("8125", "udp")]);
  });

  test("[row 69] cloudfoundry_apps applies its org filter; an org CC does not know is an error", () => {
    const p = fresh();
    apply(p, "cloudfoundry_app", null, appConfig());
    const list = (c: Obj) => p.cf.readData("cloudfoundry_apps", { space: null, name: null, org: null, apps: null, ...c }).apps as Obj[];
    expect(list({ org: p.platform.data.cf.org.id }).map((a) => a.name)).toContain("a");
    expect(() => list({ org: "0b4c1e9e-0000-4c37-9a4b-2f1d3c5e6a7b" })).toThrow(
      "API Error Fetching Organization: Could not get details of the Organization with ID 0b4c1e9e-0000-4c37-9a4b-2f1d3c5e6a7b : cfclient error (CF-ResourceNotFound|10010): Organization not found",
    );
  });

  test("[row 70] data-source misses carry the provider's summary and detail", () => {
    const { cf, platform } = fresh();
    const org = platform.data.cf.org.id;
    const miss = (type: string, c: Obj) => {
      try {
        cf.readData(type, c);
        return "found";
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect([
      miss("cloudfoundry_org", { name: "nope" }),
      miss("cloudfoundry_space", { name: "nope", org }),
      miss("cloudfoundry_domain", { name: "nope.example" }),
      miss("cloudfoundry_service_instance", { name: "nope", space: platform.data.cf.space.id }),
      miss("cloudfoundry_app", { name: "nope", space_name: "preview", org_name: "govuk-notify" }),
      miss("cloudfoundry_app", { name: "a", space_name: "nope", org_name: "govuk-notify" }),
    ]).toEqual([
      "Unable to find org data in list: Given name nope not in the list of orgs.",
      `Unable to find space data in list: Given name nope not in the list of spaces under Org with ID ${org}.`,
      "Unable to find domain in list: Given name nope.example not in the list of domains.",
      "Unable to find service instance in list: Given name nope not in the list of service instances.",
      "Error finding given app: expected 1 or more results, but got 0",
      "Error finding given space: expected exactly 1 result, but got less or more than 1",
    ]);
  });
});
