/**
 * What the doctor can find in a token: one code per problem, its severity (fixed, but for one milder case), and a
 * one-sentence message that says what to do. Messages carry only what is safe to show anywhere: times, spans, app IDs, the name of a part.
 * Never the secret, an IV, a plaintext, a user ID or a room ID.
 */

/** How bad a finding is: `error` (the client will fail), `warning` (it may), `info` (worth knowing). */
export type DiagnosisSeverity = 'error' | 'warning' | 'info';

/** The code of a finding (snake_case, stable: branch on it, not on the message). */
export type DiagnosisCode =
  | 'whitespace'
  | 'quoted'
  | 'url_encoded'
  | 'spaces_for_plus'
  | 'padding_missing'
  | 'empty_token'
  | 'jwt'
  | 'foreign_format'
  | 'malformed'
  | 'truncated'
  | 'secret_invalid'
  | 'app_sign_as_secret'
  | 'decryption_failed'
  | 'previous_secret'
  | 'wrong_key_derivation'
  | 'empty_plaintext'
  | 'claims_invalid'
  | 'expired'
  | 'lifetime_negative'
  | 'not_yet_valid'
  | 'app_id_mismatch'
  | 'user_id_mismatch'
  | 'room_id_mismatch'
  | 'kit_mismatch'
  | 'kit_room_mismatch'
  | 'kit_test_generator'
  | 'payload_not_string'
  | 'nonce_out_of_range'
  | 'kit_token'
  | 'payload_null'
  | 'payload_absent'
  | 'room_unrestricted'
  | 'streams_unrestricted'
  | 'legacy_cbc'
  | 'secret_not_given'
  // Limits ZEGO's own clients enforce (measured: docs/FORMAT.md "Limits").
  | 'expiry_after_2038'
  | 'room_id_charset'
  | 'lifetime_too_long'
  | 'zim_needs_04';

/**
 * Every {@link DiagnosisCode} with its severity: the one table of what the doctor reports. One code has a milder case:
 * `room_id_mismatch` is a warning for a token bound to no room (an identity token), which fails only where room
 * authentication is on (ZEGO's default is off).
 */
export const DIAGNOSIS_SEVERITIES: Readonly<Record<DiagnosisCode, DiagnosisSeverity>> = Object.freeze({
  // Transport damage, repaired and read on: the client would still fail with the damaged token.
  whitespace: 'error',
  quoted: 'error',
  url_encoded: 'error',
  spaces_for_plus: 'error',
  padding_missing: 'error',
  // Not a ZEGO token: nothing, or what a homemade generator writes instead.
  empty_token: 'error',
  jwt: 'error',
  foreign_format: 'error',
  // Not a token, or not this secret's.
  malformed: 'error',
  truncated: 'error',
  secret_invalid: 'error',
  app_sign_as_secret: 'error',
  decryption_failed: 'error',
  previous_secret: 'error',
  wrong_key_derivation: 'error',
  empty_plaintext: 'error',
  claims_invalid: 'error',
  // Claims.
  expired: 'error',
  lifetime_negative: 'error',
  not_yet_valid: 'warning',
  app_id_mismatch: 'error',
  user_id_mismatch: 'error',
  room_id_mismatch: 'error',
  kit_mismatch: 'error',
  kit_room_mismatch: 'error',
  kit_test_generator: 'warning',
  // What ZEGO's generators write and the format does not quite say.
  payload_not_string: 'warning',
  nonce_out_of_range: 'warning',
  kit_token: 'info',
  payload_null: 'info',
  payload_absent: 'info',
  room_unrestricted: 'info',
  streams_unrestricted: 'info',
  legacy_cbc: 'info',
  secret_not_given: 'info',
  // Limits ZEGO's own clients enforce: what the client refuses (or, for ZIM and 03, which client).
  expiry_after_2038: 'error',
  room_id_charset: 'error',
  lifetime_too_long: 'warning',
  zim_needs_04: 'info',
});

/** One thing the doctor found. */
export interface DiagnosisFinding {
  code: DiagnosisCode;
  severity: DiagnosisSeverity;
  /** One sentence: what is wrong and what to do. Never the secret, an IV, a plaintext, a user ID or a room ID. */
  message: string;
}

/** Builds a finding, its severity from the table unless given (the milder case of a code: see the table). */
export function finding(code: DiagnosisCode, message: string, severity: DiagnosisSeverity = DIAGNOSIS_SEVERITIES[code]): DiagnosisFinding {
  return { code, severity, message };
}
