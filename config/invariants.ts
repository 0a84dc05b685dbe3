import type { EnvironmentName, ResolvedApp, ResolvedEnvironment } from "./";

// Facts set by incidents. They live in code, not config: no config value can lower them and no
// acknowledgement can waive them; changing one is a code change with its test
// (__tests__/invariants.test.ts). The checks, the stack and the plan guard all read them from here.

/**
 * Instance floors no deploy may go below. 9c2ded00c: deploys take up to five minutes during which the
 * autoscaler cannot act; 502s under a traffic spike mid-deploy led to scaling the production API to
 * 25 first.
 */
export const INCIDENT_FLOORS: Readonly<Partial<Record<EnvironmentName, Readonly<Record<string, number>>>>> = Object.freeze({
  production: Object.freeze({ "notify-api": 25 }),
});

/** The incident floor of an app in an environment, or 0. */
export function incidentFloor(env: EnvironmentName, app: string): number {
  return INCIDENT_FLOORS[env]?.[app] ?? 0;
}

/**
 * The floor a deploy of an app keeps: its configured floor (or fixed count), and never less than its
 * incident floor.
 */
export function effectiveFloor(env: Pick<ResolvedEnvironment, "name">, app: ResolvedApp): number {
  const configured = app.instances.mode === "fixed" ? app.instances.count : app.instances.deployFloor;
  return Math.max(configured, incidentFloor(env.name, app.name));
}

/**
 * Environments where celery beat must run: with no beat, nothing scheduled runs (nightly billing,
 * letters, retention) and nobody notices until a service complains. Other environments may stop it.
 */
export const BEAT_REQUIRED_IN: readonly EnvironmentName[] = Object.freeze(["production"]);
