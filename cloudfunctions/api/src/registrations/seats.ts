/** Capacity as pure logic: who gets a seat, who waits, who is turned away. */
import { DomainError } from '../core/errors';
import type { EventRecord, Notification, RegistrationRecord, SeatDecision } from '../core/ports';
import type { Role } from '@shared/users';
import { answerIssues, type Answers } from '@shared/questions';
import { assertOpenForSignup } from '../events/rules';

/** Signing up twice returns the first registration; a cancelled one may sign up again, at the back. */
export function decideSeat(
  event: EventRecord,
  existing: RegistrationRecord | null,
  now: string,
): SeatDecision {
  if (existing && existing.status !== 'cancelled') return { kind: 'keep-existing' };
  assertOpenForSignup(event, now);
  if (event.confirmedCount < event.capacity) return { kind: 'take', status: 'confirmed' };
  if (event.waitlist) return { kind: 'take', status: 'waitlisted' };
  throw new DomainError('EVENT_FULL', '名额已满，且本活动不设候补');
}

/** Answers that do not fit the event's questions are refused, each issue naming its question. */
export function assertAnswersFit(event: EventRecord, answers: Answers): void {
  const issues = answerIssues(event.questions, answers);
  if (issues.length) throw new DomainError('INVALID_INPUT', `填写的内容有误：${issues[0].message}`, issues);
}

/** An event for enterprises takes HR contacts (and staff); one for workers takes everyone but HR-only accounts. */
export function assertInAudience(event: EventRecord, roles: Role[]): void {
  if (roles.includes('staff') || roles.includes('admin')) return;
  if (event.audience === 'enterprises' && !roles.includes('hr')) {
    throw new DomainError('NOT_IN_AUDIENCE', '该活动仅面向企业人事负责人');
  }
}

/**
 * The seat a queued sign-up takes when its turn comes (CloudBase seats the queued requests of an event in batches, in
 * arrival order, on the locked event): the same rule as `decideSeat` for someone not yet registered, at the time they
 * asked. Throws as `decideSeat` does when the event no longer takes them.
 */
export function seatInTurn(event: EventRecord, requestedAt: string): 'confirmed' | 'waitlisted' {
  const decision = decideSeat(event, null, requestedAt);
  if (decision.kind !== 'take') throw new Error('decideSeat kept a registration that does not exist');
  return decision.status;
}

/** How many waitlisted people move into seats now: the free seats of a published event, none otherwise. */
export function seatsToFill(event: Pick<EventRecord, 'status' | 'capacity' | 'confirmedCount'>): number {
  return event.status === 'published' ? Math.max(0, event.capacity - event.confirmedCount) : 0;
}

/** The message a person moved from the waitlist into a seat gets, queued with the move itself. */
export function promotionNotice(event: EventRecord, registration: Pick<RegistrationRecord, 'openid'>): Notification {
  return {
    openid: registration.openid,
    template: 'registration_promoted',
    data: {
      eventId: event.id, title: event.title, startAt: event.startAt, location: event.location, status: '已报名', statusCode: 'confirmed',
    },
  };
}
