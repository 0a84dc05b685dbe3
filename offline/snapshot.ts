import { z } from "zod";
import type { ResolvedEnvironment } from "../config";
import type { PlatformData } from "./standin/platform";
import { platformId } from "./standin/provider";
import { isJsonObject, type JsonObject, type PlanJson } from "../plan/plan-json";

// The sanitized snapshot of a live environment: what a pull request's plan runs against,
// instead of the live estate and a credential. Exported by main's code in the trusted drift job, from
// what Terraform already read there: the drift plan's prior_state (every object refreshed, every data
// source read) and the state. Nothing is fetched for it.
//
// A value leaves only when it is not a secret by construction:
//  - ids, names, counts, sizes, routes, queue attributes, policies: what config declares or the platform
//    assigns (GUIDs, URLs, ARNs);
//  - an app's environment variable only when its value is the one config in this repository sets;
//    a variable config sources from SSM becomes `<ssm:NAME#VERSION>` when it holds that parameter's
//    current value (so the placeholder changes when the parameter's version does), anything else
//    (an older version's value, a value set by hand) `<not from config: APP/VAR #n>`, n counting the
//    distinct values of that one variable (so drift between state and platform still shows);
//  - SSM parameters: name, type and version; the value is the placeholder;
//  - attributes a provider marks sensitive (a binding's credentials, docker credentials): a placeholder;
//  - data sources are not kept in the state (Terraform reads them again at every plan), the foreign
//    app only by id, name, instances and memory, provider-private data and outputs not at all.
// No placeholder is computed from a value (a hash of a short value is the value; a length or a prefix
// narrows it). Then every secret value the plan read is looked for in the result, and any hit refuses
// the export: that check is the backstop, the rules above are the design.

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
const otherValuePlaceholder = (app: string, variable: string, n: number) => `<not from config: ${app}/${variable} #${n}>`;
const sensitivePlaceholder = (attribute: string) => `<not exported: ${attribute}>`;

/** Attributes providers mark sensitive in the types this estate uses (providers/*.schema.json). */
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

/** Every value a plan marks sensitive, and every SSM value it read: what must never leave. */
function secretValues(resources: readonly PriorResource[]): Set<string> {
  const found = new Set<string>();
  const collect = (value: unknown, mark: unknown) => {
    if (mark === true) {
      const walk = (v: unknown): void => {
        if (typeof v === "string" || typeof v === "number") found.add(String(v));
        else if (Array.isArray(v)) v.forEach(walk);
        else if (isJsonObject(v)) Object.values(v).forEach(walk);
      };
      walk(value);
    } else if (Array.isArray(mark)) mark.forEach((m, i) => collect((value as unknown[] | undefined)?.[i], m));
    else if (isJsonObject(mark)) for (const [k, m] of Object.entries(mark)) collect((value as JsonObject | undefined)?.[k], m);
  };
  for (const r of resources) {
    // A String parameter is a setting (an address, a switch): placeholdered, but not a secret to hunt.
    if (r.type === "aws_ssm_parameter") {
      if (r.values?.type === "SecureString" && typeof r.values.value === "string") found.add(r.values.value);
      continue;
    }
    collect(r.values, r.sensitive_values);
    for (const k of SENSITIVE[r.type] ?? []) collect(r.values?.[k], true);
  }
  // Under four characters ("{}", "1", "off") a search finds coincidences, not leaks: the rules above
  // keep such values in, and only they can.
  for (const v of found) if (v.length < 4) found.delete(v);
  return found;
}

/**
 * The export. `state` is `terraform state pull` of the same environment (null for none); `env` is
 * main's resolved config, which says which variable comes from which parameter and which values are
 * in this repository.
 */
