/**
 * What the examples' demo sign-ins take as a user ID: one their token routes can serve. The routes answer a UIKit kit
 * token beside every token (`getUserName`), and a kit token's wrapper is encoded by UIKit's `btoa`, which carries no
 * character above U+00FF; ZEGO takes 1-64 UTF-8 bytes. Refusing such an ID at sign-in answers the person with why,
 * where the token route, given a user it cannot serve, could only fail as a server error (its callback's result
 * outside the contract).
 */

/** Why `userId` cannot sign in to the demo, or `undefined` when it can. */
export function demoUserIdProblem(userId: unknown): string | undefined {
  if (typeof userId !== 'string' || userId === '') return 'give a user ID';
  if (new TextEncoder().encode(userId).length > 64) return 'a ZEGO user ID is at most 64 UTF-8 bytes';
  if ([...userId].some((character) => character.charCodeAt(0) > 0xff)) return "this example's tokens carry a UIKit kit token, whose wrapper takes only characters up to U+00FF (Latin-1)";
  return undefined;
}
