import { nowInSeconds } from '../lib/time.js';
import { inspectToken } from '../tokens/inspect-token.js';
import { parseCommand } from './arguments.js';
import type { Command } from './command.js';
import { showHelp } from './help.js';
import { json } from './output.js';
import { readToken } from './token-input.js';

/** `zego-token inspect TOKEN|-`: the token's clear header, no secret needed. */
export const inspect: Command = {
  name: 'inspect',
  synopsis: 'TOKEN|-',
  summary: 'version, mode and expiry (no secret)',
  help: 'Prints {"version", "mode", "expireTime", "expired"} as JSON. No secret needed: the expiry is in clear.',
  async run(args, io) {
    const { values, positionals } = parseCommand('inspect', args, {}, 1);
    if (values.help) return showHelp(inspect, io);
    const header = inspectToken(await readToken(positionals[0], io));
    io.out(json({ ...header, expired: nowInSeconds() >= header.expireTime }));
    return 0;
  },
};
