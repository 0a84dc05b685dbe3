import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing, TerraformStack } from "cdktf";
import { CfApp, type CfAppProps, validateEnvironment } from "../../constructs/cf-app";
import { CloudfoundryProvider } from "../../.gen/providers/cloudfoundry/provider";

// Testing.app() makes a cdktf.outdir.* directory in the temp directory for each app and never removes
// it, so a run would leave a dozen behind: one directory here, removed after the tests.
let outdir: string;
beforeAll(() => (outdir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-cf-app-"))));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function stackWithProvider(): TerraformStack {
  const stack = new TerraformStack(Testing.app({ outdir }), "t");
  new CloudfoundryProvider(stack, "cf", {});
  return stack;
}

const base: CfAppProps = {
  name: "notify-delivery-worker-reporting",
  logicalId: "notify-delivery-worker-reporting",
  orgName: "govuk-notify",
  spaceName: "preview",
  spaceId: "space-guid",
  memory: "1G",
  diskQuota: "1G",
  instances: 1,
  healthCheck: { type: "process", invocationTimeoutSeconds: 1 },
  command: "celery worker",
  buildpacks: ["python_buildpack"],
  startupTimeoutSeconds: 900,
  enableSsh: true,
  strategy: "rolling",
  path: "app.zip",
  sourceCodeHash: "abc",
  routes: [],
  serviceBindings: ["notify-db"],
  runs: "false",
  environment: { NOTIFY_APP_NAME: "delivery-worker-reporting" },
  secretEnvironment: {},
  unsetEnvironment: [{ name: "CELERYD_MAX_TASKS_PER_CHILD", reason: "restarting after every task was slow" }],
};

test("a name both set and unset fails the construct validation that synth runs", () => {
  const stack = stackWithProvider();
  new CfApp(stack, "app", { ...base, environment: { ...base.environment, CELERYD_MAX_TASKS_PER_CHILD: "1" } });
  expect(() => Testing.synth(stack, true)).toThrow(/CELERYD_MAX_TASKS_PER_CHILD must be absent \(restarting after every task was slow\)/);
});

test("a clean app passes, at the Terraform name the stack gives it (stacks/addresses.ts)", () => {
  const stack = stackWithProvider();
  new CfApp(stack, "app", base);
  const out = JSON.parse(Testing.synth(stack, true));
  expect(Object.keys(out.resource.cloudfoundry_app)).toEqual(["notify-delivery-worker-reporting"]);
});

test("the string 'None' is refused: the app would read it as a host name", () => {
  expect(validateEnvironment({ ...base, unsetEnvironment: [], environment: { STATSD_HOST: "None" } })).toEqual([
    'notify-delivery-worker-reporting: STATSD_HOST is "None", which the app reads as a truthy string; leave it out instead',
  ]);
});

test("a variable set both plainly and from the secret store is refused", () => {
  expect(validateEnvironment({ ...base, environment: { SECRET_KEY: "x" }, secretEnvironment: { SECRET_KEY: "${ref}" } })).toHaveLength(1);
});

test("the invocation timeout goes to every check type (CC keeps it, provider 1.16.0 reads it back); `timeout` only when config sets one", () => {
  const stack = stackWithProvider();
  new CfApp(stack, "a", base);
  new CfApp(stack, "b", { ...base, name: "web", logicalId: "web", healthCheck: { type: "http", endpoint: "/_status", invocationTimeoutSeconds: 3 }, startupTimeoutSeconds: undefined });
  const apps = JSON.parse(Testing.synth(stack, true)).resource.cloudfoundry_app;
  expect(apps["notify-delivery-worker-reporting"]).toMatchObject({ health_check_type: "process", health_check_invocation_timeout: 1, timeout: 900 });
  expect(apps.web).toMatchObject({ health_check_type: "http", health_check_http_endpoint: "/_status", health_check_invocation_timeout: 3 });
  expect(apps.web).not.toHaveProperty("timeout");
});
