import { copyOf } from "../config-copy";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { estate } from "../../config";
import { loadEstate } from "../../checks";
import { routeAddress, routeLogicalId } from "../../stacks/addresses";
import { buildApp } from "../../stacks/build";

// An internal route is one config line: a cloudfoundry_route on apps.internal, adopted like any route,
// and no guardrail mistakes it for a public route on a worker.
test("internalRoute: true gives <app>-<env>.apps.internal as a route of the app, in every environment", async () => {
  const copy = copyOf(estate) as any;
  copy.apps.find((a: any) => a.name === "notify-delivery-worker-jobs").internalRoute = true;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "notify-internal-route-"));
  try {
    buildApp(out, (await loadEstate(copy)).environments).synth();
    for (const env of ["preview", "staging", "production"]) {
      const stack = JSON.parse(fs.readFileSync(path.join(out, "stacks", env, "cdk.tf.json"), "utf8"));
      const name = routeLogicalId(`notify-delivery-worker-jobs-${env}.apps.internal`);
      expect(stack.resource.cloudfoundry_route[name]).toMatchObject({
        host: `notify-delivery-worker-jobs-${env}`,
        domain: "${data.cloudfoundry_domain.domain-appsinternal.id}",
        destinations: [{ app_id: "${cloudfoundry_app.notify-delivery-worker-jobs.id}" }],
      });
      expect(stack.data.cloudfoundry_domain["domain-appsinternal"]).toMatchObject({ name: "apps.internal" });
      expect(stack.import.some((i: any) => i.to === routeAddress(name))).toBe(true);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
