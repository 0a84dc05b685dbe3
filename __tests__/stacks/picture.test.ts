import { KNOWN_RESOURCE_TYPES, picture, type Stack } from "./picture";
import { ENVS, synth } from "../helpers";

// The renderer behind the per-environment pictures (picture-<env>.test.ts): it must drop nothing,
// and a change of one thing must change one line. Each test edits a copy of a synthesized stack and
// picks what it edits by kind (the first app, the first queue), never by today's names.

const copy = (env: (typeof ENVS)[number]): Stack => JSON.parse(JSON.stringify(synth(env)));
const first = (s: Stack, type: string): [string, Record<string, any>] => {
  const entry = Object.entries(s.resource[type] ?? {})[0] as [string, Record<string, any>] | undefined;
  if (!entry) throw new Error(`precondition failed: the stack has no ${type}`);
  return entry;
};
/** The lines of `after` that are not in `before`, and those of `before` not in `after`. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const b = before.split("\n");
  const a = after.split("\n");
  return { added: a.filter((l) => !b.includes(l)), removed: b.filter((l) => !a.includes(l)) };
}
const pictureOf = (s: Stack) => picture(s, "test").text;

describe.each(ENVS)("%s", (env) => {
  test("the picture renders every resource and data source of the stack (nothing silently dropped)", () => {
    const s = synth(env);
    const all = ["resource", "data"].flatMap((block) =>
      Object.entries((s as Stack)[block] ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((n) => `${block}.${type}.${n}`)),
    );
    expect(all.length).toBeGreaterThan(0);
    expect(picture(s, env).covered).toEqual([...all].sort());
  });

  test("every resource type of the stack is one the picture knows, and each known type it has is counted in the picture", () => {
    const s = synth(env);
    const text = picture(s, env).text;
    for (const type of Object.keys(s.resource)) expect(KNOWN_RESOURCE_TYPES).toContain(type);
    const headers: Record<string, RegExp> = {
      cloudfoundry_app: /^## (\d+) apps?\b/m,
      cloudfoundry_route: /^## (\d+) routes?\b/m,
      cloudfoundry_network_policy: /^## (\d+) network polic(?:y|ies)\b/m,
      cloudfoundry_service_credential_binding: /^## (\d+) service bindings?\b/m,
    };
    for (const [type, header] of Object.entries(headers)) expect([type, Number(header.exec(text)?.[1])]).toEqual([type, Object.keys(s.resource[type] ?? {}).length]);
    // A queue line carries its dead-letter queue: two resources each.
    const queueLines = text.split("\n").filter((l) => l.startsWith("queue ")).length;
    expect(2 * queueLines).toBe(Object.keys(s.resource.aws_sqs_queue ?? {}).length);
    expect(text.split("\n").filter((l) => l.startsWith("app "))).toHaveLength(Object.keys(s.resource.cloudfoundry_app).length);
    expect(text.split("\n").filter((l) => l.startsWith("policy "))).toHaveLength(
      (Object.values(s.resource.cloudfoundry_network_policy ?? {}) as any[]).reduce((n, p) => n + p.policies.length, 0),
    );
  });

  test("the picture flags nothing as missing or unresolved in the committed stack", () => {
    expect(picture(synth(env), env).text).not.toMatch(/UNSET|NOT IN THE STACK|NOT A RESOURCE OF THE STACK|NO DEAD-LETTER QUEUE|NO POLICIES|\(no app\)/);
  });

  test("the picture is deterministic: the same stack with every key order reversed gives the same text", () => {
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    expect(pictureOf(reversed(copy(env)) as Stack)).toBe(pictureOf(copy(env)));
  });
});

test("a resource type the picture does not know fails, naming it: a new kind of resource cannot hide", () => {
  const s = copy("preview");
  s.resource.aws_sns_topic = { alerts: { name: "alerts" } };
  expect(() => pictureOf(s)).toThrow(/does not know the resource type\(s\) aws_sns_topic/);
});

test("a top-level block the picture does not know fails, naming it", () => {
  const s = copy("preview");
  s.check = { health: {} };
  expect(() => pictureOf(s)).toThrow(/does not know the top-level block\(s\) check/);
});

test("one app's memory change is one changed line, on that app", () => {
  const s = copy("production");
  const before = pictureOf(s);
  const [, app] = first(s, "cloudfoundry_app");
  app.memory = app.memory === "7G" ? "6G" : "7G";
  const { added, removed } = changedLines(before, pictureOf(s));
  expect(removed).toHaveLength(1);
  expect(added).toEqual([removed[0].replace(/memory [^,]+,/, `memory ${app.memory},`)]);
  expect(added[0]).toMatch(new RegExp(`^app ${app.name}: `));
});

test("one queue's visibility timeout and one network policy's port are one changed line each", () => {
  const s = copy("staging");
  const before = pictureOf(s);
  const [, queue] = Object.entries(s.resource.aws_sqs_queue as Record<string, any>).find(([, q]) => q.redrive_policy)!;
  queue.visibility_timeout_seconds += 1;
  const [, policy] = first(s, "cloudfoundry_network_policy");
  policy.policies[0].port = "9999";
  const { added, removed } = changedLines(before, pictureOf(s));
  expect(removed).toHaveLength(2);
  expect(added.filter((l) => l.startsWith(`queue ${queue.name}: visibility ${queue.visibility_timeout_seconds} s`))).toHaveLength(1);
  expect(added.filter((l) => l.startsWith("policy ") && l.endsWith(" 9999"))).toHaveLength(1);
});

test("an attribute the picture does not name still shows: on the one app that has it, or once on the header when every app has it", () => {
  const s = copy("preview");
  const [, app] = first(s, "cloudfoundry_app");
  app.readiness_health_check_type = "http";
  const one = changedLines(pictureOf(copy("preview")), pictureOf(s));
  expect(one.added).toHaveLength(1);
  expect(one.added[0]).toMatch(new RegExp(`^app ${app.name}: .*, readiness_health_check_type=http$`));
  for (const a of Object.values(s.resource.cloudfoundry_app) as any[]) a.readiness_health_check_type = "http";
  const all = changedLines(pictureOf(copy("preview")), pictureOf(s));
  expect(all.added).toHaveLength(1);
  expect(all.added[0]).toMatch(/^## \d+ apps; every app unless its line says otherwise: .*readiness_health_check_type=http/);
});

test("what is wrong is shown, not dropped: a queue without a dead-letter queue, a route to no app of the stack, an import to nothing", () => {
  const s = copy("preview");
  const [id, queue] = Object.entries(s.resource.aws_sqs_queue as Record<string, any>).find(([, q]) => q.redrive_policy)!;
  delete queue.redrive_policy;
  const [, route] = first(s, "cloudfoundry_route");
  route.destinations = [{ app_id: "${cloudfoundry_app.gone.id}" }];
  s.import = [...(s.import ?? []), { to: "cloudfoundry_app.gone", id: "x" }];
  const p = picture(s, "test");
  expect(p.text).toMatch(new RegExp(`^queue ${queue.name}: .*NO DEAD-LETTER QUEUE`, "m"));
  // Its dead-letter queue, no longer one, is a queue of its own, still rendered.
  expect(p.covered).toContain(`resource.aws_sqs_queue.${id}-dead-letter`);
  expect(p.text).toMatch(/^route .* -> \$\{cloudfoundry_app\.gone\.id\} \(NOT IN THE STACK\)$/m);
  expect(p.text).toContain("import to cloudfoundry_app.gone: NOT A RESOURCE OF THE STACK");
});
