/**
 * An uploaded enterprise logo as the server takes it: the bytes must be the PNG or JPEG the upload says (told by their
 * signature, never by the declared type alone) and at most LOGO_MAX_BYTES. The device has already cropped and
 * compressed the picture; this is the check that does not trust it.
 */
import { LOGO_MAX_BYTES } from '@shared/recruitment';
import { DomainError } from '../core/errors';

export type LogoMime = 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The image type the bytes themselves say, or null when they are neither PNG nor JPEG. */
export function imageTypeOf(bytes: Uint8Array): LogoMime | null {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.equals(PNG_SIGNATURE)) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

const refuse = (message: string, path: (string | number)[], issue: string) =>
  new DomainError('INVALID_INPUT', message, [{ path, message: issue }]);

/** The logo's bytes, or INVALID_INPUT with a Chinese message saying what is wrong with them. */
export function readLogo(logo: { mime: LogoMime; data: string }): { bytes: Buffer; mime: LogoMime } {
  const data = logo.data.replace(/\s+/g, '');
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    throw refuse('标志图片内容不完整，请重新选择图片', ['logo', 'data'], '图片内容不完整');
  }
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) {
    const limit = `标志图片不能超过 ${LOGO_MAX_BYTES / 1024} KB`;
    throw refuse(limit, ['logo', 'data'], limit);
  }
  if (imageTypeOf(bytes) !== logo.mime) {
    throw refuse('标志图片内容与格式不符，请重新选择 PNG 或 JPEG 图片', ['logo'], '图片内容与格式不符');
  }
  return { bytes, mime: logo.mime };
}
