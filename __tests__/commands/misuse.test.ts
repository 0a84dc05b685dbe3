import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProcess } from "../../offline/harness";

// Ordinary misuse: each is one line (or a few, naming the source file and line for a
// program that does not build or load), the documented exit code, no stack trace, and nothing left
// behind. A stack trace is printed only for a bug in this project.
const ROOT = path.join(__dirname, "..", "..");
const STACK_FRAME = /^\s+at /m;

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-misuse-"));
  // A link whose target does not exist yet: writing "to it" would create a file nobody named.
  fs.symlinkSync(path.join(work, "target.yml"), path.join(work, "link.yml"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A command of this checkout, as a whole process. */
const command = (entry: string, args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) =>
  runProcess(process.execPath, [path.join(opts.cwd ?? ROOT, "bin", "run.js"), entry, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: "1", ...opts.env }, input: opts.input });

/**
 * Temporary files in the repository root, config/ and the work directory (manifest --out config once
 * left config.tmp in the root), and what the work directory holds: a command must leave nothing behind.
 */
const listing = () => [...[ROOT, path.join(ROOT, "config")].flatMap((d) => fs.readdirSync(d).filter((f) => /tmp/i.test(f))), "--", ...fs.readdirSync(work)].sort();

describe("output paths", () => {
  test.each([
    ["manifest --out <a directory>", "commands/manifest.ts", () => ["notify-api", "preview", "--out", "config"], /^manifest: cannot write the manifest to config: it is a directory; give a file name/],
    ["manifest --out into a directory that does not exist", "commands/manifest.ts", () => ["notify-api", "preview", "--out", path.join(work, "no-such-dir", "m.yml")], /directory \S+no-such-dir does not exist; create it first$/],
    ["manifest --out a symbolic link", "commands/manifest.ts", () => ["notify-api", "preview", "--out", path.join(work, "link.yml")], /it is a symbolic link/],
    ["manifest --out into a directory that takes no files", "commands/manifest.ts", () => ["notify-api", "preview", "--out", "/proc/m.yml"], /^manifest: cannot write the manifest to \/proc\/m.yml: /],
    ["manifest --out an empty name", "commands/manifest.ts", () => ["notify-api", "preview", "--out", ""], /the file name is empty/],
    ["report --out <a file>", "commands/report.ts", () => ["--out", "package.json"], /^report: cannot write report.json into package.json: it is a file, not a directory; give a directory$/],
    ["report --out under a directory that does not exist", "commands/report.ts", () => ["--out", path.join(work, "a", "b")], /directory \S+ does not exist; create it first$/],
  ])("%s: one line, exit 2, nothing left behind", async (_what, entry, args, message) => {
    const before = listing();
    const r = await command(entry, args());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(message)]);
    expect(r.stdout).toBe("");
    expect(listing()).toEqual(before);
  });

  test("manifest --out a file writes it whole, with no temporary file beside it", async () => {
    const out = path.join(work, "written", "m.yml");
    fs.mkdirSync(path.dirname(out));
    const r = await command("commands/manifest.ts", ["notify-api", "preview", "--out", out]);
    expect([r.code, r.stderr]).toEqual([0, `manifest: wrote ${out}\n`]);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["m.yml"]);
    expect(fs.readFileSync(out, "utf8")).toMatch(/^---\n# notify-api in preview/);
  });
});

describe("options and paths as the caller meant them", () => {
  test("--out given twice is refused, naming the option, and neither file is written (the last one used to win silently)", async () => {
    const [a, b] = [path.join(work, "twice-a.yml"), path.join(work, "twice-b.yml")];
    const r = await command("commands/manifest.ts", ["notify-api", "preview", "--out", a, "--out", b]);
    expect([r.code, r.stderr]).toEqual([2, `manifest: option '--out <file>' argument '${b}' is invalid. --out was given more than once; give it once (see --help)\n`]);
    expect([fs.existsSync(a), fs.existsSync(b)]).toEqual([false, false]);
  });

  test("a relative --out typed in a subdirectory is written there, and the line says where (npm runs commands in the root)", async () => {
    const sub = path.join(work, "typed-here");
    fs.mkdirSync(sub);
    const r = await command("commands/manifest.ts", ["notify-api", "preview", "--out", "m.yml"], { env: { npm_lifecycle_event: "manifest", INIT_CWD: sub } });
    expect([r.code, r.stderr]).toEqual([0, `manifest: wrote ${path.join(sub, "m.yml")}\n`]);
    expect(fs.readdirSync(sub)).toEqual(["m.yml"]);
  });

  test("npm run diff --base main (no --): npm took --base, and the command says to put -- before its options", async () => {
    const r = await command("commands/diff.ts", ["main"], { env: { npm_lifecycle_event: "diff", npm_config_base: "true" } });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n").pop()).toBe("diff: npm took --base as its own setting: put -- before the command's options (npm run diff -- --base ...)");
    const plain = await command("commands/diff.ts", ["main"], { env: { npm_lifecycle_event: "diff" } });
    expect(plain.stderr).not.toContain("npm took");
  });
});

