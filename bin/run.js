#!/usr/bin/env node
// Runs a TypeScript entry point fast: esbuild bundles it (tens of milliseconds, no type checking:
// `npm test` runs tsc) and it runs in this process. ts-node takes seconds for the same program.
//   node bin/run.js <entry.ts> [args...]       e.g. node bin/run.js main.ts --summary
const path = require("path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const entry = process.argv[2];
if (!entry || !entry.endsWith(".ts")) {
  process.stderr.write("usage: node bin/run.js <entry.ts> [args...]\n");
  process.exit(2);
}
const outfile = path.join(root, ".build", entry.replace(/\.ts$/, ".js"));
esbuild.buildSync({
  entryPoints: [path.join(root, entry)],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: "inline",
  logLevel: "warning",
});
process.argv.splice(2, 1);
require(outfile);
