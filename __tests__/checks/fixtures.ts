import { resolveEnvironment, type EnvironmentName, type EstateConfig, type ResolvedEnvironment } from "../../config";
import type { Check } from "../../checks";
import { smallEstate } from "../fixtures/small-estate";

/**
 * The small fixture estate (__tests__/fixtures/small-estate.ts) with a change applied, resolved for
 * the named environments (checks not run). Not the committed config: these tests must not break when
 * the real estate changes.
 */
export function estateWith(mutate: (e: any) => void, envs: readonly EnvironmentName[] = ["production"]): ResolvedEnvironment[] {
  const copy = smallEstate() as any;
  mutate(copy);
  return envs.map((name) => resolveEnvironment(copy as EstateConfig, name));
}

/** The small estate with a change applied, as config (for loadEstate). */
export function configWith(mutate: (e: any) => void): EstateConfig {
  const copy = smallEstate() as any;
  mutate(copy);
  return copy as EstateConfig;
}

export const ALL_ENVS: readonly EnvironmentName[] = ["preview", "staging", "production"];

export const app = (e: any, name: string) => e.apps.find((a: any) => a.name === name);
export const queue = (e: any, name: string) => e.queues.find((q: any) => q.name === name);
export const env = (e: any, name: string) => e.environments.find((x: any) => x.name === name);

/** Keeps only the named apps, for checks about one app's arithmetic. */
export function only(e: any, ...names: string[]): void {
  e.apps = e.apps.filter((a: any) => names.includes(a.name));
  e.queues = e.queues.filter((q: any) => q.externalConsumer || e.apps.some((a: any) => (a.process.queues ?? []).includes(q.name)));
}

export function messages(check: Check, envs: readonly ResolvedEnvironment[]): string[] {
  return check.run(envs).map((v) => `${v.environment}/${v.subject}: ${v.message}`);
}
