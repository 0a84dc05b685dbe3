import { createHash } from "crypto";
import { Platform } from "./platform";
import { conform, isUnknown, objectType, sameValue, UNKNOWN, type Obj, type SchemaBlock, type Type, type Value } from "./values";

// One stand-in provider: the schema of a real provider, served exactly, with plan and apply done
// generically (configured values kept, computed values unknown at plan and filled at apply) and the
// behaviours of cloudfoundry/cloudfoundry 1.16.0 that decide outages (shared/providers notes). It is
// not Cloud Foundry or AWS: objects are what the platform file says they are.

export interface ProviderSchemaJson {
  readonly provider: { readonly version?: number; readonly block: SchemaBlock };
  readonly resource_schemas: Readonly<Record<string, { readonly version?: number; readonly block: SchemaBlock }>>;
  readonly data_source_schemas: Readonly<Record<string, { readonly version?: number; readonly block: SchemaBlock }>>;
}

export interface Diagnostic {
  readonly severity: "ERROR" | "WARNING";
  readonly summary: string;
  readonly detail?: string;
}

/** How one resource type behaves, beyond its schema. */
interface Behaviour {
  /** Attributes whose change forces replacement (RequiresReplace / ForceNew). */
  readonly replaceOn: readonly string[];
  /** Attributes that force replacement only when configured (RequiresReplaceIfConfigured). */
  readonly replaceWhenConfigured?: readonly string[];
  /**
   * terraform-plugin-framework: on any update, a computed attribute that is null in config is planned
   * unknown, unless it keeps its state (UseStateForUnknown): these.
   */
  readonly frameworkKeepOnUpdate?: readonly string[];
  /** Attributes the platform cannot report: a read keeps Terraform's value, an import has none. */
  readonly notReadable?: readonly string[];
  /** The id of a new object, and the computed values the platform fills at apply. */
  fill(o: Obj, prior: Obj | null, p: Platform): void;
  /** The id Terraform imports by, or undefined when import is not supported. */
  readonly importable: boolean;
}

const now = () => new Date().toISOString();
const hash = (s: string) => createHash("sha256").update(s).digest("hex");

