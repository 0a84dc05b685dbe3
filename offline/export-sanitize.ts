import { isDeepStrictEqual } from "util";
import type { ResolvedEnvironment } from "../config";
import { isJsonObject, type JsonObject } from "../plan/plan-json";
import { EXPORT_ALLOW_LIST, type Allowance, type ShapeContext } from "./export-allow-list";

// One object of the snapshot export, attribute by attribute, by the allow-list (export-allow-list.ts).
// No placeholder is computed from a value: it names the type and attribute (and, for a variable
// config declares, the app, the variable and which distinct value it is), never a part, a length or
// a hash of what it stands for.

/** What main's config declares for one resource: the attributes its configuration sets, and the values the drift plan plans for them. */
export interface Declared {
  readonly sets: ReadonlySet<string>;
  readonly after: JsonObject;
}

export interface ExportContext extends ShapeContext {
  readonly env: ResolvedEnvironment;
  /** Each SSM parameter's current value (in memory only) and its placeholder. */
  readonly parameters: ReadonlyMap<string, { readonly value: unknown; readonly placeholder: string }>;
  /** Values that must never leave, even when config happens to hold the same text. */
  readonly secrets: ReadonlySet<string>;
  /** Distinct values seen per APP/VAR that are not config's, so that state and platform differ when they did. */
  readonly others: Map<string, unknown[]>;
}

/** The export refuses rather than guess: a type that holds credentials has something the allow-list does not know. */
export class ExportRefusal extends Error {}

export const notExported = (type: string, attribute: string) => `<not exported: ${type}.${attribute}>`;
export const notFromConfig = (app: string, variable: string, n: number) => `<not from config: ${app}/${variable} #${n}>`;
export const notDeclared = (n: number) => `<not declared #${n}>`;

/** What stands for a value that may not leave: a string for a string, null for anything else. */
const placeholder = (type: string, attribute: string, v: unknown) => (typeof v === "string" ? notExported(type, attribute) : null);
/** Nothing in it: "", [], {} (null is the placeholder of everything but text). */
const empty = (v: unknown) => v === "" || (Array.isArray(v) && v.length === 0) || (isJsonObject(v) && Object.keys(v).length === 0);

/** Attributes other attributes' shapes are built from (a URL from a name), exported first. */
const FIRST = ["name", "host", "path", "user"];
const order = (keys: string[]) => [...keys.filter((k) => FIRST.includes(k)), ...keys.filter((k) => !FIRST.includes(k)).sort()];

/** A map of strings, key by key: a declared key with its declared value leaves, any other key is numbered. */
function exportMap(type: string, attribute: string, v: JsonObject, declaredMap: unknown): JsonObject {
  const known = isJsonObject(declaredMap) ? declaredMap : {};
  const out: JsonObject = {};
  const keys = Object.keys(v).sort();
  for (const k of keys.filter((x) => Object.hasOwn(known, x))) out[k] = isDeepStrictEqual(v[k], known[k]) ? v[k] : notExported(type, `${attribute}.${k}`);
  return withUndeclared(out, keys.filter((x) => !Object.hasOwn(known, x)).length, notExported(type, attribute));
}

/**
 * `out` followed by `count` numbered keys for keys config does not declare: after the declared ones,
 * so that where a name would have sorted says nothing about it.
 */
function withUndeclared(out: JsonObject, count: number, value: string): JsonObject {
  for (let n = 1; n <= count; n++) out[notDeclared(n)] = value;
  return out;
}

