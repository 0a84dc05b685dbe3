import * as fs from "fs";
import * as path from "path";
import { statefulAddressesOf } from "../stacks/lifecycle";

// Recording history: every stateful address a synthesized estate declares, merged into
// config/stateful-history.ts. Entries are never removed: history is how the synth knows what it must
// tell Terraform to forget (not destroy) once config stops declaring it.

const HEADER =
  "// Every stateful address (app, route, service binding, queue, dead-letter queue) each environment has\n" +
  "// declared, with the app or queue that owns it. Written by `npm run history` (or `npx jest -u`);\n" +
  "// entries are never removed. When config stops declaring one, the synth tells Terraform to forget it\n" +
  "// rather than destroy it, unless config/retired.ts retires its owner.\n";

/** History with every stateful address of the synthesized stacks under `synthDir` added; how many were new. */
export function mergeHistory(
  history: Readonly<Record<string, Readonly<Record<string, string>>>>,
  stacks: Readonly<Record<string, { resource?: Record<string, Record<string, any>> }>>,
): { merged: Record<string, Record<string, string>>; added: string[] } {
  const merged: Record<string, Record<string, string>> = {};
  const added: string[] = [];
  for (const env of [...new Set([...Object.keys(history), ...Object.keys(stacks)])].sort()) {
    const before = history[env] ?? {};
    const now = stacks[env] ? statefulAddressesOf(stacks[env]) : {};
    for (const address of Object.keys(now)) if (!(address in before)) added.push(`${env}: ${address}`);
    merged[env] = Object.fromEntries(Object.entries({ ...now, ...before }).sort(([a], [b]) => a.localeCompare(b)));
  }
  return { merged, added };
}

/** Writes history as config/stateful-history.ts in `root`, atomically (a rename). */
export function writeHistory(root: string, merged: Record<string, Record<string, string>>): void {
  const file = path.join(root, "config", "stateful-history.ts");
  const text = `${HEADER}export const STATEFUL_HISTORY: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(merged, null, 2)};\n`;
  fs.writeFileSync(`${file}.tmp-${process.pid}`, text);
  fs.renameSync(`${file}.tmp-${process.pid}`, file);
}
