import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// Comments, test names, docs and fixture names state the rule and why, never how the work was done:
// an internal issue number means nothing to a reader of this repository, a providers note outside it
// cannot be opened, and a "session" is how the work was organised, not what the code does. An
// upstream bug is cited with its repository (cloudfoundry/terraform-provider-cloudfoundry#369); a row
// of the stand-in's behaviour table as "semantics row N" (offline/standin/semantics.ts).
const ROOT = path.join(__dirname, "..", "..");
const SELF = path.relative(ROOT, __filename).split(path.sep).join("/");

/** Tracked files that are not this project's prose: the lockfile, generated bindings, provider schemas. */
const SKIPPED = (file: string) => file === "package-lock.json" || file.startsWith(".gen/") || file.startsWith("providers/") || file === SELF;
/** The one file that may say "session": AWS's role-session names, in the credentials doc. */
const SESSION_ALLOWED = new Set(["docs/credentials.md"]);

const ISSUE = /\bissues? #?\d+/gi;
/** In a file or folder name the words are joined: `pipeline-before-issue-17`. */
const ISSUE_IN_NAME = /\bissues?[-_ ]?#?\d+/i;
/** An upstream reference names its repository right before the word: `owner/repo issue 12`. */
const UPSTREAM_BEFORE = /[A-Za-z0-9][\w.-]*\/[\w.-]+\s+$/;
const PROVIDER_NOTE = /CF-PROVIDER-BEHAVIOUR/i;
const SESSION = /\bsessions?\b/i;

interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** One line per problem: `<path>:<line>: <what>: <the text>`. */
function narrationProblems(files: readonly TextFile[]): string[] {
  const problems: string[] = [];
  for (const { path: file, text } of files) {
    const say = (lineNo: number, what: string, found: string) => problems.push(`${file}:${lineNo}: ${what}: ${found}`);
    // The path too: a fixture folder named after an issue is narration as much as a comment.
    const name = ISSUE_IN_NAME.exec(file);
    if (name) say(0, "internal issue reference in the file's name", name[0]);
    text.split("\n").forEach((line, i) => {
      for (const m of line.matchAll(ISSUE)) {
        if (!UPSTREAM_BEFORE.test(line.slice(0, m.index))) say(i + 1, "internal issue reference", m[0]);
      }
      const note = PROVIDER_NOTE.exec(line);
      if (note) say(i + 1, "cites a providers note outside this repository (cite semantics row N)", note[0]);
      const session = SESSION.exec(line);
      if (session && !SESSION_ALLOWED.has(file)) say(i + 1, "narration of how the work was done", session[0]);
    });
  }
  return problems;
}

/** Tracked text files as they are in the working tree (binary files, with a NUL byte, are skipped). */
function trackedTextFiles(): TextFile[] {
  const listed = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\0").filter(Boolean);
  const files: TextFile[] = [];
  for (const file of listed) {
    if (SKIPPED(file)) continue;
    const full = path.join(ROOT, file);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile()) continue;
    const bytes = fs.readFileSync(full);
    if (bytes.subarray(0, 8000).includes(0)) continue;
    files.push({ path: file, text: bytes.toString("utf8") });
  }
  return files;
}

test("the check sees an internal issue reference, a providers note, a session and a narrating path, and passes upstream references (seeded)", () => {
  const fixture: TextFile[] = [
    { path: "a.ts", text: "// Refuses a plan of another environment (issue 19: a production plan passed as preview).\n" },
    { path: "b.md", text: "Intro.\nAn app sees a binding only after its restart (CF-PROVIDER-BEHAVIOUR.md row 31).\n" },
    { path: "c.md", text: "Measured while four other sessions used the machine.\n" },
    { path: "__tests__/fixtures/pipeline-before-issue-17/pipeline.yml", text: "jobs: []\n" },
    { path: "docs/credentials.md", text: "`aws sts assume-role --role-session-name \"$BUILD_ID\"`\n" },
    {
      path: "ok.ts",
      text: [
        "// The provider re-pushes every app at every plan (semantics row 4, cloudfoundry/terraform-provider-cloudfoundry#369).",
        "// See cloudfoundry/terraform-provider-cloudfoundry issue #369 for the upstream discussion.",
        "// One issue per problem; error.issues.map((issue) => issue.message).",
      ].join("\n"),
    },
  ];
  expect(narrationProblems(fixture)).toEqual([
    "a.ts:1: internal issue reference: issue 19",
    "b.md:2: cites a providers note outside this repository (cite semantics row N): CF-PROVIDER-BEHAVIOUR",
    "c.md:1: narration of how the work was done: sessions",
    "__tests__/fixtures/pipeline-before-issue-17/pipeline.yml:0: internal issue reference in the file's name: issue-17",
  ]);
});

test("no tracked text file refers to an internal issue, a providers note outside the repository, or sessions", () => {
  const files = trackedTextFiles();
  // The listing works: the docs and this project's source are in it.
  expect(["README.md", "docs/credentials.md", "offline/standin/semantics.ts"].filter((f) => !files.some((t) => t.path === f))).toEqual([]);
  expect(narrationProblems(files)).toEqual([]);
});
