import { z } from 'zod';

/** Record ids: opaque strings, safe in URLs and in CloudBase `_id`. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确');

/** An instant as ISO 8601 with an explicit offset, e.g. 2026-12-01T09:00:00+08:00. */
export const Instant = z.string().datetime({ offset: true, message: '时间格式不正确，应为带时区的 ISO 8601 时间' });

/** Mainland mobile number, 11 digits. */
export const Phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

export const PersonName = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(20, '姓名最多 20 个字');

export const Cursor = z.string().max(200, '分页参数不正确');
export const Limit = z.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(50, '每页最多 50 条');

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The empty payload: `{}` and nothing else. */
export const Empty = z.object({}).strict();
