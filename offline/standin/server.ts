import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { StandinError, type ProviderSchemaJson, type StandinProvider } from "./provider";
import { fromMsgpack, toMsgpack, type Obj, type SchemaAttribute, type SchemaBlock, type Value } from "./values";

// Serves a StandinProvider over Terraform's plugin protocol 6 (gRPC, plaintext, on a unix socket),
// the way a provider started by hand is served: Terraform attaches to it through
// TF_REATTACH_PROVIDERS instead of starting a binary.

/** The project root: the directory above this file (or its bundle) that holds this package.json. */
function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "notify-estate") return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error("cannot find the notify-estate project root above " + __dirname);
    dir = up;
  }
}

const PROTO_DIR = path.join(projectRoot(), "offline", "standin");
const loaderOptions: protoLoader.Options = { keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true };
let loaded: { provider: grpc.ServiceDefinition; health: grpc.ServiceDefinition } | undefined;
function services() {
  if (!loaded) {
    const tf = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(PROTO_DIR, "tfplugin6.proto"), loaderOptions)) as any;
    const health = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(PROTO_DIR, "health.proto"), loaderOptions)) as any;
    loaded = { provider: tf.tfplugin6.Provider.service, health: health.grpc.health.v1.Health.service };
  }
  return loaded;
}

const NESTING: Record<string, string> = { single: "SINGLE", list: "LIST", set: "SET", map: "MAP", group: "GROUP" };

function protoAttributes(attrs: Readonly<Record<string, SchemaAttribute>> | undefined): object[] {
  return Object.entries(attrs ?? {}).map(([name, a]) => ({
    name,
    ...(a.nested_type
      ? { nested_type: { attributes: protoAttributes(a.nested_type.attributes), nesting: NESTING[a.nested_type.nesting_mode] } }
      : { type: Buffer.from(JSON.stringify(a.type)) }),
    required: !!a.required,
    optional: !!a.optional,
    computed: !!a.computed,
    sensitive: !!a.sensitive,
  }));
}

function protoBlock(block: SchemaBlock): object {
  return {
    attributes: protoAttributes(block.attributes),
    block_types: Object.entries(block.block_types ?? {}).map(([type_name, b]) => ({
      type_name,
      nesting: NESTING[b.nesting_mode],
      block: protoBlock(b.block),
      min_items: b.min_items ?? 0,
      max_items: b.max_items ?? 0,
    })),
  };
}

function protoSchema(s: { readonly version?: number; readonly block: SchemaBlock }): object {
  return { version: s.version ?? 0, block: protoBlock(s.block) };
}

export function protoProviderSchema(schema: ProviderSchemaJson): object {
  const map = (m: ProviderSchemaJson["resource_schemas"]) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, protoSchema(v)]));
  return {
    provider: protoSchema(schema.provider),
    resource_schemas: map(schema.resource_schemas),
    data_source_schemas: map(schema.data_source_schemas),
    diagnostics: [],
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false },
  };
}

function diagnosticsOf(err: unknown): object[] {
  if (err instanceof StandinError) return [{ severity: "ERROR", summary: err.summary, detail: err.detail }];
  return [{ severity: "ERROR", summary: "stand-in provider error", detail: (err as Error).stack ?? String(err) }];
}

const dv = (bytes: Buffer) => ({ msgpack: bytes });
const decodeDv = (d: { msgpack?: Buffer; json?: Buffer } | undefined): Value => {
  if (d?.msgpack && d.msgpack.length) return fromMsgpack(d.msgpack);
  if (d?.json && d.json.length) return JSON.parse(d.json.toString("utf8")) as Value;
  return null;
};

type Handler = (req: any) => object;
const unary =
  (fn: Handler, diagnosticsField = "diagnostics"): grpc.handleUnaryCall<any, any> =>
  (call, callback) => {
    try {
      callback(null, fn(call.request));
    } catch (err) {
      callback(null, { [diagnosticsField]: diagnosticsOf(err) });
    }
  };

