/**
 * WeChat: a `cloud://` file id (cloud storage) or a data: URL is shown as it is; a gateway path (`/files/<id>`, when
 * built with API_BASE against the self-hosted gateway) is loaded from that gateway.
 */
export function fileUrl(url: string): string {
  return url.startsWith('/') ? `${API_BASE.replace(/\/$/, '')}${url}` : url;
}
