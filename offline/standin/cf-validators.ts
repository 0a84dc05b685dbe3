import { isUnknown, type Obj, type Value } from "./values";

// The schema validators of cloudfoundry/cloudfoundry 1.16.0, as data read from the provider's schema
// code, run on ValidateResourceConfig (Terraform calls it before every plan) with the messages of
// terraform-plugin-framework-validators v0.19.0, the version the provider pins (go.mod). Each entry
// names the semantics row it implements and where the provider declares it. A validator skips an
// unknown value, as the framework's do (a value from another resource's apply is checked by no one).
//
// Messages: helpers/validatordiag/diag.go (summary "Invalid Attribute Value", detail "Attribute <path>
// <description>, got: <value>"; "Invalid Attribute Combination" with the capitalised description;
// "Invalid Attribute Value Match" for OneOf and regular expressions).

export type Check =
  /** stringvalidator.ExactlyOneOf: on `attr`, one and only one of `of` (attr among them) is set. */
  | { readonly kind: "exactlyOneOf"; readonly attr: string; readonly of: readonly string[]; readonly row: number; readonly source: string }
  /** setvalidator.ConflictsWith: when `attr` is set, none of `others` may be. */
  | { readonly kind: "conflictsWith"; readonly attr: string; readonly others: readonly string[]; readonly row: number; readonly source: string }
  /** objectvalidator.AlsoRequires: when `attr` is set, `requires` must be too. */
  | { readonly kind: "alsoRequires"; readonly attr: string; readonly requires: string; readonly row: number; readonly source: string }
  /** list/set/mapvalidator.SizeAtLeast. */
  | { readonly kind: "sizeAtLeast"; readonly attr: string; readonly collection: "list" | "set" | "map"; readonly min: number; readonly row: number; readonly source: string }
  /** stringvalidator.OneOf. */
  | { readonly kind: "oneOf"; readonly attr: string; readonly values: readonly string[]; readonly row: number; readonly source: string }
  /** int64validator.AtLeast / AtMost / Between. */
  | { readonly kind: "between"; readonly attr: string; readonly min?: number; readonly max?: number; readonly row: number; readonly source: string }
  /** stringvalidator.LengthAtLeast. */
  | { readonly kind: "lengthAtLeast"; readonly attr: string; readonly min: number; readonly row: number; readonly source: string }
  /** stringvalidator.Any(RegexMatches...): one of the patterns matches. */
  | { readonly kind: "anyRegex"; readonly attr: string; readonly patterns: readonly { readonly re: RegExp; readonly message: string }[]; readonly row: number; readonly source: string }
  /** validation.ValidUUID (the provider's own). */
  | { readonly kind: "uuid"; readonly attr: string; readonly row: number; readonly source: string };

const RA = "resource_app.go";
/** The attributes `processes` conflicts with (resource_app.go:271-284). */
const PROCESS_LEVEL = ["command", "disk_quota", "health_check_http_endpoint", "health_check_invocation_timeout", "health_check_type", "health_check_interval", "readiness_health_check_type", "readiness_health_check_http_endpoint", "readiness_health_check_invocation_timeout", "readiness_health_check_interval", "log_rate_limit_per_second", "instances", "memory", "timeout"];

/**
 * By resource type. A nested attribute is "<attr>[].<nested>" (every element of a list or set).
 * Only the four types the estate declares; the others are not modelled (semantics.ts RESOURCES).
 */
