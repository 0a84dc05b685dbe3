import { resolveEnvironment, resolveEstate, ConfigError, type EstateConfig, type ResolvedApp, type ResolvedEnvironment } from "../../config";
import { blocking, guardPlan, renderFindings, summarizePlan, type GuardFinding, type PlanJson } from "../../plan/plan-guard";
import { appAddress, networkPolicyAddress, networkPolicyLogicalId, queueAddress, routeAddress, routeLogicalId } from "../../stacks/addresses";
import { deployMinimum } from "../../stacks/environment-stack";
import { effectiveFloor } from "../../config/invariants";
import * as denyList from "../fixtures/deny-list-guard";
import { smallEstate } from "../fixtures/small-estate";

// Each way past the guard that a hostile or careless change found, as a plan of the small fixture
// estate (__tests__/fixtures/small-estate.ts) in Terraform's JSON format. Each test first shows the
// deny-list guard (fixtures/deny-list-guard.ts) passing the plan with exit 0, then the guard refusing it
// with one line that names the object and the acceptance it needs, and that acceptance accepting
// exactly that change of that object, once.

type Acceptance = { address: string; id?: string; change?: string; reason: string };
const REASON = "Reviewed for this test: a one-off change in the 02:00 window.";

function production(accept: Acceptance[] = []): ResolvedEnvironment {
  const config = smallEstate() as any;
  config.environments.find((e: any) => e.name === "production").allowedDestructiveChanges = accept;
  return resolveEnvironment(config as EstateConfig, "production");
}
const ENV = production();
/** The app with the highest count a deploy keeps (the fixture's API, with the incident floor). */
const FLOORED = [...ENV.apps].sort((a, b) => deployMinimum(ENV, b) - deployMinimum(ENV, a))[0];
/** An app with a floor above one and no incident floor. */
const FLOORED_NO_INCIDENT = ENV.apps.find((a) => a !== FLOORED && effectiveFloor(ENV, a) > 1)!;
const ACCOUNT = "123456789012";

interface Change {
  readonly address: string;
  readonly type: string;
  readonly actions: string[];
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly unknown?: Record<string, unknown>;
}
const plan = (...cs: Change[]): PlanJson =>
  ({
    format_version: "1.2",
    terraform_version: "1.11.4",
    planned_values: { root_module: {} },
    resource_changes: cs.map((c) => ({
      address: c.address,
      mode: "managed",
      type: c.type,
      name: c.address.slice(c.type.length + 1),
      change: { actions: c.actions, before: c.before, after: c.after, after_unknown: c.unknown ?? {}, before_sensitive: {}, after_sensitive: {} },
    })),
  }) as unknown as PlanJson;

