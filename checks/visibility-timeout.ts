import { CELERY_DEFAULT_PREFETCH, appsByName, type ResolvedApp, type ResolvedEnvironment } from "../config";
import type { Check, Violation } from "./types";

/**
 * Seconds kept free between the worst case and the visibility timeout (scheduling, polling, clock
 * skew). A policy of this project, not a measured figure: 0ddebc63a left 70 s, this asks for 30.
 */
export const VISIBILITY_MARGIN_SECONDS = 30;

/**
 * A task must be started before its queue's visibility timeout returns it to the queue. Figures:
 * the timeout is kombu's broker setting (public, the app's config), the retry delay is the task's
 * code (public), a task's duration is assumed unless config says where it comes from.
 */
export const visibilityTimeout: Check = {
  id: "NOTIFY-VISIBILITY-TIMEOUT",
  description:
    "Stops tasks running twice because a retry delay plus the tasks reserved ahead of it outlast the 310 s visibility timeout (0ddebc63a).",
  run: (environments) => environments.flatMap(checkEnvironment),
};

/** Prefetch multiplier and concurrency of one process group of the app (a celery multi node counts alone). */
export function reservation(app: ResolvedApp): { prefetch: number; concurrency: number } | undefined {
  const p = app.process;
  if (p.kind === "celery-worker") return { prefetch: p.prefetchMultiplier ?? CELERY_DEFAULT_PREFETCH, concurrency: p.concurrency };
  if (p.kind === "celery-multi") return { prefetch: p.prefetchMultiplier ?? CELERY_DEFAULT_PREFETCH, concurrency: p.concurrencyPerNode };
  return undefined;
}

function checkEnvironment(env: ResolvedEnvironment): Violation[] {
  const violations: Violation[] = [];
  const apps = appsByName(env);
  for (const q of env.queues) {
    for (const consumer of q.consumers) {
      // Consumers are derived from celery processes' queues (consumedQueues), so each has a reservation.
      const r = reservation(apps.get(consumer)!)!;
      const held = r.prefetch * r.concurrency * q.maxTaskSeconds;
      const needed = q.maxRetryDelaySeconds + held + VISIBILITY_MARGIN_SECONDS;
      if (needed <= q.visibilityTimeoutSeconds) continue;
      // Without the task time, is it still a breach? If not, the breach rests on the assumed figure.
      const restsOnAssumption = q.maxTaskSecondsSource === "assumed" && q.maxRetryDelaySeconds + VISIBILITY_MARGIN_SECONDS <= q.visibilityTimeoutSeconds;
      violations.push({
        check: visibilityTimeout.id,
        environment: env.name,
        subject: q.name,
        value: needed,
        message:
          `${consumer} on ${q.name}: retry delay ${q.maxRetryDelaySeconds} s + prefetch ${r.prefetch} x concurrency ` +
          `${r.concurrency} x ${q.maxTaskSeconds} s per task + ${VISIBILITY_MARGIN_SECONDS} s margin = ${needed} s ` +
          `exceeds the visibility timeout ${q.visibilityTimeoutSeconds} s, so a reserved task can run twice; ` +
          (r.prefetch > 1
            ? `set prefetchMultiplier: 1 on ${consumer} (config/apps.ts) or lower the retry delay (config/queues.ts)`
            : `lower the retry delay or the task time (config/queues.ts), or lower the concurrency of ${consumer}`),
        ...(restsOnAssumption
          ? { assumed: `it rests on ${q.maxTaskSeconds} s per task, an assumed figure: measure it and set maxTaskSeconds with maxTaskSecondsSource on ${q.name} in config/queues.ts` }
          : {}),
      });
    }
  }
  return violations;
}
