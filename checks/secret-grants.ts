import type { Check, Violation } from "./types";

/** An app holds a secret only if the secret's catalogue entry allows that app. */
export const secretGrants: Check = {
  id: "NOTIFY-SECRET-GRANTS",
  description: "Stops credentials spreading to apps that never use them (4437d60dd: CBC proxy keys had been on every app).",
  run: (environments) =>
    environments.flatMap((env) =>
      env.apps.flatMap((app): Violation[] => {
        const refused = app.secretEnv.filter((s) => s.allowedApps !== "all" && !s.allowedApps.includes(app.name));
        if (!refused.length) return [];
        const fix = `remove ${refused.length === 1 ? "it" : "them"} from the app or, if the app's code really reads ${refused.length === 1 ? "it" : "them"}, add the app to allowedApps with the reason`;
        // One line per app: a new app given the usual five secrets is one mistake, not five.
        const message =
          refused.length === 1
            ? `${app.name} is given ${refused[0].name}, which config/secrets.ts allows only to ${allowedList(refused[0].allowedApps as readonly string[])}; ${fix}`
            : `${app.name} is given ${refused.map((s) => s.name).join(", ")}, which config/secrets.ts does not allow it; ${fix}`;
        return [{ check: secretGrants.id, environment: env.name, subject: app.name, message }];
      }),
    ),
};

function allowedList(apps: readonly string[]): string {
  if (apps.length === 0) return "no app";
  if (apps.length <= 3) return apps.join(", ");
  return `${apps.slice(0, 2).join(", ")} and ${apps.length - 2} other apps`;
}
