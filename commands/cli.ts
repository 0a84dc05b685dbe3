import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CommanderError, type Command } from "commander";
import { ConfigError, ENVIRONMENTS, type EnvironmentName } from "../config";
import { Refusal, UsageError } from "../io/errors";
import { parseJsonInput, reason } from "../io/files";
import { notAPlanHint, parsePlan, type PlanJson } from "../plan/plan-json";
import type { OutputStyle } from "../review/output";

// One error path for every entry point (synth, report, manifest, diff, plan-guard, pr-plan, pr-comment,
// bench): commander parses (--help, unknown flags, missing arguments), and every failure a user can
// cause ends as one line per problem on stderr with a documented exit code. Only a bug in this
// project prints a stack trace.

/** Exit codes, documented in docs/commands.md. */
export const EXIT = {
  /** Done; for diff: no change. */
  ok: 0,
  /** Ran and refused: invalid config, a guardrail breached, a plan or stack refused. */
  refused: 1,
  /** Called wrongly, or given input it cannot read: unknown flag, missing argument, unreadable file. */
  usage: 2,
} as const;

export { Refusal, UsageError } from "../io/errors";

/** A commander program with this project's conventions: strict arguments, one-line errors (bin/cli-conventions.js, shared with the plain-JavaScript entry points). */
export { cli } from "../bin/cli-conventions";

/** Runs a program built with cli() and turns every user error into its exit code and lines. */
export async function runProgram(program: Command, argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const name = program.name();
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    process.exitCode = exitCodeFor(err, name);
    const hint = process.exitCode === EXIT.usage ? npmTookOptions(program, env) : undefined;
    if (hint) process.stderr.write(`${name}: ${hint}\n`);
  }
}

/**
 * `npm run diff --base main` (no `--`) hands `--base` to npm, which keeps it as its own setting
 * (npm_config_base) and passes only `main` on: the command then sees a stray argument and no option.
 * The line that says so, with the call that works, when any of the program's options was taken so.
 */
export function npmTookOptions(program: Command, env: NodeJS.ProcessEnv): string | undefined {
  const taken = program.options
    .map((o) => o.long)
    .filter((long): long is string => Boolean(long) && long !== "--help")
    .filter((long) => env[`npm_config_${long.slice(2).replace(/-/g, "_")}`] !== undefined);
  if (!taken.length || env.npm_lifecycle_event === undefined) return undefined;
  return `npm took ${taken.join(", ")} as its own setting${taken.length === 1 ? "" : "s"}: put -- before the command's options (npm run ${env.npm_lifecycle_event} -- ${taken[0]} ...)`;
}

function exitCodeFor(err: unknown, name: string): number {
  const say = (lines: readonly string[]) => process.stderr.write(lines.map((l) => `${name}: ${l}\n`).join(""));
  if (err instanceof CommanderError) {
    // commander has already written the message (or the help).
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    say([err.message]);
    return EXIT.usage;
  }
  if (err instanceof ConfigError) {
    say([`refused: config has ${err.problems.length} problem${err.problems.length === 1 ? "" : "s"}`, ...err.problems]);
    return EXIT.refused;
  }
  if (err instanceof Refusal) {
    say(err.problems);
    return EXIT.refused;
  }
  throw err;
}

/**
 * A file name as the caller meant it. `npm run <script>` runs the command in the project's root, but
 * a relative name typed in a subdirectory (`cd config && npm run manifest -- ... --out m.yml`) means
 * that subdirectory, which npm keeps in INIT_CWD; only a command npm started as itself reads it there.
 */
export function callerPath(file: string, script: string, env: NodeJS.ProcessEnv = process.env): string {
  if (file === "-" || path.isAbsolute(file) || env.npm_lifecycle_event !== script || !env.INIT_CWD) return file;
  return path.relative(process.cwd(), path.resolve(env.INIT_CWD, file)) || ".";
}

/** An environment named on the command line, or a UsageError listing the ones there are. */
export function environmentArgument(name: string): EnvironmentName {
  if (!(ENVIRONMENTS as readonly string[]).includes(name)) throw new UsageError(`unknown environment "${name}"; one of: ${ENVIRONMENTS.join(", ")}`);
  return name as EnvironmentName;
}

