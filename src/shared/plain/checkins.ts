/**
 * Ticket codes: their alphabet, length, QR prefix, and how a code is shown.
 * Plain TypeScript, no zod: the mini-program's main package imports this without carrying the schema library;
 * the schema module beside it re-exports all of it.
 */

/** Ticket codes use digits and capitals a person cannot misread: no 0/O, 1/I/L. */
export const TICKET_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^8 ≈ 8.5 × 10^11 codes: guessing one of an event's few hundred tickets takes billions of tries. */
export const TICKET_CODE_LENGTH = 8;
/** What a ticket's QR code says: `SSLX1:<eventId>:<code>` (the version lets a later format be told apart). */
export const TICKET_QR_PREFIX = 'SSLX1';

/** The short code on a ticket, in groups of four so it can be read out: `ABCD EFGH`. */
export function formatTicketCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}
