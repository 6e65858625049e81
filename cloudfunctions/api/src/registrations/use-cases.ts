import type { Answers } from '@shared/questions';
import type { Contact, Registration, RegistrationStatus, RegistrationWithEvent, RegistrationWithUser } from '@shared/registrations';
import { caller, isStaff, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { Change, RegistrationPatch, RegistrationRecord } from '../core/ports';
import { decideCheckIn, decideUndoCheckIn } from './checkin';
import { toEvent } from '../events/rules';
import { assertAnswersFit, assertInAudience, decideSeat } from './seats';
import { cleanAnswers } from '@shared/questions';

export function toRegistration(record: RegistrationRecord): Registration {
  return {
    id: record.id,
    eventId: record.eventId,
    status: record.status,
    position: record.status === 'waitlisted' ? record.position : null,
    contact: record.contact,
    answers: record.answers,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    cancelledAt: record.cancelledAt,
    attendedAt: record.attendedAt,
  };
}

/** Answers are checked against the questions on the locked event row, so an edit of the questions cannot slip between. */
export async function registerForEvent(
  ctx: Ctx,
  input: { eventId: string; contact: Contact; answers?: Answers },
): Promise<Registration> {
  const user = caller(ctx);
  // Checked as sent (an empty list is no number), stored cleaned (trimmed, empty answers left out).
  const sent = input.answers ?? {};
  // Every rule runs on the event as the repository reads it (locked, on SQL), so a sign-up reads the event once, in
  // the same batch as everyone signing up with it; the contact becomes the person's prefill in that transaction.
  const registration = await ctx.deps.repos.registrations.register({
    id: ctx.deps.newId(),
    eventId: input.eventId,
    openid: user.openid,
    contact: input.contact,
    answers: cleanAnswers(sent),
    now: ctx.now,
    decide: (event, existing) => {
      if (event.status === 'draft' && !isStaff(user)) throw notFound('活动');
      assertInAudience(event, user.roles);
      assertAnswersFit(event, sent);
      return decideSeat(event, existing, ctx.now);
    },
  });
  return toRegistration(registration);
}

/** Its owner or staff may cancel; anyone else is told it does not exist. Staff cancelling someone's seat is on the record. */
export async function cancelRegistration(ctx: Ctx, input: { id: string }): Promise<Registration> {
  const user = caller(ctx);
  const existing = await ctx.deps.repos.registrations.get(input.id);
  if (!existing || (existing.openid !== user.openid && !isStaff(user))) throw notFound('报名记录');
  const { registration } = await ctx.deps.repos.registrations.cancel(input.id, ctx.now, (current) =>
    decideCancel(current, ctx.now, user.openid),
  );
  return toRegistration(registration);
}

export async function listMyRegistrations(ctx: Ctx): Promise<RegistrationWithEvent[]> {
  const user = caller(ctx);
  const records = await ctx.deps.repos.registrations.listByUser(user.openid);
  const events = new Map<string, Awaited<ReturnType<Ctx['deps']['repos']['events']['get']>>>();
  for (const id of new Set(records.map((r) => r.eventId))) events.set(id, await ctx.deps.repos.events.get(id));
  return records.flatMap((r) => {
    const event = events.get(r.eventId);
    return event ? [{ ...toRegistration(r), event: toEvent(event) }] : [];
  });
}

/** Names and phones of everyone signed up: a full read of personal data, on the record. */
export async function listEventRegistrations(
  ctx: Ctx,
  input: { eventId: string; status?: RegistrationStatus },
): Promise<RegistrationWithUser[]> {
  const event = await ctx.deps.repos.events.get(input.eventId);
  if (!event) throw notFound('活动');
  const records = await ctx.deps.repos.registrations.listByEvent(event.id, input.status);
  await ctx.deps.repos.audit.record({
    actor: caller(ctx).openid,
    action: 'registrations.read',
    recordType: 'event',
    recordId: event.id,
    detail: `查看报名名单 ${records.length} 人${input.status ? `（${input.status}）` : ''}`,
    at: ctx.now,
  });
  return records.map((r) => ({ ...toRegistration(r), openid: r.openid }));
}

export async function checkIn(ctx: Ctx, input: { id: string }): Promise<Registration> {
  const actor = caller(ctx).openid;
  const updated = await ctx.deps.repos.registrations.change(input.id, ctx.now, (current, event) =>
    decideCheckIn(current, event, ctx.now, actor),
  );
  return toRegistration(updated);
}

export async function undoCheckIn(ctx: Ctx, input: { registrationId: string }): Promise<Registration> {
  const actor = caller(ctx).openid;
  const updated = await ctx.deps.repos.registrations.change(input.registrationId, ctx.now, (current) =>
    decideUndoCheckIn(current, ctx.now, actor),
  );
  return toRegistration(updated);
}

/** A cancelled registration stays cancelled; an attended one cannot be cancelled; staff cancelling is audited. */
function decideCancel(current: RegistrationRecord, now: string, actor: string): Change<RegistrationPatch> {
  if (current.status === 'cancelled') return { patch: {} };
  if (current.status === 'attended') throw new DomainError('INVALID_TRANSITION', '已签到的报名不能取消');
  const byStaff = actor !== current.openid;
  return {
    patch: { status: 'cancelled', cancelledAt: now },
    ...(byStaff
      ? { audit: { actor, action: 'registration.cancel', recordType: 'registration', recordId: current.id, detail: '工作人员取消报名' } }
      : {}),
  };
}
