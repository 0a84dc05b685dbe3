#!/usr/bin/env node
// Runs a TypeScript entry point of this project fast (issue: synth in well under a second):
//  - esbuild bundles the entry and its dependencies into one file (no ts-node, no type checking:
//    `npm test` runs tsc), and the bundle is reused while no source file's content has changed;
//  - two parts of cdktf that a synth never needs are left out of the bundle: `archiver` (only used
//    by TerraformAsset, ~110 ms to load) and the creation stack captured for every token (used only
//    to decorate token error messages, ~100 ms per synth); the replacements are in bin/bundle-stubs.js,
//    held against both libraries' real modules by __tests__/bundle-stubs.test.ts;
//  - `--lib cdktn` (anywhere after the entry) builds the same program with CDK Terrain, cdktf's
//    continuation, in place of cdktf: every import of `cdktf` (ours, the generated bindings' and the
//    prebuilt AWS provider's) resolves to `cdktn`. An alias, not a copy: no source changes.
//   node bin/run.js <entry.ts> [args...] [--lib cdktf|cdktn]    e.g. node bin/run.js main.ts --summary
const fs = require("fs");
const path = require("path");
const { LIBRARIES, STUBS } = require("./bundle-stubs");

const root = path.join(__dirname, "..");
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
// Each library has its own bundle (and cache): switching does not rebuild the other.
const outfile = path.join(root, ".build", ...(lib === "cdktf" ? [] : [lib]), entry.replace(/\.ts$/, ".js"));
const inputsFile = `${outfile}.inputs.json`;

// The bundle is fresh when the content of every project file it was built from, of this script and of
// the lockfile (a dependency upgrade) hashes to what it was built from. Content, not file times: a
// file copied with its old time (cp -p, rsync, touch -d, a git checkout) must never run stale code.
// Hashing the ~55 inputs (0.4 MB) takes about 2 ms.
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

function isFresh() {
  try {
    const { inputs, hash } = JSON.parse(fs.readFileSync(inputsFile, "utf8"));
    return fs.existsSync(outfile) && Array.isArray(inputs) && inputsHash(inputs) === hash;
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
    logLevel: "warning",
    metafile: true,
    absWorkingDir: root,
    // The generator's own code (and its jsii toolchain) is never part of a synth.
    external: ["@cdktf/provider-generator", "jsii-pacmak"],
    alias: lib === "cdktf" ? {} : { cdktf: lib },
    plugins: STUBS.map((s) => replaceModule(s.name, s.filter, s.contents)),
  });
  const ownInputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
  fs.writeFileSync(inputsFile, JSON.stringify({ inputs: ownInputs, hash: inputsHash(ownInputs) }));
}

// Loads the bundle through a V8 code cache kept next to it: compiling the 1 MB bundle from source
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
  const script = new vm.Script(Module.wrap(fs.readFileSync(outfile, "utf8")), { filename: outfile, cachedData });
  const mod = new Module(outfile, module);
  mod.filename = outfile;
  mod.paths = Module._nodeModulePaths(path.dirname(outfile));
  const run = () => script.runInThisContext()(mod.exports, Module.createRequire(outfile), mod, outfile, path.dirname(outfile));
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
    await bundle();
    fs.rmSync(`${outfile}.v8cache`, { force: true });
  }
  process.argv.splice(2, 1);
  load();
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