/**
 * Standard input for "-", or a file's text. Refuses a directory, a missing file, and standard input
 * that is a terminal (a command waiting for a pipe would otherwise sit silently).
 */
export function readInput(file: string, what: string, pipeExample?: string, stdinIsTerminal: () => boolean = () => Boolean(process.stdin.isTTY)): string {
  if (!file.trim()) throw new UsageError(`cannot read ${what}: the file name is empty`);
  if (file === "-") {
    if (stdinIsTerminal()) {
      throw new UsageError(`expects ${what} on standard input, which is a terminal: pipe it in${pipeExample ? ` (${pipeExample})` : ""}, or give a file name instead of -`);
    }
    try {
      return fs.readFileSync(0, "utf8");
    } catch (err) {
      throw new UsageError(`cannot read ${what} from standard input: ${reason(err)}`);
    }
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file}: ${reason(err)}`);
  }
  if (stat.isDirectory()) throw new UsageError(`cannot read ${what} ${file}: it is a directory; give a file`);
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file}: ${reason(err)}`);
  }
}

/** A JSON file a command was given (or - for standard input), parsed; a UsageError (exit 2) when it cannot be read or is not JSON. */
export function readJsonInput(file: string, what: string): unknown {
  return parseJsonInput(readInput(file, what), file, what);
}

/**
 * The plan a command was given (a file, or - for standard input), parsed once; a UsageError (exit 2)
 * when it cannot be read, is not JSON or is not a Terraform plan, saying what it is where it can tell.
 */
export function readPlanArgument(file: string, command = "plan-guard"): PlanJson {
  const where = file === "-" ? "on standard input" : file;
  const text = readInput(file, "the plan", `terraform show -json <planfile> | npm run -s ${command} -- <env> -`);
  const early = text.trim() ? notAPlanHint(text) : undefined;
  if (early) throw new UsageError(`the plan ${where} is ${early}`);
  const input = parseJsonInput(text, file, "the plan");
  const hint = notAPlanHint(text, input);
  if (hint) throw new UsageError(`the plan ${where} is ${hint}`);
  const parsed = parsePlan(input);
  if ("problem" in parsed) throw new UsageError(`the plan ${where} is ${parsed.problem}`);
  return parsed.plan;
}

type Stream = Pick<NodeJS.WriteStream, "isTTY" | "columns"> & { hasColors?: (count?: number) => boolean };

/** The style for a stream (process.stdout or process.stderr) under an environment. */
export function outputStyle(stream: Stream, env: NodeJS.ProcessEnv = process.env): OutputStyle {
  const terminal = stream.isTTY === true;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const color = terminal && !noColor && (stream.hasColors?.() ?? false);
  const width = terminal && stream.columns && stream.columns > 0 ? stream.columns : undefined;
  return { color, ...(width ? { width } : {}) };
}

/** The work directories of this command that exist now: what an interruption must remove. */
const workDirectories = new Set<string>();
let removedOnSignal = false;

/**
 * A new temporary directory for this command's work (`<tmpdir>/notify-<name>-XXXXXX`), which the
 * command removes when it is done (removeWorkDirectory, in a finally). Interrupted before that (Ctrl-C
 * or SIGTERM), the command removes every such directory and exits 130 or 143, so that no run, finished
 * or not, leaves one behind. With `keep` (a --keep option) the directory is the user's to remove.
 */
export function workDirectory(name: string, keep = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `notify-${name}-`));
  if (keep) return dir;
  workDirectories.add(dir);
  if (!removedOnSignal) {
    removedOnSignal = true;
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      process.once(signal, () => {
        for (const d of workDirectories) fs.rmSync(d, { recursive: true, force: true });
        process.exit(code);
      });
    }
  }
  return dir;
}

/** Removes a work directory at the end of the command (left in place when the user asked to keep it). */
export function removeWorkDirectory(dir: string, keep = false): void {
  workDirectories.delete(dir);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}
