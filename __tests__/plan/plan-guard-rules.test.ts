import type { ResolvedApp, ResolvedEnvironment } from "../../config";
import { effectiveFloor } from "../../config/invariants";
import { blocking, guardPlan, renderFindings, summarizePlan, type GuardFinding, type ResourceChange } from "../../plan/plan-guard";
import { DANGER_RULES } from "../../plan/guard-data";
import { changeFingerprint, NEW_OBJECT, objectId } from "../../plan/guard-identity";
import { parsePlan } from "../../plan/plan-json";

// The plan guard's rules, one boundary at a time, on a small fixture environment built here (not the
// live config): an API with an incident floor, an autoscaled worker whose configured floor sits above
// its autoscaler minimum, a fixed worker, celery beat, and an autoscaled worker whose minimum sits above
// its floor.
const app = (name: string, instances: ResolvedApp["instances"], kind = "celery-worker") => ({ name, instances, process: { kind } }) as unknown as ResolvedApp;
function fixture(name: "production" | "staging", accepted: { address: string; id?: string; change?: string; reason: string }[] = []): ResolvedEnvironment {
  return {
    name,
    publicDomain: "notify.example",
    statsd: { exporterApp: "statsd-exporter", host: "statsd-exporter.internal", port: 8125 },
    allowedDestructiveChanges: accepted,
    statefulHistory: { "aws_sqs_queue.old": "queue old", "aws_sqs_queue.old-dead-letter": "queue old" },
    retired: [{ kind: "queue", name: "old", reason: "Replaced by the new one in every environment.", drained: true }],
    apps: [
      app("notify-api", { mode: "autoscaled", deployFloor: 25, autoscaler: { min: 25, max: 40 } }, "gunicorn"),
      app("receipts", { mode: "autoscaled", deployFloor: 10, autoscaler: { min: 4, max: 15 } }),
      app("letters", { mode: "fixed", count: 2 }),
      app("beat", { mode: "fixed", count: 1 }, "celery-beat"),
      app("sender", { mode: "autoscaled", deployFloor: 1, autoscaler: { min: 4, max: 10 } }),
    ],
  } as unknown as ResolvedEnvironment;
}

type Change = { address: string; type?: string; mode?: string; actions: string[]; before?: object | null; after?: object | null; unknown?: object; replace?: (string | number)[][] };
/** Apps carry strategy "rolling", as every app the stack synthesizes does, unless a change says otherwise. */
const rolling = (type: string, v: object | null | undefined) => (v && type === "cloudfoundry_app" ? { strategy: "rolling", ...v } : v ?? null);
const plan = (...cs: Change[]) => ({
  format_version: "1.2",
  terraform_version: "1.11.4",
  planned_values: {},
  resource_changes: cs.map((c) => {
    const type = c.type ?? c.address.split(".")[0];
    return {
      address: c.address,
      mode: c.mode ?? "managed",
      type,
      name: c.address.split(".")[1],
      change: { actions: c.actions, before: rolling(type, c.before), after: rolling(type, c.after), after_unknown: c.unknown ?? {}, ...(c.replace ? { replace_paths: c.replace } : {}) },
    };
  }),
});
const scale = (name: string, before: number | undefined, after: number, extra: object = {}) =>
  plan({ address: `cloudfoundry_app.${name}`, actions: before === undefined ? ["create"] : ["update"], before: before === undefined ? null : { name, instances: before }, after: { name, instances: after, ...extra } });
const messages = (env: ResolvedEnvironment, p: object) => guardPlan(p, env).map((f) => `${f.address}: ${f.message}`);

describe("instances", () => {
  test.each([
    ["the incident floor, exactly", "notify-api", 35, 25, []],
    ["one under the incident floor (and its autoscaler minimum)", "notify-api", 35, 24, ["below the incident floor of 25", "below its autoscaler minimum of 25"]],
    ["an autoscaled app under its autoscaler minimum, above its floor", "receipts", 5, 3, ["below the production floor of 10", "below its autoscaler minimum of 4"]],
    ["a configured floor above the autoscaler minimum, exactly", "receipts", 12, 10, []],
    ["one under a configured floor, above the autoscaler minimum", "receipts", 12, 9, ["below the production floor of 10"]],
    ["exactly half of what runs", "receipts", 20, 10, []],
    ["under half of what runs", "receipts", 21, 10, ["less than half of what runs now"]],
    ["a fixed app at its count", "letters", 2, 2, []],
    ["a fixed app under its count", "letters", 2, 1, ["below the production floor of 2"]],
    ["a fixed app at 0", "letters", 2, 0, ["below the production floor of 2", "less than half"]],
  ])("%s", (_what, name, before, after, expected) => {
    const found = messages(fixture("production"), scale(name, before, after));
    expect(found.length).toBe(expected.length);
    expected.forEach((m, i) => expect(found[i]).toContain(m));
  });

  test("a new app is judged by its floor only, and says (new)", () => {
    expect(messages(fixture("production"), scale("receipts", undefined, 9))).toEqual(["cloudfoundry_app.receipts: instances (new) -> 9, below the production floor of 10"]);
    expect(messages(fixture("production"), scale("receipts", undefined, 10))).toEqual([]);
  });

  test("the incident floor is marked invariant and a count below the autoscaler minimum asks for a new plan: config accepts neither, while it can accept the rest", () => {
    const p = scale("notify-api", 35, 10);
    const [first] = guardPlan(p, fixture("production"));
    const env = fixture("production", [{ address: "cloudfoundry_app.notify-api", id: first.id!, change: first.change!, reason: "A reviewed one-off, for this test." }]);
    const found = guardPlan(p, env);
    expect(found.map((f) => [f.invariant ?? false, f.replan ?? false, Boolean(f.acceptedBecause)])).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
    expect(found[1].message).toBe(
      "instances 35 -> 10, below its autoscaler minimum of 25: a deploy of this config runs at least 25 (the larger of the live count, the floor and the autoscaler minimum), so this plan is not from this config",
    );
    expect(renderFindings("production", found)).toContain("below its autoscaler minimum of 25: a deploy of this config runs at least 25 (the larger of the live count, the floor and the autoscaler minimum), so this plan is not from this config; synthesize and plan again (no acceptance applies)");
  });

  test("beat at 0 is refused in production only", () => {
    expect(messages(fixture("production"), scale("beat", 1, 0)).some((m) => m.includes("celery beat at 0 in production"))).toBe(true);
    expect(messages(fixture("staging"), scale("beat", 1, 0)).some((m) => m.includes("celery beat"))).toBe(false);
    expect(messages(fixture("production"), scale("letters", 2, 0)).some((m) => m.includes("celery beat"))).toBe(false);
  });

  test("an unknown count is refused and nothing else is said about it", () => {
    const p = plan({ address: "cloudfoundry_app.letters", actions: ["update"], before: { name: "letters", instances: 2 }, after: { name: "letters" }, unknown: { instances: true } });
    expect(messages(fixture("production"), p)).toEqual([
      "cloudfoundry_app.letters: instances is unknown until apply, so the plan cannot show it keeps its floor (provider 1.16.0 pushes 1 for an unknown count)",
    ]);
  });

  test("stopping is refused; an app already stopped staying stopped is not", () => {
    expect(messages(fixture("production"), scale("letters", 2, 2, { stopped: true }))).toEqual(["cloudfoundry_app.letters: would be STOPPED: every instance goes away"]);
    const still = plan({ address: "cloudfoundry_app.letters", actions: ["update"], before: { name: "letters", instances: 2, stopped: true }, after: { name: "letters", instances: 2, stopped: true } });
    expect(messages(fixture("production"), still)).toEqual([]);
  });

  test("an app not in config, a non-numeric count, a data source and a deleted app's instances say nothing about instances", () => {
    expect(messages(fixture("production"), scale("someone-elses", 10, 1))).toEqual([]);
    expect(messages(fixture("production"), plan({ address: "cloudfoundry_app.letters", actions: ["update"], before: { name: "letters" }, after: { name: "letters", instances: "2" } }))).toEqual([]);
    expect(messages(fixture("production"), plan({ address: "data.cloudfoundry_app.x", type: "cloudfoundry_app", mode: "data", actions: ["read"], after: { name: "receipts", instances: 0 } }))).toEqual([]);
  });

  test("the app is found by its name in the plan, before or after, not by its address", () => {
    const renamedAddress = plan({ address: "cloudfoundry_app.x", actions: ["update"], before: { name: "receipts", instances: 12 }, after: { name: "receipts", instances: 7 } });
    expect(messages(fixture("production"), renamedAddress)).toEqual(["cloudfoundry_app.x: instances 12 -> 7, below the production floor of 10"]);
  });
});

