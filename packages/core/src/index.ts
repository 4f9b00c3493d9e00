/**
 * `@zego-token/core`: ZEGO tokens on node:crypto, synchronous. The exports shared with `@zego-token/core/web` are in
 * common.ts; this entry adds the node:crypto functions and the seed-compatible `generateToken`.
 */
export * from './common.js';
export { decodeToken, generateToken03, generateToken04, verifyToken } from './node/tokens.js';
export { generateToken, type SeedPrivilege, type TokenInfo } from './node/generate-token.js';
export { createTokenIssuer, createTokenRoute } from './node/token-issuer.js';
export { diagnoseToken } from './node/diagnose-token.js';
