import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { envBindingOrder } from "../../checks/env-binding-order";
import { resolveEstate, type EstateConfig } from "../../config";
import { buildApp } from "../../stacks/build";
import { bindingsForEach } from "../../stacks/addresses";
import { wiringOf } from "../../review/wiring";
import { smallEstate } from "../fixtures/small-estate";
import { app, configWith } from "../checks/fixtures";

// Each app's wiring, read from a synthesized stack, is what NOTIFY-ENV-BINDING-ORDER compares between the
// base and the candidate (as the offline diff does): here end to end on the small fixture estate; the
// check's own cases are in __tests__/checks/env-binding-order.test.ts.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-env-binding-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
function production(config: EstateConfig, name: string) {
  const out = path.join(work, name);
  buildApp(out, resolveEstate(config)).synth();
  return wiringOf(JSON.parse(fs.readFileSync(path.join(out, "stacks", "production", "cdk.tf.json"), "utf8")));
}
const withRedisUrl = (e: any) => {
  e.secrets.push({ name: "REDIS_URL", kind: "secret", encoding: "string", allowedApps: "all", reason: "Rate limits and caches; every app talks to Redis." });
};
const base = production(configWith(withRedisUrl), "base");

test("seeded: notify-redis bound to every app while REDIS_URL is removed in the same change is refused, with the two steps", () => {
  const head = production(configWith((e) => e.apps.forEach((a: any) => (a.services = [...a.services, "notify-redis"]))), "redis-swap");
  const found = envBindingOrder("production", base, head);
  expect(found.map((v) => v.subject)).toEqual(smallEstate().apps.map((a) => a.name).sort());
  expect(found[0]).toEqual({
    check: "NOTIFY-ENV-BINDING-ORDER",
    environment: "production",
    subject: "beat",
    message:
      "binds notify-redis and removes REDIS_URL in one change: its instances would lose the variable before they can see the binding. " +
      "Make it two deploys: (1) bind notify-redis and keep REDIS_URL; (2) once (1) is applied, remove REDIS_URL (its push restarts the app with the binding in place)",
  });
});

test("seeded, the reverse: unbinding a service while adding the variable that replaces it is refused", () => {
  const head = production(configWith((e) => (withRedisUrl(e), app(e, "sender").services = [], (app(e, "sender").env = { DATABASE_URL: "postgres://db.internal/notify" }))), "db-swap");
  expect(envBindingOrder("production", base, head).map((v) => `${v.subject}: ${v.message.split(":")[0]}`)).toEqual(["sender: unbinds db and adds DATABASE_URL in one change"]);
});

test("passing: step 1 alone (bind, keep the variable), then step 2 alone (remove the variable), and an unrelated change", () => {
  const step1 = production(configWith((e) => (withRedisUrl(e), e.apps.forEach((a: any) => (a.services = [...a.services, "notify-redis"])))), "step1");
  const step2 = production(configWith((e) => e.apps.forEach((a: any) => (a.services = [...a.services, "notify-redis"]))), "step2");
  expect(envBindingOrder("production", base, step1)).toEqual([]);
  expect(envBindingOrder("production", step1, step2)).toEqual([]);
  expect(envBindingOrder("production", base, base)).toEqual([]);
});

test("a new app or a removed one is not a move (it has no running instances to break)", () => {
  const fewer = production(configWith((e) => (e.apps = e.apps.filter((a: any) => a.name !== "reporter"))), "fewer");
  expect(envBindingOrder("production", base, fewer)).toEqual([]);
  expect(envBindingOrder("production", fewer, base)).toEqual([]);
});

test("an app's wiring is its variable names and the services config binds it to; a forgotten app's kept binding is not one", () => {
  const stack = {
    resource: {
      cloudfoundry_app: { api: { environment: { A: "1", B: "${data.aws_ssm_parameter.b.value}" } }, worker: {} },
      cloudfoundry_service_credential_binding: {
        db: { for_each: bindingsForEach("db", ["api", "worker"], ["gone"]) },
        redis: { for_each: bindingsForEach("redis", ["worker", "not-in-this-stack"]) },
        other: {},
      },
    },
  };
  expect(Object.fromEntries(wiringOf(stack))).toEqual({ api: { env: ["A", "B"], services: ["db"] }, worker: { env: [], services: ["db", "redis"] } });
  expect(wiringOf(undefined)).toEqual(new Map());
  expect(wiringOf({})).toEqual(new Map());
});
