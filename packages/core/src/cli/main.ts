#!/usr/bin/env node
/**
 * zego-token: generate, decode and inspect ZEGO tokens from a shell. The only file in the package that prints.
 * Exit codes: 0 success, 1 a token error (malformed, wrong secret), 2 a usage error (flags, missing secret, bad input).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeToken } from '../tokens/decode-token.js';
import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { generateToken03 } from '../tokens/generate-token03.js';
import { generateToken04 } from '../tokens/generate-token04.js';
import { inspectToken } from '../tokens/inspect-token.js';
import { buildRoomPayload } from '../tokens/room-payload.js';

const HELP: Record<string, string> = {
  main: `zego-token: generate, decode and inspect ZEGO (ZEGOCLOUD) tokens

Usage:
  zego-token generate --app-id N --user ID [--room ID] [options]   print a new token
  zego-token decode TOKEN|-                                        print its claims (needs the secret)
  zego-token inspect TOKEN|-                                       version, mode and expiry (no secret)
  zego-token help [COMMAND]                                        help for a command
  zego-token --version

The secret comes from ZEGO_SERVER_SECRET (preferred: flags end up in shell history) or --secret; the app ID may
come from ZEGO_APP_ID. Exit codes: 0 ok, 1 token error, 2 usage error.`,
  generate: `zego-token generate --app-id N --user ID [--room ID] [options]

Prints a new token (alone, for scripts), or with --json the token and its decoded claims.

  --app-id N        your ZEGO app ID (default: ZEGO_APP_ID)
  --user ID         the user the token is for
  --room ID         bind the token to this room (04: a room payload; 03: required)
  --version 04|03   token version (default 04)
  --mode gcm|cbc    04 cipher (default gcm; cbc for old SDKs)
  --ttl SECONDS     lifetime (default 3600)
  --no-login        deny logging in to the room
  --no-publish      deny publishing streams (a watch-only token)
  --stream ID       04 with --room: a stream the user may publish (repeatable; default any)
  --payload JSON    04: a payload of your own instead of --room
  --secret SECRET   your ServerSecret (default: ZEGO_SERVER_SECRET)
  --json            print {"token", "claims"} as JSON`,
  decode: `zego-token decode TOKEN|- [--secret SECRET]

Prints the token's claims as JSON on stdout, and on stderr whether it has expired and when. "-" reads the token
from stdin. The secret comes from ZEGO_SERVER_SECRET or --secret.`,
  inspect: `zego-token inspect TOKEN|-

Prints {"version", "mode", "expireTime", "expired"} as JSON. No secret needed: the expiry is in clear.`,
};

/** A mistake in how the command was called: exit code 2. */
class UsageError extends Error {}

/** Runs parseArgs, turning its errors (which name the flag: "Unknown option '--foo'") into usage errors. */
function parsed<T extends { positionals: string[] }>(parse: () => T, maxPositionals: number): T {
  let result: T;
  try {
    result = parse();
  } catch (error) {
    // Its first sentence, on one line (some messages span lines).
    throw new UsageError(oneLine((error as Error).message).split('. ')[0] ?? 'bad arguments');
  }
  // Not echoed: a stray argument may well be the secret, pasted in the wrong place.
  if (result.positionals.length > maxPositionals) throw new UsageError(`unexpected argument number ${maxPositionals + 1}`);
  return result;
}

const help = { type: 'boolean', short: 'h' } as const;

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

function secretFrom(flag: string | undefined): string {
  if (flag === '') throw new UsageError('--secret is empty');
  const secret = flag ?? process.env['ZEGO_SERVER_SECRET'];
  if (secret === undefined || secret === '') throw new UsageError('no secret: set ZEGO_SERVER_SECRET or pass --secret');
  return secret;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`${name} must be a whole number`);
  return Number(value);
}

