import { decode, encode, ExtensionCodec } from "@msgpack/msgpack";

// Terraform values as the stand-in handles them: plain JSON-like data, with UNKNOWN for a value that
// is not known until apply. On the wire they are MessagePack, typed by the schema (Terraform's
// "object wire format"): an object carries every attribute of its type, null where absent, and an
// unknown value is MessagePack extension 0 (Terraform may also send extension 12, a refined unknown).

/** A value that is not known until apply. */
export const UNKNOWN: Readonly<{ unknown: true }> = Object.freeze({ unknown: true as const });
export type Value = null | string | number | boolean | typeof UNKNOWN | Value[] | { [k: string]: Value };
export type Obj = { [k: string]: Value };

/** Terraform's type of a value, from a schema's JSON type or its nested attributes and blocks. */
export type Type =
  | "string"
  | "number"
  | "bool"
  | { readonly list: Type }
  | { readonly set: Type }
  | { readonly map: Type }
  | { readonly object: Readonly<Record<string, Type>> }
  | { readonly tuple: readonly Type[] };

/** A block or nested object as `terraform providers schema -json` writes it. */
export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, { readonly nesting_mode: string; readonly block: SchemaBlock; readonly min_items?: number; readonly max_items?: number }>>;
}
export interface SchemaAttribute {
  readonly type?: unknown;
  readonly nested_type?: { readonly attributes: Readonly<Record<string, SchemaAttribute>>; readonly nesting_mode: string };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
}

/** A JSON type ("string", ["list","string"], ["object",{...}]) as a Type. */
export function typeFromJson(t: unknown): Type {
  if (t === "string" || t === "number" || t === "bool") return t;
  if (Array.isArray(t)) {
    const [kind, arg] = t;
    if (kind === "list") return { list: typeFromJson(arg) };
    if (kind === "set") return { set: typeFromJson(arg) };
    if (kind === "map") return { map: typeFromJson(arg) };
    if (kind === "object") return { object: Object.fromEntries(Object.entries(arg as Record<string, unknown>).map(([k, v]) => [k, typeFromJson(v)])) };
    if (kind === "tuple") return { tuple: (arg as unknown[]).map(typeFromJson) };
  }
  throw new Error(`the stand-in does not handle the type ${JSON.stringify(t)}`);
}

function nest(mode: string, element: Type): Type {
  if (mode === "single" || mode === "group") return element;
  if (mode === "list") return { list: element };
  if (mode === "set") return { set: element };
  if (mode === "map") return { map: element };
  throw new Error(`unknown nesting mode ${mode}`);
}

export function attributeType(a: SchemaAttribute): Type {
  if (a.nested_type) return nest(a.nested_type.nesting_mode, objectType({ attributes: a.nested_type.attributes }));
  return typeFromJson(a.type);
}

/** The object type of a block: its attributes and nested blocks. */
export function objectType(block: SchemaBlock): { readonly object: Readonly<Record<string, Type>> } {
  const out: Record<string, Type> = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) out[name] = attributeType(a);
  for (const [name, b] of Object.entries(block.block_types ?? {})) out[name] = nest(b.nesting_mode, objectType(b.block));
  return { object: out };
}

/**
 * A value made to fit its type: every attribute of an object present (null where missing), numbers
 * as numbers, sets and lists as arrays. Unknown stays unknown. A value that cannot fit is an error
 * naming its path, so that a fixture mistake is found at once.
 */
export function conform(v: unknown, t: Type, path = "value"): Value {
  if (v === null || v === undefined) return null;
  if (v === UNKNOWN) return UNKNOWN;
  if (t === "string") {
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
  } else if (t === "number") {
    if (typeof v === "number") return v;
    if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  } else if (t === "bool") {
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
  } else if ("list" in t || "set" in t) {
    const el = "list" in t ? t.list : t.set;
    if (Array.isArray(v)) return v.map((x, i) => conform(x, el, `${path}[${i}]`));
  } else if ("map" in t) {
    if (typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, conform(x, t.map, `${path}.${k}`)]));
    }
  } else if ("object" in t) {
    if (typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const extra = Object.keys(o).filter((k) => !(k in t.object));
      if (extra.length) throw new Error(`${path}: attributes ${extra.join(", ")} are not in the schema`);
      return Object.fromEntries(Object.entries(t.object).map(([k, at]) => [k, conform(o[k], at, `${path}.${k}`)]));
    }
  } else if ("tuple" in t) {
    if (Array.isArray(v)) return t.tuple.map((et, i) => conform(v[i], et, `${path}[${i}]`));
  }
  throw new Error(`${path}: ${JSON.stringify(v)} does not fit the type ${JSON.stringify(t)}`);
}

const codec = new ExtensionCodec();
codec.register({
  type: 0,
  encode: (v: unknown) => (v === UNKNOWN ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});
codec.register({ type: 12, encode: () => null, decode: () => UNKNOWN });

export function toMsgpack(v: unknown, t: Type): Buffer {
  return Buffer.from(encode(conform(v, t), { extensionCodec: codec }));
}

export function fromMsgpack(bytes: Uint8Array | undefined | null): Value {
  if (!bytes || bytes.length === 0) return null;
  return decode(bytes, { extensionCodec: codec }) as Value;
}

export function isUnknown(v: unknown): boolean {
  return v === UNKNOWN;
}

/** True when a value, or anything inside it, is unknown. */
export function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === "object") return Object.values(v).some(containsUnknown);
  return false;
}

/** Equality as Terraform sees it: sets compare without order. Unknown equals nothing. */
export function sameValue(a: unknown, b: unknown, t: Type): boolean {
  if (a === UNKNOWN || b === UNKNOWN) return false;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof t === "string") return a === b || (t === "number" && Number(a) === Number(b));
  if ("set" in t) {
    const key = (x: unknown) => JSON.stringify(canonical(x));
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.map(key).sort().join("\n") === b.map(key).sort().join("\n");
  }
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Keys sorted and sets' order removed, for comparing and for stable fixtures. */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object" && v !== UNKNOWN) {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}
