#!/usr/bin/env node
// Whether the project's dependencies are installed, said as one line with the fix instead of the
// "Cannot find module" or "command not found" a missing node_modules otherwise gives. Run before
// `npm test` (its pretest script) and by bin/run.js before every command.
const fs = require("fs");
const path = require("path");

/** Exits 2 with one line naming the fix when `root` has no installed dependencies. */
function requireInstalled(root, name) {
  if (fs.existsSync(path.join(root, "node_modules", "esbuild", "package.json"))) return;
  process.stderr.write(`${name}: the project's dependencies are not installed (no node_modules/esbuild in ${root}): run npm ci first\n`);
  process.exit(2);
}

module.exports = { requireInstalled };
if (require.main === module) requireInstalled(path.join(__dirname, ".."), "test");
