import type { CfRole } from "../../config/identities";
import { createHash } from "crypto";
import * as fs from "fs";
import { afterManifest, envDeletions, isZipWithEntries, manifestRefusal, type PushStep } from "./cf-push";
import { validateCfConfig, type ValidationDiagnostic } from "./cf-validators";
import { Platform } from "./platform";
import { CC_NEW_APP_DEFAULTS, CC_NOT_AUTHORIZED, PERMISSIONS, RESOURCES, type Permission, type ResourceSemantics } from "./semantics";
import { conform, isUnknown, objectType, sameValue, UNKNOWN, type Obj, type SchemaAttribute, type SchemaBlock, type Type, type Value } from "./values";
import { attachUserPolicy, awsAsRead, AwsProviderError, planAws, sqsAsReported, sqsPropagated, validateAws } from "./aws-resources";

// One stand-in provider: the schema of a real provider, served exactly, with plan and apply done
// generically (configured values kept, computed values unknown at plan and filled at apply) and the
// behaviours of cloudfoundry/cloudfoundry 1.16.0 and hashicorp/aws 5.100.0 read from their source,
// which live as data in semantics.ts (each a row citing the source it was read from).
// It is not Cloud Foundry or AWS: objects are what the platform file says they are.

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

const now = () => new Date().toISOString();
const hash = (s: string) => createHash("sha256").update(s).digest("hex");

/** Values only the platform knows (ids, URLs, timestamps): what a create or push fills in. */
const FILL: Record<string, (o: Obj, prior: Obj | null, p: Platform) => void> = {
  cloudfoundry_app(o, prior) {
    // Semantics rows 6, 7: the GUID survives a rolling push; created_at is CC's, whatever the plan said.
    o.created_at = (prior?.created_at as string) ?? now();
    o.updated_at = now();
  },
  cloudfoundry_route(o, prior, p) {
    o.id = (prior?.id as string) ?? p.newGuid();
    const domain = Object.entries(p.data.cf.domains).find(([, id]) => id === o.domain)?.[0] ?? String(o.domain);
    o.url = `${o.host ? `${o.host}.` : ""}${domain}${o.path ?? ""}`;
    o.protocol = "http";
    o.created_at = (prior?.created_at as string) ?? now();
    o.updated_at = now();
    if (Array.isArray(o.destinations)) {
      o.destinations = o.destinations.map((d) => {
        const dest = { ...(d as Obj) };
        // Semantics row 23: a destination's GUID is CC's; an unchanged destination keeps it (CC replaces only the difference, semantics row 24).
        if (isUnknown(dest.id) || dest.id === null) {
          const same = ((prior?.destinations as Obj[] | null) ?? []).find((x) => x.app_id === dest.app_id);
          dest.id = (same?.id as string) ?? p.newGuid();
        }
        return dest;
      });
    }
  },
  cloudfoundry_network_policy() {},
  cloudfoundry_service_credential_binding(o, prior, p) {
    o.id = (prior?.id as string) ?? p.newGuid();
    o.created_at = (prior?.created_at as string) ?? now();
    o.updated_at = now();
    if (isUnknown(o.last_operation)) o.last_operation = null;
  },
  aws_sqs_queue(o, _prior, p) {
    const { region, accountId } = p.data.aws;
    o.url = `https://sqs.${region}.amazonaws.com/${accountId}/${o.name}`;
    o.id = o.url;
    o.arn = `arn:aws:sqs:${region}:${accountId}:${o.name}`;
  },
  aws_iam_policy(o, prior, p) {
    o.arn = `arn:aws:iam::${p.data.aws.accountId}:policy${(o.path as string) ?? "/"}${o.name}`;
    o.id = o.arn;
    if (isUnknown(o.policy_id)) o.policy_id = (prior?.policy_id as string) ?? `ANPA${hash(String(o.arn)).slice(0, 17).toUpperCase()}`;
    if (isUnknown(o.attachment_count)) o.attachment_count = 0;
  },
  aws_iam_user_policy_attachment(o, prior) {
    // Semantics row 49: id.PrefixedUniqueId("<user>-") on create (a timestamp and counter, 26 characters).
    if (isUnknown(o.id) || o.id === null) o.id = (prior?.id as string) ?? `${o.user}-${Date.now().toString().padStart(18, "0")}${String(attachmentCounter++).padStart(8, "0")}`;
  },
};
let attachmentCounter = 1;


