import { isJsonObject } from "../plan/plan-json";

// The export's backstop: after the allow-list has built the snapshot, every secret the drift plan read
// is looked for in it, in the forms a value takes when it is copied by hand or by a program: as
// stored, trimmed, JSON-escaped, URL-encoded, base64 (at each of the three alignments it can have
// inside a longer encoded text), hex, reversed, and (for long ones) half of it, as when a value is
// split over two labels. A hit refuses the export. It cannot be the defence: a secret encoded any
// other way, or a short one cut shorter, passes it; what keeps secrets in is that only what config
// declares and platform structure leave (export-allow-list.ts).

/** Secrets to hunt: SecureString values, and what providers mark sensitive (binding credentials). */
export interface Secrets {
  readonly secureStrings: ReadonlySet<string>;
  readonly credentials: ReadonlySet<string>;
}

/** Under this, a value is looked for only as a whole string: shorter text is everywhere by chance. */
const WHOLE_ONLY_UNDER = { secureString: 5, credential: 8 } as const;
/** Under this, a value is not looked for at all ("{}", "1", "off"). */
const HUNTED_FROM = 4;
/** From this length, half of the value is looked for too (a value split over two places). */
const HALVES_FROM = 12;
/** What the export writes in place of values: never itself a leak. */
const PLACEHOLDER = /^<(ssm:|not from config: |not exported: |not declared #)[^<>]*>$/;

/** Every string in `v`, and in JSON it parses as, and the user and password of every URL among them (numbers, such as a port, are not secrets). */
export function innerStrings(v: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === "string") {
      out.push(x);
      walk(parsed(x.trim()));
      for (const m of x.matchAll(/:\/\/([^\s/@"']*)@/g)) {
        const [user, password] = m[1].split(":");
        for (const part of [user, password]) {
          if (part) out.push(part, safeDecode(part));
        }
      }
    } else if (Array.isArray(x)) x.forEach(walk);
    else if (isJsonObject(x)) Object.values(x).forEach(walk);
  };
  walk(v);
  return [...new Set(out)];
}

/** What `s` parses as when it is JSON; undefined when it is not. */
function parsed(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The part of base64(prefix + s) that only s decides, for each of the three alignments. */
function base64Alignments(s: string, url: boolean): string[] {
  const bytes = Buffer.from(s);
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(url ? "base64url" : "base64");
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    out.push(encoded.slice(first, last));
  }
  return out;
}

const reverse = (s: string) => [...s].reverse().join("");

/** The forms of one secret to look for (whole strings and substrings). */
export function secretForms(secret: string, kind: keyof typeof WHOLE_ONLY_UNDER): { whole: string[]; inside: string[] } {
  const bases = [...new Set([secret, secret.trim()])].filter((b) => b.length >= HUNTED_FROM && !PLACEHOLDER.test(b));
  const forms = new Set<string>();
  for (const b of bases) {
    forms.add(b);
    forms.add(JSON.stringify(b).slice(1, -1));
    forms.add(encodeURIComponent(b));
    forms.add(reverse(b));
    forms.add(Buffer.from(b).toString("hex"));
    for (const url of [false, true]) for (const f of base64Alignments(b, url)) forms.add(f);
    if (b.length >= HALVES_FROM) {
      const half = Math.ceil(b.length / 2);
      for (let i = 0; i + half <= b.length; i++) forms.add(b.slice(i, i + half));
    }
  }
  // Every base has 4 characters or more, and so has each of its forms.
  const all = [...forms];
  return { whole: all, inside: all.filter((f) => f.length >= WHOLE_ONLY_UNDER[kind]) };
}

/**
 * Where a secret, in any of the forms above, appears in `doc` (a path, never the value), or
 * undefined. Keys are searched as well as values.
 */
export function leakedSecret(doc: unknown, secrets: Secrets): string | undefined {
  const whole = new Set<string>();
  const inside = new Set<string>();
  for (const [set, kind] of [
    [secrets.secureStrings, "secureString"],
    [secrets.credentials, "credential"],
  ] as const) {
    for (const s of set) {
      const f = secretForms(s, kind);
      f.whole.forEach((x) => whole.add(x));
      f.inside.forEach((x) => inside.add(x));
    }
  }
  const needles = [...inside];
  const hit = (s: string) => (whole.has(s) && !PLACEHOLDER.test(s)) || needles.some((n) => s.includes(n));
  const walk = (v: unknown, at: string): string | undefined => {
    if (typeof v === "string" && hit(v)) return `a secret value in ${at}`;
    if (typeof v === "number" && needles.some((n) => String(v).includes(n))) return `a secret value in ${at}`;
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        const found = walk(x, `${at}[${i}]`);
        if (found) return found;
      }
    } else if (isJsonObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (hit(k)) return `a secret value as a key in ${at}`;
        const found = walk(x, `${at}.${k}`);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(doc, "$");
}
