import * as fs from "fs";
import * as path from "path";
import { resolveEstate, type ResolvedEnvironment } from "../../config";
import { allowListTable, EXPORT_ALLOW_LIST, shapes, type ShapeContext } from "../../offline/export-allow-list";
import { exportObject, ExportRefusal, type Declared, type ExportContext } from "../../offline/export-sanitize";
import { innerStrings, leakedSecret, secretForms } from "../../offline/export-backstop";
import { smallEstate } from "../fixtures/small-estate";

// The snapshot export's allow-list, object by object, on small hand-made objects: what config
// declares and platform structure leave, anything else is a placeholder holding nothing of the value;
// then the backstop, form by form. Each leak is first shown to be there in what the export reads.
const env: ResolvedEnvironment = resolveEstate(smallEstate()).find((e) => e.name === "production")!;
const GUID = "0c4a2b34-aab7-4a61-ab7a-7e44c22f36a0";
const SECRET = "s3cr3t-Value-Of-A-Parameter";

function context(over: Partial<ExportContext> = {}): ExportContext {
  return {
    env,
    accountId: "123456789012",
    region: "eu-west-1",
    domainNames: new Set(["apps.example", "example.gov.uk"]),
    serviceInstanceNames: new Set(["db"]),
    parameters: new Map([["/example/production/SECRET_KEY", { value: SECRET, placeholder: "<ssm:/example/production/SECRET_KEY#3>" }]]),
    secrets: new Set([SECRET]),
    others: new Map(),
    ...over,
  };
}
const declared = (after: Record<string, unknown>, sets: string[] = Object.keys(after)): Declared => ({ sets: new Set(sets), after: after as Declared["after"] });
const api = env.apps.find((a) => a.name === "notify-api")!;

