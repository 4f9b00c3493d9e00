import { nowInSeconds } from '../lib/time.js';
import { decodeToken } from '../node/tokens.js';
import { parseCommand, secretFrom, withFlagNames } from './arguments.js';
import type { Command } from './command.js';
import { showHelp } from './help.js';
import { describeExpiry, json } from './output.js';
import { damagePrefix, readingRepaired, readRepairedToken } from './token-input.js';

/** `zego-token decode TOKEN|-`: the claims, and on stderr whether and when the token expires. */
export const decode: Command = {
  name: 'decode',
  synopsis: 'TOKEN|- [--secret SECRET]',
  summary: 'print its claims (needs the secret)',
  help: `Prints the token's claims as JSON on stdout, and on stderr whether it has expired and when. "-" reads the token
from stdin. The secret comes from ZEGO_SERVER_SECRET or --secret. A token damaged in transit (whitespace, quotes,
percent-encoding, '+' turned into spaces, stripped '=' padding) is repaired and read as the doctor reads it, and
stderr names the damage: the client holds the damaged text. Strings from the token are printed with controls and
invisible characters escaped as \\uXXXX (the same string to a JSON reader).`,
  async run(args, io) {
    const { values, positionals } = parseCommand('decode', args, { secret: { type: 'string' } }, 1);
    if (values.help) return showHelp(decode, io);
    const { secret, source } = secretFrom(values.secret);
    const { text, damage } = await readRepairedToken(positionals[0], io);
    const claims = readingRepaired(damage, () => withFlagNames({ secret: source }, () => decodeToken(text, secret)));
    io.out(json(claims));
    if (damage.length > 0) io.err(`${damagePrefix(damage)}read: give the client the token exactly as issued`);
    io.err(describeExpiry(claims.expireTime, nowInSeconds()));
    return 0;
  },
};
