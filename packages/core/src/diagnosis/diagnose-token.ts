import { describe, ErrorCode, invalid, ZegoTokenError } from '../lib/errors.js';
import { optionsReader } from '../lib/options.js';
import { secretProblem } from '../lib/secret.js';
import { isEnvelopeFault, readEnvelope, type Envelope } from '../format/envelope-reader.js';
import { readKitWrapper, splitKitToken, type KitClaims } from '../format/kit-token.js';
import { innerFaultReason, type OpenedToken } from '../format/open-token.js';
import { readClaimsInPart, INT64_MAX, type DecodedToken, type PartlyReadClaims, type ReadableClaims } from '../tokens/read-claims.js';
import type { TokenHeader } from '../tokens/inspect-token.js';
import {
  boundRoom,
  checkedExpectations,
  EXPECTATION_NAMES,
  kitRoomDiffers,
  roomMatch,
  type CheckedExpectations,
} from '../tokens/verify-claims.js';
import { isoTime, timeSpan } from '../lib/time.js';
import { describeMisreading, MAX_CLIENT_LIFETIME_SECONDS, MAX_EXPIRE_TIME, misreadLifetime } from '../tokens/lifetime.js';
import { outsideCharacter, ZEGO_ID_SYMBOLS } from '../tokens/zego-id.js';
import { finding, type DiagnosisFinding } from './findings.js';
import { foreignFinding } from './foreign-format.js';
import { call, type Steps } from '../lib/steps.js';
import { derivedKeys, type DoctorCrypto, type KeyDerivation, type SecretDigests } from './key-derivations.js';
import { repairToken } from './repair-token.js';

