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
  return [...rules].sort();
}

function uriPassword(value: string): boolean {
  try {
    return new URL(value.trim()).password !== "";
  } catch {
    return false;
  }
}
