/**
 * `@zego-token/client`: ZEGO tokens in the browser, React Native and Node.js (anything with `fetch`), from an app's
 * zego-token route. A token source fetches, caches and retries; the SDK bindings renew the Express engine's, ZIM's
 * and UIKit's tokens before they expire. No dependencies; no import of the SDKs (their shapes are structural types).
 */
export { createTokenSource } from './token-source.js';
export type {
  GetTokenOptions,
  TokenFetch,
  TokenRequestCredentials,
  TokenRequestHeaders,
  TokenRequestInit,
  TokenResponseLike,
  TokenSource,
  TokenSourceOptions,
} from './token-source.js';
export type { TokenBody } from './token-body.js';
export { TokenSourceError } from './token-source-error.js';
export type { TokenSourceErrorCode } from './token-source-error.js';
export { attachExpressEngine } from './sdk/express-engine.js';
export type { ExpressEngineLike } from './sdk/express-engine.js';
export { attachZim } from './sdk/zim.js';
export type { ZimLike } from './sdk/zim.js';
export { uikitRenewal } from './sdk/uikit.js';
export type { UIKitLike, UIKitRenewalOptions } from './sdk/uikit.js';
export type { RenewalOptions } from './sdk/renewal.js';
