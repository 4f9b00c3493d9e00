import { wrapKitToken } from '../tokens/kit-wrapper.js';
import { ENVIRONMENT_VARIABLES } from '../lib/environment.js';
import { timeSpan } from '../lib/time.js';
import { decodeToken, generateToken03, generateToken04 } from '../node/tokens.js';
import type { PrivilegeFlags } from '../tokens/privilege.js';
import type { RoomPayload } from '../tokens/room-payload.js';
import { MAX_CLIENT_LIFETIME_SECONDS } from '../tokens/lifetime.js';
import { resolveTokenKind } from '../tokens/token-kind.js';
import { appIdFrom, durationSeconds, parseCommand, secretFrom, withFlagNames, type FlagValues } from './arguments.js';
import { UsageError, type Command } from './command.js';
import { showHelp } from './help.js';
import { json } from './output.js';

const FLAGS = {
  'app-id': { type: 'string' },
  user: { type: 'string' },
  room: { type: 'string' },
  version: { type: 'string' },
  mode: { type: 'string' },
  ttl: { type: 'string' },
  'no-login': { type: 'boolean' },
  'no-publish': { type: 'boolean' },
  stream: { type: 'string', multiple: true },
  payload: { type: 'string' },
  secret: { type: 'string' },
  kit: { type: 'boolean' },
  'user-name': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The generators' option names, as this command's flags, for their error messages. */
const FLAG_OF = {
  appId: '--app-id',
  userId: '--user',
  roomId: '--room',
  'payload.roomId': '--room',
  'payload.streamIdList': '--stream',
  effectiveTimeInSeconds: '--ttl',
  version: '--version',
  mode: '--mode',
  payload: '--payload',
  userName: '--user-name',
};

const DEFAULT_TTL_SECONDS = 3600;

/** What every generator takes, from the flags and the environment. */
interface Common {
  appId: number;
  userId: string;
  secret: string;
  effectiveTimeInSeconds: number;
}

/** `zego-token generate`: flags in, the generators' options out; the generators validate (no rule twice). */
export const generate: Command = {
  name: 'generate',
  synopsis: '--app-id N --user ID [--room ID] [options]',
  summary: 'print a new token',
  help: `Prints a new token (alone, for scripts), or with --json the token and its decoded claims.

  --app-id N        your ZEGO app ID (default: ZEGO_APP_ID)
  --user ID         the user the token is for
  --room ID         bind the token to this room (04: a room payload; 03: required)
  --version 04|03   token version (default 04)
  --mode gcm|cbc    04 cipher (default gcm; cbc for old SDKs)
  --ttl DURATION    lifetime: seconds, or with a unit: 90s, 30m, 1h, 2d (default 1h). ZIM and the Web SDK
                    take at most 24d; a timestamp or milliseconds is refused, as is an expiry after 2038
  --no-login        deny logging in to the room
  --no-publish      deny publishing streams (a watch-only token)
  --stream ID       04 with --room: a stream the user may publish (repeatable; default any)
  --payload JSON    04: a payload of your own instead of --room
  --secret SECRET   your ServerSecret (default: ZEGO_SERVER_SECRET)
  --kit             print a UIKit Prebuilt kit token instead: the token wrapped as UIKit's
                    generateKitTokenForProduction wraps it, for ZegoUIKitPrebuilt.create (the wrapper
                    names --room, or no room without it; IDs only up to U+00FF)
  --user-name NAME  with --kit: the name UIKit shows (default none)
  --json            print {"token", "claims"} as JSON (with --kit, {"token", "kitToken", "claims"})`,
  run(args, io) {
    const { values } = parseCommand('generate', args, FLAGS, 0);
    if (values.help) return showHelp(generate, io);
    const appId = appIdFrom(values['app-id']);
    if (appId === undefined) throw new UsageError(`no app ID: pass --app-id or set ${ENVIRONMENT_VARIABLES.appId}`);
    const userId = values.user;
    if (userId === undefined) throw new UsageError('missing --user');
    const { secret, source } = secretFrom(values.secret);
    const effectiveTimeInSeconds = values.ttl === undefined ? DEFAULT_TTL_SECONDS : durationSeconds(values.ttl, '--ttl');
    const userName = values['user-name'];
    if (userName !== undefined && values.kit !== true) throw new UsageError('--user-name is for --kit');
    const token = withFlagNames({ ...FLAG_OF, secret: source }, () => mint(values, { appId, userId, secret, effectiveTimeInSeconds }));
    if (values.kit !== true) {
      io.out(values.json ? json({ token, claims: decodeToken(token, secret) }) : token);
    } else {
      const kitToken = withFlagNames(FLAG_OF, () => wrapKitToken({ appId, token, userId, roomId: values.room, userName }));
      io.out(values.json ? json({ token, kitToken, claims: decodeToken(token, secret) }) : kitToken);
    }
    // The generators take a long lifetime (an RTC-only app may want one); the token routes refuse it unless told.
    if (effectiveTimeInSeconds > MAX_CLIENT_LIFETIME_SECONDS) {
      io.err(`warning: the token lasts ${timeSpan(effectiveTimeInSeconds)}, over the 24 days ZIM takes and the Web SDK's renewal timer waits`);
    }
    return 0;
  },
};

/** Calls the generator the version asks for, with the options the flags give. */
function mint(values: FlagValues<typeof FLAGS>, common: Common): string {
  const { version, mode } = resolveTokenKind(values.version, values.mode);
  const privilege: PrivilegeFlags = { login: !values['no-login'], publish: !values['no-publish'] };
  if (version === '03') {
    // 03 has neither a payload nor a stream list: these flags would have nothing to set.
    if (values.stream !== undefined || values.payload !== undefined) throw new UsageError('--stream and --payload are for version 04');
    if (values.room === undefined) throw new UsageError('version 03 tokens need --room');
    return generateToken03({ ...common, roomId: values.room, privilege });
  }
  return generateToken04({ ...common, mode, payload: payload04(values, privilege) });
}

/** The 04 payload the flags describe: none, the app's own JSON (--payload), or a room payload (--room …). */
function payload04(values: FlagValues<typeof FLAGS>, privilege: PrivilegeFlags): string | RoomPayload {
  const { room: roomId, stream: streams, payload } = values;
  // The privileges and stream list live in the room payload: without --room they have nowhere to go.
  const restricted = values['no-login'] === true || values['no-publish'] === true || streams !== undefined;
  if (payload !== undefined) {
    if (roomId !== undefined || restricted) {
      throw new UsageError('--payload replaces the room payload: drop --room, --stream, --no-login and --no-publish');
    }
    try {
      JSON.parse(payload);
    } catch {
      throw new UsageError('--payload must be JSON');
    }
    return payload;
  }
  if (roomId === undefined) {
    if (restricted) throw new UsageError('--stream, --no-login and --no-publish need --room');
    return '';
  }
  return { roomId, privilege, streamIdList: streams ?? null };
}