function handlers(p: StandinProvider): grpc.UntypedServiceImplementation {
  const schemaMessage = protoProviderSchema(p.schema);
  return {
    GetProviderSchema: unary(() => schemaMessage),
    ValidateProviderConfig: unary(() => ({ diagnostics: [] })),
    // The provider's schema validators, with their messages (semantics rows 53-58), pointing at the attribute.
    ValidateResourceConfig: unary((r) => ({
      diagnostics: p.validate(r.type_name, decodeDv(r.config)).map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail, attribute: { steps: [{ attribute_name: d.attribute }] } })),
    })),
    ValidateDataResourceConfig: unary(() => ({ diagnostics: [] })),
    ConfigureProvider: unary((r) => {
      p.configure(decodeDv(r.config));
      return { diagnostics: [] };
    }),
    StopProvider: unary(() => ({ Error: "" }), "Error"),
    UpgradeResourceState: unary((r) => {
      const t = p.resourceType(r.type_name);
      const raw = r.raw_state?.json?.length ? JSON.parse(r.raw_state.json.toString("utf8")) : null;
      return { upgraded_state: dv(toMsgpack(raw, t)), diagnostics: [] };
    }),
    ReadResource: unary((r) => {
      const t = p.resourceType(r.type_name);
      return { new_state: dv(toMsgpack(p.read(r.type_name, decodeDv(r.current_state)), t)), diagnostics: [], private: r.private };
    }),
    PlanResourceChange: unary((r) => {
      const t = p.resourceType(r.type_name);
      const { planned, requiresReplace } = p.plan(r.type_name, decodeDv(r.prior_state), decodeDv(r.proposed_new_state), decodeDv(r.config));
      return {
        planned_state: dv(toMsgpack(planned, t)),
        requires_replace: requiresReplace.map((k) => ({ steps: [{ attribute_name: k }] })),
        planned_private: r.prior_private,
        diagnostics: [],
        // terraform-plugin-sdk v2 says so for every SDKv2 resource: Terraform then tolerates a planned or
        // applied value that differs from config (a normalised JSON document; semantics row 82).
        legacy_type_system: !p.framework,
      };
    }),
    ApplyResourceChange: unary((r) => {
      const t = p.resourceType(r.type_name);
      try {
        return { new_state: dv(toMsgpack(p.apply(r.type_name, decodeDv(r.prior_state), decodeDv(r.planned_state)), t)), private: r.planned_private, diagnostics: [], legacy_type_system: !p.framework };
      } catch (err) {
        // An apply that failed half-way returns what it stored with the error (semantics row 84).
        if (err instanceof StandinError && err.state !== undefined) return { new_state: dv(toMsgpack(err.state, t)), private: r.planned_private, diagnostics: diagnosticsOf(err), legacy_type_system: !p.framework };
        throw err;
      }
    }),
    ImportResourceState: unary((r) => {
      const t = p.resourceType(r.type_name);
      return { imported_resources: [{ type_name: r.type_name, state: dv(toMsgpack(p.importState(r.type_name, r.id), t)) }], diagnostics: [] };
    }),
    ReadDataSource: unary((r) => {
      const t = p.dataType(r.type_name);
      return { state: dv(toMsgpack(p.readData(r.type_name, decodeDv(r.config) as Obj), t)), diagnostics: [] };
    }),
  };
}

/** A running stand-in provider on a unix socket, and the reattach entry Terraform needs for it. */
export interface Served {
  readonly socket: string;
  readonly reattach: object;
  close(): Promise<void>;
}

export async function serve(p: StandinProvider, socket: string): Promise<Served> {
  fs.rmSync(socket, { force: true });
  const server = new grpc.Server();
  const s = services();
  server.addService(s.provider, handlers(p));
  server.addService(s.health, { Check: unary(() => ({ status: "SERVING" })) });
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix://${socket}`, grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
  );
  return {
    socket,
    reattach: { Protocol: "grpc", ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: "unix", String: socket } },
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

