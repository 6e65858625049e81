/** Codes that must not be guessed: ticket codes and self check-in tokens, from the system's secure random source. */
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { TICKET_ALPHABET, TICKET_CODE_LENGTH } from '@shared/checkins';

/** Each character uniformly from the unambiguous alphabet (randomInt rejects the biased tail of the bytes). */
export function newTicketCode(): string {
  let code = '';
  for (let i = 0; i < TICKET_CODE_LENGTH; i++) code += TICKET_ALPHABET[crypto.randomInt(TICKET_ALPHABET.length)];
  return code;
}

/**
 * 64 random bits, 11 url-safe characters: short enough that `<event id>.<token>` (20 + 1 + 11) fits the 32 characters
 * a 小程序码's scene may hold.
 */
export function newCheckinToken(): string {
  return crypto.randomBytes(8).toString('base64url');
}

/** Compares a token the caller sent with the stored one in constant time. */
export function sameToken(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** A QR code as a PNG data URL: the mini-program's <Image> shows PNG everywhere, SVG not on every device. */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, scale: 8 });
}
