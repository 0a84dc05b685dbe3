import * as fs from "fs";
import * as path from "path";
import type { EnvironmentName } from "../config";
import { stableGuid } from "../offline/bootstrap";
import type { Observed, Space, Target } from "./conformance";
import { runProcess, standinTerraformEnv } from "../offline/harness";
import type { Platform, PlatformData } from "../offline/standin/platform";
import { writeRehearsalArtifact } from "../offline/standin/cf-push";
import { startStandin, type RunningStandin } from "../offline/standin/start";

// The conformance suite's stand-in target: the seeded platform of one environment, served by the
// stand-in providers in this process. Adoption runs once; each branch of the suite gets a copy of the
// adopted platform, state and Terraform directory (a copy costs milliseconds, a deploy seconds), so
// branches run side by side. Terraform inherits `inherit` (the calling command's environment).

export function standinTarget(root: string, work: string, env: EnvironmentName, seeded: PlatformData, inherit: NodeJS.ProcessEnv): Target {
  const running: RunningStandin[] = [];
  const artifact = path.join(work, "notifications-api.zip");
  fs.mkdirSync(work, { recursive: true });
  writeRehearsalArtifact(artifact, "a conformance run stands in for the app zip\n");

  async function space(name: string, platformFile: string, dir: string): Promise<Space> {
    const standin = await startStandin(root, work, { [name]: platformFile });
    running.push(standin);
    const platform: Platform = standin.platforms[name];
    const apps = () => Object.values(platform.objects("cloudfoundry_app"));
    const app = (n: string) => {
      const found = apps().find((a) => a.name === n);
      if (!found) throw new Error(`${name}: no app ${n} on the platform`);
      return found;
    };
    const change = (n: string, values: Record<string, unknown>) => {
      const a = app(n);
      platform.put("cloudfoundry_app", String(a.id), { ...a, ...values } as typeof a);
    };
    return {
      name,
      terraform: (args, sha) =>
        runProcess("terraform", args, {
          cwd: dir,
          env: standinTerraformEnv(inherit, standin.reattach[name], { path: artifact, sha256: sha }),
        }),
      useStack: (stack) => fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(stack)),
      writeFile: (file, content) => fs.writeFileSync(path.join(dir, file), content),
      observe: async (): Promise<Observed> => {
        const appNames = new Map(apps().map((a) => [String(a.id), String(a.name)]));
        const serviceNames = new Map(Object.entries(platform.data.cf.serviceInstances).map(([n, si]) => [si.id, n]));
        const bindings: Record<string, string[]> = {};
        for (const b of Object.values(platform.objects("cloudfoundry_service_credential_binding"))) {
          const a = appNames.get(String(b.app));
          if (a && b.type === "app") (bindings[a] ??= []).push(serviceNames.get(String(b.service_instance)) ?? String(b.service_instance));
        }
        return {
          apps: apps().map((a) => ({ name: String(a.name), instances: Number(a.instances), stopped: a.stopped === true, enableSsh: a.enable_ssh === true })),
          bindings,
          queues: Object.values(platform.objects("aws_sqs_queue")).map((q) => String(q.name)),
        };
      },
      scaleByHand: async (n, instances) => change(n, { instances }),
      setEnvByHand: async (n, k, v) => change(n, { environment: { ...((app(n).environment as Record<string, string>) ?? {}), [k]: v } }),
      stopByHand: async (n) => change(n, { stopped: true }),
      createServiceInstance: async (n) => {
        (platform.data.cf.serviceInstances as Record<string, { id: string; type: string }>)[n] = { id: stableGuid(env, "service", n), type: "managed" };
        platform.save();
      },
    };
  }

  const adoptDir = path.join(work, "adopt");
  const adoptPlatform = path.join(work, "adopt.platform.json");
  return {
    name: "standin",
    parallel: true,
    async adoptionSpace(stack) {
      fs.mkdirSync(adoptDir, { recursive: true });
      fs.writeFileSync(adoptPlatform, JSON.stringify(seeded));
      // State next to the stack, by a relative path: a copied directory is a copied deploy.
      fs.writeFileSync(path.join(adoptDir, "conformance_override.tf.json"), JSON.stringify({ terraform: { backend: { local: { path: "terraform.tfstate" } } } }));
      const s = await space("adopt", adoptPlatform, adoptDir);
      s.useStack(stack);
      const init = await s.terraform(["init", "-input=false", "-no-color"], "");
      if (init.code !== 0) throw new Error(`terraform init failed:\n${init.stderr}${init.stdout}`);
      return s;
    },
    async branch(name) {
      const dir = path.join(work, name);
      fs.cpSync(adoptDir, dir, { recursive: true });
      for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".plan"))) fs.rmSync(path.join(dir, f));
      const file = path.join(work, `${name}.platform.json`);
      fs.copyFileSync(adoptPlatform, file);
      return space(name, file, dir);
    },
    async close() {
      await Promise.all(running.map((r) => r.close()));
    },
  };
}
