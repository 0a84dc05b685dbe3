import * as fs from "fs";
import * as path from "path";
import type { EnvironmentName } from "../config";
import { stableGuid } from "./bootstrap";
import { parseBindingAddress } from "../stacks/addresses";
import { Rehearsal } from "./harness";
import type { PlatformData } from "./standin/platform";
import { isJsonObject, type JsonObject } from "../plan/plan-json";

// One mechanism behind `npm run rehearse -- <env> --base <ref>` and `npm run pr-plan`: the stand-in
// seeded with a platform and a Terraform state, then a synthesized stack planned (and, for a
// rehearsal, applied) by real Terraform, offline, with no credential. The rehearsal seeds the committed
// live platform and the state a deploy of the base ref leaves; a pull-request plan seeds a sanitized
// snapshot of the live environment and its sanitized state (offline/snapshot.ts).

const literal = (v: unknown): string | undefined => (typeof v === "string" && !v.includes("${") ? v : undefined);

/**
 * The platform with what a stack reads but the platform lacks: a service instance the change binds, a
 * domain a new route uses, the SSM parameter of a new secret. The service team and bootstrapping create
 * those before such a change is deployed, so a plan of it assumes them, and says so (`assumed`).
 * Only names the stack spells as literals are added.
 */
export function withStackPrerequisites(platform: PlatformData, env: string, stack: unknown): { platform: PlatformData; assumed: string[] } {
  const data = isJsonObject(stack) && isJsonObject(stack.data) ? stack.data : {};
  const blocks = (type: string) => Object.values(isJsonObject(data[type]) ? (data[type] as JsonObject) : {}).filter(isJsonObject);
  const assumed: string[] = [];
  const domains = { ...platform.cf.domains };
  for (const d of blocks("cloudfoundry_domain")) {
    const name = literal(d.name);
    if (name && !(name in domains)) {
      domains[name] = stableGuid(env, "domain", name);
      assumed.push(`domain ${name}`);
    }
  }
  const services = { ...platform.cf.serviceInstances };
  for (const s of blocks("cloudfoundry_service_instance")) {
    const name = literal(s.name);
    if (name && !(name in services)) {
      services[name] = { id: stableGuid(env, "service", name), type: "managed" };
      assumed.push(`service instance ${name}`);
    }
  }
  const parameters = { ...platform.aws.parameters };
  for (const p of blocks("aws_ssm_parameter")) {
    const name = literal(p.name);
    if (name && !(name in parameters)) {
      parameters[name] = { type: p.with_decryption === false ? "String" : "SecureString", value: `<ssm:${name}#1>`, version: 1 };
      assumed.push(`SSM parameter ${name}`);
    }
  }
  return {
    platform: { ...platform, cf: { ...platform.cf, domains, serviceInstances: services }, aws: { ...platform.aws, parameters } },
    assumed: assumed.sort(),
  };
}

/**
 * A rehearsal of one environment started on `platform`, with `state` as its Terraform state (none: a
 * fresh state). `synthDir` holds the stack to plan (cdktf.out layout). Terraform inherits `inherit`
 * only, plus what the rehearsal sets: a pull-request plan passes PATH and HOME and nothing else.
 */
export async function startSeeded(opts: {
  root: string;
  env: EnvironmentName;
  synthDir: string;
  platform: PlatformData;
  state: unknown;
  work: string;
  inherit: NodeJS.ProcessEnv;
}): Promise<Rehearsal> {
  const r = await Rehearsal.start(opts.root, opts.synthDir, { [opts.env]: opts.platform }, { inherit: opts.inherit, work: opts.work });
  if (opts.state) {
    fs.writeFileSync(path.join(opts.work, `${opts.env}.tfstate`), JSON.stringify(opts.state));
    // The zip the state was deployed with: a plan of a config change is not also a plan of a new build
    // (the pipeline's path to the zip differs between builds; its hash is what says the build changed).
    const deployed = deployedArtifact(opts.state);
    if (deployed) Object.assign(r.stacks[opts.env].env_vars, { TF_VAR_app_artifact_path: deployed.path, TF_VAR_app_artifact_sha256: deployed.sha256 });
  }
  return r;
}

/** The app zip's path and hash an app in `state` was last deployed with, if any. */
export function deployedArtifact(state: unknown): { path: string; sha256: string } | undefined {
  const resources = (isJsonObject(state) && Array.isArray(state.resources) ? state.resources : []) as JsonObject[];
  for (const r of resources.filter((x) => x.type === "cloudfoundry_app" && x.mode === "managed")) {
    for (const i of (r.instances as JsonObject[] | undefined) ?? []) {
      const a = (i.attributes ?? {}) as JsonObject;
      if (typeof a.path === "string" && typeof a.source_code_hash === "string") return { path: a.path, sha256: a.source_code_hash };
    }
  }
  return undefined;
}

/** The environment a pull-request plan gives Terraform: enough to run (PATH and HOME of `from`, the job's), nothing else of the job's. */
export function bareEnvironment(from: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { PATH: from.PATH ?? "/usr/bin:/bin", HOME: from.HOME ?? "/tmp" };
}

interface Change {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly index?: unknown;
  readonly change: { readonly actions: readonly string[]; readonly before?: unknown; readonly after?: unknown; readonly after_unknown?: unknown; readonly importing?: unknown; readonly replace_paths?: readonly (readonly unknown[])[] };
}

