import { ZegoUIKitPrebuilt } from '@zegocloud/zego-uikit-prebuilt';

/** UIKit's own wrapper around the token your server issued: the same kit token as the route's `kitToken`. */
export async function kitTokenFor(roomId: string, userName: string): Promise<string> {
  const response = await fetch(`/zego/token/${encodeURIComponent(roomId)}`, { credentials: 'include' });
  if (!response.ok) throw new Error(`token request failed: ${response.status}`);
  const { appId, token, userId } = (await response.json()) as { appId: number; token: string; userId: string };
  return ZegoUIKitPrebuilt.generateKitTokenForProduction(appId, token, roomId, userId, userName);
}
