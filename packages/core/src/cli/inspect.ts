import { nowInSeconds } from '../lib/time.js';
import { inspectToken } from '../tokens/inspect-token.js';
import { parseCommand } from './arguments.js';
import type { Command } from './command.js';
import { showHelp } from './help.js';
import { describeExpiry, json } from './output.js';
import { readToken } from './token-input.js';

/** `zego-token inspect TOKEN|-`: the token's clear header, no secret needed. */
export const inspect: Command = {
  name: 'inspect',
  synopsis: 'TOKEN|-',
  summary: 'version, mode and expiry (no secret)',
  help: `Prints {"version", "mode", "expireTime", "expired"} as JSON (with "kit" for a UIKit kit token), and on stderr
when it expires, as a date and from now: "valid until 2026-12-05T03:00:00.000Z (59 min left)". No secret needed:
the expiry is in clear.`,
  async run(args, io) {
    const { values, positionals } = parseCommand('inspect', args, {}, 1);
    if (values.help) return showHelp(inspect, io);
    const header = inspectToken(await readToken(positionals[0], io));
    const now = nowInSeconds();
    io.out(json({ ...header, expired: now >= header.expireTime }));
    io.err(describeExpiry(header.expireTime, now));
    return 0;
  },
};
