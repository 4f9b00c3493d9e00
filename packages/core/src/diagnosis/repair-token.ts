/**
 * Undoes the damage tokens suffer on their way from server to client, where the repair is unambiguous because a
 * ZEGO token (version + standard base64, a kit token's `#` wrapper) never contains whitespace, quotes, `%` or spaces.
 * Each repair is reported as an error: the client was handed the damaged text, and fails with it.
 */
import { finding, type DiagnosisFinding } from './findings.js';

/** The repaired text and what was repaired. */
export interface RepairedToken {
  text: string;
  findings: DiagnosisFinding[];
}

const OUTER_WHITESPACE = /^\s+|\s+$/g;
const LINE_BREAK = /[\t\r\n\f\v]/;
const LINE_BREAKS = /[\t\r\n\f\v]/g;
const QUOTED = /^(["'`])([\s\S]*)\1$/;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

function unquote(text: string): string | undefined {
  const match = QUOTED.exec(text);
  if (!match) return undefined;
  const [, quote, inner = ''] = match;
  if (quote !== '"') return inner;
  // A JSON string (escaped slashes `\/` included) is read as JSON; anything else is taken as it is.
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : inner;
  } catch {
    return inner;
  }
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

/**
 * Repairs surrounding whitespace and line breaks, quotes, percent-encoding and spaces that were `+`, in the order
 * the damage is done (a token is encoded into a URL, decoded as a form, then quoted and pasted).
 */
export function repairToken(token: string): RepairedToken {
  const findings: DiagnosisFinding[] = [];
  let text = token;
  let quoted = false;
  let spaced = false;
  for (;;) {
    const trimmed = text.replace(OUTER_WHITESPACE, '');
    if (trimmed !== text) spaced = true;
    const unquoted = unquote(trimmed);
    text = unquoted ?? trimmed;
    if (unquoted === undefined) break;
    quoted = true;
  }
  if (LINE_BREAK.test(text)) {
    spaced = true;
    text = text.replace(LINE_BREAKS, '');
  }
  if (spaced) {
    findings.push(finding('whitespace', 'The token has whitespace or line breaks around or in it: trim it before the client passes it to the SDK.'));
  }
  if (quoted) {
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
  return { text, findings };
}
