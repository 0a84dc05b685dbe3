import { diffStack, renderDiff, type StackJson } from "../../review/diff";
import { precondition, synth } from "../helpers";
import { parseLiveInstances } from "../../stacks/addresses";

const production = () => structuredClone(synth("production")) as any;
/** A service bound to the API (the kind the team unbinds: notify-splunk in 2023); any will do. */
const apiService = () => {
  const all = Object.entries(production().resource.cloudfoundry_service_credential_binding as Record<string, { for_each: string }>);
  return precondition("a service bound to notify-api", all.find(([, b]) => b.for_each.includes('"notify-api"')), "unbind another app's service in this test")[0];
};

describe("diffStack", () => {
  test("no change, no lines", () => {
    expect(diffStack(production(), production())).toEqual([]);
  });

  test("memory, instances and env var names, never a secret value", () => {
    const head = production();
    const api = head.resource.cloudfoundry_app["notify-api"];
    const memory = api.memory;
    api.memory = "7G";
    api.instances = '${max(40, lookup(local.live_instances, "notify-api", 0))}';
    api.environment.ZENDESK_API_KEY = "${data.aws_ssm_parameter.ssm-ZENDESK_API_KEY.value}";
    delete api.environment.REDIS_URL;
    api.environment.FLASK_APP = "wsgi.py";
    api.environment.SECRET_KEY = "${data.aws_ssm_parameter.ssm-SECRET_KEY_2.value}";
    expect(diffStack(production(), head)).toEqual([
      `app notify-api: memory ${memory} -> 7G`,
      `app notify-api: instances max(${parseLiveInstances(production().resource.cloudfoundry_app["notify-api"].instances)!.least}, live count) -> max(40, live count)`,
      "app notify-api: env +ZENDESK_API_KEY (from the secret store)",
      "app notify-api: env -REDIS_URL (removed on apply)",
      "app notify-api: env FLASK_APP application.py -> wsgi.py",
      "app notify-api: env SECRET_KEY now read from a different source",
    ]);
  });

  test("routes, queues, policies and parameters added and removed", () => {
    // The first of each in today's production stack: the rules, not today's names, are under test.
    const base = production();
    const head = production();
    const [routeId, route] = Object.entries(base.resource.cloudfoundry_route as Record<string, any>).find(([, r]) => r.path)!;
    const [gone, kept] = Object.keys(base.resource.aws_sqs_queue).filter((n) => !n.endsWith("-dead-letter"));
    const [policyId, policy] = Object.entries(base.resource.cloudfoundry_network_policy as Record<string, any>)[0];
    const [paramId, param] = Object.entries(base.data.aws_ssm_parameter as Record<string, any>)[0];
    const domain = base.data.cloudfoundry_domain[/data\.cloudfoundry_domain\.([^.]+)\.id/.exec(route.domain)![1]].name;
    const routeApp = /cloudfoundry_app\.([^.]+)\.id/.exec(route.destinations[0].app_id)![1];
    const source = /cloudfoundry_app\.([^.]+)\.id/.exec(policy.policies[0].source_app)![1];
    delete head.resource.cloudfoundry_route[routeId];
    delete head.resource.aws_sqs_queue[gone];
    head.resource.aws_sqs_queue[kept].visibility_timeout_seconds = 4000;
    delete head.resource.cloudfoundry_network_policy[policyId];
    delete head.data.aws_ssm_parameter[paramId];
    expect(diffStack(base, head)).toEqual([
      `route - ${route.host}.${domain}${route.path} (was ${routeApp})`,
      `queue - ${gone} (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)`,
      `queue ${kept}: visibility timeout (s) ${base.resource.aws_sqs_queue[kept].visibility_timeout_seconds} -> 4000`,
      `network policy - ${source} -> notify-statsd-exporter udp/8125`,
      `secret store - ${param.name} (no longer read)`,
    ]);
  });

  test("binding and unbinding a service are in-place binding changes, each saying what it does to running instances", () => {
    const head = production();
    const bindings = head.resource.cloudfoundry_service_credential_binding;
    bindings["notify-new-service"] = { ...bindings["notify-db"], for_each: '${{ for a in ["notify-api"] : a => a if contains(keys(local.live_app_ids), a) }}' };
    // Unbound from the API alone, whoever else it is bound to.
    const service = apiService();
    bindings[service] = { ...bindings[service], for_each: bindings[service].for_each.replace(/"notify-api", |, "notify-api"(?=\])|"notify-api"(?=\])/, "") };
    expect(diffStack(production(), head)).toEqual([
      "binding + notify-new-service -> notify-api (in place; the app sees it after its next restart: its next deploy or cf restart)",
      `binding - ${service} -> notify-api (in place; UNBINDS: its credentials are deleted at once, running instances keep the stale ones until they restart)`,
    ]);
  });

  test("an app or queue deleted from config is forgotten, unless retired: then it is destroyed, in capitals", () => {
    const head = production() as any;
    // An app without routes, bindings or policies of its own would be simplest; any app shows the rule.
    const app = Object.keys(head.resource.cloudfoundry_app).find((n) => n !== "notify-api")!;
    const queue = Object.keys(head.resource.aws_sqs_queue).find((n) => !n.endsWith("-dead-letter"))!;
    delete head.resource.cloudfoundry_app[app];
    delete head.resource.aws_sqs_queue[queue];
    const lines = () => diffStack(production(), head).filter((l) => l.startsWith(`app - ${app} `) || l.startsWith(`queue - ${queue} `));
    expect(lines()).toEqual([`app - ${app} (RETIRED: DESTROYS THE APP)`, `queue - ${queue} (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)`]);
    head.removed = [{ from: `cloudfoundry_app.${app}`, lifecycle: { destroy: false } }, { from: `aws_sqs_queue.${queue}`, lifecycle: { destroy: false } }];
    expect(lines()).toEqual([
      `app - ${app} (forgotten: it keeps running, no longer managed; retire it in config/retired.ts to destroy it)`,
      `queue - ${queue} (forgotten: it and its messages stay, no longer managed)`,
    ]);
  });

  test("SSH switched off, or left unset (the provider then switches it off on every push), is named per app", () => {
    const head = production();
    const [first, second] = Object.keys(head.resource.cloudfoundry_app);
    head.resource.cloudfoundry_app[first].enable_ssh = false;
    delete head.resource.cloudfoundry_app[second].enable_ssh;
    expect(diffStack(production(), head)).toEqual([
      `2 apps restart (each is pushed again, rolling): ${first}, ${second}`,
      `app ${first}: ssh enabled -> disabled`,
      `app ${second}: ssh enabled -> (unset: each push switches it off)`,
    ]);
  });

  test("renderDiff reports per environment and whether anything changed", () => {
    const same = { production: production() as StackJson };
    expect(renderDiff(["production"], same, same)).toEqual({ text: "production: no changes\n", changed: false });
  });
});
