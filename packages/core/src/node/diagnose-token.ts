import { createHash } from 'node:crypto';
import { diagnose, type DiagnoseTokenOptions, type SecretNamer, type TokenDiagnosis } from '../diagnosis/diagnose-token.js';
import type { DoctorCrypto } from '../diagnosis/key-derivations.js';
import { runSync } from '../lib/steps.js';
import { NODE_CRYPTO, open } from './crypto.js';

/** node:crypto as the doctor takes it: the tokens' cryptography, any AES key, and the digests of key derivations. */
const DOCTOR_CRYPTO: DoctorCrypto<Uint8Array> = {
  ...NODE_CRYPTO,
  openWithKey: open,
  digest: (algorithm, data) => createHash(algorithm).update(data).digest(),
};

/**
 * Says everything that is wrong, odd or worth knowing about a token, as a developer needs it when a ZEGO login
 * fails with "token error". It never throws for anything about the token: a token that cannot be read is a finding.
 *
 * It first repairs what is unambiguous (surrounding whitespace and quotes, percent-encoding, spaces that were `+`,
 * stripped `=` padding), reports each repair as an error (the client, handed the damaged text, fails), and reads the
 * repaired token as ZEGO's clients read it: a UIKit kit token's wrapper as Latin-1, around any ZEGO token. Text that is
 * no ZEGO token at all is said to be what it is (`empty_token`, `jwt`, `foreign_format`), never transport damage. With
 * `secret`, it opens the token with each secret given, then with the keys homemade generators derive from them
 * (`wrong_key_derivation`, named), and reads its claims, or what it can of them (`claims_invalid`). A secret that is
 * no ServerSecret is a finding that says why (`secret_invalid`, `app_sign_as_secret`), read on without its quotes or
 * whitespace when that is all that is wrong. In time linear in the token's length.
 * The codes and their severities are in {@link DIAGNOSIS_SEVERITIES}; docs/TROUBLESHOOTING.md explains each.
 *
 * @param token - the token as the client had it: pasted, quoted, URL-encoded or a kit token
 * @param options - the secret (or secrets, the current one first) and what the client expects; see
 *   {@link DiagnoseTokenOptions}
 * @returns `{ ok, findings, token? }`: `ok` is false when any finding is an error
 * @throws {@link ZegoTokenError} only for bad options: `SECRET_INVALID` (a secret that is no string, or an empty
 *   list), `APP_ID_INVALID`, `USER_ID_INVALID`, `ROOM_ID_INVALID`, or `OPTION_INVALID` (an unknown option, named with
 *   the option meant; options that are not a plain object; a `now` or `clockToleranceSeconds` that is not a finite
 *   number, `null` included, as `verifyToken`). The options are read once, by the rule of every function that takes
 *   options.
 *
 * @example
 * ```ts
 * const { ok, findings } = diagnoseToken(pasted, { secret: process.env.ZEGO_SERVER_SECRET, userId: 'alice' });
 * for (const { severity, code, message } of findings) report(`${severity} ${code}: ${message}`);
 * // after a reset of the ServerSecret in the console: which one made this token?
 * diagnoseToken(pasted, { secret: [currentSecret, previousSecret] });
 * ```
 */
export function diagnoseToken(token: string, options: DiagnoseTokenOptions = {}): TokenDiagnosis {
  return runSync(diagnose(DOCTOR_CRYPTO, token, options));
}

/** {@link diagnoseToken}, its findings calling each secret as `names` says (the CLI: its flag, or ZEGO_SERVER_SECRET). */
export function diagnoseTokenNaming(token: string, options: DiagnoseTokenOptions, names: SecretNamer): TokenDiagnosis {
  return runSync(diagnose(DOCTOR_CRYPTO, token, options, names));
}
