import * as fs from "fs";
import * as path from "path";
import { awsPart } from "../../review/aws-part";
import { ENVS, synth } from "../helpers";
import { skipReason } from "./terraform-validate-start";

const reason = skipReason();
if (reason) process.stderr.write(`terraform-validate: skipped: ${reason}\n`);

test("the AWS part of each environment references nothing outside it", () => {
  for (const env of ENVS) {
    const text = JSON.stringify(awsPart(synth(env) as any));
    expect([env, text.match(/\$\{(?!aws_|data\.aws_)[a-z]+[._][^}]*\}/g)]).toEqual([env, null]);
    expect(Object.keys((awsPart(synth(env) as any).resource as object) ?? {}).sort()).toEqual([
      "aws_iam_policy",
      "aws_iam_user_policy_attachment",
      "aws_sqs_queue",
    ]);
  }
});

/** Whether the background run (its own process group, global-setup.ts) still has a process. */
function running(): boolean {
  try {
    process.kill(-Number(process.env.NOTIFY_TEST_TF_VALIDATE_PID), 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for a step of the background run (global-setup.ts) to write its status file, for as long as
 * it runs: a loaded machine makes it slow, not wrong. A run that ended without writing it failed.
 */
async function finished(workdir: string, file: string): Promise<string> {
  const done = path.join(workdir, file);
  const written = () => fs.existsSync(done) && fs.readFileSync(done, "utf8").trim() !== "";
  while (!written()) {
    if (!running() && !written()) throw new Error(`terraform ended without writing ${file} in ${workdir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return fs.readFileSync(done, "utf8").trim();
}

async function result(workdir: string): Promise<{ status: string; validate?: any; log: string }> {
  const status = await finished(workdir, "done");
  const read = (f: string) => (fs.existsSync(path.join(workdir, f)) ? fs.readFileSync(path.join(workdir, f), "utf8") : "");
  return { status, validate: status === "init" ? undefined : JSON.parse(read("validate.json")), log: read("init.log") + read("validate.log") };
}

(reason ? test.skip : test)(
  `terraform init + validate with hashicorp/aws 5.100.0 accept the AWS part of every environment${reason ? ` (skipped: ${reason})` : ""}`,
  async () => {
    // Started by global-setup.ts on the synthesized stacks (see terraform-validate-start.ts).
    const workdir = process.env.NOTIFY_TEST_TF_VALIDATE_DIR;
    expect(workdir).toBeDefined();
    const r = await result(workdir!);
    expect([r.status, r.status === "init" ? r.log : ""]).toEqual(["0", ""]);
    expect(r.validate.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
    expect(r.validate.valid).toBe(true);
    expect(fs.readdirSync(workdir!).sort()).toEqual(expect.arrayContaining(["preview", "staging", "production", ".terraform"]));
  },
  100_000,
);

(reason ? test.skip : test)(
  `the committed AWS schema subset the stand-in serves is exactly what the real hashicorp/aws 5.100.0 reports${reason ? ` (skipped: ${reason})` : ""}`,
  async () => {
    // `terraform providers schema -json` in the same background run, with the same provider binary.
    const workdir = process.env.NOTIFY_TEST_TF_VALIDATE_DIR!;
    const status = await finished(workdir, "schema-done");
    expect([status, status === "0" ? "" : fs.readFileSync(path.join(workdir, "schema.log"), "utf8")]).toEqual(["0", ""]);
    const { subsetOf } = require("../../scripts/extract-aws-schema") as { subsetOf: (all: unknown) => unknown };
    const real = subsetOf(JSON.parse(fs.readFileSync(path.join(workdir, "schema.json"), "utf8")));
    expect(real).toEqual(JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "providers", "aws-5.100.0.subset.schema.json"), "utf8")));
  },
  100_000,
);
