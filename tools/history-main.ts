import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadEstate } from "../config";
import { statefulAddressesOf } from "../config/lifecycle";
import { STATEFUL_HISTORY } from "../config/stateful-history";
import { buildApp } from "../stacks/build";
import { cli, run } from "./cli";

// npm run history: adds every stateful address the estate now declares to config/stateful-history.ts.
// Entries are never removed: history is how the synth knows what it must tell Terraform to forget
// (not destroy) once config stops declaring it. A test fails when a declared address is missing.
const FILE = path.join(process.cwd(), "config", "stateful-history.ts");

const program = cli("history", "Record every stateful address the estate declares in config/stateful-history.ts (never removes one)").action(() => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "notify-history-"));
  try {
    buildApp(out, loadEstate()).synth();
    const merged: Record<string, Record<string, string>> = {};
    let added = 0;
    for (const env of fs.readdirSync(path.join(out, "stacks")).sort()) {
      const stack = JSON.parse(fs.readFileSync(path.join(out, "stacks", env, "cdk.tf.json"), "utf8"));
      const now = statefulAddressesOf(stack);
      const before = STATEFUL_HISTORY[env] ?? {};
      added += Object.keys(now).filter((a) => !(a in before)).length;
      merged[env] = Object.fromEntries(Object.entries({ ...now, ...before }).sort(([a], [b]) => a.localeCompare(b)));
    }
    for (const env of Object.keys(STATEFUL_HISTORY)) merged[env] ??= { ...STATEFUL_HISTORY[env] };
    const body = JSON.stringify(merged, null, 2);
    const text =
      "// Every stateful address (app, route, service binding, queue, dead-letter queue) each environment has\n" +
      "// declared, with the app or queue that owns it. Written by `npm run history`; entries are never removed.\n" +
      "// When config stops declaring one, the synth tells Terraform to forget it rather than destroy it, unless\n" +
      "// config/retired.ts retires its owner.\n" +
      `export const STATEFUL_HISTORY: Readonly<Record<string, Readonly<Record<string, string>>>> = ${body};\n`;
    fs.writeFileSync(`${FILE}.tmp`, text);
    fs.renameSync(`${FILE}.tmp`, FILE);
    process.stdout.write(`config/stateful-history.ts: ${added} address${added === 1 ? "" : "es"} added\n`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
void run(program);
