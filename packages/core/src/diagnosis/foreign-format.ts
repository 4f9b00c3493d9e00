/**
 * What homemade generators hand out instead of ZEGO tokens (seen in public projects: `../shared/vectors/
 * field-cases.json`): JSON Web Tokens, JSON in clear (base64 of it, signed or not), signatures alone, and IDs joined
 * with a signature. Each is recognised by its shape, with linear checks, so the doctor can say "your generator does
 * not implement ZEGO's algorithm" instead of blaming transport or the secret. A ZEGO token is read before any of this:
 * only text that is not one is looked at here.
 */
import { isJsonObject } from '../lib/objects.js';
import { finding, type DiagnosisFinding } from './findings.js';

/** The fewest characters a ZEGO token has: "04" and the base64 of a GCM envelope around an empty plaintext. */
export const MIN_TOKEN_CHARS = 58;

const JWT = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Base64 (either alphabet) of JSON text opening with `{"`, alone or followed by more (`.signature`). */
const JSON_BASE64 = /^(?:0[34])?eyJ[A-Za-z0-9+/_-]/;
const HEX_BYTES = /^(?:[0-9A-Fa-f]{2}){16,}$/;
/** Base64 of a 32- or 64-byte digest (HMAC-SHA256, HMAC-SHA512), padded or not, either alphabet. */
const DIGEST_BASE64 = /^(?:[A-Za-z0-9+/_-]{43}=?|[A-Za-z0-9+/_-]{86}(?:==)?)$/;
const DELIMITER = /[:|.]/;
const NUMBER_FIELD = /^[0-9]{6,}$/;

/** Base64url text (a JWT's part: no padding) as a string of bytes (`atob`'s), or `undefined`. */
function base64UrlText(text: string): string | undefined {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  } catch {
    return undefined;
  }
}

/** Whether the first part of a JWT-shaped text is a JWT header: a JSON object naming its algorithm. */
function isJwt(text: string): boolean {
  if (!JWT.test(text)) return false;
  try {
    const header: unknown = JSON.parse(base64UrlText(text.slice(0, text.indexOf('.'))) ?? '');
    return isJsonObject(header) && typeof header['alg'] === 'string';
  } catch {
    return false;
  }
}

/** What `text` is, as a phrase (`a hexadecimal string of 32 bytes, a signature or a hash`), when it is a known shape. */
function foreignShape(text: string): string | undefined {
  if (text.startsWith('{')) return 'a JSON object in clear';
  if (JSON_BASE64.test(text)) {
    return /^0[34]/.test(text) ? `"${text.slice(0, 2)}" followed by JSON in clear, base64-encoded` : 'JSON in clear, base64-encoded';
  }
  if (HEX_BYTES.test(text)) return `a hexadecimal string of ${text.length / 2} bytes, a signature or a hash (an HMAC)`;
  if (DIGEST_BASE64.test(text)) return 'the base64 of a signature or a hash (an HMAC)';
  const delimiter = DELIMITER.exec(text)?.[0];
  if (delimiter !== undefined) {
    const fields = text.split(delimiter);
    const identifying = fields.some((field) => NUMBER_FIELD.test(field) || HEX_BYTES.test(field));
    if (fields.length >= 3 && fields.every((field) => field !== '') && identifying) {
      return `fields joined by "${delimiter}", as in APP_ID${delimiter}user${delimiter}expiry${delimiter}signature`;
    }
  }
  return undefined;
}

const FIX = "its generator does not implement ZEGO's algorithm, so issue tokens with generateToken04 (or ZEGO's own generator) on your server";

/** `jwt` for a JSON Web Token, whole or before `#`. */
function jwtFinding(beforeHash: boolean): DiagnosisFinding {
  return beforeHash
    ? finding('jwt', `What comes before '#' is a JSON Web Token, not a ZEGO token, so this is no kit token either: wrap a token from generateToken04 with UIKit's generateKitTokenForProduction.`)
    : finding('jwt', `The token is a JSON Web Token, not a ZEGO token: ZEGO's SDKs take only tokens encrypted with your ServerSecret by ZEGO's algorithm, so issue one with generateToken04 on your server.`);
}

/**
 * The finding for a text that is not a ZEGO token and has a shape homemade generators write (`jwt`,
 * `foreign_format`); `undefined` for anything else (a damaged or cut ZEGO token, or text the doctor calls malformed).
 * Call it only on text whose part before any `#` does not read as a ZEGO token.
 */
export function foreignFinding(text: string): DiagnosisFinding | undefined {
  const hash = text.indexOf('#');
  if (hash < 0) {
    if (isJwt(text)) return jwtFinding(false);
    const shape = foreignShape(text);
    return shape === undefined ? undefined : finding('foreign_format', `The token is not in ZEGO's format (it is ${shape}): ${FIX}.`);
  }
  const before = text.slice(0, hash);
  if (isJwt(before)) return jwtFinding(true);
  const shape = foreignShape(before);
  let what: string | undefined;
  if (shape !== undefined) what = `is ${shape}`;
  else if (before.length < MIN_TOKEN_CHARS) what = `is too short to be a ZEGO token (${before.length} characters, and a token has at least ${MIN_TOKEN_CHARS})`;
  else if (!/^0[34]/.test(before)) what = 'is not a ZEGO token, which starts with "03" or "04"';
  if (what === undefined) return undefined;
  return finding('foreign_format', `What comes before '#' ${what}, so this is no kit token: ${FIX}, and wrap it with UIKit's generateKitTokenForProduction.`);
}
