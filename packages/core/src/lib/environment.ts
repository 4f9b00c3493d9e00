/**
 * The environment variables the library reads, in one place: named as ZEGO's console names the two values. Read only
 * where an option is not given, and only at construction: from a host's source (a Worker's `env`) on every platform,
 * then from `process.env` on node:crypto's (node/environment.ts).
 */

/** The names of the variables read for options not given: `ZEGO_APP_ID` and `ZEGO_SERVER_SECRET`. */
export const ENVIRONMENT_VARIABLES: Readonly<{ appId: 'ZEGO_APP_ID'; secret: 'ZEGO_SERVER_SECRET' }> = Object.freeze({
  appId: 'ZEGO_APP_ID',
  secret: 'ZEGO_SERVER_SECRET',
});

/** One of {@link ENVIRONMENT_VARIABLES}' names. */
export type EnvironmentVariable = (typeof ENVIRONMENT_VARIABLES)[keyof typeof ENVIRONMENT_VARIABLES];

/**
 * Variables given by the host rather than by `process.env`: a Cloudflare Worker's `env`, say. Only string values
 * count. No runtime API: the Web Crypto build reads these and nothing else.
 */
export type EnvironmentSource = Readonly<Record<string, unknown>>;

/** `name` from `source`, or `undefined` when absent, empty or not a string (an empty variable is as good as none). */
export function variableFromSource(source: EnvironmentSource | undefined, name: EnvironmentVariable): string | undefined {
  const given = source?.[name];
  return typeof given === 'string' && given !== '' ? given : undefined;
}
