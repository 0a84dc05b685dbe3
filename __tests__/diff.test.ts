import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diffStack, renderDiff, type StackJson } from "../tools/diff";
import { synth } from "./helpers";

const production = () => structuredClone(synth("production")) as any;

describe("diffStack", () => {
  test("no change, no lines", () => {
    expect(diffStack(production(), production())).toEqual([]);
  });

  test("memory, instances and env var names, never a secret value", () => {
    const head = production();
    const api = head.resource.cloudfoundry_app["notify-api"];
    api.memory = "2G";
    api.instances = '${max(30, lookup(local.live_instances, "notify-api", 0))}';
    api.environment.ZENDESK_API_KEY = "${data.aws_ssm_parameter.ssm-ZENDESK_API_KEY.value}";
    delete api.environment.REDIS_URL;
    api.environment.FLASK_APP = "wsgi.py";
    api.environment.SECRET_KEY = "${data.aws_ssm_parameter.ssm-SECRET_KEY_2.value}";
    expect(diffStack(production(), head)).toEqual([
      "app notify-api: memory 1G -> 2G",
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
    bindings["notify-redis"] = { ...bindings["notify-db"], for_each: '${{ for a in ["notify-api"] : a => a if contains(keys(local.live_app_ids), a) }}' };
    bindings["notify-splunk"] = { ...bindings["notify-splunk"], for_each: "${{ for a in [] : a => a }}" };
    expect(diffStack(production(), head)).toEqual([
      "binding + notify-redis -> notify-api (in place; the app sees it after its next restart: its next deploy or cf restart)",
      "binding - notify-splunk -> notify-api (in place; UNBINDS: its credentials are deleted at once, running instances keep the stale ones until they restart)",
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

// The whole command on a repository with two commits: the second changes one app's memory.
describe("npm run diff -- --base", () => {
  const ROOT = path.join(__dirname, "..");
  let repo: string;
  const git = (...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: repo, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const diff = (base: string) =>
    spawnSync(process.execPath, ["bin/run.js", "tools/diff-main.ts", "--base", base], { cwd: repo, encoding: "utf8" });

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), "notify-diff-repo-"));
    for (const name of ["main.ts", "cdktf.json", "bin", "config", "constructs", "stacks", "checks", "tools", ".gen", "package.json"]) {
      fs.cpSync(path.join(ROOT, name), path.join(repo, name), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(repo, "node_modules"), "dir");
    fs.writeFileSync(path.join(repo, ".gitignore"), "node_modules\n.build\ncdktf.out\n");
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "estate");
    const apps = path.join(repo, "config", "apps.ts");
    const text = fs.readFileSync(apps, "utf8");
    const changed = text.replace('notifyAppName: "delivery-worker-letters",\n    // 1G → 2G: hovering near 90% memory like the sender (1ac3ca250).\n    memory: "2G"', 'notifyAppName: "delivery-worker-letters",\n    // 1G → 2G: hovering near 90% memory like the sender (1ac3ca250).\n    memory: "3G"');
    expect(changed).not.toBe(text);
    fs.writeFileSync(apps, changed);
    git("commit", "-qam", "letters to 3G");
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  test("on a commit that changes one app's memory it prints exactly that change and exits 2", () => {
    const run = diff("HEAD~1");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(2);
    const line = "  app notify-delivery-worker-letters: memory 2G -> 3G";
    expect(run.stdout).toBe(`Changes against HEAD~1:\npreview:\n${line}\nstaging:\n${line}\nproduction:\n${line}\n`);
  });

  test("on an unchanged tree it exits 0", () => {
    // The working tree put back to HEAD~1's content: nothing differs from that base (whose extracted
    // files the previous run left in .build/diff-base).
    git("checkout", "HEAD~1", "--", "config/apps.ts");
    const run = diff("HEAD~1");
    expect([run.status, run.stdout]).toEqual([0, "Changes against HEAD~1:\npreview: no changes\nstaging: no changes\nproduction: no changes\n"]);
    git("checkout", "HEAD", "--", "config/apps.ts");
  });

  test("an unknown ref is an error, exit 1", () => {
    const run = diff("no-such-ref");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^diff failed: git rev-parse --verify no-such-ref\^\{commit\}/);
  });
});
