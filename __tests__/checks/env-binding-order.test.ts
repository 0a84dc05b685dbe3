import { envBindingOrder, type AppWiring } from "../../checks/env-binding-order";

// NOTIFY-ENV-BINDING-ORDER compares each app's wiring (variable names, bound services) in the base with
// the candidate's. Here on small wirings named after the fixture estate's apps; reading them from a
// synthesized stack, end to end, is __tests__/review/wiring.test.ts.
type Wiring = Record<string, Partial<AppWiring>>;
const wiring = (apps: Wiring): Map<string, AppWiring> => new Map(Object.entries(apps).map(([name, w]) => [name, { env: w.env ?? [], services: w.services ?? [] }]));
const found = (base: Wiring, head: Wiring) => envBindingOrder("production", wiring(base), wiring(head)).map((v) => `${v.environment}/${v.subject}: ${v.message}`);

const bindRemove = (app: string, bound: string, removed: string) =>
  `production/${app}: binds ${bound} and removes ${removed} in one change: its instances would lose the variable before they can see the binding. ` +
  `Make it two deploys: (1) bind ${bound} and keep ${removed}; (2) once (1) is applied, remove ${removed} (its push restarts the app with the binding in place)`;
const unbindAdd = (app: string, unbound: string, added: string) =>
  `production/${app}: unbinds ${unbound} and adds ${added} in one change: the unbind comes first and revokes the credentials its instances use until the push replaces them. ` +
  `Make it two deploys: (1) add ${added} and keep the binding; (2) once (1) is applied, unbind ${unbound}`;

test("seeded: a service bound while the variable it replaces is removed is refused, with the two steps", () => {
  expect(found({ sender: { env: ["REDIS_URL", "SECRET_KEY"], services: ["db"] } }, { sender: { env: ["SECRET_KEY"], services: ["db", "notify-redis"] } })).toEqual([
    bindRemove("sender", "notify-redis", "REDIS_URL"),
  ]);
});

test("seeded, the reverse: a service unbound while the variable that replaces it is added is refused, with the two steps", () => {
  expect(found({ sender: { env: ["SECRET_KEY"], services: ["db"] } }, { sender: { env: ["DATABASE_URL", "SECRET_KEY"], services: [] } })).toEqual([
    unbindAdd("sender", "db", "DATABASE_URL"),
  ]);
});

test("several services and variables in one move are each named, sorted, in the finding and in both steps", () => {
  const base = { sender: { env: ["SECRET_KEY", "REDIS_URL", "DATABASE_URL"], services: ["notify-splunk", "notify-logs"] } };
  expect(found(base, { sender: { env: ["SECRET_KEY"], services: ["notify-splunk", "notify-logs", "notify-redis", "db"] } })).toEqual([
    bindRemove("sender", "db, notify-redis", "DATABASE_URL, REDIS_URL"),
  ]);
  expect(found(base, { sender: { env: ["SECRET_KEY", "REDIS_URL", "DATABASE_URL", "SPLUNK_URL", "LOGS_URL"], services: [] } })).toEqual([
    unbindAdd("sender", "notify-logs, notify-splunk", "LOGS_URL, SPLUNK_URL"),
  ]);
});

test("both moves on one app are two findings; apps are reported in name order whatever order the stack lists them", () => {
  const base = { sender: { env: ["REDIS_URL"], services: ["db"] }, beat: { env: ["REDIS_URL"] }, "notify-api": { env: ["REDIS_URL"] } };
  const head = {
    sender: { env: ["DATABASE_URL"], services: ["notify-redis"] },
    beat: { services: ["notify-redis"] },
    "notify-api": { services: ["notify-redis"] },
  };
  expect(found(base, head)).toEqual([
    bindRemove("beat", "notify-redis", "REDIS_URL"),
    bindRemove("notify-api", "notify-redis", "REDIS_URL"),
    bindRemove("sender", "notify-redis", "REDIS_URL"),
    unbindAdd("sender", "db", "DATABASE_URL"),
  ]);
  expect(envBindingOrder("staging", wiring(base), wiring(head))[0]).toEqual({
    check: "NOTIFY-ENV-BINDING-ORDER",
    environment: "staging",
    subject: "beat",
    message: bindRemove("beat", "notify-redis", "REDIS_URL").replace("production/beat: ", ""),
  });
});

test("passing: step 1 alone (bind, keep the variable), then step 2 alone (remove the variable), and no change", () => {
  const base = { sender: { env: ["REDIS_URL"], services: ["db"] } };
  const step1 = { sender: { env: ["REDIS_URL"], services: ["db", "notify-redis"] } };
  const step2 = { sender: { env: [], services: ["db", "notify-redis"] } };
  expect(found(base, step1)).toEqual([]);
  expect(found(step1, step2)).toEqual([]);
  expect(found(base, base)).toEqual([]);
  // The reverse move in its two steps: add the variable, then unbind.
  expect(found(step2, step1)).toEqual([]);
  expect(found(step1, base)).toEqual([]);
});

test("passing: a binding and a variable both added, or both removed, is no move between them", () => {
  const base = { sender: { env: ["SECRET_KEY"], services: ["db"] } };
  const more = { sender: { env: ["SECRET_KEY", "REDIS_URL"], services: ["db", "notify-redis"] } };
  expect(found(base, more)).toEqual([]);
  expect(found(more, base)).toEqual([]);
});

test("passing: the move split across two apps is no move on either", () => {
  expect(found({ sender: { env: ["REDIS_URL"] }, beat: {} }, { sender: {}, beat: { services: ["notify-redis"] } })).toEqual([]);
});

test("a new app or a removed one is not a move (it has no running instances to break)", () => {
  const base = { sender: { env: ["REDIS_URL"] } };
  const head = { sender: { env: ["REDIS_URL"] }, reporter: { env: [], services: ["notify-redis"] } };
  expect(found(base, head)).toEqual([]);
  expect(found(head, base)).toEqual([]);
  expect(found({ reporter: { env: ["REDIS_URL"] } }, { sender: { services: ["notify-redis"] } })).toEqual([]);
});
