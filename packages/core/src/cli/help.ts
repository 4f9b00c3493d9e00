import type { Command } from './command.js';
import type { CliIo } from './io.js';
import { STDIN_LIMIT_BYTES } from './token-input.js';

const USAGE_COLUMN_MAX = 62;

/** The overview, from the commands' own synopses: `zego-token`, `zego-token help`, `zego-token --help`. */
export function overview(commands: readonly Command[]): string {
  const entries: Array<[string, string]> = commands.map((command) => [
    `zego-token ${command.name} ${command.synopsis}`,
    command.summary,
  ]);
  entries.push(['zego-token help [COMMAND]', 'help for a command'], ['zego-token --version', '']);
  // Summaries in a column; a usage line too long for it puts its summary on the next line, in the column.
  const column = Math.min(Math.max(...entries.map(([usage]) => usage.length)), USAGE_COLUMN_MAX) + 5;
  const rows = entries.map(([usage, summary]) =>
    usage.length + 5 <= column ? `  ${usage.padEnd(column - 2)}${summary}`.trimEnd() : `  ${usage}\n${' '.repeat(column)}${summary}`,
  );
  return `zego-token: generate, decode, inspect, verify and diagnose ZEGO (ZEGOCLOUD) tokens

Usage:
${rows.join('\n')}

The secret comes from ZEGO_SERVER_SECRET (preferred: flags end up in shell history) or --secret; the app ID may
come from ZEGO_APP_ID. A TOKEN of "-" is read from stdin (at most ${STDIN_LIMIT_BYTES / 1024} KiB).
Exit codes: 0 ok, 1 the token is not valid (malformed, wrong secret; verify: expired, another app/user/room;
doctor: any finding of severity error), 2 usage error.`;
}

/** A command's help: its usage line, then its text. */
export function commandHelp(command: Command): string {
  return `zego-token ${command.name} ${command.synopsis}\n\n${command.help}`;
}

/** Prints a command's help on stdout (it was asked for); exit code 0. */
export function showHelp(command: Command, io: CliIo): number {
  io.out(commandHelp(command));
  return 0;
}
