import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bootstrapPlatform } from "../../offline/bootstrap";
import { runProcess, standinTerraformEnv } from "../../offline/harness";
import { writeRehearsalArtifact } from "../../offline/standin/cf-push";
import type { PlatformData } from "../../offline/standin/platform";
import { startStandin, type RunningStandin } from "../../offline/standin/start";
import { standinTestSpace } from "../fixtures/small-estate";

// Real Terraform against the stand-in, at the edges where a real deploy fails: a health-check timeout
// above the foundation's limit, a missing artifact, an app that never becomes healthy, an
// Optional-only attribute left unset that Cloud Controller holds, and a configuration the provider's
// validators refuse. Each fails as the real provider would, with its message; the messages Terraform
// itself adds ("Provider produced inconsistent result after apply") are Terraform's own.
const ROOT = path.join(__dirname, "..", "..");
const SPACE = standinTestSpace(["notify-db"]);
const ENV = "preview";

let work: string;
const running: RunningStandin[] = [];
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-standin-edges-"));
});
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
  fs.rmSync(work, { recursive: true, force: true });
});

/** One app, the way the stacks declare one (rolling, pushed from the zip the variables name). */
function stack(dir: string, app: Record<string, unknown>): object {
  return {
    terraform: { required_providers: { cloudfoundry: { source: "cloudfoundry/cloudfoundry", version: "1.16.0" } }, backend: { local: { path: path.join(dir, "terraform.tfstate") } } },
    provider: { cloudfoundry: [{}] },
    variable: { app_artifact_path: { type: "string" }, app_artifact_sha256: { type: "string" } },
    resource: {
      cloudfoundry_app: {
        api: {
          name: "notify-api",
          org_name: SPACE.org,
          space_name: SPACE.space,
          path: "${var.app_artifact_path}",
          source_code_hash: "${var.app_artifact_sha256}",
          instances: 2,
          memory: "1G",
          strategy: "rolling",
          health_check_type: "process",
          environment: { NOTIFY_ENVIRONMENT: ENV },
          ...app,
        },
      },
    },
  };
}

/** A stand-in on its own platform, and a Terraform working directory that applies `app`. */
async function space(name: string, cf: Partial<PlatformData["cf"]> = {}) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  const data = bootstrapPlatform(SPACE);
  const file = path.join(dir, "platform.json");
  fs.writeFileSync(file, JSON.stringify({ ...data, cf: { ...data.cf, ...cf } }));
  const standin = await startStandin(ROOT, dir, { [ENV]: file });
  running.push(standin);
  const artifact = path.join(dir, "app.zip");
  writeRehearsalArtifact(artifact);
  const tf = async (args: string[], vars: { path?: string; sha256?: string } = {}) =>
    runProcess("terraform", args, { cwd: dir, env: standinTerraformEnv(process.env, standin.reattach[ENV], { path: vars.path ?? artifact, sha256: vars.sha256 ?? "1".repeat(64) }) });
  return {
    platform: standin.platforms[ENV],
    /** Writes the stack, then `terraform apply`: exit code and everything Terraform printed. */
    async apply(app: Record<string, unknown>, vars: { path?: string; sha256?: string } = {}) {
      fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(stack(dir, app)));
      const init = await tf(["init", "-input=false", "-no-color"]);
      if (init.code !== 0) throw new Error(init.stderr + init.stdout);
      const r = await tf(["apply", "-auto-approve", "-input=false", "-no-color"], vars);
      return { code: r.code, out: (r.stdout + r.stderr).replace(/\s*│\s?/g, " ").replace(/\s+/g, " ") };
    },
  };
}

test.concurrent("[row 59] timeout = 900 on a foundation at Cloud Controller's default maximum: the push fails with CC's message", async () => {
  const s = await space("timeout");
  const r = await s.apply({ timeout: 900 });
  expect(r.code).toBe(1);
  expect(r.out).toContain("Error: Error pushing app");
  expect(r.out).toContain("cfclient error (CF-UnprocessableEntity|10008): For application 'notify-api': health_check_timeout Maximum exceeded: max 180s");
  expect(Object.keys(s.platform.objects("cloudfoundry_app"))).toEqual([]);
  // The same configuration on a foundation whose operators raised the maximum.
  const raised = await space("timeout-raised", { maximumHealthCheckTimeoutSeconds: 900 });
  expect((await raised.apply({ timeout: 900 })).out).toContain("Apply complete! Resources: 1 added");
});

test.concurrent("[row 60] a missing artifact: the provider's os.Open error, nothing pushed", async () => {
  const s = await space("missing");
  const missing = path.join(work, "missing", "does-not-exist.zip");
  const r = await s.apply({}, { path: missing });
  expect(r.code).toBe(1);
  expect(r.out).toContain("Error: Error pushing app");
  expect(r.out).toContain(`open ${missing}: no such file or directory`);
  expect(Object.keys(s.platform.objects("cloudfoundry_app"))).toEqual([]);
});

test.concurrent("[row 62] an app that never becomes healthy: the rolling push rolls back and the apply fails; the app keeps its old droplet with the manifest's new scale", async () => {
  const s = await space("unhealthy", { unhealthyApps: ["notify-api"] });
  expect((await s.apply({})).out).toContain("Apply complete! Resources: 1 added");
  const r = await s.apply({ instances: 3 }, { sha256: "2".repeat(64) });
  expect(r.code).toBe(1);
  expect(r.out).toContain("Error: Error pushing app");
  expect(r.out).toContain("failed to deploy with: timed out after waiting for async process rolled back to last deployment");
  expect(s.platform.pushes.get("notify-api")!.map((x) => [x.step, x.minutes ?? 0])).toEqual([
    ["open-artifact", 0],
    ["apply-manifest", 0],
    ["upload-and-stage", 0],
    ["rolling-deployment", 3],
    ["rollback", 3],
  ]);
  const app = Object.values(s.platform.objects("cloudfoundry_app"))[0];
  expect([app.instances, app.source_code_hash]).toEqual([3, "1".repeat(64)]);
});

test.concurrent("[row 63] an Optional-only attribute left unset that Cloud Controller holds: Terraform's inconsistent-result error after the push", async () => {
  const s = await space("held");
  expect((await s.apply({})).out).toContain("Apply complete! Resources: 1 added");
  // The app as `cf push` of the 2022 manifest left it: CC holds health-check-invocation-timeout 1.
  const [id, app] = Object.entries(s.platform.objects("cloudfoundry_app"))[0];
  s.platform.put("cloudfoundry_app", id, { ...app, health_check_invocation_timeout: 1 });
  const r = await s.apply({}, { sha256: "2".repeat(64) });
  expect(r.code).toBe(1);
  expect(r.out).toContain("Error: Provider produced inconsistent result after apply");
  expect(r.out).toContain(".health_check_invocation_timeout: was null, but now cty.NumberIntVal(1)");
  // Declared as it runs, the push converges.
  expect((await s.apply({ health_check_invocation_timeout: 1 }, { sha256: "2".repeat(64) })).out).toContain("Apply complete!");
});

test.concurrent("[row 53] [row 56] the provider's validators refuse at plan: no path, and a strategy it does not know", async () => {
  const s = await space("invalid");
  const r = await s.apply({ path: null, strategy: "canary" });
  expect(r.code).toBe(1);
  expect(r.out).toContain("Error: Invalid Attribute Combination");
  expect(r.out).toContain("No attribute specified when one (and only one) of [docker_image,path] is required");
  expect(r.out).toContain('Attribute strategy value must be one of: ["none" "rolling" "blue-green"], got: "canary"');
});
