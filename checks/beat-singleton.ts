import type { Check } from "./types";

/** Celery beat runs exactly one instance: two would schedule every periodic task twice. */
export const beatSingleton: Check = {
  id: "NOTIFY-BEAT-SINGLETON",
  description: "Stops a second celery beat (every scheduled task would run twice) or none (nothing nightly would run).",
  run: (environments) =>
    environments.flatMap((env) =>
      env.apps
        .filter((a) => a.process.kind === "celery-beat")
        .filter((a) => !(a.instances.mode === "fixed" && a.instances.count === 1))
        .map((a) => ({
          check: beatSingleton.id,
          environment: env.name,
          subject: a.name,
          message: `${a.name} must run exactly 1 instance (it is ${a.instances.mode === "fixed" ? a.instances.count : "autoscaled"}); set scaling: { mode: "fixed", count: 1 } in config/apps.ts`,
        })),
    ),
};