/** The key an object is kept under on the platform: what the platform identifies it by. */
export function platformId(type: string, o: Obj): string {
  if (type === "cloudfoundry_network_policy") return hash(JSON.stringify(policiesOf(o).map(policyKey).sort()));
  if (type === "aws_iam_user_policy_attachment") return `${o.user}/${o.policy_arn}`;
  return String(o.id);
}
const policiesOf = (o: Obj) => ((o.policies as Obj[] | null) ?? []).filter((x) => x && typeof x === "object");
/** A policy's identity on the platform: its port as the policy server holds it. */
const policyKey = (x: Obj) => JSON.stringify([x.source_app, x.destination_app, normalisedPort(x.port), x.protocol ?? "tcp"]);
/** A policy as Read compares it with state (lo.Intersect of whole values, resource_network_policy.go:187-189). */
const readKey = (x: Obj) => JSON.stringify([x.source_app, x.destination_app, String(x.port), x.protocol ?? "tcp"]);

/**
 * A port as the policy server holds it (start and end, types_network_policy.go:35-47,57-75) and the
 * provider reads it back (:80-83): a range whose ends are equal reads as the single port, "8080-8080" as
 * "8080" (semantics row 68).
 */
export function normalisedPort(port: Value): string {
  const m = /^(\d+)(?:-(\d+))?$/.exec(String(port));
  if (!m) return String(port);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start === end ? String(start) : `${start}-${end}`;
}

/** Megabytes of a CF size ("1G", "1024M", "512MB"), or undefined when it is not one. */
export function megabytes(v: unknown): number | undefined {
  const m = /^(\d+)\s*(M|MB|G|GB|T|TB)$/i.exec(String(v ?? "").trim());
  if (!m) return undefined;
  const unit = m[2].toUpperCase()[0];
  return Number(m[1]) * (unit === "G" ? 1024 : unit === "T" ? 1024 * 1024 : 1);
}

export class StandinProvider {
  /** The CF role of the identity Terraform configured this provider with (semantics row 52). */
  role: CfRole;

  constructor(
    /** "cloudfoundry" or "aws": which provider this serves. */
    readonly name: string,
    readonly schema: ProviderSchemaJson,
    readonly platform: Platform,
    /** terraform-plugin-framework (CF) plans computed attributes unknown on update; SDKv2 (AWS) keeps them. */
    readonly framework: boolean,
    /** The role when the provider configuration names no user the platform knows: the deploy identity's by default. */
    readonly defaultRole: CfRole = "SpaceDeveloper",
  ) {
    this.role = defaultRole;
  }

  /**
   * ConfigureProvider: the configured `user` is looked up in the platform's role assignments
   * (cf.users); a user the platform does not know cannot log in. No user: the default role.
   */
  configure(config: Value): void {
    this.role = this.defaultRole;
    if (this.name !== "cloudfoundry") return;
    const user = (config as Obj | null)?.user;
    if (typeof user !== "string" || !user) return;
    const role = this.platform.data.cf.users?.[user];
    if (!role) throw new StandinError("Unable to create CF Client", `user ${user} cannot log in to this foundation (no role in the platform's cf.users)`);
    this.role = role;
  }

  /** Refuses a call the configured identity's role may not make, with Cloud Controller's 403. */
  private allow(what: Permission, summary: string): void {
    if (this.name !== "cloudfoundry") return;
    if (!what.roles.includes(this.role)) throw new StandinError(summary, `${CC_NOT_AUTHORIZED} (${what.call}; the identity is ${this.role})`);
  }

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

  private semantics(type: string): ResourceSemantics {
    const b = RESOURCES[type];
    if (!b) throw new Error(`the stand-in does not model resource type ${type}; add its behaviour to offline/standin/semantics.ts`);
    return b;
  }

