import { md5 } from '@noble/hashes/legacy.js';
import { diagnose, type DiagnoseTokenOptions, type TokenDiagnosis } from '../diagnosis/diagnose-token.js';
import type { DoctorCrypto } from '../diagnosis/key-derivations.js';
import { runAsync } from '../lib/steps.js';
import { openWithKey, WEB_CRYPTO } from './crypto.js';

/**
 * Web Crypto as the doctor takes it. Web Crypto has no MD5, which one homemade key derivation uses: that digest is
 * noble-hashes' (audited, MIT; bundled into this build, so the package keeps no runtime dependency).
 */
const DOCTOR_CRYPTO: DoctorCrypto<Promise<Uint8Array>> = {
  ...WEB_CRYPTO,
  openWithKey,
  digest: async (algorithm, data) =>
    algorithm === 'md5' ? md5(data) : new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data.slice())),
};

/**
 * Says everything that is wrong, odd or worth knowing about a token, with Web Crypto: the main entry's
 * `diagnoseToken`, as a promise, with the same findings for the same token and options (one definition runs on both).
 * In a browser it runs in the page: a token or secret given to it goes nowhere. Browsers give Web Crypto only to
 * secure contexts (https, or localhost).
 *
 * It repairs what is unambiguous (whitespace and quotes around the token, percent-encoding, spaces that were `+`,
 * stripped `=` padding) and reports each repair as an error, reads a UIKit kit token's wrapper as UIKit does, says what
 * text that is no ZEGO token is (`empty_token`, `jwt`, `foreign_format`), and with `secret` opens the token with each
 * secret given, then with the keys homemade generators derive from them (`wrong_key_derivation`), and reads its claims.
 * The codes and their severities are in {@link DIAGNOSIS_SEVERITIES}; docs/TROUBLESHOOTING.md explains each.
 *
 * @param token - the token as the client had it: pasted, quoted, URL-encoded or a kit token
 * @param options - the secret (or secrets, the current one first) and what the client expects; see
 *   {@link DiagnoseTokenOptions}
 * @returns a promise of `{ ok, findings, token? }`: `ok` is false when any finding is an error
 * @throws (rejects with) {@link ZegoTokenError} only for bad options, as the main entry's: `SECRET_INVALID`,
 *   `APP_ID_INVALID`, `USER_ID_INVALID`, `ROOM_ID_INVALID`, `OPTION_INVALID`. Never for anything about the token.
 *   Where the platform has no Web Crypto (a browser page outside a secure context: plain http to another host than
 *   localhost), a call with a secret rejects with the platform's `TypeError`, as every function of this entry that
 *   needs a key; without a secret it reads the clear header as usual.
 *
 * @example
 * ```ts
 * import { diagnoseToken } from '@zego-token/core/web';
 * const { ok, findings } = await diagnoseToken(pasted, { appId: 1234567890, roomId: 'lobby' });
 * ```
 */
export async function diagnoseToken(token: string, options: DiagnoseTokenOptions = {}): Promise<TokenDiagnosis> {
  return runAsync(diagnose(DOCTOR_CRYPTO, token, options));
}
