/**
 * How a picked photo becomes a logo, as plain numbers both platforms share: the centred square of the picture, scaled
 * down to at most LOGO_SIDE px a side, encoded as JPEG (PNG when it has see-through parts) at the best quality that
 * fits LOGO_MAX_BYTES. The platform files (chooseLogo.ts, chooseLogo.weapp.ts) do the decoding and drawing.
 */
import { LOGO_MAX_BYTES, LOGO_SIDE } from '@shared/plain/recruitment';

/** The square to cut out of the source (sx, sy, side) and the side of the picture drawn from it (out). */
export interface SquareCrop {
  sx: number;
  sy: number;
  side: number;
  out: number;
}

/** The largest centred square of a width × height picture, drawn at most `max` px a side (never enlarged). */
export function squareCrop(width: number, height: number, max: number = LOGO_SIDE): SquareCrop {
  const side = Math.min(width, height);
  return {
    sx: Math.floor((width - side) / 2),
    sy: Math.floor((height - side) / 2),
    side,
    out: Math.max(1, Math.min(side, max)),
  };
}

export type LogoFormat = 'image/jpeg' | 'image/png';

/** One way to encode the square: its side in px, the format, and the JPEG quality (0–1; ignored for PNG). */
export interface EncodeStep {
  side: number;
  format: LogoFormat;
  quality: number;
}

/**
 * What to try, best first, until one fits: JPEG at 0.85, then lower qualities, then smaller sides. A photo fits at the
 * first step; only a picture of pure noise goes further. A see-through PNG is tried as PNG first (JPEG has no
 * transparency; its see-through parts then turn white).
 */
export function encodeSteps(out: number, transparent = false): EncodeStep[] {
  const jpeg = (side: number, quality: number): EncodeStep => ({ side: Math.min(out, side), format: 'image/jpeg', quality });
  const png: EncodeStep[] = transparent ? [{ side: out, format: 'image/png', quality: 1 }, { side: Math.min(out, 256), format: 'image/png', quality: 1 }] : [];
  const steps = [...png, jpeg(out, 0.85), jpeg(out, 0.7), jpeg(out, 0.55), jpeg(384, 0.6), jpeg(256, 0.6), jpeg(128, 0.6)];
  // A small source makes some steps the same: try each once.
  return steps.filter((s, i) => steps.findIndex((t) => t.side === s.side && t.format === s.format && t.quality === s.quality) === i);
}

/** True when any pixel of RGBA data is not fully opaque. */
export function hasTransparency(rgba: ArrayLike<number>): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] < 255) return true;
  return false;
}

/** The bytes of one encoding (base64 is what the API takes) and how many there are. */
export interface Encoded {
  mime: LogoFormat;
  /** base64 of the bytes */
  data: string;
  bytes: number;
}

/** Tries the steps in order and answers the first encoding within the limit, or null when none fits. */
export async function firstThatFits(
  steps: EncodeStep[],
  encode: (step: EncodeStep) => Promise<Encoded>,
  limit: number = LOGO_MAX_BYTES,
): Promise<Encoded | null> {
  for (const step of steps) {
    const encoded = await encode(step);
    if (encoded.bytes > 0 && encoded.bytes <= limit) return encoded;
  }
  return null;
}

/** What a person reads when the picture cannot be read at all (a HEIC the browser cannot open, a broken file). */
export const UNREADABLE_IMAGE = '这张图片无法读取，请换一张 JPG 或 PNG 格式的图片';
/** What a person reads in the (not seen in practice) case that even the smallest encoding is too big. */
export const IMAGE_TOO_COMPLEX = '这张图片压缩后仍然太大，请换一张图片';
