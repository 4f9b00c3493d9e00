import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { isoTime, nowInSeconds, timeSpan } from '../lib/time.js';
import { decodeToken, verifyToken } from '../node/tokens.js';
import type { DecodedToken } from '../tokens/read-claims.js';
import { appIdFrom, parseCommand, secretFrom, withFlagNames } from './arguments.js';
import { TokenError, type Command } from './command.js';
import { showHelp } from './help.js';
import { quoted } from './output.js';
import { damagePrefix, readingRepaired, readRepairedToken } from './token-input.js';

const FLAGS = {
  'app-id': { type: 'string' },
  user: { type: 'string' },
  room: { type: 'string' },
  secret: { type: 'string' },
} as const;

/** verifyToken's expectation names, as this command's flags, for its error messages. */
const FLAG_OF = { appId: '--app-id', userId: '--user', roomId: '--room' };

/**
 * `zego-token verify TOKEN|-`: is this token valid, now, for this app (and user, and room)? One line either way.
 * The app ID expected comes from `--app-id`, else from ZEGO_APP_ID: the secret is that app's (ZEGO_SERVER_SECRET),
 * so a token that opens with it but names another app is worth refusing.
 */
export const verify: Command = {
  name: 'verify',
  synopsis: 'TOKEN|- [--app-id N] [--user ID] [--room ID] [--secret SECRET]',
  summary: 'is it valid now, for this app, user and room?',
  help: `Exits 0 and prints one line (for whom, until when) when the token is valid now for what was asked; exits 1
with one line on stderr saying why when it is not: expired, issued for another app, user or room, the wrong
secret, or not a token. A token damaged in transit (percent-encoded, quoted, '+' turned into spaces) is repaired
and read, as the doctor does, and the line says what the damage was: it exits 1, since the client holds the
damaged text. Kit tokens (TOKEN#wrapper) are read whole, as UIKit reads them. Exits 2 on a usage error.

  --app-id N        the app it must be for (default: ZEGO_APP_ID, if set; the flag wins)
  --user ID         the user it must be for
  --room ID         the room it must be bound to (03, or 04 with a room payload; a kit token: the room
                    its wrapper names, which UIKit joins). A token bound to no room fails here, where the
                    doctor only warns: such a login fails only where room authentication is on
  --secret SECRET   your ServerSecret (default: ZEGO_SERVER_SECRET)

Expiry is judged by this machine's clock, with no tolerance, as ZEGO's servers judge it.`,
  async run(args, io) {
    const { values, positionals } = parseCommand('verify', args, FLAGS, 1);
    if (values.help) return showHelp(verify, io);
    const { secret, source } = secretFrom(values.secret);
    const expected = { appId: appIdFrom(values['app-id']), userId: values.user, roomId: values.room };
    // Damage done in transit is repaired, as the doctor does, so the line can say whether the token itself is good:
    // but the client holds the damaged text, so it is not valid.
    const { text: token, damage } = await readRepairedToken(positionals[0], io);
    const damaged = damagePrefix(damage);
    const claims = readingRepaired(damage, () => {
      try {
        return withFlagNames({ ...FLAG_OF, secret: source }, () => verifyToken(token, secret, expected));
      } catch (error) {
        throw explained(error, token, secret);
      }
    });
    const left = claims.expireTime - nowInSeconds();
    const valid = `${audience(claims)}, until ${isoTime(claims.expireTime)} (${timeSpan(left)} left)`;
    if (damaged !== '') throw new TokenError(`${damaged}valid: ${valid}; give the client the token exactly as issued`);
    io.out(`valid: ${valid}`);
    return 0;
  },
};

/** Who a token is for: app, user, room and kind, with the token's strings quoted and terminal-safe. */
function audience(claims: DecodedToken): string {
  const room = claims.version === '03' ? claims.roomId : claims.room?.roomId;
  // ZEGO reads room_id "" as any room; a 04 token without a room payload is not bound to one.
  const where = room === undefined ? 'not bound to a room' : room === '' ? 'any room' : `room ${quoted(room)}`;
  const kit = claims.kit === undefined ? '' : `, in a kit token for ${claims.kit.roomId === '' ? 'no room' : `room ${quoted(claims.kit.roomId)}`}`;
  return `a ${claims.version} ${claims.mode} token for app ${claims.appId}, user ${quoted(claims.userId)}, ${where}${kit}`;
}

/** The library's reason, with what the token does say: when it expired, or whom it is for. */
function explained(error: unknown, token: string, secret: string): unknown {
  if (!(error instanceof ZegoTokenError)) return error;
  if (error.code === ErrorCode.TOKEN_EXPIRED) {
    // verifyToken decrypted it before judging expiry, so its claims are readable.
    const { expireTime } = decodeToken(token, secret);
    return new TokenError(`token expired at ${isoTime(expireTime)} (${timeSpan(nowInSeconds() - expireTime)} ago)`);
  }
  if (error.code === ErrorCode.TOKEN_CLAIM_MISMATCH) {
    return new TokenError(`${error.message}: it is ${audience(decodeToken(token, secret))}`);
  }
  return error;
}
