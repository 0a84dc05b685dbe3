import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EnvironmentName, ResolvedEnvironment } from "../config";
import { estate, resolveEstate } from "../config";

/** A synthesized stack as Terraform reads it. */
export interface Synthesized {
  readonly terraform: Record<string, any>;
  readonly resource: Record<string, Record<string, any>>;
  readonly data: Record<string, Record<string, any>>;
  readonly locals?: Record<string, string>;
  readonly variable?: Record<string, any>;
  readonly provider: Record<string, any>;
}

let resolved: ResolvedEnvironment[] | undefined;
/**
 * The committed estate, resolved from config. Synchronous, for the tests that read it where a suite
 * loads; its checks (every one, the secret scan included: checks/ loadEstate) run once for the whole
 * run in global-setup-synth.ts, and in __tests__/checks/run-checks.test.ts.
 */
export function environments(): ResolvedEnvironment[] {
  return (resolved ??= resolveEstate());
}

/** One environment of the committed estate, resolved and checked. */
export function environment(name: string): ResolvedEnvironment {
  const found = environments().find((e) => e.name === name);
  if (!found) throw new Error(`no environment ${name} in config`);
  return found;
}

let inProcess: string | undefined;
/**
 * The directory global-setup-synth.ts synthesized the estate into, once for the whole run. Under the
 * mutation run (jest.mutation.config.js) the estate is synthesized here instead, inside the test
 * process, where the mutant under test is active: a synthesis from the global setup would hide it.
 */
export function synthDir(): string {
  if (process.env.NOTIFY_TEST_SYNTH_IN_PROCESS) {
    if (!inProcess) {
      // Loaded only here: the other files that use these helpers never synthesize, and would each
      // load the CDK library and its bindings for nothing.
      const { buildApp } = require("../stacks/build") as typeof import("../stacks/build");
      inProcess = fs.mkdtempSync(path.join(os.tmpdir(), "notify-test-synth-"));
      buildApp(inProcess, environments()).synth();
    }
    return inProcess;
  }
  const dir = process.env.NOTIFY_TEST_SYNTH_DIR;
  if (!dir) throw new Error("NOTIFY_TEST_SYNTH_DIR is not set: run the tests through jest.config.js (globalSetup)");
  return dir;
}

const cache = new Map<EnvironmentName, Synthesized>();
/** One environment's synthesized stack, as Terraform reads it. */
export function synth(env: EnvironmentName): Synthesized {
  let out = cache.get(env);
  if (!out) {
    out = JSON.parse(fs.readFileSync(path.join(synthDir(), "stacks", env, "cdk.tf.json"), "utf8")) as Synthesized;
    cache.set(env, out);
  }
  return out;
}

/** Every file under a directory, by relative path. */
export function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) =>
    fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, "utf8");
    });
  walk(dir);
  return out;
}

export function cfApp(env: EnvironmentName, name: string): Record<string, any> {
  const app = synth(env).resource.cloudfoundry_app[name];
  if (!app) throw new Error(`${env}: no cloudfoundry_app.${name}`);
  return app;
}

export const ENVS: readonly EnvironmentName[] = ["preview", "staging", "production"];

/**
 * The text of config/apps.ts with one app's memory changed, whatever today's values are: a line is
 * appended that sets the memory of the first app with no per-environment memory. For tests that need
 * a real edit of config as text (the diff command, the bundle cache).
 */
export function appsWithMemoryChange(text: string): { text: string; app: string; before: string; after: string } {
  const index = estate.apps.findIndex((a) => !Object.values(a.byEnvironment ?? {}).some((v) => v?.memory));
  if (index < 0) throw new Error("every app has a per-environment memory: pick another edit to test with");
  const app = environment("production").apps.find((a) => a.name === estate.apps[index].name)!;
  const after = app.memory === "7G" ? "6G" : "7G";
  return { text: `${text}\n(apps as AppDefinition[])[${index}] = { ...apps[${index}], memory: "${after}" };\n`, app: app.name, before: app.memory, after };
}

