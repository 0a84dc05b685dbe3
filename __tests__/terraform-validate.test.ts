import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { awsPart } from "../tools/aws-part";
import { ENVS, synth } from "./helpers";

// Real Terraform, real hashicorp/aws 5.100.0, offline: `terraform init -plugin-dir` reads the provider
// from a filesystem mirror named by NOTIFY_TF_PROVIDER_MIRROR (.ci/run sets it where the mirror exists).
// Without Terraform or the mirror the test is skipped, and says why.
const mirror = process.env.NOTIFY_TF_PROVIDER_MIRROR;
const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" });
const providerDir = mirror ? path.join(mirror, "registry.terraform.io", "hashicorp", "aws", "5.100.0") : "";
const skipReason = !mirror
  ? "NOTIFY_TF_PROVIDER_MIRROR is not set (a filesystem mirror holding hashicorp/aws 5.100.0)"
  : terraform.status !== 0
    ? "terraform is not on PATH"
    : !fs.existsSync(providerDir)
      ? `no hashicorp/aws 5.100.0 under ${mirror}`
      : undefined;
if (skipReason) process.stderr.write(`terraform-validate: skipped: ${skipReason}\n`);

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

(skipReason ? test.skip : test)(
  `terraform init + validate with hashicorp/aws 5.100.0 accept the AWS part of every environment${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-tf-validate-"));
    // One root module with one child module per environment: the provider schema loads once.
    const root: Record<string, unknown> = { module: {} };
    for (const env of ENVS) {
      fs.mkdirSync(path.join(dir, env));
      fs.writeFileSync(path.join(dir, env, "main.tf.json"), JSON.stringify(awsPart(synth(env) as any), null, 2));
      (root.module as Record<string, unknown>)[env] = { source: `./${env}` };
    }
    fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(root, null, 2));
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const init = spawnSync("terraform", ["init", "-input=false", "-backend=false", `-plugin-dir=${mirror}`], { cwd: dir, env, encoding: "utf8" });
    expect([init.status, init.stderr.replace(/[\s\S]*?(Error[\s\S]*)|[\s\S]*/, "$1")]).toEqual([0, ""]);
    const validate = spawnSync("terraform", ["validate", "-json"], { cwd: dir, env, encoding: "utf8" });
    const result = JSON.parse(validate.stdout);
    expect(result.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
    expect(result.valid).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  60000,
);
