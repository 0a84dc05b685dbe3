import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveEstate, type EstateConfig } from "../../config";
import { buildApp } from "../../stacks/build";
import { appAddress, parseLiveInstances } from "../../stacks/addresses";
import { diffStack, type StackJson } from "../../review/diff";
import { autoscalerLimits, diffAutoscaler } from "../../review/autoscaler";
import { blocking, guardPlan } from "../../plan/plan-guard";
import { smallEstate } from "../fixtures/small-estate";

// The deploy count honours the autoscaler: an autoscaled app deploys at the larger of its live count,
// its floor and its autoscaler minimum. So raising a minimum is one line of config, shows in the diff,
// synthesizes to the new minimum, and the plan it makes passes the guard. On the small fixture estate,
// synthesized for real.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-deploy-count-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function synthesized(name: string, config: EstateConfig): { stack: StackJson; env: ReturnType<typeof resolveEstate>[number] } {
  const environments = resolveEstate(config);
  buildApp(path.join(work, name), environments).synth();
  const stack = JSON.parse(fs.readFileSync(path.join(work, name, "stacks", "production", "cdk.tf.json"), "utf8")) as StackJson;
  return { stack, env: environments.find((e) => e.name === "production")! };
}

test("raising an autoscaler minimum is one line: it synthesizes to the new minimum, the diff says so, and the plan it makes passes the guard", () => {
  const config = smallEstate();
  const base = synthesized("base", config);
  // An autoscaled app whose minimum is above its floor, found by what it is.
  const app = base.env.apps.find((a) => a.instances.mode === "autoscaled" && a.instances.autoscaler.min > a.instances.deployFloor)!;
  const min = app.instances.mode === "autoscaled" ? app.instances.autoscaler.min : 0;
  const deployed = (s: StackJson) => parseLiveInstances(s.resource!.cloudfoundry_app[app.name].instances);
  expect(deployed(base.stack)).toEqual({ least: min, app: app.name });

  const raised = structuredClone(config) as any;
  raised.environments.find((e: any) => e.name === "production").scaling[app.name].autoscaler.min = min + 2;
  const head = synthesized("raised", raised);
  expect(deployed(head.stack)).toEqual({ least: min + 2, app: app.name });
  expect(diffStack(base.stack, head.stack)).toEqual([`app ${app.name}: instances max(${min}, live count) -> max(${min + 2}, live count)`]);
  expect(diffAutoscaler(autoscalerLimits(base.env), autoscalerLimits(head.env))).toEqual([
    expect.stringMatching(new RegExp(`^autoscaler ${app.name}: min/max ${min}/\\d+ -> ${min + 2}/\\d+ \\(the next deploy runs at least ${min + 2}; `)),
  ]);

  // Terraform's plan with the app running at the old minimum: max(least, live) = the new minimum.
  const live = min;
  const planned = Math.max(deployed(head.stack)!.least, live);
  const state = { id: `guid-${app.name}`, name: app.name, strategy: "rolling", health_check_type: app.healthCheck.type, command: app.command };
  const plan = {
    format_version: "1.2",
    terraform_version: "1.11.4",
    planned_values: { root_module: {} },
    resource_changes: [{ address: appAddress(app.name), mode: "managed", type: "cloudfoundry_app", name: app.name, change: { actions: ["update"], before: { ...state, instances: live }, after: { ...state, instances: planned } } }],
  };
  expect(planned).toBe(min + 2);
  expect(blocking(guardPlan(plan, head.env))).toEqual([]);
});

test("in production an acceptance of a destroy or replace lifts that address's prevent_destroy; one of an in-place change lifts nothing", () => {
  const config = smallEstate() as any;
  const queues = config.queues.map((q: { name: string }) => q.name);
  config.environments.find((e: any) => e.name === "production").allowedDestructiveChanges = [
    { address: `aws_sqs_queue.${queues[0]}`, id: "https://sqs.example/q0", reason: "Replaced by a FIFO queue in the 02:00 window." },
    { address: `aws_sqs_queue.${queues[1]}`, id: "https://sqs.example/q1", change: "0123456789ab", reason: "Retention lowered for the one apply, reviewed." },
  ];
  const { stack } = synthesized("accepted", config);
  const lifecycle = (name: string) => (stack.resource!.aws_sqs_queue[name] as { lifecycle?: unknown }).lifecycle;
  expect(lifecycle(queues[0])).toBeUndefined();
  expect(lifecycle(queues[1])).toEqual({ prevent_destroy: true });
  expect(lifecycle(queues[2])).toEqual({ prevent_destroy: true });
});
