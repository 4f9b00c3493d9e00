import { zegoToken } from '@zego-token/express';
import express from 'express';
import session from 'express-session';

declare module 'express-session' {
  interface SessionData {
    userId: string; // set by your login
  }
}

export const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
// GET /zego/token → { token, appId, userId, version, issuedAt, expiresAt }: who the user is, for ZIM's login
app.use(zegoToken({ path: '/zego/token', getUserId: (req) => req.session.userId }));