/** What {@link diagnoseToken} checks the token against. Every field is optional. */
export interface DiagnoseTokenOptions {
  /**
   * The ServerSecret: without it only the clear header (and a kit wrapper) can be read. Or several, the current one
   * first: a token that opens only with a later one was made with a previous secret (`previous_secret`). A string
   * that is not a ServerSecret is a finding (`secret_invalid`, `app_sign_as_secret`), not an error.
   */
  secret?: string | readonly string[] | undefined;
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
   * What could be read, from the repaired token: its claims (`decodeToken`'s result) when the secret opens it (or a
   * key derived from it), its header and the claims that could be read when a claim breaks the format
   * (`claims_invalid`), otherwise its clear header (`inspectToken`'s result); absent when not even the header could
   * be read.
   */
  token?: DecodedToken | TokenHeader | PartlyReadToken;
}

/** A token whose claims break the format: its clear header and the claims that could be read. */
export type PartlyReadToken = TokenHeader & ReadableClaims;

/**
 * What the secret findings call the `index`th of `count` secrets given, as the subject of a sentence: the option's
 * name in the library, the flag or environment variable in the CLI.
 */
export type SecretNamer = (index: number, count: number) => string;

const ORDINALS = ['1st', '2nd', '3rd'];
/** `1st`, `2nd`, `3rd`, `4th`… */
export const ordinal = (n: number): string => ORDINALS[n - 1] ?? `${n}th`;

/** The library's names: `The secret option`, `The 2nd secret of the secret option`. */
const optionNames: SecretNamer = (index, count) => (count === 1 ? 'The secret option' : `The ${ordinal(index + 1)} secret of the secret option`);

const utf8 = new TextEncoder();

const readOptions = optionsReader<DiagnoseTokenOptions>({ ...EXPECTATION_NAMES, secret: true });

/** A secret as given, and the ServerSecret to open tokens with: itself, or itself without quotes or whitespace around. */
interface GivenSecret {
  readonly index: number;
  readonly text: string;
  readonly usable: string | undefined;
}

interface Resolved extends CheckedExpectations {
  /** The secrets given, in order; `undefined` when none was. */
  secrets: GivenSecret[] | undefined;
}

/** The secret option as a list of strings, read once (length first); anything else is SECRET_INVALID. */
function secretList(secret: unknown): string[] {
  const single = typeof secret === 'string';
  const list: unknown[] = single ? [secret] : Array.isArray(secret) ? Array.from({ length: secret.length }, (_, i): unknown => secret[i]) : [];
  if (list.length === 0) {
    throw invalid(ErrorCode.SECRET_INVALID, 'secret', 'must be the ServerSecret, or a non-empty array of them with the current one first', describe(secret));
  }
  return list.map((item, index) => {
    if (typeof item === 'string') return item;
    const option = single ? 'secret' : `secret[${index}]`;
    throw invalid(ErrorCode.SECRET_INVALID, option, secretProblem(item)!.reason, describe(item));
  });
}

/** The options read once and checked as `verifyToken`'s expectations are; the secrets as given, judged by the findings. */
function resolveOptions(options: DiagnoseTokenOptions): Resolved {
  const read = readOptions(options);
  const secrets =
    read.secret === undefined
      ? undefined
      : secretList(read.secret).map((text, index): GivenSecret => {
          const problem = secretProblem(text);
          return { index, text, usable: problem === undefined ? text : problem.unwrapped };
        });
  return { ...checkedExpectations(read), secrets };
}

/** `secret_invalid` or `app_sign_as_secret` for each secret given that is not a ServerSecret, saying why and what to do. */
function secretFindings(secrets: readonly GivenSecret[], name: SecretNamer): DiagnosisFinding[] {
  const found: DiagnosisFinding[] = [];
  for (const { index, text } of secrets) {
    const problem = secretProblem(text);
    if (problem === undefined) continue;
    const subject = name(index, secrets.length);
    if (problem.fault === 'app_sign') {
      found.push(finding('app_sign_as_secret', `${subject} is 64 hexadecimal characters, the AppSign, not the ServerSecret: ZEGO checks tokens with the ServerSecret, so ${problem.fix}.`));
    } else {
      const readOn = problem.unwrapped === undefined ? '' : ' (the doctor reads on with it as it should be)';
      found.push(finding('secret_invalid', `${subject} ${problem.reason}: ${problem.fix}${readOn}.`));
    }
  }
  return found;
}

function malformed(part: string): DiagnosisFinding {
  return finding('malformed', `The token is not a readable ZEGO token (${part}): pass it exactly as your token server returned it.`);
}

/** The finding for an envelope that cannot be read (the part before `#`, when `wrapped`): cut short, or malformed. */
function envelopeFault(fault: { fault: 'malformed' | 'truncated'; reason: string }, wrapped: boolean): DiagnosisFinding {
  return fault.fault === 'truncated'
    ? finding('truncated', `The token was cut short (${fault.reason}): pass it whole, and check nothing on its way (a column, a log line, a copy) truncates it.`)
    : malformed(innerFaultReason(fault, wrapped));
}

/** The empty string: no token at all. */
function emptyToken(): DiagnosisFinding {
  return finding('empty_token', `The token is empty: the client was given no token (UIKit's generateKitTokenForTest returns "" when appID is a string, not a number), so check what your token server or generator returned.`);
}

/** A token opened: the claims read (all, or in part), with which secret and how. */
interface Opened {
  read: DecodedToken | PartlyReadClaims;
  /** The index of the secret, as given, that opened it. */
  index: number;
  /** The key derivation ZEGO does not use that opened it, if it took one. */
  derivation?: KeyDerivation;
}

/**
 * Opens the token with each secret in turn, then with the keys homemade generators derive from them: the claims,
 * `empty_plaintext` (the right key, nothing encrypted), or `undefined` when nothing opens it. A CBC key "opens" a
 * token only when it decrypts to JSON (readClaimsInPart refuses anything else as a failed decryption).
 */
function* openWithSecrets<Bytes extends Uint8Array | Promise<Uint8Array>>(
  crypto: DoctorCrypto<Bytes>,
  opened: OpenedToken,
  secrets: readonly GivenSecret[],
): Steps<Opened | DiagnosisFinding | undefined> {
  function* tryKey(open: () => Bytes, index: number, derivation?: KeyDerivation): Steps<Opened | DiagnosisFinding | undefined> {
    try {
      const read = readClaimsInPart(yield* call(open()), opened);
      return derivation === undefined ? { read, index } : { read, index, derivation };
    } catch (error) {
      if (!(error instanceof ZegoTokenError)) throw error;
      if (error.code !== ErrorCode.TOKEN_EMPTY_PLAINTEXT) return undefined;
      return finding('empty_plaintext', "The token decrypts to nothing: its generator failed to encode its JSON (PHP's json_encode does on invalid UTF-8), so check its user ID and payload are valid UTF-8.");
    }
  }
  for (const { index, usable } of secrets) {
    if (usable === undefined) continue;
    const result = yield* tryKey(() => crypto.keyFor(usable).open(opened.envelope), index);
    if (result !== undefined) return result;
  }
  for (const { index, text } of secrets) {
    const bytes = utf8.encode(text);
    const digests: SecretDigests = { sha256: yield* call(crypto.digest('sha256', bytes)), md5: yield* call(crypto.digest('md5', bytes)) };
    for (const derivation of derivedKeys(text, bytes, digests)) {
      const result = yield* tryKey(() => crypto.openWithKey(derivation.key, opened.envelope), index, derivation);
      if (result !== undefined) return result;
    }
  }
  return undefined;
}

/** What the way the token opened says: with a previous secret, with a key ZEGO does not derive. */
function openingFindings({ index, derivation }: Opened): DiagnosisFinding[] {
  const found: DiagnosisFinding[] = [];
  if (index > 0) {
    found.push(finding('previous_secret', `The token opens only with the ${ordinal(index + 1)} secret given, not the current one: it was made with a previous ServerSecret, so the server that issued it still holds the secret from before a reset in the ZEGO console and needs the current one.`));
  }
  if (derivation !== undefined) {
    found.push(finding('wrong_key_derivation', `The token opens only with ${derivation.name} as its AES key, where ZEGO takes the ServerSecret's own 32 bytes: its generator derives the key its own way, so fix it (or issue tokens with generateToken04).`));
  }
  return found;
}

/** `claims_invalid`: the token opened, but a claim breaks the format; names it, what was found, and what did read. */
function claimsInvalid({ faults, keys }: PartlyReadClaims, envelope: Envelope): DiagnosisFinding {
  const [first, ...others] = faults;
  const opened = envelope.mode === 'gcm' ? 'decrypts and authenticates' : 'decrypts to JSON';
  const broken =
    first === undefined || first.key === ''
      ? 'its plaintext is not a JSON object'
      : `its claim ${first.reason} and is ${first.found}${others.length === 0 ? '' : ` (${others.map((f) => `"${f.key}"`).join(', ')} too)`}`;
  const read = keys.length === 0 ? 'no claim could be read' : `the claims it could read are ${keys.join(', ')}`;
  return finding('claims_invalid', `The token ${opened} with this secret, but ${broken}: its generator does not write ZEGO's format (it was not damaged on its way), so fix the generator; ${read}.`);
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

/**
 * The room the client joins (`roomId`) against the token's: a kit token's wrapper first, as UIKit joins the wrapper's
 * room. A token bound to no room (an identity token) is a warning: it fails only where room authentication is on.
 */
function roomFindings(claims: DecodedToken, o: Resolved): DiagnosisFinding[] {
  if (o.roomId === undefined) return [];
  const { kit } = claims;
  if (kit !== undefined && kit.roomId !== '') {
    if (kit.roomId !== o.roomId) {
      return [finding('kit_room_mismatch', "The kit token's wrapper names another room than the client joins: UIKit joins the wrapper's room, so make the kit token for the room the client joins.")];
    }
    // The wrapper's room is the client's: a token bound to a room is checked against it in kitFindings.
    if (boundRoom(claims) !== undefined) return [];
  }
  const match = roomMatch(claims, o.roomId);
  if (match === 'other') {
    return [finding('room_id_mismatch', 'The token is bound to another room than expected: issue it for the room the client joins.')];
  }
  if (match === 'no-room') {
    return [
      finding(
        'room_id_mismatch',
        "The token has no room payload, so it is bound to no room: that fails only where room authentication is on (ZEGO's default is off), so issue it with a room payload if your app has it on.",
        'warning',
      ),
    ];
  }
  return [];
}

/** UIKit's 16-decimal-digit IVs (its generateKitTokenForTest), as ASCII bytes. */
const DECIMAL_IV = /^[0-9]{16}$/;

/** A kit token's wrapper against its token (app, user, room), and the fingerprint of UIKit's browser-side generator. */
function kitFindings(claims: DecodedToken, envelope: Envelope): DiagnosisFinding[] {
  const { kit } = claims;
  if (kit === undefined) return [];
  const found: DiagnosisFinding[] = [];
  if (kit.appId !== claims.appId || kit.userId !== claims.userId) {
    found.push(finding('kit_mismatch', "The kit token's wrapper names another app ID or user ID than its token: make the kit token from the same appID and userID as its token."));
  }
  if (kitRoomDiffers(claims)) {
    found.push(finding('kit_room_mismatch', "The kit token's wrapper names another room than its token is bound to: UIKit joins the wrapper's room, where the token fails once room authentication is on, so make both from the same room ID."));
  }
  const iv = String.fromCharCode(...envelope.iv);
  if (claims.version === '04' && claims.mode === 'cbc' && claims.payloadShape === 'absent' && DECIMAL_IV.test(iv)) {
    found.push(finding('kit_test_generator', "This kit token has the fingerprint of UIKit's generateKitTokenForTest (CBC, no payload, an IV of 16 digits), which makes tokens from the ServerSecret in the browser: if yours ran there, the secret is public, so reset it in the ZEGO console and issue tokens from your server (wrapped by generateKitTokenForProduction)."));
  }
  return found;
}

function claimFindings(claims: DecodedToken, o: Resolved, envelope: Envelope): DiagnosisFinding[] {
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
  found.push(...roomFindings(claims, o), ...kitFindings(claims, envelope));
  if (claims.version === '03') {
    if (BigInt(claims.nonce) > INT64_MAX) {
      found.push(finding('nonce_out_of_range', "The token's nonce is beyond a signed 64-bit integer, as Python's token03 generator made it before its fix: update that generator."));
    }
    return found;
  }
  const { payloadShape, room } = claims;
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
 * `diagnoseToken`'s steps on `crypto`, a platform's cryptography: run by `runSync` on node:crypto
 * (node/diagnose-token.ts), by `runAsync` on Web Crypto (web/diagnose-token.ts), so both say the same. `names` says
 * what the findings call each secret given (the CLI names its flag or environment variable).
 */
export function* diagnose<Bytes extends Uint8Array | Promise<Uint8Array>>(
  crypto: DoctorCrypto<Bytes>,
  token: string,
  options: DiagnoseTokenOptions,
  names: SecretNamer = optionNames,
): Steps<TokenDiagnosis> {
  const o = resolveOptions(options);
  const result = (findings: DiagnosisFinding[], read?: TokenDiagnosis['token']): TokenDiagnosis => {
    const diagnosis: TokenDiagnosis = { ok: !findings.some((f) => f.severity === 'error'), findings };
    if (read !== undefined) diagnosis.token = read;
    return diagnosis;
  };
  // What is wrong with the secret given is said whatever the token.
  const findings = o.secrets === undefined ? [] : secretFindings(o.secrets, names);
  if (typeof token !== 'string') return result([...findings, malformed('it is not a string')]);

  const repaired = repairToken(token);
  // Nothing, or what a homemade generator writes: no transport damage or kit token to speak of.
  if (repaired.text === '') return result([...findings, emptyToken()]);
  const { token: inner, wrapper } = splitKitToken(repaired.text);
  const envelope = readEnvelope(inner);
  if (isEnvelopeFault(envelope)) {
    const trimmed = token.trim();
    const foreign = foreignFinding(repaired.text) ?? (trimmed === repaired.text ? undefined : foreignFinding(trimmed));
    if (foreign !== undefined) return result([...findings, foreign]);
    // Spaces in what is no token at all ("Bearer 04…", "hello world") were never '+': say only that it is malformed.
    const damage = envelope.fault === 'malformed' ? repaired.findings.filter((f) => f.code !== 'spaces_for_plus') : repaired.findings;
    return result([...findings, ...damage, envelopeFault(envelope, wrapper !== undefined)]);
  }
  findings.push(...repaired.findings);
  // Only a ZEGO token before '#' makes a kit token.
  let kit: KitClaims | undefined;
  if (wrapper !== undefined) {
    findings.push(finding('kit_token', "This is a UIKit kit token: give it whole to ZegoUIKitPrebuilt, and only the part before '#' to the Express or ZIM SDK."));
    try {
      kit = readKitWrapper(wrapper);
    } catch (error) {
      if (!(error instanceof ZegoTokenError)) throw error;
      return result([...findings, malformed(error.reason)]);
    }
  }

  const { version, mode, expireTime } = envelope;
  const header: TokenHeader = kit === undefined ? { version, mode, expireTime } : { version, mode, expireTime, kit };
  if (version === '04' && mode === 'cbc') {
    findings.push(finding('legacy_cbc', 'This is a 04 AES-CBC token: current ZEGO SDKs take AES-GCM, so issue GCM tokens unless the client is an old SDK.'));
  }
  if (version === '03') {
    findings.push(finding('zim_needs_04', 'This is a 03 token: ZIM refuses it (6000107, "Token version number is wrong") and takes only 04 tokens, so issue 04 tokens unless the client is an older RTC SDK.'));
  }
  const opened = o.secrets === undefined ? undefined : yield* openWithSecrets(crypto, { envelope, kit }, o.secrets);
  if (opened === undefined || !('read' in opened)) {
    if (opened !== undefined) return result([...findings, opened], header);
    // What the clear header alone tells of the token's expiry, whatever the secret.
    const fromHeader = lifetimeFindings(expireTime, { now: o.now });
    if (o.secrets?.some((secret) => secret.usable !== undefined) === true) {
      return result([...findings, ...fromHeader, finding('decryption_failed', 'The token does not decrypt with this secret: use the ServerSecret of the app that issued it (or the token was altered).')], header);
    }
    // Only the clear header: no secret, or none that is a ServerSecret (a finding above says so).
    if (o.now >= expireTime + o.tolerance) findings.push(expired(expireTime, o.now));
    findings.push(...fromHeader);
    if (o.secrets === undefined) {
      findings.push(finding('secret_not_given', "Only the token's clear header was read: pass the secret to check its app, user, room, payload and times."));
    }
    return result(findings, header);
  }
  findings.push(...openingFindings(opened));
  const { read } = opened;
  if ('faults' in read) return result([...findings, claimsInvalid(read, envelope)], { ...header, ...read.claims });
  return result([...findings, ...claimFindings(read, o, envelope)], read);
}