  plan(type: string, prior: Value, proposed: Value, config: Value): { planned: Value; requiresReplace: string[] } {
    if (proposed === null) return { planned: null, requiresReplace: [] };
    const sem = this.semantics(type);
    const attrs = this.schema.resource_schemas[type].block.attributes ?? {};
    const t = this.resourceType(type);
    let planned = { ...(proposed as Obj) };
    const cfg = (config ?? {}) as Obj;
    // Schema defaults, applied by the framework before it compares with prior (semantics rows 4, 8): to every
    // null value whose config is null, elements that came from prior state included.
    planned = withDefaults(planned, cfg, sem.defaults?.values ?? {});
    const hasDefault = (k: string) => k in (sem.defaults?.values ?? {});
    const old = prior as Obj | null;
    // hashicorp/aws's CustomizeDiff and JSON attributes (semantics rows 81, 82).
    if (this.name === "aws") planned = awsCall(() => planAws(type, planned, old));
    // hashicorp/aws computes tags_all (default_tags, none here, merged with tags) at plan time.
    const tagsAll = () => {
      if (sem.sdk === "sdkv2" && "tags_all" in attrs && !isUnknown(planned.tags)) planned.tags_all = planned.tags ?? {};
    };
    if (!old) {
      for (const [k, a] of Object.entries(attrs)) if (a.computed && cfg[k] === null && !hasDefault(k)) planned[k] = UNKNOWN;
      if (sem.sdk === "framework") planned = nestedComputedNullsUnknown(planned, attrs);
      tagsAll();
      return { planned, requiresReplace: [] };
    }
    const changed = Object.keys(t.object).some((k) => !sameValue(planned[k], old[k], t.object[k]));
    if (sem.sdk === "framework" && changed) {
      // MarkComputedNilsAsUnknown (semantics rows 6, 7, 11, 23), then UseStateForUnknown copies the prior
      // STATE value back (semantics rows 3, 22, 28), not the proposal (which a default may have rewritten).
      for (const [k, a] of Object.entries(attrs)) if (a.computed && cfg[k] === null && !hasDefault(k)) planned[k] = UNKNOWN;
      planned = nestedComputedNullsUnknown(planned, attrs);
      for (const k of sem.useStateForUnknown?.attrs ?? []) if (isUnknown(planned[k]) && cfg[k] === null && k in old) planned[k] = old[k];
    }
    tagsAll();
    const requiresReplace = [
      ...sem.requiresReplace.attrs.filter((k) => k in planned && !sameValue(planned[k], old[k], t.object[k])),
      ...(sem.requiresReplaceIfConfigured?.attrs ?? []).filter((k) => cfg[k] !== null && !sameValue(planned[k], old[k], t.object[k])),
    ];
    return { planned, requiresReplace };
  }

  apply(type: string, prior: Value, planned: Value): Value {
    const sem = this.semantics(type);
    this.allow(PERMISSIONS.write, `Error ${planned === null ? "deleting" : prior === null ? "creating" : "updating"} ${type}`);
    let old = prior as Obj | null;
    if (planned === null) {
      if (old) this.remove(type, old, sem);
      return null;
    }
    const t = this.resourceType(type);
    const o = { ...(planned as Obj) };
    if (!old) {
      const adopted = this.createOverExisting(type, o, sem);
      if (adopted) {
        if (type === "aws_sqs_queue") return conform(awsAsRead(type, adopted, null, this.platform), t);
        // Semantics row 20: a push onto the app of that name, which keeps its GUID and platform values.
        old = { ...adopted, service_bindings: null, stopped: null };
        o.id = adopted.id as string;
      }
    }
    if (type === "cloudfoundry_app") {
      o.id = (old?.id as string) ?? (isUnknown(o.id) || o.id === null ? this.platform.newGuid() : (o.id as string));
    }
    // Semantics row 85: IAM refuses to attach a policy to a user that does not exist.
    if (type === "aws_iam_user_policy_attachment" && !old) awsCall(() => attachUserPolicy(this.platform, String(o.user), String(o.policy_arn)));
    FILL[type](o, old, this.platform);
    for (const [k, v] of Object.entries(sem.unknownAtApply?.values ?? {})) fillUnknown(o, k, v, old);
    if (type === "cloudfoundry_app") for (const [k, v] of Object.entries(CC_NEW_APP_DEFAULTS.values)) if (isUnknown(o[k])) o[k] = old?.[k] ?? (v as Value);
    // Whatever the type does not fill keeps its earlier value, or is null: never unknown after apply.
    for (const k of Object.keys(t.object)) o[k] = settle(o[k], old?.[k]);
    const state = conform(o, t) as Obj;
    if (type === "cloudfoundry_app") return this.push(prior as Obj | null, state, (planned as Obj).service_bindings);
    if (old && platformId(type, old) !== platformId(type, state)) this.platform.remove(type, platformId(type, old));
    // Semantics row 68: the policy server holds each port as start and end. Semantics rows 45, 84: SQS stores its own form of what it was sent.
    const held =
      type === "cloudfoundry_network_policy"
        ? { ...state, policies: policiesOf(state).map((x) => ({ ...x, port: normalisedPort(x.port) })) }
        : type === "aws_sqs_queue"
          ? (conform(sqsAsReported(state), t) as Obj)
          : state;
    this.platform.put(type, platformId(type, state), held);
    if (type === "aws_sqs_queue") awsCall(() => sqsPropagated(held, state, !old));
    // The provider's Read after a create or update (semantics rows 45, 82, 86).
    if (this.name === "aws") return conform(awsAsRead(type, held, state, this.platform), t);
    return state;
  }