export const CF_VALIDATORS: Readonly<Record<string, readonly Check[]>> = {
  cloudfoundry_app: [
    { kind: "exactlyOneOf", attr: "path", of: ["docker_image", "path"], row: 53, source: `${RA}:113-119` },
    { kind: "conflictsWith", attr: "processes", others: PROCESS_LEVEL, row: 54, source: `${RA}:266-289` },
    { kind: "conflictsWith", attr: "no_route", others: ["routes", "random_route"], row: 54, source: `${RA}:235-241` },
    { kind: "conflictsWith", attr: "random_route", others: ["routes", "no_route"], row: 54, source: `${RA}:243-249` },
    { kind: "alsoRequires", attr: "docker_credentials", requires: "docker_image", row: 54, source: `${RA}:127-133` },
    { kind: "sizeAtLeast", attr: "buildpacks", collection: "list", min: 1, row: 55, source: `${RA}:104-111` },
    { kind: "sizeAtLeast", attr: "service_bindings", collection: "set", min: 1, row: 55, source: `${RA}:160-167` },
    { kind: "sizeAtLeast", attr: "routes", collection: "set", min: 1, row: 55, source: `${RA}:189-195` },
    { kind: "sizeAtLeast", attr: "environment", collection: "map", min: 1, row: 55, source: `${RA}:227-233` },
    { kind: "sizeAtLeast", attr: "processes", collection: "set", min: 1, row: 55, source: `${RA}:266-270` },
    { kind: "sizeAtLeast", attr: "sidecars", collection: "set", min: 1, row: 55, source: `${RA}:290-295` },
    { kind: "oneOf", attr: "strategy", values: ["none", "rolling", "blue-green"], row: 56, source: `${RA}:153-159` },
    { kind: "oneOf", attr: "health_check_type", values: ["port", "process", "http"], row: 56, source: `${RA}:377-384` },
    { kind: "oneOf", attr: "readiness_health_check_type", values: ["port", "process", "http"], row: 56, source: `${RA}:389-396` },
    { kind: "oneOf", attr: "processes[].health_check_type", values: ["port", "process", "http"], row: 56, source: `${RA}:377-384 (ProcessAppCommonSchema, also under processes)` },
    { kind: "oneOf", attr: "routes[].protocol", values: ["http2", "http1", "tcp"], row: 56, source: `${RA}:206-213` },
    { kind: "between", attr: "app_deployed_running_timeout", min: 1, row: 57, source: `${RA}:251-257 (AppDeployedRunningTimeoutMinutesMinimum = 1)` },
    { kind: "between", attr: "app_deployed_running_check_interval", min: 1, max: 30, row: 57, source: `${RA}:258-265 (minimum 1, maximum 30 seconds)` },
  ],
  cloudfoundry_route: [
    { kind: "lengthAtLeast", attr: "host", min: 1, row: 58, source: "resource_route.go:75-81" },
    { kind: "lengthAtLeast", attr: "path", min: 2, row: 58, source: "resource_route.go:85-91" },
    { kind: "sizeAtLeast", attr: "destinations", collection: "set", min: 1, row: 55, source: "resource_route.go:116-123" },
    { kind: "between", attr: "destinations[].port", min: 1024, max: 65535, row: 57, source: "resource_route.go:140-146" },
    { kind: "between", attr: "destinations[].weight", min: 1, max: 100, row: 57, source: "resource_route.go:148-153" },
    { kind: "oneOf", attr: "destinations[].protocol", values: ["http1", "http2", "tcp"], row: 56, source: "resource_route.go:155-161" },
  ],
  cloudfoundry_network_policy: [
    { kind: "sizeAtLeast", attr: "policies", collection: "list", min: 1, row: 55, source: "resource_network_policy.go:60-65" },
    { kind: "uuid", attr: "policies[].source_app", row: 58, source: "resource_network_policy.go:68-74; internal/validation/uuidvalidator.go:16-18 (RegexMatches, \"value must be a valid UUID\")" },
    { kind: "uuid", attr: "policies[].destination_app", row: 58, source: "resource_network_policy.go:75-81" },
    {
      kind: "anyRegex",
      attr: "policies[].port",
      patterns: [
        { re: /^\d+$/, message: "can match a single port number" },
        { re: /^\d+-\d+$/, message: "can match a port range" },
      ],
      row: 58,
      source: "resource_network_policy.go:82-97",
    },
    { kind: "oneOf", attr: "policies[].protocol", values: ["tcp", "udp"], row: 56, source: "resource_network_policy.go:98-106" },
  ],
  cloudfoundry_service_credential_binding: [{ kind: "oneOf", attr: "type", values: ["app", "key"], row: 56, source: "resource_service_credential_binding.go:60-66" }],
};

export interface ValidationDiagnostic {
  readonly severity: "ERROR";
  readonly summary: string;
  readonly detail: string;
  /** The top-level attribute the diagnostic is about (Terraform points at its line). */
  readonly attribute: string;
}

