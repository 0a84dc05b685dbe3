import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { synthDir } from "../helpers";

// cdktf is archived (0.21.0 is final); CDK Terrain (cdktn) continues it. The users keep cdktf, and
// this file proves every run that the way off it still works: the same program, bundled with `cdktf`
// aliased to `cdktn` (`npm run synth -- --lib cdktn`), writes the same Terraform, and the library
// stays in the few directories a move would rename it in (docs/toolchain.md).
const ROOT = path.join(__dirname, "..", "..");
const ENVS = ["preview", "staging", "production"];
const versionOf = (lib: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", lib, "package.json"), "utf8")).version as string;

/** A synthesized JSON file with the library's own version (the one difference allowed) taken out. */
function withoutLibraryVersion(file: string): { version: unknown; rest: unknown } {
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  const holder = file.endsWith("manifest.json") ? json : json["//"].metadata;
  const version = holder.version;
  delete holder.version;
  return { version, rest: json };
}

describe("the estate synthesized with CDK Terrain", () => {
  let out: string;
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "notify-cdktn-"));
    run = spawnSync(process.execPath, ["bin/run.js", "main.ts", "--lib", "cdktn"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: path.join(out, "cdktf.out") },
    });
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test("succeeds through the same bundle, built with cdktn and without any of cdktf", () => {
    expect([run.status, String(run.stderr).split("\n").filter((l) => l && !l.startsWith("synth: warning: "))]).toEqual([0, []]);
    const bundle = fs.readFileSync(path.join(ROOT, ".build", "cdktn", "main.js"), "utf8");
    const libraryModules = (lib: string) => new Set([...bundle.matchAll(new RegExp(`"node_modules/${lib}/lib/[^"]+"`, "g"))].map((m) => m[0]));
    expect(libraryModules("cdktn").size).toBeGreaterThan(50);
    expect([...libraryModules("cdktf")]).toEqual([]);
  });

  test.each(ENVS)("%s: the same Terraform as cdktf's, only the library's version in the metadata differs", (env) => {
    const file = path.join("stacks", env, "cdk.tf.json");
    const cdktn = withoutLibraryVersion(path.join(out, "cdktf.out", file));
    const cdktf = withoutLibraryVersion(path.join(synthDir(), file));
    expect([cdktf.version, cdktn.version]).toEqual([versionOf("cdktf"), versionOf("cdktn")]);
    expect(cdktn.version).not.toBe(cdktf.version);
    expect(cdktn.rest).toEqual(cdktf.rest);
  });

  test("the same manifest (stacks, paths, dependencies), only the library's version differs", () => {
    const cdktn = withoutLibraryVersion(path.join(out, "cdktf.out", "manifest.json"));
    const cdktf = withoutLibraryVersion(path.join(synthDir(), "manifest.json"));
    expect([cdktf.version, cdktn.version]).toEqual([versionOf("cdktf"), versionOf("cdktn")]);
    expect(cdktn.rest).toEqual(cdktf.rest);
  });

  test("an unknown --lib is refused before anything is built or written", () => {
    const bad = spawnSync(process.execPath, ["bin/run.js", "main.ts", "--lib", "cdk8s"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("run: --lib cdk8s: not a library this bundle can be built with; use one of cdktf, cdktn");
    expect(fs.existsSync(path.join(ROOT, ".build", "cdk8s"))).toBe(false);
  });
});

describe("the library stays where a move renames it", () => {
  // A move to CDK Terrain renames `cdktf` -> `cdktn` and `@cdktf/provider-*` -> `@cdktn/provider-*`
  // in these directories and nowhere else; .gen is regenerated with cdktn's generator.
  const ALLOWED = ["stacks/", "constructs/", ".gen/"];
  // Tests follow the code they test (construct unit tests use the library's Testing), and the
  // bindings generator is the library's own tool: both named here, each with its reason.
  // The stack check parses expressions with @cdktf/hcl2json, hashicorp/hcl compiled to WebAssembly: a
  // tool the cdktf project publishes, not the CDK library; a move renames its import there too.
  const ALSO = ["__tests__/", "scripts/generate-bindings.js", "plan/stack-check.ts"];
  const SKIP = new Set(["node_modules", ".git", ".build", "cdktf.out", ".stryker-tmp", "coverage", "reports", ".terraform"]);

  /** The CDK library packages a file imports (import ... from, import(), require()). */
  function libraryImports(text: string): string[] {
    const spec = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']((?:cdktf|cdktn|@cdktf\/[\w.-]+|@cdktn\/[\w.-]+)(?:\/[^"']*)?)["']/gm;
    return [...text.matchAll(spec)].map((m) => m[1]);
  }

  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) return SKIP.has(e.name) ? [] : sourceFiles(rel);
      return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [rel] : [];
    });
  }

  test("the import finder sees every form of import, and only the library's packages", () => {
    const seeded = [
      'import { App } from "cdktf";',
      "import * as aws from '@cdktf/provider-aws/lib/provider';",
      'const { Testing } = require("cdktn");',
      'const lazy = await import("cdktf/lib/tokens");',
      'import "@cdktn/provider-aws";',
      'import { Construct } from "constructs";',
      'spawnSync("node_modules/.bin/cdktf", ["synth"]);',
      'const cli = require("cdktf-cli");',
    ].join("\n");
    expect(libraryImports(seeded)).toEqual(["cdktf", "@cdktf/provider-aws/lib/provider", "cdktn", "cdktf/lib/tokens", "@cdktn/provider-aws"]);
  });

  test("cdktf and @cdktf/* are imported only in stacks/, constructs/ and the generated bindings", () => {
    const importers = sourceFiles(".").filter((f) => libraryImports(fs.readFileSync(path.join(ROOT, f), "utf8")).length > 0);
    expect(importers.filter((f) => f.startsWith("stacks/")).length).toBeGreaterThan(0);
    expect(importers.filter((f) => f.startsWith(".gen/")).length).toBeGreaterThan(0);
    expect(importers.filter((f) => ![...ALLOWED, ...ALSO].some((a) => (a.endsWith("/") ? f.startsWith(a) : f === a)))).toEqual([]);
  });
});
