/**
 * What both entries export, the main one (`index.ts`, node:crypto) and `@zego-token/core/web` (`web.ts`, Web Crypto):
 * everything that does not depend on the platform's cryptography. Each entry adds only its platform's functions, so
 * an export added here reaches both, and nothing can be exported by one and forgotten by the other.
 */
export { ErrorCode, ZegoTokenError, type ErrorCodeValue } from './lib/errors.js';
export { ENVIRONMENT_VARIABLES, type EnvironmentSource } from './lib/environment.js';
export {
  MAX_APP_ID,
  MAX_EFFECTIVE_TIME_IN_SECONDS,
  MAX_ROOM_ID_BYTES,
  MAX_USER_ID_BYTES,
  SECRET_BYTES,
} from './lib/assertions.js';
export { MAX_PLAINTEXT_BYTES, type TokenMode, type TokenVersion } from './format/envelope.js';
export type { KitClaims } from './format/kit-token.js';
export { wrapKitToken, type KitTokenOptions } from './tokens/kit-wrapper.js';
export { PRIVILEGE_LOGIN, PRIVILEGE_PUBLISH, type Privilege, type PrivilegeFlags } from './tokens/privilege.js';
export { buildRoomPayload, type RoomPayload, type DecodedRoom } from './tokens/room-payload.js';
export type { GenerateToken03Options, GenerateToken04Options } from './tokens/generate.js';
export type { DecodedToken, DecodedToken03, DecodedToken04 } from './tokens/read-claims.js';
export { DEFAULT_CLOCK_TOLERANCE_SECONDS, type VerifyTokenExpectations } from './tokens/verify-claims.js';
// Reading the clear header needs no cipher: one synchronous function for both entries.
export { inspectToken, type TokenHeader } from './tokens/inspect-token.js';
export type { DiagnoseTokenOptions, PartlyReadToken, TokenDiagnosis } from './diagnosis/diagnose-token.js';
export { DIAGNOSIS_SEVERITIES, type DiagnosisCode, type DiagnosisFinding, type DiagnosisSeverity } from './diagnosis/findings.js';
export { isZegoRoomId } from './tokens/room-id.js';
export { MAX_CLIENT_LIFETIME_SECONDS, MAX_EXPIRE_TIME } from './tokens/lifetime.js';
export { isZegoStreamId, MAX_STREAM_ID_BYTES } from './tokens/stream-id.js';
export { DEFAULT_EFFECTIVE_TIME_IN_SECONDS } from './route/issuer-config.js';
export type { MaybePromise, TokenIssuer, TokenIssuerOptions, TokenRequest, TokenRequestContext } from './route/token-issuer.js';
export {
  FORBIDDEN_RESPONSE,
  INVALID_ROOM_ID_RESPONSE,
  METHOD_NOT_ALLOWED_RESPONSE,
  NOT_FOUND_RESPONSE,
  TOKEN_RESPONSE_HEADERS,
  UNAUTHENTICATED_RESPONSE,
  type IdentityTokenResponseBody,
  type TokenErrorBody,
  type TokenErrorCode,
  type TokenResponse,
  type TokenResponseBody,
} from './route/token-response.js';
export { compileTokenPath, DEFAULT_TOKEN_PATH, pathOfRequestTarget, type PathMatch, type TokenPath } from './route/token-path.js';
export { DEFAULT_ROOM_PARAM, type TokenRoute, type TokenRouteOptions, type TokenRouteSettings } from './route/token-route.js';