const BEHAVIOURS: Record<string, Behaviour> = {
  cloudfoundry_app: {
    // Notes (b)-(h): name, space, org and sidecars always replace; service_bindings on any change;
    // routes when configured and changed. The id has no UseStateForUnknown (blue-green changes it).
    replaceOn: ["name", "space_name", "org_name", "sidecars", "service_bindings"],
    replaceWhenConfigured: ["routes"],
    frameworkKeepOnUpdate: ["service_bindings", "created_at"],
    notReadable: ["path", "source_code_hash", "strategy", "app_deployed_running_timeout", "app_deployed_running_check_interval", "docker_credentials", "no_route", "random_route"],
    importable: true,
    fill(o, prior, p) {
      o.id = (prior?.id as string) ?? p.newGuid();
      // (h): an unknown instance count is pushed as 1.
      if (isUnknown(o.instances)) o.instances = 1;
      o.created_at = (prior?.created_at as string) ?? now();
      o.updated_at = now();
      const defaults: Obj = { enable_ssh: true, stack: "cflinuxfs4", health_check_type: "port", readiness_health_check_type: "process", log_rate_limit_per_second: "-1", memory: "1024M", disk_quota: "1024M", stopped: false, buildpacks: [], service_bindings: [], routes: [] };
      for (const [k, v] of Object.entries(defaults)) if (isUnknown(o[k])) o[k] = prior?.[k] ?? v;
      if (Array.isArray(o.service_bindings)) o.service_bindings = o.service_bindings.map((b) => ({ ...(b as Obj), params: isUnknown((b as Obj).params) ? "{}" : (b as Obj).params }));
      // A manifest's services are bound before the app starts (cf push); on the platform a binding is
      // one object, whichever way it was made.
      for (const b of (o.service_bindings as Obj[] | null) ?? []) {
        const name = String(b.service_instance);
        const si = p.data.cf.serviceInstances[name];
        if (!si) throw new StandinError("Service instance not found", `no service instance named ${name} in the space`);
        const bound = Object.values(p.objects("cloudfoundry_service_credential_binding")).some((x) => x.app === o.id && x.service_instance === si.id);
        if (!bound) {
          const id = p.newGuid();
          p.put("cloudfoundry_service_credential_binding", id, { id, type: "app", name: null, app: String(o.id), service_instance: si.id, created_at: now(), updated_at: now(), credential_binding: "{}" });
        }
      }
    },
  },
  cloudfoundry_route: {
    replaceOn: ["space", "domain", "host", "path", "port"],
    frameworkKeepOnUpdate: ["id", "created_at", "url", "protocol"],
    importable: true,
    fill(o, prior, p) {
      o.id = (prior?.id as string) ?? p.newGuid();
      const domain = Object.entries(p.data.cf.domains).find(([, id]) => id === o.domain)?.[0] ?? String(o.domain);
      o.url = `${o.host ? `${o.host}.` : ""}${domain}${o.path ?? ""}`;
      o.protocol = "http";
      o.created_at = (prior?.created_at as string) ?? now();
      o.updated_at = now();
      if (Array.isArray(o.destinations)) {
        o.destinations = o.destinations.map((d) => {
          const dest = { ...(d as Obj) };
          if (isUnknown(dest.id)) dest.id = p.newGuid();
          if (isUnknown(dest.app_process_type)) dest.app_process_type = "web";
          if (isUnknown(dest.port)) dest.port = 8080;
          if (isUnknown(dest.protocol)) dest.protocol = "http1";
          return dest;
        });
      }
    },
  },
  cloudfoundry_network_policy: {
    // (f): no id, no import; an update removes and adds the difference.
    replaceOn: [],
    importable: false,
    fill(o) {
      if (Array.isArray(o.policies)) o.policies = o.policies.map((x) => ({ ...(x as Obj), protocol: isUnknown((x as Obj).protocol) ? "tcp" : (x as Obj).protocol }));
    },
  },
  cloudfoundry_service_credential_binding: {
    // (g): every input forces replacement, except labels and annotations.
    replaceOn: ["type", "name", "service_instance", "app", "parameters"],
    frameworkKeepOnUpdate: ["id", "created_at"],
    importable: true,
    fill(o, prior, p) {
      if (!prior && Object.values(p.objects("cloudfoundry_service_credential_binding")).some((x) => x.app === o.app && x.service_instance === o.service_instance)) {
        throw new StandinError("The app is already bound to the service instance", `app ${o.app} and service instance ${o.service_instance}: import the binding instead of creating it`);
      }
      o.id = (prior?.id as string) ?? p.newGuid();
      o.created_at = (prior?.created_at as string) ?? now();
      o.updated_at = now();
      if (isUnknown(o.credential_binding)) o.credential_binding = "{}";
      if (isUnknown(o.last_operation)) o.last_operation = null;
    },
  },
  aws_sqs_queue: {
    replaceOn: ["name", "name_prefix", "fifo_queue"],
    importable: true,
    fill(o, _prior, p) {
      const { region, accountId } = p.data.aws;
      o.url = `https://sqs.${region}.amazonaws.com/${accountId}/${o.name}`;
      o.id = o.url;
      o.arn = `arn:aws:sqs:${region}:${accountId}:${o.name}`;
      if (isUnknown(o.kms_data_key_reuse_period_seconds)) o.kms_data_key_reuse_period_seconds = 300;
    },
  },
  aws_iam_policy: {
    replaceOn: ["name", "name_prefix", "path", "description"],
    importable: true,
    fill(o, prior, p) {
      o.arn = `arn:aws:iam::${p.data.aws.accountId}:policy${(o.path as string) ?? "/"}${o.name}`;
      o.id = o.arn;
      if (isUnknown(o.policy_id)) o.policy_id = (prior?.policy_id as string) ?? `ANPA${hash(String(o.arn)).slice(0, 17).toUpperCase()}`;
      if (isUnknown(o.attachment_count)) o.attachment_count = 0;
    },
  },
  aws_iam_user_policy_attachment: {
    replaceOn: ["user", "policy_arn"],
    importable: true,
    fill(o) {
      o.id = `${o.user}/${o.policy_arn}`;
    },
  },
};

/** The key an object is kept under on the platform. */
export function platformId(type: string, o: Obj): string {
  if (type === "cloudfoundry_network_policy") {
    return hash(JSON.stringify(((o.policies as Obj[]) ?? []).map((x) => [x.source_app, x.destination_app, x.port, x.protocol]).sort()));
  }
  return String(o.id);
}

