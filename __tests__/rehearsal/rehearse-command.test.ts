import * as path from "path";
import { runProcess } from "../../offline/harness";

// `npm run rehearse -- production` as a person runs it: the pipeline's deploy twice against the live
// platform from the upstream record. The first deploy is the adoption: the guard's refusals there are
// what the adoption's pull request accepts (docs/adopting.md), said by address and rehearsed as
// accepted; the second deploy is judged as it stands and must plan nothing.
const ROOT = path.join(__dirname, "..", "..");

test("rehearse production: the adoption's acceptances are named, then the next deploy plans nothing; exit 0", async () => {
  const r = await runProcess(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/rehearse.ts", "production"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
  expect([r.code, r.stderr]).toEqual([0, ""]);
  const lines = r.stdout.split("\n");
  const said = lines.findIndex((l) => /^  the adoption: the plan guard refuses \d+ changes? that the adoption's pull request accepts with the live ids \(docs\/adopting.md\); rehearsed as accepted:$/.test(l));
  expect(said).toBeGreaterThan(-1);
  const after = lines.slice(said + 1);
  const accepted = after.slice(0, after.findIndex((x) => !x.startsWith("    ")));
  expect(accepted.length).toBeGreaterThan(0);
  // One line per refusal: the object's address and the guard's reason (which reasons depends on config).
  for (const l of accepted) expect(l).toMatch(/^    [a-z_]+\.\S+: \S.*$/);
  expect(r.stdout).toMatch(/^run 2: the pipeline's deploy of production .*\n  No changes\./m);
});
