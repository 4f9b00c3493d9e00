import { ZIM } from 'zego-zim-web';
import { attachZim, createTokenSource } from '@zego-token/client';
import { sessionJwt } from './browser-session.js'; // your sign-in: the user's bearer token

// The identity route (ZIM tokens name no room), here with a bearer token instead of a cookie.
const headers = async () => ({ authorization: `Bearer ${await sessionJwt()}` });
const source = createTokenSource({ url: '/zego/token', headers });
const { token, appId, userId } = await source.get();
const zim = ZIM.create({ appID: appId });
// On tokenWillExpire (30 s before expiry): a fresh token, then zim.renewToken(token).
attachZim(zim, source, { onError: (error) => console.warn('ZIM token renewal failed', error) });
// As the user the token is for. ZIM's TypeScript declarations require every field: '' and 0 are its defaults.
await zim?.login(userId, { userName: userId, token, isOfflineLogin: false, customStatus: '', customStatusDuration: 0 });
