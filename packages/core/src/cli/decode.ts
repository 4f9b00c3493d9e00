import { nowInSeconds } from '../lib/time.js';
import { decodeToken } from '../node/tokens.js';
import { parseCommand, secretFrom } from './arguments.js';
import type { Command } from './command.js';
import { showHelp } from './help.js';
import { describeExpiry, json } from './output.js';
import { readToken } from './token-input.js';

/** `zego-token decode TOKEN|-`: the claims, and on stderr whether and when the token expires. */
export const decode: Command = {
  name: 'decode',
  synopsis: 'TOKEN|- [--secret SECRET]',
  summary: 'print its claims (needs the secret)',
  help: `Prints the token's claims as JSON on stdout, and on stderr whether it has expired and when. "-" reads the token
from stdin. The secret comes from ZEGO_SERVER_SECRET or --secret. Strings from the token are printed with control
and bidi characters escaped as \\uXXXX (the same string to a JSON reader).`,
  async run(args, io) {
    const { values, positionals } = parseCommand('decode', args, { secret: { type: 'string' } }, 1);
    if (values.help) return showHelp(decode, io);
    const secret = secretFrom(values.secret);
    const claims = decodeToken(await readToken(positionals[0], io), secret);
    io.out(json(claims));
    io.err(describeExpiry(claims.expireTime, nowInSeconds()));
    return 0;
  },
};