/** The token argument, or stdin for "-". */
function tokenFrom(positionals: string[]): string {
  const [token] = positionals;
  if (token === undefined) throw new UsageError('missing TOKEN (or "-" to read it from stdin)');
  // Tokens never contain whitespace: a trailing newline or space from a file or a paste is not part of one.
  return (token === '-' ? readFileSync(0, 'utf8') : token).trim();
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function describeExpiry(expireTime: number): string {
  const when = new Date(expireTime * 1000).toISOString();
  const left = expireTime - nowSeconds();
  const span = (seconds: number): string =>
    seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
  return left > 0 ? `valid until ${when} (${span(left)} left)` : `expired at ${when} (${span(-left)} ago)`;
}

function generate(args: string[]): void {
  const { values } = parsed(
    () =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
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
          json: { type: 'boolean' },
          help,
        },
      }),
    0,
  );
  if (values.help) return void console.log(HELP['generate']);
  const fromEnv = process.env['ZEGO_APP_ID'] || undefined;
  const appId = values['app-id'] !== undefined ? integer(values['app-id'], '--app-id') : integer(fromEnv, 'ZEGO_APP_ID');
  if (appId === undefined) throw new UsageError('no app ID: pass --app-id or set ZEGO_APP_ID');
  const userId = values.user;
  if (userId === undefined) throw new UsageError('missing --user');
  const secret = secretFrom(values.secret);
  const effectiveTimeInSeconds = integer(values.ttl, '--ttl') ?? 3600;
  const version = values.version ?? '04';
  const { room: roomId, stream: streams, payload } = values;
  const privilege = { login: !values['no-login'], publish: !values['no-publish'] };
  const restricted = Boolean(values['no-login'] || values['no-publish'] || streams);

  let token: string;
  if (version === '03') {
    if (roomId === undefined) throw new UsageError('version 03 tokens need --room');
    if (values.mode !== undefined && values.mode !== 'cbc') throw new UsageError('version 03 tokens are always cbc');
    if (streams || payload !== undefined) throw new UsageError('--stream and --payload are for version 04');
    token = generateToken03({ appId, roomId, userId, secret, effectiveTimeInSeconds, privilege });
  } else if (version === '04') {
    const { mode } = values;
    if (mode !== undefined && mode !== 'gcm' && mode !== 'cbc') throw new UsageError('--mode must be gcm or cbc');
    if (payload !== undefined && (roomId !== undefined || restricted)) {
      throw new UsageError('--payload replaces the room payload: drop --room, --stream, --no-login and --no-publish');
    }
    if (roomId === undefined && restricted) throw new UsageError('--stream, --no-login and --no-publish need --room');
    if (payload !== undefined) {
      try {
        JSON.parse(payload);
      } catch {
        throw new UsageError('--payload must be JSON');
      }
    }
    const body = roomId === undefined ? (payload ?? '') : buildRoomPayload({ roomId, privilege, streamIdList: streams ?? null });
    token = generateToken04({ appId, userId, secret, effectiveTimeInSeconds, payload: body, ...(mode ? { mode } : {}) });
  } else {
    throw new UsageError('--version must be 04 or 03');
  }
  console.log(values.json ? json({ token, claims: decodeToken(token, secret) }) : token);
}

function decode(args: string[]): void {
  const { values, positionals } = parsed(
    () => parseArgs({ args, allowPositionals: true, options: { secret: { type: 'string' }, help } }),
    1,
  );
  if (values.help) return void console.log(HELP['decode']);
  const token = tokenFrom(positionals);
  const claims = decodeToken(token, secretFrom(values.secret));
  console.log(json(claims));
  console.error(describeExpiry(claims.expireTime));
}

function inspect(args: string[]): void {
  const { values, positionals } = parsed(() => parseArgs({ args, allowPositionals: true, options: { help } }), 1);
  if (values.help) return void console.log(HELP['inspect']);
  const header = inspectToken(tokenFrom(positionals));
  console.log(json({ ...header, expired: nowSeconds() >= header.expireTime }));
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** The library's option names, as this command's flags. */
function flagNames(message: string): string {
  return message
    .replace(/\beffectiveTimeInSeconds\b/g, '--ttl')
    .replace(/\buserId\b/g, '--user')
    .replace(/\broomId\b/g, '--room')
    .replace(/\bappId\b/g, '--app-id')
    .replace(/\bstreamIdList\b/g, '--stream');
}

/** Runs one command line; returns the exit code. */
function main([command, ...args]: string[]): number {
  try {
    switch (command) {
      case 'generate':
        generate(args);
        return 0;
      case 'decode':
        decode(args);
        return 0;
      case 'inspect':
        inspect(args);
        return 0;
      case 'help':
      case '--help':
      case '-h': {
        const topic = args[0] ?? 'main';
        if (!Object.hasOwn(HELP, topic)) throw new UsageError(`no help for "${topic}": try generate, decode or inspect`);
        console.log(HELP[topic]);
        return 0;
      }
      case '--version':
      case '-v':
        console.log(version());
        return 0;
      case undefined:
        console.error(HELP['main']);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}": try generate, decode, inspect or help`);
    }
  } catch (error) {
    console.error(`zego-token: ${flagNames(oneLine(String((error as Error).message)))}`);
    if (error instanceof UsageError) return 2;
    // Bad input to the generators is a usage error; a token that cannot be read is a token error.
    if (error instanceof ZegoTokenError) {
      const tokenErrors: number[] = [ErrorCode.TOKEN_MALFORMED, ErrorCode.TOKEN_DECRYPTION_FAILED, ErrorCode.TOKEN_EXPIRED];
      return tokenErrors.includes(error.code) ? 1 : 2;
    }
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
