import { randomFillSync } from 'node:crypto';

// One randomFillSync per POOL_SIZE bytes instead of a randomBytes call per token: the syscall and allocation cost
// more than the cipher itself. Bytes are handed out once and never reused.
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/** Reserves `count` (<= POOL_SIZE) fresh random bytes and returns where they start in `pool`. */
function reserve(count: number): number {
  if (offset + count > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const start = offset;
  offset += count;
  return start;
}

/** The alphabet of CBC IVs in every reference generator: digits and lowercase letters. */
const IV_ALPHABET = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz', 'latin1');
// 252 = 7 * 36: bytes at or above it would make the first 4 characters likelier than the rest.
const UNBIASED_LIMIT = 252;

/** Writes `count` uniformly random characters of `[0-9a-z]` (as ASCII bytes) into `target` at `at`. */
export function fillAlphanumeric(target: Buffer, at: number, count: number): void {
  let written = 0;
  while (written < count) {
    // Take as many bytes as are still needed; rejected bytes (about 1.6%) cost another, shorter round.
    const needed = count - written;
    const start = reserve(needed);
    for (let i = start; i < start + needed; i += 1) {
      const byte = pool[i] as number;
      if (byte < UNBIASED_LIMIT) {
        target[at + written] = IV_ALPHABET[byte % 36] as number;
        written += 1;
      }
    }
  }
}

/** Copies `count` random bytes into `target` at `at`. */
export function fillRandomBytes(target: Buffer, at: number, count: number): void {
  const start = reserve(count);
  pool.copy(target, at, start, start + count);
}

// 04 nonces are int32s: drawn independently, two collide with even odds by ~77,000 tokens (birthday bound). Instead
// a start and an odd step, both from node:crypto, stride through all 2^32 values before any comes back. That holds
// per copy of this module (the ESM and CommonJS builds are two); across processes it is as good as random draws.
let nonce04: number | undefined;
let nonce04Step = 1;

/** The next 04 nonce: a signed 32-bit integer that does not repeat within 2^32 tokens of this module instance. */
export function nextNonce04(): number {
  if (nonce04 === undefined) {
    nonce04 = pool.readInt32LE(reserve(4));
    nonce04Step = pool.readUInt32LE(reserve(4)) | 1; // odd, so the walk has full period
  }
  nonce04 = (nonce04 + nonce04Step) | 0;
  return nonce04;
}

/** A uniformly random integer in 0..2^53-1 (the nonce of 03 tokens, kept exact by every JSON parser). */
export function randomSafeInteger(): number {
  const start = reserve(7);
  const high = pool.readUIntLE(start, 3) & 0x1f_ffff; // 21 bits
  return high * 0x1_0000_0000 + pool.readUInt32LE(start + 3);
}
