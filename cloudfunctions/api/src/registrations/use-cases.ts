import type { Contact, Registration, RegistrationStatus, RegistrationWithEvent, RegistrationWithUser } from '@shared/registrations';
import { caller, isStaff, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { RegistrationRecord } from '../core/ports';
import { toEvent } from '../events/rules';
import { assertInAudience, decideSeat } from './seats';

export function toRegistration(record: RegistrationRecord): Registration {
  return {
    id: record.id,
    eventId: record.eventId,
    status: record.status,
    position: record.status === 'waitlisted' ? record.position : null,
    contact: record.contact,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    cancelledAt: record.cancelledAt,
    attendedAt: record.attendedAt,
  };
}

export async function registerForEvent(ctx: Ctx, input: { eventId: string; contact: Contact }): Promise<Registration> {
  const user = caller(ctx);
  const event = await ctx.deps.repos.events.get(input.eventId);
  if (!event || (event.status === 'draft' && !isStaff(user))) throw notFound('活动');
  assertInAudience(event, user.roles);
  const registration = await ctx.deps.repos.registrations.register({
    id: ctx.deps.newId(),
    eventId: event.id,
    openid: user.openid,
    contact: input.contact,
    now: ctx.now,
    decide: (locked, existing) => decideSeat(locked, existing, ctx.now),
  });
  await ctx.deps.repos.users.saveContact(user.openid, input.contact, ctx.now);
  return toRegistration(registration);
}

/** Its owner or staff may cancel; anyone else is told it does not exist. */
export async function cancelRegistration(ctx: Ctx, input: { id: string }): Promise<Registration> {
  const user = caller(ctx);
  const existing = await ctx.deps.repos.registrations.get(input.id);
  if (!existing || (existing.openid !== user.openid && !isStaff(user))) throw notFound('报名记录');
  const { registration, promoted } = await ctx.deps.repos.registrations.cancel(input.id, ctx.now, (current) => {
    if (current.status === 'attended') throw new DomainError('INVALID_TRANSITION', '已签到的报名不能取消');
  });
  if (promoted) await notifyPromoted(ctx, [promoted]);
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

export async function listEventRegistrations(
  ctx: Ctx,
  input: { eventId: string; status?: RegistrationStatus },
): Promise<RegistrationWithUser[]> {
  const event = await ctx.deps.repos.events.get(input.eventId);
  if (!event) throw notFound('活动');
  const records = await ctx.deps.repos.registrations.listByEvent(event.id, input.status);
  return records.map((r) => ({ ...toRegistration(r), openid: r.openid }));
}

/** Check-in marks a confirmed person as attended; doing it twice is harmless. */
export async function checkIn(ctx: Ctx, input: { id: string }): Promise<Registration> {
  const updated = await ctx.deps.repos.registrations.checkIn(input.id, ctx.now, (current) => {
    if (current.status === 'waitlisted') throw new DomainError('INVALID_TRANSITION', '候补人员尚未获得名额，不能签到');
    if (current.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', '该报名已取消，不能签到');
  });
  return toRegistration(updated);
}

/** Whoever moves from the waitlist into a seat is told so (once per promotion). */
export async function notifyPromoted(ctx: Ctx, promoted: RegistrationRecord[]): Promise<void> {
  if (!promoted.length) return;
  const event = await ctx.deps.repos.events.get(promoted[0].eventId);
  if (!event) return;
  await ctx.deps.repos.outbox.enqueueOnce(
    promoted.map((r) => ({
      key: `promoted:${r.id}:${r.updatedAt}`,
      message: {
        openid: r.openid,
        template: 'registration_promoted',
        data: { eventId: event.id, title: event.title, startAt: event.startAt, location: event.location, status: '已报名' },
      },
    })),
    ctx.now,
  );
}
