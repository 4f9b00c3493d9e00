/**
 * IVs and nonces from a pool of CSPRNG bytes. The pool is filled by the platform (node:crypto's `randomFillSync` or
 * Web Crypto's `getRandomValues`, see `node/crypto.ts` and `web/crypto.ts`); everything else is shared.
 */

/** IVs and nonces, drawn from one platform CSPRNG. */
export interface RandomSource {
  /** Writes `count` uniformly random characters of `[0-9a-z]` (as ASCII bytes) into `target` at `at`. */
  fillAlphanumeric(target: Uint8Array, at: number, count: number): void;
  /** Copies `count` random bytes into `target` at `at`. */
  fillRandomBytes(target: Uint8Array, at: number, count: number): void;
  /** The next 04 nonce: a signed 32-bit integer that does not repeat within 2^32 tokens of this source. */
  nextNonce04(): number;
  /** A uniformly random integer in 0..2^53-1 (the nonce of 03 tokens, kept exact by every JSON parser). */
  randomSafeInteger(): number;
  /**
   * Forgets the pooled bytes and the 04 nonce walk: the next draw refills from the CSPRNG. For a process started from
   * a V8 startup snapshot, whose heap (this pool included) is its builder's: drawing on would repeat the IVs and
   * nonces of every other process started from the same snapshot.
   */
  reset(): void;
}

// One fill per POOL_SIZE bytes instead of a call per token: the call and allocation cost more than the cipher
// itself. Bytes are handed out once and never reused. (Web Crypto fills at most 65,536 bytes a call.)
const POOL_SIZE = 4096;

/** The alphabet of CBC IVs in every reference generator: digits and lowercase letters (as ASCII codes). */
const IV_ALPHABET = Uint8Array.from('0123456789abcdefghijklmnopqrstuvwxyz', (char) => char.charCodeAt(0));
// 252 = 7 * 36: bytes at or above it would make the first 4 characters likelier than the rest.
const UNBIASED_LIMIT = 252;

/** A random source over `fill`, which must fill its whole argument from the platform CSPRNG. */
export function createRandomSource(fill: (pool: Uint8Array) => void): RandomSource {
  const pool = new Uint8Array(POOL_SIZE);
  let offset = POOL_SIZE;

  /** Reserves `count` (<= POOL_SIZE) fresh random bytes and returns where they start in `pool`. */
  function reserve(count: number): number {
    if (offset + count > POOL_SIZE) {
      fill(pool);
      offset = 0;
    }
    const start = offset;
    offset += count;
    return start;
  }

  /** Little-endian uint32 at `start` of the pool. */
  function uint32(start: number): number {
    return (
      ((pool[start] as number) |
        ((pool[start + 1] as number) << 8) |
        ((pool[start + 2] as number) << 16) |
        ((pool[start + 3] as number) << 24)) >>>
      0
    );
  }

  // 04 nonces are int32s: drawn independently, two collide with even odds by ~77,000 tokens (birthday bound).
  // Instead a start and an odd step, both from the CSPRNG, stride through all 2^32 values before any comes back. That
  // holds per source (each build of the package has its own); across processes it is as good as random draws.
  let nonce04: number | undefined;
  let nonce04Step = 1;

  return {
    fillAlphanumeric(target, at, count) {
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
    },
    fillRandomBytes(target, at, count) {
      const start = reserve(count);
      target.set(pool.subarray(start, start + count), at);
    },
    nextNonce04() {
      if (nonce04 === undefined) {
        nonce04 = uint32(reserve(4)) | 0;
        nonce04Step = uint32(reserve(4)) | 1; // odd, so the walk has full period
      }
      nonce04 = (nonce04 + nonce04Step) | 0;
      return nonce04;
    },
    randomSafeInteger() {
      const start = reserve(7);
      // 21 bits, then 32: 53 in all.
      const high = ((pool[start] as number) | ((pool[start + 1] as number) << 8) | ((pool[start + 2] as number) << 16)) & 0x1f_ffff;
      return high * 0x1_0000_0000 + uint32(start + 3);
    },
    reset() {
      pool.fill(0);
      offset = POOL_SIZE;
      nonce04 = undefined;
      nonce04Step = 1;
    },
  };
}