export class StandinProvider {
  constructor(
    /** "cloudfoundry" or "aws": which provider this serves. */
    readonly name: string,
    readonly schema: ProviderSchemaJson,
    readonly platform: Platform,
    /** terraform-plugin-framework (CF) plans computed attributes unknown on update; SDKv2 (AWS) keeps them. */
    readonly framework: boolean,
  ) {}

  resourceType(type: string): { readonly object: Readonly<Record<string, Type>> } {
    const s = this.schema.resource_schemas[type];
    if (!s) throw new Error(`${this.name} has no resource type ${type}`);
    return objectType(s.block);
  }

  dataType(type: string): { readonly object: Readonly<Record<string, Type>> } {
    const s = this.schema.data_source_schemas[type];
    if (!s) throw new Error(`${this.name} has no data source ${type}`);
    return objectType(s.block);
  }

  private behaviour(type: string): Behaviour {
    const b = BEHAVIOURS[type];
    if (!b) throw new Error(`the stand-in does not model resource type ${type}; add its behaviour to rehearsal/standin/provider.ts`);
    return b;
  }

  plan(type: string, prior: Value, proposed: Value, config: Value): { planned: Value; requiresReplace: string[] } {
    if (proposed === null) return { planned: null, requiresReplace: [] };
    const b = this.behaviour(type);
    const attrs = this.schema.resource_schemas[type].block.attributes ?? {};
    const t = this.resourceType(type);
    const planned = { ...(proposed as Obj) };
    const cfg = (config ?? {}) as Obj;
    // Schema defaults the framework applies at plan time (notes: service_bindings[].params is "{}").
    if (type === "cloudfoundry_app" && Array.isArray(planned.service_bindings)) {
      planned.service_bindings = planned.service_bindings.map((b) => ({ ...(b as Obj), params: (b as Obj).params ?? "{}" }));
    }
    const old = prior as Obj | null;
    // hashicorp/aws computes tags_all (default_tags, none here, merged with tags) at plan time.
    const tagsAll = () => {
      if (!this.framework && "tags_all" in attrs && !isUnknown(planned.tags)) planned.tags_all = planned.tags ?? {};
    };
    if (!old) {
      for (const [k, a] of Object.entries(attrs)) if (a.computed && cfg[k] === null) planned[k] = UNKNOWN;
      tagsAll();
      return { planned, requiresReplace: [] };
    }
    const changed = Object.keys(t.object).some((k) => !sameValue(planned[k], old[k], t.object[k]));
    if (this.framework && changed) {
      const keep = new Set(b.frameworkKeepOnUpdate ?? []);
      for (const [k, a] of Object.entries(attrs)) if (a.computed && cfg[k] === null && !keep.has(k)) planned[k] = UNKNOWN;
    }
    tagsAll();
    const requiresReplace = [
      ...b.replaceOn.filter((k) => k in planned && !sameValue(planned[k], old[k], t.object[k])),
      ...(b.replaceWhenConfigured ?? []).filter((k) => cfg[k] !== null && !sameValue(planned[k], old[k], t.object[k])),
    ];
    return { planned, requiresReplace };
  }

  apply(type: string, prior: Value, planned: Value): Value {
    const b = this.behaviour(type);
    const old = prior as Obj | null;
    if (planned === null) {
      if (old) this.platform.remove(type, platformId(type, old));
      if (old && type === "cloudfoundry_app") {
        for (const [id, b] of Object.entries(this.platform.objects("cloudfoundry_service_credential_binding"))) if (b.app === old.id) this.platform.remove("cloudfoundry_service_credential_binding", id);
      }
      return null;
    }
    const t = this.resourceType(type);
    const o = { ...(planned as Obj) };
    if (!old) this.refuseDuplicate(type, o);
    b.fill(o, old, this.platform);
    // Whatever the type does not fill keeps its earlier value, or is null: never unknown after apply.
    for (const k of Object.keys(t.object)) o[k] = settle(o[k], old?.[k]);
    const state = conform(o, t) as Obj;
    if (old && platformId(type, old) !== platformId(type, state)) this.platform.remove(type, platformId(type, old));
    this.platform.put(type, platformId(type, state), state);
    return type === "cloudfoundry_app" ? withBindings(state, this.platform, t) : state;
  }

