#!/usr/bin/env node
// Runs a TypeScript entry point of this project fast (a synth must take well under a second):
//  - esbuild bundles the entry and its dependencies into one file (no ts-node, no type checking:
//    `npm test` runs tsc), and the bundle is reused while no source file's content has changed;
//  - two parts of cdktf that a synth never needs are left out of the bundle: `archiver` (only used
//    by TerraformAsset, slow to load) and the creation stack captured for every token (used only
//    to decorate token error messages, a cost on every synth); the replacements are in bin/bundle-stubs.js,
//    held against both libraries' real modules by __tests__/bin/bundle-stubs.test.ts;
//  - `--lib cdktn` (anywhere after the entry) builds the same program with CDK Terrain, cdktf's
//    continuation, in place of cdktf: every import of `cdktf` (ours, the generated bindings' and the
//    prebuilt AWS provider's) resolves to `cdktn`. An alias, not a copy: no source changes.
//   node bin/run.js <entry.ts> [args...] [--lib cdktf|cdktn]    e.g. node bin/run.js main.ts --summary
const fs = require("fs");
const path = require("path");
const { LIBRARIES, STUBS } = require("./bundle-stubs");

const root = path.join(__dirname, "..");
// Without the project's dependencies nothing below can build or run: say so, and how to get them.
require("./installed").requireInstalled(root, "run");
const usage = `usage: node bin/run.js <entry.ts> [args...] [--lib ${LIBRARIES.join("|")}]\n`;
const entry = process.argv[2];
if (!entry || !entry.endsWith(".ts")) {
  process.stderr.write(usage);
  process.exit(2);
}
// --lib is taken out before the entry sees its arguments.
let lib = "cdktf";
for (let i = 3; i < process.argv.length; i++) {
  const m = /^--lib(?:=(.*))?$/.exec(process.argv[i]);
  if (!m) continue;
  const value = m[1] ?? process.argv[i + 1];
  process.argv.splice(i, m[1] === undefined ? 2 : 1);
  if (!LIBRARIES.includes(value)) {
    process.stderr.write(`run: --lib ${value ?? "(missing)"}: not a library this bundle can be built with; use one of ${LIBRARIES.join(", ")}\n${usage}`);
    process.exit(2);
  }
  lib = value;
  i--;
}
/**
 * `.build/` in the project; in a checkout nobody may write (a read-only mount), a directory of the
 * temporary directory kept per checkout instead, so that every command still runs.
 */
function buildDirectory() {
  const own = path.join(root, ".build");
  try {
    fs.mkdirSync(own, { recursive: true });
    fs.accessSync(own, fs.constants.W_OK);
    return own;
  } catch {
    const id = require("crypto").createHash("sha256").update(root).digest("hex").slice(0, 12);
    return path.join(require("os").tmpdir(), `notify-estate-build-${id}`);
  }
}

// Each library has its own bundle (and cache): switching does not rebuild the other.
const bundlePath = [...(lib === "cdktf" ? [] : [lib]), entry.replace(/\.ts$/, ".js")];
// Where the bundle would live in the project: the program sees this as its own location (__dirname,
// module resolution), wherever the file really is.
const home = path.join(root, ".build", ...bundlePath);
const outfile = path.join(buildDirectory(), ...bundlePath);
const inputsFile = `${outfile}.inputs.json`;
// The command's name as its own messages say it (commands/manifest.ts: "manifest"; main.ts: "synth").
const commandName = entry === "main.ts" ? "synth" : path.basename(entry, ".ts").replace(/-main$/, "");
/** Exit 2, as for any input a command cannot read (docs/commands.md): the program as written does not build or load. */
const EXIT_CANNOT_LOAD = 2;

// The bundle is fresh when the content of every project file it was built from, of this script and of
// the lockfile (a dependency upgrade) hashes to what it was built from. Content, not file times: a
// file copied with its old time (cp -p, rsync, touch -d, a git checkout) must never run stale code.
// Hashing every input on every run is cheap next to a synth (docs/performance.md).
function inputsHash(inputs) {
  const crypto = require("crypto");
  const h = crypto.createHash("sha256");
  for (const f of [...inputs, "bin/run.js", "bin/bundle-stubs.js", "package-lock.json"]) {
    let content;
    try {
      content = fs.readFileSync(path.join(root, f));
    } catch {
      content = "(missing)"; // e.g. a project copy without a lockfile: hashes differently from any file
    }
    h.update(f).update("\0").update(content).update("\0");
  }
  return h.digest("hex");
}

