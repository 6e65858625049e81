import type { Enterprise } from '@shared/recruitment';

/** The image of a stored logo, for an <Image src>; null when there is none. */
export function logoSrc(logo: Enterprise['logo']): string | null {
  return logo ? `data:${logo.mime};base64,${logo.data}` : null;
}