  /**
   * An app's push, step by step as the provider and Cloud Controller make it (cf-push.ts; semantics rows
   * 59-64): the state it returns is what Read maps from the platform afterwards, so a value CC kept
   * that the plan did not expect reaches Terraform, which then reports the provider's inconsistency.
   * @param prior Terraform's prior state (null on create: the provider deletes no variable then)
   * @param desired the planned app with what the platform fills
   */
  private push(prior: Obj | null, desired: Obj, plannedBindings: Value): Obj {
    const p = this.platform;
    const name = String(desired.name);
    const steps: PushStep[] = [];
    const fail = (detail: string): never => {
      p.pushes.set(name, steps);
      throw new StandinError("Error pushing app", `${detail}\n`);
    };
    // resource_app.go:563-571: the zip is opened before anything is sent.
    if (typeof desired.path === "string") {
      if (!fs.existsSync(desired.path)) fail(`open ${desired.path}: no such file or directory`);
      steps.push({ step: "open-artifact", detail: desired.path });
    }
    const live = p.get("cloudfoundry_app", String(desired.id));
    const refusal = manifestRefusal(p, desired);
    if (refusal) fail(refusal);
    // The manifest: everything but the droplet and SSH, onto the running app (push.go:222, :363).
    const droplet = { path: live?.path ?? null, source_code_hash: live?.source_code_hash ?? null };
    const manifested = afterManifest(live, { ...desired, ...droplet, enable_ssh: live?.enable_ssh ?? true, stopped: live?.stopped ?? false });
    p.put("cloudfoundry_app", String(desired.id), manifested);
    this.bindManifestServices(manifested);
    const added = Object.keys((desired.environment as Obj | null) ?? {}).filter((k) => (live?.environment as Obj | null)?.[k] !== (desired.environment as Obj)[k]);
    steps.push({ step: "apply-manifest", detail: `instances ${manifested.instances}; variables set: ${added.join(", ") || "none"}` });
    // push.go:458-473: upload, then CC unpacks it with unzip (app_packager.rb:17-28) and fails the package.
    if (typeof desired.path === "string" && !isZipWithEntries(fs.readFileSync(desired.path))) {
      fail(`error while waiting for package to process for app ${name}: received state FAILED while waiting for async process: `);
    }
    steps.push({ step: "upload-and-stage", detail: `droplet of ${desired.source_code_hash ?? desired.path ?? "the docker image"}` });
    const rolling = !!live && live.stopped !== true && desired.strategy === "rolling" && desired.stopped !== true;
    const unhealthy = (p.data.cf.unhealthyApps ?? []).includes(name);
    if (rolling && unhealthy) {
      // push.go:256-301: the deployment never finalizes; after instances x 1 minute it is rolled back.
      const minutes = Math.max(1, Number(desired.instances ?? 1));
      steps.push({ step: "rolling-deployment", detail: `timed out: ${desired.instances} instances never became healthy`, minutes });
      steps.push({ step: "rollback", detail: "to the last deployed revision (the running droplet stays)", minutes });
      fail("failed to deploy with: timed out after waiting for async process \nrolled back to last deployment");
    }
    const started = desired.stopped === true ? "stopped (push.go:210-217, :408-410)" : unhealthy ? "started (its instances crash; a start does not wait)" : "started";
    steps.push(rolling ? { step: "rolling-deployment", detail: "finalized" } : { step: "start", detail: started });
    // After the push: variables config no longer sets, then SSH (resource_app.go:535-545).
    const deleted = envDeletions(prior, desired);
    const env = { ...((manifested.environment as Obj | null) ?? {}) };
    for (const k of deleted) delete env[k];
    steps.push({ step: "delete-env", detail: deleted.join(", ") || "none" });
    steps.push({ step: "set-ssh", detail: String(desired.enable_ssh) });
    const final: Obj = { ...manifested, path: desired.path, source_code_hash: desired.source_code_hash, environment: Object.keys(env).length ? env : null, enable_ssh: desired.enable_ssh, stopped: desired.stopped };
    p.put("cloudfoundry_app", String(desired.id), final);
    p.pushes.set(name, steps);
    const sem = this.semantics("cloudfoundry_app");
    const read: Obj = { ...final };
    for (const k of sem.notReadable?.attrs ?? []) read[k] = desired[k] ?? null;
    return this.appAsRead(read, plannedBindings, desired);
  }

