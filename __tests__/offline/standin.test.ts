import * as path from "path";
import { bootstrapPlatform } from "../../offline/bootstrap";
import { Platform } from "../../offline/standin/platform";
import { StandinError, StandinProvider } from "../../offline/standin/provider";
import { standinSchemas } from "../../offline/standin/start";
import { conform, fromMsgpack, objectType, toMsgpack, UNKNOWN, type Obj } from "../../offline/standin/values";
import { standinTestSpace } from "../fixtures/small-estate";
import { standinArtifact } from "../fixtures/standin-artifact";

// The stand-in providers' behaviours, one per provider fact that decides an outage
// (rows of `ROWS` in offline/standin/semantics.ts), on a small platform.
const ROOT = path.join(__dirname, "..", "..");
const { cf: CF, aws: AWS } = standinSchemas(ROOT);
/** The app zip every app here is pushed from. */
const ARTIFACT = standinArtifact();

/** The platform the stand-in runs against, with the services these tests bind. */
const SPACE = standinTestSpace(["notify-db", "logit-ssl-syslog-drain", "notify-redis"]);
function fresh() {
  const platform = Platform.inMemory(bootstrapPlatform(SPACE));
  return { platform, cf: new StandinProvider("cloudfoundry", CF, platform, true), aws: new StandinProvider("aws", AWS, platform, false) };
}
/** An app's config as Terraform sends it: every attribute, null where unset. */
function appConfig(cf: StandinProvider, values: Obj): Obj {
  return conform({ name: "a", space_name: "preview", org_name: "govuk-notify", memory: "1G", instances: 2, path: ARTIFACT, environment: { A: "1" }, service_bindings: [{ service_instance: "notify-db", params: null }], ...values }, cf.resourceType("cloudfoundry_app")) as Obj;
}
/** Plan as Terraform would: the proposed state is config, with prior values for computed attributes left unset. */
function planApp(cf: StandinProvider, prior: Obj | null, config: Obj) {
  const attrs = CF.resource_schemas.cloudfoundry_app.block.attributes!;
  const proposed = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v === null && attrs[k].computed && prior ? prior[k] : v]));
  return cf.plan("cloudfoundry_app", prior, proposed, config);
}
function createApp(cf: StandinProvider, values: Obj = {}): Obj {
  const config = appConfig(cf, values);
  return cf.apply("cloudfoundry_app", null, planApp(cf, null, config).planned) as Obj;
}

describe("values on the wire", () => {
  test("unknown survives MessagePack as Terraform's extension 0, and objects carry every attribute", () => {
    const t = objectType({ attributes: { a: { type: "string", optional: true }, b: { type: ["list", "number"], optional: true }, c: { type: "string", computed: true } } });
    const bytes = toMsgpack({ a: "x", c: UNKNOWN }, t);
    expect(bytes.subarray(bytes.length - 3)).toEqual(Buffer.from([0xd4, 0x00, 0x00]));
    expect(fromMsgpack(bytes)).toEqual({ a: "x", b: null, c: UNKNOWN });
  });

  test("a refined unknown (extension 12) reads as unknown", () => {
    expect(fromMsgpack(Buffer.from([0xd4, 0x0c, 0x00]))).toBe(UNKNOWN);
  });

  test("a value that does not fit its schema is refused with its path", () => {
    const t = objectType({ attributes: { n: { type: "number", optional: true } } });
    expect(() => conform({ n: "lots" }, t)).toThrow(/value\.n: "lots" does not fit/);
    expect(() => conform({ m: 1 }, t)).toThrow(/attributes m are not in the schema/);
  });
});

