import { nowInSeconds } from '../lib/time.js';
import { inspectToken } from '../tokens/inspect-token.js';
import { parseCommand } from './arguments.js';
import type { Command } from './command.js';
import { showHelp } from './help.js';
import { json } from './output.js';
import { damagePrefix, readingRepaired, readRepairedToken } from './token-input.js';

/** `zego-token inspect TOKEN|-`: the token's clear header, no secret needed. */
export const inspect: Command = {
  name: 'inspect',
  synopsis: 'TOKEN|-',
  summary: 'version, mode and expiry (no secret)',
  help: `Prints {"version", "mode", "expireTime", "expired"} as JSON. No secret needed: the expiry is in clear. A token
damaged in transit is repaired and read as the doctor reads it, and stderr names the damage.`,
  async run(args, io) {
    const { values, positionals } = parseCommand('inspect', args, {}, 1);
    if (values.help) return showHelp(inspect, io);
    const { text, damage } = await readRepairedToken(positionals[0], io);
    const header = readingRepaired(damage, () => inspectToken(text));
    io.out(json({ ...header, expired: nowInSeconds() >= header.expireTime }));
    if (damage.length > 0) io.err(`${damagePrefix(damage)}read: give the client the token exactly as issued`);
    return 0;
  },
};
