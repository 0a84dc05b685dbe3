import { App } from "cdktf";
import type { ResolvedEnvironment } from "../config";
import { EnvironmentStack } from "./environment-stack";

/** The cdktf app: one stack per environment, ids exactly preview / staging / production. */
export function buildApp(outdir: string, environments: readonly ResolvedEnvironment[]): App {
  const app = new App({ outdir });
  for (const environment of environments) new EnvironmentStack(app, environment.name, { environment });
  return app;
}
