import { LOGO_MAX_BYTES, LOGO_TYPES, type Logo } from '@shared/recruitment';
import type { z } from 'zod';

export type LogoInput = z.infer<typeof Logo>;
export type LogoMime = LogoInput['mime'];

/** What choosing an image gave: the logo to send, a Chinese reason it cannot be used, or nothing (cancelled). */
export type LogoChoice = { ok: true; logo: LogoInput } | { ok: false; message: string } | null;

const MIME_BY_EXTENSION: Record<string, LogoMime> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** WeChat gives temp paths, not types: the extension tells. */
export function mimeOfPath(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? '';
}

function isLogoMime(mime: string): mime is LogoMime {
  return (LOGO_TYPES as readonly string[]).includes(mime);
}

/** Checks type and size before anything is read or sent; the server checks both again. */
export function checkLogoFile(file: { mime: string; size: number }): { ok: true; mime: LogoMime } | { ok: false; message: string } {
  if (!isLogoMime(file.mime)) return { ok: false, message: '标志图片只支持 PNG 或 JPEG 格式，请换一张' };
  if (file.size > LOGO_MAX_BYTES) {
    const kb = Math.ceil(file.size / 1024);
    return { ok: false, message: `标志图片不能超过 ${LOGO_MAX_BYTES / 1024} KB（这张 ${kb} KB），请裁剪或压缩后再选` };
  }
  return { ok: true, mime: file.mime };
}

/** The person closed the picker without choosing: not an error to show. */
export function isCancel(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
  return /cancel|abort/i.test(message);
}
