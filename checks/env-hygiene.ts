import type { Check, Violation } from "./types";

const NAME = /^[A-Z_][A-Z0-9_]*$/;
/** Names that carry credentials by convention. */
export const CREDENTIAL_NAME = /(KEY|SECRET|PASSWORD|TOKEN|AUTH)$/;

/** Variable names are valid, never both set and unset, and credential-like ones come from the secret store. */
export const envHygiene: Check = {
  id: "NOTIFY-ENV-HYGIENE",
  description: "Stops credentials typed into config as literals and variables that must be gone (7ad0c4103's hand-typed cf unset-env) coming back.",
  run: (environments) =>
    environments.flatMap((env) =>
      env.apps.flatMap((app): Violation[] => {
        const out: Violation[] = [];
        const v = (message: string) => out.push({ check: envHygiene.id, environment: env.name, subject: app.name, message });
        const names = [...Object.keys(app.env), ...app.secretEnv.map((s) => s.name)];
        for (const name of names) if (!NAME.test(name)) v(`${app.name}: "${name}" is not a valid variable name (upper case, digits, _)`);
        for (const u of app.unsetEnv) {
          if (names.includes(u.name)) v(`${app.name}: ${u.name} is set but must be absent (${u.reason}); remove it from config`);
        }
        for (const name of Object.keys(app.env)) {
          if (CREDENTIAL_NAME.test(name)) {
            v(`${app.name}: ${name} looks like a credential but has a literal value in config; move it to config/secrets.ts and SSM`);
          }
        }
        return out;
      }),
    ),
};
