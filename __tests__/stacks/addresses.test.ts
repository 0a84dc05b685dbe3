import {
  appOfAddress,
  bindingAddress,
  bindingEachAddress,
  bindingsForEach,
  deadLetterQueueAddress,
  domainAddress,
  existingBindingsAddress,
  existingBindingsForEach,
  liveInstancesExpression,
  networkPolicyLogicalId,
  parseBindingAddress,
  parseBindingsForEach,
  parseExistingBindingsForEach,
  parseLiveInstances,
  queueAddress,
  routeLogicalId,
} from "../../stacks/addresses";
import { STATEFUL_HISTORY } from "../../config/stateful-history";
import { environment, ENVS, synth } from "../helpers";

// Terraform addresses of stateful resources. Renaming one destroys and recreates the thing behind it
// (a running app, a queue with messages); a change here needs a `terraform state mv` in the same PR.
describe.each(ENVS)("%s", (env) => {
  test("apps are addressed by their CF name", () => {
    const apps = environment(env).apps.map((a) => `cloudfoundry_app.${a.name}`);
    expect(apps.length).toBeGreaterThan(0);
    expect(Object.keys(synth(env).resource.cloudfoundry_app).map((n) => `cloudfoundry_app.${n}`).sort()).toEqual(apps.sort());
  });

  test("queues are addressed by their celery name, dead-letter queues by that name + -dead-letter", () => {
    const names = environment(env).queues.map((q) => q.name);
    expect(names.length).toBeGreaterThan(0);
    expect(Object.keys(synth(env).resource.aws_sqs_queue).sort()).toEqual(names.flatMap((n) => [n, `${n}-dead-letter`]).sort());
  });

  test("routes are addressed by their URL (route_ + the URL with every other character as _)", () => {
    const routes = environment(env).apps.flatMap((a) => a.routes.map((r) => `route_${r.url.replace(/[^a-zA-Z0-9]/g, "_")}`));
    expect(Object.keys(synth(env).resource.cloudfoundry_route).sort()).toEqual([...new Set(routes)].sort());
    // One literal, so that a change of the naming scheme itself (which would destroy every route) fails here.
    expect(routeLogicalId("api.notifications.service.gov.uk/notifications/sms/mmg")).toBe("route_api_notifications_service_gov_uk_notifications_sms_mmg");
  });

  test("every app and queue address ever recorded in config/stateful-history.ts whose owner config still declares is still synthesized", () => {
    // A rename of an address (a construct id, the naming scheme) would destroy and recreate the running
    // object: it needs a moved block or `terraform state mv` in the same change, and then this line.
    // Routes are left out: an app that stays may drop a route (a config change the plan guard stops
    // until accepted); their addresses are a function of the URL, pinned above.
    const owners = new Set([...environment(env).apps.map((a) => `app ${a.name}`), ...environment(env).queues.map((q) => `queue ${q.name}`)]);
    const expected = Object.entries(STATEFUL_HISTORY[env] ?? {})
      .filter(([address, owner]) => owners.has(owner) && !address.startsWith("cloudfoundry_route."))
      .map(([address]) => address);
    expect(expected.length).toBeGreaterThan(0);
    const stack = synth(env).resource;
    const synthesized = new Set(Object.entries(stack).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)));
    expect(expected.filter((a) => !synthesized.has(a))).toEqual([]);
  });
});

test("production queues and dead-letter queues refuse to be destroyed; other environments may be torn down", () => {
  for (const q of Object.values(synth("production").resource.aws_sqs_queue) as any[]) {
    expect(q.lifecycle).toEqual({ prevent_destroy: true });
  }
  for (const q of Object.values(synth("preview").resource.aws_sqs_queue) as any[]) expect(q).not.toHaveProperty("lifecycle");
});

