import * as fs from "fs";
import * as path from "path";
import { UsageError } from "./errors";

// Every file a command is given goes through here, so that a path of the wrong kind (`manifest --out
// <a directory>`, `report --out <a file>`) is refused up front instead of crashing half-way and
// leaving a temporary file behind. A path a command cannot use is one line and exit 2 (UsageError),
// said before any work is written; an output is written whole to a temporary file beside it and
// renamed over it, and the temporary file is removed whatever happens.

/** The reason an errno gives, in words a person acts on. */
export function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "is a directory, not a file";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many symbolic links";
    default:
      return code ?? (err as Error).message;
  }
}

/** An existing, writable directory, or a UsageError saying why the path cannot take an output. */
function checkDirectory(dir: string, forWhat: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`cannot write ${forWhat}: directory ${dir} does not exist; create it first`);
  }
  if (!stat.isDirectory()) throw new UsageError(`cannot write ${forWhat}: ${dir} is not a directory`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${forWhat}: directory ${dir} is not writable`);
  }
}

/** What is at a path, not following a final symbolic link; undefined for nothing there or a path that cannot be read. */
function lstatOrNothing(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Checks that `file` can take an output, before any work: its directory exists and is writable, and it
 * is not a directory or a symbolic link (renaming over a link replaces the link, not what it points at,
 * and writing through one writes somewhere nobody named).
 */
export function checkOutputFile(file: string, what: string): void {
  if (!file.trim()) throw new UsageError(`cannot write ${what}: the file name is empty`);
  if (!fs.existsSync(path.dirname(path.resolve(file)))) {
    throw new UsageError(`cannot write ${what} to ${file}: directory ${path.dirname(file)} does not exist; create it first`);
  }
  const stat = lstatOrNothing(file);
  if (stat?.isDirectory()) throw new UsageError(`cannot write ${what} to ${file}: it is a directory; give a file name (e.g. ${path.join(file, "out")})`);
  if (stat?.isSymbolicLink()) throw new UsageError(`cannot write ${what} to ${file}: it is a symbolic link; give the path it points to, or another name`);
  if (stat && !stat.isFile()) throw new UsageError(`cannot write ${what} to ${file}: it is not a regular file`);
  checkDirectory(path.dirname(path.resolve(file)), `${what} to ${file}`);
  if (stat) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      throw new UsageError(`cannot write ${what} to ${file}: the file is not writable`);
    }
  }
}

/**
 * Writes `content` to `file` whole (a temporary file beside it, renamed over it); never leaves the
 * temporary file. `mode` for content only its owner may read (a Terraform state holds secrets).
 */
export function writeOutputFile(file: string, content: string, what: string, mode?: number): void {
  checkOutputFile(file, what);
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(tmp, content, { flag: "wx", ...(mode === undefined ? {} : { mode }) });
    fs.renameSync(tmp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${what} to ${file}: ${code === "ENOENT" || code === "EROFS" ? `${path.dirname(file)} does not take new files` : reason(err)}`);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * A directory for outputs, refused when it is a file, a symbolic link, unwritable, or missing with a
 * parent that does not exist. When only it is missing (cdktf.out on a fresh checkout), `create` makes
 * it; without `create` it is only checked, so a refusal later leaves nothing behind.
 */
export function outputDirectory(dir: string, what: string, create = true): string {
  if (!dir.trim()) throw new UsageError(`cannot write ${what}: the directory name is empty`);
  const stat = lstatOrNothing(dir);
  if (stat?.isSymbolicLink()) throw new UsageError(`cannot write ${what} into ${dir}: it is a symbolic link; give the directory it points to`);
  if (stat && !stat.isDirectory()) throw new UsageError(`cannot write ${what} into ${dir}: it is a file, not a directory; give a directory`);
  if (!stat) {
    checkDirectory(path.dirname(path.resolve(dir)), `${what} into ${dir}`);
    if (create) fs.mkdirSync(dir);
  } else {
    checkDirectory(dir, `${what} into ${dir}`);
  }
  return dir;
}

/**
 * A directory a synth may replace wholesale (stacks/synth.ts swaps the new output into its place):
 * missing with an existing parent, empty, or an earlier synth's output (cdktf's manifest.json or
 * stacks/ in it). Anything else is refused: otherwise CDKTF_OUTDIR=config would replace config/ with
 * stacks, and CDKTF_OUTDIR=package.json would turn the file into a directory.
 */
export function checkReplaceableOutputDirectory(dir: string, what: string): void {
  if (!dir.trim()) throw new UsageError(`cannot write ${what}: the directory name is empty`);
  const stat = lstatOrNothing(dir);
  if (!stat) return checkDirectory(path.dirname(path.resolve(dir)), `${what} into ${dir}`);
  if (stat.isSymbolicLink()) throw new UsageError(`cannot write ${what} into ${dir}: it is a symbolic link, and the output replaces it wholesale; give a real directory`);
  if (!stat.isDirectory()) throw new UsageError(`cannot write ${what} into ${dir}: it is a file, and the output would replace it with a directory; give a directory`);
  const entries = fs.readdirSync(dir);
  if (entries.length && !entries.includes("manifest.json") && !entries.includes("stacks")) {
    throw new UsageError(`cannot write ${what} into ${dir}: it holds files that are not an earlier synth's output (e.g. ${entries.slice(0, 3).join(", ")}), and the output replaces the directory wholesale; give a new or empty directory`);
  }
  checkDirectory(path.dirname(path.resolve(dir)), `${what} into ${dir}`);
}

/** Parsed JSON, or a UsageError saying where it stops being JSON. */
export function parseJsonInput(text: string, file: string, what: string): unknown {
  if (!text.trim()) throw new UsageError(`${what} ${file === "-" ? "on standard input" : file} is empty`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${what} ${file === "-" ? "on standard input" : file} is not JSON: ${(err as Error).message}`);
  }
}
