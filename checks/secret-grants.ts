import type { Check } from "./types";

/** An app holds a secret only if the secret's catalogue entry allows that app. */
export const secretGrants: Check = {
  id: "NOTIFY-SECRET-GRANTS",
  description: "Stops credentials spreading to apps that never use them (4437d60dd: CBC proxy keys had been on every app).",
  run: (environments) =>
    environments.flatMap((env) => {
      const allowed = new Map<string, ReadonlySet<string>>();
      const allowedSet = (name: string, apps: readonly string[]) => {
        let set = allowed.get(name);
        if (!set) allowed.set(name, (set = new Set(apps)));
        return set;
      };
      return env.apps.flatMap((app) =>
        app.secretEnv
          .filter((s) => s.allowedApps !== "all" && !allowedSet(s.name, s.allowedApps).has(app.name))
          .map((s) => ({
            check: secretGrants.id,
            environment: env.name,
            subject: app.name,
            message:
              `${app.name} is given ${s.name}, which config/secrets.ts allows only to ` +
              `${(s.allowedApps as readonly string[]).join(", ") || "no app"}; remove it from the app or, if the app's code ` +
              `really reads it, add the app to allowedApps with the reason`,
          })),
      );
    }),
};