/** The framework's rendering of a value: strings quoted (%q), numbers plain. */
const shown = (v: Value): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** Each value at `attr` with the framework's path to it ("policies[0].port"). Unknown values are left out. */
function valuesAt(config: Obj, attr: string): { path: string; value: Value }[] {
  const [top, nested] = attr.split("[].");
  const v = config[top] ?? null;
  if (nested === undefined) return isUnknown(v) ? [] : [{ path: top, value: v }];
  if (!Array.isArray(v)) return [];
  return v.flatMap((el, i) => {
    if (!el || typeof el !== "object" || isUnknown(el)) return [];
    const x = (el as Obj)[nested] ?? null;
    return isUnknown(x) ? [] : [{ path: `${top}[${i}].${nested}`, value: x }];
  });
}

const set = (v: Value) => v !== null && !isUnknown(v);

/** The diagnostics the provider's validators give a resource's configuration (an empty list when it is valid). */
export function validateCfConfig(type: string, config: Value): ValidationDiagnostic[] {
  const cfg = (config ?? {}) as Obj;
  const out: ValidationDiagnostic[] = [];
  const add = (path: string, summary: string, detail: string) => out.push({ severity: "ERROR", summary, detail, attribute: path.split(/[.[]/)[0] });
  for (const c of CF_VALIDATORS[type] ?? []) {
    if (c.kind === "exactlyOneOf" || c.kind === "conflictsWith" || c.kind === "alsoRequires") {
      const self = cfg[c.attr] ?? null;
      if (isUnknown(self)) continue;
      if (c.kind === "exactlyOneOf") {
        const others = c.of.filter((o) => o !== c.attr).map((o) => cfg[o] ?? null);
        if (others.some(isUnknown)) continue;
        const count = (set(self) ? 1 : 0) + others.filter(set).length;
        const expressions = `[${c.of.join(",")}]`;
        if (count === 0) add(c.attr, "Invalid Attribute Combination", `No attribute specified when one (and only one) of ${expressions} is required`);
        if (count > 1) add(c.attr, "Invalid Attribute Combination", `${count} attributes specified when one (and only one) of ${expressions} is required`);
      } else if (c.kind === "conflictsWith") {
        if (!set(self)) continue;
        for (const o of c.others) if (set(cfg[o] ?? null)) add(c.attr, "Invalid Attribute Combination", `Attribute ${JSON.stringify(o)} cannot be specified when ${JSON.stringify(c.attr)} is specified`);
      } else if (set(self) && (cfg[c.requires] ?? null) === null) {
        add(c.attr, "Invalid Attribute Combination", `Attribute ${JSON.stringify(c.requires)} must be specified when ${JSON.stringify(c.attr)} is specified`);
      }
      continue;
    }
    for (const { path, value } of valuesAt(cfg, c.attr)) {
      if (value === null) continue;
      switch (c.kind) {
        case "sizeAtLeast": {
          const n = Array.isArray(value) ? value.length : Object.keys(value as object).length;
          if (n < c.min) add(path, "Invalid Attribute Value", `Attribute ${path} ${c.collection} must contain at least ${c.min} elements, got: ${n}`);
          break;
        }
        case "oneOf":
          if (!c.values.includes(String(value))) add(path, "Invalid Attribute Value Match", `Attribute ${path} value must be one of: [${c.values.map((x) => JSON.stringify(x)).join(" ")}], got: ${shown(value)}`);
          break;
        case "between": {
          const n = Number(value);
          if (c.min !== undefined && c.max !== undefined && (n < c.min || n > c.max)) add(path, "Invalid Attribute Value", `Attribute ${path} value must be between ${c.min} and ${c.max}, got: ${n}`);
          else if (c.min !== undefined && c.max === undefined && n < c.min) add(path, "Invalid Attribute Value", `Attribute ${path} value must be at least ${c.min}, got: ${n}`);
          break;
        }
        case "lengthAtLeast":
          if (String(value).length < c.min) add(path, "Invalid Attribute Value Length", `Attribute ${path} string length must be at least ${c.min}, got: ${String(value).length}`);
          break;
        case "anyRegex":
          if (!c.patterns.some((p) => p.re.test(String(value)))) {
            for (const p of c.patterns) add(path, "Invalid Attribute Value Match", `Attribute ${path} ${p.message}, got: ${shown(value)}`);
          }
          break;
        case "uuid":
          if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(value))) add(path, "Invalid Attribute Value Match", `Attribute ${path} value must be a valid UUID, got: ${shown(value)}`);
          break;
      }
    }
  }
  return out;
}