describe("destruction", () => {
  test.each([
    ["a queue destroyed", { address: "aws_sqs_queue.q", actions: ["delete"], before: {} }, "aws_sqs_queue.q: queue (its messages would be lost) would be DESTROYED"],
    ["an app replaced, naming why", { address: "cloudfoundry_app.letters", actions: ["delete", "create"], before: { name: "letters", instances: 2 }, after: { name: "letters", instances: 2 }, replace: [["org_name"], ["sidecars", 0]] }, "cloudfoundry_app.letters: app (an outage while it is recreated) would be REPLACED (destroyed and created again, because org_name, sidecars.0 changed)"],
    ["a replacement without paths", { address: "aws_sqs_queue.q", actions: ["create", "delete"], before: {}, after: {} }, "aws_sqs_queue.q: queue (its messages would be lost) would be REPLACED (destroyed and created again)"],
    ["an internal route destroyed", { address: "cloudfoundry_route.r", actions: ["delete"], before: { url: "letters-production.apps.internal" } }, "cloudfoundry_route.r: route (requests to it fail until it is back) would be DESTROYED"],
    ["the public domain's own route", { address: "cloudfoundry_route.r", actions: ["delete"], before: { url: "notify.example" } }, "cloudfoundry_route.r: PUBLIC route notify.example: route (requests to it fail until it is back) would be DESTROYED"],
    ["a path on the public domain", { address: "cloudfoundry_route.r", actions: ["delete"], before: { url: "notify.example/receipts" } }, "cloudfoundry_route.r: PUBLIC route notify.example/receipts: route (requests to it fail until it is back) would be DESTROYED"],
    ["a host on the public domain", { address: "cloudfoundry_route.r", actions: ["delete"], before: { url: "api.notify.example" } }, "cloudfoundry_route.r: PUBLIC route api.notify.example: route (requests to it fail until it is back) would be DESTROYED"],
    ["a look-alike domain is not the public one", { address: "cloudfoundry_route.r", actions: ["delete"], before: { url: "api.notnotify.example" } }, "cloudfoundry_route.r: route (requests to it fail until it is back) would be DESTROYED"],
    ["a route with no url", { address: "cloudfoundry_route.r", actions: ["delete"], before: { url: 42 } }, "cloudfoundry_route.r: route (requests to it fail until it is back) would be DESTROYED"],
  ])("%s", (_what, change, expected) => {
    expect(messages(fixture("production"), plan(change as Change))).toEqual([expected]);
  });

  test("an update, a create, a forget, a no-op and a read are not destruction", () => {
    expect(
      messages(
        fixture("production"),
        plan(
          { address: "aws_sqs_queue.q", actions: ["update"], before: {}, after: {} },
          { address: "aws_sqs_queue.n", actions: ["create"], after: {} },
          { address: "aws_sqs_queue.f", actions: ["forget"], before: {} },
          { address: "aws_sqs_queue.o", actions: ["no-op"], before: {}, after: {} },
          { address: "cloudfoundry_app.r", actions: ["read"], before: {}, after: {} },
        ),
      ),
    ).toEqual([]);
  });

  test.each([
    ["a network policy", "cloudfoundry_network_policy.p", "network policy (the source app can no longer reach the destination: its statsd metrics stop) would be DESTROYED"],
    ["the SQS boundary's attachment", "aws_iam_user_policy_attachment.a", "IAM policy attachment (the apps' user loses its SQS boundary: its keys reach every queue in the account) would be DESTROYED"],
    ["the SQS boundary policy", "aws_iam_policy.b", "IAM policy (the apps' SQS boundary: while it is gone the apps' keys reach every queue in the account) would be DESTROYED"],
  ])("%s destroyed is refused like any other resource", (_what, address, message) => {
    expect(messages(fixture("production"), plan({ address, actions: ["delete"], before: { id: "x-1" } }))).toEqual([`${address}: ${message}`]);
  });

  test("a resource type the guard has no rules for is refused whatever the action, and config cannot accept it; its forget, no-op and read are not", () => {
    for (const actions of [["create"], ["update"], ["delete"], ["delete", "create"]]) {
      const found = guardPlan(plan({ address: "aws_iam_user_policy.extra", actions, before: { id: "u-1" }, after: {} }), fixture("production", [{ address: "aws_iam_user_policy.extra", id: "u-1", reason: "Someone tries to accept a type the guard cannot judge." }]));
      expect(found.map((f) => [f.message, f.invariant, f.acceptedBecause])).toEqual([
        [`aws_iam_user_policy is not a type this estate manages (plan/guard-data.ts): the guard has no rules for it, so it refuses its ${actions.join("+")}`, true, undefined],
        [expect.stringMatching(/^acceptance spent/), undefined, "Someone tries to accept a type the guard cannot judge."],
      ]);
    }
    for (const actions of [["forget"], ["no-op"], ["read"]]) expect(messages(fixture("production"), plan({ address: "aws_iam_user_policy.extra", actions, before: {}, after: {} }))).toEqual([]);
  });

  test("a retired queue's destruction is accepted with the retirement as the reason; other addresses are not", () => {
    const found = guardPlan(plan({ address: "aws_sqs_queue.old", actions: ["delete"], before: {} }, { address: "aws_sqs_queue.other", actions: ["delete"], before: {} }), fixture("production"));
    expect(found.map((f) => [f.address, f.acceptedBecause ?? null])).toEqual([
      ["aws_sqs_queue.old", "retired in config/retired.ts: Replaced by the new one in every environment."],
      ["aws_sqs_queue.other", null],
    ]);
  });
});

