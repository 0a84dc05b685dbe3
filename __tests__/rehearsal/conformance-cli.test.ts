import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { setupOnce } from "../helpers";
import { runProcess } from "../../offline/harness";
import { estate } from "../../config";
import { dryRunText, LABEL, LiveRefusal, preflight, type Shell } from "../../rehearsal/conformance-live";
import { changedConfig, changesFor, SCENARIOS, unboundConfig } from "../../rehearsal/conformance";
import { loadEstate } from "../../checks";

// `npm run conformance -- --target live` cannot reach a foundation here: what is tested is that it
// refuses every space it must not touch, and that --dry-run says what it would do and changes nothing.
// A fake `cf` on PATH answers the read-only calls the preflight makes and logs every call.
const ROOT = path.join(__dirname, "..", "..");
let dir: string;

// A shell script, not node: the preflight makes several calls and each must start in milliseconds.
const FAKE_CF = `#!/bin/sh
echo "$# $*" >> "$FAKE_CF_LOG"
case "$1" in
  target) printf 'API endpoint:   https://api.sandbox.example\\nAPI version:    3.180.0\\nuser:           someone\\norg:            sandbox-org\\nspace:          whatever\\n' ;;
  curl)
    [ $# -eq 2 ] || { echo "fake cf: not a read-only call: $*" >&2; exit 3; }
    kind=$(echo "$2" | sed 's#^/v3/\\([a-z_]*\\).*#\\1#')
    case "$kind:$2" in
      spaces:*names=$(cat "$FAKE_CF_WORLD/space-name")*|organizations:*|domains:*|apps:*|routes:*|service_instances:*) cat "$FAKE_CF_WORLD/$kind.json" ;;
      *) echo '{"resources":[]}' ;;
    esac ;;
  *) echo "fake cf: not a read-only call: $*" >&2; exit 3 ;;
esac
`;

function world(space: string, contents: { apps?: object[]; routes?: object[]; service_instances?: object[] } = {}): Record<string, any> {
  return {
    spaceName: space,
    organizations: [{ guid: "org-guid", name: "sandbox-org" }],
    spaces: [{ guid: "space-guid", name: space }],
    domains: [{ guid: "d", name: "apps.sandbox.example", internal: false, relationships: { organization: { data: null } } }],
    apps: [],
    routes: [],
    service_instances: [],
    ...contents,
  };
}

let n = 0;
async function conformance(args: string[], w?: Record<string, unknown>) {
  ready(); // jest runs no beforeEach for a concurrent test: each asks for the setup itself
  const at = path.join(dir, `run-${n++}`);
  fs.mkdirSync(at);
  const log = path.join(at, "cf.log");
  const contents = w ?? world("sandbox");
  for (const [k, v] of Object.entries(contents)) {
    fs.writeFileSync(path.join(at, k === "spaceName" ? "space-name" : `${k}.json`), k === "spaceName" ? String(v) : JSON.stringify({ resources: v }));
  }
  fs.writeFileSync(log, "");
  const r = await runProcess(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/conformance.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${path.join(dir, "bin")}:${process.env.PATH}`, FAKE_CF_LOG: log, FAKE_CF_WORLD: at },
  });
  // Each call as "<argument count> <arguments>".
  const calls = fs.readFileSync(log, "utf8").trim().split("\n").filter(Boolean);
  return { ...r, calls };
}

const ready = setupOnce(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "notify-conformance-cli-"));
  fs.mkdirSync(path.join(dir, "bin"));
  fs.writeFileSync(path.join(dir, "bin", "cf"), FAKE_CF, { mode: 0o755 });
  // Build the command's bundle once, before the concurrent runs (bin/run.js reuses it while sources are unchanged).
  await runProcess(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/conformance.ts", "--help"], { cwd: ROOT, env: process.env });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.concurrent("--target live without --space is a usage error (exit 2), and touches no foundation", async () => {
  const r = await conformance(["--target", "live"]);
  expect([r.code, r.stderr, r.calls]).toEqual([2, "conformance: --target live needs --space <a throwaway space>\n", []]);
});

/** The preflight in-process, on a fake shell that answers like the fake cf (faster than a process per case). */
async function preflightOn(space: string, w: Record<string, any>) {
  const calls: string[] = [];
  const shell: Shell = {
    exec: async (s) => {
      calls.push([s.cmd, ...s.args].join(" "));
      if (s.cmd !== "cf") return { code: 127, stdout: "", stderr: `${s.cmd}: command not found` };
      if (s.args[0] === "target") return { code: 0, stdout: "API endpoint:   https://api.sandbox.example\norg:            sandbox-org\n", stderr: "" };
      const url = s.args[1];
      const kind = /^\/v3\/(\w+)/.exec(url)![1];
      const resources = kind === "spaces" && !url.includes(`names=${w.spaceName}`) ? [] : w[kind] ?? [];
      return { code: 0, stdout: JSON.stringify({ resources }), stderr: "" };
    },
  };
  try {
    return { pre: await preflight(shell, { space, env: "production" }, estate), calls };
  } catch (err) {
    if (!(err instanceof LiveRefusal)) throw err;
    return { refused: err.problems, calls };
  }
}

test("an environment's own space is refused before anything is asked of the foundation", async () => {
  for (const space of estate.environments.map((e) => e.space)) {
    const r = await preflightOn(space, world(space));
    expect(r.refused?.[0]).toMatch(new RegExp(`^refused: space "${space}" is an environment's space in config`));
    expect(r.calls).toEqual([]);
  }
});

