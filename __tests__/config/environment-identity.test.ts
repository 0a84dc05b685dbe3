import { problems } from "./problems";
import { ENVIRONMENT_IDENTITY, resolveEnvironment, type EstateConfig } from "../../config";
import { env } from "../checks/fixtures";
import { smallEstate } from "../fixtures/small-estate";

// Each environment's identity (space, state, apps' IAM user, queue prefix, public domain, https API) is
// its own, on the small fixture estate: one copied from another environment is refused at load, every
// such problem at once, one line each naming the environment, the field, the value, its owner and the fix.

test("the fixture estate's environments are each their own", () => {
  expect(problems(() => undefined)).toEqual([]);
});

test("staging with production's space is refused, naming production as its owner; production is not blamed", () => {
  expect(problems((e) => (env(e, "staging").space = "production"))).toEqual([
    'config/staging.ts: environments[staging].space: staging: space "production" is production\'s Cloud Foundry space (config/production.ts): each environment deploys into its own space; set staging\'s own space in config/staging.ts',
  ]);
});

test("staging with production's state bucket and key: both refused, one line each", () => {
  const found = problems((e) => (env(e, "staging").state = { ...env(e, "production").state }));
  expect(found).toEqual([
    'config/staging.ts: environments[staging].state.bucket: staging: state.bucket "example-tfstate-production" is production\'s Terraform state bucket (config/production.ts): each environment keeps its state in its own bucket (docs/deploying.md: Bootstrapping an environment); set staging\'s own state.bucket in config/staging.ts',
    'config/staging.ts: environments[staging].state.key: staging: state.key "estate/production.tfstate" is production\'s Terraform state key (config/production.ts): each environment keeps its state under its own key; set staging\'s own state.key in config/staging.ts',
  ]);
});

test("staging's apps IAM user named after production is refused even when production's own user is another", () => {
  const found = problems((e) => {
    env(e, "production").appsIamUser = "example-apps-live";
    env(e, "staging").appsIamUser = "example-apps-production";
  });
  expect(found).toEqual([
    'config/staging.ts: environments[staging].appsIamUser: staging: appsIamUser "example-apps-production" names production, another environment: each environment\'s apps hold their own IAM user, denied SQS outside their own queues; set staging\'s own appsIamUser in config/staging.ts',
  ]);
});

test("a value two environments share that names neither is refused in both, each naming the other", () => {
  const found = problems((e) => {
    env(e, "preview").publicDomain = "shared.example";
    env(e, "staging").publicDomain = "shared.example";
  });
  expect(found).toEqual([
    'config/preview.ts: environments[preview].publicDomain: preview: publicDomain "shared.example" is staging\'s public domain (config/staging.ts): each environment\'s public routes are on its own domain; set preview\'s own publicDomain in config/preview.ts',
    'config/staging.ts: environments[staging].publicDomain: staging: publicDomain "shared.example" is preview\'s public domain (config/preview.ts): each environment\'s public routes are on its own domain; set staging\'s own publicDomain in config/staging.ts',
  ]);
});

test("the same queue prefix twice is one identity problem, not also a prefix-overlap one", () => {
  const found = problems((e) => (env(e, "preview").queuePrefix = "staging"));
  expect(found).toEqual([
    'config/preview.ts: environments[preview].queuePrefix: preview: queuePrefix "staging" is staging\'s SQS queue prefix (config/staging.ts): each environment\'s queues have their own prefix; set preview\'s own queuePrefix in config/preview.ts',
  ]);
});

test("every crossing at once: space, bucket, key, IAM user, prefix and domain of production in staging; production is asked only about the value that does not name it", () => {
  const found = problems((e) => {
    const p = env(e, "production");
    Object.assign(env(e, "staging"), { space: p.space, state: { ...p.state }, appsIamUser: p.appsIamUser, queuePrefix: p.queuePrefix, publicDomain: p.publicDomain });
  });
  expect(found.map((l) => l.split(":")[1].trim())).toEqual([
    "environments[staging].space",
    "environments[staging].state.bucket",
    "environments[staging].state.key",
    "environments[staging].appsIamUser",
    "environments[staging].queuePrefix",
    "environments[staging].publicDomain",
    // A domain that names neither environment cannot say which one owns it: both are asked.
    "environments[production].publicDomain",
  ]);
});

