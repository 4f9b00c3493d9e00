import { ZegoUIKitPrebuilt } from '@zegocloud/zego-uikit-prebuilt';
import { createTokenSource, uikitRenewal } from '@zego-token/client';

export async function joinCall(roomID: string, container: HTMLElement | null): Promise<ZegoUIKitPrebuilt> {
  // Your token route, on your site: the browser sends your session cookie with each request.
  const source = createTokenSource({ url: '/zego/token/:roomId' });
  const { kitToken } = await source.get(roomID);
  if (kitToken === undefined) throw new Error('the token route sends no kitToken: give it getUserName');
  const zp = ZegoUIKitPrebuilt.create(kitToken);
  // 30 s before the token expires, UIKit calls onTokenWillExpire: a fresh kitToken, then zp.renewToken(kitToken).
  const onError = (error: unknown): void => console.error('ZEGO token renewal failed', error);
  const onTokenWillExpire = uikitRenewal(zp, source, roomID, { onError });
  // A variable, not a literal: UIKit's declarations list onTokenWillExpire only in its call-invitation config.
  const config = { container, scenario: { mode: ZegoUIKitPrebuilt.GroupCall }, onTokenWillExpire };
  zp.joinRoom(config);
  return zp;
}
