import type { ResolvedApp, ResolvedEnvironment } from "../../config";
import { effectiveFloor } from "../../config/invariants";
import { blocking, guardPlan, renderFindings, type GuardFinding } from "../../plan/plan-guard";
import { parsePlan } from "../../plan/plan-json";

// The plan guard's rules, one boundary at a time, on a small fixture environment built here (not the
// live config): an API with an incident floor, an autoscaled worker whose configured floor sits above
// its autoscaler minimum, a fixed worker, and celery beat.
const app = (name: string, instances: ResolvedApp["instances"], kind = "celery-worker") => ({ name, instances, process: { kind } }) as unknown as ResolvedApp;
function fixture(name: "production" | "staging", accepted: { address: string; reason: string }[] = []): ResolvedEnvironment {
  return {
    name,
    publicDomain: "notify.example",
    allowedDestructiveChanges: accepted,
    statefulHistory: { "aws_sqs_queue.old": "queue old", "aws_sqs_queue.old-dead-letter": "queue old" },
    retired: [{ kind: "queue", name: "old", reason: "Replaced by the new one in every environment.", drained: true }],
    apps: [
      app("notify-api", { mode: "autoscaled", deployFloor: 25, autoscaler: { min: 25, max: 40 } }, "gunicorn"),
      app("receipts", { mode: "autoscaled", deployFloor: 10, autoscaler: { min: 4, max: 15 } }),
      app("letters", { mode: "fixed", count: 2 }),
      app("beat", { mode: "fixed", count: 1 }, "celery-beat"),
    ],
  } as unknown as ResolvedEnvironment;
}

type Change = { address: string; type?: string; mode?: string; actions: string[]; before?: object | null; after?: object | null; unknown?: object; replace?: (string | number)[][] };
const plan = (...cs: Change[]) => ({
  format_version: "1.2",
  terraform_version: "1.11.4",
  planned_values: {},
  resource_changes: cs.map((c) => ({
    address: c.address,
    mode: c.mode ?? "managed",
    type: c.type ?? c.address.split(".")[0],
    name: c.address.split(".")[1],
    change: { actions: c.actions, before: c.before ?? null, after: c.after ?? null, after_unknown: c.unknown ?? {}, ...(c.replace ? { replace_paths: c.replace } : {}) },
  })),
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

  test("the incident floor is marked invariant, and config cannot accept it while it can accept the rest", () => {
    const env = fixture("production", [{ address: "cloudfoundry_app.notify-api", reason: "A reviewed one-off, for this test." }]);
    const found = guardPlan(scale("notify-api", 35, 10), env);
    expect(found.map((f) => [f.invariant ?? false, Boolean(f.acceptedBecause)])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
    expect(found[1].message).toContain("below its autoscaler minimum of 25");
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

  test("an update, a create, a forget and a destroyed network policy are not destruction of state", () => {
    expect(messages(fixture("production"), plan({ address: "aws_sqs_queue.q", actions: ["update"], before: {}, after: {} }, { address: "aws_sqs_queue.n", actions: ["create"], after: {} }, { address: "aws_sqs_queue.f", actions: ["forget"], before: {} }, { address: "cloudfoundry_network_policy.p", actions: ["delete"], before: {} }))).toEqual([]);
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
    { address: "aws_sqs_queue.q", message: "queue would be DESTROYED" },
    { address: "aws_sqs_queue.q", message: "again" },
    { address: "cloudfoundry_app.notify-api", message: "below the incident floor", invariant: true },
    { address: "aws_sqs_queue.old", message: "queue would be DESTROYED", acceptedBecause: "retired" },
  ];

  test("refused, accepted, and how to get through: one accepting line per address, the invariant rule", () => {
    expect(renderFindings("production", findings)).toBe(
      "plan guard (production):\n" +
        "  REFUSED   aws_sqs_queue.q: queue would be DESTROYED\n" +
        "  REFUSED   aws_sqs_queue.q: again\n" +
        "  REFUSED   cloudfoundry_app.notify-api: below the incident floor\n" +
        "  accepted  aws_sqs_queue.old: queue would be DESTROYED\n" +
        "            because: retired\n" +
        "3 findings refused.\n" +
        "If a change is really meant, accept it in config/production.ts, in the same pull request (an entry with an id accepts that object only, and is spent by the apply):\n" +
        '  allowedDestructiveChanges: [{ address: "aws_sqs_queue.q", reason: "..." }]\n' +
        "An incident floor cannot be accepted in config: it changes only in config/invariants.ts, with its test.\n",
    );
  });

  test("one refusal reads in the singular; only accepted ones end without advice; nothing found says so", () => {
    expect(renderFindings("staging", [findings[0]])).toContain("\n1 finding refused.\n");
    expect(renderFindings("staging", [findings[3]])).toBe("plan guard (staging):\n  accepted  aws_sqs_queue.old: queue would be DESTROYED\n            because: retired\n");
    expect(renderFindings("staging", [])).toBe("plan guard (staging): nothing destroyed or replaced, no app stopped or below its floor\n");
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
    expect(renderFindings("production", found)).toContain(`  spent     ${BINDING}: acceptance spent: nothing at this address has id "b-1" any more`);
  });

  test("an acceptance by address alone still accepts, and says how to make it end with its apply", () => {
    const found = guardPlan(unbind("b-1"), fixture("production", [{ address: BINDING, reason: "Splunk is replaced by the syslog drain." }]));
    expect(found[0].acceptedBecause).toBe('Splunk is replaced by the syslog drain. (accepted by address alone: name id "b-1" so that it ends with this apply)');
  });

  test("retiring an app covers its own bindings, not another app's", () => {
    const env = { ...fixture("production"), retired: [{ kind: "app", name: "letters", reason: "Letters moved to their own estate for good." }] } as unknown as ResolvedEnvironment;
    const p = plan(
      { address: 'cloudfoundry_service_credential_binding.notify-db["letters"]', type: "cloudfoundry_service_credential_binding", actions: ["delete"], before: { id: "b-3" } },
      { address: 'cloudfoundry_service_credential_binding.notify-db["receipts"]', type: "cloudfoundry_service_credential_binding", actions: ["delete"], before: { id: "b-4" } },
    );
    const found = guardPlan(p, env);
    expect(found.map((f) => [f.address, f.acceptedBecause])).toEqual([
      ['cloudfoundry_service_credential_binding.notify-db["letters"]', "retired in config/retired.ts with its bindings: Letters moved to their own estate for good."],
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
