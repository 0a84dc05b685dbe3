#!/usr/bin/env node
// Runs a TypeScript entry point of this project fast (issue: synth in well under a second):
//  - esbuild bundles the entry and its dependencies into one file (no ts-node, no type checking:
//    `npm test` runs tsc), and the bundle is reused while no source file's content has changed;
//  - two parts of cdktf that a synth never needs are left out of the bundle: `archiver` (only used
//    by TerraformAsset, ~110 ms to load) and the creation stack captured for every token (used only
//    to decorate token error messages, ~100 ms per synth).
//   node bin/run.js <entry.ts> [args...]       e.g. node bin/run.js main.ts --summary
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const entry = process.argv[2];
if (!entry || !entry.endsWith(".ts")) {
  process.stderr.write("usage: node bin/run.js <entry.ts> [args...]\n");
  process.exit(2);
}
const outfile = path.join(root, ".build", entry.replace(/\.ts$/, ".js"));
const inputsFile = `${outfile}.inputs.json`;

// The bundle is fresh when the content of every project file it was built from, of this script and of
// the lockfile (a dependency upgrade) hashes to what it was built from. Content, not file times: a
// file copied with its old time (cp -p, rsync, touch -d, a git checkout) must never run stale code.
// Hashing the ~55 inputs (0.4 MB) takes about 2 ms.
function inputsHash(inputs) {
  const crypto = require("crypto");
  const h = crypto.createHash("sha256");
  for (const f of [...inputs, "bin/run.js", "package-lock.json"]) {
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
    plugins: [
      replaceModule(
        "no-archiver",
        /[\\/]node_modules[\\/]archiver[\\/]index\.js$/,
        'module.exports = () => { throw new Error("archiver is left out of this bundle: TerraformAsset is not used"); };',
      ),
      replaceModule(
        "no-token-creation-stacks",
        /[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/,
        '"use strict"; exports.captureStackTrace = function captureStackTrace() { return []; };',
      ),
    ],
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