/** An app as the plan shows it when it runs as config says. */
const appState = (app: ResolvedApp): Record<string, unknown> => ({
  id: `guid-${app.name}`,
  name: app.name,
  space_name: ENV.space,
  org_name: ENV.org,
  instances: deployMinimum(ENV, app),
  memory: app.memory,
  strategy: "rolling",
  health_check_type: app.healthCheck.type,
  command: app.command,
  processes: null,
});
const appUpdate = (app: ResolvedApp, after: Record<string, unknown>): Change => ({ address: appAddress(app.name), type: "cloudfoundry_app", actions: ["update"], before: appState(app), after: { ...appState(app), ...after } });
const queueUrl = (sqsName: string) => `https://sqs.${ENV.awsRegion}.amazonaws.com/${ACCOUNT}/${sqsName}`;
const queueState = (sqsName: string, retention: number) => ({ id: queueUrl(sqsName), name: sqsName, url: queueUrl(sqsName), message_retention_seconds: retention, visibility_timeout_seconds: 310 });
const statsdPolicies = () => ENV.apps.filter((a) => a.sendsStatsd).map((a) => networkPolicyAddress(networkPolicyLogicalId(a.name, ENV.statsd.exporterApp, "udp", ENV.statsd.port)));
const BOUNDARY_POLICY = "aws_iam_policy.sqs_own_queues_only";
const BOUNDARY_ATTACHMENT = "aws_iam_user_policy_attachment.apps_sqs_own_queues_only";
const POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/notify-production-sqs-own-queues-only`;
const boundaryDocument = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyOtherEnvironmentsQueues", Effect: "Deny", Action: "sqs:*", ...statement }] });

/** What the deny-list guard says of a plan: its blocking findings, and its whole output. */
function denyListVerdict(p: PlanJson, env: ResolvedEnvironment) {
  const findings = denyList.guardPlan(p, env);
  return { refused: denyList.blocking(findings), text: denyList.renderFindings(env.name, findings) };
}

/** The acceptances the guard's refusals ask for, as a reviewer pastes them. */
const acceptancesFor = (refused: readonly GuardFinding[]): Acceptance[] => [
  ...new Map(refused.map((f) => [JSON.stringify([f.address, f.id, f.change]), { address: f.address, id: f.id!, ...(f.change ? { change: f.change } : {}), reason: REASON }])).values(),
];

/** The guard's refused lines for a plan (one REFUSED line per finding). */
const refusedLines = (p: PlanJson, env: ResolvedEnvironment = ENV) =>
  renderFindings(env.name, guardPlan(p, env), summarizePlan(p))
    .split("\n")
    .filter((l) => l.startsWith("  REFUSED"));

/** The line each object needs: its address, what happens, and the acceptance (or that none applies). */
const acceptanceLine = (f: GuardFinding) => `{ address: ${JSON.stringify(f.address)}, id: ${JSON.stringify(f.id)}, ${f.change ? `change: ${JSON.stringify(f.change)}, ` : ""}reason: "..." }`;

describe.each([
  {
    what: "the apps' SQS boundary attachment destroyed",
    plan: () =>
      plan({
        address: BOUNDARY_ATTACHMENT,
        type: "aws_iam_user_policy_attachment",
        actions: ["delete"],
        before: { id: `${ENV.appsIamUser}-20240101000000000000000001`, user: ENV.appsIamUser, policy_arn: POLICY_ARN },
        after: null,
      }),
    objects: [BOUNDARY_ATTACHMENT],
    says: /IAM policy attachment \(the apps' user loses its SQS boundary: its keys reach every queue in the account\) would be DESTROYED/,
  },
  {
    what: "the IAM boundary policy changed to deny every queue",
    plan: () =>
      plan({
        address: BOUNDARY_POLICY,
        type: "aws_iam_policy",
        actions: ["update"],
        before: { id: POLICY_ARN, arn: POLICY_ARN, policy: boundaryDocument({ NotResource: `arn:aws:sqs:${ENV.awsRegion}:${ACCOUNT}:${ENV.queuePrefix}*` }) },
        after: { id: POLICY_ARN, arn: POLICY_ARN, policy: boundaryDocument({ Resource: "*" }) },
      }),
    objects: [BOUNDARY_POLICY],
    says: /policy document changes: an explicit Deny overrides every Allow, so a wrong statement cuts every app off its queues/,
  },
  {
    what: "the API's public routes with destinations = []",
    plan: () =>
      plan(
        ...FLOORED.routes
          .filter((r) => r.kind === "public")
          .map((r) => ({
            address: routeAddress(routeLogicalId(r.url)),
            type: "cloudfoundry_route",
            actions: ["update"],
            before: { id: `route-${r.url}`, url: r.url, destinations: [{ app_id: `guid-${FLOORED.name}`, app_process_type: "web", port: 8080, protocol: "http1", weight: null }] },
            after: { id: `route-${r.url}`, url: r.url, destinations: [] },
          })),
      ),
    objects: FLOORED.routes.filter((r) => r.kind === "public").map((r) => routeAddress(routeLogicalId(r.url))),
    says: /destinations 1 -> 0: requests to it fail with 404$/,
  },
  {
    what: "every queue's message_retention_seconds lowered to 60",
    plan: () =>
      plan(
        ...ENV.queues.map((q) => ({
          address: queueAddress(q.name),
          type: "aws_sqs_queue",
          actions: ["update"],
          before: queueState(q.sqsName, q.messageRetentionSeconds),
          after: queueState(q.sqsName, 60),
        })),
      ),
    objects: ENV.queues.map((q) => queueAddress(q.name)),
    says: /message_retention_seconds 345600 -> 60: SQS deletes every message older than 60 s/,
  },
  {
    what: "every statsd network policy destroyed",
    plan: () =>
      plan(
        ...statsdPolicies().map((address, i) => ({
          address,
          type: "cloudfoundry_network_policy",
          actions: ["delete"],
          before: { policies: [{ source_app: `guid-source-${i}`, destination_app: "guid-exporter", port: String(ENV.statsd.port), protocol: "udp" }] },
          after: null,
        })),
      ),
    objects: statsdPolicies(),
    says: /network policy \(the source app can no longer reach the destination: its statsd metrics stop\) would be DESTROYED/,
  },
  {
    what: "a health-check type change on an app with a floor above one instance",
    plan: () => plan(appUpdate(FLOORED_NO_INCIDENT, { health_check_type: FLOORED_NO_INCIDENT.healthCheck.type === "process" ? "port" : "process" })),
    objects: [appAddress(FLOORED_NO_INCIDENT.name)],
    says: /^health_check_type ".*" -> ".*" on an app with a floor of \d+: if the instances fail the new check, none is healthy$/,
  },
  {
    what: "a start command change on an app with a floor above one instance",
    plan: () => plan(appUpdate(FLOORED_NO_INCIDENT, { command: `${FLOORED_NO_INCIDENT.command} --broken` })),
    objects: [appAddress(FLOORED_NO_INCIDENT.name)],
    says: /^command changed on an app with a floor of \d+: /,
  },
  {
    what: "processes with web instances = 1 beside the top-level count, on an app without an incident floor",
    plan: () => plan(appUpdate(FLOORED_NO_INCIDENT, { processes: [{ type: "web", instances: 1 }] })),
    objects: [appAddress(FLOORED_NO_INCIDENT.name)],
    says: /^processes overrides web instances=1 beside top-level instances=\d+: Cloud Controller runs the web entry, not the top-level count$/,
  },
  {
    what: 'strategy "none" with a memory change (a push) on an app without an incident floor',
    plan: () => plan(appUpdate(FLOORED_NO_INCIDENT, { strategy: "none", memory: "3G" })),
    objects: [appAddress(FLOORED_NO_INCIDENT.name)],
    says: /^strategy "none" on a push, not "rolling": every running instance stops while it is pushed: 0 of the \d+ a deploy keeps, during the push$/,
  },
])("$what", ({ plan: make, objects, says }) => {
  test("the deny-list guard passes it (exit 0)", () => {
    const { refused, text } = denyListVerdict(make(), ENV);
    expect(refused).toEqual([]);
    expect(text).toBe("plan guard (production): nothing destroyed or replaced, no app stopped or below its floor\n");
  });

  test("refused with one line per object, naming it and the acceptance it needs", () => {
    const p = make();
    const refused = blocking(guardPlan(p, ENV));
    expect(refused.map((f) => f.address)).toEqual(objects);
    for (const f of refused) expect(f.message).toMatch(says);
    // A destroy is accepted by the object's id; a change that keeps the object by its id and the change.
    for (const f of refused) expect([f.address, /DESTROYED|REPLACED/.test(f.message) ? f.change === undefined : /^[0-9a-f]{12}$/.test(f.change ?? "")]).toEqual([f.address, true]);
    expect(refusedLines(p)).toEqual(refused.map((f) => `  REFUSED   ${f.address}: ${f.message}; accepted only by ${acceptanceLine(f)}`));
  });

  test("the acceptance it names accepts that change of that object, for its apply only", () => {
    const p = make();
    const accepted = production(acceptancesFor(blocking(guardPlan(p, ENV))));
    expect(blocking(guardPlan(p, accepted))).toEqual([]);
    // Nothing of that change is left once it is applied: the acceptance is spent, and accepts nothing else.
    const afterApply = guardPlan(plan(), accepted);
    expect(afterApply.length).toBe(objects.length);
    expect(afterApply.every((f) => f.spent && f.acceptedBecause === REASON)).toBe(true);
  });
});

describe("changes config cannot accept: an incident floor breached during the push", () => {
  test.each([
    ['strategy "none" with a memory change', { strategy: "none", memory: "3G" }, /^strategy "none" on a push, not "rolling": every running instance stops while it is pushed: 0 of the \d+ a deploy keeps, during the push$/],
    ["strategy unset (the provider pushes as with none)", { strategy: null, memory: "3G" }, /^strategy null on a push/],
    ["strategy blue-green (a new app, a new GUID, the old one deleted with its bindings)", { strategy: "blue-green", memory: "3G" }, /^strategy "blue-green" on a push/],
    ["processes with web instances = 1 beside the top-level count", { processes: [{ type: "web", instances: 1 }] }, /^processes overrides web instances=1 beside top-level instances=\d+/],
  ])("%s on the app with the incident floor: the deny-list guard passes it; the guard refuses it with one line, and no acceptance accepts it", (_what, after, says) => {
    const p = plan(appUpdate(FLOORED, after));
    expect(denyListVerdict(p, ENV).refused).toEqual([]);
    const refused = blocking(guardPlan(p, ENV));
    expect(refused.map((f) => [f.address, f.invariant])).toEqual([[appAddress(FLOORED.name), true]]);
    expect(refused[0].message).toMatch(says);
    expect(refusedLines(p)).toEqual([`  REFUSED   ${appAddress(FLOORED.name)}: ${refused[0].message}; config cannot accept it`]);
    expect(blocking(guardPlan(p, production(acceptancesFor(refused))))).toEqual(refused);
  });

  test("a rolling push, the same check kept, and a check unknown until apply pass", () => {
    expect(blocking(guardPlan(plan(appUpdate(FLOORED, { memory: "3G" })), ENV))).toEqual([]);
    expect(blocking(guardPlan(plan(appUpdate(FLOORED, { health_check_type: FLOORED.healthCheck.type })), ENV))).toEqual([]);
    // A health-check attribute unknown until apply is not sent (semantics row 11): no change.
    expect(blocking(guardPlan(plan({ ...appUpdate(FLOORED, { readiness_health_check_type: null }), unknown: { readiness_health_check_type: true } }), ENV))).toEqual([]);
  });
});

describe("an acceptance without an id", () => {
  const queue = ENV.queues[0];
  const deleted = () =>
    plan(
      { address: queueAddress(queue.name), type: "aws_sqs_queue", actions: ["delete"], before: queueState(queue.sqsName, queue.messageRetentionSeconds), after: null },
    );

  test("the deny-list guard accepts a queue's deletion under it, and would for ever", () => {
    const env = production([{ address: queueAddress(queue.name), reason: REASON }]);
    const { refused, text } = denyListVerdict(deleted(), env);
    expect(refused).toEqual([]);
    expect(text).toContain(`accepted  ${queueAddress(queue.name)}: queue (its messages would be lost) would be DESTROYED`);
  });

  test("config refuses it, naming the environment, the entry and the field", () => {
    const config = smallEstate() as any;
    config.environments.find((e: any) => e.name === "production").allowedDestructiveChanges = [{ address: queueAddress(queue.name), reason: REASON }];
    expect(() => resolveEstate(config)).toThrow(ConfigError);
    try {
      resolveEstate(config);
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        "config/production.ts: environments[production].allowedDestructiveChanges[#1].id: must name the object's id, as the plan guard prints it (by address alone it would accept every later change there); it is missing",
      ]);
    }
  });

  test("the guard, given one anyway, refuses the deletion with one line naming the acceptance with the queue's id, and shows the entry as ignored", () => {
    const env = production([{ address: queueAddress(queue.name), reason: REASON }]);
    const found = guardPlan(deleted(), env);
    expect(blocking(found).map((f) => [f.address, f.id])).toEqual([[queueAddress(queue.name), queueUrl(queue.sqsName)]]);
    expect(refusedLines(deleted(), env)).toEqual([
      `  REFUSED   ${queueAddress(queue.name)}: queue (its messages would be lost) would be DESTROYED; accepted only by { address: ${JSON.stringify(queueAddress(queue.name))}, id: ${JSON.stringify(queueUrl(queue.sqsName))}, reason: "..." }`,
    ]);
    expect(found.filter((f) => f.ignored).map((f) => f.address)).toEqual([queueAddress(queue.name)]);
  });
});

describe("an acceptance of an in-place change ends with its apply", () => {
  const queue = ENV.queues[0];
  const lower = (from: number, to: number) => plan({ address: queueAddress(queue.name), type: "aws_sqs_queue", actions: ["update"], before: queueState(queue.sqsName, from), after: queueState(queue.sqsName, to) });

  test("accepting 345600 -> 60 does not accept the next lowering of the same queue, 60 -> 30; it is reported as spent", () => {
    const [first] = blocking(guardPlan(lower(345600, 60), ENV));
    const env = production(acceptancesFor([first]));
    expect(blocking(guardPlan(lower(345600, 60), env))).toEqual([]);
    const next = guardPlan(lower(60, 30), env);
    expect(blocking(next).map((f) => f.message)).toEqual(["message_retention_seconds 60 -> 30: SQS deletes every message older than 30 s"]);
    expect(next.filter((f) => f.spent).map((f) => f.address)).toEqual([queueAddress(queue.name)]);
  });

  test("a change that raises the retention, or keeps it, is not refused", () => {
    expect(blocking(guardPlan(lower(60, 345600), ENV))).toEqual([]);
    expect(blocking(guardPlan(lower(345600, 345600), ENV))).toEqual([]);
  });
});

describe("the verdict says what the plan does, counted from the plan", () => {
  const attachmentDestroyed = () =>
    plan(
      { address: BOUNDARY_ATTACHMENT, type: "aws_iam_user_policy_attachment", actions: ["delete"], before: { id: "u-1", user: ENV.appsIamUser, policy_arn: POLICY_ARN }, after: null },
      appUpdate(FLOORED, { memory: "3G" }),
    );

  test("the deny-list guard printed 'nothing destroyed or replaced' over a plan with a destroy", () => {
    expect(denyListVerdict(attachmentDestroyed(), ENV).text).toBe("plan guard (production): nothing destroyed or replaced, no app stopped or below its floor\n");
  });

  test("the guard counts the destroy, and says 'no resource destroyed or replaced' only when the plan has none", () => {
    const p = attachmentDestroyed();
    expect(summarizePlan(p)).toEqual({ changes: 2, destroyed: 1, replaced: 0 });
    const text = renderFindings("production", guardPlan(p, ENV), summarizePlan(p));
    expect(text.split("\n")[0]).toBe("plan guard (production): 2 resource changes judged: 1 destroyed, 0 replaced (each is a line below)");
    expect(text).not.toContain("no resource destroyed");
    // Accepted, the destroy is still counted and shown.
    const accepted = production(acceptancesFor(blocking(guardPlan(p, ENV))));
    const acceptedText = renderFindings("production", guardPlan(p, accepted), summarizePlan(p));
    expect(acceptedText.split("\n").slice(0, 2)).toEqual([
      "plan guard (production): 2 resource changes judged: 1 destroyed, 0 replaced (each is a line below), nothing refused",
      `  accepted  ${BOUNDARY_ATTACHMENT}: IAM policy attachment (the apps' user loses its SQS boundary: its keys reach every queue in the account) would be DESTROYED`,
    ]);
  });

  test("every destroy or replace of any type, known or not, is a line of its own; no-ops, reads and forgets are not counted", () => {
    const types = ["aws_sqs_queue", "cloudfoundry_app", "cloudfoundry_route", "cloudfoundry_service_credential_binding", "cloudfoundry_network_policy", "aws_iam_policy", "aws_iam_user_policy_attachment", "null_resource"];
    const changes: Change[] = types.flatMap((type, i) => [
      { address: `${type}.gone${i}`, type, actions: ["delete"], before: { id: `g-${i}`, name: `x${i}` }, after: null },
      { address: `${type}.again${i}`, type, actions: ["create", "delete"], before: { id: `a-${i}`, name: `y${i}` }, after: { name: `y${i}-2` } },
      { address: `${type}.same${i}`, type, actions: ["no-op"], before: { id: `s-${i}` }, after: { id: `s-${i}` } },
      { address: `${type}.forgotten${i}`, type, actions: ["forget"], before: { id: `f-${i}` }, after: null },
    ]);
    const p = plan(...changes);
    expect(summarizePlan(p)).toEqual({ changes: types.length * 3, destroyed: types.length, replaced: types.length });
    const refused = new Set(blocking(guardPlan(p, ENV)).map((f) => f.address));
    for (const c of changes.filter((x) => x.actions.includes("delete"))) expect([c.address, refused.has(c.address)]).toEqual([c.address, true]);
    expect([...refused].filter((a) => /\.(same|forgotten)\d/.test(a))).toEqual([]);
    expect(renderFindings("production", [], summarizePlan(plan(changes[2])))).toBe("plan guard (production): 0 resource changes judged: no resource destroyed or replaced, nothing refused\n");
  });
});

