/**
 * Variables given by the host rather than by `process.env`: a Cloudflare Worker's `env`, say. Only string values
 * count. No runtime API: the Web Crypto build reads these and nothing else.
 */
export type EnvironmentSource = Readonly<Record<string, unknown>>;

/** `name` from `source`, or `undefined` when absent, empty or not a string (an empty variable is as good as none). */
export function variableFromSource(source: EnvironmentSource | undefined, name: string): string | undefined {
  const given = source?.[name];
  return typeof given === 'string' && given !== '' ? given : undefined;
}
