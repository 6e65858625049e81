/** 送政策: staff write and publish notices; everyone browses, searches and reads the published ones. */
import type { Page } from '@shared/common';
import type {
  Notice,
  NoticeCreateInput,
  NoticeDetail,
  NoticeListInput,
  NoticeListItem,
  NoticeUpdateInput,
  PolicyLink,
} from '@shared/notices';
import { caller, isStaff, type Ctx } from '../core/context';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { DomainError, notFound } from '../core/errors';
import type { NoticeRecord } from '../core/ports';
import { keywordTerms } from '../search/terms';
import { editNoticeRule, moveNoticeRule, noticeAudit, noticeSearchTerms, toNotice, toNoticeListItem } from './rules';

const DEFAULT_PAGE = 20;
/** How many policies an event page lists under 相关政策. */
export const POLICIES_PER_EVENT = 10;

/** A draft or withdrawn notice is visible to staff only; everyone else gets 404, as if it did not exist. */
async function loadVisibleNotice(ctx: Ctx, id: string): Promise<NoticeRecord> {
  const notice = await ctx.deps.repos.notices.get(id);
  if (!notice || (notice.status !== 'published' && !isStaff(ctx.user))) throw notFound('政策');
  return notice;
}

/** Every linked event must exist; the message names the one that does not. */
async function assertEventsExist(ctx: Ctx, eventIds: readonly string[] | undefined): Promise<void> {
  for (const [i, id] of (eventIds ?? []).entries()) {
    if (!(await ctx.deps.repos.events.get(id))) {
      throw new DomainError('INVALID_INPUT', '关联的活动不存在，请重新选择', [{ path: ['eventIds', i], message: '关联的活动不存在' }]);
    }
  }
}

export async function listNotices(ctx: Ctx, input: NoticeListInput): Promise<Page<NoticeListItem>> {
  if (input.status !== undefined && !isStaff(ctx.user)) throw new DomainError('FORBIDDEN', '仅工作人员可以按状态查看政策');
  const limit = input.limit ?? DEFAULT_PAGE;
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const terms = input.q ? keywordTerms(input.q) : [];
  const rows = await ctx.deps.repos.notices.list({
    status: input.status ?? 'published',
    category: input.category,
    terms: terms.length ? terms : undefined,
    after: after ? { createdAt: after.at, id: after.id } : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toNoticeListItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** The notice with the events it links; an event the reader may not see (a draft, for a visitor) is left out. */
export async function getNotice(ctx: Ctx, input: { id: string }): Promise<NoticeDetail> {
  const notice = await loadVisibleNotice(ctx, input.id);
  const staff = isStaff(ctx.user);
  const events = [];
  for (const id of notice.eventIds) {
    const event = await ctx.deps.repos.events.get(id);
    if (event && (staff || event.status !== 'draft')) {
      events.push({ id: event.id, title: event.title, startAt: event.startAt, status: event.status });
    }
  }
  return { ...toNotice(notice), events };
}

export async function createNotice(ctx: Ctx, input: NoticeCreateInput): Promise<Notice> {
  await assertEventsExist(ctx, input.eventIds);
  const actor = caller(ctx).openid;
  const record: NoticeRecord = {
    id: ctx.deps.newId(),
    title: input.title,
    category: input.category,
    summary: input.summary,
    body: input.body,
    issuer: input.issuer,
    issuedOn: input.issuedOn,
    attachmentUrl: input.attachmentUrl ?? null,
    eventIds: input.eventIds ?? [],
    status: 'draft',
    publishedAt: null,
    createdBy: actor,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.deps.repos.notices.insert(record, noticeSearchTerms(record), noticeAudit(actor, 'notice.create', record.id, input.title));
  return toNotice(record);
}

export async function updateNotice(ctx: Ctx, input: NoticeUpdateInput): Promise<Notice> {
  const { id, ...fields } = input;
  await loadVisibleNotice(ctx, id);
  await assertEventsExist(ctx, fields.eventIds);
  return toNotice(await ctx.deps.repos.notices.update(id, ctx.now, editNoticeRule(fields, caller(ctx).openid)));
}

export async function publishNotice(ctx: Ctx, input: { id: string }): Promise<Notice> {
  await loadVisibleNotice(ctx, input.id);
  return toNotice(await ctx.deps.repos.notices.update(input.id, ctx.now, moveNoticeRule('publish', caller(ctx).openid, ctx.now)));
}

/** A withdrawn notice leaves the library and the event pages at once; staff may publish it again. */
export async function withdrawNotice(ctx: Ctx, input: { id: string }): Promise<Notice> {
  await loadVisibleNotice(ctx, input.id);
  return toNotice(await ctx.deps.repos.notices.update(input.id, ctx.now, moveNoticeRule('withdraw', caller(ctx).openid, ctx.now)));
}

/** The published policies an event page lists under 相关政策. */
export function policiesForEvent(ctx: Ctx, eventId: string): Promise<PolicyLink[]> {
  return ctx.deps.repos.notices.publishedForEvent(eventId, POLICIES_PER_EVENT);
}
