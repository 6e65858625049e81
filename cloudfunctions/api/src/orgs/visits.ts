/**
 * 走访: an instructor or grid worker records a visit to an organisation. The visit moves the organisation's last visit
 * (工作覆盖) forward, and each problem raised becomes a need (企业诉求) linked to the visit — all in one transaction.
 */
import { needDueAt } from '@shared/needs';
import type { Visit, VisitCreated, VisitCreateInput } from '@shared/orgs';
import { caller, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { NeedRecord, VisitRecord } from '../core/ports';
import { visitRule } from './rules';
import { shanghaiDate } from './use-cases';

export const toVisitView = (v: VisitRecord, orgName: string): Visit => ({
  id: v.id,
  orgId: v.orgId,
  orgName,
  date: v.visitedOn,
  visitorName: v.visitorName,
  findings: v.findings,
  problems: v.problems,
  createdAt: v.createdAt,
});

export async function createVisit(ctx: Ctx, input: VisitCreateInput): Promise<VisitCreated> {
  const user = caller(ctx);
  if (input.date > shanghaiDate(ctx.now)) {
    throw new DomainError('INVALID_INPUT', '走访日期不能晚于今天', [{ path: ['date'], message: '走访日期不能晚于今天' }]);
  }
  const org = await ctx.deps.repos.orgs.get(input.orgId);
  if (!org) throw notFound('组织');
  const visit: VisitRecord = {
    id: ctx.deps.newId(),
    orgId: org.id,
    visitedOn: input.date,
    // Someone else named as the visitor is kept by name; otherwise the visitor is the person recording it.
    visitorOpenid: input.visitor ? null : user.openid,
    visitorName: input.visitor ?? user.name ?? '工作人员',
    findings: input.findings,
    problems: input.problems,
    createdBy: user.openid,
    createdAt: ctx.now,
  };
  const needs = input.problems.map(
    (p): NeedRecord => ({
      id: ctx.deps.newId(),
      orgId: org.id,
      visitId: visit.id,
      category: p.category,
      text: p.text,
      attachment: null,
      authorOpenid: user.openid,
      status: 'submitted',
      department: null,
      reply: null,
      rating: null,
      ratingNote: null,
      createdAt: ctx.now,
      dueAt: needDueAt(p.category, ctx.now),
      closedAt: null,
    }),
  );
  await ctx.deps.repos.orgs.recordVisit(visit, needs, ctx.now, visitRule(visit.visitedOn, visit.id, user.openid));
  return { ...toVisitView(visit, org.name), needsCreated: needs.length };
}

/** One organisation's visits, or the latest 200 over all. */
export async function listVisits(ctx: Ctx, input: { orgId?: string }): Promise<Visit[]> {
  const visits = await ctx.deps.repos.orgs.visits({ orgId: input.orgId, limit: 200 });
  const names = new Map<string, string>();
  for (const id of new Set(visits.map((v) => v.orgId))) names.set(id, (await ctx.deps.repos.orgs.get(id))?.name ?? '');
  return visits.map((v) => toVisitView(v, names.get(v.orgId) ?? ''));
}
