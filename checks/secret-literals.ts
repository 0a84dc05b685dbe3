import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import type { ResolvedEnvironment } from "../config";
import type { Violation } from "./types";

/**
 * NOTIFY-SECRET-LITERALS: a credential typed into config as a plain env value lands in Git, in every
 * synthesized file and in every plan (plain values are not sensitive). Secrets come from the secret
 * store (config/secrets.ts). Scans every plain value with secretlint's recommended preset (private
 * keys, cloud and SaaS tokens, HTTP basic auth, named AWS secret keys) and two rules the preset lacks:
 * a password in any URI (postgres://user:pass@..., redis://...), read with the WHATWG URL parser, and
 * an AWS access key id. A finding names the app, the variable and the rule, never the value.
 *
 * By value, not by name: a JSON Web Token (a signed bearer token: SESSION_JWT passed both the
 * preset and the name rules) and any other high-entropy token. The recommended preset (10.2.2) has
 * rules per vendor only, none for JWTs or entropy, and @secretlint/secretlint-rule-pattern would hold
 * this same pattern; so two small detectors (tokenFindings below), with the thresholds of Yelp's
 * detect-secrets (Base64HighEntropyString 4.5 bits a character, HexHighEntropyString 3.0).
 */
export const secretLiterals = {
  id: "NOTIFY-SECRET-LITERALS",
  description: "Stops a credential typed into config as a plain env value (it would be in Git and in every plan).",
  run: async (environments: readonly ResolvedEnvironment[]): Promise<Violation[]> => {
    const out: Violation[] = [];
    // Most variables are the same in every environment and on many apps: scan each name=value once.
    const scanned = new Map<string, Promise<string[]>>();
    for (const env of environments) {
      for (const app of env.apps) {
        for (const [name, value] of Object.entries(app.env)) {
          const key = `${name}=${value}`;
          if (!scanned.has(key)) scanned.set(key, findings(name, value));
          const rules = await scanned.get(key)!;
          if (rules.length) {
            out.push({
              check: secretLiterals.id,
              environment: env.name,
              subject: app.name,
              message: `${name} holds what looks like a credential (${rules.join(", ")}); the value is not shown. Move it to the secret store: declare it in config/secrets.ts and list it under the app's secrets`,
            });
          }
        }
      }
    }
    return out;
  },
};

const AWS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/;

async function findings(name: string, value: string): Promise<string[]> {
  const rules = new Set<string>();
  const result = await lintSource({
    source: { filePath: `${name}.env`, content: `${name}=${value}\n`, contentType: "text" },
    options: { config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] }, maskSecrets: true, noPhysicFilePath: true },
  });
  for (const m of result.messages) rules.add(m.ruleId.replace(/^@secretlint\/secretlint-rule-/, "secretlint:"));
  if (uriPassword(value)) rules.add("password in a URI");
  if (AWS_KEY_ID.test(value)) rules.add("AWS access key id");
  for (const rule of tokenFindings(value)) rules.add(rule);
  return [...rules].sort();
}

/** header.payload.signature, each base64url; header and payload are JSON objects, so both start "eyJ" ('{"'). */
const JWT = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** A token is a run of base64, base64url or hex characters; separators (:/.@?&, spaces) end one. */
const TOKEN = /[A-Za-z0-9+/=_-]+/g;
/** Shorter runs are words, ports, ids: too short for entropy to mean anything. */
export const MIN_TOKEN_LENGTH = 32;
/** detect-secrets' Base64HighEntropyString limit, bits a character. */
export const BASE64_ENTROPY_LIMIT = 4.5;
/** detect-secrets' HexHighEntropyString limit, bits a character (hex carries at most 4). */
export const HEX_ENTROPY_LIMIT = 3.0;

/** Shannon entropy of a string, bits a character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/**
 * A JWT whose header decodes to JSON with an "alg": not a look-alike such as "eyJa.eyJb.c". A header
 * that starts "eyJ" decodes to '{"', so it is an object or no JSON at all.
 */
function isJwt(candidate: string): boolean {
  try {
    return typeof JSON.parse(Buffer.from(candidate.split(".")[0], "base64url").toString("utf8")).alg === "string";
  } catch {
    return false;
  }
}

/** The token rules a value breaks: "JSON Web Token", "high-entropy token". */
export function tokenFindings(value: string): string[] {
  const rules: string[] = [];
  if ([...value.matchAll(JWT)].some((m) => isJwt(m[0]))) rules.push("JSON Web Token");
  const tokens = value.replace(JWT, " ").match(TOKEN) ?? [];
  const random = tokens.some((t) => {
    if (t.length < MIN_TOKEN_LENGTH) return false;
    if (/^[0-9a-fA-F]+$/.test(t)) return entropy(t) > HEX_ENTROPY_LIMIT;
    // Words joined by hyphens or in camel case have letters only; a random token of this length has
    // digits too. (Letters need no test of their own: without them no run reaches 4.5 bits.)
    return /[0-9]/.test(t) && entropy(t) > BASE64_ENTROPY_LIMIT;
  });
  if (random) rules.push("high-entropy token");
  return rules;
}

function uriPassword(value: string): boolean {
  try {
    return new URL(value.trim()).password !== "";
  } catch {
    return false;
  }
}
