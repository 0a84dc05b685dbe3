import * as fs from "fs";
import * as path from "path";
import { ENVIRONMENTS } from "../../config";

// The docs (README.md and every docs/*.md, including files added later) name commands, npm scripts,
// flags and files a person will type or open: each must exist, or the doc has drifted (a file that is
// not in this repository, such as ESTATE.md, or a flag no command declares).
const ROOT = path.join(__dirname, "..", "..");
const DOCS = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;

/** Directories commands write and never commit: a doc may name what is inside them. */
const GENERATED = new Set(["cdktf.out", ".build", ".gen", "reports", "node_modules", ".terraform"]);
/**
 * Names of files outside this repository that the docs mention by design, each with why. A file of
 * this repository is never listed here.
 */
const NOT_IN_REPO: Readonly<Record<string, string>> = {
  "cdk.tf.json": "the stack file synth writes per environment, under cdktf.out/",
  "report.json": "what report writes, under cdktf.out/ or --out",
  "m.yml": "an example output file of manifest --out",
  "notifications-api.zip": "the app build a person downloads to deploy by hand",
  "manifest.yml.j2": "notifications-api's manifest template, which this project replaces",
  "manifest.json": "the manifest synth writes beside the stacks, under cdktf.out/",
  "local_override.tf.json": "the local-state override a rehearsal writes into its own stack directory",
};

/** The code of a markdown text: fenced blocks and inline code spans, where commands and files are named. */
function codeSpans(md: string): string[] {
  const spans: string[] = [];
  const withoutFences = md.replace(/^```[^\n]*\n([\s\S]*?)^```/gm, (_, body: string) => {
    spans.push(body);
    return "";
  });
  for (const m of withoutFences.matchAll(/`([^`\n]+)`/g)) spans.push(m[1]);
  return spans;
}

/** Flags bin/run.js takes itself, for whichever entry it runs (held against bin/run.js below). */
const RUNNER_FLAGS = ["--lib"];

/** The source file an npm script runs, where its flags are declared. */
function entryOf(script: string): string | undefined {
  return /([\w./-]+\.(?:ts|js))(?:\s|$)/.exec(scripts[script].replace(/^node\s+bin\/run\.js\s+/, ""))?.[1];
}

const TOP_LEVEL = new Set(fs.readdirSync(ROOT));

/** npm scripts that do not exist, and flags given to one that its command does not declare. */
function scriptProblems(spans: readonly string[]): string[] {
  const problems: string[] = [];
  for (const text of spans) {
    for (const m of text.matchAll(/npm run(?: -s)? ([a-z][\w:-]*)([^|;&\n]*)/g)) {
      const [, script, rest] = m;
      if (!(script in scripts)) {
        problems.push(`npm run ${script}: no such script`);
        continue;
      }
      // Flags are checked for this project's own commands (a script that runs a .ts or .js entry of
      // the repository); another tool's (stryker, tsc) are its own business.
      const entry = entryOf(script);
      const args = rest.includes("-- ") ? rest.slice(rest.indexOf("-- ") + 3) : "";
      if (!entry || !fs.existsSync(path.join(ROOT, entry))) continue;
      // bin/run.js takes flags of its own before the entry sees the rest (RUNNER_FLAGS).
      const viaRunner = /^node\s+bin\/run\.js\s/.test(scripts[script]);
      for (const flag of args.match(/(?<![\w-])--[a-z][\w-]*/g) ?? []) {
        if (!fs.readFileSync(path.join(ROOT, entry), "utf8").includes(`"${flag}`) && !(viaRunner && RUNNER_FLAGS.includes(flag))) problems.push(`npm run ${script} -- ${flag}: ${entry} declares no such flag`);
      }
    }
    for (const m of text.matchAll(/npx ([\w@/.-]+)/g)) if (!fs.existsSync(path.join(ROOT, "node_modules", ".bin", m[1]))) problems.push(`npx ${m[1]}: not installed`);
  }
  return problems;
}

/**
 * Files the spans name that are not in the repository. Judged: a path starting with one of the
 * repository's top-level names (config/..., ci/run; <env> tried as every environment) and a bare
 * file name with a source extension (ESTATE.md), looked for at the root and next to the doc.
 */
