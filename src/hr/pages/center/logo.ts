import type { Logo } from '@shared/recruitment';
import type { z } from 'zod';

/** A new logo as it is sent: its type and base64 bytes. */
export type LogoInput = z.infer<typeof Logo>;

/** What the logo field holds: the stored logo (its address), a newly chosen one, or none. */
export type LogoValue = { url: string } | LogoInput | null;

/** What choosing an image gave: the logo to send, a Chinese reason it cannot be used, or nothing (cancelled). */
export type LogoChoice = { ok: true; logo: LogoInput } | { ok: false; message: string } | null;

/** The person closed the picker without choosing: not an error to show. */
export function isCancel(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
  return /cancel|abort/i.test(message);
}