test.each([
  ["an environment's", (e: any) => (env(e, "staging").cfApiUrl = "http://api.cf.example"), "config/staging.ts: environments[staging].cfApiUrl"],
  ["the default", (e: any) => (e.defaults.cfApiUrl = "http://api.cf.example"), "config/defaults.ts: defaults.cfApiUrl"],
])("%s Cloud Foundry API over plain http is refused", (_which, change, where) => {
  expect(problems(change)).toEqual([
    `${where}: must be an https:// URL: the pipeline logs in to it with the deploy credential, which plain http would send in the clear (e.g. https://api.cloud.service.gov.uk); got "http://api.cf.example"`,
  ]);
});

test("only the Cloud Foundry API and org may be shared between environments", () => {
  expect(ENVIRONMENT_IDENTITY.filter((f) => f.shared).map((f) => f.field)).toEqual(["cfApiUrl", "org"]);
});

test("without the identity rule the crossing resolves: staging's stack would manage production's space with production's IAM user (the attack ran)", () => {
  const copy = smallEstate() as any;
  Object.assign(env(copy, "staging"), { space: "production", appsIamUser: env(copy, "production").appsIamUser });
  // Resolution alone (what synth builds from) takes it as it is.
  const staging = resolveEnvironment(copy as EstateConfig, "staging");
  expect([staging.space, staging.appsIamUser]).toEqual(["production", "example-apps-production"]);
  // Loading refuses it.
  expect(problems((e) => Object.assign(env(e, "staging"), { space: "production", appsIamUser: env(e, "production").appsIamUser })).map((l) => l.split(": ")[1])).toEqual([
    "environments[staging].space",
    "environments[staging].appsIamUser",
  ]);
});

test("with three environments: a value one names goes to that one; one shared by all, naming none, asks each about the other two", () => {
  // preview and staging both took production's space: each is told it is production's (not the other's).
  expect(problems((e) => {
    env(e, "preview").space = "production";
    env(e, "staging").space = "production";
  }).map((l) => l.replace(/^[^:]+: [^:]+: /, "").replace(/\): .*$/, ")"))).toEqual(['preview: space "production" is production\'s Cloud Foundry space (config/production.ts)', 'staging: space "production" is production\'s Cloud Foundry space (config/production.ts)']);
  const shared = problems((e) => {
    for (const name of ["preview", "staging", "production"]) env(e, name).publicDomain = "shared.example";
  });
  expect(shared[0]).toContain('preview: publicDomain "shared.example" is staging\'s public domain (config/staging.ts) and production\'s public domain (config/production.ts):');
  expect(shared).toHaveLength(3);
  // A name naming two other environments names both.
  expect(problems((e) => (env(e, "preview").state.bucket = "example-staging-production-state"))[0]).toContain('preview: state.bucket "example-staging-production-state" names staging and production, another environment:');
});

test("an empty value is the schema's to refuse, once, and shared by nobody", () => {
  expect(problems((e) => {
    env(e, "preview").space = "";
    env(e, "staging").space = "";
  })).toEqual(["config/preview.ts: environments[preview].space: must not be empty; got \"\"", "config/staging.ts: environments[staging].space: must not be empty; got \"\""]);
});

test("identityOf takes an environment's own API, else the default", async () => {
  const { identityOf } = await import("../../config");
  const config = smallEstate() as any;
  expect(identityOf(config, env(config, "staging")).cfApiUrl).toBe("https://api.cf.example");
  env(config, "staging").cfApiUrl = "https://api.other.example";
  expect(identityOf(config, env(config, "staging"))).toMatchObject({ name: "staging", cfApiUrl: "https://api.other.example", org: "example-org" });
});
