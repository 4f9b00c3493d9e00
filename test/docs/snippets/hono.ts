import { zegoToken } from '@zego-token/fetch';
import { Hono } from 'hono';
import { currentUserId } from './auth.js'; // your auth: the signed-in user's ID, or null

const handler = zegoToken({ getUserId: currentUserId });

export const app = new Hono();
app.get('/zego/token/:roomId', (c) => handler(c.req.raw));