describe("input files", () => {
  const plan = (input: string) => command("commands/plan-guard.ts", ["production", "-"], { input });
  test.each([
    ["a directory", ["production", "config"], /^plan-guard: cannot read the plan config: it is a directory; give a file$/],
    ["a missing file", ["production", "no-such-plan.json"], /^plan-guard: cannot read the plan no-such-plan.json: no such file$/],
  ])("the plan guard given %s: one line, exit 2", async (_what, args, message) => {
    const r = await command("commands/plan-guard.ts", args);
    expect([r.code, r.stderr.trimEnd().split("\n")]).toEqual([2, [expect.stringMatching(message)]]);
  });

  test("the saved binary plan (a zip, starting PK) gets the hint to run terraform show -json", async () => {
    const r = await plan("PK\u0003\u0004\u0014\u0000binary plan");
    expect([r.code, r.stderr]).toEqual([2, "plan-guard: the plan on standard input is the saved binary plan (a zip file), not its JSON: give it `terraform show -json <planfile>`\n"]);
  });

  test("terraform show text gets the same hint", async () => {
    const r = await plan("\nTerraform used the selected providers to generate the following execution plan.\n  # cloudfoundry_app.notify-api will be updated in-place\nPlan: 0 to add, 1 to change, 0 to destroy.\n");
    expect([r.code, r.stderr]).toEqual([2, "plan-guard: the plan on standard input is `terraform show` text, not JSON: give it `terraform show -json <planfile>`\n"]);
  });

  test("a synthesized stack and a state are named as what they are", async () => {
    const stack = await plan(JSON.stringify({ terraform: { backend: {} }, resource: {} }));
    expect([stack.code, stack.stderr]).toEqual([2, expect.stringContaining("is a synthesized stack (cdk.tf.json), not a plan")]);
    const state = await plan(JSON.stringify({ format_version: "1.0", terraform_version: "1.11.4", values: { root_module: {} } }));
    expect([state.code, state.stderr]).toEqual([2, expect.stringContaining("is a Terraform state")]);
  });
});

