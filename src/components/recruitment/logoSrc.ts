import { fileUrl } from '../../api/fileUrl';

/** The image of a logo, for an <Image src>: a stored one by its address, a newly chosen one from its bytes; null when none. */
export function logoSrc(logo: { url: string } | { mime: string; data: string } | null): string | null {
  if (!logo) return null;
  return 'url' in logo ? fileUrl(logo.url) : `data:${logo.mime};base64,${logo.data}`;
}