// The formats themselves, one literal each: stacks/addresses.ts is the only code that spells them, and
// what it builds, it parses back.
test("every address and expression format, as Terraform and the synthesized JSON spell it", () => {
  expect(queueAddress("job-tasks")).toBe("aws_sqs_queue.job-tasks");
  expect(deadLetterQueueAddress("job-tasks")).toBe("aws_sqs_queue.job-tasks-dead-letter");
  expect(bindingAddress("notify-db", "notify-api")).toBe('cloudfoundry_service_credential_binding.notify-db["notify-api"]');
  expect(bindingEachAddress("notify-db")).toBe("cloudfoundry_service_credential_binding.notify-db[each.key]");
  expect(existingBindingsAddress("notify-db")).toBe("data.cloudfoundry_service_credential_bindings.notify-db");
  expect(domainAddress("cloudapps.digital")).toBe("data.cloudfoundry_domain.domain-cloudappsdigital");
  expect(networkPolicyLogicalId("notify-api", "statsd-exporter", "udp", 8125)).toBe("notify-api_to_statsd-exporter_udp_8125");
  expect(liveInstancesExpression(25, "notify-api")).toBe('${max(25, lookup(local.live_instances, "notify-api", 0))}');
  expect(bindingsForEach("notify-db", ["notify-api", "notify-worker"])).toBe('${{ for a in ["notify-api", "notify-worker"] : a => a if contains(keys(local.live_app_ids), a) }}');
  expect(bindingsForEach("notify-db", ["notify-api"], ["notify-api", "notify-old"])).toBe(
    '${merge({ for a in ["notify-api"] : a => a if contains(keys(local.live_app_ids), a) }, { for a in ["notify-old"] : a => a if contains(lookup(local.live_bindings, a, []), "notify-db") })}',
  );
  expect(existingBindingsForEach("notify-db", ["notify-api"], ["notify-api", "notify-old"])).toBe('${{ for a in ["notify-api", "notify-old"] : a => a if contains(lookup(local.live_bindings, a, []), "notify-db") }}');
});

test("what addresses.ts builds it parses back, and anything else is not mistaken for it", () => {
  expect(parseLiveInstances(liveInstancesExpression(25, "notify-api"))).toEqual({ least: 25, app: "notify-api" });
  expect(parseLiveInstances("${max(25, lookup(local.other, \"notify-api\", 0))}")).toBeUndefined();
  expect(parseLiveInstances(25)).toBeUndefined();
  expect(parseBindingAddress(bindingAddress("notify-db", "notify-api"))).toEqual({ service: "notify-db", app: "notify-api" });
  expect(parseBindingAddress(bindingAddress("notify-db"))).toBeUndefined();
  expect(parseBindingAddress("cloudfoundry_app.notify-api")).toBeUndefined();
  expect(appOfAddress("cloudfoundry_app.notify-api")).toBe("notify-api");
  expect(appOfAddress("aws_sqs_queue.notify-api")).toBeUndefined();
});

test("a service's bindings' for_each reads back as the apps config binds, first, and the kept apps of forgotten ones", () => {
  const apps = ["notify-api", "notify-worker"];
  expect(parseBindingsForEach(bindingsForEach("notify-db", apps))).toEqual({ declared: apps, kept: [] });
  // A kept app config binds again is bound as declared, not listed twice.
  expect(parseBindingsForEach(bindingsForEach("notify-db", apps, ["notify-old", "notify-api", "notify-gone"]))).toEqual({ declared: apps, kept: ["notify-old", "notify-gone"] });
  expect(parseBindingsForEach(bindingsForEach("notify-db", [], ["notify-old"]))).toEqual({ declared: [], kept: ["notify-old"] });
  expect(parseExistingBindingsForEach(existingBindingsForEach("notify-db", apps, ["notify-old", "notify-api"]))).toEqual([...apps, "notify-old"]);
  for (const other of [undefined, 3, "${local.live_app_ids}", 'cloudfoundry_service_credential_binding.notify-db["notify-api"]']) {
    expect(parseBindingsForEach(other)).toEqual({ declared: [], kept: [] });
    expect(parseExistingBindingsForEach(other)).toEqual([]);
  }
});
