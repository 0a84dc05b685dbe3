import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../../io/errors";
import { extractCommit, resolveRef } from "../../review/git-ref";

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// A repository of its own per test: a commit of "this project" (it has cdktf.json), one of another
// history (no cdktf.json), and a blob.
function repository(): { root: string; own: string; foreign: string; blob: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "notify-git-ref-"));
  made.push(root);
  const git = (...args: string[]) => {
    const r = spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim();
  };
  git("init", "-q", "-b", "main");
  fs.writeFileSync(path.join(root, "cdktf.json"), '{"app":"true"}\n');
  git("add", "cdktf.json");
  git("commit", "-q", "-m", "own");
  const own = git("rev-parse", "HEAD");
  git("checkout", "-q", "--orphan", "vendored");
  git("rm", "-q", "--cached", "cdktf.json");
  fs.writeFileSync(path.join(root, "other.txt"), "x\n");
  git("add", "other.txt");
  git("commit", "-q", "-m", "foreign");
  const foreign = git("rev-parse", "HEAD");
  fs.rmSync(path.join(root, "other.txt"));
  git("checkout", "-q", "-f", "main");
  return { root, own, foreign, blob: git("rev-parse", `${own}:cdktf.json`) };
}

const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error("did not throw");
};

describe("a --base that is not a commit of this project is the caller's mistake, said in one line", () => {
  let repo: ReturnType<typeof repository>;
  beforeAll(() => (repo = repository()));
  afterAll(() => fs.rmSync(repo.root, { recursive: true, force: true }));

  test("a commit of this project resolves", () => {
    expect(resolveRef(repo.root, "main")).toBe(repo.own);
  });

  test("a blob is named as a blob, not 'no such ref'", () => {
    const err = caught(() => resolveRef(repo.root, repo.blob));
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(`${repo.blob} is a blob (a file's content), not a commit; give a branch, tag or commit`);
  });

  test("a commit of another history (no cdktf.json) is refused before anything is extracted or run", () => {
    const err = caught(() => resolveRef(repo.root, "vendored"));
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(`vendored (${repo.foreign.slice(0, 10)}) is not a commit of this project: it has no cdktf.json; give a commit of this repository's history, e.g. origin/main`);
    expect(fs.existsSync(path.join(repo.root, ".build"))).toBe(false);
  });
});

describe("extracting a base", () => {
  let repo: ReturnType<typeof repository>;
  let work: string;
  beforeEach(() => {
    repo = repository();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "notify-git-ref-work-"));
  });
  afterEach(() => [repo.root, work].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test("an extraction an interrupted diff left half-written (its process gone) is removed by the next one", () => {
    const cache = path.join(repo.root, ".build", "diff-base");
    fs.mkdirSync(path.join(cache, `${repo.own}.tmp-999999999`), { recursive: true });
    const src = extractCommit(repo.root, repo.own, work);
    expect(src).toBe(path.join(cache, repo.own));
    expect(fs.readdirSync(cache)).toEqual([repo.own]);
    expect(fs.readFileSync(path.join(src, "cdktf.json"), "utf8")).toBe('{"app":"true"}\n');
  });

  test("where the cache cannot be written (a read-only checkout), the base goes into the command's work directory instead of failing", () => {
    fs.writeFileSync(path.join(repo.root, ".build"), "not a directory\n");
    const src = extractCommit(repo.root, repo.own, work);
    expect(src).toBe(path.join(work, "base"));
    expect(fs.readFileSync(path.join(src, "cdktf.json"), "utf8")).toBe('{"app":"true"}\n');
    expect(fs.readFileSync(path.join(repo.root, ".build"), "utf8")).toBe("not a directory\n");
  });
});
