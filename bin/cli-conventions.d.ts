import type { Command } from "commander";

/** A commander program with this project's conventions: strict arguments, one-line errors; throws a CommanderError instead of exiting. */
export declare function cli(name: string, description: string): Command;
/** cli(), exiting by itself as a script does: 0 after --help, 2 for unknown flags and extra arguments. */
export declare function jsCli(name: string, description: string): Command;
