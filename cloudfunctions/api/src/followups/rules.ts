/** Pure rules shared by 入党意向 and 党员报到: forward-only steps, closing, erasure, age. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { MIN_AGE } from '@shared/intents';
import { DomainError } from '../core/errors';
import type { FollowupPatch, FollowupRecord } from '../core/ports';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Shanghai';
/** The person's own steps are recorded as 'self', so nothing ties them to an openid once withdrawn. */
export const SELF = 'self';

/** Status moves one step forward along `path`, or to `closed` from any open state; `closed` is final. */
export function assertTransition(path: readonly string[], from: string, to: string): void {
  if (from === 'closed') throw new DomainError('INVALID_TRANSITION', '已结束的记录不能再变更状态');
  if (to === 'closed') return;
  const next = path[path.indexOf(from) + 1];
  if (to !== next) {
    throw new DomainError('INVALID_TRANSITION', next ? '状态只能逐级推进' : '已是最后一个阶段，只能结束');
  }
}

/** Age in whole years at `now` (Shanghai), counting by month: born 2008-12 is 18 from 2026-12. */
export function ageInMonths(birthMonth: string, now: string): number {
  const [y, m] = birthMonth.split('-').map(Number);
  const today = dayjs(now).tz(TIME_ZONE);
  return (today.year() - y) * 12 + (today.month() + 1 - m);
}

export function assertAdult(birthMonth: string, now: string): void {
  const months = ageInMonths(birthMonth, now);
  const issue = (message: string) => new DomainError('INVALID_INPUT', message, [{ path: ['birthMonth'], message }]);
  if (months < 0) throw issue('出生年月不能晚于当前月份');
  if (months > 100 * 12) throw issue('请检查出生年月');
  if (months < MIN_AGE * 12) throw issue(`年满 ${MIN_AGE} 周岁方可提交入党意向`);
}

/** Withdrawal erases every personal field from the row; only the kind, status and dates stay, as an anonymous count. */
export const ERASED: FollowupPatch = {
  openid: null,
  name: null,
  phone: null,
  gender: null,
  birthMonth: null,
  employer: null,
  education: null,
  statement: null,
  homeOrg: null,
  wish: null,
  politicalStatus: null,
};

export function isOwner(record: FollowupRecord, openid: string): boolean {
  return record.openid !== null && record.openid === openid;
}
