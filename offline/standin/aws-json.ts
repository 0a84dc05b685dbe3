// JSON as hashicorp/aws 5.100.0 handles it, for the stand-in: the provider normalises JSON attributes
// with Go's encoding/json (terraform-plugin-sdk structure.NormalizeJsonString: unmarshal, then marshal,
// which sorts object keys, drops insignificant white space and escapes <, > and &), validates them with
// validation.StringIsJSON (whose message carries Go's own parser error), and compares IAM policies with
// hashicorp/awspolicyequivalence. Semantics rows 81, 83, 84 cite the lines.

/** What Go's json.Marshal writes for a value json.Unmarshal read into interface{} (keys sorted, compact). */
export function normalizeJson(text: string): string {
  return goMarshal(JSON.parse(text));
}

function goMarshal(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `[${v.map(goMarshal).join(",")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${goString(k)}:${goMarshal(o[k])}`)
      .join(",")}}`;
  }
  if (typeof v === "string") return goString(v);
  return JSON.stringify(v);
}

/** encoding/json's string: JSON's escapes plus HTML-safe <, >, & and the two JavaScript line separators. */
function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** verify.JSONStringsEqual: both parse, and the parsed values are deeply equal (numbers as numbers, so "50" is not 50). */
export function jsonStringsEqual(a: string, b: string): boolean {
  try {
    return normalizeJson(a) === normalizeJson(b);
  } catch {
    return false;
  }
}

/** Go's encoding/json error for text that is not JSON, or undefined when it is JSON (scanner.go's messages). */
export function goJsonError(text: string): string | undefined {
  return goJsonSyntaxError(text)?.message;
}

/** Go's json.SyntaxError: its message and Offset (the bytes read when the error was found). */
export function goJsonSyntaxError(text: string): { message: string; offset: number } | undefined {
  let i = 0;
  const ch = () => text[i];
  const quote = (c: string) => (c === "'" ? "'\\''" : c === '"' ? "'\"'" : `'${c}'`);
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  class Bad extends Error {
    readonly offset = Math.min(i + 1, Buffer.byteLength(text));
  }
  const bad = (context: string): never => {
    if (i >= text.length) throw new Bad("unexpected end of JSON input");
    throw new Bad(`invalid character ${quote(ch())} ${context}`);
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= text.length) throw new Bad("unexpected end of JSON input");
      if (ch() !== word[k]) throw new Bad(`invalid character ${quote(ch())} in literal ${word} (expecting ${quote(word[k])})`);
    }
    i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) throw new Bad("unexpected end of JSON input");
      const c = ch();
      if (c === '"') return void i++;
      if (c === "\\") {
        i++;
        if (i >= text.length) throw new Bad("unexpected end of JSON input");
        if (ch() === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= text.length) throw new Bad("unexpected end of JSON input");
            if (!/[0-9a-fA-F]/.test(ch())) throw new Bad(`invalid character ${quote(ch())} in \\u hexadecimal character escape`);
          }
        } else if (!'"\\/bfnrt'.includes(ch())) throw new Bad(`invalid character ${quote(ch())} in string escape code`);
        i++;
        continue;
      }
      if (c < " ") throw new Bad(`invalid character ${quote(c)} in string literal`);
      i++;
    }
  };
  const number = () => {
    if (ch() === "-") {
      i++;
      if (i >= text.length) throw new Bad("unexpected end of JSON input");
      if (!/[0-9]/.test(ch())) throw new Bad(`invalid character ${quote(ch())} in numeric literal`);
    }
    if (ch() === "0") i++;
    else while (/[0-9]/.test(ch() ?? "")) i++;
    if (ch() === ".") {
      i++;
      if (i >= text.length) throw new Bad("unexpected end of JSON input");
      if (!/[0-9]/.test(ch())) throw new Bad(`invalid character ${quote(ch())} after decimal point in numeric literal`);
      while (/[0-9]/.test(ch() ?? "")) i++;
    }
    if (ch() === "e" || ch() === "E") {
      i++;
      if (ch() === "+" || ch() === "-") i++;
      if (i >= text.length) throw new Bad("unexpected end of JSON input");
      if (!/[0-9]/.test(ch())) throw new Bad(`invalid character ${quote(ch())} in exponent of numeric literal`);
      while (/[0-9]/.test(ch() ?? "")) i++;
    }
  };
  const value = (): void => {
    ws();
    const c = ch();
    if (c === undefined) throw new Bad("unexpected end of JSON input");
    if (c === "{") {
      i++;
      ws();
      if (ch() === "}") return void i++;
      for (;;) {
        ws();
        if (ch() !== '"') bad("looking for beginning of object key string");
        string();
        ws();
        if (ch() !== ":") bad("after object key");
        i++;
        value();
        ws();
        if (ch() === ",") {
          i++;
          continue;
        }
        if (ch() === "}") return void i++;
        bad("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (ch() === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (ch() === ",") {
          i++;
          continue;
        }
        if (ch() === "]") return void i++;
        bad("after array element");
      }
    }
    if (c === '"') return string();
    if (c === "-" || /[0-9]/.test(c)) return number();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    bad("looking for beginning of value");
  };
  try {
    value();
    ws();
    if (i < text.length) bad("after top-level value");
    return undefined;
  } catch (err) {
    if (err instanceof Bad) return { message: err.message, offset: Buffer.byteLength(text.slice(0, err.offset)) };
    throw err;
  }
}

/**
 * awspolicyequivalence.PoliciesAreEquivalent, for the documents this estate writes: the same Version
 * and Id, and the same statements in any order, where a single string equals a one-element list
 * (Action, Resource, principals, condition values), lists compare as sets, and a principal "*" equals
 * {"AWS": "*"}.
 */
export function policiesEquivalent(a: string, b: string): boolean {
  try {
    return JSON.stringify(canonicalPolicy(JSON.parse(a))) === JSON.stringify(canonicalPolicy(JSON.parse(b)));
  } catch {
    return false;
  }
}

function canonicalPolicy(p: unknown): unknown {
  if (!p || typeof p !== "object" || Array.isArray(p)) return p;
  const doc = p as Record<string, unknown>;
  const statements = doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return {
    Version: doc.Version ?? null,
    Id: doc.Id ?? null,
    Statement: statements.map((s) => JSON.stringify(canonicalStatement(s))).sort(),
  };
}

const set = (v: unknown): unknown => (v === undefined ? null : (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x : JSON.stringify(x))).sort());

function canonicalStatement(s: unknown): unknown {
  if (!s || typeof s !== "object") return s;
  const st = s as Record<string, unknown>;
  const principal = (v: unknown) => {
    if (v === undefined) return null;
    const o = v === "*" ? { AWS: "*" } : (v as Record<string, unknown>);
    if (!o || typeof o !== "object") return v;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, set(o[k])]));
  };
  const condition = (v: unknown) => {
    if (!v || typeof v !== "object") return v ?? null;
    const c = v as Record<string, Record<string, unknown>>;
    return Object.fromEntries(
      Object.keys(c)
        .sort()
        .map((op) => [op, Object.fromEntries(Object.keys(c[op] ?? {}).sort().map((k) => [k, set(c[op][k])]))]),
    );
  };
  return {
    Sid: st.Sid ?? "",
    Effect: st.Effect ?? null,
    Action: set(st.Action),
    NotAction: set(st.NotAction),
    Resource: set(st.Resource),
    NotResource: set(st.NotResource),
    Principal: principal(st.Principal),
    NotPrincipal: principal(st.NotPrincipal),
    Condition: condition(st.Condition),
  };
}
