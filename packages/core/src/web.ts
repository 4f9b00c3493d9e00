/**
 * `@zego-token/core/web`: the token functions and route logic on Web Crypto (`crypto.subtle`,
 * `crypto.getRandomValues`), for runtimes without node:crypto (workerd without `nodejs_compat`, Vercel's edge
 * runtime, Next.js middleware, browsers) and for any with Web Crypto (Node 20+, Deno, Bun). Nothing it imports
 * touches a `node:` module, `Buffer` or `process`. The generators, decoders, issuer and doctor answer with promises.
 *
 * The exports shared with the main entry are in common.ts; this entry adds the Web Crypto functions.
 */
export * from './common.js';
export { decodeToken, generateToken03, generateToken04, verifyToken } from './web/tokens.js';
export { createTokenIssuer, createTokenRoute, type WebTokenIssuer } from './web/token-issuer.js';
export { diagnoseToken } from './web/diagnose-token.js';
