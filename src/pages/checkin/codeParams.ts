/**
 * Where the event's code says to check in: the H5 QR code carries `eventId` and `token`; a 小程序码 carries them as
 * its `scene`, `<eventId>.<token>`, URL-encoded by WeChat.
 */
export function readCheckinParams(params: Record<string, string | undefined>): { eventId: string; token: string } | null {
  if (params.eventId && params.token) return { eventId: params.eventId, token: params.token };
  if (!params.scene) return null;
  const [eventId, token] = decodeURIComponent(params.scene).split('.');
  return eventId && token ? { eventId, token } : null;
}