  /** ValidateResourceConfig: the provider's schema validators (semantics rows 53-58); AWS validators are not modelled here. */
  validate(type: string, config: Value): ValidationDiagnostic[] {
    if (this.name === "cloudfoundry") return validateCfConfig(type, config);
    // hashicorp/aws's ValidateFuncs (semantics row 80).
    return validateAws(type, config as Obj | null).map((d) => ({ severity: "ERROR" as const, ...d }));
  }

  /** Semantics row 18: a push binds every service its manifest lists that is not bound yet, and never unbinds. */
  private bindManifestServices(app: Obj): void {
    for (const b of (app.service_bindings as Obj[] | null) ?? []) {
      const name = String(b.service_instance);
      const si = this.platform.data.cf.serviceInstances[name];
      if (!si) throw new StandinError("Service instance not found", `no service instance named ${name} in the space`);
      const bound = Object.values(this.platform.objects("cloudfoundry_service_credential_binding")).some((x) => x.app === app.id && x.service_instance === si.id);
      if (!bound) {
        const id = this.platform.newGuid();
        this.platform.put("cloudfoundry_service_credential_binding", id, { id, type: "app", name: null, app: String(app.id), service_instance: si.id, created_at: now(), updated_at: now(), credential_binding: "{}" });
      }
    }
  }

  /** Deletes an object and what the platform deletes with it (semantics row 19). */
  private remove(type: string, old: Obj, sem: ResourceSemantics): void {
    this.platform.remove(type, platformId(type, old));
    const what = sem.deleteCascades?.what ?? [];
    if (what.includes("bindings")) {
      for (const [id, b] of Object.entries(this.platform.objects("cloudfoundry_service_credential_binding"))) if (b.app === old.id) this.platform.remove("cloudfoundry_service_credential_binding", id);
    }
    if (what.includes("route-mappings")) {
      for (const [id, r] of Object.entries(this.platform.objects("cloudfoundry_route"))) {
        const dests = (r.destinations as Obj[] | null) ?? [];
        if (dests.some((d) => d.app_id === old.id)) this.platform.put("cloudfoundry_route", id, { ...r, destinations: dests.filter((d) => d.app_id !== old.id) });
      }
    }
  }

  /**
   * Creating what already exists, as each platform answers it (semantics rows 20, 25, 30, 34, 44, 47, 50):
   * an error, or the existing object, which the create then adopts.
   */
  private createOverExisting(type: string, o: Obj, sem: ResourceSemantics): Obj | undefined {
    const rule = sem.createOverExisting;
    if (rule.outcome === "accept") return undefined;
    const existing = Object.values(this.platform.objects(type)).find((e) => rule.key.every((k) => (e[k] ?? null) === (o[k] ?? null)));
    if (!existing) return undefined;
    const name = JSON.stringify(o.name ?? o.host ?? o.app);
    if (rule.outcome === "fail") throw new StandinError(rule.error ?? `${type} already exists`, `${name} exists on the platform (id ${existing.id}); import it instead of creating it`);
    if (rule.outcome === "adopt-if-attributes-match") {
      const t = this.resourceType(type);
      const reported = this.name === "aws" ? awsAsRead(type, existing, null, this.platform) : existing;
      const differ = Object.keys(t.object).filter((k) => o[k] !== null && !isUnknown(o[k]) && !sameValue(o[k], reported[k], t.object[k]) && !["tags_all", "tags"].includes(k));
      if (differ.length) throw new StandinError(`creating ${type}`, `${rule.error}: ${name} exists with other attributes (${differ.join(", ")})`);
    }
    return existing;
  }

  /** The object as the platform has it now (drift shows), or null when it is gone. */
  read(type: string, current: Value): Value {
    if (current === null) return null;
    const sem = this.semantics(type);
    this.allow(type === "cloudfoundry_app" ? PERMISSIONS.readManifest : PERMISSIONS.read, type === "cloudfoundry_app" ? "Error reading app" : `Error reading ${type}`);
    const cur = current as Obj;
    const t = this.resourceType(type);
    if (type === "cloudfoundry_network_policy") {
      // Semantics row 35: the resource stays; its policies are those of its own that still exist.
      const exists = new Set(Object.values(this.platform.objects(type)).flatMap((x) => policiesOf(x).map(readKey)));
      return conform({ ...cur, policies: policiesOf(cur).filter((x) => exists.has(readKey(x))) }, t);
    }
    const live = this.platform.get(type, platformId(type, cur));
    if (!live) return null;
    const out: Obj = { ...live };
    for (const k of sem.notReadable?.attrs ?? []) out[k] = cur[k] ?? null;
    for (const k of sem.neverRefreshed?.attrs ?? []) out[k] = cur[k] ?? null;
    if (type === "aws_iam_user_policy_attachment") out.id = cur.id;
    if (this.name === "aws") return conform(awsAsRead(type, out, cur, this.platform), t);
    return type === "cloudfoundry_app" ? this.appAsRead(out, cur.service_bindings, cur) : conform(out, t);
  }

