import { z } from "zod";
import type { ResolvedEnvironment } from "../config";
import type { PlatformData } from "./standin/platform";
import { platformId } from "./standin/provider";
import { isJsonObject, type JsonObject, type PlanJson } from "../plan/plan-json";
import { exportObject, ExportRefusal, type Declared, type ExportContext } from "./export-sanitize";
import { innerStrings, leakedSecret, type Secrets } from "./export-backstop";

// The sanitized snapshot of a live environment: what a pull request's plan runs against,
// instead of the live estate and a credential. Exported by main's code in the trusted drift job, from
// what Terraform already read there: the drift plan's prior_state (every object refreshed, every data
// source read) and the state. Nothing is fetched for it.
//
// What leaves is decided by an allow-list per resource type and attribute (export-allow-list.ts,
// applied by export-sanitize.ts): a value leaves when it is what this repository's config declares for
// it, or platform-assigned structure of a reviewed shape (GUIDs, timestamps, counts, sizes, switches,
// platform words, ARNs and URLs built from names that left). Everything else is a placeholder that
// carries no part of the value:
//  - an app's environment variable config declares: its value when it is config's setting,
//    `<ssm:NAME#VERSION>` when it holds that parameter's current value (so the placeholder changes when
//    the parameter's version does), `<not from config: APP/VAR #n>` otherwise, n counting the distinct
//    values of that one variable (so drift between state and platform still shows);
//  - a variable, label, annotation or tag config does not declare: `<not declared #n>`, its name gone;
//  - SSM parameters: name, type and version; the value is the placeholder;
//  - data sources are not kept in the state (Terraform reads them again at every plan), the foreign
//    app only by id, name, instances and memory, provider-private data and outputs not at all.
// A type the list does not know is all placeholders, or, when something in it is marked sensitive, a
// refusal; so is an attribute the list does not know on a type that holds credentials.
// Then every secret the plan read is looked for in the result in the forms copies take
// (export-backstop.ts), and any hit refuses the export: that check is the backstop, the allow-list is
// the design.

export const SNAPSHOT_FORMAT = "notify-estate-snapshot/1";

export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly environment: string;
  /** When the drift plan read the platform (ISO 8601). */
  readonly taken_at: string;
  /** The commit of main whose config was planned (what is deployed), when known. */
  readonly commit?: string;
  readonly platform: PlatformData;
  /** Terraform state (format 4), sanitized; none when the environment has no state yet. */
  readonly state: TerraformState | null;
}

const stateSchema = z
  .object({
    version: z.literal(4),
    terraform_version: z.string(),
    serial: z.number(),
    lineage: z.string(),
    resources: z.array(
      z
        .object({
          mode: z.enum(["managed", "data"]),
          type: z.string(),
          name: z.string(),
          provider: z.string(),
          instances: z.array(z.object({ attributes: z.record(z.unknown()).optional() }).passthrough()),
        })
        .passthrough(),
    ),
  })
  .passthrough();
export type TerraformState = z.infer<typeof stateSchema>;

const platformSchema = z.object({
  description: z.string(),
  cf: z.object({
    org: z.object({ name: z.string(), id: z.string() }),
    space: z.object({ name: z.string(), id: z.string() }),
    domains: z.record(z.string()),
    serviceInstances: z.record(z.object({ id: z.string(), type: z.string() })),
    foreignApps: z.record(z.record(z.unknown())),
  }),
  aws: z.object({
    accountId: z.string(),
    region: z.string(),
    callerArn: z.string(),
    parameters: z.record(z.object({ type: z.enum(["SecureString", "String"]), value: z.string(), version: z.number() })),
  }),
  resources: z.record(z.record(z.record(z.unknown()))),
});

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  environment: z.string(),
  taken_at: z.string().datetime(),
  commit: z.string().optional(),
  platform: platformSchema,
  state: stateSchema.nullable(),
});

