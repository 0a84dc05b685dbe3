import { environmentCapacity, formatMib, sizeProblem } from "../config";
import type { Check, Violation } from "./types";

/** Memory and disk are valid CF sizes, and every app at its autoscaler maximum fits in the space's memory quota. */
export const memoryQuota: Check = {
  id: "NOTIFY-MEMORY-QUOTA",
  description: "Stops the autoscaler hitting the space quota mid-incident, when new instances cannot start (1ac3ca250: OOM left too few senders).",
  run: (environments) =>
    environments.flatMap((env) => {
      const out: Violation[] = [];
      for (const app of env.apps) {
        for (const [field, size] of [["memory", app.memory], ["diskQuota", app.diskQuota]] as const) {
          if (sizeProblem(size)) {
            out.push({ check: memoryQuota.id, environment: env.name, subject: app.name, message: `${app.name} ${field} "${size}" is not a CF size such as "512M" or "2G"` });
          }
        }
      }
      const total = environmentCapacity(env).memoryMib.max;
      if (total > env.spaceMemoryQuotaMib) {
        out.push({
          check: memoryQuota.id,
          environment: env.name,
          subject: "environment",
          value: total,
          message:
            `every app at its autoscaler maximum needs ${formatMib(total)} (${total} MiB), over the space quota ` +
            `${formatMib(env.spaceMemoryQuotaMib)}; lower maxima or memory, or raise spaceMemoryQuotaMib in config/${env.name}.ts with the PaaS team`,
          ...(env.spaceMemoryQuotaSource === "assumed"
            ? { assumed: `spaceMemoryQuotaMib in config/${env.name}.ts is assumed: confirm it with \`cf space-quota\` and set spaceMemoryQuotaSource: "measured"` }
            : {}),
        });
      }
      return out;
    }),
};
