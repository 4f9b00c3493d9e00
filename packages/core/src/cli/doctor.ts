import type { TokenDiagnosis } from '../diagnosis/diagnose-token.js';
import { diagnoseToken } from '../node/diagnose-token.js';
import type { DiagnosisFinding } from '../diagnosis/findings.js';
import { appIdFrom, optionalSecretFrom, parseCommand, withFlagNames } from './arguments.js';
import type { Command } from './command.js';
import { showHelp } from './help.js';
import { json, terminalSafe } from './output.js';
import { readTokenText } from './token-input.js';

const FLAGS = {
  'app-id': { type: 'string' },
  user: { type: 'string' },
  room: { type: 'string' },
  secret: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** diagnoseToken's option names, as this command's flags, for its error messages. */
const FLAG_OF = { appId: '--app-id', userId: '--user', roomId: '--room', secret: '--secret' };

/** `error   url_encoded  The token is …`: severity and code in columns, so a list of findings reads down. */
function findingLine({ severity, code, message }: DiagnosisFinding): string {
  return terminalSafe(`${severity.padEnd(7)} ${code}: ${message}`);
}

/** The verdict, on stderr under the findings: how many of each, and whether the client can use the token. */
function verdict({ ok, findings }: TokenDiagnosis): string {
  const count = (severity: DiagnosisFinding['severity'], noun: string): string => {
    const n = findings.filter((f) => f.severity === severity).length;
    return `${n} ${noun}${n === 1 || noun === 'info' ? '' : 's'}`;
  };
  const tally = `${count('error', 'error')}, ${count('warning', 'warning')}, ${count('info', 'info')}`;
  return ok ? `no errors: ${tally}` : `the client would fail with this token: ${tally}`;
}

/**
 * `zego-token doctor TOKEN|-`: everything wrong, odd or worth knowing about a token, as `diagnoseToken` finds it.
 * It takes the token as pasted: damaged (percent-encoded, quoted, '+' as spaces), a kit token, with or without the
 * secret. So unlike the other commands it does not trim the token: whitespace around it is a finding.
 */
export const doctor: Command = {
  name: 'doctor',
  synopsis: 'TOKEN|- [--secret SECRET] [--app-id N] [--user ID] [--room ID] [--json]',
  summary: 'what is wrong with it, and what to do',
  help: `Prints one line per finding: its severity (error, warning, info), its code and one sentence saying what to
do; then, on stderr, a tally. With --json, prints the diagnosis as JSON instead: {"ok", "findings", "token"}.
Exits 1 when any finding is an error (the client would fail with this token, as given), 0 otherwise, 2 on a
usage error.

Paste the token as the client had it: the doctor repairs (and reports) whitespace, quotes, percent-encoding,
'+' turned into spaces and stripped '=' padding, and reads UIKit kit tokens (TOKEN#wrapper). From stdin ("-"),
the line break that ends the input is not counted as damage.

  --secret SECRET   your ServerSecret (default: ZEGO_SERVER_SECRET); without one, only the clear header is read
  --app-id N        the app the client uses (default: ZEGO_APP_ID, if set; the flag wins)
  --user ID         the user the client logs in as
  --room ID         the room the client joins
  --json            print the diagnosis object as JSON

Codes and what to do about each: docs/TROUBLESHOOTING.md.`,
  async run(args, io) {
    const { values, positionals } = parseCommand('doctor', args, FLAGS, 1);
    if (values.help) return showHelp(doctor, io);
    const secret = optionalSecretFrom(values.secret);
    const options = { secret, appId: appIdFrom(values['app-id']), userId: values.user, roomId: values.room };
    const token = await readTokenText(positionals[0], io);
    const diagnosis = withFlagNames(FLAG_OF, () => diagnoseToken(token, options));
    if (values.json) io.out(json(diagnosis));
    else {
      for (const finding of diagnosis.findings) io.out(findingLine(finding));
      io.err(verdict(diagnosis));
    }
    return diagnosis.ok ? 0 : 1;
  },
};
