/**
 * How long a token may last, within what every ZEGO client takes (measured: docs/FORMAT.md "Limits"), and the one
 * reading of a lifetime that is plainly not one (a timestamp, or milliseconds), for the writers that refuse it and for
 * the doctor that explains a token made with it.
 */
import { assertEffectiveTime } from '../lib/assertions.js';
import { ErrorCode, invalid } from '../lib/errors.js';
import { isoTime, nowInSeconds, timeSpan } from '../lib/time.js';

/**
 * The longest lifetime every ZEGO client takes: 24 days (2,073,600 s). ZIM refuses a token that lasts longer
 * (6000109), and the Web SDK's renewal timer (`tokenWillExpire`) stops at 2^31 − 1 ms, about 24.86 days. The token
 * routes and issuers refuse a longer `effectiveTimeInSeconds` unless `allowLongLifetime: true`.
 */
export const MAX_CLIENT_LIFETIME_SECONDS = 2_073_600;

/**
 * The last expire time every ZEGO client reads as it is: 2^31 − 1 epoch seconds (2038-01-19T03:14:07Z). ZIM reads the
 * expiry as a signed 32-bit number, so a later one is long past to it: an immediate "Token expired". No writer of
 * this package makes a token that expires later.
 */
export const MAX_EXPIRE_TIME = 0x7fff_ffff;

// A lifetime that, read as a date, falls within this span of when it was given is a timestamp: 20 years. Any
// lifetime this long (over 36 years) would expire after 2038 anyway; the reading only says why.
const TIMESTAMP_WINDOW_SECONDS = 631_152_000;
// Milliseconds of a round lifetime (a whole number of 5 minutes: 35 min, 1 h, 2 days) that, read as seconds, break
// the 24 days: 3,600,000 is an hour in milliseconds, not 41.7 days. Whole days of seconds rarely are (125 days is
// the first), so a long lifetime meant in seconds is not taken for one.
const ROUND_MILLISECONDS = 300_000;

/** What a lifetime that is plainly no lifetime in seconds looks like: see {@link misreadLifetime}. */
export type LifetimeMisreading =
  /** Seconds since 1970 (`Date.now() / 1000`, an expiry time): `date` is the time it names. */
  | { readonly kind: 'timestamp'; readonly date: string }
  /** Milliseconds since 1970 (`Date.now()`): `date` is the time it names. */
  | { readonly kind: 'timestamp-ms'; readonly date: string }
  /** A lifetime in milliseconds: `seconds` is the lifetime meant. */
  | { readonly kind: 'milliseconds'; readonly seconds: number };

/**
 * Whether `lifetime` (seconds, a positive integer), given at `at` (epoch seconds: now for a writer, the token's
 * create time for the doctor), is plainly not a lifetime in seconds: a timestamp in seconds or milliseconds (within
 * 20 years of `at`), or a round number of milliseconds (whole 5 minutes, at most 24 days) that as seconds lasts over
 * 24 days. `undefined` otherwise. The one definition, used by every writer and by the doctor.
 */
export function misreadLifetime(lifetime: number, at: number): LifetimeMisreading | undefined {
  if (Math.abs(lifetime - at) <= TIMESTAMP_WINDOW_SECONDS) return { kind: 'timestamp', date: isoTime(lifetime) };
  const asSeconds = Math.floor(lifetime / 1000);
  if (Math.abs(asSeconds - at) <= TIMESTAMP_WINDOW_SECONDS) return { kind: 'timestamp-ms', date: isoTime(asSeconds) };
  if (lifetime > MAX_CLIENT_LIFETIME_SECONDS && lifetime % ROUND_MILLISECONDS === 0 && asSeconds <= MAX_CLIENT_LIFETIME_SECONDS) {
    return { kind: 'milliseconds', seconds: asSeconds };
  }
  return undefined;
}

/** A misreading as a phrase: `looks like a timestamp (2026-12-05T03:00:00.000Z), not a lifetime in seconds`. */
export function describeMisreading(misreading: LifetimeMisreading): string {
  switch (misreading.kind) {
    case 'timestamp':
      return `looks like a timestamp (${misreading.date}), not a lifetime in seconds`;
    case 'timestamp-ms':
      return `looks like a timestamp in milliseconds (${misreading.date}), not a lifetime in seconds`;
    case 'milliseconds':
      return `looks like milliseconds (${timeSpan(misreading.seconds)}), not a lifetime in seconds`;
  }
}

/**
 * Throws EFFECTIVE_TIME_IN_SECONDS_INVALID when a token of `effectiveTimeInSeconds` created at `createTime` would
 * expire after {@link MAX_EXPIRE_TIME}. Checked where every token is minted, and by {@link assertLifetime} before.
 */
export function assertExpiry(effectiveTimeInSeconds: number, createTime: number): void {
  const expireTime = createTime + effectiveTimeInSeconds;
  if (expireTime > MAX_EXPIRE_TIME) {
    throw invalid(
      ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID,
      'effectiveTimeInSeconds',
      `would make the token expire at ${isoTime(expireTime)}, after ${isoTime(MAX_EXPIRE_TIME)} (2^31 - 1 s), which ZIM reads as long past: at most ${MAX_EXPIRE_TIME - createTime} s from now`,
      String(effectiveTimeInSeconds),
    );
  }
}

/**
 * Throws EFFECTIVE_TIME_IN_SECONDS_INVALID unless `seconds` is a lifetime a writer may use: an integer from 1 to
 * 2^31 − 1 that is not plainly a timestamp or milliseconds ({@link misreadLifetime}, said in the error), and that makes
 * a token created at `now` expire by {@link MAX_EXPIRE_TIME}. The generators, the seed API, the drop-ins, the CLI and
 * the issuers' construction all check it.
 */
export function assertLifetime(seconds: unknown, now: number = nowInSeconds()): asserts seconds is number {
  if (typeof seconds === 'number' && Number.isSafeInteger(seconds) && seconds > 0) {
    const misreading = misreadLifetime(seconds, now);
    if (misreading !== undefined) {
      throw invalid(
        ErrorCode.EFFECTIVE_TIME_IN_SECONDS_INVALID,
        'effectiveTimeInSeconds',
        `${describeMisreading(misreading)}: give the seconds the token should last (3600 for an hour)`,
        String(seconds),
      );
    }
  }
  assertEffectiveTime(seconds);
  assertExpiry(seconds, now);
}
