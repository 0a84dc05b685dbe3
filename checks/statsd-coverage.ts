import type { Check, Violation } from "./types";

/** The statsd port the app's config and gunicorn_config.py use (STATSD_PORT, `<host>:8125`). */
export const STATSD_PORT = 8125;

/** STATSD_HOST is set exactly on the apps that have a UDP 8125 policy to the exporter, and points at it. */
export const statsdCoverage: Check = {
  id: "NOTIFY-STATSD",
  description:
    "Stops metrics silently going nowhere: a host without a network policy, a policy without a host, or STATSD_HOST=None (fff004da2).",
  run: (environments) =>
    environments.flatMap((env) => {
      const out: Violation[] = [];
      const v = (subject: string, message: string) => out.push({ check: statsdCoverage.id, environment: env.name, subject, message });
      if (env.statsd.port !== STATSD_PORT) {
        v("environment", `statsd policies open UDP ${env.statsd.port}, but the apps send to ${STATSD_PORT}; set statsdPort: ${STATSD_PORT} in config/defaults.ts`);
      }
      for (const app of env.apps) {
        // The app reads the host under the name config gives it (derivedEnv may rename STATSD_HOST).
        const name = app.derivedEnv?.statsdHost ?? "STATSD_HOST";
        const host = app.env[name];
        if (app.sendsStatsd && host !== env.statsd.host) {
          v(app.name, `${app.name} has a policy to ${env.statsd.exporterApp} but ${name} is ${host === undefined ? "absent" : `"${host}"`}, not "${env.statsd.host}"; remove the override in config/apps.ts`);
        }
        if (!app.sendsStatsd && host !== undefined) {
          v(app.name, `${app.name} sets ${name}="${host}" without a network policy to the exporter, so no metric arrives; set sendsStatsd: true or remove ${name} in config/apps.ts`);
        }
      }
      return out;
    }),
};
