import type { Check, Violation } from "./types";

/** The longest health check a web app may have, in whole seconds (5aaf109ae, 9de3a9ff4: 2.5 s became 3). */
export const MAX_WEB_INVOCATION_TIMEOUT_SECONDS = 3;

/** Workers use the process check; web apps use port or http with an invocation timeout of at most 3 whole seconds. */
export const healthChecks: Check = {
  id: "NOTIFY-HEALTH-CHECK",
  description: "Stops health checks that kill healthy instances under load or keep broken ones serving (adf81ef68, 5aaf109ae).",
  run: (environments) =>
    environments.flatMap((env) =>
      env.apps.flatMap((app): Violation[] => {
        const hc = app.healthCheck;
        const v = (message: string): Violation[] => [{ check: healthChecks.id, environment: env.name, subject: app.name, message }];
        if (app.role !== "web") {
          return hc.type === "process" ? [] : v(`${app.name} is a ${app.role} with a ${hc.type} health check; it listens on no port: use { type: "process" } in config/apps.ts`);
        }
        if (hc.type === "process") return v(`${app.name} serves HTTP but uses the process check, so CF routes to it before it listens; use port or http`);
        const t = hc.invocationTimeoutSeconds;
        if (!Number.isInteger(t) || t > MAX_WEB_INVOCATION_TIMEOUT_SECONDS || t < 1) {
          return v(`${app.name} health check invocation timeout is ${t} s; it must be a whole number from 1 to ${MAX_WEB_INVOCATION_TIMEOUT_SECONDS} (CF takes integers; longer keeps a broken instance serving)`);
        }
        return [];
      }),
    ),
};
