import * as fs from "fs";
import { Command, CommanderError } from "commander";
import { ConfigError, ENVIRONMENTS, type EnvironmentName } from "../config";

// One error path for every entry point (synth, report, manifest, diff, plan-guard, trusted-stack,
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

/** The caller's mistake: how the command was called, or input it cannot read (exit 2). */
export class UsageError extends Error {}

/** The command ran and says no, one line per problem (exit 1). */
export class Refusal extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

/** A commander program with this project's conventions: strict arguments, one-line errors. */
export function cli(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .helpOption("-h, --help", "show this help and exit")
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`${name}: ${message.replace(/^error: /, "").trim()} (see --help)\n`),
    });
}

/** Runs a program built with cli() and turns every user error into its exit code and lines. */
export async function run(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  const name = program.name();
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    process.exitCode = exitCodeFor(err, name);
  }
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

/** A file's text, or standard input for "-"; a UsageError naming the file when it cannot be read. */
export function readInput(file: string, what: string): string {
  try {
    return fs.readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${what} ${file === "-" ? "from standard input" : file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
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

/** An environment named on the command line, or a UsageError listing the ones there are. */
export function environmentArgument(name: string): EnvironmentName {
  if (!(ENVIRONMENTS as readonly string[]).includes(name)) throw new UsageError(`unknown environment "${name}"; one of: ${ENVIRONMENTS.join(", ")}`);
  return name as EnvironmentName;
}
