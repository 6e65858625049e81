import { Id } from '@shared/common';
import { DomainError } from './errors';

/** A keyset position: the sort instant of the last row seen and its id. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** A cursor is opaque to clients; a tampered one is bad input, not a fault. */
export function decodeCursor(raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      isStoredInstant(value[0]) &&
      Id.safeParse(value[1]).success
    ) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('INVALID_INPUT', '分页参数不正确，请刷新后重试', [{ path: ['cursor'], message: '分页参数不正确' }]);
}

/** Exactly the form `encodeCursor` writes; `Date.parse` alone takes '1' or year 275760, which the database refuses. */
function isStoredInstant(value: string): boolean {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value && value >= '0001';
}
