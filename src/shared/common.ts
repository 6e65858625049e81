import { z } from 'zod';
import { PERSON_NAME_MAX, PERSON_NAME_MESSAGES, PHONE_MESSAGE, PHONE_PATTERN } from './plain/contact';

/** Record ids: opaque strings, safe in URLs and in CloudBase `_id`. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');

const LOCAL_PART = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;
const OFFSET_PART = /([+-])(\d{2}):?(\d{2})$/;

/**
 * A time that exists: its calendar date is real (no 2 月 30 日), its offset is one a clock can have (±14:00 at most),
 * and its year is 1000–9999 (the database refuses year 0 and reads years below 100 as 19xx).
 */
export function isRealInstant(text: string): boolean {
  const local = LOCAL_PART.exec(text);
  if (!local) return false;
  const [year, month, day, hour, minute] = local.slice(1).map(Number);
  const asUtc = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (asUtc.getUTCFullYear() !== year || asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) return false;
  if (hour > 23 || minute > 59) return false;
  const offset = OFFSET_PART.exec(text);
  if (offset && (Number(offset[2]) > 14 || Number(offset[3]) > 59 || (Number(offset[2]) === 14 && Number(offset[3]) > 0))) return false;
  const instant = Date.parse(text);
  if (!Number.isFinite(instant)) return false;
  const utcYear = new Date(instant).getUTCFullYear();
  return utcYear >= 1000 && utcYear <= 9999;
}

/**
 * An instant as ISO 8601 with an explicit offset, e.g. 2026-12-01T09:00:00+08:00, proven real by the schema itself and
 * handed on in UTC (`2026-12-01T01:00:00.000Z`), so no code behind the boundary meets an invalid date.
 */
export const Instant = z
  .string()
  .datetime({ offset: true, message: '时间格式不正确，应为带时区的 ISO 8601 时间' })
  .refine(isRealInstant, '这个时间不存在，请检查日期和时区')
  .transform((text) => new Date(text).toISOString());

/** Mainland mobile number, 11 digits. */
export const Phone = z.string().trim().regex(PHONE_PATTERN, PHONE_MESSAGE);

export const PersonName = z
  .string()
  .trim()
  .min(1, PERSON_NAME_MESSAGES.missing)
  .max(PERSON_NAME_MAX, PERSON_NAME_MESSAGES.tooLong);

export const Cursor = z.string().max(200, '分页参数不正确');
export const Limit = z.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条');

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The empty payload: `{}` and nothing else. */
export const Empty = z.object({}).strict();
