/**
 * The browser test's UIKit page (bundled by run.ts, a page of its own: UIKit Prebuilt carries its own Express SDK):
 * `@zegocloud/zego-uikit-prebuilt` from npm joins a room with a kit token wrapped by UIKit's own
 * `generateKitTokenForProduction` around our route's token (the client's README's snippet), and renews through
 * `uikitRenewal` on the room config's `onTokenWillExpire`. Spies as in page.ts: `zp.renewToken` records the kit
 * token (then UIKit's own method runs), and the source records each `get`.
 */
import { ZegoUIKitPrebuilt } from '@zegocloud/zego-uikit-prebuilt';
import { createTokenSource, uikitRenewal, type TokenBody, type TokenSource } from '@zego-token/client';
import type { PageEvent } from './page.js';

declare const report: (event: PageEvent) => Promise<void>;
const send = (event: PageEvent): void => void report({ ...event, at: Date.now() });

async function uikit(): Promise<void> {
  const roomID = 'uikit-room';
  const userName = 'Alice';
  const source = createTokenSource({ url: '/zego/token/:roomId' });
  const kitTokenOf = ({ kitToken, appId, token, userId }: TokenBody): string =>
    kitToken ?? ZegoUIKitPrebuilt.generateKitTokenForProduction(appId, token, roomID, userId, userName);
  const body = await source.get(roomID);
  send({ sdk: 'uikit', kind: 'login token', token: body.token });
  const zp = ZegoUIKitPrebuilt.create(kitTokenOf(body));
  // UIKit declares renewToken() with no parameter; it takes the kit token (Reflect.apply passes it on).
  const renewToken = zp.renewToken.bind(zp);
  zp.renewToken = (...args: string[]): boolean => {
    const accepted: unknown = Reflect.apply(renewToken, undefined, args);
    const kitToken = args[0] ?? '';
    send({ sdk: 'uikit', kind: 'renewToken', token: kitToken.slice(0, kitToken.indexOf('#')), detail: { accepted } });
    return accepted === true;
  };
  const observed: TokenSource = {
    get: (roomId, options) => {
      send({ sdk: 'uikit', kind: 'source.get', detail: { roomId, fresh: options?.fresh === true } });
      return source.get(roomId, options);
    },
    dispose: () => source.dispose(),
  };
  const onTokenWillExpire = uikitRenewal(zp, observed, roomID, {
    kitToken: kitTokenOf,
    onError: (error) => send({ sdk: 'uikit', kind: 'onError', detail: String(error) }),
  });
  // No pre-join view, camera or microphone: the room is joined at once, headless, offline.
  const config = {
    container: document.getElementById('call'),
    onTokenWillExpire,
    showPreJoinView: false,
    turnOnCameraWhenJoining: false,
    turnOnMicrophoneWhenJoining: false,
    onJoinRoom: () => send({ sdk: 'uikit', kind: 'sdk event', detail: { event: 'onJoinRoom' } }),
  };
  zp.joinRoom(config);
}

uikit().catch((error: unknown) => send({ sdk: 'uikit', kind: 'onError', detail: { setup: String(error) } }));
