import { nowInSeconds } from '../lib/time.js';
import { inspectToken } from '../tokens/inspect-token.js';
import { parseCommand } from './arguments.js';
import type { Command } from './command.js';
import { showHelp } from './help.js';
import { describeExpiry, json } from './output.js';
import { damagePrefix, readingRepaired, readRepairedToken } from './token-input.js';

/** `zego-token inspect TOKEN|-`: the token's clear header, no secret needed. */
export const inspect: Command = {
  name: 'inspect',
  synopsis: 'TOKEN|-',
  summary: 'version, mode and expiry (no secret)',
  help: `Prints {"version", "mode", "expireTime", "expired"} as JSON (with "kit" for a UIKit kit token), and on stderr
when it expires, as a date and from now: "valid until 2026-12-05T03:00:00.000Z (59 min left)". No secret needed:
the expiry is in clear. A token damaged in transit is repaired and read as the doctor reads it, and stderr names the
damage.`,
  async run(args, io) {
    const { values, positionals } = parseCommand('inspect', args, {}, 1);
    if (values.help) return showHelp(inspect, io);
    const { text, damage } = await readRepairedToken(positionals[0], io);
    const header = readingRepaired(damage, () => inspectToken(text));
    const now = nowInSeconds();
    io.out(json({ ...header, expired: now >= header.expireTime }));
    if (damage.length > 0) io.err(`${damagePrefix(damage)}read: give the client the token exactly as issued`);
    io.err(describeExpiry(header.expireTime, now));
    return 0;
  },
};
