import type { Retirement } from "./types";

// Apps and queues taken out of the estate on purpose. Deleting an app or queue from config/apps.ts or
// config/queues.ts alone never destroys it: Terraform forgets it (it keeps running, unmanaged) through
// a `removed` block. To destroy it, delete it from config and add it here with the reason; a queue
// also needs `drained: true`, once it and its dead-letter queue are empty in every environment.
//   { kind: "queue", name: "research-mode-tasks", reason: "...", drained: true }
export const retired: readonly Retirement[] = [];