function missingFiles(spans: readonly string[], docDir: string): string[] {
  const missing: string[] = [];
  for (const text of spans) {
    for (const raw of text.split(/[\s`'"(),=|\[\]{}]+/)) {
      const token = raw.replace(/[.:;,]+$/, "");
      if (!token || /[:*$]/.test(token) || token.startsWith("/")) continue;
      const slash = token.indexOf("/");
      const first = slash < 0 ? token : token.slice(0, slash);
      if (GENERATED.has(first)) continue;
      const isPath = slash > 0 && TOP_LEVEL.has(first);
      const isFile = slash < 0 && /^[\w-]+(\.[\w-]+)*\.(ts|js|json|md|ya?ml|sh|proto|tfrc)$/.test(token) && !(token in NOT_IN_REPO);
      if (!isPath && !isFile) continue;
      for (const c of token.includes("<env>") ? ENVIRONMENTS.map((e) => token.replace(/<env>/g, e)) : [token]) {
        if (/<[^>]*>/.test(c)) continue; // another placeholder (<planfile>, <version>): not a file of the repository
        if (!fs.existsSync(path.join(ROOT, c)) && !fs.existsSync(path.join(ROOT, docDir, c))) missing.push(c);
      }
    }
  }
  return [...new Set(missing)];
}

/** Markdown links to files or headings that do not exist. */
function brokenLinks(md: string, doc: string): string[] {
  const problems: string[] = [];
  for (const m of md.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^[a-z]+:/.test(target)) continue;
    const [file, anchor] = target.split("#");
    const linked = file ? path.join(ROOT, path.dirname(doc), file) : path.join(ROOT, doc);
    if (!fs.existsSync(linked)) {
      problems.push(`${target}: no such file`);
      continue;
    }
    if (anchor && linked.endsWith(".md")) {
      const slugs = [...fs.readFileSync(linked, "utf8").matchAll(/^#+ (.+)$/gm)].map((h) =>
        h[1]
          .toLowerCase()
          .replace(/[^\w\s-]/g, "")
          .replace(/\s/g, "-"),
      );
      if (!slugs.includes(anchor)) problems.push(`${target}: no such heading`);
    }
  }
  return problems;
}

describe.each(DOCS)("%s", (doc) => {
  const md = fs.readFileSync(path.join(ROOT, doc), "utf8");
  const spans = codeSpans(md);
  test("names only npm scripts package.json has, flags their command declares, and installed npx commands", () => {
    expect(scriptProblems(spans)).toEqual([]);
  });
  test("names only files and directories that exist in the repository", () => {
    expect(missingFiles(spans, path.dirname(doc))).toEqual([]);
  });
  test("links only to files and headings that exist", () => {
    expect(brokenLinks(md, doc)).toEqual([]);
  });
});

test("the flags bin/run.js takes itself are flags it reads", () => {
  const runner = fs.readFileSync(path.join(ROOT, "bin", "run.js"), "utf8");
  for (const flag of RUNNER_FLAGS) expect([flag, runner.includes(`^${flag}`)]).toEqual([flag, true]);
});

test("the checks see a missing script, flag, npx command, file and link (seeded)", () => {
  const md = [
    "`npm run no-such-script`, `npm run -s manifest -- x y --no-such-flag`, `npx no-such-bin`",
    "`config/ESTATE.md`, `ESTATE.md`, `config/<env>.ts`, `tools/<name>.ts`",
    "[a](docs/no-such.md) [b](README.md#no-such-heading)",
  ].join("\n");
  expect(scriptProblems(codeSpans(md))).toEqual([
    "npm run no-such-script: no such script",
    "npm run manifest -- --no-such-flag: commands/manifest.ts declares no such flag",
    "npx no-such-bin: not installed",
  ]);
  expect(missingFiles(codeSpans(md), ".")).toEqual(["config/ESTATE.md", "ESTATE.md"]);
  expect(brokenLinks(md, "README.md")).toEqual(["docs/no-such.md: no such file", "README.md#no-such-heading: no such heading"]);
});

test("no doc or config comment cites a file that is not in the repository", () => {
  // ESTATE.md and the providers notes live outside this repository: cite the upstream source instead.
  const cites = (file: string) => /ESTATE\.md|providers\/` notes|\(providers notes\)|provider notes [a-z]\b/.test(fs.readFileSync(path.join(ROOT, file), "utf8"));
  const files = [...DOCS, ...fs.readdirSync(path.join(ROOT, "config")).map((f) => `config/${f}`)];
  expect(files.filter(cites)).toEqual([]);
});

/** Figures that come from a run (timings, scores, plan counts), and approximations ("~2 ms"). */
const MEASURED = /\b\d+\.\d+ ?(?:s|ms|%)(?![\w-])|~ ?\d|\b\d+ (?:to import|imported|to add|added|to change|changed)\b/;

/** Sections (from one heading to the next) holding a measured figure without the command and date that measured it. */
function unsourcedFigures(md: string): string[] {
  // A "#" line inside a fence (a rendered example, a shell comment) is not a heading of the doc.
  const headings = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1/gm, (fence) => fence.replace(/^#/gm, "\\#"));
  return headings
    .split(/^(?=#+ )/m)
    .filter((section) => MEASURED.test(section))
    .filter((section) => !(/\b20\d\d-\d\d-\d\d\b/.test(section) && /`(?:npm run|npx|node) [^`]+`/.test(section)))
    .map((section) => `${section.split("\n")[0]}: ${MEASURED.exec(section)![0]}`);
}

test.each(DOCS)("%s: every measured figure says the command that measured it and when", (doc) => {
  expect(unsourcedFigures(fs.readFileSync(path.join(ROOT, doc), "utf8"))).toEqual([]);
});

test("the figure check sees an undated rehearsal count and an approximation (seeded)", () => {
  expect(unsourcedFigures("## Rehearsing\n\n`npm run rehearse -- production`:\n\n```\nPlan: 82 to import, 17 to add\n```\n")).toEqual(["## Rehearsing: 82 to import"]);
  expect(unsourcedFigures("## Performance\n\nHashing the inputs takes ~2 ms.\n")).toEqual(["## Performance: ~2"]);
  expect(unsourcedFigures("## Measured\n\n`npm run bench` on 2026-11-27: 0.44 s\n")).toEqual([]);
  // A heading inside a fenced example belongs to the section around it.
  expect(unsourcedFigures("## Example\n\nRecorded with `npm run pr-plan` on 2026-11-28:\n\n````\n### Plan\nPlan: 0 to add\n````\n")).toEqual([]);
  expect(unsourcedFigures("## Example\n\n````\n### Plan\nPlan: 0 to add\n````\n")).toEqual(["## Example: 0 to add"]);
});

test("the README is a front page: short, with the set-up commands and where to read more", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(readme.split("\n").length).toBeLessThanOrEqual(80);
  expect(readme).toContain("npm ci");
  expect(readme).toMatch(/npm test/);
  expect(readme).toContain("](docs/");
});
