// Type-checked against the .d.cts files, as a CommonJS TypeScript user sees them.
import { createTokenIssuer, ErrorCode, verifyToken, ZegoTokenError } from '@zego-token/core';
import { zegoTokenHandler } from '@zego-token/express';
import { generateToken04, ServerAssistantError } from '@zego-token/core/server-assistant';

const secret = 'smoke000smoke000smoke000smoke000';
const answer = createTokenIssuer({ appId: 1, secret, version: '03' }).issue({ userId: 'u', roomId: 'r', request: null });
try {
  verifyToken('04x', secret, { userId: 'u', clockToleranceSeconds: 5 });
} catch (error) {
  if (!(error instanceof ZegoTokenError) || error.code !== ErrorCode.TOKEN_MALFORMED) throw error;
}
try {
  generateToken04(0, 'u', secret, 60, '');
} catch (error) {
  if (!(error instanceof ServerAssistantError) || error.errorCode !== ErrorCode.APP_ID_INVALID) throw error;
}
export = { answer, handler: zegoTokenHandler({ appId: 1, secret, getUserId: (req) => req.get('x-user') }) };
