/** The stand-in for "your sign-in" in the client guides' snippets: the signed-in user's bearer token. */
export function sessionJwt(): Promise<string> {
  return Promise.resolve('the signed-in user’s session token');
}