describe("raising an autoscaler minimum deploys", () => {
  test("the plan of a raised minimum (the live count up to it) passes; a plan that keeps the live count below it asks for a new plan, not an acceptance", () => {
    const app = ENV.apps.find((a) => a.instances.mode === "autoscaled" && a.instances.autoscaler.min > (a.instances.mode === "autoscaled" ? a.instances.deployFloor : 0))!;
    const config = smallEstate() as any;
    const scaling = config.environments.find((e: any) => e.name === "production").scaling[app.name];
    const live = scaling.autoscaler.min;
    scaling.autoscaler.min = live + 2;
    const raised = resolveEnvironment(config as EstateConfig, "production");
    const raisedApp = raised.apps.find((a) => a.name === app.name)!;
    expect(deployMinimum(raised, raisedApp)).toBe(live + 2);
    const up = plan({ address: appAddress(app.name), type: "cloudfoundry_app", actions: ["update"], before: { ...appState(app), instances: live }, after: { ...appState(app), instances: Math.max(deployMinimum(raised, raisedApp), live) } });
    expect(guardPlan(up, raised)).toEqual([]);
    const kept = plan({ address: appAddress(app.name), type: "cloudfoundry_app", actions: ["update"], before: { ...appState(app), instances: live }, after: { ...appState(app), instances: live, memory: "3G" } });
    const refused = blocking(guardPlan(kept, raised));
    expect(refused.map((f) => [f.replan, f.message])).toEqual([
      [true, `instances ${live} -> ${live}, below its autoscaler minimum of ${live + 2}: a deploy of this config runs at least ${live + 2} (the larger of the live count, the floor and the autoscaler minimum), so this plan is not from this config`],
    ]);
    const text = renderFindings("production", guardPlan(kept, raised), summarizePlan(kept));
    expect(text).toContain("synthesize and plan again (no acceptance applies)");
    expect(text).not.toContain("allowedDestructiveChanges");
  });
});
