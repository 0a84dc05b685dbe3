import { createHash } from "crypto";
import { MANAGED_TYPES } from "./guard-data";
import { isJsonObject, type ResourceChange } from "./plan-json";

// How an acceptance names what it accepts. An object by its id before the apply: a destroyed or
// replaced object's id never comes back, so an acceptance of its destruction is spent by the apply. An
// object that stays keeps its id, so an acceptance of a change to it names the change too: a
// fingerprint of what the change does, which the apply makes the object's state, so no later plan has
// it again.

/** The id a created object has before its apply: none. */
export const NEW_OBJECT = "(new)";

/** The object's name as an acceptance gives it: its `id` before the change, a name derived from its values where the type has no id, or "(new)". */
export function objectId(c: ResourceChange): string {
  const before = isJsonObject(c.change.before) ? c.change.before : undefined;
  if (!before) return NEW_OBJECT;
  if (typeof before.id === "string" && before.id) return before.id;
  return MANAGED_TYPES[c.type]?.identity?.(before) ?? `(no id: ${c.address})`;
}

const sensitiveAt = (marks: unknown, key: string): unknown => (isJsonObject(marks) ? marks[key] : undefined);

/** A value with every part Terraform marks sensitive (before_sensitive/after_sensitive) replaced: no secret goes into a fingerprint. */
function redacted(value: unknown, marks: unknown): unknown {
  if (marks === true) return "(sensitive)";
  if (Array.isArray(value)) return value.map((v, i) => redacted(v, Array.isArray(marks) ? marks[i] : undefined));
  if (isJsonObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, redacted(value[k], sensitiveAt(marks, k))]));
  return value ?? null;
}

/**
 * What an in-place change does, as 12 hex digits of SHA-256: its actions and, per attribute that
 * changes (sorted), the value before, the value after and what is unknown until apply. Variables are
 * taken by name only (`environment` holds secrets the plan does not mark), sensitive values not at all.
 */
export function changeFingerprint(c: ResourceChange): string {
  const side = (v: unknown, marks: unknown) => {
    const o = isJsonObject(v) ? { ...v } : {};
    if (isJsonObject(o.environment)) o.environment = Object.keys(o.environment).sort();
    return redacted(o, marks) as Record<string, unknown>;
  };
  const before = side(c.change.before, c.change.before_sensitive);
  const after = side(c.change.after, c.change.after_sensitive);
  const unknown = isJsonObject(c.change.after_unknown) ? c.change.after_unknown : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)])].sort();
  const changed = keys
    .map((k) => [k, before[k] ?? null, after[k] ?? null, unknown[k] ?? false])
    .filter(([, b, a, u]) => JSON.stringify(b) !== JSON.stringify(a) || JSON.stringify(u).includes("true"));
  return createHash("sha256").update(JSON.stringify([c.change.actions, changed])).digest("hex").slice(0, 12);
}
