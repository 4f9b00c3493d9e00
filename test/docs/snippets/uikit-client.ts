import { ZegoUIKitPrebuilt } from '@zegocloud/zego-uikit-prebuilt';

// UIKit 2.18.4's types lag its code: renewToken takes the new kit token, and joinRoom's config takes onTokenWillExpire.
declare module '@zegocloud/zego-uikit-prebuilt' {
  interface ZegoUIKitPrebuilt {
    renewToken(kitToken: string): boolean;
  }
  interface ZegoCloudRoomConfig {
    onTokenWillExpire?: () => void;
  }
}

/** A kit token for the signed-in user (your session cookie) in `roomId`, from your server's token route. */
async function fetchKitToken(roomId: string): Promise<string> {
  const response = await fetch(`/zego/token/${encodeURIComponent(roomId)}`, { credentials: 'include' });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  const { kitToken } = (await response.json()) as { kitToken: string };
  return kitToken;
}

export async function joinCall(roomId: string, container: HTMLElement): Promise<ZegoUIKitPrebuilt> {
  const zp = ZegoUIKitPrebuilt.create(await fetchKitToken(roomId));
  zp.joinRoom({
    container,
    scenario: { mode: ZegoUIKitPrebuilt.GroupCall },
    // UIKit calls this 30 s before the token expires: fetch a fresh kit token and hand it over.
    onTokenWillExpire: () => {
      fetchKitToken(roomId).then(
        (kitToken) => zp.renewToken(kitToken),
        (error: unknown) => console.error('could not renew the ZEGO token', error),
      );
    },
  });
  return zp;
}