/** The snapshot in `input`, or the problems that make it not one. */
export function parseSnapshot(input: unknown): { snapshot: Snapshot } | { problem: string } {
  const r = snapshotSchema.safeParse(input);
  if (r.success) return { snapshot: r.data as unknown as Snapshot };
  const where = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`)
    .join("; ");
  return { problem: `not a snapshot (${SNAPSHOT_FORMAT}, written by npm run snapshot-export): ${where}` };
}

export const parameterPlaceholder = (name: string, version: number) => `<ssm:${name}#${version}>`;

/** Attributes providers mark sensitive in the types this estate uses (providers/*.schema.json): hunted as credentials. */
const SENSITIVE: Readonly<Record<string, readonly string[]>> = {
  cloudfoundry_service_credential_binding: ["credential_binding", "parameters"],
  cloudfoundry_app: ["docker_credentials"],
};

interface PriorResource {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly values?: JsonObject;
  readonly sensitive_values?: unknown;
}

function priorResources(plan: PlanJson): PriorResource[] {
  const out: PriorResource[] = [];
  const walk = (m: unknown) => {
    if (!isJsonObject(m)) return;
    for (const r of (m.resources as PriorResource[] | undefined) ?? []) out.push(r);
    for (const c of (m.child_modules as unknown[] | undefined) ?? []) walk(c);
  };
  const prior = (plan as JsonObject).prior_state;
  if (!isJsonObject(prior)) return out;
  walk((prior.values as JsonObject | undefined)?.root_module);
  return out;
}

/** Whether a plan's or state's sensitivity marks mark anything. */
const anyMark = (mark: unknown): boolean => mark === true || (Array.isArray(mark) ? mark.some(anyMark) : isJsonObject(mark) && Object.values(mark).some(anyMark));

/** Every SecureString value the plan read, and every value it marks sensitive: what must never leave. */
function secretValues(resources: readonly PriorResource[]): Secrets {
  const secureStrings = new Set<string>();
  const credentials = new Set<string>();
  const collect = (value: unknown, mark: unknown) => {
    if (mark === true) innerStrings(value).forEach((s) => credentials.add(s));
    else if (Array.isArray(mark)) mark.forEach((m, i) => collect((value as unknown[] | undefined)?.[i], m));
    else if (isJsonObject(mark)) for (const [k, m] of Object.entries(mark)) collect((value as JsonObject | undefined)?.[k], m);
  };
  for (const r of resources) {
    // A String parameter is a setting (an address, a switch): placeholdered, but not a secret to hunt.
    if (r.type === "aws_ssm_parameter") {
      if (r.values?.type === "SecureString") innerStrings(r.values.value).forEach((s) => secureStrings.add(s));
      continue;
    }
    collect(r.values, r.sensitive_values);
    for (const k of SENSITIVE[r.type] ?? []) collect(r.values?.[k], true);
  }
  // An SSM value an app holds is marked sensitive too: hunted as the SecureString it is.
  for (const s of secureStrings) credentials.delete(s);
  return { secureStrings, credentials };
}

/** The address of a resource of the root module without its index: what its configuration block is named. */
const configAddress = (address: string) => address.replace(/\[[^\]]*\]$/, "");

/** What main's config declares for each managed resource the drift plan plans, by address. */
function declaredByAddress(plan: PlanJson): Map<string, Declared> {
  const config = (plan as JsonObject).configuration;
  const blocks = isJsonObject(config) && isJsonObject(config.root_module) && Array.isArray(config.root_module.resources) ? config.root_module.resources : [];
  const sets = new Map<string, Set<string>>();
  for (const b of blocks.filter(isJsonObject)) {
    if (b.mode === "managed" && typeof b.address === "string" && isJsonObject(b.expressions)) sets.set(b.address, new Set(Object.keys(b.expressions)));
  }
  const out = new Map<string, Declared>();
  for (const c of plan.resource_changes ?? []) {
    const set = sets.get(configAddress(c.address));
    if (c.mode === "managed" && set && isJsonObject(c.change.after)) out.set(c.address, { sets: set, after: c.change.after as JsonObject });
  }
  return out;
}

/** A state resource instance's address (root module): type.name, then its index. */
const instanceAddress = (type: string, name: string, index: unknown) => `${type}.${name}${index === undefined || index === null ? "" : `[${JSON.stringify(index)}]`}`;

