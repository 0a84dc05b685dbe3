import { connections, connectionsPerProcess, environmentCapacity, explainConnections, instanceFigures, processesPerInstance, type ResolvedApp, type ResolvedEnvironment } from "../../config";

// The arithmetic behind the capacity report and the guardrails, on fixture apps built here.
const app = (process: object, instances: object, database: object = { poolSize: 5, maxOverflow: 10 }, memory = "1G", secretEnv: object[] = []) =>
  ({ name: "x", process, instances, database, memory, secretEnv }) as unknown as ResolvedApp;
const eventlet = { kind: "gunicorn", workers: 4, workerClass: "eventlet", workerConnections: 256 };
const sync = { kind: "gunicorn", workers: 3, workerClass: "sync", workerConnections: 1 };
const worker = { kind: "celery-worker", concurrency: 6, queues: ["q"] };
const multi = { kind: "celery-multi", nodes: 3, concurrencyPerNode: 4, queues: ["q"] };
const beat = { kind: "celery-beat", publishesTo: [] };
const autoscaled = { mode: "autoscaled", deployFloor: 3, autoscaler: { min: 4, max: 9 } };
const fixed = { mode: "fixed", count: 2 };

test("instance figures: a fixed app is its count everywhere; an autoscaled one deploys at the larger of its floor and autoscaler minimum", () => {
  expect(instanceFigures(app(worker, fixed))).toEqual({ deploy: 2, min: 2, max: 2 });
  expect(instanceFigures(app(worker, autoscaled))).toEqual({ deploy: 4, min: 4, max: 9 });
  expect(instanceFigures(app(worker, { ...autoscaled, deployFloor: 7 } as typeof autoscaled))).toEqual({ deploy: 7, min: 4, max: 9 });
});

test.each([
  ["eventlet gunicorn: its workers", eventlet, 4],
  ["sync gunicorn: its workers", sync, 3],
  ["a celery worker: its concurrency", worker, 6],
  ["celery multi: nodes x concurrency", multi, 12],
  ["beat: one", beat, 1],
])("processes per instance, %s", (_what, process, n) => {
  expect(processesPerInstance(app(process, fixed))).toBe(n);
});

test("only an eventlet gunicorn worker uses its overflow: it serves many requests at once", () => {
  expect(connectionsPerProcess(app(eventlet, fixed))).toEqual({ pool: 5, overflow: 10, total: 15 });
  expect(connectionsPerProcess(app(sync, fixed))).toEqual({ pool: 5, overflow: 0, total: 5 });
  expect(connectionsPerProcess(app(worker, fixed))).toEqual({ pool: 5, overflow: 0, total: 5 });
});

test("connections and their explanation, in the words of the incident (ad8cf3f3a)", () => {
  const api = app(eventlet, autoscaled, { poolSize: 15, maxOverflow: 10 });
  expect(connections(api, 35)).toBe(3500);
  expect(explainConnections(api, 35)).toBe("35 instances x 4 workers x (15 pool + 10 overflow) = 3500");
  expect(explainConnections(app(worker, fixed, { poolSize: 1, maxOverflow: 0 }), 30)).toBe("30 instances x 6 processes x 1 pool = 180");
});

test("an environment's totals: instances, memory, connections at deploy and maxima, the budget, secret exposures", () => {
  const env = {
    database: { connectionLimit: 5000, reservedConnections: 100 },
    apps: [
      app(eventlet, autoscaled, { poolSize: 2, maxOverflow: 1 }, "2G", [{ kind: "secret" }, { kind: "setting" }]),
      app(worker, fixed, { poolSize: 1, maxOverflow: 0 }, "512M", [{ kind: "secret" }]),
    ],
  } as unknown as ResolvedEnvironment;
  expect(environmentCapacity(env)).toEqual({
    instances: { deploy: 6, min: 6, max: 11 },
    memoryMib: { deploy: 4 * 2048 + 2 * 512, min: 4 * 2048 + 2 * 512, max: 9 * 2048 + 2 * 512 },
    dbConnections: { deploy: 4 * 4 * 3 + 2 * 6 * 1, max: 9 * 4 * 3 + 2 * 6 * 1, budget: 4900 },
    secretExposures: 2,
  });
});