/**
 * This project's files copied into a new git repository with one commit ("estate"), sharing this
 * checkout's node_modules: for a command that reads a git ref (diff --base, rehearse --base). `commit`
 * adds a commit of whatever the test changed since; `git` runs any other git command there.
 */
export function projectRepository(prefix: string): { dir: string; git(...args: string[]): void; commit(message: string): void } {
  const root = path.join(__dirname, "..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const git = (...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  // Everything a synth, the diff and a rehearsal read.
  for (const name of ["main.ts", "cdktf.json", "bin", "ci", "config", "constructs", "stacks", "checks", "io", "review", "plan", "offline", "rehearsal", "commands", "providers", ".gen", "package.json", "package-lock.json"]) {
    fs.cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  fs.writeFileSync(path.join(dir, ".gitignore"), "node_modules\n.build\ncdktf.out\n");
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "estate");
  return { dir, git, commit: (message) => git("commit", "-qam", message) };
}

/**
 * A fact about today's estate a test relies on (a service bound to the API, an app that reads one
 * queue). Looked up without throwing where the suite loads, and asserted here, inside the test that
 * needs it: when a config change removes the fact, that test fails saying what to rehearse instead,
 * and the rest of its suite still runs (a suite that cannot load hides all of its tests).
 */
export function precondition<T>(what: string, found: T | undefined | null, instead: string): T {
  if (found === undefined || found === null) throw new Error(`precondition failed: config no longer has ${what}; ${instead}`);
  return found;
}

/** The line every test after the first gets when a setup failed: the first failure of the file has it in full. */
export const SETUP_FAILED = "setup failed: see the first failure of this file";

/** Where setupOnce registers its hooks: jest's, or a test's own (__tests__/helpers.test.ts). */
export interface Hooks {
  beforeAll(fn: () => unknown): void;
  beforeEach(fn: () => unknown): void;
  afterAll(fn: () => unknown): void;
}
const JEST_HOOKS: Hooks = { beforeAll: (fn) => beforeAll(fn), beforeEach: (fn) => beforeEach(fn), afterAll: (fn) => afterAll(fn) };

/** The setups whose block is running (a nested setup does not run when one of these failed). */
const enclosing: { failed: boolean }[] = [];

/**
 * A heavy setup (a rehearsal, a repository, whole processes), in place of beforeAll: when it fails,
 * the first test of the block fails with its error in full and every other test with the one line
 * SETUP_FAILED, where jest would print the same error under every test. It runs once, in a beforeAll
 * where this is called (the file, or a describe block); one inside a block whose enclosing setupOnce
 * failed does not run at all. Returns a getter of the setup's value, for tests that want it. Jest
 * runs no beforeEach for a test.concurrent: such a test calls the getter itself before it uses the setup.
 */
export function setupOnce<T>(fn: () => T | Promise<T>, hooks: Hooks = JEST_HOOKS): () => T {
  const state = { failed: false };
  let outcome: { value: T } | { error: unknown } | "not run" | undefined;
  let reported = false;
  hooks.beforeAll(async () => {
    const skip = enclosing.some((e) => e.failed);
    enclosing.push(state);
    if (skip) {
      outcome = "not run";
      state.failed = true;
      return;
    }
    try {
      outcome = { value: await fn() };
    } catch (error) {
      outcome = { error };
      state.failed = true;
    }
  });
  hooks.afterAll(() => {
    enclosing.splice(enclosing.indexOf(state), 1);
  });
  const get = (): T => {
    if (outcome === undefined) throw new Error("setupOnce: its value was asked for before its beforeAll ran (read it inside a test)");
    if (typeof outcome === "object" && "value" in outcome) return outcome.value;
    if (typeof outcome === "object" && !reported) {
      reported = true;
      throw outcome.error;
    }
    // One line: no stack, which jest would print under it.
    const short = new Error(SETUP_FAILED);
    short.stack = `Error: ${SETUP_FAILED}`;
    throw short;
  };
  hooks.beforeEach(() => {
    get();
  });
  return get;
}
