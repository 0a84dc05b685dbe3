import { estate, resolveEnvironment, type EnvironmentName, type EstateConfig, type ResolvedEnvironment } from "../../config";
import type { Check } from "../../checks";

/** The committed estate with a change applied, resolved for the named environments (checks not run). */
export function estateWith(mutate: (e: any) => void, envs: readonly EnvironmentName[] = ["production"]): ResolvedEnvironment[] {
  const copy = structuredClone(estate) as any;
  mutate(copy);
  return envs.map((name) => resolveEnvironment(copy as EstateConfig, name));
}

export const app = (e: any, name: string) => e.apps.find((a: any) => a.name === name);
export const queue = (e: any, name: string) => e.queues.find((q: any) => q.name === name);
export const env = (e: any, name: string) => e.environments.find((x: any) => x.name === name);

/** Keeps only the named apps (and the queues they consume), for checks about one app's arithmetic. */
export function only(e: any, ...names: string[]): void {
  e.apps = e.apps.filter((a: any) => names.includes(a.name));
}

export function messages(check: Check, envs: readonly ResolvedEnvironment[]): string[] {
  return check.run(envs).map((v) => `${v.environment}/${v.subject}: ${v.message}`);
}
