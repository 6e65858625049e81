/** Pure rules shared by 入党意向 and 党员报到: forward-only steps, closing, erasure, age. */
import { UNDER_AGE_MESSAGE, isAdultByMonth, monthsSinceBirthMonth } from '@shared/intents';
import { DomainError } from '../core/errors';
import type { FollowupPatch, FollowupRecord } from '../core/ports';

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

/** The same month rule the form checks (src/shared/intents.ts), so client and server never disagree. */
export function assertAdult(birthMonth: string, now: string): void {
  const months = monthsSinceBirthMonth(birthMonth, now);
  const issue = (message: string) => new DomainError('INVALID_INPUT', message, [{ path: ['birthMonth'], message }]);
  if (months < 0) throw issue('出生年月不能晚于当前月份');
  if (months > 100 * 12) throw issue('请检查出生年月');
  if (!isAdultByMonth(birthMonth, now)) throw issue(UNDER_AGE_MESSAGE);
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
