import type { CliIo } from './io.js';

/**
 * One `zego-token` command, in a file of its own. To add one, write `src/cli/NAME.ts` exporting a `Command` and add
 * it to `COMMANDS` in main.ts: the dispatcher, `help NAME`, `NAME --help` and the overview follow from this object.
 */
export interface Command {
  /** The word that selects it: `zego-token NAME …`. */
  readonly name: string;
  /** Its arguments, as shown after `zego-token NAME` in the overview and its help: `TOKEN|- [--secret S]`. */
  readonly synopsis: string;
  /** What it does, in a few words, for the overview. */
  readonly summary: string;
  /** Its help text, printed under its usage line by `zego-token help NAME` and `zego-token NAME --help`. */
  readonly help: string;
  /**
   * Runs it on the arguments after its name; returns (or resolves to) the exit code. Throws {@link UsageError} (exit 2),
   * {@link TokenError} (exit 1) or the library's `ZegoTokenError` (exit by its code: see main.ts).
   */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

/**
 * A mistake in how the command was called (exit 2). Its message never contains an argument's value: a stray
 * argument may well be the secret, pasted in the wrong place. It may name a flag of the command's own table.
 */
export class UsageError extends Error {}

/** What was given as a token is not a valid one (exit 1), beyond what the library's own errors say. */
export class TokenError extends Error {}
