import type { Event, EventCreateInput, EventDetail, EventListInput, EventUpdateInput } from '@shared/events';
import type { Page } from '@shared/common';
import { isStaff, caller, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { EventRecord } from '../core/ports';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { policiesForEvent } from '../notices/use-cases';
import { assertConsistentAfter, assertEditable, assertPublishable, assertQuestionsChangeable, toEvent } from './rules';

const DEFAULT_PAGE = 20;

/** A draft is visible to staff only; everyone else gets 404, as if it did not exist. */
async function loadVisibleEvent(ctx: Ctx, id: string): Promise<EventRecord> {
  const event = await ctx.deps.repos.events.get(id);
  if (!event || (event.status === 'draft' && !isStaff(ctx.user))) throw notFound('活动');
  return event;
}

export async function listEvents(ctx: Ctx, input: EventListInput): Promise<Page<Event>> {
  const staff = isStaff(ctx.user);
  if (!staff && (input.status !== undefined || input.includePast)) {
    throw new DomainError('FORBIDDEN', '仅工作人员可以按状态查看活动');
  }
  const limit = input.limit ?? DEFAULT_PAGE;
  const rows = await ctx.deps.repos.events.list({
    type: input.type,
    status: input.status ?? 'published',
    endsAfter: staff && (input.status || input.includePast) ? undefined : ctx.now,
    after: input.cursor ? toEventPosition(decodeCursor(input.cursor)) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toEvent),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.startAt, id: last.id }) : null,
  };
}

export async function getEvent(ctx: Ctx, input: { id: string }): Promise<EventDetail> {
  const event = await loadVisibleEvent(ctx, input.id);
  const mine = ctx.user ? await ctx.deps.repos.registrations.findByEventAndUser(event.id, ctx.user.openid) : null;
  return {
    ...toEvent(event),
    myRegistration: mine ? { id: mine.id, status: mine.status, position: mine.position } : null,
    policies: await policiesForEvent(ctx, event.id),
  };
}

export async function createEvent(ctx: Ctx, input: EventCreateInput): Promise<Event> {
  const record: EventRecord = {
    id: ctx.deps.newId(),
    type: input.type,
    title: input.title,
    description: input.description ?? '',
    startAt: input.startAt,
    endAt: input.endAt,
    location: input.location,
    capacity: input.capacity,
    signupDeadline: input.signupDeadline ?? null,
    waitlist: input.waitlist ?? true,
    audience: input.audience ?? 'all',
    questions: input.questions ?? [],
    status: 'draft',
    cancelReason: null,
    publishedAt: null,
    createdBy: caller(ctx).openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    confirmedCount: 0,
    waitlistCount: 0,
  };
  await ctx.deps.repos.events.insert(record);
  return toEvent(record);
}

/** More seats (or a reopened event) serve the waitlist at once, in order, in the same transaction as the edit. */
export async function updateEvent(ctx: Ctx, input: EventUpdateInput): Promise<Event> {
  const { id, ...patch } = input;
  await loadVisibleEvent(ctx, id);
  const actor = caller(ctx).openid;
  // Seats held show on the locked row; a sign-up since cancelled (its answers kept) only in the registrations.
  const hadSignups = patch.questions ? (await ctx.deps.repos.registrations.listByEvent(id)).length > 0 : false;
  const updated = await ctx.deps.repos.events.update(id, ctx.now, (current) => {
    assertEditable(current);
    assertConsistentAfter(current, patch);
    if (patch.questions) assertQuestionsChangeable(current, patch.questions, hadSignups);
    return { patch, audit: eventAudit(actor, 'event.update', current, `修改：${Object.keys(patch).join('、') || '无'}`) };
  });
  return toEvent(updated);
}

export async function publishEvent(ctx: Ctx, input: { id: string }): Promise<Event> {
  await loadVisibleEvent(ctx, input.id);
  const actor = caller(ctx).openid;
  const updated = await ctx.deps.repos.events.update(input.id, ctx.now, (current) => {
    assertPublishable(current, ctx.now);
    return { patch: { status: 'published', publishedAt: ctx.now }, audit: eventAudit(actor, 'event.publish', current, null) };
  });
  return toEvent(updated);
}

/** Cancelling keeps every registration as it was, so people can still see what they had signed up for. */
export async function cancelEvent(ctx: Ctx, input: { id: string; reason: string }): Promise<Event> {
  await loadVisibleEvent(ctx, input.id);
  const actor = caller(ctx).openid;
  const updated = await ctx.deps.repos.events.update(input.id, ctx.now, (current) => {
    if (current.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', '活动已经取消');
    return {
      patch: { status: 'cancelled', cancelReason: input.reason },
      audit: eventAudit(actor, 'event.cancel', current, input.reason),
    };
  });
  return toEvent(updated);
}

const eventAudit = (actor: string, action: string, event: EventRecord, detail: string | null) => ({
  actor,
  action,
  recordType: 'event',
  recordId: event.id,
  detail,
});

const toEventPosition = (c: { at: string; id: string }) => ({ startAt: c.at, id: c.id });
