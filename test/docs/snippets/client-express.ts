import { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import { attachExpressEngine, createTokenSource } from '@zego-token/client';

const SERVER_URL = 'wss://…'; // your project's server address, from the ZEGO console

// Your token route, on your site: the browser sends your session cookie with each request.
const source = createTokenSource({ url: '/zego/token/:roomId' });
const { token, appId, userId } = await source.get('lobby');
const zg = new ZegoExpressEngine(appId, SERVER_URL);
// On tokenWillExpire (30 s before expiry): a fresh token for that room, then zg.renewToken(token, roomID).
attachExpressEngine(zg, source, { onError: (error) => console.warn('ZEGO token renewal failed', error) });
await zg.loginRoom('lobby', token, { userID: userId, userName: userId }); // the user the token is for
