// What the snapshot export lets leave, per resource type and attribute (offline/snapshot.ts uses it).
// The list is reviewed data: each entry says why that attribute may leave. An attribute leaves only
//  - when it is what this repository's config declares for it (`declared`: the drift plan of main
//    plans that value for an attribute main's configuration sets), or
//  - when it has the shape of platform-assigned structure (`shape`: a GUID, a timestamp, a count, a
//    size, a switch, a platform word, an ARN or URL built from names that themselves left).
// Maps (labels, annotations, tags) leave key by key: a key config declares, with its declared value.
// Lists of objects (processes, destinations, policies) leave field by field, by `fields`.
// Everything else is a placeholder that carries no part of the value. A type the list does not know
// is all placeholders; an attribute the list does not know, a placeholder; on a type marked
// `sensitive`, either of those is a refusal (the export fails closed rather than guess).

/** What an exported attribute is checked against, besides what config declares. */
export interface ShapeContext {
  readonly accountId: string;
  readonly region: string;
  /** Names of domains config looks up (routes' URLs are built from them). */
  readonly domainNames: ReadonlySet<string>;
  /** Names of service instances config looks up (an app's service_bindings name them). */
  readonly serviceInstanceNames: ReadonlySet<string>;
}

/** A shape of platform-assigned structure: `value`, in the object `exported` so far (names already checked). */
export type Shape = (value: unknown, exported: Readonly<Record<string, unknown>>, ctx: ShapeContext) => boolean;

export interface Allowance {
  /** Why this attribute may leave (the review's reason). */
  readonly why: string;
  /** Leaves when equal to the value main's config plans for it. */
  readonly declared?: boolean;
  /** Leaves when it has this platform-assigned shape. */
  readonly shape?: Shape;
  /** Of an object config does not manage: leaves when it has this shape (what adopting it needs: its name). */
  readonly adoption?: Shape;
  /** A map of strings: each key leaves only if config declares it, with its declared value. */
  readonly map?: true;
  /** A map whose declared keys are those of another attribute's declared map (tags_all of tags). */
  readonly declaredKeysOf?: string;
  /** An app's environment: declared variables only, secrets as SSM placeholders (offline/export-sanitize.ts). */
  readonly environment?: true;
  /** A list of objects, or one object: each field by its own allowance, an unlisted field a placeholder. */
  readonly fields?: Readonly<Record<string, Allowance>>;
}

