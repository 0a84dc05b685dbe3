import { connections, environmentCapacity, explainConnections, instanceFigures, type ResolvedEnvironment } from "../config";
import type { Check, Violation } from "./types";

/** The apps' database connections at every autoscaler maximum must fit in the database's limit less a reserve. */
export const dbConnectionBudget: Check = {
  id: "NOTIFY-DB-CONNECTIONS",
  description:
    "Stops pools that can take more connections than Postgres allows (ad8cf3f3a: pool 30 on 35 API instances could take 5600 of 5000 and deadlocked).",
  run: (environments) => environments.flatMap(checkEnvironment),
};

function checkEnvironment(env: ResolvedEnvironment): Violation[] {
  const { max: total, budget } = environmentCapacity(env).dbConnections;
  const limit = `the database limit ${env.database.connectionLimit} - ${env.database.reservedConnections} reserved = ${budget}`;
  const violations: Violation[] = [];
  // A breach inside the reserve only (under the limit itself) depends on the reserve's figure alone.
  const onlyTheReserve = (n: number) =>
    n <= env.database.connectionLimit && env.database.reservedConnectionsSource === "assumed" && env.database.connectionLimitSource !== "assumed"
      ? { assumed: `it exceeds only the ${env.database.reservedConnections} reserved connections, an assumed figure (config/defaults.ts)` }
      : {};
  for (const app of env.apps) {
    const max = instanceFigures(app).max;
    if (connections(app, max) > budget) {
      violations.push({
        check: dbConnectionBudget.id,
        environment: env.name,
        subject: app.name,
        value: connections(app, max),
        message:
          `${explainConnections(app, max)} connections at full scale exceeds ${limit} on its own; ` +
          `lower the pool size in config/apps.ts or the autoscaler maximum in config/${env.name}.ts`,
        ...onlyTheReserve(connections(app, max)),
      });
    }
  }
  if (total > budget) {
    const top = [...env.apps]
      .sort((a, b) => connections(b, instanceFigures(b).max) - connections(a, instanceFigures(a).max))
      .slice(0, 3)
      .map((a) => `${a.name} ${explainConnections(a, instanceFigures(a).max)}`)
      .join("; ");
    violations.push({
      check: dbConnectionBudget.id,
      environment: env.name,
      subject: "environment",
      value: total,
      message:
        `all apps at their autoscaler maxima hold up to ${total} connections, exceeding ${limit} ` +
        `(largest: ${top}); lower pool sizes in config/apps.ts or maxima in config/${env.name}.ts`,
      ...onlyTheReserve(total),
    });
  }
  return violations;
}
