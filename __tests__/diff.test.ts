import { diffStack, renderDiff, type StackJson } from "../tools/diff";
import { synth } from "./helpers";

const production = () => structuredClone(synth("production")) as any;
/** A service bound to the API but not to every app: the kind the team unbinds (notify-splunk in 2023). */
const apiOnlyService = () => {
  const all = Object.entries(production().resource.cloudfoundry_service_credential_binding as Record<string, { for_each: string }>);
  const found = all.find(([, b]) => b.for_each.includes('"notify-api"') && !b.for_each.includes('"notify-delivery'));
  if (!found) throw new Error("no service is bound to the API alone: pick another unbinding to test");
  return found[0];
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
    api.instances = '${max(30, lookup(local.live_instances, "notify-api", 0))}';
    api.environment.ZENDESK_API_KEY = "${data.aws_ssm_parameter.ssm-ZENDESK_API_KEY.value}";
    delete api.environment.REDIS_URL;
    api.environment.FLASK_APP = "wsgi.py";
    api.environment.SECRET_KEY = "${data.aws_ssm_parameter.ssm-SECRET_KEY_2.value}";
    expect(diffStack(production(), head)).toEqual([
      `app notify-api: memory ${memory} -> 7G`,
      "app notify-api: instances max(25, live count) -> max(30, live count)",
      "app notify-api: env +ZENDESK_API_KEY (from the secret store)",
      "app notify-api: env -REDIS_URL (removed on apply)",
      "app notify-api: env FLASK_APP application.py -> wsgi.py",
      "app notify-api: env SECRET_KEY now read from a different source",
    ]);
  });

  test("routes, queues, policies and parameters added and removed", () => {
    const base = production();
    const head = production();
    delete head.resource.cloudfoundry_route["route_api_notifications_service_gov_uk_notifications_sms_mmg"];
    delete head.resource.aws_sqs_queue["govuk-alerts"];
    head.resource.aws_sqs_queue["broadcast-tasks"].visibility_timeout_seconds = 400;
    delete head.resource.cloudfoundry_network_policy["notify-delivery-worker-jobs_to_notify-statsd-exporter_udp_8125"];
    delete head.data.aws_ssm_parameter["ssm-ZENDESK_API_KEY"];
    expect(diffStack(base, head)).toEqual([
      "route - api.notifications.service.gov.uk/notifications/sms/mmg (was notify-api-sms-receipts)",
      "queue - govuk-alerts (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)",
      "queue broadcast-tasks: visibility timeout (s) 310 -> 400",
      "network policy - notify-delivery-worker-jobs -> notify-statsd-exporter udp/8125",
      "secret store - /notify/production/ZENDESK_API_KEY (no longer read)",
    ]);
  });

  test("binding and unbinding a service are in-place binding changes, each saying what it does to running instances", () => {
    const head = production();
    const bindings = head.resource.cloudfoundry_service_credential_binding;
    bindings["notify-new-service"] = { ...bindings["notify-db"], for_each: '${{ for a in ["notify-api"] : a => a if contains(keys(local.live_app_ids), a) }}' };
    const service = apiOnlyService();
    bindings[service] = { ...bindings[service], for_each: "${{ for a in [] : a => a }}" };
    expect(diffStack(production(), head)).toEqual([
      "binding + notify-new-service -> notify-api (in place; the app sees it after its next restart: its next deploy or cf restart)",
      `binding - ${service} -> notify-api (in place; UNBINDS: its credentials are deleted at once, running instances keep the stale ones until they restart)`,
    ]);
  });

  test("an app or queue deleted from config is forgotten, unless retired: then it is destroyed, in capitals", () => {
    const head = production() as any;
    delete head.resource.cloudfoundry_app["notify-delivery-worker-letters"];
    delete head.resource.aws_sqs_queue["letter-tasks"];
    expect(diffStack(production(), head)).toEqual([
      "app - notify-delivery-worker-letters (RETIRED: DESTROYS THE APP)",
      "queue - letter-tasks (RETIRED: DESTROYS THE QUEUE AND ITS MESSAGES)",
    ]);
    head.removed = [{ from: "cloudfoundry_app.notify-delivery-worker-letters", lifecycle: { destroy: false } }, { from: "aws_sqs_queue.letter-tasks", lifecycle: { destroy: false } }];
    expect(diffStack(production(), head)).toEqual([
      "app - notify-delivery-worker-letters (forgotten: it keeps running, no longer managed; retire it in config/retired.ts to destroy it)",
      "queue - letter-tasks (forgotten: it and its messages stay, no longer managed)",
    ]);
  });

  test("renderDiff reports per environment and whether anything changed", () => {
    const same = { production: production() as StackJson };
    expect(renderDiff(["production"], same, same)).toEqual({ text: "production: no changes\n", changed: false });
  });
});