export interface TypeAllowList {
  /** A type that holds credentials: what the list does not know refuses the export. */
  readonly sensitive: boolean;
  readonly attributes: Readonly<Record<string, Allowance>>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const SIZE = /^\d{1,7}(M|MB|G|GB|T|TB)$/i;
const RATE = /^(-1|\d{1,9}(K|KB|M|MB|G|GB|T|TB)?)$/i;
/** A Cloud Foundry app or route host name, an SQS queue name: letters, digits, dashes, underscores. */
const OBJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
const ROUTE_PATH = /^(\/[A-Za-z0-9._~-]{1,64}){1,8}$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** An IAM unique id (ANPA: a managed policy's). */
const POLICY_ID = /^ANPA[A-Z0-9]{17}$/;

const matches = (re: RegExp): Shape => (v) => typeof v === "string" && re.test(v);
const oneOf =
  (...words: readonly string[]): Shape =>
  (v) =>
    words.includes(v as string);
const wholeNumber: Shape = (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1e9;
const aSwitch: Shape = (v) => typeof v === "boolean";

export const shapes = {
  guid: matches(GUID),
  timestamp: matches(TIMESTAMP),
  size: matches(SIZE),
  rate: matches(RATE),
  objectName: matches(OBJECT_NAME),
  routePath: matches(ROUTE_PATH),
  sha256: matches(SHA256),
  policyId: matches(POLICY_ID),
  wholeNumber,
  aSwitch,
  /** A port or a port range of a network policy ("8125", "8080-8081"). */
  portRange: matches(/^\d{1,5}(-\d{1,5})?$/),
  healthCheckType: oneOf("port", "process", "http", "none"),
  appProtocol: oneOf("http1", "http2", "tcp"),
  routeProtocol: oneOf("http", "tcp"),
  policyProtocol: oneOf("tcp", "udp"),
  processType: oneOf("web", "worker"),
  stack: matches(/^cflinuxfs\d$/),
  strategy: oneOf("rolling", "none"),
  deduplicationScope: oneOf("messageGroup", "queue"),
  fifoThroughputLimit: oneOf("perQueue", "perMessageGroupId"),
  bindingType: oneOf("app", "key"),
  operationType: oneOf("create", "update", "delete"),
  operationState: oneOf("initial", "in progress", "succeeded", "failed"),
  emptyJsonObject: oneOf("{}"),
  /** IAM's default path, which the provider reads back when config sets none (semantics row 83). */
  iamDefaultPath: oneOf("/"),
  /** An SQS queue's URL, built from the account, the region and the queue's exported name. */
  queueUrl: (v, o, ctx) => typeof o.name === "string" && OBJECT_NAME.test(o.name) && v === `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${o.name}`,
  /** An SQS queue's ARN, built the same way. */
  queueArn: (v, o, ctx) => typeof o.name === "string" && OBJECT_NAME.test(o.name) && v === `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${o.name}`,
  /** An IAM policy's ARN, built from the account and the policy's exported name. */
  policyArn: (v, o, ctx) => typeof o.name === "string" && OBJECT_NAME.test(o.name) && v === `arn:aws:iam::${ctx.accountId}:policy/${o.name}`,
  /** The id AWS gives an attachment: the user's exported name, a dash and 26 digits. */
  attachmentId: (v, o, _ctx) => typeof v === "string" && typeof o.user === "string" && OBJECT_NAME.test(o.user) && new RegExp(`^${o.user}-\\d{26}$`).test(v),
  /** A route's URL: its exported host and path on a domain config looks up. */
  routeUrl: (v, o, ctx) => typeof o.host === "string" && [...ctx.domainNames].some((d) => v === `${o.host}.${d}${typeof o.path === "string" ? o.path : ""}`),
  /** A service instance config looks up, by name. */
  serviceInstanceName: (v, _o, ctx) => ctx.serviceInstanceNames.has(v as string),
} satisfies Record<string, Shape>;

const ID = { why: "a GUID the platform assigns", shape: shapes.guid };
const TIMES = {
  created_at: { why: "a timestamp the platform assigns", shape: shapes.timestamp },
  updated_at: { why: "a timestamp the platform assigns", shape: shapes.timestamp },
};
const METADATA = {
  labels: { why: "keys config declares, with their declared values; any other key is a placeholder", map: true },
  annotations: { why: "keys config declares, with their declared values; any other key is a placeholder", map: true },
} as const;
const declared = (why: string, shape?: Shape): Allowance => ({ why, declared: true, ...(shape ? { shape } : {}) });
/** A name: config's, or (an object nobody manages) one of this shape, which adopting it needs. */
const named = (why: string, adoption: Shape): Allowance => ({ why, declared: true, adoption });
const CONFIG_ONLY = "config sets it; any other value (a command, an endpoint, a path set by hand) can hold anything";

/** The fields of a process (an app's `processes`): counts, sizes, platform words; never its command or endpoints. */
const PROCESS: Readonly<Record<string, Allowance>> = {
  type: { why: "a process type word", shape: shapes.processType },
  instances: { why: "an instance count", shape: shapes.wholeNumber },
  memory: { why: "a size", shape: shapes.size },
  disk_quota: { why: "a size", shape: shapes.size },
  log_rate_limit_per_second: { why: "a rate", shape: shapes.rate },
  health_check_type: { why: "a platform word", shape: shapes.healthCheckType },
  readiness_health_check_type: { why: "a platform word", shape: shapes.healthCheckType },
  health_check_interval: { why: "seconds", shape: shapes.wholeNumber },
  health_check_invocation_timeout: { why: "seconds", shape: shapes.wholeNumber },
  readiness_health_check_interval: { why: "seconds", shape: shapes.wholeNumber },
  readiness_health_check_invocation_timeout: { why: "seconds", shape: shapes.wholeNumber },
  timeout: { why: "seconds", shape: shapes.wholeNumber },
  command: { why: "never: a process's command is set by hand or by a manifest and can hold anything" },
  health_check_http_endpoint: { why: "never: an endpoint set by hand can hold anything" },
  readiness_health_check_http_endpoint: { why: "never: an endpoint set by hand can hold anything" },
};

const APP: TypeAllowList = {
  sensitive: false,
  attributes: {
    id: ID,
    ...TIMES,
    ...METADATA,
    name: named("the app's name: config declares it, or (an app nobody manages) what adoption needs", shapes.objectName),
    org_name: declared("the org config names"),
    space_name: declared("the space config names"),
    instances: declared("an instance count", shapes.wholeNumber),
    memory: declared("a size", shapes.size),
    disk_quota: declared("a size", shapes.size),
    log_rate_limit_per_second: declared("a rate", shapes.rate),
    health_check_type: declared("a platform word", shapes.healthCheckType),
    readiness_health_check_type: declared("a platform word", shapes.healthCheckType),
    health_check_interval: declared("seconds", shapes.wholeNumber),
    health_check_invocation_timeout: declared("seconds", shapes.wholeNumber),
    readiness_health_check_interval: declared("seconds", shapes.wholeNumber),
    readiness_health_check_invocation_timeout: declared("seconds", shapes.wholeNumber),
    timeout: declared("seconds", shapes.wholeNumber),
    app_deployed_running_check_interval: declared("seconds", shapes.wholeNumber),
    app_deployed_running_timeout: declared("seconds", shapes.wholeNumber),
    enable_ssh: declared("a switch", shapes.aSwitch),
    stopped: declared("a switch", shapes.aSwitch),
    no_route: declared("a switch", shapes.aSwitch),
    random_route: declared("a switch", shapes.aSwitch),
    stack: declared("a platform word (the root file system)", shapes.stack),
    strategy: declared("a platform word", shapes.strategy),
    source_code_hash: declared("the SHA-256 of the app's zip", shapes.sha256),
    command: declared(CONFIG_ONLY),
    health_check_http_endpoint: declared(CONFIG_ONLY),
    readiness_health_check_http_endpoint: declared(CONFIG_ONLY),
    buildpacks: declared(CONFIG_ONLY),
    docker_image: declared(CONFIG_ONLY),
    sidecars: declared(CONFIG_ONLY),
    path: declared("the zip the deploy pushed: the pipeline's variable, as the drift plan planned it"),
    environment: { why: "variables config declares: a setting's value, a secret's SSM placeholder; any other name a placeholder", environment: true },
    service_bindings: {
      why: "config declares them; otherwise the service instances config looks up, with empty parameters",
      declared: true,
      fields: {
        service_instance: { why: "a service instance config looks up", shape: shapes.serviceInstanceName },
        params: { why: "empty parameters", shape: shapes.emptyJsonObject },
      },
    },
    routes: {
      why: "route GUIDs and protocols",
      declared: true,
      fields: { route: ID, protocol: { why: "a platform word", shape: shapes.appProtocol } },
    },
    processes: { why: "per process: counts, sizes, platform words (never its command or endpoints)", declared: true, fields: PROCESS },
    docker_credentials: { why: "never: a registry password; always a placeholder" },
  },
};

const ROUTE: TypeAllowList = {
  sensitive: false,
  attributes: {
    id: ID,
    ...TIMES,
    ...METADATA,
    domain: ID,
    space: ID,
    host: named("a public host name: config declares it, or (a route nobody manages) what adoption needs", shapes.objectName),
    path: named("a public URL path: config declares it, or (a route nobody manages) what adoption needs", shapes.routePath),
    port: declared("a port", shapes.wholeNumber),
    protocol: declared("a platform word", shapes.routeProtocol),
    url: declared("the route's host and path on a domain config looks up", shapes.routeUrl),
    destinations: {
      why: "config declares them; otherwise app GUIDs, ports and platform words",
      declared: true,
      fields: {
        id: ID,
        app_id: ID,
        app_process_type: { why: "a process type word", shape: shapes.processType },
        port: { why: "a port", shape: shapes.wholeNumber },
        protocol: { why: "a platform word", shape: shapes.appProtocol },
        weight: { why: "a weight", shape: shapes.wholeNumber },
      },
    },
  },
};

const NETWORK_POLICY: TypeAllowList = {
  sensitive: false,
  attributes: {
    policies: {
      why: "config declares them; otherwise app GUIDs, ports and protocols",
      declared: true,
      fields: {
        source_app: ID,
        destination_app: ID,
        port: { why: "a port or range", shape: shapes.portRange },
        protocol: { why: "a platform word", shape: shapes.policyProtocol },
      },
    },
  },
};

const BINDING: TypeAllowList = {
  sensitive: true,
  attributes: {
    id: ID,
    ...TIMES,
    ...METADATA,
    app: ID,
    service_instance: ID,
    type: declared("a platform word", shapes.bindingType),
    name: declared(CONFIG_ONLY),
    last_operation: {
      why: "what the broker last did, as platform words and timestamps (never its description)",
      fields: {
        type: { why: "a platform word", shape: shapes.operationType },
        state: { why: "a platform word", shape: shapes.operationState },
        ...TIMES,
        description: { why: "never: the broker's words can quote anything; always a placeholder" },
      },
    },
    credential_binding: { why: "never: the service's credentials; always a placeholder" },
    parameters: { why: "never: the binding's parameters; always a placeholder" },
  },
};

const QUEUE: TypeAllowList = {
  sensitive: false,
  attributes: {
    name: named("the queue's name: config declares it, or (a queue nobody manages) what adoption needs", shapes.objectName),
    id: { why: "the queue's URL, from the account, region and its name", shape: shapes.queueUrl },
    url: { why: "the queue's URL, from the account, region and its name", shape: shapes.queueUrl },
    arn: { why: "the queue's ARN, from the account, region and its name", shape: shapes.queueArn },
    name_prefix: declared(CONFIG_ONLY),
    message_retention_seconds: declared("seconds", shapes.wholeNumber),
    visibility_timeout_seconds: declared("seconds", shapes.wholeNumber),
    delay_seconds: declared("seconds", shapes.wholeNumber),
    receive_wait_time_seconds: declared("seconds", shapes.wholeNumber),
    kms_data_key_reuse_period_seconds: declared("seconds", shapes.wholeNumber),
    max_message_size: declared("a size in bytes", shapes.wholeNumber),
    fifo_queue: declared("a switch", shapes.aSwitch),
    content_based_deduplication: declared("a switch", shapes.aSwitch),
    sqs_managed_sse_enabled: declared("a switch", shapes.aSwitch),
    deduplication_scope: declared("a platform word", shapes.deduplicationScope),
    fifo_throughput_limit: declared("a platform word", shapes.fifoThroughputLimit),
    kms_master_key_id: declared(CONFIG_ONLY),
    policy: declared(CONFIG_ONLY),
    redrive_policy: declared(CONFIG_ONLY),
    redrive_allow_policy: declared(CONFIG_ONLY),
    timeouts: declared(CONFIG_ONLY),
    tags: { why: "keys config declares, with their declared values; any other key is a placeholder", map: true },
    tags_all: { why: "the keys config declares in tags, with their declared values; any other key is a placeholder", map: true, declaredKeysOf: "tags" },
  },
};

const IAM_POLICY: TypeAllowList = {
  sensitive: false,
  attributes: {
    name: declared("the policy's name config declares"),
    id: { why: "the policy's ARN, from the account and its name", shape: shapes.policyArn },
    arn: { why: "the policy's ARN, from the account and its name", shape: shapes.policyArn },
    policy_id: { why: "an id AWS assigns", shape: shapes.policyId },
    attachment_count: { why: "a count", shape: shapes.wholeNumber },
    name_prefix: declared(CONFIG_ONLY),
    path: declared("config sets it, or it is IAM's default path \"/\" the provider reads back; any other path set by hand can hold anything", shapes.iamDefaultPath),
    description: declared(CONFIG_ONLY),
    policy: declared(CONFIG_ONLY),
    tags: { why: "keys config declares, with their declared values; any other key is a placeholder", map: true },
    tags_all: { why: "the keys config declares in tags, with their declared values; any other key is a placeholder", map: true, declaredKeysOf: "tags" },
  },
};

const ATTACHMENT: TypeAllowList = {
  sensitive: false,
  attributes: {
    user: declared("the apps' IAM user config names"),
    policy_arn: declared("the policy config attaches"),
    id: { why: "the id AWS assigns: the user's name and a number", shape: shapes.attachmentId },
  },
};

/** The reviewed list: every resource type the export writes, and each attribute that may leave. */
export const EXPORT_ALLOW_LIST: Readonly<Record<string, TypeAllowList>> = {
  cloudfoundry_app: APP,
  cloudfoundry_route: ROUTE,
  cloudfoundry_network_policy: NETWORK_POLICY,
  cloudfoundry_service_credential_binding: BINDING,
  aws_sqs_queue: QUEUE,
  aws_iam_policy: IAM_POLICY,
  aws_iam_user_policy_attachment: ATTACHMENT,
};

/** How an allowance lets a value leave, in words (the allow-list's table in docs/snapshot-export.md). */
function leavesWhen(a: Allowance): string {
  if (a.environment) return "per variable (see below)";
  if (a.map) return a.declaredKeysOf ? `key by key, the keys config declares in ${a.declaredKeysOf}` : "key by key, the keys config declares";
  const ways = [a.declared ? "config declares it" : "", a.shape ? "it has its shape" : "", a.adoption ? "nobody manages the object and it has a name's shape" : "", a.fields ? "field by field" : ""].filter(Boolean);
  return ways.length ? ways.join(", or ") : "never: a placeholder";
}

/** The allow-list as a Markdown table: type, attribute, when it leaves, why. */
export function allowListTable(): string {
  const rows: string[] = ["| type | attribute | leaves when | why |", "| --- | --- | --- | --- |"];
  const add = (type: string, attributes: Readonly<Record<string, Allowance>>, prefix: string) => {
    for (const [name, a] of Object.entries(attributes).sort(([x], [y]) => (x < y ? -1 : 1))) {
      rows.push(`| ${type} | \`${prefix}${name}\` | ${leavesWhen(a)} | ${a.why} |`);
      if (a.fields) add(type, a.fields, `${prefix}${name}.`);
    }
  };
  for (const [type, list] of Object.entries(EXPORT_ALLOW_LIST)) add(`\`${type}\`${list.sensitive ? " (holds credentials: what is not listed refuses the export)" : ""}`, list.attributes, "");
  return `${rows.join("\n")}\n`;
}