describe("what it prints", () => {
  const findings: GuardFinding[] = [
    { address: "aws_sqs_queue.q", message: "queue would be DESTROYED", id: "https://q" },
    { address: "aws_sqs_queue.q", message: "again", id: "https://q" },
    { address: "cloudfoundry_app.notify-api", message: "below the incident floor", invariant: true },
    { address: "aws_sqs_queue.old", message: "queue would be DESTROYED", acceptedBecause: "retired" },
  ];

  test("refused, accepted, and how to get through: each refused line names the acceptance it needs, one entry per object, the invariant rule", () => {
    expect(renderFindings("production", findings, { changes: 3, destroyed: 2, replaced: 0 })).toBe(
      "plan guard (production): 3 resource changes judged: 2 destroyed, 0 replaced (each is a line below)\n" +
        '  REFUSED   aws_sqs_queue.q: queue would be DESTROYED; accepted only by { address: "aws_sqs_queue.q", id: "https://q", reason: "..." }\n' +
        '  REFUSED   aws_sqs_queue.q: again; accepted only by { address: "aws_sqs_queue.q", id: "https://q", reason: "..." }\n' +
        "  REFUSED   cloudfoundry_app.notify-api: below the incident floor; config cannot accept it\n" +
        "  accepted  aws_sqs_queue.old: queue would be DESTROYED\n" +
        "            because: retired\n" +
        "3 findings refused.\n" +
        "If a change is really meant, accept it in config/production.ts, in the same pull request (an entry accepts that object's change only, and is spent by the apply):\n" +
        '  allowedDestructiveChanges: [{ address: "aws_sqs_queue.q", id: "https://q", reason: "..." }]\n' +
        "An incident floor cannot be accepted in config: it changes only in config/invariants.ts, with its test.\n",
    );
  });

  test("one refusal reads in the singular; only accepted ones end without advice; nothing found says so", () => {
    expect(renderFindings("staging", [findings[0]])).toContain("\n1 finding refused.\n");
    expect(renderFindings("staging", [findings[3]])).toBe("plan guard (staging):\n  accepted  aws_sqs_queue.old: queue would be DESTROYED\n            because: retired\n");
    expect(renderFindings("staging", [], { changes: 1, destroyed: 0, replaced: 0 })).toBe("plan guard (staging): 1 resource change judged: no resource destroyed or replaced, nothing refused\n");
    expect(renderFindings("staging", [], { changes: 2, destroyed: 0, replaced: 0 })).toBe("plan guard (staging): 2 resource changes judged: no resource destroyed or replaced, nothing refused\n");
    // Without the plan's own counts it claims nothing about what the plan destroys.
    expect(renderFindings("staging", [])).toBe("plan guard (staging):\n");
  });

  test("something that is not a plan is refused with where it stops being one, and the advice to pass a plan", () => {
    const found = guardPlan({ format_version: "1.2" }, fixture("production"));
    expect(found).toEqual([{ address: "(plan)", message: expect.stringMatching(/^refused: it is not a Terraform JSON plan .*terraform_version/) }]);
    const text = renderFindings("production", found);
    expect(text).toContain("Give it the output of `terraform show -json <planfile>`.");
    expect(text).not.toContain("allowedDestructiveChanges");
    expect(blocking(found)).toHaveLength(1);
  });
});

describe("the pieces it reads floors and plans through", () => {
  test("effectiveFloor: a fixed app's floor is its count, an autoscaled app's its configured floor, never under an incident floor", () => {
    const env = { name: "production" } as ResolvedEnvironment;
    expect(effectiveFloor(env, app("letters", { mode: "fixed", count: 3 }))).toBe(3);
    expect(effectiveFloor(env, app("receipts", { mode: "autoscaled", deployFloor: 10, autoscaler: { min: 4, max: 15 } }))).toBe(10);
    expect(effectiveFloor(env, app("notify-api", { mode: "fixed", count: 2 }))).toBe(25);
    expect(effectiveFloor({ name: "staging" } as ResolvedEnvironment, app("notify-api", { mode: "fixed", count: 2 }))).toBe(2);
  });

  test("parsePlan names up to three places where the input stops being a plan, with their paths", () => {
    const parsed = parsePlan({ format_version: "2", resource_changes: [{ address: "" }] });
    expect("problem" in parsed && parsed.problem).toBe(
      "not a Terraform JSON plan (terraform show -json <planfile>, format 1.x): format_version: a Terraform JSON plan has format_version 1.x; terraform_version: Required; planned_values: Required",
    );
    const top = parsePlan(null);
    expect("problem" in top && top.problem).toMatch(/: \(top level\): Expected object, received null$/);
  });
});

describe("creates of what runs, and replacements onto themselves", () => {
  const withLive = (p: ReturnType<typeof plan>) => ({
    ...p,
    prior_state: {
      values: {
        root_module: {
          resources: [
            { mode: "data", type: "cloudfoundry_apps", name: "live", values: { apps: [{ name: "letters" }] } },
            { mode: "data", type: "aws_sqs_queues", name: "live", values: { queue_urls: ["https://sqs.eu-west-1.amazonaws.com/1/liveq"] } },
            { mode: "data", type: "cloudfoundry_routes", name: "live", values: { routes: [{ domain: "d", host: "api", path: null }] } },
          ],
        },
      },
    },
  });

  test("[row 20] [row 44] [row 25] a create of an app, queue or route the platform lists is refused as a missed import", () => {
    const p = withLive(
      plan(
        { address: "cloudfoundry_app.letters", actions: ["create"], after: { name: "letters", instances: 2 } },
        { address: "aws_sqs_queue.q", actions: ["create"], after: { name: "liveq" } },
        { address: "cloudfoundry_route.r", actions: ["create"], after: { domain: "d", host: "api", path: null } },
      ),
    );
    expect(messages(fixture("staging"), p)).toEqual([
      expect.stringMatching(/^cloudfoundry_app\.letters: would be CREATED, but app letters already runs in the space: its import was missed/),
      expect.stringMatching(/^aws_sqs_queue\.q: would be CREATED, but queue liveq already exists: its import was missed/),
      expect.stringMatching(/^cloudfoundry_route\.r: would be CREATED, but route api already exists on that domain: its import was missed/),
    ]);
  });

  test("a create of what the platform does not list, or an import of what it does, passes", () => {
    const p = withLive(
      plan(
        { address: "cloudfoundry_app.beat", actions: ["create"], after: { name: "beat", instances: 1 } },
        { address: "aws_sqs_queue.q", actions: ["create"], after: { name: "otherq" } },
      ),
    );
    expect(messages(fixture("staging"), p)).toEqual([]);
    const imported = withLive(plan({ address: "cloudfoundry_app.letters", actions: ["no-op"], before: { name: "letters", instances: 2 }, after: { name: "letters", instances: 2 } }));
    expect(messages(fixture("staging"), imported)).toEqual([]);
  });

  test("an app replaced create-before-destroy under its own name is refused, and config cannot accept it", () => {
    const same = { name: "letters", space_name: "s", org_name: "o", instances: 2 };
    const findings = guardPlan(plan({ address: "cloudfoundry_app.letters", actions: ["create", "delete"], before: same, after: same }), fixture("staging", [{ address: "cloudfoundry_app.letters", reason: "a reviewed change" }]));
    const onto = findings.filter((f) => /CREATE-BEFORE-DESTROY/.test(f.message));
    expect(onto.map((f) => [f.invariant, f.acceptedBecause])).toEqual([[true, undefined]]);
    // Into another space it is an ordinary (acceptable) replacement.
    const moved = guardPlan(plan({ address: "cloudfoundry_app.letters", actions: ["create", "delete"], before: same, after: { ...same, space_name: "t" } }), fixture("staging"));
    expect(moved.filter((f) => /CREATE-BEFORE-DESTROY/.test(f.message))).toEqual([]);
  });
});

