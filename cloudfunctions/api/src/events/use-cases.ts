import type { Event, EventCreateInput, EventDetail, EventListInput, EventUpdateInput } from '@shared/events';
import type { Page } from '@shared/common';
import { isStaff, caller, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { EventRecord } from '../core/ports';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { notifyPromoted } from '../registrations/use-cases';
import { assertConsistentAfter, assertEditable, assertPublishable, toEvent } from './rules';

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
  };
}

export async function createEvent(ctx: Ctx, input: EventCreateInput): Promise<Event> {
  const record: EventRecord = {
    id: ctx.deps.newId(),
    type: input.type,
    title: input.title,
    description: input.description ?? '',
    startAt: normalizeInstant(input.startAt, 'startAt'),
    endAt: normalizeInstant(input.endAt, 'endAt'),
    location: input.location,
    capacity: input.capacity,
    signupDeadline: input.signupDeadline ? normalizeInstant(input.signupDeadline, 'signupDeadline') : null,
    waitlist: input.waitlist ?? true,
    audience: input.audience ?? 'all',
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

export async function updateEvent(ctx: Ctx, input: EventUpdateInput): Promise<Event> {
  const { id, ...fields } = input;
  const patch = {
    ...fields,
    ...(fields.startAt ? { startAt: normalizeInstant(fields.startAt, 'startAt') } : {}),
    ...(fields.endAt ? { endAt: normalizeInstant(fields.endAt, 'endAt') } : {}),
    ...(fields.signupDeadline ? { signupDeadline: normalizeInstant(fields.signupDeadline, 'signupDeadline') } : {}),
  };
  await loadVisibleEvent(ctx, id);
  const updated = await ctx.deps.repos.events.update(id, ctx.now, (current) => {
    assertEditable(current);
    assertConsistentAfter(current, patch);
    return patch;
  });
  // More seats (or a reopened event) serve the waitlist at once, in order.
  const promoted = await ctx.deps.repos.registrations.fillFreeSeats(id, ctx.now);
  await notifyPromoted(ctx, promoted);
  return toEvent(promoted.length ? ((await ctx.deps.repos.events.get(id)) ?? updated) : updated);
}

export async function publishEvent(ctx: Ctx, input: { id: string }): Promise<Event> {
  await loadVisibleEvent(ctx, input.id);
  const updated = await ctx.deps.repos.events.update(input.id, ctx.now, (current) => {
    assertPublishable(current, ctx.now);
    return { status: 'published', publishedAt: ctx.now };
  });
  return toEvent(updated);
}

/** Cancelling keeps every registration as it was, so people can still see what they had signed up for. */
export async function cancelEvent(ctx: Ctx, input: { id: string; reason: string }): Promise<Event> {
  await loadVisibleEvent(ctx, input.id);
  const updated = await ctx.deps.repos.events.update(input.id, ctx.now, (current) => {
    if (current.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', '活动已经取消');
    return { status: 'cancelled', cancelReason: input.reason };
  });
  return toEvent(updated);
}

const toEventPosition = (c: { at: string; id: string }) => ({ startAt: c.at, id: c.id });

/**
 * Stored and returned in UTC ("Z"), the offset the client gave is only a way of writing the instant.
 * Years 1000–9999 only: the database refuses year 0 and below, and its date parsers read years below 100 as 19xx.
 */
function normalizeInstant(value: string, field: string): string {
  const instant = new Date(value);
  const year = instant.getUTCFullYear();
  if (year < 1000 || year > 9999) {
    throw new DomainError('INVALID_INPUT', '填写的内容有误：时间超出可选范围', [{ path: [field], message: '时间超出可选范围' }]);
  }
  return instant.toISOString();
}
