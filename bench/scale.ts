import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { estate, type AppDefinition, type EstateConfig, type Process, type QueueDefinition } from "../config";
import { loadEstate } from "../checks";
import { buildApp } from "../stacks/build";

// A generated estate of `factor` times the apps and queues of the real one: every app and queue is
// copied with a numeric suffix, copies consume their own copies of the queues, and the limits that
// scale with the estate (database connections, memory quota, accepted figures) are scaled with it.
export function scaledEstate(factor: number): EstateConfig {
  const suffix = (name: string, i: number) => (i === 0 ? name : `${name}-x${i}`);
  const apps: AppDefinition[] = [];
  const queues: QueueDefinition[] = [];
  for (let i = 0; i < factor; i++) {
    const q = (names: readonly string[]) => names.map((n) => suffix(n, i));
    for (const a of estate.apps) {
      const p = a.process;
      const process: Process =
        p.kind === "celery-worker" || p.kind === "celery-multi"
          ? { ...p, queues: q(p.queues) }
          : p.kind === "celery-beat"
            ? { ...p, publishesTo: q(p.publishesTo) }
            : p;
      apps.push({
        ...a,
        name: suffix(a.name, i),
        process,
        publicRoutes: a.publicRoutes?.map((r) => ({ ...r, host: suffix(r.host, i) })),
      });
    }
    for (const queue of estate.queues) queues.push({ ...queue, name: suffix(queue.name, i) });
  }
  const scaleAck = <T extends { accepted?: number }>(a: T): T => (a.accepted === undefined ? a : { ...a, accepted: a.accepted * factor });
  return {
    ...estate,
    defaults: { ...estate.defaults, database: { ...estate.defaults.database, connectionLimit: estate.defaults.database.connectionLimit * factor } },
    apps,
    secrets: estate.secrets.map((sd) =>
      sd.allowedApps === "all" ? sd : { ...sd, allowedApps: sd.allowedApps.flatMap((a) => Array.from({ length: factor }, (_, i) => suffix(a, i))) },
    ),
    queues: queues.map((qd) => ({ ...qd, acknowledgements: qd.acknowledgements?.map(scaleAck) })),
    environments: estate.environments.map((env) => ({
      ...env,
      spaceMemoryQuotaMib: env.spaceMemoryQuotaMib * factor,
      acknowledgements: env.acknowledgements?.map(scaleAck),
      scaling: Object.fromEntries(
        Array.from({ length: factor }, (_, i) => Object.entries(env.scaling).map(([name, s]) => [suffix(name, i), s] as const)).flat(),
      ),
    })),
  };
}

// Prints one JSON line: milliseconds for validation + checks (the secret scan included), construct building and synth.
async function main(factor: number): Promise<void> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-bench-"));
  const t0 = performance.now();
  const config = scaledEstate(factor);
  const { environments } = await loadEstate(config);
  const t1 = performance.now();
  const app = buildApp(outdir, environments);
  const t2 = performance.now();
  app.synth();
  const t3 = performance.now();
  fs.rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(
    JSON.stringify({ factor, apps: config.apps.length, queues: config.queues.length, checkMs: t1 - t0, buildMs: t2 - t1, synthMs: t3 - t2, totalMs: t3 - t0 }) + "\n",
  );
}

void main(Number(process.argv[2] ?? "1"));
