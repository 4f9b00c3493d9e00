import { ErrorCode, ZegoTokenError } from '../lib/errors.js';
import { optionsReader } from '../lib/options.js';
import { isEnvelopeFault, readEnvelope, type Envelope } from '../format/envelope-reader.js';
import { kitMismatch, unwrapKitToken, type KitClaims, type UnwrappedToken } from '../format/kit-token.js';
import type { TokenCrypto } from '../format/token-crypto.js';
import { readClaims, INT64_MAX, type DecodedToken } from '../tokens/read-claims.js';
import type { TokenHeader } from '../tokens/inspect-token.js';
import {
  checkedExpectations,
  EXPECTATION_NAMES,
  roomMatch,
  type CheckedExpectations,
} from '../tokens/verify-claims.js';
import { isoTime, timeSpan } from '../lib/time.js';
import { describeMisreading, MAX_CLIENT_LIFETIME_SECONDS, MAX_EXPIRE_TIME, misreadLifetime } from '../tokens/lifetime.js';
import { outsideCharacter, ZEGO_ID_SYMBOLS } from '../tokens/zego-id.js';
import { finding, type DiagnosisFinding } from './findings.js';
import { repairToken } from './repair-token.js';

/** What {@link diagnoseToken} checks the token against. Every field is optional. */
export interface DiagnoseTokenOptions {
  /** The ServerSecret: without it only the clear header (and a kit wrapper) can be read. */
  secret?: string | undefined;
  /** The app ID the client uses (`createEngine`): reported as `app_id_mismatch` when the token's differs. */
  appId?: number | undefined;
  /** The user ID the client logs in with: reported as `user_id_mismatch` when the token's differs. */
  userId?: string | undefined;
  /** The room the client joins: `room_id_mismatch` unless the token is bound to it or to any room. */
  roomId?: string | undefined;
  /** The current time in epoch seconds; defaults to the system clock (leave it out, or `undefined`: `null` is refused). */
  now?: number | undefined;
  /** Seconds of clock skew allowed for `expired` and `not_yet_valid`; defaults to `DEFAULT_CLOCK_TOLERANCE_SECONDS` (0). */
  clockToleranceSeconds?: number | undefined;
}

/** What {@link diagnoseToken} found. */
export interface TokenDiagnosis {
  /** `false` when any finding is an error: the client would fail with this token (as given). */
  ok: boolean;
  /** Everything found, in the order a token is read: transport damage, envelope, decryption, claims. */
  findings: DiagnosisFinding[];
  /**
   * What could be read, from the repaired token: its claims (`decodeToken`'s result) when the secret opens it,
   * otherwise its clear header (`inspectToken`'s result); absent when not even the header could be read.
   */
  token?: DecodedToken | TokenHeader;
}

const readOptions = optionsReader<DiagnoseTokenOptions>({ ...EXPECTATION_NAMES, secret: true });

interface Resolved extends CheckedExpectations {
  secret: string | undefined;
}

/** The options read once and checked as `verifyToken`'s expectations are, the secret by the platform's cipher. */
function resolveOptions(crypto: TokenCrypto<string, Uint8Array>, options: DiagnoseTokenOptions): Resolved {
  const read = readOptions(options);
  const { secret } = read;
  if (secret !== undefined) crypto.keyFor(secret);
  return { ...checkedExpectations(read), secret: secret as string | undefined };
}

function malformed(part: string): DiagnosisFinding {
  return finding('malformed', `The token is not a readable ZEGO token (${part}): pass it exactly as your token server returned it.`);
}

/** The envelope of `text`, putting back `=` padding that was stripped (a repair, reported). */
function envelopeOf(text: string, findings: DiagnosisFinding[]): Envelope | undefined {
  let envelope = readEnvelope(text);
  if (isEnvelopeFault(envelope) && /^0[34][A-Za-z0-9+/]+$/.test(text) && (text.length - 2) % 4 >= 2) {
    const padded = readEnvelope(text + '='.repeat(4 - ((text.length - 2) % 4)));
    if (!isEnvelopeFault(padded)) {
      findings.push(finding('padding_missing', "The token's '=' padding at its end was stripped: pass it whole, '=' included."));
      envelope = padded;
    }
  }
  if (!isEnvelopeFault(envelope)) return envelope;
  findings.push(
    envelope.fault === 'truncated'
      ? finding('truncated', `The token was cut short (${envelope.reason}): pass it whole, and check nothing on its way (a column, a log line, a copy) truncates it.`)
      : malformed(envelope.reason),
  );
  return undefined;
}

/** The claims, or the finding that says why the secret does not yield them. */
function claimsOf(crypto: TokenCrypto<string, Uint8Array>, envelope: Envelope, secret: string, kit: KitClaims | undefined): DecodedToken | DiagnosisFinding {
  try {
    return readClaims(crypto.keyFor(secret).open(envelope), { envelope, kit });
  } catch (error) {
    const known = error instanceof ZegoTokenError ? error : undefined;
    if (known?.code === ErrorCode.TOKEN_EMPTY_PLAINTEXT) {
      return finding('empty_plaintext', "The token decrypts to nothing: its generator failed to encode its JSON (PHP's json_encode does on invalid UTF-8), so check its user ID and payload are valid UTF-8.");
    }
    if (known?.code === ErrorCode.TOKEN_MALFORMED) return malformed(known.reason);
    return finding('decryption_failed', 'The token does not decrypt with this secret: use the ServerSecret of the app that issued it (or the token was altered).');
  }
}

