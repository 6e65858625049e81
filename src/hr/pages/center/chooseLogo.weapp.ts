/**
 * WeChat: Taro.chooseImage gives a temp file; its centred square is drawn on an offscreen 2d canvas at most LOGO_SIDE
 * px a side and exported with canvasToTempFilePath, then read as base64. Where the WeChat version cannot export an
 * offscreen canvas, Taro.compressImage scales the whole picture instead (no crop; <Image mode='aspectFit'> shows it
 * whole). Only a picture WeChat cannot open is refused.
 */
import Taro from '@tarojs/taro';
import { LOGO_SIDE } from '@shared/plain/recruitment';
import { isCancel, type LogoChoice } from './logo';
import {
  IMAGE_TOO_COMPLEX,
  UNREADABLE_IMAGE,
  encodeSteps,
  firstThatFits,
  hasTransparency,
  squareCrop,
  type Encoded,
  type SquareCrop,
} from './logoImage';

interface Canvas2d {
  fillStyle: string;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: unknown, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
}

export async function chooseLogo(): Promise<LogoChoice> {
  let path: string | undefined;
  try {
    // Compressed by WeChat first: a 12-megapixel original decoded on a canvas costs a low-end phone too much memory.
    path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths[0];
  } catch (e) {
    if (isCancel(e)) return null;
    throw e;
  }
  if (!path) return null;
  let info: Taro.getImageInfo.SuccessCallbackResult;
  try {
    info = await Taro.getImageInfo({ src: path });
  } catch {
    return { ok: false, message: UNREADABLE_IMAGE };
  }
  const crop = squareCrop(info.width, info.height);
  const encoded = (await onCanvas(path, crop, info.type === 'png').catch(() => null)) ?? (await byCompressing(path, info));
  return encoded ? { ok: true, logo: { mime: encoded.mime, data: encoded.data } } : { ok: false, message: IMAGE_TOO_COMPLEX };
}

async function onCanvas(path: string, crop: SquareCrop, maybeTransparent: boolean): Promise<Encoded | null> {
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: crop.out, height: crop.out });
  const ctx = canvas.getContext('2d') as unknown as Canvas2d;
  const image = canvas.createImage();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = (e: unknown) => reject(e);
    image.src = path;
  });
  const draw = (background: string | null) => {
    ctx.clearRect(0, 0, crop.out, crop.out);
    if (background) {
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, crop.out, crop.out);
    }
    ctx.drawImage(image, crop.sx, crop.sy, crop.side, crop.side, 0, 0, crop.out, crop.out);
  };
  let transparent = false;
  if (maybeTransparent) {
    draw(null);
    transparent = hasTransparency(ctx.getImageData(0, 0, crop.out, crop.out).data);
  }
  return firstThatFits(encodeSteps(crop.out, transparent), async (step) => {
    const jpeg = step.format === 'image/jpeg';
    draw(jpeg ? '#ffffff' : null);
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: canvas as unknown as Taro.Canvas,
      x: 0,
      y: 0,
      width: crop.out,
      height: crop.out,
      destWidth: step.side,
      destHeight: step.side,
      fileType: jpeg ? 'jpg' : 'png',
      quality: step.quality,
    });
    return readEncoded(tempFilePath, step.format);
  });
}

/** The fallback: WeChat scales the picture so its short side is at most LOGO_SIDE, at falling JPEG qualities. */
async function byCompressing(path: string, info: Taro.getImageInfo.SuccessCallbackResult): Promise<Encoded | null> {
  const size = info.width <= info.height ? { compressedWidth: Math.min(info.width, LOGO_SIDE) } : { compressedHeight: Math.min(info.height, LOGO_SIDE) };
  const qualities = [85, 70, 55, 40].map((q) => ({ side: LOGO_SIDE, format: 'image/jpeg' as const, quality: q }));
  return firstThatFits(qualities, async (step) => {
    const { tempFilePath } = await Taro.compressImage({ src: path, quality: step.quality, ...size });
    // A PNG stays a PNG (quality is for JPEG only): the file tells what it is.
    const { type } = await Taro.getImageInfo({ src: tempFilePath });
    return readEncoded(tempFilePath, type === 'png' ? 'image/png' : 'image/jpeg');
  }).catch(() => null);
}

function readEncoded(filePath: string, mime: Encoded['mime']): Promise<Encoded> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => {
        const data = typeof res.data === 'string' ? res.data : '';
        resolve({ mime, data, bytes: Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0) });
      },
      fail: reject,
    });
  });
}
