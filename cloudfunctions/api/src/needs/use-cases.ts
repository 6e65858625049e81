/**
 * 企业诉求: an enterprise's HR contact (or staff, for an organisation or on a visit) raises a need; staff assign it to a
 * department and take it to 已办结 with a reply; the enterprise rates the result. A need's text may hold personal data:
 * it is shown to its author, the HR contacts of its enterprise and staff, to nobody else (NOT_FOUND for anyone else).
 */
import type { Page } from '@shared/common';
import {
  isNeedOverdue,
  needDueAt,
  type Department,
  type Need,
  type NeedCategory,
  type NeedCounts,
  type NeedRating,
  type NeedStatus,
} from '@shared/needs';
import { caller, isApprovedHr, isStaff, type Ctx } from '../core/context';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { DomainError, notFound } from '../core/errors';
import type { NeedView, UserRecord } from '../core/ports';
import { advanceNeedRule, assignNeedRule, rateNeedRule } from './rules';

const DEFAULT_LIMIT = 20;
/** A list shows the start of a need's text; the whole text is read on its page (an audited read for staff). */
const EXCERPT = 60;

const isHrOf = (user: UserRecord, orgId: string) => isApprovedHr(user) && user.enterpriseId === orgId;

function toNeed(v: NeedView, user: UserRecord | null, now: string): Need {
  return {
    id: v.id,
    orgId: v.orgId,
    orgName: v.orgName,
    visitId: v.visitId,
    category: v.category as NeedCategory,
    text: v.text,
    attachment: v.attachment,
    status: v.status,
    department: v.department,
    reply: v.reply,
    rating: v.rating,
    ratingNote: v.ratingNote,
    createdAt: v.createdAt,
    dueAt: v.dueAt,
    closedAt: v.closedAt,
    overdue: isNeedOverdue(v, now),
    canRate: !!user && isHrOf(user, v.orgId) && v.status === 'closed' && !v.rating,
  };
}

/** HR contacts raise needs for their own enterprise; staff name the organisation (and the visit, when there was one). */
async function resolveOrg(ctx: Ctx, user: UserRecord, orgId: string | undefined): Promise<string> {
  if (!isStaff(user)) {
    if (orgId && orgId !== user.enterpriseId) throw new DomainError('FORBIDDEN', '只能为本企业提出诉求');
    return user.enterpriseId as string;
  }
  if (!orgId) throw new DomainError('INVALID_INPUT', '请选择诉求所属的组织', [{ path: ['orgId'], message: '请选择组织' }]);
  if (!(await ctx.deps.repos.enterprises.get(orgId))) throw notFound('组织');
  return orgId;
}

export async function createNeed(
  ctx: Ctx,
  input: { category: NeedCategory; text: string; orgId?: string; attachment?: string; visitId?: string },
): Promise<Need> {
  const user = caller(ctx);
  if (input.visitId && !isStaff(user)) throw new DomainError('FORBIDDEN', '走访中的问题由工作人员登记');
  const orgId = await resolveOrg(ctx, user, input.orgId);
  const id = ctx.deps.newId();
  await ctx.deps.repos.needs.insert({
    id,
    orgId,
    visitId: input.visitId ?? null,
    category: input.category,
    text: input.text,
    attachment: input.attachment ?? null,
    authorOpenid: user.openid,
    status: 'submitted',
    department: null,
    reply: null,
    rating: null,
    ratingNote: null,
    createdAt: ctx.now,
    dueAt: needDueAt(input.category, ctx.now),
    closedAt: null,
  });
  return toNeed((await ctx.deps.repos.needs.get(id)) as NeedView, user, ctx.now);
}

/** The caller's own needs and, for an HR contact, every need of their enterprise (raised by a colleague or on a visit). */
export async function myNeeds(ctx: Ctx): Promise<Need[]> {
  const user = caller(ctx);
  const orgIds = isApprovedHr(user) && user.enterpriseId ? [user.enterpriseId] : [];
  return (await ctx.deps.repos.needs.listMine(user.openid, orgIds)).map((v) => toNeed(v, user, ctx.now));
}