describe("a program that does not build or load: the source file and line, no stack trace, exit 2", () => {
  // A copy of the program in a temporary directory, so that breaking it breaks nothing else.
  let copy: string;
  beforeAll(() => {
    copy = path.join(work, "project");
    for (const entry of ["bin", "config", "io", "review", "plan", "offline", "rehearsal", "commands", "checks", "stacks", "constructs", ".gen", "main.ts", "package.json", "package-lock.json", "tsconfig.json", "cdktf.json"]) {
      fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
  });
  const queues = () => path.join(copy, "config", "queues.ts");
  let original: string;
  beforeEach(() => (original = fs.readFileSync(queues(), "utf8")));
  afterEach(() => fs.writeFileSync(queues(), original));

  test.each([
    ["a syntax error", (s: string) => `${s}\nexport const broken = ;\n`, ["synth: cannot build main.ts: config/queues.ts:", "synth:     export const broken = ;"], /config\/queues\.ts:\d+:\d+: Unexpected ";"/],
    ["an import of a file that does not exist", (s: string) => `import { gone } from "./no-such-file";\nexport const uses = gone;\n${s}`, ["synth: cannot build main.ts: config/queues.ts:1:"], /Could not resolve "\.\/no-such-file"/],
    ["an import of an export that does not exist", (s: string) => `import { noSuchExport } from "./units";\nexport const uses = noSuchExport;\n${s}`, ["synth: cannot build main.ts: config/queues.ts:1:"], /No matching export in "config\/units.ts" for import "noSuchExport"/],
    [
      "a circular import",
      (s: string) => `import { estate } from "./index";\nexport const appCount = estate.apps.length;\n${s}`,
      ["synth: cannot load config/queues.ts:2:", "synth: config/queues.ts is in an import cycle (config/queues.ts -> config/index.ts -> config/queues.ts)"],
      /TypeError: Cannot read properties of undefined/,
    ],
  ])("%s", async (_what, edit, starts, message) => {
    fs.writeFileSync(queues(), edit(original));
    const r = await command("main.ts", [], { cwd: copy });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(3);
    starts.forEach((s, i) => expect(lines[i].startsWith(s)).toBe(true));
    expect(lines[0]).toMatch(message);
    expect(fs.existsSync(path.join(copy, "cdktf.out"))).toBe(false);
  });
});

test("plan-guard - with a terminal on standard input says it expects a pipe instead of waiting silently", async () => {
  const { readInput } = await import("../../commands/cli");
  // The terminal is stood in for: touching process.stdin in a jest worker keeps the worker alive.
  expect(() => readInput("-", "the plan", "terraform show -json <planfile> | npm run -s plan-guard -- <env> -", () => true)).toThrow(
    "expects the plan on standard input, which is a terminal: pipe it in (terraform show -json <planfile> | npm run -s plan-guard -- <env> -), or give a file name instead of -",
  );
});

test("the same, through a real terminal, where util-linux's script can give one", async () => {
  if (spawnSync("script", ["--version"]).status !== 0) return; // no pseudo-terminal to be had: the test above stands
  const r = spawnSync("script", ["-qec", `"${process.execPath}" bin/run.js commands/plan-guard.ts production -`, "/dev/null"], { cwd: ROOT, encoding: "utf8", input: "", timeout: 60_000 });
  expect(r.stdout.replace(/\r/g, "")).toContain("plan-guard: expects the plan on standard input, which is a terminal: pipe it in");
  expect(r.status).toBe(2);
});

test("rehearse --base with an empty ref, or with --empty or --reseed, is refused before anything is synthesized or written", async () => {
  // Its own temporary directory, so that a refusal that made a working directory first and left it
  // there shows as a file left behind.
  const tmp = fs.mkdtempSync(path.join(work, "rehearse-tmp-"));
  for (const [args, message] of [
    [["production", "--base", ""], "rehearse: --base needs a ref: a branch, tag or commit\n"],
    [["production", "--base", "HEAD", "--empty"], "rehearse: --base rehearses a change on the live platform: it does not combine with --empty or --reseed\n"],
  ] as const) {
    const r = await command("commands/rehearse.ts", [...args], { env: { TMPDIR: tmp } });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", message]);
  }
  expect(fs.readdirSync(tmp)).toEqual([]);
});

test("rehearse --reseed with --empty or --keep is refused before anything is written (it rewrote the committed fixture)", async () => {
  const fixture = path.join(ROOT, "offline", "platforms", "production.json");
  const before = fs.readFileSync(fixture, "utf8");
  for (const flag of ["--empty", "--keep"]) {
    const r = await command("commands/rehearse.ts", ["production", "--reseed", flag]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", `rehearse: option '--reseed' cannot be used with option '${flag}' (see --help)\n`]);
  }
  expect(fs.readFileSync(fixture, "utf8")).toBe(before);
});

describe("synth's output directory (CDKTF_OUTDIR) is replaced wholesale, so it must be one a synth may replace", () => {
  test("a directory holding other files is refused, and they stay (CDKTF_OUTDIR=docs replaced docs/)", async () => {
    const dir = path.join(work, "not-an-output");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "notes.md"), "mine\n");
    const r = await command("main.ts", [], { env: { CDKTF_OUTDIR: dir } });
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^synth: cannot write the stacks into \S+not-an-output: it holds files that are not an earlier synth's output \(e\.g\. notes\.md\).*\n$/)]);
    expect(fs.readdirSync(dir)).toEqual(["notes.md"]);
  });

  test("a file is refused, and stays a file (CDKTF_OUTDIR=package.json turned it into a directory)", async () => {
    const file = path.join(work, "a-file.json");
    fs.writeFileSync(file, "{}\n");
    const r = await command("main.ts", [], { env: { CDKTF_OUTDIR: file } });
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("it is a file, and the output would replace it with a directory")]);
    expect(fs.readFileSync(file, "utf8")).toBe("{}\n");
  });

  test("a new directory, or an earlier synth's output, is written", async () => {
    const out = path.join(work, "synth-out");
    for (let i = 0; i < 2; i++) {
      const r = await command("main.ts", [], { env: { CDKTF_OUTDIR: out } });
      expect(r.code).toBe(0);
    }
    expect(fs.readdirSync(out)).toEqual(expect.arrayContaining(["stacks", "report.json"]));
  });
});

test("a reader that stops early (report | head -1) gets no stack trace, and the command still finishes its work", () => {
  const out = fs.mkdtempSync(path.join(work, "piped-"));
  const r = spawnSync("bash", ["-c", `"${process.execPath}" bin/run.js commands/report.ts --out "${out}" 2>"${out}/stderr" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: "utf8" });
  expect(r.stdout.trim()).toBe("0");
  expect(fs.readFileSync(path.join(out, "stderr"), "utf8")).toBe("");
  expect(fs.existsSync(path.join(out, "report.json"))).toBe(true);
});

test("Ctrl-C in the middle of a rehearsal removes its work directory and exits 130", async () => {
  const tmp = fs.mkdtempSync(path.join(work, "tmp-"));
  try {
    const { spawn } = await import("child_process");
    // Its own process group, signalled whole, as a terminal's Ctrl-C signals the foreground job.
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "run.js"), "commands/rehearse.ts", "production"], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, detached: true, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let seen = false;
    while (!seen) {
      seen = fs.readdirSync(tmp).some((f) => f.startsWith("notify-rehearse-"));
      if (!seen) await new Promise((r) => setTimeout(r, 5));
    }
    process.kill(-child.pid!, "SIGINT");
    expect([await exited, fs.readdirSync(tmp)]).toEqual([130, []]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
