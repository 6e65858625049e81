/** Pure rules about an event's life: when it takes sign-ups and which changes its state allows. */
import { checkEventTimes, isSignupOpenAt, type Event } from '@shared/events';
import { questionChangeProblem, type Question } from '@shared/questions';
import { DomainError } from '../core/errors';
import type { EventPatch, EventRecord } from '../core/ports';

/** Sign-ups close at the deadline, or at the start when there is none; only a published event takes them. */
export function assertOpenForSignup(event: EventRecord, now: string): void {
  if (event.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', '活动已取消，不能报名');
  if (event.status !== 'published') throw new DomainError('EVENT_NOT_PUBLISHED', '活动尚未发布，不能报名');
  if (!isSignupOpenAt(event, now)) throw new DomainError('REGISTRATION_CLOSED', '报名已截止');
}

export function assertEditable(event: EventRecord): void {
  if (event.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', '活动已取消，不能再修改');
}

export function assertPublishable(event: EventRecord, now: string): void {
  if (event.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', '活动已取消，不能发布');
  if (event.status === 'published') throw new DomainError('INVALID_TRANSITION', '活动已经发布');
  if (Date.parse(event.startAt) <= Date.parse(now)) {
    throw new DomainError('INVALID_TRANSITION', '活动开始时间已过，请先修改时间再发布');
  }
}

/** The merged times of an update must still obey the create rules. */
export function assertConsistentAfter(event: EventRecord, patch: EventPatch): void {
  const merged = { ...event, ...patch };
  const problems: { path: string[]; message: string }[] = [];
  checkEventTimes(merged, (path, message) => problems.push({ path: [path], message }));
  if (problems.length) throw new DomainError('INVALID_INPUT', `填写的内容有误：${problems[0].message}`, problems);
  if (merged.capacity < event.confirmedCount) {
    throw new DomainError('CAPACITY_BELOW_CONFIRMED', `人数上限不能少于已报名的 ${event.confirmedCount} 人`);
  }
}

/** Questions change freely until the first sign-up; after it, only their wording (see questionChangeProblem). */
export function assertQuestionsChangeable(event: EventRecord, next: Question[], hadSignups: boolean): void {
  if (!hadSignups && event.confirmedCount + event.waitlistCount === 0) return;
  const problem = questionChangeProblem(event.questions, next);
  if (problem) throw new DomainError('INVALID_TRANSITION', problem);
}

export function toEvent(record: EventRecord): Event {
  const { createdBy: _createdBy, ...rest } = record;
  return { ...rest, seatsLeft: Math.max(0, record.capacity - record.confirmedCount) };
}