describe("acceptances that end with their apply", () => {
  const BINDING = 'cloudfoundry_service_credential_binding.notify-splunk["notify-api"]';
  const unbind = (id: string) => plan({ address: BINDING, type: "cloudfoundry_service_credential_binding", actions: ["delete"], before: { id, app: "guid-api" } });

  test("the suggested line is valid TypeScript for any address, binding addresses included, and names the object's id", () => {
    const text = renderFindings("production", guardPlan(unbind("b-1"), fixture("production")));
    const line = /allowedDestructiveChanges: (\[.*\])$/m.exec(text)![1];
    // Pasted as-is it parses: the quotes inside a binding's address must not end the string.
    expect(new Function(`return ${line};`)()).toEqual([{ address: BINDING, id: "b-1", reason: "..." }]);
  });

  test("an acceptance naming an id accepts that object only; another object at the address is refused", () => {
    const accepted = fixture("production", [{ address: BINDING, id: "b-1", reason: "Splunk is replaced by the syslog drain." } as never]);
    expect(blocking(guardPlan(unbind("b-1"), accepted))).toEqual([]);
    expect(blocking(guardPlan(unbind("b-2"), accepted)).map((f) => f.address)).toEqual([BINDING]);
  });

  test("once its object is gone the acceptance is reported as spent, accepts nothing, and blocks nothing", () => {
    const accepted = fixture("production", [{ address: BINDING, id: "b-1", reason: "Splunk is replaced by the syslog drain." } as never]);
    const found = guardPlan(plan(), accepted);
    expect(found).toEqual([expect.objectContaining({ address: BINDING, spent: true })]);
    expect(blocking(found)).toEqual([]);
    expect(renderFindings("production", found)).toContain(`  spent     ${BINDING}: acceptance spent: nothing in this plan is the change it accepts (id "b-1"): its apply is done`);
  });

  test("an acceptance by address alone (which the schema refuses) accepts nothing, and is shown as ignored", () => {
    const found = guardPlan(unbind("b-1"), fixture("production", [{ address: BINDING, reason: "Splunk is replaced by the syslog drain." }]));
    expect(blocking(found).map((f) => f.message)).toEqual(["service binding (the app loses the service's credentials) would be DESTROYED"]);
    const text = renderFindings("production", found);
    expect(text).toContain(`  ignored   ${BINDING}: acceptance without an id accepts nothing (config/schema.ts requires one): name the object's id, as a refusal prints it`);
    expect(text).toContain(`accepted only by { address: ${JSON.stringify(BINDING)}, id: "b-1", reason: "..." }`);
  });

  test("retiring an app covers its own bindings, not another app's", () => {
    const env = { ...fixture("production"), retired: [{ kind: "app", name: "letters", reason: "Letters moved to their own estate for good." }] } as unknown as ResolvedEnvironment;
    const p = plan(
      { address: 'cloudfoundry_service_credential_binding.notify-db["letters"]', type: "cloudfoundry_service_credential_binding", actions: ["delete"], before: { id: "b-3" } },
      { address: 'cloudfoundry_service_credential_binding.notify-db["receipts"]', type: "cloudfoundry_service_credential_binding", actions: ["delete"], before: { id: "b-4" } },
    );
    const found = guardPlan(p, env);
    expect(found.map((f) => [f.address, f.acceptedBecause])).toEqual([
      ['cloudfoundry_service_credential_binding.notify-db["letters"]', "retired in config/retired.ts with its bindings and network policy: Letters moved to their own estate for good."],
      ['cloudfoundry_service_credential_binding.notify-db["receipts"]', undefined],
    ]);
  });
});

describe("NOTIFY-ENV-BINDING-ORDER in the plan (every path to apply)", () => {
  const update = (env: object, envAfter: object) => ({ address: "cloudfoundry_app.letters", actions: ["update"], before: { name: "letters", instances: 2, environment: env }, after: { name: "letters", instances: 2, environment: envAfter } });
  const bind = { address: 'cloudfoundry_service_credential_binding.notify-redis["letters"]', type: "cloudfoundry_service_credential_binding", actions: ["create"] };

  test("seeded: the app's update removes REDIS_URL while its notify-redis binding is created: refused with the two steps", () => {
    const found = blocking(guardPlan(plan(update({ A: "1", REDIS_URL: "x" }, { A: "1" }), bind), fixture("production")));
    expect(found.map((f) => f.address)).toEqual(["cloudfoundry_app.letters"]);
    expect(found[0].message).toMatch(/^NOTIFY-ENV-BINDING-ORDER: letters binds notify-redis and removes REDIS_URL in one change: .* Make it two deploys: \(1\) bind notify-redis and keep REDIS_URL; \(2\)/);
  });

  test("passing: the binding alone, the removal alone, an update that keeps every variable", () => {
    expect(blocking(guardPlan(plan(bind), fixture("production")))).toEqual([]);
    expect(blocking(guardPlan(plan(update({ A: "1", REDIS_URL: "x" }, { A: "1" })), fixture("production")))).toEqual([]);
    expect(blocking(guardPlan(plan(update({ A: "1" }, { A: "2" }), bind), fixture("production")))).toEqual([]);
  });
});