function timeFindings(claims: DecodedToken, o: Resolved): DiagnosisFinding[] {
  const { createTime, expireTime } = claims;
  if (expireTime < createTime) {
    return [finding('lifetime_negative', `The token expires ${timeSpan(createTime - expireTime)} before it was created: give its generator a positive lifetime (effectiveTimeInSeconds).`)];
  }
  const found: DiagnosisFinding[] = [];
  if (o.now >= expireTime + o.tolerance) found.push(expired(expireTime, o.now));
  if (createTime > o.now + o.tolerance) {
    found.push(finding('not_yet_valid', `The token was created ${timeSpan(createTime - o.now)} in the future: the issuing server's clock runs ahead, so synchronise it (NTP).`));
  }
  return found;
}

function expired(expireTime: number, now: number): DiagnosisFinding {
  return finding('expired', `The token expired at ${isoTime(expireTime)} (${timeSpan(Math.max(0, now - expireTime))} ago): issue a new one, and renew tokens on the SDK's tokenWillExpire event.`);
}

/**
 * `expiry_after_2038` (ZIM reads the expiry as long past) or else `lifetime_too_long` (over the 24 days ZIM takes and
 * the Web SDK's timer waits), saying why when the lifetime reads as a timestamp or milliseconds. With the claims the
 * lifetime is known; from the header alone, only the expiry and how far off it is.
 */
function lifetimeFindings(expireTime: number, known: { lifetime: number; createTime: number } | { now: number }): DiagnosisFinding[] {
  const lifetime = 'lifetime' in known ? known.lifetime : undefined;
  const misreading = 'lifetime' in known ? misreadLifetime(known.lifetime, known.createTime) : undefined;
  const because = misreading === undefined ? '' : `; its lifetime, ${lifetime} s, ${describeMisreading(misreading)}`;
  const fix = 'give its generator the lifetime in seconds, at most 24 days (2,073,600 s), and renew tokens on tokenWillExpire';
  if (expireTime > MAX_EXPIRE_TIME) {
    return [finding('expiry_after_2038', `The token expires at ${isoTime(expireTime)}, after ${isoTime(MAX_EXPIRE_TIME)} (2^31 - 1 s), which ZIM reads as long past (an immediate "Token expired")${because}: ${fix}.`)];
  }
  const span = lifetime ?? expireTime - (known as { now: number }).now;
  if (span > MAX_CLIENT_LIFETIME_SECONDS) {
    const lasts = lifetime === undefined ? `expires in ${timeSpan(span)}` : `lasts ${timeSpan(span)}`;
    return [finding('lifetime_too_long', `The token ${lasts}, over the 24 days ZIM takes (6000109) and the Web SDK's renewal timer waits${because}: ${fix}.`)];
  }
  return [];
}

/** `room_id_charset`: a room ID or stream ID with a character ZEGO's Web SDK refuses, named (never the ID itself). */
function charsetFindings(claims: DecodedToken): DiagnosisFinding[] {
  const found: DiagnosisFinding[] = [];
  const room = claims.version === '03' ? claims.roomId : claims.room?.roomId;
  const inRoom = room === undefined ? undefined : outsideCharacter(room);
  if (inRoom !== undefined) {
    found.push(finding('room_id_charset', `The token's room ID has ${inRoom}, which ZEGO's Web SDK refuses before it connects (1002012): use room IDs of digits, English letters and ${ZEGO_ID_SYMBOLS} only.`));
  }
  const streams = claims.version === '04' ? (claims.room?.streamIdList ?? []) : [];
  const inStream = streams.map(outsideCharacter).find((outside) => outside !== undefined);
  if (inStream !== undefined) {
    found.push(finding('room_id_charset', `A stream ID in the token's room payload has ${inStream}, which ZEGO's Web SDK refuses to publish (1000016): use stream IDs of digits, English letters and ${ZEGO_ID_SYMBOLS} only.`));
  }
  return found;
}

