import { zegoToken } from '@zego-token/express';
import express from 'express';
import session from 'express-session';

declare module 'express-session' {
  interface SessionData {
    userId: string; // set by your login
    userName: string;
  }
}

export const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
// GET /zego/token/:roomId → { token, kitToken, appId, userId, roomId, version, issuedAt, expiresAt }
app.use(zegoToken({ getUserId: (req) => req.session.userId, getUserName: (req) => req.session.userName }));
