import { runChecks } from "../checks";
import { buildReport, renderReport } from "../tools/report";
import { environments } from "./helpers";

// The capacity report as a person reads it: one rule under the header, none between rows, and "-"
// for memory where nothing runs.
test("compact tables: one rule under the header and none between rows; no 0M for an app at 0 instances", () => {
  const envs = environments();
  const text = renderReport(buildReport(envs, runChecks(envs)));
  const tables = text.split("== ").slice(1);
  expect(tables).toHaveLength(envs.length);
  for (const t of tables) expect(t.split("\n").filter((l) => l.startsWith("├"))).toHaveLength(1);
  expect(text).not.toMatch(/│ 0M /);
  const idle = envs[0].apps.find((a) => a.instances.mode === "fixed" && a.instances.count === 0);
  if (idle) expect(text).toMatch(new RegExp(`│ ${idle.name} +│ 0 / 0 / 0 +│ - +│ - +│`));
});