function claimFindings(claims: DecodedToken, o: Resolved): DiagnosisFinding[] {
  const found = timeFindings(claims, o);
  if (claims.expireTime >= claims.createTime) {
    found.push(...lifetimeFindings(claims.expireTime, { lifetime: claims.expireTime - claims.createTime, createTime: claims.createTime }));
  }
  found.push(...charsetFindings(claims));
  if (o.appId !== undefined && claims.appId !== o.appId) {
    found.push(finding('app_id_mismatch', `The token is for app ${claims.appId}, not ${o.appId}: issue it with the app ID the client passes to createEngine.`));
  }
  if (o.userId !== undefined && claims.userId !== o.userId) {
    found.push(finding('user_id_mismatch', 'The token is for another user ID than expected: the client must log in with exactly the user ID the token was issued for.'));
  }
  if (o.roomId !== undefined) {
    const match = roomMatch(claims, o.roomId);
    if (match === 'other') {
      found.push(finding('room_id_mismatch', 'The token is bound to another room than expected: issue it for the room the client joins.'));
    } else if (match === 'no-room') {
      found.push(finding('room_id_mismatch', 'The token has no room payload, so it is bound to no room: issue it with a room payload if your app has room authentication enabled.'));
    }
  }
  if (claims.version === '03') {
    if (BigInt(claims.nonce) > INT64_MAX) {
      found.push(finding('nonce_out_of_range', "The token's nonce is beyond a signed 64-bit integer, as Python's token03 generator made it before its fix: update that generator."));
    }
    return found;
  }
  const { kit, payloadShape, room } = claims;
  if (kit !== undefined && (kit.appId !== claims.appId || kit.userId !== claims.userId)) {
    found.push(finding('kit_mismatch', "The kit token's wrapper names another app ID or user ID than its token: make the kit token from the same appID and userID as its token."));
  }
  if (payloadShape === 'null') {
    found.push(finding('payload_null', "The payload is JSON null (as ZEGO's Java and .NET samples write it), read as no payload: nothing to do unless the token should be bound to a room."));
  } else if (payloadShape === 'absent') {
    found.push(finding('payload_absent', 'The token has no payload field (as ZIMKit and UIKit write it), read as no payload: nothing to do unless the token should be bound to a room.'));
  } else if (payloadShape === 'object') {
    found.push(finding('payload_not_string', "The payload is a JSON object where ZEGO's format has a string: give the generator the payload as JSON text (JSON.stringify, json.dumps)."));
  }
  if (room?.anyRoom === true) {
    found.push(finding('room_unrestricted', "The room payload's room_id is empty, so the token is valid in any room: set a room ID if it is meant for one room."));
  }
  if (room !== undefined && room.privilege.publish && room.streamIdList === null) {
    found.push(finding('streams_unrestricted', 'The room payload names no stream IDs, so the user may publish any stream: list stream IDs, or deny publishing, if that is not meant.'));
  }
  return found;
}

/**
 * `diagnoseToken` on `crypto`, a platform's synchronous cryptography (node:crypto's: node/diagnose-token.ts). The
 * doctor reads tokens one at a time, for people: synchronous, so only a synchronous platform opens them.
 */
export function diagnose(crypto: TokenCrypto<string, Uint8Array>, token: string, options: DiagnoseTokenOptions): TokenDiagnosis {
  const o = resolveOptions(crypto, options);
  const result = (findings: DiagnosisFinding[], read?: DecodedToken | TokenHeader): TokenDiagnosis => {
    const diagnosis: TokenDiagnosis = { ok: !findings.some((f) => f.severity === 'error'), findings };
    if (read !== undefined) diagnosis.token = read;
    return diagnosis;
  };
  if (typeof token !== 'string') return result([malformed('it is not a string')]);

  const { text, findings } = repairToken(token);
  let unwrapped: UnwrappedToken;
  try {
    unwrapped = unwrapKitToken(text);
  } catch (error) {
    if (!(error instanceof ZegoTokenError)) throw error;
    return result([...findings, malformed(error.reason)]);
  }
  const { kit } = unwrapped;
  if (kit !== undefined) {
    findings.push(finding('kit_token', "This is a UIKit kit token: give it whole to ZegoUIKitPrebuilt, and only the part before '#' to the Express or ZIM SDK."));
  }
  const envelope = envelopeOf(unwrapped.token, findings);
  if (envelope === undefined) {
    // Spaces in what is no token at all ("Bearer 04…", "hello world") were never '+': say only that it is malformed.
    const unread = findings.at(-1)?.code === 'malformed';
    return result(unread ? findings.filter((f) => f.code !== 'spaces_for_plus') : findings);
  }
  const mismatch = kitMismatch(kit, envelope.version);
  if (mismatch !== undefined) return result([...findings, malformed(mismatch)]);

  const { version, mode, expireTime } = envelope;
  const header: TokenHeader = kit === undefined ? { version, mode, expireTime } : { version, mode, expireTime, kit };
  if (version === '04' && mode === 'cbc') {
    findings.push(finding('legacy_cbc', 'This is a 04 AES-CBC token: current ZEGO SDKs take AES-GCM, so issue GCM tokens unless the client is an old SDK.'));
  }
  if (version === '03') {
    findings.push(finding('zim_needs_04', 'This is a 03 token: ZIM refuses it (6000107, "Token version number is wrong") and takes only 04 tokens, so issue 04 tokens unless the client is an older RTC SDK.'));
  }
  if (o.secret === undefined) {
    if (o.now >= expireTime + o.tolerance) findings.push(expired(expireTime, o.now));
    findings.push(...lifetimeFindings(expireTime, { now: o.now }));
    findings.push(finding('secret_not_given', "Only the token's clear header was read: pass the secret to check its app, user, room, payload and times."));
    return result(findings, header);
  }
  const claims = claimsOf(crypto, envelope, o.secret, kit);
  if ('severity' in claims) return result([...findings, claims], header);
  return result([...findings, ...claimFindings(claims, o)], claims);
}
