import { CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS, FOUNDATIONS } from "../config/foundations";
import type { Check, Violation } from "./types";

/**
 * The apps' health-check `timeout` is at most the foundation's `maximum_health_check_timeout`: Cloud
 * Controller refuses a longer one (base_health_check_policy.rb:36-44), so every push of every app would
 * fail mid-deploy. The Makefile's CF_STARTUP_TIMEOUT=15 is the cf CLI's own wait in minutes: read as a
 * timeout (900 s) it is five times the default maximum of 180 s.
 */
export const healthCheckTimeout: Check = {
  id: "NOTIFY-HEALTH-CHECK-TIMEOUT",
  description: "Stops a health-check timeout above the foundation's maximum, which Cloud Controller refuses on every push.",
  run: (environments) =>
    environments.flatMap((env): Violation[] => {
      const timeout = env.startupTimeoutSeconds;
      if (timeout === undefined || !env.apps.length) return [];
      const foundation = FOUNDATIONS[env.cfApiUrl];
      const max = foundation?.maximumHealthCheckTimeoutSeconds ?? CC_DEFAULT_MAXIMUM_HEALTH_CHECK_TIMEOUT_SECONDS;
      if (timeout <= max) return [];
      const whose = foundation ? `${env.cfApiUrl}'s maximum_health_check_timeout` : `Cloud Controller's default maximum_health_check_timeout (config/foundations.ts does not list ${env.cfApiUrl})`;
      const apps = env.apps.length === 1 ? env.apps[0].name : `${env.apps[0].name} and ${env.apps.length - 1} more`;
      return [
        {
          check: healthCheckTimeout.id,
          environment: env.name,
          subject: "environment",
          value: timeout,
          message:
            `startupTimeoutSeconds (config/defaults.ts, the health-check timeout of every app: ${apps}) is ${timeout} s, above ${whose} of ${max} s ` +
            `(config/foundations.ts): Cloud Controller refuses every push ("Maximum exceeded: max ${max}s"); set it to at most ${max}, ` +
            `or remove it to keep the foundation's default`,
        },
      ];
    }),
};
