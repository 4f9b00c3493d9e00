/**
 * `@zego-token/core/server-assistant`: a drop-in for ZEGO's Node.js `zegoServerAssistant` modules. Change
 * `require('./zegoServerAssistant')` to `require('@zego-token/core/server-assistant')` and nothing else.
 *
 * @packageDocumentation
 */
export { generateToken04 } from './generate-token04.js';
export { generateToken, type ServerAssistantPrivilege } from './generate-token.js';
export { ServerAssistantError } from './server-assistant-error.js';
export { ErrorCode, ZegoTokenError, type ErrorCodeValue } from '../lib/errors.js';