export async function listNeeds(
  ctx: Ctx,
  input: { status?: NeedStatus; category?: NeedCategory; overdue?: boolean; cursor?: string; limit?: number },
): Promise<Page<Need>> {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await ctx.deps.repos.needs.list({
    status: input.status,
    category: input.category,
    overdueAt: input.overdue ? ctx.now : undefined,
    after: cursor ? { createdAt: cursor.at, id: cursor.id } : undefined,
    limit: limit + 1,
  });
  // `overdue: false` asks for the needs that are not overdue: few enough per page to filter after the read.
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const items = page
    .map((v) => toNeed(v, ctx.user, ctx.now))
    .filter((n) => input.overdue !== false || !n.overdue)
    .map((n) => ({ ...n, text: n.text.length > EXCERPT ? `${n.text.slice(0, EXCERPT)}…` : n.text }));
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}

/** The whole need: to its author, its enterprise's HR contacts and staff. A staff read is audited (the text may name people). */
export async function getNeed(ctx: Ctx, input: { id: string }): Promise<Need> {
  const user = caller(ctx);
  const need = await ctx.deps.repos.needs.get(input.id);
  if (!need) throw notFound('诉求');
  const own = need.authorOpenid === user.openid || isHrOf(user, need.orgId);
  if (!own && !isStaff(user)) throw notFound('诉求');
  if (!own) {
    await ctx.deps.repos.audit.record({
      actor: user.openid, action: 'need.read', recordType: 'need', recordId: need.id, detail: null, at: ctx.now,
    });
  }
  return toNeed(need, user, ctx.now);
}

async function assertDepartment(ctx: Ctx, name: string): Promise<void> {
  const known = (await ctx.deps.repos.needs.departments()).some((d) => d.name === name);
  if (!known) {
    throw new DomainError('INVALID_INPUT', `没有“${name}”这个承办部门`, [{ path: ['department'], message: '请从部门列表中选择' }]);
  }
}

export async function assignNeed(ctx: Ctx, input: { id: string; department: string }): Promise<Need> {
  const user = caller(ctx);
  await assertDepartment(ctx, input.department);
  const need = await ctx.deps.repos.needs.change(input.id, ctx.now, assignNeedRule({ department: input.department, by: user.openid }));
  return toNeed(need, user, ctx.now);
}

export async function advanceNeed(ctx: Ctx, input: { id: string; to: 'in_progress' | 'closed'; reply?: string }): Promise<Need> {
  const user = caller(ctx);
  const need = await ctx.deps.repos.needs.change(
    input.id,
    ctx.now,
    advanceNeedRule({ to: input.to, reply: input.reply ?? null, by: user.openid, now: ctx.now }),
  );
  return toNeed(need, user, ctx.now);
}

/** Rated by the HR contacts of the need's enterprise; anyone else's need answers NOT_FOUND. */
export async function rateNeed(ctx: Ctx, input: { id: string; rating: NeedRating; note?: string }): Promise<Need> {
  const user = caller(ctx);
  const current = await ctx.deps.repos.needs.get(input.id);
  if (!current || !isHrOf(user, current.orgId)) throw notFound('诉求');
  const need = await ctx.deps.repos.needs.change(
    input.id,
    ctx.now,
    rateNeedRule({ rating: input.rating, note: input.note || null, by: user.openid, now: ctx.now }),
  );
  return toNeed(need, user, ctx.now);
}

export async function needCounts(ctx: Ctx): Promise<NeedCounts> {
  return ctx.deps.repos.needs.counts(ctx.now);
}

export async function listDepartments(ctx: Ctx): Promise<Department[]> {
  return (await ctx.deps.repos.needs.departments()).map((d) => ({ name: d.name }));
}

export async function addDepartment(ctx: Ctx, input: { name: string }): Promise<Department[]> {
  const outcome = await ctx.deps.repos.needs.addDepartment({ name: input.name, createdAt: ctx.now }, caller(ctx).openid);
  if (outcome === 'exists') throw new DomainError('INVALID_INPUT', '已有同名部门', [{ path: ['name'], message: '已有同名部门' }]);
  return listDepartments(ctx);
}

export async function renameDepartment(ctx: Ctx, input: { from: string; to: string }): Promise<Department[]> {
  const outcome = await ctx.deps.repos.needs.renameDepartment(input.from, input.to, caller(ctx).openid, ctx.now);
  if (outcome === 'missing') throw new DomainError('INVALID_INPUT', `没有“${input.from}”这个部门`, [{ path: ['from'], message: '部门不存在' }]);
  if (outcome === 'exists') throw new DomainError('INVALID_INPUT', '已有同名部门', [{ path: ['to'], message: '已有同名部门' }]);
  return listDepartments(ctx);
}