  /**
   * An app as the provider's Read maps it from CC's manifest: bindings by name with the params of the
   * same instance in `prev` (the prior state, or at apply the plan), else null (semantics row 4); memory and
   * disk in CC's units unless `prev` holds an equal value (semantics row 16).
   */
  private appAsRead(app: Obj, prevBindings: Value | undefined, prev: Obj | null): Obj {
    const t = this.resourceType("cloudfoundry_app");
    const bindings = bindingsOf(app.id, this.platform, prevBindings);
    // Semantics rows 66, 67: routes are those mapped to the app (the manifest's); a list CC reports empty is null.
    const routes = mappedRoutes(app.id, this.platform);
    const env = app.environment as Obj | null;
    const out: Obj = {
      ...app,
      service_bindings: bindings.length ? bindings : null,
      routes: routes.length ? routes : null,
      buildpacks: Array.isArray(app.buildpacks) && app.buildpacks.length ? app.buildpacks : null,
      environment: env && Object.keys(env).length ? env : null,
    };
    for (const k of ["memory", "disk_quota"]) {
      const mb = megabytes(app[k]);
      if (mb === undefined) continue;
      out[k] = prev && megabytes(prev[k]) === mb ? prev[k] : `${mb}M`;
    }
    return conform(out, t) as Obj;
  }

  importState(type: string, id: string): Obj {
    const sem = this.semantics(type);
    if (!sem.importable.value) throw new StandinError("Resource Import Not Implemented", `${type} cannot be imported (cloudfoundry 1.16.0 has no ImportState for it)`);
    this.allow(type === "cloudfoundry_app" ? PERMISSIONS.readManifest : PERMISSIONS.read, type === "cloudfoundry_app" ? "Error reading app" : `Error reading ${type}`);
    const live = this.platform.get(type, id);
    if (!live) throw new StandinError("Cannot import non-existent remote object", `no ${type} with id ${id} exists on the platform`);
    const out: Obj = { ...live };
    for (const k of sem.notReadable?.attrs ?? []) out[k] = null;
    for (const k of sem.neverRefreshed?.attrs ?? []) out[k] = null;
    // Semantics row 49: import takes "<user>/<policy_arn>" and stores "<user>-<policy_arn>".
    if (type === "aws_iam_user_policy_attachment") out.id = `${live.user}-${live.policy_arn}`;
    const t = this.resourceType(type);
    if (this.name === "aws") return conform(awsAsRead(type, out, null, this.platform), t) as Obj;
    return type === "cloudfoundry_app" ? this.appAsRead(out, null, null) : (conform(out, t) as Obj);
  }

  readData(type: string, config: Obj): Obj {
    if (this.name === "cloudfoundry") {
      const manifest = type === "cloudfoundry_app" || type === "cloudfoundry_apps";
      this.allow(manifest ? PERMISSIONS.readManifest : PERMISSIONS.read, manifest ? "Error reading app" : `Error reading ${type}`);
    }
    const result = { ...config, ...readDataSource(type, config, this.platform, (app) => this.appAsRead(app, null, null)) };
    return conform(result, this.dataType(type)) as Obj;
  }
}

/** Schema defaults: "attr" or "attr[].nested", applied where the value is null and config leaves it null. */
function withDefaults(planned: Obj, cfg: Obj, defaults: Readonly<Record<string, Value>>): Obj {
  const out = { ...planned };
  for (const [path, value] of Object.entries(defaults)) {
    const [attr, nested] = path.split("[].");
    if (nested === undefined) {
      if (out[attr] === null && cfg[attr] === null) out[attr] = value;
    } else if (Array.isArray(out[attr])) {
      out[attr] = (out[attr] as Obj[]).map((el) => (el && typeof el === "object" && el[nested] === null ? { ...el, [nested]: value } : el));
    }
  }
  return out;
}

/** Semantics row 23: nested computed attributes still null in the plan are unknown until apply. */
function nestedComputedNullsUnknown(planned: Obj, attrs: Readonly<Record<string, SchemaAttribute>>): Obj {
  const out = { ...planned };
  for (const [k, a] of Object.entries(attrs)) {
    const nested = a.nested_type?.attributes;
    if (!nested || !Array.isArray(out[k])) continue;
    out[k] = (out[k] as Obj[]).map((el) => {
      if (!el || typeof el !== "object" || isUnknown(el)) return el;
      const e = { ...el };
      for (const [n, na] of Object.entries(nested)) if (na.computed && e[n] === null) e[n] = UNKNOWN;
      return e;
    });
  }
  return out;
}

