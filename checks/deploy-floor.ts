import type { EnvironmentName } from "../config";
import type { Check, Violation } from "./types";

/**
 * Floors no environment may go below. 9c2ded00c: deploys take up to five minutes during which the
 * autoscaler cannot act; 502s under traffic mid-deploy led to scaling the production API to 25 first.
 */
export const REQUIRED_FLOORS: Readonly<Partial<Record<EnvironmentName, Readonly<Record<string, number>>>>> = {
  production: { "notify-api": 25 },
};

/** Deploys never go below the required floors, and every floor sits within its autoscaler's range. */
export const deployFloor: Check = {
  id: "NOTIFY-DEPLOY-FLOOR",
  description: "Stops a deploy leaving too few instances while the autoscaler is frozen, and floors that fight the autoscaler.",
  run: (environments) =>
    environments.flatMap((env) =>
      env.apps.flatMap((app): Violation[] => {
        const out: Violation[] = [];
        const v = (value: number, message: string) =>
          out.push({ check: deployFloor.id, environment: env.name, subject: app.name, value, message });
        const required = REQUIRED_FLOORS[env.name]?.[app.name];
        const floor = app.instances.mode === "fixed" ? app.instances.count : app.instances.deployFloor;
        if (required !== undefined && floor < required) {
          v(floor, `${env.name}/${app.name} deploys with a floor of ${floor} instances, below the required ${required}; set deployFloor: ${required} in config/${env.name}.ts`);
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
