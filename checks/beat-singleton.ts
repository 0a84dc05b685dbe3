import { BEAT_REQUIRED_IN } from "../config/invariants";
import type { Check } from "./types";

/**
 * Celery beat runs at most one instance: two would schedule every periodic task twice. Where beat is
 * required (production, config/invariants.ts) it runs exactly one, and no acknowledgement waives it.
 */
export const beatSingleton: Check = {
  id: "NOTIFY-BEAT-SINGLETON",
  description: "Stops a second celery beat (every scheduled task would run twice) or none where it is required (nothing nightly would run).",
  run: (environments) =>
    environments.flatMap((env) =>
      env.apps
        .filter((a) => a.process.kind === "celery-beat")
        .flatMap((a) => {
          const count = a.instances.mode === "fixed" ? a.instances.count : undefined;
          const required = BEAT_REQUIRED_IN.includes(env.name);
          if (count === 1 || (count === 0 && !required)) return [];
          const allowed = required ? "exactly 1" : "0 or 1";
          return [
            {
              check: beatSingleton.id,
              environment: env.name,
              subject: a.name,
              message: `${a.name} must run ${allowed} instance${required ? "" : "s"} in ${env.name} (it is ${count ?? "autoscaled"}); set a fixed count in config`,
              ...(required ? { invariant: true } : {}),
            },
          ];
        }),
    ),
};