/** The bundle's own content hash: a bundle cut short (a build killed while writing it) is never run. */
function bundleHash(bytes) {
  return require("crypto").createHash("sha256").update(bytes).digest("hex");
}

/** The bundle's bytes as the freshness check hashed them: what runs is exactly what was checked, read once. */
let checkedBundle;

function isFresh() {
  try {
    const { inputs, hash, bundle } = JSON.parse(fs.readFileSync(inputsFile, "utf8"));
    if (!Array.isArray(inputs) || inputsHash(inputs) !== hash) return false;
    const bytes = fs.readFileSync(outfile);
    if (bundleHash(bytes) !== bundle) return false;
    checkedBundle = bytes;
    return true;
  } catch {
    return false;
  }
}

// Replaces a module with the given source, for files esbuild would otherwise read from node_modules.
function replaceModule(name, filter, contents) {
  return { name, setup: (b) => b.onLoad({ filter }, () => ({ contents, loader: "js" })) };
}

async function bundle() {
  const esbuild = require("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // A separate map file: an inline one doubles what node parses on every run. Use
    // NODE_OPTIONS=--enable-source-maps to see TypeScript lines in a stack trace.
    sourcemap: true,
    // Errors are printed by buildFailure(), one line each; warnings as esbuild words them.
    logLevel: "silent",
    metafile: true,
    absWorkingDir: root,
    // The generator's own code (and its jsii toolchain) is never part of a synth. The HCL parser
    // (plan/stack-check.ts) loads its WebAssembly from its own package directory, so it runs from there.
    external: ["@cdktf/provider-generator", "jsii-pacmak", "@cdktf/hcl2json"],
    alias: lib === "cdktf" ? {} : { cdktf: lib },
    plugins: STUBS.map((s) => replaceModule(s.name, s.filter, s.contents)),
  });
  for (const w of result.warnings) process.stderr.write(`${commandName}: warning: ${where(w)}${w.text}\n`);
  const own = (f) => !f.startsWith("node_modules/");
  const ownInputs = Object.keys(result.metafile.inputs).filter(own);
  // Which project file imports which, kept to name an import cycle when a module is used before it ran.
  const imports = Object.fromEntries(ownInputs.map((f) => [f, result.metafile.inputs[f].imports.map((i) => i.path).filter(own)]));
  fs.writeFileSync(inputsFile, JSON.stringify({ inputs: ownInputs, hash: inputsHash(ownInputs), bundle: bundleHash(fs.readFileSync(outfile)), imports }));
}

/** "config/apps.ts:12:5: " for an esbuild message with a location. */
function where(message) {
  const l = message.location;
  return l ? `${l.file}:${l.line}:${l.column + 1}: ` : "";
}

/**
 * A program that does not build (a syntax error, a missing file or export): one line per error,
 * naming the file, line and column, and the source line; no stack trace (this is not a bug in the
 * tooling, and the README promises a stack trace only for those).
 */
function buildFailure(err) {
  const errors = Array.isArray(err.errors) ? err.errors : [];
  if (!errors.length) return false;
  const lines = errors.slice(0, 5).flatMap((e) => [`${where(e)}${e.text}`, ...(e.location && e.location.lineText ? [`    ${e.location.lineText.trim()}`] : [])]);
  if (errors.length > 5) lines.push(`and ${errors.length - 5} more`);
  process.stderr.write(`${commandName}: cannot build ${entry}: ${lines[0]}\n${lines.slice(1).map((l) => `${commandName}: ${l}\n`).join("")}`);
  process.exitCode = EXIT_CANNOT_LOAD;
  return true;
}

