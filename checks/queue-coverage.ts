import { consumedQueues } from "../config";
import type { Check, Violation } from "./types";

/** Every queue an app consumes exists, and every queue has a consumer in the estate or a named one outside it. */
export const queueCoverage: Check = {
  id: "NOTIFY-QUEUE-COVERAGE",
  description: "Stops workers polling queues that do not exist and queues that fill up with nobody reading them.",
  run: (environments) =>
    environments.flatMap((env) => {
      const out: Violation[] = [];
      const declared = new Set(env.queues.map((q) => q.name));
      // An app that reads another estate's queues (consumesFrom) leaves them to their owner.
      for (const app of env.apps.filter((a) => !a.externalQueues)) {
        for (const q of consumedQueues(app.process)) {
          if (!declared.has(q)) {
            out.push({
              check: queueCoverage.id,
              environment: env.name,
              subject: app.name,
              message: `${app.name} consumes ${q}, which is not declared; add it to config/queues.ts or fix the name in config/apps.ts`,
            });
          }
        }
      }
      for (const q of env.queues) {
        if (q.consumers.length === 0 && !q.externalConsumer) {
          out.push({
            check: queueCoverage.id,
            environment: env.name,
            subject: q.name,
            message: `${q.sqsName} has no consumer in the estate and no externalConsumer; messages sent to it are never read. Add it to an app's queues or name its external consumer in config/queues.ts`,
          });
        }
      }
      return out;
    }),
};