  /**
   * Creating what already exists fails on the real platforms (an app name is unique in its space, a
   * route in its domain, a queue name with other attributes, an IAM policy name): so a rehearsal that
   * creates instead of importing fails as a real first deploy would.
   */
  private refuseDuplicate(type: string, o: Obj): void {
    const existing = Object.values(this.platform.objects(type));
    const clash = (keys: string[]) => existing.find((e) => keys.every((k) => (e[k] ?? null) === (o[k] ?? null)));
    const found =
      type === "cloudfoundry_app" ? clash(["name"]) :
      type === "cloudfoundry_route" ? clash(["domain", "host", "path"]) :
      type === "aws_sqs_queue" || type === "aws_iam_policy" ? clash(["name"]) : undefined;
    if (found) throw new StandinError(`${type} already exists`, `${JSON.stringify(o.name ?? o.host)} exists on the platform (id ${found.id}); import it instead of creating it`);
  }

  /** The object as the platform has it now (drift shows), or null when it is gone. */
  read(type: string, current: Value): Value {
    if (current === null) return null;
    const b = this.behaviour(type);
    const cur = current as Obj;
    const live = this.platform.get(type, platformId(type, cur));
    if (!live) return null;
    const out: Obj = { ...live };
    for (const k of b.notReadable ?? []) out[k] = cur[k] ?? null;
    const t = this.resourceType(type);
    return type === "cloudfoundry_app" ? withBindings(conform(out, t) as Obj, this.platform, t) : conform(out, t);
  }

  importState(type: string, id: string): Obj {
    const b = this.behaviour(type);
    if (!b.importable) throw new StandinError("Resource Import Not Implemented", `${type} cannot be imported (cloudfoundry 1.16.0 has no ImportState for it)`);
    const live = this.platform.get(type, id);
    if (!live) throw new StandinError("Cannot import non-existent remote object", `no ${type} with id ${id} exists on the platform`);
    const out: Obj = { ...live };
    for (const k of b.notReadable ?? []) out[k] = null;
    const t = this.resourceType(type);
    return type === "cloudfoundry_app" ? withBindings(conform(out, t) as Obj, this.platform, t) : (conform(out, t) as Obj);
  }

  readData(type: string, config: Obj): Obj {
    const result = { ...config, ...readDataSource(type, config, this.platform) };
    return conform(result, this.dataType(type)) as Obj;
  }
}

/** An error Terraform shows as a diagnostic. */
export class StandinError extends Error {
  constructor(
    readonly summary: string,
    readonly detail: string,
  ) {
    super(`${summary}: ${detail}`);
  }
}

/** The app's bindings as CF reports them (the manifest's `services`), from the platform's binding objects. */
function bindingsOf(appId: unknown, p: Platform): Obj[] {
  const names = new Map(Object.entries(p.data.cf.serviceInstances).map(([name, si]) => [si.id, name]));
  return Object.values(p.objects("cloudfoundry_service_credential_binding"))
    .filter((b) => b.app === appId && b.type === "app")
    .map((b) => ({ service_instance: names.get(String(b.service_instance)) ?? String(b.service_instance), params: "{}" }))
    .sort((a, b) => String(a.service_instance).localeCompare(String(b.service_instance)));
}

function withBindings(app: Obj, p: Platform, t: Type): Obj {
  return conform({ ...app, service_bindings: bindingsOf(app.id, p) }, t) as Obj;
}

function settle(v: Value | undefined, prior: Value | undefined): Value {
  if (v === undefined) return null;
  if (isUnknown(v)) return prior !== undefined && !isUnknown(prior) ? prior : null;
  if (Array.isArray(v)) return v.map((x) => settle(x, undefined));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, settle(x, undefined)]));
  return v;
}

/** The web process's view of an app, as cloudfoundry_apps reports it in 1.16.0 (notes (i)). */
function asListedApp(app: Obj, space: string, org: string, p: Platform): Obj {
  const listed: Obj = {};
  for (const k of ["id", "name", "environment", "command", "buildpacks", "stack", "enable_ssh", "labels", "annotations", "created_at", "updated_at", "routes"]) {
    listed[k] = app[k] ?? null;
  }
  listed.service_bindings = bindingsOf(app.id, p);
  listed.space_name = space;
  listed.org_name = org;
  listed.processes = [
    {
      type: "web",
      instances: app.instances ?? 1,
      memory: app.memory ?? null,
      disk_quota: app.disk_quota ?? null,
      health_check_type: app.health_check_type ?? null,
      command: app.command ?? null,
    },
  ];
  return listed;
}

