import { mib } from "./units";
import type { ResolvedApp, ResolvedEnvironment } from "./resolve";

// The arithmetic behind the capacity report and the guardrails, done in one place.

/**
 * Instances at a deploy (the fewest a deploy runs: a fixed count, or the larger of the floor and the
 * autoscaler minimum; the live count may be higher), at the autoscaler minimum and maximum.
 */
export interface InstanceFigures {
  readonly deploy: number;
  readonly min: number;
  readonly max: number;
}

export function instanceFigures(app: ResolvedApp): InstanceFigures {
  if (app.instances.mode === "fixed") {
    const n = app.instances.count;
    return { deploy: n, min: n, max: n };
  }
  return { deploy: Math.max(app.instances.deployFloor, app.instances.autoscaler.min), min: app.instances.autoscaler.min, max: app.instances.autoscaler.max };
}

/** Processes of an app's instance that each hold their own database pool. */
export function processesPerInstance(app: ResolvedApp): number {
  const p = app.process;
  switch (p.kind) {
    case "gunicorn":
      return p.workers;
    case "celery-worker":
      return p.concurrency;
    case "celery-multi":
      return p.nodes * p.concurrencyPerNode;
    case "celery-beat":
      return 1;
  }
}

/**
 * Connections one process can hold: an eventlet gunicorn worker serves many requests at once and can
 * use its pool and its overflow; a prefork celery process runs one task at a time and stays in its pool.
 */
export function connectionsPerProcess(app: ResolvedApp): { readonly pool: number; readonly overflow: number; readonly total: number } {
  const concurrent = app.process.kind === "gunicorn" && app.process.workerClass === "eventlet";
  const overflow = concurrent ? app.database.maxOverflow : 0;
  return { pool: app.database.poolSize, overflow, total: app.database.poolSize + overflow };
}

export function connections(app: ResolvedApp, instances: number): number {
  return instances * processesPerInstance(app) * connectionsPerProcess(app).total;
}

/** "35 instances x 4 workers x (15 pool + 10 overflow) = 3500" */
export function explainConnections(app: ResolvedApp, instances: number): string {
  const c = connectionsPerProcess(app);
  const unit = app.process.kind === "gunicorn" ? "workers" : "processes";
  const per = c.overflow ? `(${c.pool} pool + ${c.overflow} overflow)` : `${c.pool} pool`;
  return `${instances} instances x ${processesPerInstance(app)} ${unit} x ${per} = ${connections(app, instances)}`;
}

export interface EnvironmentCapacity {
  readonly instances: InstanceFigures;
  readonly memoryMib: InstanceFigures;
  readonly dbConnections: { readonly deploy: number; readonly max: number; readonly budget: number };
  readonly secretExposures: number;
}

export function environmentCapacity(env: ResolvedEnvironment): EnvironmentCapacity {
  const total = (f: (a: ResolvedApp, instances: number) => number): InstanceFigures => ({
    deploy: env.apps.reduce((acc, a) => acc + f(a, instanceFigures(a).deploy), 0),
    min: env.apps.reduce((acc, a) => acc + f(a, instanceFigures(a).min), 0),
    max: env.apps.reduce((acc, a) => acc + f(a, instanceFigures(a).max), 0),
  });
  const db = total(connections);
  return {
    instances: total((_, n) => n),
    memoryMib: total((a, n) => n * mib(a.memory)),
    dbConnections: { deploy: db.deploy, max: db.max, budget: env.database.connectionLimit - env.database.reservedConnections },
    secretExposures: env.apps.reduce((acc, a) => acc + a.secretEnv.filter((s) => s.kind === "secret").length, 0),
  };
}