describe("the allow-list is reviewed data", () => {
  test("every type and attribute says why it may leave", () => {
    const walk = (attributes: Record<string, { why: string; fields?: Record<string, unknown> }>, at: string): string[] =>
      Object.entries(attributes).flatMap(([k, a]) => [...(a.why.length > 5 ? [] : [`${at}.${k}`]), ...(a.fields ? walk(a.fields as never, `${at}.${k}`) : [])]);
    expect(Object.entries(EXPORT_ALLOW_LIST).flatMap(([t, l]) => walk(l.attributes as never, t))).toEqual([]);
    expect(Object.entries(EXPORT_ALLOW_LIST).filter(([, l]) => l.sensitive).map(([t]) => t)).toEqual(["cloudfoundry_service_credential_binding"]);
  });

  test("docs/snapshot-export.md shows the list as it is", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "snapshot-export.md"), "utf8");
    expect(/<!-- allow-list: start -->\n([\s\S]*)<!-- allow-list: end -->/.exec(doc)?.[1]).toBe(allowListTable());
    expect(allowListTable()).toContain("| `cloudfoundry_app` | `processes.command` | never: a placeholder |");
    expect(allowListTable()).toContain("| `cloudfoundry_service_credential_binding` (holds credentials: what is not listed refuses the export) | `credential_binding` | never: a placeholder |");
    expect(allowListTable()).toContain("| `aws_sqs_queue` | `tags_all` | key by key, the keys config declares in tags |");
    expect(allowListTable()).toContain("| `cloudfoundry_app` | `name` | config declares it, or nobody manages the object and it has a name's shape |");
    expect(allowListTable()).toContain("| `cloudfoundry_app` | `routes` | config declares it, or field by field |");
    expect(allowListTable()).toContain("| `cloudfoundry_app` | `instances` | config declares it, or it has its shape |");
  });

  const ctx: ShapeContext = context();
  test.each([
    ["guid", GUID, `${GUID}x`],
    ["guid", GUID.toUpperCase(), `x${GUID}`],
    ["timestamp", "2026-12-06T13:43:49.442Z", "2026-12-06 13:43:49"],
    ["timestamp", "2026-12-06T13:43:49+01:00", "x2026-12-06T13:43:49Z"],
    ["timestamp", "2026-12-06T13:43:49Z", "2026-12-06T13:43:49Zx"],
    ["size", "1024M", "1024 M"],
    ["size", "1G", "x1G"],
    ["size", "512MB", "512MBx"],
    ["rate", "-1", "-2"],
    ["rate", "16K", "x16K"],
    ["rate", "16", "16Kx"],
    ["objectName", "notify-api", "notify api"],
    ["objectName", "a".repeat(80), "a".repeat(81)],
    ["objectName", "productionsend-tasks", "-leading-dash"],
    ["objectName", "x_y", "x_y\n"],
    ["routePath", "/receipts", "/a?token=x"],
    ["routePath", "/a/b", "x/a"],
    ["routePath", "/a", "/a/"],
    ["sha256", "0".repeat(64), "0".repeat(63)],
    ["sha256", "a".repeat(64), `x${"a".repeat(64)}`],
    ["policyId", "ANPA499A98A9B9D6FF57C", "ANPA499A98A9B9D6FF57"],
    ["policyId", "ANPA499A98A9B9D6FF57C", "xANPA499A98A9B9D6FF57C"],
    ["policyId", "ANPA499A98A9B9D6FF57C", "ANPA499A98A9B9D6FF57Cx"],
    ["portRange", "8125", "8125;"],
    ["portRange", "8080-8081", "x8080"],
    ["portRange", "8080", "8080-"],
    ["healthCheckType", "http", "https"],
    ["appProtocol", "http2", "http3"],
    ["routeProtocol", "tcp", "udp"],
    ["policyProtocol", "udp", "icmp"],
    ["processType", "worker", "task"],
    ["stack", "cflinuxfs4", "cflinuxfs"],
    ["stack", "cflinuxfs3", "xcflinuxfs3"],
    ["stack", "cflinuxfs3", "cflinuxfs3x"],
    ["strategy", "rolling", "blue-green"],
    ["bindingType", "key", "app "],
    ["operationType", "delete", "destroy"],
    ["operationState", "in progress", "queued"],
    ["emptyJsonObject", "{}", '{"a":1}'],
    ["deduplicationScope", "messageGroup", "group"],
    ["deduplicationScope", "queue", "queues"],
    ["fifoThroughputLimit", "perQueue", "perqueue"],
    ["fifoThroughputLimit", "perMessageGroupId", "perMessageGroup"],
    ["portRange", "8125", 8125],
    ["size", "1G", 1],
    ["guid", GUID, [GUID]],
  ] as const)("shape %s: %j leaves, %j does not", (shape, good, bad) => {
    expect([shapes[shape](good, {}, ctx), shapes[shape](bad, {}, ctx)]).toEqual([true, false]);
  });

  test("numbers and switches: whole numbers from 0 to a billion, booleans; nothing else", () => {
    expect([0, 25, 1e9].map((v) => shapes.wholeNumber(v, {}, ctx))).toEqual([true, true, true]);
    expect([-1, 1.5, 1e9 + 1, "25"].map((v) => shapes.wholeNumber(v, {}, ctx))).toEqual([false, false, false, false]);
    expect([true, false, "true", 1].map((v) => shapes.aSwitch(v, {}, ctx))).toEqual([true, true, false, false]);
    expect(shapes.guid(1, {}, ctx)).toBe(false);
    expect(shapes.strategy(1, {}, ctx)).toBe(false);
  });

  test("ARNs, URLs and ids built from names that left, and only from them", () => {
    const q = { name: "productionsend-tasks" };
    expect(shapes.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/productionsend-tasks", q, ctx)).toBe(true);
    expect(shapes.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/other", q, ctx)).toBe(false);
    expect(shapes.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/x y", { name: "x y" }, ctx)).toBe(false);
    expect(shapes.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/1", { name: 1 }, ctx)).toBe(false);
    expect(shapes.queueArn("arn:aws:sqs:eu-west-1:123456789012:productionsend-tasks", q, ctx)).toBe(true);
    expect(shapes.queueArn("arn:aws:sqs:eu-west-2:123456789012:productionsend-tasks", q, ctx)).toBe(false);
    expect(shapes.queueArn("arn:aws:sqs:eu-west-1:123456789012:x y", { name: "x y" }, ctx)).toBe(false);
    expect(shapes.queueArn("arn:aws:sqs:eu-west-1:123456789012:1", { name: 1 }, ctx)).toBe(false);
    expect(shapes.policyArn("arn:aws:iam::123456789012:policy/p", { name: "p" }, ctx)).toBe(true);
    expect(shapes.policyArn("arn:aws:iam::123456789012:policy/p", { name: "q" }, ctx)).toBe(false);
    expect(shapes.policyArn("arn:aws:iam::123456789012:policy/p q", { name: "p q" }, ctx)).toBe(false);
    expect(shapes.policyArn("arn:aws:iam::123456789012:policy/1", { name: 1 }, ctx)).toBe(false);
    expect(shapes.attachmentId(`apps-${"1".repeat(26)}`, { user: "apps" }, ctx)).toBe(true);
    expect(shapes.attachmentId(`apps-${"1".repeat(25)}`, { user: "apps" }, ctx)).toBe(false);
    expect(shapes.attachmentId(`xapps-${"1".repeat(26)}`, { user: "apps" }, ctx)).toBe(false);
    expect(shapes.attachmentId(`apps-${"1".repeat(26)}x`, { user: "apps" }, ctx)).toBe(false);
    expect(shapes.attachmentId(`a.b-${"1".repeat(26)}`, { user: "a.b" }, ctx)).toBe(false);
    expect(shapes.attachmentId(1, { user: "apps" }, ctx)).toBe(false);
    expect(shapes.attachmentId([`apps-${"1".repeat(26)}`], { user: "apps" }, ctx)).toBe(false);
    expect(shapes.attachmentId(`1-${"1".repeat(26)}`, { user: 1 }, ctx)).toBe(false);
    expect(shapes.routeUrl("api.example.gov.uk/receipts", { host: "api", path: "/receipts" }, ctx)).toBe(true);
    expect(shapes.routeUrl("api.apps.example", { host: "api", path: null }, ctx)).toBe(true);
    expect(shapes.routeUrl("api.other.example", { host: "api" }, ctx)).toBe(false);
    expect(shapes.routeUrl("1.apps.example", { host: 1 }, ctx)).toBe(false);
    expect(shapes.routeUrl(["api.apps.example"], { host: "api" }, ctx)).toBe(false);
    expect(shapes.serviceInstanceName(["db"], {}, ctx)).toBe(false);
    expect(shapes.routeUrl(1, { host: "api" }, ctx)).toBe(false);
    expect(shapes.serviceInstanceName("db", {}, ctx)).toBe(true);
    expect(shapes.serviceInstanceName("splunk", {}, ctx)).toBe(false);
    expect(shapes.serviceInstanceName(1, {}, ctx)).toBe(false);
  });
});

describe("an object leaves attribute by attribute", () => {
  test("a value config declares leaves; the same attribute set by hand is a placeholder that holds nothing of it", () => {
    const after = { name: "notify-api", command: "exec run", health_check_http_endpoint: "/_status", instances: 3, memory: "1G" };
    const live = { ...after, command: `exec run --token ${SECRET}`, health_check_http_endpoint: `/_status?token=${SECRET}` };
    expect(JSON.stringify(live)).toContain(SECRET);
    expect(exportObject("cloudfoundry_app", after, declared(after), false, context())).toEqual(after);
    expect(exportObject("cloudfoundry_app", live, declared(after), false, context())).toEqual({
      ...after,
      command: "<not exported: cloudfoundry_app.command>",
      health_check_http_endpoint: "<not exported: cloudfoundry_app.health_check_http_endpoint>",
    });
  });

  test("a value is config's only where config sets that attribute: a value the plan merely carries over is not", () => {
    const after = { name: "notify-api", command: "exec run" };
    expect(exportObject("cloudfoundry_app", after, declared(after, ["name"]), false, context())).toEqual({ name: "notify-api", command: "<not exported: cloudfoundry_app.command>" });
    expect(exportObject("cloudfoundry_app", after, undefined, false, context())).toEqual({ name: "notify-api", command: "<not exported: cloudfoundry_app.command>" });
  });

  test("structure leaves when it has its shape; a number or a switch that does not is null", () => {
    const live = { id: GUID, created_at: "2026-12-06T13:43:49.442Z", instances: 30, enable_ssh: true, stack: "cflinuxfs4" };
    expect(exportObject("cloudfoundry_app", live, undefined, false, context())).toEqual(live);
    expect(exportObject("cloudfoundry_app", { id: SECRET, instances: -1, enable_ssh: "yes", timeout: 1.5 }, undefined, false, context())).toEqual({
      id: "<not exported: cloudfoundry_app.id>",
      instances: null,
      enable_ssh: "<not exported: cloudfoundry_app.enable_ssh>",
      timeout: null,
    });
  });

  test("nothing, and nothing in it, stays as it is: null, an empty string, list or map", () => {
    const live = { labels: {}, annotations: null, routes: [], command: "", docker_credentials: null, unknown_attribute: null, unknown_list: [], unknown_map: {}, unknown_text: "", sidecars: undefined };
    expect(exportObject("cloudfoundry_app", live, undefined, false, context())).toEqual({
      labels: {},
      annotations: null,
      routes: [],
      command: "",
      docker_credentials: null,
      unknown_attribute: null,
      unknown_list: [],
      unknown_map: {},
      unknown_text: "",
      sidecars: null,
    });
  });

  test("maps: a key config declares leaves with its declared value; any other key is numbered, its name and value gone", () => {
    const after = { tags: { environment: "production", "managed-by": "notify-estate" } };
    const live = { tags: { environment: "production", "managed-by": SECRET, [`token-${SECRET}`]: "x", owner: "y" } };
    expect(JSON.stringify(live)).toContain(SECRET);
    expect(exportObject("aws_sqs_queue", live, declared(after), false, context())).toEqual({
      tags: {
        environment: "production",
        "managed-by": "<not exported: aws_sqs_queue.tags.managed-by>",
        "<not declared #1>": "<not exported: aws_sqs_queue.tags>",
        "<not declared #2>": "<not exported: aws_sqs_queue.tags>",
      },
    });
    expect(exportObject("aws_sqs_queue", { tags: "x" }, undefined, false, context())).toEqual({ tags: "<not exported: aws_sqs_queue.tags>" });
  });

  test("tags_all: the keys config declares in tags; labels and annotations config does not set are all placeholders", () => {
    const after = { tags: { environment: "production" }, tags_all: { environment: "production", owner: SECRET } };
    const live = { tags_all: { environment: "production", owner: SECRET } };
    expect(exportObject("aws_sqs_queue", live, declared(after), false, context())).toEqual({ tags_all: { environment: "production", "<not declared #1>": "<not exported: aws_sqs_queue.tags_all>" } });
    expect(exportObject("cloudfoundry_route", { labels: { a: "b" }, annotations: { db: `postgres://u:${SECRET}@h/d` } }, undefined, false, context())).toEqual({
      labels: { "<not declared #1>": "<not exported: cloudfoundry_route.labels>" },
      annotations: { "<not declared #1>": "<not exported: cloudfoundry_route.annotations>" },
    });
  });

  test("an app's environment: settings as config's values, secrets as their SSM placeholder, other values counted, other names gone", () => {
    const ctx = context();
    const setting = Object.keys(api.env)[0];
    const live = { name: "notify-api", environment: { [setting]: api.env[setting], SECRET_KEY: SECRET, HAND_SET_NAME: "v1", B_HAND_SET: "v2" } };
    expect(exportObject("cloudfoundry_app", live, undefined, false, ctx).environment).toEqual({
      [setting]: api.env[setting],
      SECRET_KEY: "<ssm:/example/production/SECRET_KEY#3>",
      "<not declared #1>": "<not exported: cloudfoundry_app.environment>",
      "<not declared #2>": "<not exported: cloudfoundry_app.environment>",
    });
    // Names config does not declare come after the declared ones: where they would have sorted says nothing.
    expect(Object.keys(exportObject("cloudfoundry_app", live, undefined, false, ctx).environment as object)).toEqual([setting, "SECRET_KEY", "<not declared #1>", "<not declared #2>"].sort((a, b) => (a.startsWith("<") ? 1 : b.startsWith("<") ? -1 : a < b ? -1 : 1)));
    expect(Object.keys(exportObject("aws_sqs_queue", { tags: { a: "1", b: "2" } }, declared({ tags: { b: "2" } }), false, ctx).tags as object)).toEqual(["b", "<not declared #1>"]);
    // A secret that is not the parameter's current value, a setting changed by hand: numbered by distinct value.
    const changed = (v: Record<string, string>) => exportObject("cloudfoundry_app", { name: "notify-api", environment: v }, undefined, false, ctx).environment;
    expect(changed({ SECRET_KEY: "old", [setting]: "by hand" })).toEqual({ SECRET_KEY: "<not from config: notify-api/SECRET_KEY #1>", [setting]: `<not from config: notify-api/${setting} #1>` });
    expect(changed({ SECRET_KEY: "older" })).toEqual({ SECRET_KEY: "<not from config: notify-api/SECRET_KEY #2>" });
    expect(changed({ SECRET_KEY: "old" })).toEqual({ SECRET_KEY: "<not from config: notify-api/SECRET_KEY #1>" });
    // Declared names in sorted order, whatever order they came in; an app with several secrets.
    const sender = env.apps.find((a) => a.secretEnv.length > 1)!;
    const senderEnv = Object.fromEntries([...sender.secretEnv.map((x) => [x.name, "by hand"]), [setting, api.env[setting]]].reverse());
    expect(Object.keys(exportObject("cloudfoundry_app", { name: sender.name, environment: senderEnv }, undefined, false, ctx).environment as object)).toEqual(Object.keys(senderEnv).sort());
    expect(Object.values(exportObject("cloudfoundry_app", { name: sender.name, environment: senderEnv }, undefined, false, ctx).environment as object).filter((v) => String(v).startsWith("<not from config"))).toHaveLength(sender.secretEnv.length);
    expect(Object.keys(exportObject("aws_sqs_queue", { tags: { z: "1", a: "2" } }, declared({ tags: { z: "1", a: "2" } }), false, ctx).tags as object)).toEqual(["a", "z"]);
    // A setting whose value is also a secret's is not shown.
    expect(exportObject("cloudfoundry_app", { name: "notify-api", environment: { [setting]: api.env[setting] } }, undefined, false, context({ secrets: new Set([api.env[setting]]) })).environment).toEqual({
      [setting]: `<not from config: notify-api/${setting} #1>`,
    });
    // An app config does not declare: every name gone.
    expect(exportObject("cloudfoundry_app", { name: "made-by-hand", environment: { [setting]: api.env[setting] } }, undefined, false, ctx).environment).toEqual({
      "<not declared #1>": "<not exported: cloudfoundry_app.environment>",
    });
    expect(exportObject("cloudfoundry_app", { name: "notify-api", environment: "x" }, undefined, false, ctx).environment).toBe("<not exported: cloudfoundry_app.environment>");
  });

  test("an app's secret variable whose parameter the plan did not read is not config's", () => {
    const ctx = context({ parameters: new Map() });
    expect(exportObject("cloudfoundry_app", { name: "notify-api", environment: { SECRET_KEY: SECRET } }, undefined, false, ctx).environment).toEqual({
      SECRET_KEY: "<not from config: notify-api/SECRET_KEY #1>",
    });
  });

  test("lists of objects leave field by field: GUIDs, ports and platform words; a command or an endpoint in them does not", () => {
    const live = {
      processes: [{ type: "web", instances: 2, memory: "1G", command: `run ${SECRET}`, health_check_http_endpoint: "/x", extra: "y" }, "not an object"],
      destinations: [{ app_id: GUID, port: 8080, protocol: "http1", weight: null, app_process_type: "web" }],
    };
    expect(exportObject("cloudfoundry_app", { processes: live.processes }, undefined, false, context())).toEqual({
      processes: [
        {
          type: "web",
          instances: 2,
          memory: "1G",
          command: "<not exported: cloudfoundry_app.processes.command>",
          health_check_http_endpoint: "<not exported: cloudfoundry_app.processes.health_check_http_endpoint>",
          extra: "<not exported: cloudfoundry_app.processes.extra>",
        },
        "<not exported: cloudfoundry_app.processes>",
      ],
    });
    expect(exportObject("cloudfoundry_route", { destinations: live.destinations }, undefined, false, context())).toEqual({ destinations: live.destinations });
    expect(exportObject("cloudfoundry_route", { destinations: "x" }, undefined, false, context())).toEqual({ destinations: "<not exported: cloudfoundry_route.destinations>" });
    // Config's own list leaves whole; one object (a binding's last operation) field by field.
    const bindings = [{ service_instance: "db", params: '{"a":"b"}' }];
    expect(exportObject("cloudfoundry_app", { service_bindings: bindings }, declared({ service_bindings: bindings }), false, context())).toEqual({ service_bindings: bindings });
    expect(exportObject("cloudfoundry_app", { service_bindings: bindings }, undefined, false, context())).toEqual({
      service_bindings: [{ service_instance: "db", params: "<not exported: cloudfoundry_app.service_bindings.params>" }],
    });
    expect(
      exportObject("cloudfoundry_service_credential_binding", { last_operation: { type: "create", state: "failed", description: SECRET, created_at: "2026-12-06T13:43:49Z" } }, undefined, false, context()),
    ).toEqual({ last_operation: { type: "create", state: "failed", description: "<not exported: cloudfoundry_service_credential_binding.last_operation.description>", created_at: "2026-12-06T13:43:49Z" } });
  });

  test("a name leaves when config declares it, or, of an object config does not manage, when it has a name's shape (adopting it needs it)", () => {
    expect(exportObject("cloudfoundry_app", { name: "renamed-by-hand" }, declared({ name: "notify-api" }), false, context())).toEqual({ name: "<not exported: cloudfoundry_app.name>" });
    expect(exportObject("cloudfoundry_app", { name: "made-by-hand" }, undefined, false, context())).toEqual({ name: "made-by-hand" });
    expect(exportObject("cloudfoundry_app", { name: "made by hand" }, undefined, false, context())).toEqual({ name: "<not exported: cloudfoundry_app.name>" });
    expect(exportObject("cloudfoundry_route", { host: "h", path: "/p" }, declared({ host: "api", path: null }), false, context())).toEqual({
      host: "<not exported: cloudfoundry_route.host>",
      path: "<not exported: cloudfoundry_route.path>",
    });
    expect(exportObject("cloudfoundry_route", { host: "h", path: "/p" }, undefined, false, context())).toEqual({ host: "h", path: "/p" });
    expect(exportObject("aws_iam_policy", { name: "p" }, undefined, false, context())).toEqual({ name: "<not exported: aws_iam_policy.name>" });
  });

  test("names leave first, so that a URL leaves only when built from a name that left", () => {
    const url = "https://sqs.eu-west-1.amazonaws.com/123456789012/";
    expect(exportObject("aws_sqs_queue", { url: `${url}q`, name: "q" }, undefined, false, context())).toEqual({ name: "q", url: `${url}q` });
    expect(Object.keys(exportObject("aws_sqs_queue", { url: `${url}q`, name: "q", arn: "x" }, undefined, false, context()))).toEqual(["name", "arn", "url"]);
    expect(exportObject("aws_sqs_queue", { url: `${url}a b`, name: "a b" }, undefined, false, context())).toEqual({ name: "<not exported: aws_sqs_queue.name>", url: "<not exported: aws_sqs_queue.url>" });
    expect(exportObject("cloudfoundry_route", { url: "api.apps.example/a", path: "/a", host: "api" }, undefined, false, context()).url).toBe("api.apps.example/a");
    expect(exportObject("aws_iam_user_policy_attachment", { id: `apps-${"1".repeat(26)}`, user: "apps" }, declared({ user: "apps" }), false, context()).id).toBe(`apps-${"1".repeat(26)}`);
    expect(exportObject("aws_iam_user_policy_attachment", { id: `apps-${"1".repeat(26)}`, user: "apps" }, undefined, false, context()).id).toBe("<not exported: aws_iam_user_policy_attachment.id>");
  });

  test("a type or attribute the list does not know is a placeholder; on a type that holds credentials, a refusal naming it and never its value", () => {
    expect(exportObject("cloudfoundry_space_quota", { id: GUID, name: "q", count: 3 }, undefined, false, context())).toEqual({ id: "<not exported: cloudfoundry_space_quota.id>", name: "<not exported: cloudfoundry_space_quota.name>", count: null });
    expect(exportObject("cloudfoundry_app", { new_attribute: SECRET }, undefined, false, context())).toEqual({ new_attribute: "<not exported: cloudfoundry_app.new_attribute>" });
    expect(() => exportObject("cloudfoundry_user_provided_service", { credentials: SECRET }, undefined, true, context())).toThrow(
      new ExportRefusal("refused to export: cloudfoundry_user_provided_service is not in the export's allow-list (offline/export-allow-list.ts), and the provider marks some of it sensitive"),
    );
    expect(() => exportObject("cloudfoundry_service_credential_binding", { new_secret: SECRET }, undefined, false, context())).toThrow(
      "refused to export: cloudfoundry_service_credential_binding.new_secret is not in the export's allow-list (offline/export-allow-list.ts), and cloudfoundry_service_credential_binding holds credentials",
    );
    expect(() => exportObject("cloudfoundry_service_credential_binding", { last_operation: { new_field: SECRET } }, undefined, false, context())).toThrow(
      /^refused to export: cloudfoundry_service_credential_binding\.last_operation\.new_field is not/,
    );
    expect(() => exportObject("cloudfoundry_service_credential_binding", { new_secret: null }, undefined, false, context())).toThrow(ExportRefusal);
    // What the list knows never to export is a placeholder, even on that type.
    expect(exportObject("cloudfoundry_service_credential_binding", { credential_binding: SECRET, parameters: SECRET }, undefined, true, context())).toEqual({
      credential_binding: "<not exported: cloudfoundry_service_credential_binding.credential_binding>",
      parameters: "<not exported: cloudfoundry_service_credential_binding.parameters>",
    });
  });
});

describe("the backstop looks for every secret in the forms copies take", () => {
  const secrets = (secureStrings: string[], credentials: string[] = []) => ({ secureStrings: new Set(secureStrings), credentials: new Set(credentials) });
  const found = (doc: unknown, s: ReturnType<typeof secrets>) => leakedSecret(doc, s);
  const LONG = 'pa"ss\\word-0123456789\n';
  const b64 = (s: string) => Buffer.from(s).toString("base64");

  test.each([
    ["as stored", LONG],
    ["trimmed", LONG.trim()],
    ["JSON-escaped", JSON.stringify(LONG).slice(1, -1)],
    ["URL-encoded", encodeURIComponent(LONG.trim())],
    ["reversed", [...LONG.trim()].reverse().join("")],
    ["hex", Buffer.from(LONG.trim()).toString("hex")],
    ["base64", b64(LONG)],
    ["base64 of the trimmed value", b64(LONG.trim())],
    ["base64url", Buffer.from(LONG.trim()).toString("base64url")],
    ["base64 inside a longer encoded text, offset 1", b64(`x${LONG.trim()}y`)],
    ["base64 inside a longer encoded text, offset 2", b64(`xy${LONG.trim()}`)],
    ["half of it (split over two values)", LONG.trim().slice(0, Math.ceil(LONG.trim().length / 2))],
    ["the other half", LONG.trim().slice(-Math.ceil(LONG.trim().length / 2))],
  ])("a SecureString %s, inside a longer value, is found", (_what, form) => {
    expect(found({ a: { b: [`before ${form} after`] } }, secrets([LONG]))).toBe("a secret value in $.a.b[0]");
    expect(found({ a: "nothing here" }, secrets([LONG]))).toBeUndefined();
  });

  test("a short SecureString (5 characters) is found inside a value; a 4-character one only as a whole value; shorter ones not at all", () => {
    expect(found({ label: "x-Qz~7k-y" }, secrets(["Qz~7k"]))).toBe("a secret value in $.label");
    expect(found({ label: "x-Qz~7-y" }, secrets(["Qz~7"]))).toBeUndefined();
    expect(found({ label: "Qz~7" }, secrets(["Qz~7"]))).toBe("a secret value in $.label");
    expect(found({ label: "{}" }, secrets(["{}"]))).toBeUndefined();
    expect(secretForms("abc", "secureString")).toEqual({ whole: [], inside: [] });
  });

  test("credentials: every string inside (parsed JSON, a URL's user and password), under 8 characters only as a whole value", () => {
    const binding = JSON.stringify({ credentials: { uri: "postgres://notify_user:Pa%24%24w0rd-in-a-URL@db.internal:5432/notify", port: 5432, nested: '{"token":"inner-token-value"}', short: "abcdefg" } });
    const parts = innerStrings(binding);
    expect(parts).toEqual(expect.arrayContaining(["notify_user", "Pa%24%24w0rd-in-a-URL", "Pa$$w0rd-in-a-URL", "inner-token-value", "abcdefg"]));
    expect(parts).not.toContain("5432");
    const s = secrets([], parts);
    expect(found({ annotation: "postgres://other:Pa$$w0rd-in-a-URL@copy/db" }, s)).toBe("a secret value in $.annotation");
    expect(found({ label: "x inner-token-value y" }, s)).toBe("a secret value in $.label");
    expect(found({ label: "x abcdefg y" }, s)).toBeUndefined();
    expect(found({ label: "abcdefg" }, s)).toBe("a secret value in $.label");
    expect(found({ port: 5432 }, s)).toBeUndefined();
  });

  test("a JSON SecureString's inner field is a secret of its own; a broken JSON or URL is still hunted whole", () => {
    expect(innerStrings(' \n{"a":"inner-value-x"}\n')).toContain("inner-value-x");
    expect(innerStrings('"quoted-inner"')).toContain("quoted-inner");
    expect(innerStrings('{"api_key":"inner-field-value","n":[1,"x y"]}')).toEqual(['{"api_key":"inner-field-value","n":[1,"x y"]}', "inner-field-value", "x y"]);
    expect(innerStrings('{"broken": ')).toEqual(['{"broken": ']);
    expect(innerStrings("https://user@host/")).toEqual(["https://user@host/", "user"]);
    expect(innerStrings("https://u:%E0%A4%A@host/")).toEqual(["https://u:%E0%A4%A@host/", "u", "%E0%A4%A"]);
    expect(innerStrings(["a", { b: "c" }, 1, null])).toEqual(["a", "c"]);
  });

  test("every form of a short value, exactly: as stored, trimmed, JSON-escaped, URL-encoded, reversed, hex, base64 and base64url at three alignments", () => {
    expect(secretForms("a?>>b\n", "secureString").whole.sort()).toEqual(
      [
        "a?>>b\n", "a?>>b\\n", "a%3F%3E%3Eb%0A", "\nb>>?a", "613f3e3e620a", "YT8+PmIK", "E/Pj5iC", "hPz4+Yg", "YT8-PmIK", "E_Pj5iC", "hPz4-Yg",
        "a?>>b", "a%3F%3E%3Eb", "b>>?a", "613f3e3e62", "YT8+Pm", "E/Pj5i", "hPz4+Y", "YT8-Pm", "E_Pj5i", "hPz4-Y",
      ].sort(),
    );
    // Halves: every run of half the length (rounded up), and nothing shorter.
    const halvesOf = secretForms("abcdefghijklm", "secureString").whole.filter((f) => /^[a-m]+$/.test(f) && f.length < 13);
    expect(halvesOf.sort()).toEqual(["abcdefg", "bcdefgh", "cdefghi", "defghij", "efghijk", "fghijkl", "ghijklm"]);
  });

  test("keys are searched, numbers too; the path names where, never what; placeholders are not leaks", () => {
    expect(found({ a: "x", b: "y", c: `in ${LONG.trim()}` }, secrets([LONG]))).toBe("a secret value in $.c");
    expect(found({ a: ["x", "y", `in ${LONG.trim()}`] }, secrets([LONG]))).toBe("a secret value in $.a[2]");
    expect(found({ a: { [`k-${LONG.trim()}`]: 1 } }, secrets([LONG]))).toBe("a secret value as a key in $.a");
    expect(found({ n: [1, 1234567] }, secrets(["1234567"]))).toBe("a secret value in $.n[1]");
    expect(found({ n: [1, 123] }, secrets(["1234567"]))).toBeUndefined();
    expect(found({ a: "<ssm:/x#1>" }, secrets(["<ssm:/x#1>"]))).toBeUndefined();
    expect(found({ a: "<not exported: t.a>" }, secrets([], ["<not exported: t.a>"]))).toBeUndefined();
    expect(found({ a: "<not declared #1>" }, secrets(["<not declared #1>"]))).toBeUndefined();
    expect(found({ a: "<not from config: a/B #1>" }, secrets(["<not from config: a/B #1>"]))).toBeUndefined();
    expect(found(["x", "zz" + LONG.trim()], secrets([LONG]))).toBe("a secret value in $[1]");
    expect(leakedSecret({ a: "x" }, secrets([LONG]))).toBeUndefined();
  });

  test("halves only of values of 12 characters and more; each form only once", () => {
    const eleven = "abcdefghijk";
    expect(found({ a: "abcdef" }, secrets([eleven]))).toBeUndefined();
    expect(found({ a: "abcdefghijkl".slice(0, 6) }, secrets(["abcdefghijkl"]))).toBe("a secret value in $.a");
    const forms = secretForms("abcdefghijkl\n", "secureString");
    expect(new Set(forms.whole).size).toBe(forms.whole.length);
    expect(forms.whole).toEqual(expect.arrayContaining(["abcdefghijkl\n", "abcdefghijkl", "abcdefghijkl\\n", "lkjihgfedcba", "abcdef", "ghijkl"]));
    // A 7-character credential is looked for inside values only in its longer encodings.
    expect(secretForms("abcd567", "credential").inside).not.toContain("abcd567");
    expect(secretForms("abcd567", "credential").whole).toContain("abcd567");
    expect(secretForms("abcd5678", "credential").inside).toContain("abcd5678");
  });
});
