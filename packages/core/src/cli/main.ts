/**
 * zego-token: generate, decode, inspect, verify and diagnose ZEGO tokens from a shell. `src/cli/` is the only code
 * that prints; this file picks the command and turns what it throws into one line on stderr and an exit code:
 * 0 success, 1 the token is not valid (malformed, wrong secret; verify: expired, another app/user/room; doctor: a
 * finding of severity error), 2 a usage error (flags, missing secret, values the generators refuse).
 *
 * Built as dist/cli.mjs; bin/zego-token.mjs calls {@link main}. Tests call {@link run} in-process.
 */
import { readFileSync } from 'node:fs';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { UsageError, type Command } from './command.js';
import { decode } from './decode.js';
import { doctor } from './doctor.js';
import { generate } from './generate.js';
import { commandHelp, overview } from './help.js';
import { inspect } from './inspect.js';
import { processIo, type CliIo } from './io.js';
import { oneLine, terminalSafe } from './output.js';
import { verify } from './verify.js';

export type { CliIo } from './io.js';
export { STDIN_LIMIT_BYTES } from './token-input.js';

/** Every command, in the overview's order: adding one is its file and a line here. */
const COMMANDS: readonly Command[] = [generate, decode, inspect, verify, doctor];

const commandNames = (): string => `${COMMANDS.map(({ name }) => name).join(', ')} or help`;

// The library's errors that say the token is not valid (exit 1); its other errors are about the arguments (exit 2).
const TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.TOKEN_MALFORMED,
  ErrorCode.TOKEN_DECRYPTION_FAILED,
  ErrorCode.TOKEN_EXPIRED,
  ErrorCode.TOKEN_CLAIM_MISMATCH,
  ErrorCode.TOKEN_EMPTY_PLAINTEXT,
]);

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Refuses arguments a command line should not have, by position (never by text: see arguments.ts). */
function noMoreThan(count: number, args: readonly string[]): void {
  if (args.length > count) throw new UsageError(`unexpected argument ${count + 2}`);
}

/** Picks the command named by argv's first argument and runs it. */
async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  switch (name) {
    case undefined:
      io.err(overview(COMMANDS));
      return 2;
    case 'help':
    case '--help':
    case '-h': {
      noMoreThan(1, args);
      const [topic] = args;
      if (topic === undefined) {
        io.out(overview(COMMANDS));
        return 0;
      }
      const command = COMMANDS.find((candidate) => candidate.name === topic);
      if (command === undefined) throw new UsageError(`argument 2 is not a command: try ${commandNames()}`);
      io.out(commandHelp(command));
      return 0;
    }
    case '--version':
    case '-v':
      noMoreThan(0, args);
      io.out(packageVersion());
      return 0;
    default: {
      const command = COMMANDS.find((candidate) => candidate.name === name);
      // Flags go after the command; whatever came first, it is not repeated (it may be --secret=…).
      if (command === undefined) {
        throw new UsageError(`argument 1 is not a command: zego-token COMMAND [flags], COMMAND being ${commandNames()}`);
      }
      return await command.run(args, io);
    }
  }
}

/**
 * Runs one command line (argv without `node` and the script) against `io`; resolves to the exit code. Every failure
 * is one line on stderr, `zego-token: …`, with no stack and no argument's text.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`zego-token: ${terminalSafe(oneLine(message))}`);
    if (error instanceof UsageError) return 2;
    if (error instanceof ZegoTokenError) return TOKEN_ERROR_CODES.has(error.code) ? 1 : 2;
    // A TokenError, or something unexpected: not a usage error.
    return 1;
  }
}

/** The `zego-token` bin: runs the process's arguments on its streams and sets its exit code. */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processIo());
}
