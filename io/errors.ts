/** The caller's mistake: how the command was called, or input it cannot read (exit 2). */
export class UsageError extends Error {}

/** The command ran and says no, one line per problem (exit 1). */
export class Refusal extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}
