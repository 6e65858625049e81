/** H5: files the gateway answers (`/files/<id>`) are on the page's own origin; any other address is used as it is. */
export function fileUrl(url: string): string {
  return url;
}