/** What the platform fills for a value still unknown at apply ("prior": the value it had, if any). */
function fillUnknown(o: Obj, path: string, value: Value | "prior", old: Obj | null): void {
  const [attr, nested] = path.split("[].");
  if (nested === undefined) {
    if (isUnknown(o[attr])) o[attr] = value === "prior" ? (old?.[attr] ?? UNKNOWN) : value;
  } else if (Array.isArray(o[attr])) {
    o[attr] = (o[attr] as Obj[]).map((el) => (el && typeof el === "object" && isUnknown(el[nested]) ? { ...el, [nested]: value === "prior" ? null : value } : el));
  }
}

/** An error Terraform shows as a diagnostic. */
export class StandinError extends Error {
  constructor(
    readonly summary: string,
    readonly detail: string,
    /** What a call that failed half-way leaves in state (an SDKv2 apply returns its state with the error). */
    readonly state?: Value,
  ) {
    super(`${summary}: ${detail}`);
  }
}

/** Runs a hashicorp/aws behaviour (aws-resources.ts), its failures as the diagnostics Terraform shows. */
function awsCall<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof AwsProviderError) throw new StandinError(err.failure.summary, err.failure.detail, err.failure.state);
    throw err;
  }
}

/**
 * The app's bindings as CF reports them (the manifest's `services`, names only), from the platform's
 * binding objects; params come from the element of the same service instance in `prev`, else null
 * (types_app.go:409-438, semantics row 4).
 */
function bindingsOf(appId: unknown, p: Platform, prev: Value | undefined): Obj[] {
  const names = new Map(Object.entries(p.data.cf.serviceInstances).map(([name, si]) => [si.id, name]));
  const before = Array.isArray(prev) ? (prev as Obj[]) : [];
  return Object.values(p.objects("cloudfoundry_service_credential_binding"))
    .filter((b) => b.app === appId && b.type === "app")
    .map((b) => {
      const name = names.get(String(b.service_instance)) ?? String(b.service_instance);
      const params = before.find((x) => x && x.service_instance === name)?.params;
      return { service_instance: name, params: params === undefined || isUnknown(params) ? null : params };
    })
    .sort((a, b) => String(a.service_instance).localeCompare(String(b.service_instance)));
}

function settle(v: Value | undefined, prior: Value | undefined): Value {
  if (v === undefined) return null;
  if (isUnknown(v)) return prior !== undefined && !isUnknown(prior) ? prior : null;
  if (Array.isArray(v)) return v.map((x) => settle(x, undefined));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, settle(x, undefined)]));
  return v;
}

/**
 * The routes mapped to an app as CC's manifest lists them: each route's URL and its destination's
 * protocol, sorted by route (RoutePropertiesPresenter, app/presenters/v3/app_manifest_presenters/
 * route_properties_presenter.rb:6-30; read by types_app.go:443-456; semantics row 66).
 */
function mappedRoutes(appId: unknown, p: Platform): Obj[] {
  return Object.values(p.objects("cloudfoundry_route"))
    .flatMap((r) => ((r.destinations as Obj[] | null) ?? []).filter((d) => d.app_id === appId).map((d) => ({ route: String(r.url), protocol: (d.protocol as string | null) ?? null })))
    .sort((a, b) => a.route.toLowerCase().localeCompare(b.route.toLowerCase()));
}

/** Attributes of a process in CC's manifest, which 1.16.0's data sources read per process. */
const PROCESS_ATTRIBUTES = ["instances", "memory", "disk_quota", "health_check_type", "health_check_http_endpoint", "health_check_invocation_timeout", "health_check_interval", "readiness_health_check_type", "readiness_health_check_http_endpoint", "readiness_health_check_interval", "readiness_health_check_invocation_timeout", "log_rate_limit_per_second", "timeout", "command"];

/** An app in a data source's own schema, from the app as Read maps it (semantics rows 38, 41). */
function asDataApp(app: Obj, fields: readonly string[], p: Platform): Obj {
  const out: Obj = {};
  for (const k of fields) out[k] = app[k] ?? null;
  // Routes come from the manifest: every route mapped to the app, by a cloudfoundry_route too (semantics row 38).
  const mapped = mappedRoutes(app.id, p);
  out.routes = mapped.length ? mapped : null;
  out.processes = [{ type: "web", ...Object.fromEntries(PROCESS_ATTRIBUTES.map((k) => [k, k === "instances" ? (app.instances ?? 1) : (app[k] ?? null)])) }];
  return out;
}