describe("cloudfoundry_app", () => {
  test("create: computed attributes are unknown at plan and filled at apply; the id is a new GUID", () => {
    const { cf } = fresh();
    const { planned } = planApp(cf, null, appConfig(cf, {}));
    expect((planned as Obj).id).toBe(UNKNOWN);
    const state = cf.apply("cloudfoundry_app", null, planned) as Obj;
    expect(state.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("any update plans the id unknown (no UseStateForUnknown), and the apply keeps the GUID (rolling)", () => {
    const { cf } = fresh();
    const before = createApp(cf);
    const { planned, requiresReplace } = planApp(cf, before, appConfig(cf, { memory: "2G" }));
    expect([(planned as Obj).id, requiresReplace]).toEqual([UNKNOWN, []]);
    expect((cf.apply("cloudfoundry_app", before, planned) as Obj).id).toBe(before.id);
  });

  test("no change, no unknowns: a plan of the same config equals the state", () => {
    const { cf } = fresh();
    const before = createApp(cf);
    const { planned } = planApp(cf, before, appConfig(cf, {}));
    expect(JSON.stringify(planned).includes('"unknown"')).toBe(false);
  });

  test.each([
    ["name", { name: "b" }],
    ["a service binding removed", { service_bindings: [] }],
    ["a service binding added", { service_bindings: [{ service_instance: "notify-db", params: null }, { service_instance: "notify-redis", params: null }] }],
    ["configured routes", { routes: [{ route: "a.example.org", protocol: null }] }],
  ])("replaced when %s changes", (_what, values) => {
    const { cf } = fresh();
    const before = createApp(cf);
    expect(planApp(cf, before, appConfig(cf, values)).requiresReplace.length).toBe(1);
  });

  test("service bindings in another order are the same set: no replacement", () => {
    const { cf } = fresh();
    const two = [{ service_instance: "notify-db", params: "{}" }, { service_instance: "logit-ssl-syslog-drain", params: "{}" }];
    const before = createApp(cf, { service_bindings: two });
    expect(planApp(cf, before, appConfig(cf, { service_bindings: [...two].reverse() })).requiresReplace).toEqual([]);
  });

  test("an unknown instance count is pushed as 1 (notes h)", () => {
    const { cf } = fresh();
    const { planned } = planApp(cf, null, appConfig(cf, { instances: null }));
    expect((planned as Obj).instances).toBe(UNKNOWN);
    expect((cf.apply("cloudfoundry_app", null, planned) as Obj).instances).toBe(1);
  });

  test("a variable set with cf set-env and a hand-made scale show on refresh as drift", () => {
    const { cf, platform } = fresh();
    const state = createApp(cf);
    const live = platform.get("cloudfoundry_app", String(state.id))!;
    platform.put("cloudfoundry_app", String(state.id), { ...live, instances: 7, environment: { A: "1", MMG_URL: "https://elsewhere" } });
    const read = cf.read("cloudfoundry_app", state) as Obj;
    expect([read.instances, read.environment]).toEqual([7, { A: "1", MMG_URL: "https://elsewhere" }]);
    // What CF cannot report stays as Terraform knows it.
    expect(read.path).toBe(ARTIFACT);
  });

  test("an app deleted out of band reads as gone", () => {
    const { cf, platform } = fresh();
    const state = createApp(cf);
    platform.remove("cloudfoundry_app", String(state.id));
    expect(cf.read("cloudfoundry_app", state)).toBeNull();
  });

  test("import by GUID; the zip's path and hash are not imported (CF cannot report them)", () => {
    const { cf } = fresh();
    const state = createApp(cf);
    const imported = cf.importState("cloudfoundry_app", String(state.id));
    expect([imported.id, imported.name, imported.path]).toEqual([state.id, "a", null]);
    expect(() => cf.importState("cloudfoundry_app", "no-such-guid")).toThrow(StandinError);
  });

  test("[row 20] creating an app whose name is taken pushes onto that app (same GUID), as go-cfclient's push does", () => {
    const { cf, platform } = fresh();
    const first = createApp(cf);
    expect(createApp(cf).id).toBe(first.id);
    expect(Object.keys(platform.objects("cloudfoundry_app"))).toEqual([first.id]);
  });
});

describe("other types", () => {
  test("network policies cannot be imported (cloudfoundry 1.16.0)", () => {
    expect(() => fresh().cf.importState("cloudfoundry_network_policy", "x")).toThrow(/Import Not Implemented/);
  });

  test("an SQS queue's id is its URL, and a rename replaces it", () => {
    const { aws } = fresh();
    const t = aws.resourceType("aws_sqs_queue");
    const config = conform({ name: "previewq", visibility_timeout_seconds: 310 }, t) as Obj;
    const created = aws.apply("aws_sqs_queue", null, aws.plan("aws_sqs_queue", null, config, config).planned) as Obj;
    expect(created.id).toBe("https://sqs.eu-west-1.amazonaws.com/000000000000/previewq");
    const renamed = { ...created, name: "previewr" };
    expect(aws.plan("aws_sqs_queue", created, renamed, { ...config, name: "previewr" }).requiresReplace).toEqual(["name"]);
    expect(aws.importState("aws_sqs_queue", String(created.id)).name).toBe("previewq");
  });

  test("a data source the stand-in does not model is an error, never an empty answer", () => {
    expect(() => fresh().aws.readData("aws_sqs_queues_nope", {})).toThrow();
    expect(() => fresh().cf.readData("cloudfoundry_org", { name: "someone-else" })).toThrow(/Unable to find org/);
  });
});

