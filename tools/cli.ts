import { Command, CommanderError } from "commander";
import { ConfigError, ENVIRONMENTS, type EnvironmentName } from "../config";
import { Refusal, UsageError } from "./errors";

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

export { Refusal, UsageError } from "./errors";
export { readInput } from "./files";

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
