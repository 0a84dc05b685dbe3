import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { awsPart } from "../../review/aws-part";

// Real Terraform, real hashicorp/aws 5.100.0, offline: `terraform init -plugin-dir` reads the provider
// from the filesystem mirror named by NOTIFY_TF_PROVIDER_MIRROR (ci/run sets it where the mirror
// exists). init + validate take seconds, mostly loading the provider, so global-setup.ts starts them in
// the background as soon as the stacks exist, and terraform-validate.test.ts waits for the result.

export const ENVS = ["preview", "staging", "production"] as const;

/** Why the check cannot run here, or undefined when it can. */
export function skipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const mirror = env.NOTIFY_TF_PROVIDER_MIRROR;
  if (!mirror) return "NOTIFY_TF_PROVIDER_MIRROR is not set (a filesystem mirror holding hashicorp/aws 5.100.0)";
  if (spawnSync("terraform", ["version"], { encoding: "utf8" }).status !== 0) return "terraform is not on PATH";
  if (!fs.existsSync(path.join(mirror, "registry.terraform.io", "hashicorp", "aws", "5.100.0"))) return `no hashicorp/aws 5.100.0 under ${mirror}`;
  return undefined;
}

/**
 * Writes the AWS part of every synthesized environment as one child module each (the provider schema
 * then loads once) and starts `terraform init` + `terraform validate -json` in `workdir`, then
 * `terraform providers schema -json`. The exit statuses land in `done` and `schema-done`, the
 * validation in `validate.json`, the schema in `schema.json`.
 */
export function startValidation(synthDir: string, workdir: string, mirror: string): number | undefined {
  const root: Record<string, unknown> = { module: {} };
  for (const env of ENVS) {
    const stack = JSON.parse(fs.readFileSync(path.join(synthDir, "stacks", env, "cdk.tf.json"), "utf8"));
    fs.mkdirSync(path.join(workdir, env), { recursive: true });
    fs.writeFileSync(path.join(workdir, env, "main.tf.json"), JSON.stringify(awsPart(stack), null, 2));
    (root.module as Record<string, unknown>)[env] = { source: `./${env}` };
  }
  fs.writeFileSync(path.join(workdir, "main.tf.json"), JSON.stringify(root, null, 2));
  const script =
    `terraform init -input=false -backend=false -plugin-dir="$MIRROR" > init.log 2>&1 || { echo init > done; echo init > schema-done; exit; }; ` +
    `terraform validate -json > validate.json 2> validate.log; echo $? > done; ` +
    // The same provider's whole schema, for the test that holds the stand-in's committed subset against
    // it (scripts/extract-aws-schema.js's subsetOf): one init and one start-up fewer than its own run.
    `terraform providers schema -json > schema.json 2> schema.log; echo $? > schema-done`;
  const child = spawn("sh", ["-c", script], {
    cwd: workdir,
    // GOGC=400 (as for rehearsals, offline/harness.ts): the real provider's schema is a large,
    // short-lived heap, which Go's default collector spends CPU on for nothing (docs/performance.md).
    env: { ...process.env, MIRROR: mirror, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", GOGC: "400" },
    stdio: "ignore",
    detached: true,
  });
  child.unref();
  // Its own process group (detached): the teardown stops the whole run if a partial test run ends first.
  return child.pid;
}
