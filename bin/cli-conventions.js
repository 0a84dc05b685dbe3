// The CLI conventions of commands/cli.ts for the plain-JavaScript entry points (bench, generate:bindings,
// extract-aws-schema), which run without the TypeScript bundle: the same library (commander), --help,
// unknown flags refused with one line and exit 2.
const { Command } = require("commander");

/** A commander program that refuses unknown flags and extra arguments with one line, exit 2. */
function jsCli(name, description) {
  return new Command(name)
    .description(description)
    .helpOption("-h, --help", "show this help and exit")
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
    .configureOutput({
      outputError: (message, write) => write(`${name}: ${message.replace(/^error: /, "").trim()} (see --help)\n`),
    });
}

module.exports = { jsCli };