const ADDRESS = /^(data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+(\[("[A-Za-z0-9_-]*"|\d+)\])?$/;

/** A state's resource instance as it may leave: known keys only, its attributes by the allow-list. */
function exportInstance(type: string, name: string, instance: JsonObject, declared: ReadonlyMap<string, Declared>, ctx: ExportContext): JsonObject {
  const index = instance.index_key;
  const keepIndex = typeof index === "number" || (typeof index === "string" && /^[A-Za-z0-9_-]{1,80}$/.test(index));
  const attributes = exportObject(type, (instance.attributes ?? {}) as JsonObject, declared.get(instanceAddress(type, name, index)), anyMark(instance.sensitive_attributes), ctx);
  // A sensitivity path is kept when it leads to what left: a declared variable's placeholder, say.
  const leads = (path: unknown): boolean => {
    let at: unknown = attributes;
    for (const step of Array.isArray(path) ? path : [null]) {
      const key = isJsonObject(step) ? (isJsonObject(step.value) ? step.value.value : step.value) : undefined;
      if (!isJsonObject(at) || typeof key !== "string" || !Object.hasOwn(at, key)) return false;
      at = at[key];
    }
    return true;
  };
  return {
    ...(keepIndex ? { index_key: index } : {}),
    schema_version: typeof instance.schema_version === "number" ? instance.schema_version : 0,
    attributes,
    sensitive_attributes: (Array.isArray(instance.sensitive_attributes) ? instance.sensitive_attributes : []).filter(leads),
    dependencies: (Array.isArray(instance.dependencies) ? instance.dependencies : []).filter((d): d is string => typeof d === "string" && ADDRESS.test(d)),
    ...(typeof instance.create_before_destroy === "boolean" ? { create_before_destroy: instance.create_before_destroy } : {}),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guidOr = (v: unknown, what: string) => (typeof v === "string" && GUID.test(v) ? v : `<not exported: ${what}>`);

/**
 * The export. `state` is `terraform state pull` of the same environment (null for none); `env` is
 * main's resolved config, which says which variable comes from which parameter and which values are
 * in this repository. Throws ExportRefusal when something that holds credentials is not in the
 * allow-list, or when a secret would leave anyway.
 */
export function exportSnapshot(input: { env: ResolvedEnvironment; plan: PlanJson; state: unknown; takenAt: Date; commit?: string }): Snapshot {
  const { env, plan } = input;
  const resources = priorResources(plan);
  const secrets = secretValues(resources);
  const declared = declaredByAddress(plan);
  const data = (type: string) => resources.filter((r) => r.mode === "data" && r.type === type);
  const one = (type: string): JsonObject => {
    const found = data(type);
    if (found.length !== 1 || !found[0].values) throw new Error(`the plan's prior_state has ${found.length} data.${type}, expected 1: is it a plan of this estate?`);
    return found[0].values;
  };
  const caller = one("aws_caller_identity");
  const accountId = /^\d{12}$/.test(String(caller.account_id)) ? String(caller.account_id) : "<not exported: account id>";

  // SSM parameters: name, type, version, and the placeholder; the current value only in memory.
  const parameters: Record<string, { type: "SecureString" | "String"; value: string; version: number }> = {};
  const current = new Map<string, { value: unknown; placeholder: string }>();
  for (const r of data("aws_ssm_parameter")) {
    const v = r.values!;
    const name = String(v.name);
    const version = Number.isInteger(v.version) ? Number(v.version) : 0;
    const placeholder = parameterPlaceholder(name, version);
    parameters[name] = { type: v.type === "SecureString" ? "SecureString" : "String", value: placeholder, version };
    current.set(name, { value: v.type === "SecureString" ? v.value : (v.insecure_value ?? v.value), placeholder });
  }

  const ctx: ExportContext = {
    env,
    accountId,
    region: env.awsRegion,
    domainNames: new Set(data("cloudfoundry_domain").map((r) => String(r.values!.name))),
    serviceInstanceNames: new Set(data("cloudfoundry_service_instance").map((r) => String(r.values!.name))),
    parameters: current,
    secrets: new Set([...secrets.secureStrings, ...secrets.credentials]),
    others: new Map(),
  };

  // The state first, so that a value it holds is "#1" and a later value on the platform "#2".
  let state: TerraformState | null = null;
  if (input.state !== null && input.state !== undefined) {
    const parsed = stateSchema.safeParse(input.state);
    if (!parsed.success) throw new Error(`the state is not a Terraform state (format 4): ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
    const s = parsed.data;
    state = {
      version: 4,
      terraform_version: s.terraform_version,
      serial: s.serial,
      lineage: s.lineage,
      outputs: {},
      resources: s.resources
        .filter((r) => r.mode === "managed" && ADDRESS.test(`${r.type}.${r.name}`))
        .map((r) => ({
          mode: r.mode,
          type: r.type,
          name: r.name,
          provider: /^provider\["[a-z0-9./-]+"\]$/.test(r.provider) ? r.provider : "<not exported: provider>",
          instances: r.instances.map((i) => exportInstance(r.type, r.name, i as JsonObject, declared, ctx)),
        })),
      check_results: null,
    } as TerraformState;
  }

  const platformResources: Record<string, Record<string, JsonObject>> = {};
  const place = (type: string, o: JsonObject, id: string) => {
    const objects = (platformResources[type] ??= {});
    // An object whose id may not leave is listed under a number, not its id.
    objects[id.startsWith("<not exported") ? `<not exported: ${type} #${Object.keys(objects).length + 1}>` : id] = o;
  };
  for (const r of resources.filter((x) => x.mode === "managed" && x.values)) {
    const o = exportObject(r.type, r.values!, declared.get(r.address), anyMark(r.sensitive_values), ctx);
    place(r.type, o, platformId(r.type, o as Parameters<typeof platformId>[1]));
  }
  // What runs but Terraform does not manage (an app, route or queue made by hand, or not adopted yet):
  // listed by the data sources the adoption reads, so that a pull request adding it plans an import.
  // Config declares nothing of it: only its structure leaves.
  const managedIds = (type: string) => new Set(resources.filter((x) => x.mode === "managed" && x.type === type).map((x) => String(x.values?.id)));
  const foreignNames = new Set(data("cloudfoundry_app").map((r) => String(r.values!.name)));
  const appIds = managedIds("cloudfoundry_app");
  for (const r of data("cloudfoundry_apps")) {
    for (const listed of ((r.values!.apps as JsonObject[] | undefined) ?? []).filter((a) => !appIds.has(String(a.id)) && !foreignNames.has(String(a.name)))) {
      const web = ((listed.processes as JsonObject[] | undefined) ?? []).find((p) => p.type === "web") ?? {};
      const { processes: _processes, service_bindings: _bindings, ...rest } = listed;
      const app = exportObject("cloudfoundry_app", { ...rest, instances: web.instances ?? 1, memory: web.memory ?? null, disk_quota: web.disk_quota ?? null, health_check_type: web.health_check_type ?? null }, undefined, false, ctx);
      place("cloudfoundry_app", app, String(app.id));
    }
  }
  const routeIds = managedIds("cloudfoundry_route");
  for (const r of data("cloudfoundry_routes")) {
    for (const route of ((r.values!.routes as JsonObject[] | undefined) ?? []).filter((x) => !routeIds.has(String(x.id)))) {
      const o = exportObject("cloudfoundry_route", route, undefined, false, ctx);
      place("cloudfoundry_route", o, String(o.id));
    }
  }
  const queueIds = managedIds("aws_sqs_queue");
  for (const r of data("aws_sqs_queues")) {
    for (const url of ((r.values!.queue_urls as unknown[] | undefined) ?? []).map(String).filter((u) => !queueIds.has(u))) {
      const name = url.slice(url.lastIndexOf("/") + 1);
      const o = exportObject("aws_sqs_queue", { name, id: url, url, arn: `arn:aws:sqs:${env.awsRegion}:${accountId}:${name}` }, undefined, false, ctx);
      place("aws_sqs_queue", o, String(o.id));
    }
  }
  // Bindings are platform objects of their own on the stand-in; an app lists them (offline/standin).
  for (const app of Object.values(platformResources.cloudfoundry_app ?? {})) app.service_bindings = [];

  const org = one("cloudfoundry_org");
  const space = one("cloudfoundry_space");
  const foreign: Record<string, JsonObject> = {};
  for (const r of data("cloudfoundry_app")) {
    const v = r.values!;
    const web = ((v.processes as JsonObject[] | undefined) ?? []).find((p) => p.type === "web");
    // Looked up by the name config gives: the name is config's.
    foreign[String(v.name)] = exportObject("cloudfoundry_app", { id: v.id, name: v.name, instances: web?.instances ?? v.instances ?? 1, memory: web?.memory ?? v.memory ?? null }, undefined, false, ctx);
  }
  const callerArn = /^arn:aws:(iam|sts)::\d{12}:(user|role|assumed-role)\/[A-Za-z0-9+=,.@_/-]{1,128}$/.test(String(caller.arn)) ? String(caller.arn) : "<not exported: caller ARN>";
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    environment: env.name,
    taken_at: input.takenAt.toISOString(),
    ...(input.commit && /^[0-9a-f]{7,40}$/.test(input.commit) ? { commit: input.commit } : {}),
    platform: {
      description: `the ${env.name} estate as the drift plan read it at ${input.takenAt.toISOString()}, sanitized (offline/snapshot.ts): no secret value, placeholders instead`,
      cf: {
        // Names config looks up (the data sources' arguments); ids the platform assigns.
        org: { name: String(org.name), id: guidOr(org.id, "org id") },
        space: { name: String(space.name), id: guidOr(space.id, "space id") },
        domains: Object.fromEntries(data("cloudfoundry_domain").map((r) => [String(r.values!.name), guidOr(r.values!.id, "domain id")])),
        serviceInstances: Object.fromEntries(
          data("cloudfoundry_service_instance").map((r) => [String(r.values!.name), { id: guidOr(r.values!.id, "service instance id"), type: r.values!.type === "user-provided" ? "user-provided" : "managed" }]),
        ),
        foreignApps: foreign as PlatformData["cf"]["foreignApps"],
      },
      aws: { accountId, region: env.awsRegion, callerArn, parameters },
      resources: platformResources as PlatformData["resources"],
    },
    state,
  };
  const leak = leakedSecret(snapshot, secrets);
  if (leak) throw new ExportRefusal(`refused to export: ${leak}; nothing was written (the allow-list let it through: offline/export-allow-list.ts must not)`);
  return snapshot;
}

export { ExportRefusal, leakedSecret };