/** The TypeScript file, line and column of the first frame of this project's own code in an error's stack. */
function sourceOf(err) {
  const stack = String((err && err.stack) || "");
  const escaped = outfile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const frame = new RegExp(`${escaped}:(\\d+):(\\d+)`, "g");
  let map;
  try {
    map = new (require("module").SourceMap)(JSON.parse(fs.readFileSync(`${outfile}.map`, "utf8")));
  } catch {
    return undefined;
  }
  for (const m of stack.matchAll(frame)) {
    const entry = map.findEntry(Number(m[1]) - 1, Number(m[2]) - 1);
    const source = entry && entry.originalSource && entry.originalSource.replace(/^file:\/\//, "");
    const file = source && path.relative(root, path.resolve(path.dirname(outfile), source));
    if (file && !file.startsWith("node_modules") && !file.startsWith("..")) return { file, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  }
  return undefined;
}

/** An import cycle through `file` among the project's files, as "a -> b -> a", from the bundle's import graph. */
function cycleThrough(file) {
  let imports;
  try {
    imports = JSON.parse(fs.readFileSync(inputsFile, "utf8")).imports || {};
  } catch {
    return undefined;
  }
  const seen = new Set();
  const walk = (at, trail) => {
    for (const next of imports[at] || []) {
      if (next === file) return [...trail, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...trail, next]);
      if (found) return found;
    }
    return undefined;
  };
  const cycle = walk(file, [file]);
  return cycle && cycle.join(" -> ");
}

/**
 * An error nobody caught. One that comes from config (config/ is where people edit, and where an import
 * cycle or a typo in a value shows up first) or from loading the program is a few lines naming the
 * source file and line; anything else is a bug in this project and keeps its stack trace, with the
 * TypeScript positions added.
 */
function uncaught(err, loading) {
  const at = sourceOf(err);
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (at && (loading || at.file.startsWith(`config${path.sep}`))) {
    const cycle = /TypeError|ReferenceError/.test(message) ? cycleThrough(at.file) : undefined;
    process.stderr.write(
      `${commandName}: cannot load ${at.file}:${at.line}:${at.column}: ${message}\n` +
        (cycle ? `${commandName}: ${at.file} is in an import cycle (${cycle}): a value is read before the module that exports it has run; import it from the file that defines it\n` : ""),
    );
    process.exitCode = EXIT_CANNOT_LOAD;
    return;
  }
  process.stderr.write(`${(err && err.stack) || err}\n${at ? `  (in ${at.file}:${at.line}:${at.column})\n` : ""}`);
  process.exitCode = 1;
}

// Loads the bundle through a V8 code cache kept next to it: compiling the bundle from source
// on every run costs more than reading back the compiled code.
function load() {
  const Module = require("module");
  const vm = require("vm");
  const cacheFile = `${outfile}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = (checkedBundle ?? fs.readFileSync(outfile)).toString("utf8");
  const script = new vm.Script(Module.wrap(source), { filename: outfile, cachedData });
  const mod = new Module(home, module);
  mod.filename = home;
  mod.paths = Module._nodeModulePaths(path.dirname(home));
  const run = () => script.runInThisContext()(mod.exports, Module.createRequire(home), mod, home, path.dirname(home));
  if (cachedData && !script.cachedDataRejected) return run();
  // Write the cache after the run, when V8 has compiled the functions the synth actually used.
  process.once("exit", () => {
    try {
      fs.writeFileSync(`${cacheFile}.tmp-${process.pid}`, script.createCachedData());
      fs.renameSync(`${cacheFile}.tmp-${process.pid}`, cacheFile);
    } catch {
      // A missing cache only costs time.
    }
  });
  return run();
}

(async () => {
  if (!isFresh()) {
    try {
      await bundle();
    } catch (err) {
      if (buildFailure(err)) return;
      throw err;
    }
    fs.rmSync(`${outfile}.v8cache`, { force: true });
  }
  process.argv.splice(2, 1);
  // As Node would, stop at an error nobody caught, but say it as uncaught() does.
  const stop = (err) => {
    uncaught(err, false);
    process.exit();
  };
  process.on("uncaughtException", stop);
  process.on("unhandledRejection", stop);
  // A reader that stops early (`npm run -s report | head`) closes the pipe: what it did not read is
  // dropped, quietly, and the command still finishes its work (report.json, say) and its exit code.
  process.stdout.on("error", (err) => {
    if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") stop(err);
  });
  try {
    load();
  } catch (err) {
    uncaught(err, true);
  }
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