/** CC's 404 for a GUID it does not know, as go-cfclient words it (CF-ResourceNotFound, application_controller.rb:69-71; resource/error.go:38-40). */
const CC_NOT_FOUND = (what: string) => `cfclient error (CF-ResourceNotFound|10010): ${what} not found`;
/** go-cfclient's errors for a list that is not exactly one / is empty (client/pager.go:10-11). */
const GO_CFCLIENT_NOT_EXACTLY_ONE = "expected exactly 1 result, but got less or more than 1";
const GO_CFCLIENT_NONE = "expected 1 or more results, but got 0";

function fail(summary: string, detail: string): never {
  throw new StandinError(summary, detail);
}

function readDataSource(type: string, c: Obj, p: Platform, asRead: (app: Obj) => Obj): Obj {
  const cf = p.data.cf;
  const apps = () => Object.values(p.objects("cloudfoundry_app"));
  const APP_FIELDS = ["id", "name", "environment", "buildpacks", "stack", "enable_ssh", "labels", "annotations", "created_at", "updated_at", "docker_image", "service_bindings"];
  switch (type) {
    // Semantics row 70: each data source's miss, with the provider's summary and detail.
    case "cloudfoundry_org":
      if (c.name !== cf.org.name) fail("Unable to find org data in list", `Given name ${c.name} not in the list of orgs.`);
      return { id: cf.org.id };
    case "cloudfoundry_space":
      if (c.org !== cf.org.id) fail("API Error Fetching Organization", `Could not get details of the Organization with ID ${c.org} : ${CC_NOT_FOUND("Organization")}`);
      if (c.name !== cf.space.name) fail("Unable to find space data in list", `Given name ${c.name} not in the list of spaces under Org with ID ${c.org}.`);
      return { id: cf.space.id, quota: null };
    case "cloudfoundry_domain": {
      const id = cf.domains[String(c.name)];
      if (!id) fail("Unable to find domain in list", `Given name ${c.name} not in the list of domains.`);
      return { id };
    }
    case "cloudfoundry_service_instance": {
      const si = cf.serviceInstances[String(c.name)];
      if (!si || c.space !== cf.space.id) fail("Unable to find service instance in list", `Given name ${c.name} not in the list of service instances.`);
      return { id: si.id, type: si.type };
    }
    case "cloudfoundry_app": {
      // Semantics row 41: the app as its manifest reads, in this data source's schema (not the resource's).
      if (c.org_name !== cf.org.name) fail("Error finding given org", GO_CFCLIENT_NOT_EXACTLY_ONE);
      if (c.space_name !== cf.space.name) fail("Error finding given space", GO_CFCLIENT_NOT_EXACTLY_ONE);
      const app = cf.foreignApps[String(c.name)] ?? apps().find((a) => a.name === c.name);
      if (!app) fail("Error finding given app", GO_CFCLIENT_NONE);
      const read = asRead({ service_bindings: null, ...app });
      return {
        ...asDataApp(read, [...APP_FIELDS, "command", ...PROCESS_ATTRIBUTES], p),
        name: c.name,
        space_name: c.space_name,
        org_name: c.org_name,
      };
    }
    case "cloudfoundry_apps": {
      // Semantics row 38: an unknown space is an error; entries name the space by GUID, with process attributes per process only.
      // Semantics row 69: the org filter is applied (an unknown org is an error, datasource_apps.go:231-245).
      if (c.org !== null && c.org !== cf.org.id) fail("API Error Fetching Organization", `Could not get details of the Organization with ID ${c.org} : ${CC_NOT_FOUND("Organization")}`);
      if (c.space !== null && c.space !== cf.space.id) fail("API Error Fetching Space", `Could not get space with ID ${c.space} : ${CC_NOT_FOUND("Space")}`);
      const all = [...Object.values(cf.foreignApps), ...apps()].filter((a) => c.name === null || a.name === c.name);
      return {
        apps: all.map((a) => {
          const read = asRead({ service_bindings: null, ...a });
          return { ...asDataApp(read, APP_FIELDS, p), space_name: cf.space.id, org_name: cf.org.name };
        }),
      };
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
      // Both fail on an empty result in 1.16.0 (semantics row 40), the plural one included.
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
      return fail("Data source not modelled", `the stand-in does not model data source ${type}; add it to offline/standin/provider.ts`);
  }
}
