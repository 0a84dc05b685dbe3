import * as fs from "fs";
import * as path from "path";
import { awsPart } from "../tools/aws-part";
import { ENVS, synth } from "./helpers";
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

async function result(workdir: string): Promise<{ status: string; validate?: any; log: string }> {
  const done = path.join(workdir, "done");
  const deadline = Date.now() + 90_000;
  while (!fs.existsSync(done) || !fs.readFileSync(done, "utf8").trim()) {
    if (Date.now() > deadline) throw new Error(`terraform did not finish in ${workdir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const status = fs.readFileSync(done, "utf8").trim();
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
