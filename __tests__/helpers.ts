import { Testing } from "cdktf";
import type { EnvironmentName, ResolvedEnvironment } from "../config";
import { loadCheckedEstate } from "../checks";
import { EnvironmentStack } from "../stacks/environment-stack";

/** A synthesized stack as Terraform reads it. */
export interface Synthesized {
  readonly terraform: Record<string, any>;
  readonly resource: Record<string, Record<string, any>>;
  readonly data: Record<string, Record<string, any>>;
  readonly locals?: Record<string, string>;
  readonly variable?: Record<string, any>;
  readonly provider: Record<string, any>;
}

let resolved: ResolvedEnvironment[] | undefined;
export function environments(): ResolvedEnvironment[] {
  return (resolved ??= loadCheckedEstate().environments);
}

const cache = new Map<EnvironmentName, Synthesized>();
/** Synthesizes one environment with the construct validations on (the default synth skips them). */
export function synth(env: EnvironmentName): Synthesized {
  let out = cache.get(env);
  if (!out) {
    const environment = environments().find((e) => e.name === env)!;
    const stack = new EnvironmentStack(Testing.app(), env, { environment });
    out = JSON.parse(Testing.synth(stack, true)) as Synthesized;
    cache.set(env, out);
  }
  return out;
}

export function cfApp(env: EnvironmentName, name: string): Record<string, any> {
  const app = synth(env).resource.cloudfoundry_app[name];
  if (!app) throw new Error(`${env}: no cloudfoundry_app.${name}`);
  return app;
}

export const ENVS: readonly EnvironmentName[] = ["preview", "staging", "production"];