describe("dangerous in-place changes, one boundary at a time (plan/guard-data.ts)", () => {
  /** An app update at the count its deploy keeps, so that only the rule under test speaks. */
  const keeps: Record<string, number> = { "notify-api": 25, receipts: 10, letters: 2, beat: 1, sender: 4 };
  const app = (name: string, before: object, after: object, actions = ["update"]) =>
    plan({ address: `cloudfoundry_app.${name}`, actions, before: { id: `guid-${name}`, name, instances: keeps[name] ?? 2, ...before }, after: { name, instances: keeps[name] ?? 2, ...after } });
  const route = (before: object[], after: object[] | undefined, unknown: object = {}, actions = ["update"]) =>
    plan({ address: "cloudfoundry_route.r", actions, before: { id: "r-1", url: "api.notify.example", destinations: before }, after: { url: "api.notify.example", ...(after ? { destinations: after } : {}) }, unknown });
  const queue = (before: number | undefined, after: number | undefined, actions = ["update"]) =>
    plan({ address: "aws_sqs_queue.q", actions, before: actions.includes("create") ? null : { id: "u", message_retention_seconds: before }, after: { message_retention_seconds: after } });
  const boundary = (before: unknown, after: unknown, unknown: object = {}) => plan({ address: "aws_iam_policy.b", actions: ["update"], before: { id: "arn-b", policy: before }, after: { policy: after }, unknown });
  const policies = (before: object[], after: object[] | undefined, unknown: object = {}) => plan({ address: "cloudfoundry_network_policy.p", actions: ["update"], before: { policies: before }, after: after ? { policies: after } : {}, unknown });
  const p1 = { source_app: "s-1", destination_app: "d-1", port: "8125", protocol: "udp" };
  const p2 = { source_app: "s-2", destination_app: "d-1", port: "8125" };

  test.each([
    ["strategy none on an app config does not declare says no floor", app("someone-elses", {}, { strategy: "none" }), ['strategy "none" on a push, not "rolling": every running instance stops while it is pushed']],
    ["strategy none on a create pushes nothing running", app("letters", {}, { strategy: "none" }, ["create"]), []],
    ["processes without a count on either level", app("letters", {}, { instances: undefined, processes: [{ type: "worker" }] }), ["processes overrides worker instances=(unset) beside top-level instances=(unset): Cloud Controller runs the web entry, not the top-level count"]],
    ["processes on a new app too", app("letters", {}, { processes: [{ type: "web", instances: 2 }] }, ["create"]), ["processes overrides web instances=2 beside top-level instances=2: Cloud Controller runs the web entry, not the top-level count"]],
    ["two health attributes changed, in one line", app("receipts", { health_check_type: "port", command: "a" }, { health_check_type: "http", command: "b" }), ['health_check_type "port" -> "http", command changed on an app with a floor of 10: if the instances fail the new check, none is healthy']],
    ["a health attribute unset before and null after is no change", app("receipts", {}, { health_check_http_endpoint: null }), []],
    ["a health-check change on an app with a fixed count of 2", app("letters", { health_check_type: "port" }, { health_check_type: "process" }), ['health_check_type "port" -> "process" on an app with a floor of 2: if the instances fail the new check, none is healthy']],
    ["a health-check change on an app with a floor of 1 and an autoscaler minimum of 4", app("sender", { instances: 4, health_check_type: "port" }, { instances: 4, health_check_type: "process" }), []],
    ["a health-check change on an app that keeps 1", app("beat", { instances: 1, health_check_type: "port" }, { instances: 1, health_check_type: "process" }), []],
    ["a health-check change on an app config does not declare", app("someone-elses", { health_check_type: "port" }, { health_check_type: "process" }), []],
    ["a health-check change on a new app", app("letters", { health_check_type: "port" }, { health_check_type: "process" }, ["create"]), []],
    ["a route that keeps its one destination, its app id unknown until apply", route([{ app_id: "a" }], [{ weight: null }], { destinations: [{ app_id: true }] }), []],
    ["a route that loses one of two destinations", route([{ app_id: "a" }, { app_id: "b" }], [{ app_id: "a" }]), ["destinations 2 -> 1: requests to it fail with 404 on the unmapped apps' share"]],
    ["a route whose destinations are unknown until apply", route([{ app_id: "a" }], undefined, { destinations: true }), ["destinations unknown until apply (1 now): the plan cannot show the route keeps its apps"]],
    ["a route without destinations that gains none", route([], []), []],
    ["a new route without destinations", route([], [], {}, ["create"]), []],
    ["a queue whose retention is raised", queue(60, 120), []],
    ["a queue whose retention goes down by one second", queue(120, 119), ["message_retention_seconds 120 -> 119: SQS deletes every message older than 119 s"]],
    ["a new queue with a short retention", queue(undefined, 60, ["create"]), []],
    ["a queue with no retention before", queue(undefined, 60), []],
    ["a queue whose retention after is not a number", queue(120, undefined), []],
    ["the boundary re-serialised with other whitespace", boundary('{"Statement": []}', '{ "Statement" : [ ] }'), []],
    ["the boundary's statements changed", boundary('{"Statement":[{"Effect":"Deny"}]}', '{"Statement":[]}'), ["policy document changes: an explicit Deny overrides every Allow, so a wrong statement cuts every app off its queues"]],
    ["a boundary that is not JSON, unchanged", boundary("not json", "not json"), []],
    ["a boundary that is not JSON, changed", boundary("not json", "not json either"), ["policy document changes: an explicit Deny overrides every Allow, so a wrong statement cuts every app off its queues"]],
    ["a boundary given as an object, unchanged", boundary({ Statement: [] }, { Statement: [] }), []],
    ["a boundary unknown until apply", boundary("{}", undefined, { policy: true }), ["policy document unknown until apply: the plan cannot show what the apps' user may still reach"]],
    ["the boundary's attachment updated in place", plan({ address: "aws_iam_user_policy_attachment.a", actions: ["update"], before: { id: "a-1" }, after: {} }), ["the SQS boundary's attachment changes in place: the apps' user may lose its boundary"]],
    ["a new attachment", plan({ address: "aws_iam_user_policy_attachment.a", actions: ["create"], after: {} }), []],
    ["a network policy keeping its policy, its source app unknown until apply", policies([p1], [{ destination_app: "d-1", port: "8125", protocol: "udp" }], { policies: [{ source_app: true }] }), []],
    ["a network policy losing one of two policies", policies([p1, p2], [p1]), ["policies 2 -> 1: the apps left out can no longer reach the destination"]],
    ["a network policy whose policies are unknown until apply", policies([p1], undefined, { policies: true }), ["policies unknown until apply (1 now): the plan cannot show the apps keep their connections"]],
    ["a new network policy", plan({ address: "cloudfoundry_network_policy.p", actions: ["create"], after: { policies: [] } }), []],
  ])("%s", (_what, p, expected) => {
    expect(guardPlan(p, fixture("production")).map((f) => f.message.replace(/: 0 of the \d+ a deploy keeps, during the push$/, ""))).toEqual(expected);
  });

  test("a non-rolling push says how many instances the deploy keeps", () => {
    expect(messages(fixture("production"), app("receipts", {}, { strategy: "none" }))).toEqual([
      'cloudfoundry_app.receipts: strategy "none" on a push, not "rolling": every running instance stops while it is pushed: 0 of the 10 a deploy keeps, during the push',
    ]);
  });

  test("a processes web entry at or above the incident floor is refused but config can accept it; below it, config cannot; without a count, it can", () => {
    const at = guardPlan(app("notify-api", {}, { processes: [{ type: "web", instances: 25 }] }), fixture("production"));
    const below = guardPlan(app("notify-api", {}, { processes: [{ type: "web", instances: 24 }] }), fixture("production"));
    const unset = guardPlan(app("notify-api", {}, { processes: [{ type: "web" }] }), fixture("production"));
    expect([at, below, unset].map((f) => f.map((x) => [x.message.startsWith("processes overrides"), x.invariant ?? false]))).toEqual([[[true, false]], [[true, true]], [[true, false]]]);
  });

  test("every rule says where its danger is written down", () => {
    for (const rule of DANGER_RULES) expect([rule.id, rule.source]).toEqual([rule.id, expect.stringMatching(/\.(go|rb)\b|semantics row \d+|go-cfclient|AWS|aws provider|Cloud Controller|AppManifestMessage|Cloud Foundry docs/)]);
    expect(new Set(DANGER_RULES.map((r) => r.id)).size).toBe(DANGER_RULES.length);
  });
});

describe("how an acceptance names an object and a change (plan/guard-identity.ts)", () => {
  const change = (c: Partial<ResourceChange["change"]>, type = "cloudfoundry_app", address = `${type}.x`) => ({ address, mode: "managed", type, name: "x", change: { actions: ["update"], before: null, after: null, ...c } }) as ResourceChange;

  test("an object's id is its id before the change; a network policy's its policies; a new object's (new); anything else its address", () => {
    expect(objectId(change({ before: { id: "guid-1" } }))).toBe("guid-1");
    expect(objectId(change({ before: null, after: { id: "x" } }))).toBe(NEW_OBJECT);
    expect(NEW_OBJECT).toBe("(new)");
    expect(objectId(change({ before: { id: "" } }))).toBe("(no id: cloudfoundry_app.x)");
    expect(objectId(change({ before: { id: 7 } }))).toBe("(no id: cloudfoundry_app.x)");
    expect(objectId(change({ before: { policies: [{ source_app: "s", destination_app: "d", port: "8125", protocol: "udp" }, { source_app: "t", destination_app: "d", port: "80" }] } }, "cloudfoundry_network_policy"))).toBe(
      "s -> d udp/8125, t -> d tcp/80",
    );
    expect(objectId(change({ before: { policies: [] } }, "cloudfoundry_network_policy"))).toBe("(no id: cloudfoundry_network_policy.x)");
    expect(objectId(change({ before: { policies: [null] } }, "cloudfoundry_network_policy"))).toBe("undefined -> undefined tcp/undefined");
    expect(objectId(change({ before: {} }, "null_resource"))).toBe("(no id: null_resource.x)");
  });

  test("a change's fingerprint is 12 hex digits of what changes: not the order of keys, not what stays, not a sensitive value, not a variable's value", () => {
    const base = { before: { id: "g", memory: "1G", instances: 2, environment: { A: "1" } }, after: { memory: "2G", instances: 2, id: "g", environment: { A: "1" } } };
    const fp = changeFingerprint(change(base));
    expect(fp).toMatch(/^[0-9a-f]{12}$/);
    expect(changeFingerprint(change({ before: { instances: 2, memory: "1G", id: "g", environment: { A: "1" } }, after: { environment: { A: "1" }, id: "g", instances: 2, memory: "2G" } }))).toBe(fp);
    // What stays does not count; what changes does, before and after; so do the actions.
    expect(changeFingerprint(change({ ...base, before: { ...base.before, disk: "1G" }, after: { ...base.after, disk: "1G" } }))).toBe(fp);
    expect(changeFingerprint(change({ ...base, after: { ...base.after, memory: "3G" } }))).not.toBe(fp);
    expect(changeFingerprint(change({ ...base, before: { ...base.before, memory: "512M" } }))).not.toBe(fp);
    expect(changeFingerprint(change({ ...base, actions: ["create", "delete"] }))).not.toBe(fp);
    // Unknown until apply counts, even where the values shown agree.
    expect(changeFingerprint(change({ ...base, after_unknown: { instances: true } }))).not.toBe(fp);
    expect(changeFingerprint(change({ ...base, after_unknown: { instances: false } }))).toBe(fp);
    // Variables by name only: a secret's value changing alone leaves it as it is; a variable added does not.
    expect(changeFingerprint(change({ ...base, after: { ...base.after, environment: { A: "secret" } } }))).toBe(fp);
    expect(changeFingerprint(change({ ...base, after: { ...base.after, environment: { A: "1", B: "2" } } }))).not.toBe(fp);
    // A value Terraform marks sensitive never reaches the hash, in a map or a list.
    const secret = (v: string) => changeFingerprint(change({ ...base, before: { ...base.before, token: "old" }, after: { ...base.after, token: v }, before_sensitive: { token: true }, after_sensitive: { token: true } }));
    expect(secret("new-1")).toBe(secret("new-2"));
    const listed = (v: string) => changeFingerprint(change({ ...base, after: { ...base.after, creds: [{ k: v }, "x"] }, after_sensitive: { creds: [{ k: true }] } }));
    expect(listed("a")).toBe(listed("b"));
    expect(changeFingerprint(change({ ...base, after: { ...base.after, creds: [{ k: "a" }, "y"] }, after_sensitive: { creds: [{ k: true }] } }))).not.toBe(listed("a"));
    expect(changeFingerprint(change({ before: null, after: null, actions: ["delete"] }))).toMatch(/^[0-9a-f]{12}$/);
  });

  test("the order in which the plan lists attributes, nested keys or variables never changes a fingerprint", () => {
    const one = change({ before: { a: 1, b: 1, nested: { x: 1, y: 1 }, environment: { A: "1" } }, after: { a: 2, b: 2, nested: { x: 2, y: 2 }, environment: { A: "1", B: "1", C: "1" } } });
    const other = change({ before: { environment: { A: "1" }, nested: { y: 1, x: 1 }, b: 1, a: 1 }, after: { environment: { C: "1", B: "1", A: "1" }, nested: { y: 2, x: 2 }, b: 2, a: 2 } });
    expect(changeFingerprint(other)).toBe(changeFingerprint(one));
    // A sensitive value is replaced by a marker no plan value has: a plain "(sensitive)" is not the same change.
    const marked = change({ before: { t: "a" }, after: { t: "b" }, after_sensitive: { t: true } });
    expect(changeFingerprint(marked)).not.toBe(changeFingerprint(change({ before: { t: "a" }, after: { t: "" } })));
  });
});

