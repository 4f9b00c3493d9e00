import { ZegoUIKitPrebuilt } from '@zegocloud/zego-uikit-prebuilt';
import { createTokenSource, uikitRenewal, type TokenBody } from '@zego-token/client';

const roomID = 'lobby';
const userName = 'Alice';
const source = createTokenSource({ url: '/zego/token/:roomId' });
// A kit token: the route's kitToken when it sends one, else UIKit's own wrapper around the route's token.
const kitTokenOf = ({ kitToken, appId, token, userId }: TokenBody): string =>
  kitToken ?? ZegoUIKitPrebuilt.generateKitTokenForProduction(appId, token, roomID, userId, userName);
const zp = ZegoUIKitPrebuilt.create(kitTokenOf(await source.get(roomID)));
// UIKit reads onTokenWillExpire from the room config (its type declarations omit it there: pass a variable).
const onTokenWillExpire = uikitRenewal(zp, source, roomID, { kitToken: kitTokenOf });
const config = { container: document.getElementById('call'), onTokenWillExpire };
zp.joinRoom(config);
