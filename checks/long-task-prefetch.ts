import { appsByName } from "../config";
import type { Check } from "./types";
import { reservation } from "./visibility-timeout";

/** Consumers of queues with long-running tasks must reserve one task per process at a time. */
export const longTaskPrefetch: Check = {
  id: "NOTIFY-LONG-TASK-PREFETCH",
  description:
    "Stops long reporting tasks being reserved in bulk by one instance while others idle (a23716210: all 18 nightly tasks on one instance).",
  run: (environments) =>
    environments.flatMap((env) =>
      env.queues
        .filter((q) => q.longRunningTasks)
        .flatMap((q) =>
          q.consumers.flatMap((consumer) => {
            const r = reservation(appsByName(env).get(consumer)!);
            if (!r || r.prefetch === 1) return [];
            return [
              {
                check: longTaskPrefetch.id,
                environment: env.name,
                subject: consumer,
                value: r.prefetch,
                message:
                  `${consumer} consumes ${q.name}, whose tasks run up to ${q.maxTaskSeconds} s, with prefetch multiplier ` +
                  `${r.prefetch} (limit 1); set prefetchMultiplier: 1 on ${consumer} in config/apps.ts`,
              },
            ];
          }),
        ),
    ),
};
