/**
 * H5: the browser's file picker through Taro.chooseImage; the picture is decoded by the browser (createImageBitmap,
 * or an <img> where that is missing), its centred square drawn on a canvas at most LOGO_SIDE px a side and encoded with
 * canvas.toBlob. Any picture the browser can open is taken, however large; only one it cannot open is refused.
 */
import Taro from '@tarojs/taro';
import { base64Of } from '../../../utils/base64';
import { isCancel, type LogoChoice } from './logo';
import {
  IMAGE_TOO_COMPLEX,
  UNREADABLE_IMAGE,
  encodeSteps,
  firstThatFits,
  hasTransparency,
  squareCrop,
  type EncodeStep,
  type Encoded,
  type SquareCrop,
} from './logoImage';

interface Decoded {
  image: CanvasImageSource;
  width: number;
  height: number;
  release(): void;
}

export async function chooseLogo(): Promise<LogoChoice> {
  let picked: Taro.chooseImage.SuccessCallbackResult;
  try {
    picked = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: ['album'] });
  } catch (e) {
    if (isCancel(e)) return null;
    throw e;
  }
  // Taro leaves out a file its own <img> could not open (a HEIC in Chrome, a broken file): that is the picture refused.
  const file = picked.tempFiles[0]?.originalFileObj;
  if (!file) return { ok: false, message: UNREADABLE_IMAGE };
  const decoded = await decode(file);
  if (!decoded) return { ok: false, message: UNREADABLE_IMAGE };
  try {
    const crop = squareCrop(decoded.width, decoded.height);
    const transparent = file.type === 'image/png' && hasTransparency(pixels(decoded.image, crop));
    const encoded = await firstThatFits(encodeSteps(crop.out, transparent), (step) => encode(decoded.image, crop, step));
    return encoded ? { ok: true, logo: { mime: encoded.mime, data: encoded.data } } : { ok: false, message: IMAGE_TOO_COMPLEX };
  } finally {
    decoded.release();
  }
}

/** The picture as the browser decodes it (turned upright by its EXIF orientation), or null when it cannot. */
async function decode(file: Blob): Promise<Decoded | null> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file);
      return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      return null;
    }
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('image did not decode'));
      img.src = url;
    });
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
  return { image: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) };
}

/** The square drawn `side` px wide; on white for JPEG, which has no transparency. */
function draw(image: CanvasImageSource, crop: SquareCrop, side: number, background: string | null): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, side, side);
  }
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, crop.sx, crop.sy, crop.side, crop.side, 0, 0, side, side);
  return canvas;
}

/** A small copy's pixels are enough to tell whether anything is see-through. */
function pixels(image: CanvasImageSource, crop: SquareCrop): Uint8ClampedArray {
  const side = Math.min(crop.out, 128);
  const ctx = draw(image, crop, side, null).getContext('2d');
  return ctx ? ctx.getImageData(0, 0, side, side).data : new Uint8ClampedArray(0);
}

async function encode(image: CanvasImageSource, crop: SquareCrop, step: EncodeStep): Promise<Encoded> {
  const canvas = draw(image, crop, step.side, step.format === 'image/jpeg' ? '#ffffff' : null);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, step.format, step.quality));
  // A browser that cannot write the asked format writes PNG: take what it wrote, as long as it is one of the two.
  if (!blob || (blob.type !== 'image/jpeg' && blob.type !== 'image/png')) return { mime: step.format, data: '', bytes: 0 };
  return { mime: blob.type, data: await base64Of(blob), bytes: blob.size };
}
