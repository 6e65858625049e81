/** A recruitment fair is an event of type `fair`; enterprises ask to join it and staff approve. */
import type { Enterprise, FairParticipation, FairStats } from '@shared/recruitment';
import { caller, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { EventRecord } from '../core/ports';
import { approvedEnterpriseOf, toEnterprise } from './enterprises';
import { decideParticipationRule, reaskParticipationRule, rejectedJoinError } from './rules';

export async function loadFair(ctx: Ctx, eventId: string): Promise<EventRecord> {
  const event = await ctx.deps.repos.events.get(eventId);
  if (!event || event.type !== 'fair' || event.status === 'draft') throw notFound('招聘会');
  return event;
}

/**
 * An enterprise asks once per fair; asking again answers the request already made. After a rejection the enterprise
 * reads why, and may ask again with a note saying what changed.
 */
export async function joinFair(ctx: Ctx, input: { eventId: string; note?: string }): Promise<FairParticipation> {
  const user = caller(ctx);
  const enterpriseId = approvedEnterpriseOf(user);
  const fair = await loadFair(ctx, input.eventId);
  if (fair.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', '该招聘会已取消');
  if (Date.parse(fair.endAt) <= Date.parse(ctx.now)) throw new DomainError('EVENT_ENDED', '该招聘会已结束');
  const p = await ctx.deps.repos.enterprises.joinFair({
    id: ctx.deps.newId(), eventId: fair.id, enterpriseId, status: 'pending', createdAt: ctx.now,
  });
  if (p.status !== 'rejected') return p;
  if (!input.note) throw rejectedJoinError(p);
  return ctx.deps.repos.enterprises.changeParticipation(p.id, ctx.now, reaskParticipationRule({ note: input.note, by: user.openid }));
}

export async function fairEnterprises(ctx: Ctx, input: { eventId: string }): Promise<Enterprise[]> {
  await loadFair(ctx, input.eventId);
  const approved = await ctx.deps.repos.enterprises.listParticipations({ eventId: input.eventId, status: 'approved' });
  const enterprises = await Promise.all(approved.map((p) => ctx.deps.repos.enterprises.get(p.enterpriseId)));
  return enterprises.flatMap((e) => (e && e.verified ? [toEnterprise(e)] : []));
}

export async function fairRequests(ctx: Ctx, input: { eventId?: string; status?: string }): Promise<FairParticipation[]> {
  return ctx.deps.repos.enterprises.listParticipations(input);
}

export async function decideParticipation(ctx: Ctx, input: { id: string; approve: boolean; reason?: string }): Promise<FairParticipation> {
  const rule = decideParticipationRule({ approve: input.approve, reason: input.reason || null, by: caller(ctx).openid });
  return ctx.deps.repos.enterprises.changeParticipation(input.id, ctx.now, rule);
}

export async function fairStats(ctx: Ctx, input: { eventId: string }): Promise<FairStats> {
  await loadFair(ctx, input.eventId);
  return { eventId: input.eventId, ...(await ctx.deps.repos.applications.fairFigures(input.eventId)) };
}