describe("what the plan does, counted", () => {
  test("changes are managed resources that do something; a data source read is not one; replaced is counted apart from destroyed", () => {
    const p = plan(
      { address: "aws_sqs_queue.a", actions: ["delete"], before: {} },
      { address: "aws_sqs_queue.b", actions: ["create", "delete"], before: {}, after: {} },
      { address: "aws_sqs_queue.c", actions: ["delete", "create"], before: {}, after: {} },
      { address: "aws_sqs_queue.d", actions: ["update"], before: {}, after: {} },
      { address: "aws_sqs_queue.e", actions: ["no-op"], before: {}, after: {} },
      { address: "data.cloudfoundry_apps.live", type: "cloudfoundry_apps", mode: "data", actions: ["read"], after: {} },
      { address: "data.aws_sqs_queues.live", type: "aws_sqs_queues", mode: "data", actions: ["delete"], before: {} },
    );
    expect(summarizePlan(plan() as never)).toEqual({ changes: 0, destroyed: 0, replaced: 0 });
    expect(summarizePlan({ ...plan(), resource_changes: undefined } as never)).toEqual({ changes: 0, destroyed: 0, replaced: 0 });
    expect(summarizePlan(p as never)).toEqual({ changes: 4, destroyed: 1, replaced: 2 });
  });

  test("a retired app's statsd network policy is destroyed with it, accepted by the retirement; another app's is not", () => {
    const env = { ...fixture("production"), retired: [{ kind: "app", name: "letters", reason: "Letters moved to their own estate for good." }] } as unknown as ResolvedEnvironment;
    const found = guardPlan(
      plan(
        { address: "cloudfoundry_network_policy.letters_to_statsd-exporter_udp_8125", actions: ["delete"], before: { policies: [] } },
        { address: "cloudfoundry_network_policy.receipts_to_statsd-exporter_udp_8125", actions: ["delete"], before: { policies: [] } },
      ),
      env,
    );
    expect(found.map((f) => [f.address, f.acceptedBecause])).toEqual([
      ["cloudfoundry_network_policy.letters_to_statsd-exporter_udp_8125", "retired in config/retired.ts with its bindings and network policy: Letters moved to their own estate for good."],
      ["cloudfoundry_network_policy.receipts_to_statsd-exporter_udp_8125", undefined],
    ]);
  });

  test("what it prints for each kind of line", () => {
    const found: GuardFinding[] = [
      { address: "(plan)", message: "refused: it is not a plan" },
      { address: "cloudfoundry_app.a", message: "below its autoscaler minimum", replan: true, id: "g" },
      { address: "cloudfoundry_app.b", message: "x", id: "g-b", change: "0123456789ab" },
      { address: "cloudfoundry_app.b", message: "y", id: "g-b", change: "0123456789ab" },
      { address: "cloudfoundry_app.c", message: "z" },
      { address: "cloudfoundry_app.d", message: "app would be replaced CREATE-BEFORE-DESTROY under the same name", invariant: true },
      { address: "aws_sqs_queue.s", message: "acceptance spent", acceptedBecause: "r", spent: true },
      { address: "aws_sqs_queue.i", message: "acceptance without an id", ignored: true },
    ];
    expect(renderFindings("staging", found, { changes: 1, destroyed: 0, replaced: 1 })).toBe(
      "plan guard (staging): 1 resource change judged: 0 destroyed, 1 replaced (each is a line below)\n" +
        "  REFUSED   (plan): refused: it is not a plan\n" +
        "  REFUSED   cloudfoundry_app.a: below its autoscaler minimum; synthesize and plan again (no acceptance applies)\n" +
        '  REFUSED   cloudfoundry_app.b: x; accepted only by { address: "cloudfoundry_app.b", id: "g-b", change: "0123456789ab", reason: "..." }\n' +
        '  REFUSED   cloudfoundry_app.b: y; accepted only by { address: "cloudfoundry_app.b", id: "g-b", change: "0123456789ab", reason: "..." }\n' +
        '  REFUSED   cloudfoundry_app.c: z; accepted only by { address: "cloudfoundry_app.c", id: "?", reason: "..." }\n' +
        "  REFUSED   cloudfoundry_app.d: app would be replaced CREATE-BEFORE-DESTROY under the same name; config cannot accept it\n" +
        "  spent     aws_sqs_queue.s: acceptance spent\n" +
        "  ignored   aws_sqs_queue.i: acceptance without an id\n" +
        "6 findings refused.\n" +
        "If a change is really meant, accept it in config/staging.ts, in the same pull request (an entry accepts that object's change only, and is spent by the apply):\n" +
        '  allowedDestructiveChanges: [{ address: "cloudfoundry_app.b", id: "g-b", change: "0123456789ab", reason: "..." }, { address: "cloudfoundry_app.c", id: "?", reason: "..." }]\n' +
        "A create-before-destroy replacement of an app cannot be accepted in config.\n" +
        "Give it the output of `terraform show -json <planfile>`.\n",
    );
  });

  test("a spent acceptance of an in-place change names the change it accepted", () => {
    const found = guardPlan(plan(), fixture("production", [{ address: "aws_sqs_queue.q", id: "u", change: "0123456789ab", reason: "Retention lowered for the one apply." }]));
    expect(found.map((f) => f.message)).toEqual([
      'acceptance spent: nothing in this plan is the change it accepts (id "u", change "0123456789ab"): its apply is done, or the plan changes something else; it accepts nothing else, so delete it from config/production.ts with any later change',
    ]);
  });
});

