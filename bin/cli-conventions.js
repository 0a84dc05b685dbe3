// The CLI conventions of every entry point, defined once: commands/cli.ts builds its programs with
// cli() (and runs them, turning each failure into its exit code), and the plain-JavaScript entry
// points (bench, generate:bindings, extract-aws-schema), which run without the TypeScript bundle, with
// jsCli(). The same library (commander), --help, unknown flags and extra arguments refused with one
// line, exit 2.
const { Command, InvalidArgumentError, Option } = require("commander");

/**
 * A command whose options that take a value refuse a second one: `--out a --out b` would otherwise
 * keep the last silently. Variadic options, and options given a parser of their own, are left as
 * declared.
 */
class OnceCommand extends Command {
  createCommand(name) {
    return new OnceCommand(name);
  }

  createOption(flags, description) {
    const option = new Option(flags, description);
    if ((option.required || option.optional) && !option.variadic) {
      let given = false;
      option.argParser((value) => {
        if (given) throw new InvalidArgumentError(`${option.long} was given more than once; give it once`);
        given = true;
        return value;
      });
    }
    return option;
  }
}

/**
 * A commander program with this project's conventions: strict arguments, one-line errors. It throws
 * a CommanderError instead of exiting (commands/cli.ts runProgram turns it into the exit code).
 */
function cli(name, description) {
  return new OnceCommand(name)
    .description(description)
    .helpOption("-h, --help", "show this help and exit")
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`${name}: ${message.replace(/^error: /, "").trim()} (see --help)\n`),
    });
}

/** cli(), exiting by itself as a script does: 0 after --help, 2 for unknown flags and extra arguments. */
function jsCli(name, description) {
  return cli(name, description).exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
}

module.exports = { cli, jsCli };
