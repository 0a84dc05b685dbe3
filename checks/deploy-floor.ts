import { incidentFloor } from "../config/invariants";
import type { Check, Violation } from "./types";

/** Deploys never go below the required floors, and every floor sits within its autoscaler's range. */
export const deployFloor: Check = {
  id: "NOTIFY-DEPLOY-FLOOR",
  description: "Stops a deploy leaving too few instances while the autoscaler is frozen, and floors that fight the autoscaler.",
  run: (environments) =>
    environments.flatMap((env) =>
      env.apps.flatMap((app): Violation[] => {
        const out: Violation[] = [];
        const v = (value: number, message: string, invariant = false) =>
          out.push({ check: deployFloor.id, environment: env.name, subject: app.name, value, message, ...(invariant ? { invariant } : {}) });
        const required = incidentFloor(env.name, app.name);
        const floor = app.instances.mode === "fixed" ? app.instances.count : app.instances.deployFloor;
        if (floor < required) {
          v(
            floor,
            `${env.name}/${app.name} deploys with a floor of ${floor} instances, below the incident floor of ${required} (9c2ded00c; config/invariants.ts); set deployFloor: ${required} or more in config/${env.name}.ts`,
            true,
          );
        }
        if (app.instances.mode === "autoscaled") {
          const { min, max } = app.instances.autoscaler;
          if (floor > min) {
            v(floor, `deploy floor ${floor} exceeds the autoscaler minimum ${min}, so every deploy scales up what the autoscaler then scales down; lower deployFloor or raise the minimum in config/${env.name}.ts`);
          }
          if (min > max) v(min, `autoscaler minimum ${min} exceeds its maximum ${max}; fix config/${env.name}.ts`);
        }
        return out;
      }),
    ),
};
