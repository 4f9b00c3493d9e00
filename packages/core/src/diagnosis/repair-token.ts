/**
 * Undoes the damage tokens suffer on their way from server to client, where the repair is unambiguous because a
 * ZEGO token (version + standard base64, a kit token's `#` wrapper) never contains whitespace, quotes, `%` or spaces.
 * Each repair is reported as an error: the client was handed the damaged text, and fails with it.
 *
 * The one repair step of every reader of pasted tokens: `diagnoseToken`, and the CLI's `decode`, `inspect` and
 * `verify`. Linear in the input: a paste is read once from each end, never re-scanned per layer of quotes.
 */
import { isEnvelopeFault, readEnvelope } from '../format/envelope-reader.js';
import { splitKitToken } from '../format/kit-token.js';
import { finding, type DiagnosisFinding } from './findings.js';

/** The repaired text and what was repaired. */
export interface RepairedToken {
  text: string;
  findings: DiagnosisFinding[];
}

const WHITESPACE = /\s/;
const LINE_BREAK = /[\t\r\n\f\v]/;
const LINE_BREAKS = /[\t\r\n\f\v]/g;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
const UNPADDED = /^0[34][A-Za-z0-9+/]+$/;
const QUOTE = '"';
const BACKSLASH = 0x5c;
const QUOTE_CODE = 0x22;
/** A token is JSON-encoded once, perhaps twice (a JSON body logged as JSON): more layers are no token's. */
const MAX_JSON_LAYERS = 3;

const isQuote = (char: string): boolean => char === '"' || char === "'" || char === '`';

/**
 * The index of the first unescaped `"` after the one at `open`, and whether an escape came before it: where a JSON
 * string opening there would close. Scans only up to that quote.
 */
function jsonStringEnd(text: string, open: number): { close: number; escaped: boolean } {
  let escaped = false;
  let at = open + 1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE_CODE) break;
    if (code === BACKSLASH) {
      escaped = true;
      at += 2;
    } else at += 1;
  }
  return { close: at, escaped };
}

/**
 * Peels whitespace and matching quotes off both ends, layer by layer, with two indices: each character is looked at
 * a bounded number of times. A layer of double quotes that is a JSON string with escapes (`"…\/…"`) is read as JSON.
 */
function unwrap(token: string): { text: string; spaced: boolean; quoted: boolean } {
  let text = token;
  let start = 0;
  let end = text.length;
  let spaced = false;
  let quoted = false;
  let jsonLayers = 0;
  for (;;) {
    const [from, to] = [start, end];
    while (start < end && WHITESPACE.test(text.charAt(start))) start += 1;
    while (end > start && WHITESPACE.test(text.charAt(end - 1))) end -= 1;
    if (start !== from || end !== to) spaced = true;
    const quote = text.charAt(start);
    if (end - start < 2 || !isQuote(quote) || text.charAt(end - 1) !== quote) break;
    quoted = true;
    if (quote === QUOTE && jsonLayers < MAX_JSON_LAYERS) {
      const { close, escaped } = jsonStringEnd(text, start);
      if (close === end - 1 && escaped) {
        jsonLayers += 1;
        try {
          text = JSON.parse(text.slice(start, end)) as string;
          start = 0;
          end = text.length;
          continue;
        } catch {
          // Not JSON after all (an invalid escape): the text between the quotes, as it is.
        }
      }
    }
    start += 1;
    end -= 1;
  }
  return { text: text.slice(start, end), spaced, quoted };
}

/** Percent-decoded, repeatedly for a token encoded twice; `undefined` when it is not valid percent-encoding. */
function percentDecoded(text: string): string | undefined {
  let decoded = text;
  for (let round = 0; round < 3 && PERCENT_ESCAPE.test(decoded); round += 1) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return undefined;
    }
  }
  return decoded;
}

/** `text` with the `=` padding of its token (the part before any `#`) put back, when that is what it lacks. */
function padded(text: string): string | undefined {
  const { token, wrapper } = splitKitToken(text);
  const remainder = (token.length - 2) % 4;
  if (!UNPADDED.test(token) || remainder < 2 || !isEnvelopeFault(readEnvelope(token))) return undefined;
  const whole = token + '='.repeat(4 - remainder);
  if (isEnvelopeFault(readEnvelope(whole))) return undefined;
  return wrapper === undefined ? whole : `${whole}#${wrapper}`;
}

/**
 * Repairs surrounding whitespace and line breaks, quotes, percent-encoding, spaces that were `+` and stripped `=`
 * padding, in the order the damage is done (a token is encoded into a URL, decoded as a form, then quoted and pasted).
 */
export function repairToken(token: string): RepairedToken {
  const findings: DiagnosisFinding[] = [];
  const unwrapped = unwrap(token);
  let { text, spaced } = unwrapped;
  if (LINE_BREAK.test(text)) {
    spaced = true;
    text = text.replace(LINE_BREAKS, '');
  }
  if (spaced) {
    findings.push(finding('whitespace', 'The token has whitespace or line breaks around or in it: trim it before the client passes it to the SDK.'));
  }
  if (unwrapped.quoted) {
    findings.push(finding('quoted', 'The token is wrapped in quotes: pass the string itself, not its JSON or shell quoting.'));
  }
  if (PERCENT_ESCAPE.test(text)) {
    const decoded = percentDecoded(text);
    if (decoded !== undefined) {
      text = decoded;
      findings.push(
        finding('url_encoded', 'The token is percent-encoded (%2B, %2F, %3D), as in a URL: decode it with decodeURIComponent before the client uses it.'),
      );
    }
  }
  if (text.includes(' ')) {
    text = text.replace(/ /g, '+');
    findings.push(
      finding('spaces_for_plus', "The token's '+' characters became spaces, as when a query string is read as a form: put it in URLs with encodeURIComponent."),
    );
  }
  const whole = padded(text);
  if (whole !== undefined) {
    text = whole;
    findings.push(finding('padding_missing', "The token's '=' padding at its end was stripped: pass it whole, '=' included."));
  }
  return { text, findings };
}