/** An app's environment: config's settings as values, its secrets as SSM placeholders, anything else placeholders. */
function exportEnvironment(appName: unknown, v: JsonObject, ctx: ExportContext): JsonObject {
  const app = ctx.env.apps.find((a) => a.name === appName);
  const out: JsonObject = {};
  const keys = Object.keys(v).sort();
  const isDeclared = (k: string) => app !== undefined && (app.secretEnv.some((s) => s.name === k) || Object.hasOwn(app.env, k));
  for (const k of keys.filter(isDeclared)) {
    const secret = app!.secretEnv.find((s) => s.name === k);
    const parameter = secret ? ctx.env.parameters.find((p) => p.name === k)!.parameterName : undefined;
    const current = parameter ? ctx.parameters.get(parameter) : undefined;
    if (current && v[k] === current.value) {
      out[k] = current.placeholder;
    } else if (!secret && app!.env[k] === v[k] && !ctx.secrets.has(String(v[k]))) {
      out[k] = v[k];
    } else {
      const key = `${app!.name}/${k}`;
      const seen = ctx.others.get(key) ?? [];
      ctx.others.set(key, seen);
      let n = seen.findIndex((x) => isDeepStrictEqual(x, v[k]));
      if (n < 0) n = seen.push(v[k]) - 1;
      out[k] = notFromConfig(app!.name, k, n + 1);
    }
  }
  return withUndeclared(out, keys.filter((k) => !isDeclared(k)).length, notExported("cloudfoundry_app", "environment"));
}

/** One object (or each object of a list) field by field: a listed field by its shape, anything else a placeholder. */
function exportFields(type: string, attribute: string, v: unknown, fields: Readonly<Record<string, Allowance>>, sensitive: boolean, ctx: ExportContext): unknown {
  const one = (o: unknown): unknown => {
    if (!isJsonObject(o)) return placeholder(type, attribute, o);
    const out: JsonObject = {};
    for (const k of order(Object.keys(o))) out[k] = exportValue(type, `${attribute}.${k}`, o[k], fields[k], undefined, true, out, sensitive, ctx);
    return out;
  };
  return Array.isArray(v) ? v.map(one) : one(v);
}

/** One attribute's value as it may leave. `declared`: config's value when config sets it; `managed`: whether config manages the object. */
function exportValue(
  type: string,
  attribute: string,
  v: unknown,
  allowance: Allowance | undefined,
  declared: { readonly value: unknown } | undefined,
  managed: boolean,
  exported: JsonObject,
  sensitive: boolean,
  ctx: ExportContext,
): unknown {
  if (!allowance) {
    if (sensitive) throw new ExportRefusal(`refused to export: ${type}.${attribute} is not in the export's allow-list (offline/export-allow-list.ts), and ${type} holds credentials`);
    return empty(v) ? v : placeholder(type, attribute, v);
  }
  if (empty(v)) return v;
  if (allowance.environment) return isJsonObject(v) ? exportEnvironment(exported.name, v, ctx) : placeholder(type, attribute, v);
  if (declared && allowance.declared && isDeepStrictEqual(v, declared.value)) return v;
  if (allowance.map) return isJsonObject(v) ? exportMap(type, attribute, v, declared?.value) : placeholder(type, attribute, v);
  if (allowance.shape?.(v, exported, ctx)) return v;
  if (!managed && allowance.adoption?.(v, exported, ctx)) return v;
  if (allowance.fields) return exportFields(type, attribute, v, allowance.fields, sensitive, ctx);
  return placeholder(type, attribute, v);
}

/**
 * An object of `type` as it may leave. `declared`: what main's config declares for it (none for an
 * object config does not manage); `marked`: whether the plan or state marks anything in it sensitive.
 */
export function exportObject(type: string, values: JsonObject, declared: Declared | undefined, marked: boolean, ctx: ExportContext): JsonObject {
  const list = EXPORT_ALLOW_LIST[type];
  if (!list && marked) throw new ExportRefusal(`refused to export: ${type} is not in the export's allow-list (offline/export-allow-list.ts), and the provider marks some of it sensitive`);
  const out: JsonObject = {};
  for (const k of order(Object.keys(values))) {
    const allowance = list?.attributes[k];
    const source = allowance?.declaredKeysOf ?? k;
    const value = declared?.sets.has(source) ? { value: declared.after[source] } : undefined;
    out[k] = exportValue(type, k, values[k], allowance, value, declared !== undefined, out, list?.sensitive ?? false, ctx) as JsonObject[string];
  }
  return out;
}
