import Table from "cli-table3";
import { formatMib, mib, type ResolvedApp, type ResolvedEnvironment } from "../config";

/** Instances a deploy sets at least (the live count may be higher), and the autoscaler's range. */
export function instanceFigures(app: ResolvedApp): { deploy: number; min: number; max: number } {
  if (app.instances.mode === "fixed") {
    const n = app.instances.count;
    return { deploy: n, min: n, max: n };
  }
  return { deploy: app.instances.deployFloor, min: app.instances.autoscaler.min, max: app.instances.autoscaler.max };
}

export interface EnvironmentTotals {
  readonly environment: string;
  readonly apps: number;
  readonly instances: { readonly deploy: number; readonly min: number; readonly max: number };
  readonly memoryMib: { readonly deploy: number; readonly min: number; readonly max: number };
  readonly queues: number;
  readonly secretExposures: number;
}

export function totals(env: ResolvedEnvironment): EnvironmentTotals {
  const sum = (f: (a: ResolvedApp) => number) => env.apps.reduce((acc, a) => acc + f(a), 0);
  return {
    environment: env.name,
    apps: env.apps.length,
    instances: {
      deploy: sum((a) => instanceFigures(a).deploy),
      min: sum((a) => instanceFigures(a).min),
      max: sum((a) => instanceFigures(a).max),
    },
    memoryMib: {
      deploy: sum((a) => instanceFigures(a).deploy * mib(a.memory)),
      min: sum((a) => instanceFigures(a).min * mib(a.memory)),
      max: sum((a) => instanceFigures(a).max * mib(a.memory)),
    },
    queues: env.queues.length,
    secretExposures: sum((a) => a.secretEnv.filter((s) => s.kind === "secret").length),
  };
}

/** The table `npm run synth` prints after writing the stacks. */
export function summary(environments: readonly ResolvedEnvironment[], outdir: string): string {
  const table = new Table({
    head: ["environment", "apps", "instances deploy / min / max", "memory deploy / min / max", "queues", "secret grants"],
    style: { head: [], border: [] },
  });
  for (const env of environments) {
    const t = totals(env);
    table.push([
      t.environment,
      t.apps,
      `${t.instances.deploy} / ${t.instances.min} / ${t.instances.max}`,
      `${formatMib(t.memoryMib.deploy)} / ${formatMib(t.memoryMib.min)} / ${formatMib(t.memoryMib.max)}`,
      t.queues,
      t.secretExposures,
    ]);
  }
  const files = environments.map((e) => `  ${outdir}/stacks/${e.name}/cdk.tf.json`).join("\n");
  return `${table.toString()}\n"deploy" is the floor a deploy keeps; it keeps the live count where that is higher.\nWrote:\n${files}\n`;
}
