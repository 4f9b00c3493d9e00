// Prints a ZEGO token and what it decodes to: the quickest way to see @zego-token/core work.
//   pnpm start                       demo app (tokens ZEGO will not accept)
//   ZEGO_APP_ID=… ZEGO_SERVER_SECRET=… pnpm start -- --user alice --room lobby
import { parseArgs } from 'node:util';
import { decodeToken, generateToken04, ZegoTokenError } from '@zego-token/core';

// A stand-in app for trying the library: ZEGO's servers reject its tokens.
const DEMO_APP_ID = 1234567890;
const DEMO_SECRET = 'demo0000demo0000demo0000demo0000';

const { values } = parseArgs({
  options: {
    user: { type: 'string', default: 'demo-user' },
    room: { type: 'string', default: 'demo-room' },
    ttl: { type: 'string', default: '3600' },
  },
});

const usingDemo = !process.env.ZEGO_APP_ID || !process.env.ZEGO_SERVER_SECRET;
const appId = usingDemo ? DEMO_APP_ID : Number(process.env.ZEGO_APP_ID);
const secret = usingDemo ? DEMO_SECRET : process.env.ZEGO_SERVER_SECRET;

if (usingDemo) {
  console.log('DEMO MODE: ZEGO_APP_ID / ZEGO_SERVER_SECRET are not set, so this uses demo app 1234567890 and a demo');
  console.log('secret. ZEGO will not accept these tokens; set both variables to get real ones.\n');
}

try {
  const token = generateToken04({
    appId,
    userId: values.user,
    secret,
    effectiveTimeInSeconds: Number(values.ttl),
    payload: { roomId: values.room },
  });
  console.log(`token (04, AES-GCM, bound to room "${values.room}"):\n${token}\n`);
  console.log('decodeToken(token, secret) reads back:');
  console.log(JSON.stringify(decodeToken(token, secret), null, 2));
} catch (error) {
  if (!(error instanceof ZegoTokenError)) throw error;
  console.error(`error ${error.code}: ${error.message}`);
  process.exitCode = 1;
}
