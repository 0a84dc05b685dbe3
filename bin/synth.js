#!/usr/bin/env node
// The fast path `cdktf.json` runs: bundle the TypeScript app with esbuild (tens of milliseconds, no
// type checking: `npm test` runs tsc) and run it in this process. ts-node takes seconds for the same.
const path = require("path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const outfile = path.join(root, ".build", "main.js");
esbuild.buildSync({
  entryPoints: [path.join(root, "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: "inline",
  logLevel: "warning",
});
require(outfile);
