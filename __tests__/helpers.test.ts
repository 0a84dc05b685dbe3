import { setupOnce, SETUP_FAILED, type Hooks } from "./helpers";

// setupOnce on hooks of the test's own, driven by hand, as jest drives them: a seeded failing setup
// must fail the first test in full and the others with one line, which a real failing setup here
// would do to this file's tests.
function fakeHooks() {
  const registered = { beforeAll: [] as (() => unknown)[], beforeEach: [] as (() => unknown)[], afterAll: [] as (() => unknown)[] };
  const hooks: Hooks = { beforeAll: (fn) => registered.beforeAll.push(fn), beforeEach: (fn) => registered.beforeEach.push(fn), afterAll: (fn) => registered.afterAll.push(fn) };
  /** What each test's beforeEach did: "ok", or the error it threw. */
  const eachTest = (): unknown => {
    try {
      for (const fn of registered.beforeEach) fn();
      return "ok";
    } catch (error) {
      return error;
    }
  };
  return { hooks, registered, eachTest };
}

test("a setup that fails: the first test gets its error in full, every later test one line without a stack", async () => {
  const { hooks, registered, eachTest } = fakeHooks();
  const seeded = new Error("the rehearsal could not start: terraform init failed\nwith its whole log");
  let runs = 0;
  setupOnce(() => {
    runs++;
    throw seeded;
  }, hooks);
  for (const fn of registered.beforeAll) await fn(); // does not throw: jest would print it under every test
  const [first, ...rest] = [eachTest(), eachTest(), eachTest()];
  expect(first).toBe(seeded);
  for (const e of rest) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toBe(SETUP_FAILED);
    expect((e as Error).stack).toBe(`Error: ${SETUP_FAILED}`);
  }
  expect(runs).toBe(1);
  for (const fn of registered.afterAll) await fn();
});

test("an async setup that rejects is reported the same way", async () => {
  const { hooks, registered, eachTest } = fakeHooks();
  setupOnce(async () => Promise.reject(new Error("seeded")), hooks);
  for (const fn of registered.beforeAll) await fn();
  expect((eachTest() as Error).message).toBe("seeded");
  expect((eachTest() as Error).message).toBe(SETUP_FAILED);
  for (const fn of registered.afterAll) await fn();
});

test("a setup that passes runs once and returns its value to every test", async () => {
  const { hooks, registered, eachTest } = fakeHooks();
  let runs = 0;
  const value = setupOnce(async () => ({ runs: ++runs }), hooks);
  expect(() => value()).toThrow("before its beforeAll ran");
  for (const fn of registered.beforeAll) await fn();
  expect([eachTest(), eachTest()]).toEqual(["ok", "ok"]);
  expect(value()).toEqual({ runs: 1 });
  expect(value()).toBe(value());
  for (const fn of registered.afterAll) await fn();
});

test("a setup inside a block whose enclosing setup failed does not run; its tests get the one line", async () => {
  const outer = fakeHooks();
  const inner = fakeHooks();
  let innerRuns = 0;
  setupOnce(() => {
    throw new Error("seeded");
  }, outer.hooks);
  setupOnce(() => innerRuns++, inner.hooks);
  // jest's order: the outer block's beforeAll, then the inner block's; each test runs the outer beforeEach first.
  for (const fn of [...outer.registered.beforeAll, ...inner.registered.beforeAll]) await fn();
  expect(innerRuns).toBe(0);
  expect((outer.eachTest() as Error).message).toBe("seeded");
  expect((inner.eachTest() as Error).message).toBe(SETUP_FAILED);
  for (const fn of [...inner.registered.afterAll, ...outer.registered.afterAll]) await fn();
  // Once the failed block has ended, a later block's setup runs again.
  const later = fakeHooks();
  setupOnce(() => innerRuns++, later.hooks);
  for (const fn of later.registered.beforeAll) await fn();
  expect(innerRuns).toBe(1);
  for (const fn of later.registered.afterAll) await fn();
});

describe("on jest's own hooks", () => {
  let runs = 0;
  const value = setupOnce(async () => `ready after ${++runs} run`);
  test("the value reaches the first test", () => expect(value()).toBe("ready after 1 run"));
  test("and the next, without a second run", () => expect([value(), runs]).toEqual(["ready after 1 run", 1]));
});

test("every test's Terraform reads the project's CLI configuration, never the machine's", () => {
  const file = require("path").join(__dirname, "fixtures", "terraform-cli.tfrc");
  expect(process.env.TF_CLI_CONFIG_FILE).toBe(file);
  expect(require("fs").readFileSync(file, "utf8")).toMatch(/^disable_checkpoint = true$/m);
});
