/** Pure rules of checking people in at an event, and of taking a check-in back. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { ScanResult } from '@shared/checkins';
import { CHECKIN_OPENS_BEFORE_MINUTES, checkInWindow } from '@shared/registrations';
import { DomainError } from '../core/errors';
import type { Change, EventRecord, RegistrationPatch, RegistrationRecord } from '../core/ports';

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONE = 'Asia/Shanghai';
const shanghai = (iso: string) => dayjs(iso).tz(ZONE);

/** A confirmed person is checked in within the window; a second check-in changes nothing and says nothing new. */
export function decideCheckIn(current: RegistrationRecord, event: EventRecord, now: string, actor: string): Change<RegistrationPatch> {
  if (current.status === 'attended') return { patch: {} };
  if (current.status === 'waitlisted') throw new DomainError('INVALID_TRANSITION', '候补人员尚未获得名额，不能签到');
  if (current.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', '该报名已取消，不能签到');
  if (event.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', '活动已取消，不能签到');
  const { opensAt, closesAt } = checkInWindow(event);
  const at = Date.parse(now);
  if (at < opensAt) {
    throw new DomainError(
      'OUTSIDE_CHECKIN_WINDOW',
      `签到尚未开始：活动开始前 ${CHECKIN_OPENS_BEFORE_MINUTES / 60} 小时（${shanghai(new Date(opensAt).toISOString()).format('M月D日 HH:mm')}）起可以签到`,
    );
  }
  if (at > closesAt) throw new DomainError('OUTSIDE_CHECKIN_WINDOW', '活动已结束，签到已关闭');
  return {
    patch: { status: 'attended', attendedAt: now },
    audit: { actor, action: 'registration.checkIn', recordType: 'registration', recordId: current.id, detail: null },
  };
}

/** Staff take back a check-in made by mistake on the day it was made (Shanghai), and it is on the record. */
export function decideUndoCheckIn(current: RegistrationRecord, now: string, actor: string): Change<RegistrationPatch> {
  if (current.status !== 'attended' || !current.attendedAt) throw new DomainError('INVALID_TRANSITION', '该报名尚未签到，无需撤销');
  if (!shanghai(current.attendedAt).isSame(shanghai(now), 'day')) {
    throw new DomainError('INVALID_TRANSITION', '只能撤销当天的签到');
  }
  return {
    patch: { status: 'confirmed', attendedAt: null },
    audit: {
      actor,
      action: 'registration.undoCheckIn',
      recordType: 'registration',
      recordId: current.id,
      detail: `撤销 ${current.attendedAt} 的签到`,
    },
  };
}

/**
 * What a staff scan of a ticket means for its registration: checked in now, or why not. Every outcome is an answer
 * (it is a scanner); only a confirmed person within the window is checked in, by the same rule as a tap in the list.
 */
export function decideScan(
  current: RegistrationRecord,
  event: EventRecord,
  now: string,
  actor: string,
): { result: Exclude<ScanResult, 'other_event' | 'not_found'>; message?: string; change: Change<RegistrationPatch> } {
  const nothing: Change<RegistrationPatch> = { patch: {} };
  if (current.status === 'attended') return { result: 'already', change: nothing };
  if (current.status === 'waitlisted') return { result: 'waitlisted', change: nothing };
  if (current.status === 'cancelled') return { result: 'cancelled', change: nothing };
  try {
    return { result: 'checked_in', change: decideCheckIn(current, event, now, actor) };
  } catch (err) {
    if (err instanceof DomainError && (err.code === 'OUTSIDE_CHECKIN_WINDOW' || err.code === 'EVENT_CANCELLED')) {
      return { result: 'outside_window', message: err.message, change: nothing };
    }
    throw err;
  }
}

/** A confirmed person scanning the event's own code checks themself in, within the window; on the record as such. */
export function decideSelfCheckIn(current: RegistrationRecord, event: EventRecord, now: string): Change<RegistrationPatch> {
  if (current.status === 'waitlisted') {
    throw new DomainError('NOT_CONFIRMED', `您在候补第 ${current.position ?? '?'} 位，尚未获得名额，不能签到`);
  }
  if (current.status === 'cancelled') throw new DomainError('NOT_CONFIRMED', '您的报名已取消，不能签到');
  const change = decideCheckIn(current, event, now, current.openid);
  return change.audit ? { ...change, audit: { ...change.audit, action: 'registration.selfCheckIn', detail: '本人扫描活动签到码签到' } } : change;
}
