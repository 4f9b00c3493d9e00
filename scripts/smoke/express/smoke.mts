// Type-checked against the .d.mts files, as an ESM TypeScript user sees them; the app's own Request declarations flow.
import { decodeToken, generateToken04, type DecodedToken, type TokenIssuerOptions } from '@zego-token/core';
import { zegoToken, type ZegoTokenOptions } from '@zego-token/express';
import express from 'express';
import { generateToken, type ServerAssistantPrivilege } from '@zego-token/core/server-assistant';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how apps augment Express's Request, which this checks
  namespace Express {
    interface Request {
      account?: { id: string };
    }
  }
}

const secret = 'smoke000smoke000smoke000smoke000';
const issuerOptions: TokenIssuerOptions = { appId: 1, secret, privilege: { publish: false } };
const claims: DecodedToken = decodeToken(generateToken04({ appId: 1, userId: 'ts', secret, effectiveTimeInSeconds: 60 }), secret);
export const roomId: string | undefined = claims.version === '04' ? claims.room?.roomId : claims.roomId;
const options: ZegoTokenOptions = { ...issuerOptions, getUserId: (req) => req.account?.id };
express().use(zegoToken(options));
const privilege: ServerAssistantPrivilege = { canLoginRoom: true, canPublishStream: false };
export const roomToken: string = generateToken(1, 'r', 'ts', privilege, secret, 60);
