/** A recruitment fair is an event of type `fair`; enterprises ask to join it and staff approve. */
import type { Enterprise, FairParticipation, FairStats } from '@shared/recruitment';
import { caller, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { EventRecord } from '../core/ports';
import { approvedEnterpriseOf, toEnterprise } from './enterprises';

export async function loadFair(ctx: Ctx, eventId: string): Promise<EventRecord> {
  const event = await ctx.deps.repos.events.get(eventId);
  if (!event || event.type !== 'fair' || event.status === 'draft') throw notFound('招聘会');
  return event;
}

export async function joinFair(ctx: Ctx, input: { eventId: string }): Promise<FairParticipation> {
  const enterpriseId = approvedEnterpriseOf(caller(ctx));
  const fair = await loadFair(ctx, input.eventId);
  if (fair.status === 'cancelled') throw new DomainError('EVENT_CANCELLED', '该招聘会已取消');
  if (Date.parse(fair.endAt) <= Date.parse(ctx.now)) throw new DomainError('EVENT_ENDED', '该招聘会已结束');
  return ctx.deps.repos.enterprises.joinFair({
    id: ctx.deps.newId(), eventId: fair.id, enterpriseId, status: 'pending', createdAt: ctx.now,
  });
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
  const p = await ctx.deps.repos.enterprises.getParticipation(input.id);
  if (!p) throw notFound('参会申请');
  if (p.status !== 'pending') throw new DomainError('INVALID_TRANSITION', '该参会申请已处理');
  return ctx.deps.repos.enterprises.decideParticipation(p.id, input.approve, input.reason ?? null, ctx.now);
}

export async function fairStats(ctx: Ctx, input: { eventId: string }): Promise<FairStats> {
  await loadFair(ctx, input.eventId);
  return { eventId: input.eventId, ...(await ctx.deps.repos.applications.fairFigures(input.eventId)) };
}