export function exportSnapshot(input: { env: ResolvedEnvironment; plan: PlanJson; state: unknown; takenAt: Date; commit?: string }): Snapshot {
  const { env, plan } = input;
  const resources = priorResources(plan);
  const secrets = secretValues(resources);
  const data = (type: string) => resources.filter((r) => r.mode === "data" && r.type === type);
  const one = (type: string): JsonObject => {
    const found = data(type);
    if (found.length !== 1 || !found[0].values) throw new Error(`the plan's prior_state has ${found.length} data.${type}, expected 1: is it a plan of this estate?`);
    return found[0].values;
  };

  // SSM parameters: name, type, version, and the placeholder; the current value only in memory.
  const parameters: Record<string, { type: "SecureString" | "String"; value: string; version: number }> = {};
  const current = new Map<string, { value: unknown; placeholder: string }>();
  for (const r of data("aws_ssm_parameter")) {
    const v = r.values!;
    const name = String(v.name);
    const version = Number(v.version);
    const placeholder = parameterPlaceholder(name, version);
    parameters[name] = { type: v.type === "SecureString" ? "SecureString" : "String", value: placeholder, version };
    current.set(name, { value: v.type === "SecureString" ? v.value : (v.insecure_value ?? v.value), placeholder });
  }

  const apps = new Map(env.apps.map((a) => [a.name, a]));
  const parameterOf = new Map(env.parameters.map((p) => [p.name, p.parameterName]));
  const others = new Map<string, unknown[]>();
  const environment = (appName: string, vars: unknown): unknown => {
    if (!isJsonObject(vars)) return vars ?? null;
    const app = apps.get(appName);
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(vars)) {
      const fromParameter = app?.secretEnv.some((s) => s.name === k) ? parameterOf.get(k) : undefined;
      const cur = fromParameter ? current.get(fromParameter) : undefined;
      if (cur && v === cur.value) out[k] = cur.placeholder;
      else if (!fromParameter && app && app.env[k] === v && !secrets.has(String(v))) out[k] = v;
      else {
        const seen = others.get(`${appName}/${k}`) ?? [];
        if (!seen.includes(v)) seen.push(v);
        others.set(`${appName}/${k}`, seen);
        out[k] = otherValuePlaceholder(appName, k, seen.indexOf(v) + 1);
      }
    }
    return out;
  };
  const sanitize = (type: string, values: JsonObject): JsonObject => {
    const out: JsonObject = { ...values };
    for (const k of SENSITIVE[type] ?? []) if (out[k] !== null && out[k] !== undefined) out[k] = k === "docker_credentials" ? null : sensitivePlaceholder(k);
    if (type === "cloudfoundry_app") out.environment = environment(String(values.name), values.environment);
    return out;
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
        .filter((r) => r.mode === "managed")
        .map((r) => ({
          ...r,
          instances: r.instances.map((i) => {
            const { private: _private, ...rest } = i as JsonObject;
            return { ...rest, attributes: sanitize(r.type, (i.attributes ?? {}) as JsonObject) };
          }),
        })),
      check_results: null,
    } as TerraformState;
  }

  const platformResources: Record<string, Record<string, JsonObject>> = {};
  for (const r of resources.filter((x) => x.mode === "managed" && x.values)) {
    const o = sanitize(r.type, r.values!);
    (platformResources[r.type] ??= {})[platformId(r.type, o as Parameters<typeof platformId>[1])] = o;
  }
  // What runs but Terraform does not manage (an app, route or queue made by hand, or not adopted yet):
  // listed by the data sources the adoption reads, so that a pull request adding it plans an import.
  const managedIds = (type: string) => new Set(Object.values(platformResources[type] ?? {}).map((o) => String(o.id)));
  const foreignNames = new Set(data("cloudfoundry_app").map((r) => String(r.values!.name)));
  const appIds = managedIds("cloudfoundry_app");
  for (const r of data("cloudfoundry_apps")) {
    for (const listed of ((r.values!.apps as JsonObject[] | undefined) ?? []).filter((a) => !appIds.has(String(a.id)) && !foreignNames.has(String(a.name)))) {
      const web = ((listed.processes as JsonObject[] | undefined) ?? []).find((p) => p.type === "web") ?? {};
      const { processes: _processes, service_bindings: _bindings, ...rest } = listed;
      const app = sanitize("cloudfoundry_app", { ...rest, instances: web.instances ?? 1, memory: web.memory ?? null, disk_quota: web.disk_quota ?? null, health_check_type: web.health_check_type ?? null });
      (platformResources.cloudfoundry_app ??= {})[String(listed.id)] = app;
    }
  }
  const routeIds = managedIds("cloudfoundry_route");
  for (const r of data("cloudfoundry_routes")) {
    for (const route of ((r.values!.routes as JsonObject[] | undefined) ?? []).filter((x) => !routeIds.has(String(x.id)))) (platformResources.cloudfoundry_route ??= {})[String(route.id)] = { ...route };
  }
  const queueIds = managedIds("aws_sqs_queue");
  for (const r of data("aws_sqs_queues")) {
    for (const url of ((r.values!.queue_urls as string[] | undefined) ?? []).filter((u) => !queueIds.has(u))) {
      const name = url.slice(url.lastIndexOf("/") + 1);
      (platformResources.aws_sqs_queue ??= {})[url] = { id: url, url, name, arn: `arn:aws:sqs:${env.awsRegion}:${String(one("aws_caller_identity").account_id)}:${name}` };
    }
  }
  // Bindings are platform objects of their own on the stand-in; an app lists them (offline/standin).
  for (const app of Object.values(platformResources.cloudfoundry_app ?? {})) app.service_bindings = [];

  const org = one("cloudfoundry_org");
  const space = one("cloudfoundry_space");
  const caller = one("aws_caller_identity");
  const foreign: Record<string, JsonObject> = {};
  for (const r of data("cloudfoundry_app")) {
    const v = r.values!;
    const web = ((v.processes as JsonObject[] | undefined) ?? []).find((p) => p.type === "web");
    foreign[String(v.name)] = { id: v.id, name: v.name, instances: web?.instances ?? v.instances ?? 1, memory: web?.memory ?? v.memory ?? null };
  }
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    environment: env.name,
    taken_at: input.takenAt.toISOString(),
    ...(input.commit ? { commit: input.commit } : {}),
    platform: {
      description: `the ${env.name} estate as the drift plan read it at ${input.takenAt.toISOString()}, sanitized (offline/snapshot.ts): no secret value, placeholders instead`,
      cf: {
        org: { name: String(org.name), id: String(org.id) },
        space: { name: String(space.name), id: String(space.id) },
        domains: Object.fromEntries(data("cloudfoundry_domain").map((r) => [String(r.values!.name), String(r.values!.id)])),
        serviceInstances: Object.fromEntries(data("cloudfoundry_service_instance").map((r) => [String(r.values!.name), { id: String(r.values!.id), type: String(r.values!.type ?? "managed") }])),
        foreignApps: foreign as PlatformData["cf"]["foreignApps"],
      },
      aws: { accountId: String(caller.account_id), region: env.awsRegion, callerArn: String(caller.arn), parameters },
      resources: platformResources as PlatformData["resources"],
    },
    state,
  };
  const leak = leakedSecret(snapshot, secrets);
  if (leak) throw new Error(`refused to export: ${leak}; nothing was written (offline/snapshot.ts must learn to sanitize that attribute)`);
  return snapshot;
}

/**
 * Where a secret value appears in `doc` (a path, never the value), or undefined. A short value
 * (under 8 characters) counts only as a whole string; a longer one anywhere in a string.
 */
export function leakedSecret(doc: unknown, secrets: ReadonlySet<string>): string | undefined {
  const long = [...secrets].filter((s) => s.length >= 8);
  const walk = (v: unknown, at: string): string | undefined => {
    if (typeof v === "string" || typeof v === "number") {
      const s = String(v);
      if (typeof v === "string" && secrets.has(s) && !/^<(ssm:|not from config:|not exported:)/.test(s)) return `a secret value at ${at}`;
      if (long.some((x) => s.includes(x))) return `a secret value inside ${at}`;
      return undefined;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const hit = walk(v[i], `${at}[${i}]`);
        if (hit) return hit;
      }
    } else if (isJsonObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (long.some((s) => k.includes(s)) || secrets.has(k)) return `a secret value as a key in ${at}`;
        const hit = walk(x, `${at}.${k}`);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return walk(doc, "$");
}
