import { ordinal, type SecretNamer, type TokenDiagnosis } from '../diagnosis/diagnose-token.js';
import { diagnoseTokenNaming } from '../node/diagnose-token.js';
import type { DiagnosisFinding } from '../diagnosis/findings.js';
import { ENVIRONMENT_VARIABLES } from '../lib/environment.js';
import { appIdFrom, optionalSecretFrom, parseCommand, withFlagNames, type SecretInput } from './arguments.js';
import { UsageError, type Command } from './command.js';
import { showHelp } from './help.js';
import { json, terminalSafe } from './output.js';
import { readTokenText } from './token-input.js';

const FLAGS = {
  'app-id': { type: 'string' },
  user: { type: 'string' },
  room: { type: 'string' },
  secret: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

/** diagnoseToken's option names, as this command's flags, for its error messages. */
const FLAG_OF = { appId: '--app-id', userId: '--user', roomId: '--room', secret: '--secret' };

/** The secrets: every `--secret`, the current one first, else ZEGO_SERVER_SECRET; `undefined` for none. */
function secretsFrom(flags: readonly string[] | undefined): SecretInput[] | undefined {
  if (flags === undefined || flags.length < 2) {
    const one = optionalSecretFrom(flags?.[0]);
    return one === undefined ? undefined : [one];
  }
  return flags.map((secret, index) => {
    if (secret === '') throw new UsageError(`the ${ordinal(index + 1)} --secret is empty`);
    return { secret, source: '--secret' };
  });
}

/** What the findings call each secret: where it came from, as the user gave it. */
const secretNames =
  (source: SecretInput['source']): SecretNamer =>
  (index, count) => {
    if (source === ENVIRONMENT_VARIABLES.secret) return `The secret in ${source}`;
    return count === 1 ? 'The secret given with --secret' : `The ${ordinal(index + 1)} --secret`;
  };

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
 * secret. It repairs the token with the other commands' one repair step, and says what it repaired.
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
'+' turned into spaces and stripped '=' padding, and reads UIKit kit tokens (TOKEN#wrapper) as UIKit does. From
stdin ("-"), the line break that ends the input is not counted as damage. It says what a token is when it is no
ZEGO token (a JSON Web Token, JSON in clear, a signature), when its generator derives the key its own way, and why
a secret given is no ServerSecret (quotes or a line break around it, its length, the AppSign in its place), naming
where it came from: --secret or ZEGO_SERVER_SECRET.

  --secret SECRET   your ServerSecret (default: ZEGO_SERVER_SECRET); without one, only the clear header is read.
                    Repeat it to give previous secrets too, the current one first: a token that opens only
                    with a later one was made with a previous secret (previous_secret)
  --app-id N        the app the client uses (default: ZEGO_APP_ID, if set; the flag wins)
  --user ID         the user the client logs in as
  --room ID         the room the client joins (a kit token's wrapper names the room UIKit joins: compared first)
  --json            print the diagnosis object as JSON

Codes and what to do about each: docs/TROUBLESHOOTING.md.`,
  async run(args, io) {
    const { values, positionals } = parseCommand('doctor', args, FLAGS, 1);
    if (values.help) return showHelp(doctor, io);
    const secrets = secretsFrom(values.secret);
    const secret = secrets === undefined ? undefined : secrets.length === 1 ? secrets[0]!.secret : secrets.map((s) => s.secret);
    const options = { secret, appId: appIdFrom(values['app-id']), userId: values.user, roomId: values.room };
    const token = await readTokenText(positionals[0], io);
    const names = secretNames(secrets?.[0]?.source ?? '--secret');
    const diagnosis = withFlagNames(FLAG_OF, () => diagnoseTokenNaming(token, options, names));
    if (values.json) io.out(json(diagnosis));
    else {
      for (const finding of diagnosis.findings) {
        io.out(findingLine(finding));
        // Claims that break the format: what the generator wrote, as far as it could be read.
        if (finding.code === 'claims_invalid' && diagnosis.token !== undefined) io.out(`        read: ${json(diagnosis.token, 0)}`);
      }
      io.err(verdict(diagnosis));
    }
    return diagnosis.ok ? 0 : 1;
  },
};