describe("edges of a plan written by hand", () => {
  const find = (p: object, env = fixture("production")) => guardPlan(p, env).map((f) => `${f.address}: ${f.message}`);

  test("an update without values after it is judged as losing them: destinations, policies, the boundary, the strategy and the health check", () => {
    const p = plan(
      { address: "cloudfoundry_route.r", actions: ["update"], before: { id: "r", destinations: [{ app_id: "a" }] }, after: null },
      { address: "cloudfoundry_network_policy.p", actions: ["update"], before: { policies: [{ source_app: "s" }] }, after: null },
      { address: "aws_iam_policy.b", actions: ["update"], before: { id: "b", policy: "{}" }, after: null },
      { address: "aws_sqs_queue.q", actions: ["update"], before: { id: "q", message_retention_seconds: 60 }, after: null },
      { address: "cloudfoundry_app.receipts", type: "cloudfoundry_app", actions: ["update"], before: { id: "g", name: "receipts", health_check_type: "port" }, after: null },
    );
    // An app's after values are null: the plan's own strategy-rolling default does not apply.
    (p.resource_changes[4].change as { after: unknown }).after = null;
    expect(find(p)).toEqual([
      "cloudfoundry_route.r: destinations 1 -> 0: requests to it fail with 404",
      "cloudfoundry_network_policy.p: policies 1 -> 0: the apps left out can no longer reach the destination",
      "aws_iam_policy.b: policy document changes: an explicit Deny overrides every Allow, so a wrong statement cuts every app off its queues",
      'cloudfoundry_app.receipts: strategy null on a push, not "rolling": every running instance stops while it is pushed: 0 of the 10 a deploy keeps, during the push',
      'cloudfoundry_app.receipts: health_check_type "port" -> null on an app with a floor of 10: if the instances fail the new check, none is healthy',
    ]);
  });

  test("an update without values before it loses nothing it did not have, and a changed check or boundary still shows", () => {
    const p = plan(
      { address: "cloudfoundry_route.r", actions: ["update"], before: null, after: { destinations: [] } },
      { address: "cloudfoundry_network_policy.p", actions: ["update"], before: null, after: { policies: [] } },
      { address: "aws_iam_policy.b", actions: ["update"], before: null, after: { policy: "{}" } },
      { address: "aws_sqs_queue.q", actions: ["update"], before: null, after: { message_retention_seconds: 60 } },
      { address: "cloudfoundry_app.receipts", actions: ["update"], before: null, after: { name: "receipts", instances: 10, health_check_type: "port" } },
    );
    (p.resource_changes[4].change as { before: unknown }).before = null;
    expect(find(p)).toEqual([
      "aws_iam_policy.b: policy document changes: an explicit Deny overrides every Allow, so a wrong statement cuts every app off its queues",
      'cloudfoundry_app.receipts: health_check_type null -> "port" on an app with a floor of 10: if the instances fail the new check, none is healthy',
    ]);
  });

  test("a destroy is one line, whatever its values say: a route's or policy's lost destinations, a boundary's document, a queue's url", () => {
    const p = plan(
      { address: "cloudfoundry_route.r", actions: ["delete"], before: { id: "r", url: "letters-production.apps.internal", destinations: [{ app_id: "a" }] } },
      { address: "cloudfoundry_network_policy.p", actions: ["delete"], before: { policies: [{ source_app: "s", destination_app: "d", port: "8125" }] } },
      { address: "aws_iam_policy.b", actions: ["delete"], before: { id: "b", policy: '{"Statement":[]}' } },
      { address: "aws_sqs_queue.q", actions: ["delete"], before: { id: "q", url: "api.notify.example", message_retention_seconds: 60 } },
      { address: "aws_sqs_queue.gone", actions: ["delete"], before: null },
    );
    expect(find(p)).toEqual([
      "cloudfoundry_route.r: route (requests to it fail until it is back) would be DESTROYED",
      "cloudfoundry_network_policy.p: network policy (the source app can no longer reach the destination: its statsd metrics stop) would be DESTROYED",
      "aws_iam_policy.b: IAM policy (the apps' SQS boundary: while it is gone the apps' keys reach every queue in the account) would be DESTROYED",
      "aws_sqs_queue.q: queue (its messages would be lost) would be DESTROYED",
      "aws_sqs_queue.gone: queue (its messages would be lost) would be DESTROYED",
    ]);
  });

  test("each finding carries the object's id, and a change's fingerprint only where the object stays", () => {
    const p = plan(
      { address: "aws_sqs_queue.q", actions: ["delete"], before: { id: "q-url" } },
      { address: "aws_sqs_queue.r", actions: ["update"], before: { id: "r-url", message_retention_seconds: 60 }, after: { message_retention_seconds: 30 } },
      { address: "null_resource.n", actions: ["create"], after: {} },
      { address: "cloudfoundry_app.letters", actions: ["create", "delete"], before: { id: "g", name: "letters", space_name: "s", org_name: "o", instances: 2 }, after: { name: "letters", space_name: "s", org_name: "o", instances: 2 } },
      { address: "cloudfoundry_app.beat", actions: ["update"], before: { id: "b", name: "beat", instances: 1 }, after: { name: "beat", instances: 1, stopped: true } },
    );
    const found = guardPlan(p, fixture("production"));
    expect(found.map((f) => [f.address, f.id, /^[0-9a-f]{12}$/.test(f.change ?? "") ? "change" : f.change])).toEqual([
      ["aws_sqs_queue.q", "q-url", undefined],
      ["aws_sqs_queue.r", "r-url", "change"],
      ["null_resource.n", "(new)", undefined],
      ["cloudfoundry_app.letters", "g", undefined],
      ["cloudfoundry_app.letters", "g", undefined],
      ["cloudfoundry_app.beat", "b", "change"],
    ]);
    expect(found[2].invariant).toBe(true);
  });

  test("an acceptance accepts its own address only, with its id and change", () => {
    const p = plan({ address: "aws_sqs_queue.q", actions: ["delete"], before: { id: "q-url" } });
    expect(blocking(guardPlan(p, fixture("production", [{ address: "aws_sqs_queue.other", id: "q-url", reason: "Another queue's acceptance, same id." }]))).map((f) => f.address)).toEqual(["aws_sqs_queue.q"]);
    expect(blocking(guardPlan(p, fixture("production", [{ address: "aws_sqs_queue.q", id: "q-url", change: "0123456789ab", reason: "An in-place acceptance is not a destroy's." }]))).map((f) => f.address)).toEqual(["aws_sqs_queue.q"]);
    expect(blocking(guardPlan(p, fixture("production", [{ address: "aws_sqs_queue.q", id: "q-url", reason: "The destroy, reviewed for this test." }])))).toEqual([]);
  });

  test("data sources are not judged, whatever their actions; an app is known by its name in the plan even when created at another address", () => {
    const p = plan(
      { address: "data.aws_sqs_queues.live", type: "aws_sqs_queues", mode: "data", actions: ["delete"], before: { id: "x" } },
      { address: "data.cloudfoundry_app.receipts", type: "cloudfoundry_app", mode: "data", actions: ["read"], after: { name: "receipts", instances: 0 } },
      { address: "cloudfoundry_app.x", actions: ["create"], after: { name: "receipts", instances: 9 } },
    );
    expect(find(p)).toEqual(["cloudfoundry_app.x: instances (new) -> 9, below the production floor of 10"]);
  });

  test("only an app's change is judged for instances and stops, even where another resource is named like an app", () => {
    expect(find(plan({ address: "aws_sqs_queue.letters", actions: ["update"], before: { id: "q", name: "letters", instances: 2 }, after: { name: "letters", instances: 0, stopped: true } }))).toEqual([]);
  });

  test("a count that is not a number says nothing about floors, even one a string comparison would put under them", () => {
    expect(find(plan({ address: "cloudfoundry_app.receipts", actions: ["update"], before: { id: "g", name: "receipts", instances: 10 }, after: { name: "receipts", instances: "1" } }))).toEqual([]);
  });

  test("a plan without after_unknown is read as nothing unknown", () => {
    const p = plan({ address: "cloudfoundry_app.letters", actions: ["update"], before: { id: "g", name: "letters", instances: 2 }, after: { name: "letters", instances: 1 } });
    delete (p.resource_changes[0].change as { after_unknown?: unknown }).after_unknown;
    expect(find(p)).toEqual(["cloudfoundry_app.letters: instances 2 -> 1, below the production floor of 2"]);
  });

  test("an app replaced onto itself needs the same name, space and org: another org or name is an ordinary replacement", () => {
    const same = { id: "g", name: "letters", space_name: "s", org_name: "o", instances: 2 };
    const onto = (after: object) => guardPlan(plan({ address: "cloudfoundry_app.letters", actions: ["create", "delete"], before: same, after: { ...same, ...after } }), fixture("staging")).filter((f) => /CREATE-BEFORE-DESTROY/.test(f.message)).length;
    expect([onto({}), onto({ org_name: "p" }), onto({ name: "letters-2" }), onto({ space_name: "t" })]).toEqual([1, 0, 0, 0]);
  });

  test("processes: every entry is listed, a worker entry is not the web one, and an app config does not declare has no incident floor", () => {
    expect(find(plan({ address: "cloudfoundry_app.letters", actions: ["update"], before: { id: "g", name: "letters", instances: 2 }, after: { name: "letters", instances: 2, processes: [{ type: "web", instances: 2 }, { type: "worker", instances: 1 }] } }))).toEqual([
      "cloudfoundry_app.letters: processes overrides web instances=2, worker instances=1 beside top-level instances=2: Cloud Controller runs the web entry, not the top-level count",
    ]);
    const worker = guardPlan(plan({ address: "cloudfoundry_app.notify-api", actions: ["update"], before: { id: "g", name: "notify-api", instances: 25 }, after: { name: "notify-api", instances: 25, processes: [{ type: "worker", instances: 1 }] } }), fixture("production"));
    expect(worker.map((f) => f.invariant ?? false)).toEqual([false]);
    const stranger = guardPlan(plan({ address: "cloudfoundry_app.x", actions: ["update"], before: { id: "g", name: "x" }, after: { name: "x", processes: [{ type: "web", instances: 0 }] } }), fixture("production"));
    expect(stranger.map((f) => f.invariant ?? false)).toEqual([false]);
  });

  test("a missed import is named with the whole advice; an import in progress is not one", () => {
    const withLive = {
      ...plan(
        { address: "cloudfoundry_app.letters", actions: ["create"], after: { name: "letters", instances: 2 } },
        { address: "aws_sqs_queue.letters", actions: ["create"], after: { name: "letters" } },
        { address: "cloudfoundry_route.letters", actions: ["create"], after: { domain: "d", host: "letters" } },
        { address: "cloudfoundry_app.beat", actions: ["create"], after: { name: "beat", instances: 1 } },
        { address: "aws_sqs_queue.imported", actions: ["create"], after: { name: "liveq" } },
      ),
      prior_state: {
        values: {
          root_module: {
            resources: [
              { mode: "managed", type: "cloudfoundry_apps", name: "m", values: { apps: [{ name: "beat" }] } },
              { mode: "data", type: "cloudfoundry_apps", name: "x" },
              { mode: "data", type: "cloudfoundry_apps", name: "live", values: { apps: "not a list" } },
            ],
            child_modules: [
              {
                resources: [
                  { mode: "data", type: "cloudfoundry_apps", name: "live", values: { apps: [{ name: "letters" }, null] } },
                  { mode: "data", type: "aws_sqs_queues", name: "live", values: { queue_urls: ["https://sqs.eu-west-1.amazonaws.com/1/liveq"] } },
                  { mode: "data", type: "cloudfoundry_routes", name: "live", values: { routes: [{ domain: "d", host: "other", path: null }, null] } },
                ],
              },
            ],
          },
        },
      },
    };
    (withLive.resource_changes[4].change as Record<string, unknown>).importing = { id: "https://sqs.eu-west-1.amazonaws.com/1/liveq" };
    expect(find(withLive, fixture("staging"))).toEqual([
      "cloudfoundry_app.letters: would be CREATED, but app letters already runs in the space: its import was missed, and the push would adopt and re-push the running app. add its import (constructs/adoption.ts) or import it by hand before the deploy",
    ]);
    const route = { ...withLive, resource_changes: [plan({ address: "cloudfoundry_route.r", actions: ["create"], after: { domain: "d", host: "other" } }).resource_changes[0]] };
    expect(find(route, fixture("staging"))).toEqual([
      "cloudfoundry_route.r: would be CREATED, but route other already exists on that domain: its import was missed, and the apply would fail. add its import (constructs/adoption.ts) or import it by hand before the deploy",
    ]);
    const pathRoute = { ...withLive, resource_changes: [plan({ address: "cloudfoundry_route.r", actions: ["create"], after: { domain: "d", host: "other", path: "/x" } }).resource_changes[0]] };
    expect(find(pathRoute, fixture("staging"))).toEqual([]);
  });

  test("a retired queue does not retire an app's bindings of the same name", () => {
    const env = { ...fixture("production"), retired: [{ kind: "queue", name: "letters", reason: "The letters queue is gone for good." }] } as unknown as ResolvedEnvironment;
    const found = guardPlan(plan({ address: 'cloudfoundry_service_credential_binding.notify-db["letters"]', type: "cloudfoundry_service_credential_binding", actions: ["delete"], before: { id: "b" } }), env);
    expect(found.map((f) => f.acceptedBecause)).toEqual([undefined]);
  });

  test("the advice names an incident floor or a create-before-destroy replacement only when one of the refusals is one", () => {
    const floor: GuardFinding = { address: "cloudfoundry_app.a", message: "below the incident floor of 25", invariant: true };
    const cbd: GuardFinding = { address: "cloudfoundry_app.b", message: "replaced CREATE-BEFORE-DESTROY", invariant: true };
    const other: GuardFinding = { address: "x.y", message: "not a type this estate manages", invariant: true };
    const text = renderFindings("production", [floor, cbd, other]);
    expect(text).toContain("An incident floor cannot be accepted in config");
    expect(text).toContain("A create-before-destroy replacement of an app cannot be accepted in config.");
    expect(text).not.toContain("allowedDestructiveChanges");
    expect(renderFindings("production", [other])).not.toMatch(/incident floor|create-before-destroy/);
    expect(renderFindings("production", [other, floor])).not.toMatch(/create-before-destroy/);
    expect(renderFindings("production", [cbd, other])).not.toMatch(/An incident floor/);
    // Accepted and spent lines are not refusals: the count and the advice leave them out.
    expect(renderFindings("production", [{ ...floor, invariant: false, acceptedBecause: "r" }, { address: "q", message: "m", id: "i" }])).toContain("\n1 finding refused.\n");
  });

  test("the verdict adds destroyed and replaced", () => {
    expect(renderFindings("production", [], { changes: 2, destroyed: 1, replaced: 1 })).toBe("plan guard (production): 2 resource changes judged: 1 destroyed, 1 replaced (each is a line below), nothing refused\n");
    expect(renderFindings("production", [], { changes: 1, destroyed: 0, replaced: 1 })).toContain("0 destroyed, 1 replaced");
  });
});
