import { createSecretKey, type KeyObject } from 'node:crypto';
import { assertSecret } from '../lib/assertions.js';

// Servers use one secret: remembering the last one spares every call the validation and key set-up.
let lastSecret: string | undefined;
let lastKey: KeyObject | undefined;

/** Validates the server secret (code 5) and returns it as an AES-256 key: its 32 UTF-8 bytes, never hex-decoded. */
export function secretKey(secret: unknown): KeyObject {
  if (secret === lastSecret && lastKey !== undefined) return lastKey;
  assertSecret(secret);
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  lastSecret = secret;
  lastKey = key;
  return key;
}