/**
 * Names of what differs between two versions of an object: attributes, and the keys of maps. Never a
 * value. Attributes the provider plans unknown (computed, known only after apply) are counted, not named.
 */
function changedNames(before: unknown, after: unknown, afterUnknown: unknown): string[] {
  const b = isJsonObject(before) ? before : {};
  const a = isJsonObject(after) ? after : {};
  const u = isJsonObject(afterUnknown) ? afterUnknown : {};
  const out: string[] = [];
  let unknown = 0;
  for (const k of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
    if (JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    if (u[k] === true) {
      unknown++;
      continue;
    }
    if (isJsonObject(b[k]) || isJsonObject(a[k])) {
      const bo = isJsonObject(b[k]) ? (b[k] as JsonObject) : {};
      const ao = isJsonObject(a[k]) ? (a[k] as JsonObject) : {};
      const keys = (f: (x: string) => boolean, of: JsonObject) => Object.keys(of).filter(f).sort();
      const parts = [
        ...keys((x) => !(x in bo), ao).map((x) => `+${x}`),
        ...keys((x) => !(x in ao), bo).map((x) => `-${x}`),
        ...keys((x) => x in bo && JSON.stringify(ao[x]) !== JSON.stringify(bo[x]), ao).map((x) => `~${x}`),
      ];
      out.push(parts.length ? `${k} (${parts.join(" ")})` : k);
    } else out.push(k);
  }
  if (unknown) out.push(`${out.length ? "and " : ""}${unknown} computed attribute${unknown === 1 ? "" : "s"} known only after apply`);
  return out;
}

/** What a binding address means: `cloudfoundry_service_credential_binding.notify-db["notify-api"]`. */
const bindingWords = (c: Change) => {
  const b = parseBindingAddress(c.address);
  return b ? ` (${b.app} bound to ${b.service})` : "";
};

/**
 * One line per resource the plan changes, in the order Terraform lists them: what happens to it and
 * which attributes (by name) change. Destroys, replacements, unbinds and forgets in capitals.
 */
export function changeLines(plan: unknown): string[] {
  const changes = ((isJsonObject(plan) ? plan.resource_changes : undefined) as Change[] | undefined) ?? [];
  const out: string[] = [];
  for (const c of changes.filter((x) => x.mode === "managed")) {
    const a = c.change.actions;
    const importing = c.change.importing ? "import" : "";
    let what: string;
    if (a.includes("delete") && a.includes("create")) {
      const why = (c.change.replace_paths ?? []).map((p) => p.join(".")).join(", ");
      what = `REPLACE${why ? ` (because ${why} changed)` : ""}`;
    } else if (a.includes("delete")) what = c.type === "cloudfoundry_service_credential_binding" ? `DESTROY: UNBIND${bindingWords(c)}` : "DESTROY";
    else if (a.includes("forget")) what = "FORGET (stays on the platform, no longer managed)";
    else if (a.includes("create")) what = `create${c.type === "cloudfoundry_service_credential_binding" ? bindingWords(c) : ""}`;
    else if (a.includes("update")) what = `${importing ? "import, then " : ""}update: ${changedNames(c.change.before, c.change.after, c.change.after_unknown).join(", ")}`;
    else if (importing) what = "import";
    else continue;
    out.push(`${c.address}: ${what}`);
  }
  return out;
}

/** The platform in reviewer words: labels of what exists, by kind. */
export function platformInventory(p: PlatformData): Record<string, string[]> {
  const r = p.resources as Record<string, Record<string, JsonObject>>;
  const apps = new Map(Object.values(r.cloudfoundry_app ?? {}).map((a) => [String(a.id), String(a.name)]));
  for (const f of Object.values(p.cf.foreignApps)) apps.set(String(f.id), String(f.name));
  const services = new Map(Object.entries(p.cf.serviceInstances).map(([name, s]) => [s.id, name]));
  const list = (type: string, label: (o: JsonObject) => string) => Object.values(r[type] ?? {}).map(label).sort();
  return {
    apps: list("cloudfoundry_app", (a) => `${a.name} (${a.instances ?? "?"} instances${a.stopped ? ", stopped" : ""})`),
    routes: list("cloudfoundry_route", (x) => String(x.url)),
    bindings: list("cloudfoundry_service_credential_binding", (b) => `${apps.get(String(b.app)) ?? b.app} bound to ${services.get(String(b.service_instance)) ?? b.service_instance}`),
    "network policies": list("cloudfoundry_network_policy", (n) =>
      ((n.policies as JsonObject[] | undefined) ?? []).map((x) => `${apps.get(String(x.source_app)) ?? x.source_app} -> ${apps.get(String(x.destination_app)) ?? x.destination_app}:${x.port}`).join(", "),
    ),
    queues: list("aws_sqs_queue", (q) => String(q.name)),
    "IAM policies": list("aws_iam_policy", (q) => String(q.name)),
  };
}

/** What a platform gained and lost between two inventories, then the counts after. */
export function platformChanges(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const kind of Object.keys(after)) {
    const b = new Set(before[kind] ?? []);
    const a = new Set(after[kind]);
    const gone = [...b].filter((x) => !a.has(x));
    const added = [...a].filter((x) => !b.has(x));
    const line = `${kind}: ${a.size}${b.size !== a.size ? ` (was ${b.size})` : ""}`;
    out.push(line, ...gone.map((x) => `  - ${x}`), ...added.map((x) => `  + ${x}`));
  }
  return out;
}
