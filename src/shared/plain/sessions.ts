/**
 * What a desktop sign-in QR code holds.
 * Plain TypeScript, no zod: the mini-program's main package imports this without carrying the schema library;
 * the schema module beside it re-exports all of it.
 */

/** What the QR code holds: the mini-program recognises its own tickets by this prefix. */
export const QR_TICKET_PREFIX = 'sheshan-login:';
