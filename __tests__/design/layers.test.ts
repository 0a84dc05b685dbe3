import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

// The folders are layers: a file imports only its own folder and the layers below it, so the design
// reads from the folder names and no change can tangle them. docs/design.md draws the same table.

/** Each folder's layer; a folder imports only folders of a lower layer (and itself). */
export const LAYERS: Readonly<Record<string, number>> = {
  // Imports nothing of ours.
  ".gen": 0,
  bin: 0,
  io: 0,
  config: 0,
  checks: 1,
  constructs: 1,
  stacks: 2,
  review: 3,
  plan: 4,
  offline: 5,
  rehearsal: 6,
  commands: 7,
  // Entry points: run, never imported.
  "main.ts": 8,
  bench: 8,
  scripts: 8,
};

/** Only these read argv, stdin or the environment, or set an exit code. */
const COMMAND_LAYER = new Set(["commands", "main.ts", "bench", "scripts", "bin"]);
const PROCESS_IO = /\bprocess\.(argv|stdin|env|exit|exitCode)\b/;

const ROOT = path.join(__dirname, "..", "..");

interface SourceFile {
  readonly path: string;
  readonly text: string;
}

const folderOf = (file: string): string => file.split("/")[0];

/** Relative imports (import, export from, require, dynamic import) of a file, resolved to a project path. */
function importsOf(file: SourceFile): string[] {
  const info = ts.preProcessFile(file.text, true, true);
  const required = [...file.text.matchAll(/\brequire\(\s*["'](\.[^"']*)["']\s*\)/g)].map((m) => m[1]);
  return [...new Set([...info.importedFiles.map((i) => i.fileName), ...required])]
    .filter((spec) => spec.startsWith("."))
    .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec)));
}

/** Every import that goes sideways or up a layer, every folder with no layer, and process I/O below the command layer. */
export function layerProblems(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = folderOf(file.path);
    const fromLayer = LAYERS[from];
    if (fromLayer === undefined) {
      problems.push(`${file.path}: folder ${from} has no layer`);
      continue;
    }
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to === from) continue;
      const toLayer = LAYERS[to];
      if (toLayer === undefined) problems.push(`${file.path} imports ${target}: folder ${to} has no layer`);
      else if (toLayer >= fromLayer) problems.push(`${file.path} (${from}, layer ${fromLayer}) imports ${target} (${to}, layer ${toLayer}): imports go only down`);
    }
    if (!COMMAND_LAYER.has(from)) {
      const line = file.text.split("\n").findIndex((l) => PROCESS_IO.test(l.replace(/\/\/.*$/, "")));
      if (line !== -1) problems.push(`${file.path}:${line + 1}: reads argv, stdin or the environment, or sets an exit code, outside the command layer`);
    }
  }
  return problems;
}

function projectSources(): SourceFile[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|js)$/.test(f) && !f.startsWith("__tests__/") && !f.startsWith(".gen/") && !/^[^/]+\.config\.js$/.test(f))
    .filter((f) => fs.existsSync(path.join(ROOT, f)))
    .map((f) => ({ path: f, text: fs.readFileSync(path.join(ROOT, f), "utf8") }));
}

test("every import of the project goes down a layer, and only the command layer touches argv, stdin, the environment or exit codes", () => {
  const files = projectSources();
  expect(files.length).toBeGreaterThan(50);
  expect(layerProblems(files)).toEqual([]);
});

test("an import sideways, up a layer or into a folder with no layer is named; a downward import passes", () => {
  const files: SourceFile[] = [
    { path: "stacks/a.ts", text: 'import { x } from "../config";\nimport { y } from "./b";' },
    { path: "config/b.ts", text: 'import { z } from "../stacks/a";' },
    { path: "checks/c.ts", text: 'export { w } from "../constructs/d";' },
    { path: "review/e.ts", text: 'const f = require("../commands/cli");' },
    { path: "plan/g.ts", text: 'import("../mystery/h");' },
    { path: "mystery/h.ts", text: "" },
  ];
  expect(layerProblems(files)).toEqual([
    "config/b.ts (config, layer 0) imports stacks/a (stacks, layer 2): imports go only down",
    "checks/c.ts (checks, layer 1) imports constructs/d (constructs, layer 1): imports go only down",
    "review/e.ts (review, layer 3) imports commands/cli (commands, layer 7): imports go only down",
    "plan/g.ts imports mystery/h: folder mystery has no layer",
    "mystery/h.ts: folder mystery has no layer",
  ]);
});

test("process I/O outside the command layer is named with its line; in a command, or in a comment, it passes", () => {
  const files: SourceFile[] = [
    { path: "offline/a.ts", text: "const x = 1;\nconst home = process.env.HOME;" },
    { path: "plan/b.ts", text: "process.exitCode = 1;" },
    { path: "review/c.ts", text: "// reads nothing from process.env itself" },
    { path: "commands/d.ts", text: "const args = process.argv;" },
  ];
  expect(layerProblems(files)).toEqual([
    "offline/a.ts:2: reads argv, stdin or the environment, or sets an exit code, outside the command layer",
    "plan/b.ts:1: reads argv, stdin or the environment, or sets an exit code, outside the command layer",
  ]);
});

test("docs/design.md draws every layer", () => {
  const design = fs.readFileSync(path.join(ROOT, "docs", "design.md"), "utf8");
  for (const folder of Object.keys(LAYERS)) expect([folder, design.includes(`\`${folder}${folder.endsWith(".ts") ? "" : "/"}\``)]).toEqual([folder, true]);
});
