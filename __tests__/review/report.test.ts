import { resolveEstate } from "../../config";
import { runChecks } from "../../checks";
import { buildReport, renderReport } from "../../review/report";
import { smallEstate } from "../fixtures/small-estate";
import { environments } from "../helpers";

// The capacity report as a person reads it, on the small fixture estate with beat stopped in
// preview: one rule under the header, none between rows, and "-" for memory where nothing runs.
test("compact tables: one rule under the header and none between rows; no 0M for an app at 0 instances", () => {
  const config = smallEstate() as any;
  config.environments.find((e: any) => e.name === "preview").scaling.beat = { count: 0 };
  const envs = resolveEstate(config);
  const text = renderReport(buildReport(envs, runChecks(envs)));
  const tables = text.split("== ").slice(1);
  expect(tables).toHaveLength(3);
  for (const t of tables) expect(t.split("\n").filter((l) => l.startsWith("├"))).toHaveLength(1);
  expect(text).not.toMatch(/│ 0M /);
  expect(text).toMatch(/│ beat +│ 0 \/ 0 \/ 0 +│ - +│ - +│/);
  // Production's API: floor 25, autoscaler 30 to 40.
  expect(text).toMatch(/│ notify-api +│ 30 \/ 30 \/ 40 +│/);
});

test("the committed estate's report renders every app of every environment", () => {
  const envs = environments();
  const text = renderReport(buildReport(envs, runChecks(envs)));
  for (const e of envs) for (const a of e.apps) expect(text).toContain(`│ ${a.name} `);
});
