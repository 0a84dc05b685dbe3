import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConfigError, resolveEstate, type EstateConfig } from "../../config";
import { FOUNDATIONS } from "../../config/foundations";
import { loadEstate, runChecks } from "../../checks";
import { buildApp } from "../../stacks/build";
import { manifestFor } from "../../review/manifest";
import { app, configWith, env } from "../checks/fixtures";

// Config the estate needs to be able to say: a stack per app and environment, a secret
// whose parameter exists only in some environments, an estate with no apps left. On the small fixture
// estate, so that these hold whatever the real estate becomes.
const GOVUK = "https://api.cloud.service.gov.uk";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-config-features-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function problems(config: EstateConfig): string[] {
  try {
    resolveEstate(config);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return [...err.problems];
  }
}
async function synthOf(config: EstateConfig, name: string): Promise<Record<string, any>> {
  const out = path.join(work, name);
  buildApp(out, (await loadEstate(config)).environments).synth();
  return Object.fromEntries(["preview", "staging", "production"].map((e) => [e, JSON.parse(fs.readFileSync(path.join(out, "stacks", e, "cdk.tf.json"), "utf8"))]));
}

describe("stack", () => {
  const onGovuk = (e: any) => (e.defaults.cfApiUrl = GOVUK);

  test("the foundation's offered stacks are data with their source", () => {
    expect(FOUNDATIONS[GOVUK].stacks).toEqual(expect.arrayContaining(["cflinuxfs3", "cflinuxfs4"]));
    expect(FOUNDATIONS[GOVUK].stacksSource).toMatch(/cf stacks/);
  });

  test("per app, per environment and for the whole estate: the most specific wins, in the stack and the manifest", async () => {
    const config = configWith((e) => {
      onGovuk(e);
      e.defaults.stack = "cflinuxfs3";
      env(e, "preview").stack = "cflinuxfs4";
      app(e, "sender").stack = "cflinuxfs4";
      app(e, "reporter").byEnvironment = { production: { stack: "cflinuxfs4" } };
    });
    const stacks = await synthOf(config, "stack");
    const stackOf = (e: string, a: string) => stacks[e].resource.cloudfoundry_app[a].stack;
    expect([stackOf("preview", "notify-api"), stackOf("staging", "notify-api"), stackOf("production", "notify-api")]).toEqual(["cflinuxfs4", "cflinuxfs3", "cflinuxfs3"]);
    expect([stackOf("staging", "sender"), stackOf("staging", "reporter"), stackOf("production", "reporter")]).toEqual(["cflinuxfs4", "cflinuxfs3", "cflinuxfs4"]);
    const production = resolveEstate(config).find((e) => e.name === "production")!;
    expect(manifestFor(production, production.apps.find((a) => a.name === "reporter")!)).toContain("\n    stack: cflinuxfs4\n");
  });

  test("not set anywhere: no stack in the synthesized app (it stays where it runs) nor in the manifest", async () => {
    const stacks = await synthOf(configWith(onGovuk), "no-stack");
    expect(Object.values(stacks.production.resource.cloudfoundry_app).every((a: any) => !("stack" in a))).toBe(true);
    const production = resolveEstate(configWith(onGovuk)).find((e) => e.name === "production")!;
    expect(manifestFor(production, production.apps[0])).not.toContain("stack:");
  });

  test("a stack the foundation does not offer is refused, naming the environment, app, value and the offered ones", () => {
    expect(problems(configWith((e) => (onGovuk(e), (app(e, "sender").byEnvironment = { staging: { stack: "cflinuxfs2" } }))))).toEqual([
      'config/apps.ts: apps[sender].byEnvironment.staging.stack: staging: sender\'s stack "cflinuxfs2" is not offered by https://api.cloud.service.gov.uk (it offers cflinuxfs3, cflinuxfs4; config/foundations.ts, from `cf stacks`); choose one of those',
    ]);
  });

  test("a stack on a foundation whose stacks config does not record is refused until they are recorded", () => {
    expect(problems(configWith((e) => (e.defaults.stack = "cflinuxfs4")))).toEqual([
      'config/defaults.ts: defaults.stack: preview: the default stack "cflinuxfs4" cannot be checked: config/foundations.ts does not list the stacks https://api.cf.example offers; add them from `cf stacks`',
      'config/defaults.ts: defaults.stack: staging: the default stack "cflinuxfs4" cannot be checked: config/foundations.ts does not list the stacks https://api.cf.example offers; add them from `cf stacks`',
      'config/defaults.ts: defaults.stack: production: the default stack "cflinuxfs4" cannot be checked: config/foundations.ts does not list the stacks https://api.cf.example offers; add them from `cf stacks`',
    ]);
  });
});

describe("a secret whose parameter exists only in some environments", () => {
  const config = configWith((e) => {
    e.secrets.push({ name: "PARTNER_API_KEY", kind: "secret", encoding: "string", allowedApps: ["sender"], environments: ["production"], reason: "The partner issued a key for production only." });
    app(e, "sender").secrets = [...app(e, "sender").secrets, "PARTNER_API_KEY"];
  });

  test("is set, and its parameter read, only where it exists", async () => {
    const stacks = await synthOf(config, "optional-secret");
    const has = (e: string) => "PARTNER_API_KEY" in stacks[e].resource.cloudfoundry_app.sender.environment;
    const reads = (e: string) => Object.values(stacks[e].data.aws_ssm_parameter).some((d: any) => d.name.endsWith("/PARTNER_API_KEY"));
    expect([has("preview"), has("staging"), has("production")]).toEqual([false, false, true]);
    expect([reads("preview"), reads("staging"), reads("production")]).toEqual([false, false, true]);
  });

  test("naming no environment, or one that does not exist, is refused", () => {
    const bad = (environments: unknown) => problems(configWith((e) => e.secrets.push({ name: "X_KEY", kind: "secret", encoding: "string", allowedApps: ["sender"], environments, reason: "A key that exists in some environments." })));
    expect(bad([])).toEqual([expect.stringMatching(/secrets\[X_KEY\]\.environments: must name at least one environment/)]);
    expect(bad(["prod"])).toEqual([expect.stringMatching(/secrets\[X_KEY\]\.environments\[#1\]: Invalid enum value/)]);
  });
});

test("an estate with no apps left loads, passes its checks and synthesizes its queues", async () => {
  const config = configWith((e) => {
    e.apps = [];
    e.queues = e.queues.filter((q: any) => q.externalConsumer);
    e.secrets = e.secrets.filter((s: any) => s.allowedApps === "all");
    for (const x of e.environments) x.scaling = {};
  });
  expect(runChecks(resolveEstate(config)).violations).toEqual([]);
  const stacks = await synthOf(config, "no-apps");
  expect(stacks.production.resource.cloudfoundry_app).toBeUndefined();
  expect(Object.keys(stacks.production.resource.aws_sqs_queue)).toEqual(["scan-tasks", "scan-tasks-dead-letter"]);
});