function fail(summary: string, detail: string): never {
  throw new StandinError(summary, detail);
}

function readDataSource(type: string, c: Obj, p: Platform): Obj {
  const cf = p.data.cf;
  const apps = () => Object.values(p.objects("cloudfoundry_app"));
  switch (type) {
    case "cloudfoundry_org":
      if (c.name !== cf.org.name) fail("Unable to find org", `no org named ${c.name}`);
      return { id: cf.org.id };
    case "cloudfoundry_space":
      if (c.name !== cf.space.name || c.org !== cf.org.id) fail("Unable to find space", `no space named ${c.name} in org ${c.org}`);
      return { id: cf.space.id, quota: null };
    case "cloudfoundry_domain": {
      const id = cf.domains[String(c.name)];
      if (!id) fail("Unable to find domain", `no domain named ${c.name}`);
      return { id };
    }
    case "cloudfoundry_service_instance": {
      const si = cf.serviceInstances[String(c.name)];
      if (!si || c.space !== cf.space.id) fail("Unable to find service instance", `no service instance ${c.name} in space ${c.space}`);
      return { id: si.id, type: si.type };
    }
    case "cloudfoundry_app": {
      const app = cf.foreignApps[String(c.name)] ?? apps().find((a) => a.name === c.name);
      if (!app || c.space_name !== cf.space.name || c.org_name !== cf.org.name) fail("Unable to find app", `no app named ${c.name} in ${c.org_name}/${c.space_name}`);
      return { ...app, name: c.name, space_name: c.space_name, org_name: c.org_name };
    }
    case "cloudfoundry_apps": {
      if (c.space !== null && c.space !== cf.space.id) return { apps: [] };
      const all = [...Object.values(cf.foreignApps), ...apps()].filter((a) => c.name === null || a.name === c.name);
      return { apps: all.map((a) => asListedApp(a, cf.space.name, cf.org.name, p)) };
    }
    case "cloudfoundry_routes":
    case "cloudfoundry_route": {
      const routes = Object.values(p.objects("cloudfoundry_route")).filter(
        (r) => ["domain", "space", "host", "path", "port"].every((k) => c[k] === null || c[k] === r[k]),
      );
      if (type === "cloudfoundry_route" && !routes.length) fail("Unable to find route in list", "no route matches");
      return { routes: routes.map((r) => ({ ...r })) };
    }
    case "cloudfoundry_service_credential_binding":
    case "cloudfoundry_service_credential_bindings": {
      const found = Object.values(p.objects("cloudfoundry_service_credential_binding")).filter(
        (b) => b.service_instance === c.service_instance && (c.app === null || b.app === c.app) && (c.name === null || b.name === c.name),
      );
      // Both fail on an empty result in 1.16.0 (notes j), the plural one included.
      if (!found.length) fail("Unable to find any credential bindings in list", `service instance ${c.service_instance}${c.app ? `, app ${c.app}` : ""}`);
      return { credential_bindings: found.map((b) => ({ ...b, parameters: null })) };
    }
    case "aws_caller_identity":
      return { account_id: p.data.aws.accountId, arn: p.data.aws.callerArn, user_id: "AIDASTANDIN", id: p.data.aws.accountId };
    case "aws_ssm_parameter": {
      const param = p.data.aws.parameters[String(c.name)];
      if (!param) fail("reading SSM Parameter", `ParameterNotFound: ${c.name}`);
      const secure = param.type === "SecureString";
      return {
        id: c.name,
        arn: `arn:aws:ssm:${p.data.aws.region}:${p.data.aws.accountId}:parameter${c.name}`,
        type: param.type,
        version: param.version,
        value: secure && c.with_decryption === false ? "(encrypted)" : param.value,
        insecure_value: secure ? null : param.value,
      };
    }
    case "aws_sqs_queues": {
      const prefix = String(c.queue_name_prefix ?? "");
      const urls = Object.values(p.objects("aws_sqs_queue"))
        .filter((q) => String(q.name).startsWith(prefix))
        .map((q) => String(q.url))
        .sort();
      return { id: p.data.aws.region, queue_urls: urls };
    }
    default:
      return fail("Data source not modelled", `the stand-in does not model data source ${type}; add it to rehearsal/standin/provider.ts`);
  }
}

