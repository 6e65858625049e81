import crypto from 'node:crypto';

/** Record ids: 20 url-safe random characters, fine as CloudBase `_id` too. */
export function newId(): string {
  return crypto.randomBytes(15).toString('base64url');
}