test("a space that holds anything the suite did not create is refused, naming what it holds", async () => {
  const r = await preflightOn(
    "sandbox",
    world("sandbox", {
      apps: [{ guid: "a1", name: "someones-app", metadata: { labels: {} } }, { guid: "a2", name: "ours", metadata: { labels: { [LABEL]: "true" } } }],
      service_instances: [{ guid: "s1", name: "their-db", metadata: { labels: { [LABEL]: "false" } } }],
    }),
  );
  expect(r.refused?.[0]).toBe('refused: space "sandbox" holds 2 objects this suite did not create (no notify-estate-conformance=true label): app someones-app, service instance their-db');
});

test("a space that does not exist, or no cf, is refused with what to do", async () => {
  expect((await preflightOn("nowhere", world("sandbox"))).refused).toEqual(['refused: no space "nowhere" in org sandbox-org; create a throwaway one: cf create-space nowhere -o sandbox-org']);
  const noCf = await preflight({ exec: async (st) => ({ code: 127, stdout: "", stderr: `${st.cmd}: command not found` }) }, { space: "sandbox", env: "production" }, estate).catch((e: LiveRefusal) => e.problems);
  expect(noCf).toEqual(["cf target failed: cf: command not found; install the cf CLI and cf login first"]);
});

test("a space holding only what an earlier run left (labelled) is accepted, and a dry run says the run removes it first", async () => {
  const r = await preflightOn("sandbox", world("sandbox", { routes: [{ guid: "r", url: "x.apps.sandbox.example", metadata: { labels: { [LABEL]: "true" } } }] }));
  expect(r.pre).toMatchObject({ org: "sandbox-org", spaceGuid: "space-guid", domain: "apps.sandbox.example", ours: ["route x.apps.sandbox.example"] });
  expect(dryRunText({ space: "sandbox", env: "production" }, estate, r.pre!)).toContain("(1 objects of an earlier run, removed first)");
});

test.concurrent("--dry-run on an empty throwaway space says every step it would take, and makes only read-only calls", async () => {
  const r = await conformance(["--target", "live", "--space", "sandbox", "--dry-run"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(r.stdout).toMatch(/^conformance --target live --dry-run: nothing is changed\nspace sandbox in org sandbox-org on https:\/\/api\.sandbox\.example: exists, holds nothing this suite did not create \(empty\)\n/);
  for (const s of SCENARIOS) expect(r.stdout).toContain(`  ${s.id}: expects ${s.expected}\n`);
  // The seed, the deploys and the teardown, as commands a person can read and check.
  expect(r.stdout).toContain("cf create-user-provided-service notify-db -p '{}'");
  expect(r.stdout).toMatch(/aws sqs delete-queue --queue-url '<every SQS queue named conformance-sandbox-\*>'/);
  expect(r.stdout).toContain("routes on apps.sandbox.example");
  // Nothing but `cf target` and GETs through `cf curl` (the fake refuses anything else with exit 3).
  expect(r.calls.length).toBeGreaterThan(0);
  expect(r.calls.filter((c) => c !== "1 target" && !/^2 curl \/v3\//.test(c))).toEqual([]);
});

test.concurrent("--target standin takes no live options, and its dry run runs nothing", async () => {
  const refused = await conformance(["--target", "standin", "--space", "sandbox"]);
  expect([refused.code, refused.stderr]).toEqual([2, "conformance: --space, --org and --domain are for --target live; the stand-in serves the seeded platform\n"]);
  const dry = await conformance(["--target", "standin", "--dry-run"]);
  expect([dry.code, dry.calls]).toEqual([0, []]);
  expect(dry.stdout).toMatch(/^conformance --target standin --dry-run: nothing is run\n/);
});

// npm test runs the suite on a fixture estate (rehearsal.test.ts) and ci/run on production's: what
// would stop the production run first is config no longer holding what its scenarios change (an
// API-only service, two queues only another estate reads, a fixed-count app, two autoscaled workers),
// or a changed config that does not validate. Production only: it is the estate the suite runs on by
// default and in ci/run, and the one a live run is for; another environment may lack such an app (the
// beat at 0 in preview leaves it no running fixed-count app) and that is no reason to fail.
test("the conformance suite finds what its scenarios change in production's estate, and the configs it deploys are valid", async () => {
  const c = changesFor(estate, "production");
  for (const config of [changedConfig(c), unboundConfig(c)]) expect((await loadEstate(config)).environments.map((e) => e.name)).toContain("production");
});
