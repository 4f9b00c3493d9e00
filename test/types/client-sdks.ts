/**
 * A type test, compiled by `pnpm typecheck` and never run (test/types/ holds no test file): the bindings take the
 * real SDKs' instances, typed by the SDKs' own declarations (devDependencies: zego-express-engine-webrtc 3.12.0,
 * zego-zim-web 2.29.0, @zegocloud/zego-uikit-prebuilt 2.18.4), with no cast. Each `@ts-expect-error` proves that a declaration was read
 * (an `any` would accept the line, and the unused directive would fail the build).
 */
import { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import { ZIM } from 'zego-zim-web';
import { ZegoUIKitPrebuilt } from '@zegocloud/zego-uikit-prebuilt';
import { attachExpressEngine, attachZim, createTokenSource, uikitRenewal, type TokenBody } from '@zego-token/client';

export async function expressEngine(appID: number, server: string): Promise<() => void> {
  const source = createTokenSource({ url: '/zego/token/:roomId', credentials: 'include' });
  const zg = new ZegoExpressEngine(appID, server);
  const { token, userId }: TokenBody = await source.get('lobby');
  await zg.loginRoom('lobby', token, { userID: userId, userName: userId });
  // @ts-expect-error the engine's declarations are read: renewToken takes a string
  zg.renewToken(1);
  return attachExpressEngine(new ZegoExpressEngine(appID, server), source, { onError: (error) => void error });
}

export async function zim(appID: number): Promise<() => void> {
  const source = createTokenSource({ url: '/zego/token', headers: () => ({ authorization: 'Bearer …' }) });
  const { token, userId } = await source.get();
  // @ts-expect-error ZIM's declarations are read: create() may return null
  void ZIM.create({ appID }).login(userId, { userName: userId, token });
  return attachZim(ZIM.create({ appID }), source);
}

export function uikit(kitToken: string, container: HTMLElementLike, roomID: string): void {
  const source = createTokenSource({ url: '/zego/token/:roomId' });
  const zp = ZegoUIKitPrebuilt.create(kitToken);
  // UIKit reads onTokenWillExpire from the room config; its declarations list it only in the call-invitation config,
  // so the config goes in as a variable (no excess-property check), not as a literal.
  const roomConfig = { container, onTokenWillExpire: uikitRenewal(zp, source, roomID) };
  zp.joinRoom(roomConfig);
  // @ts-expect-error UIKit's declarations are read (and give renewToken no parameter, though it takes a kit token)
  zp.renewToken(kitToken);
}

/** The tests compile without the DOM library, where UIKit's `container: HTMLElement` is unresolved. */
type HTMLElementLike = never;
