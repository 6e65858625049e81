/** Pure rules of a notice's life: draft → published → withdrawn, and a withdrawn notice may be published again. */
import type { NoticeListItem, Notice, NoticeStatus } from '@shared/notices';
import { NOTICE_CATEGORY_LABELS } from '@shared/labels';
import { DomainError } from '../core/errors';
import type { AuditDraft, Change, NoticePatch, NoticeRecord } from '../core/ports';
import { termsOf } from '../search/terms';

export type NoticeMove = 'publish' | 'withdraw';

/** Which state each move starts from and leads to. */
const MOVES: Record<NoticeMove, { from: readonly NoticeStatus[]; to: NoticeStatus }> = {
  publish: { from: ['draft', 'withdrawn'], to: 'published' },
  withdraw: { from: ['published'], to: 'withdrawn' },
};

const REFUSALS: Record<NoticeMove, Partial<Record<NoticeStatus, string>>> = {
  publish: { published: '该政策已经发布' },
  withdraw: { draft: '草稿尚未发布，无需撤回', withdrawn: '该政策已经撤回' },
};

/** Publishing stamps the time (a republished notice counts from its new publication); withdrawing keeps it. */
export function moveNoticeRule(move: NoticeMove, actor: string, now: string) {
  return (current: NoticeRecord): Change<NoticePatch> => {
    const { from, to } = MOVES[move];
    if (!from.includes(current.status)) {
      throw new DomainError('INVALID_TRANSITION', REFUSALS[move][current.status] ?? '当前状态下不能进行此操作');
    }
    const patch: NoticePatch = move === 'publish' ? { status: to, publishedAt: now } : { status: to };
    return { patch, audit: noticeAudit(actor, `notice.${move}`, current.id, null) };
  };
}

/** Any state may be edited (a typo in a published notice is fixed in place); each edit says which fields changed. */
export function editNoticeRule(fields: Omit<NoticePatch, 'status' | 'publishedAt' | 'searchTerms'>, actor: string) {
  return (current: NoticeRecord): Change<NoticePatch> => {
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields;
    const merged = { ...current, ...given };
    return {
      patch: { ...given, searchTerms: noticeSearchTerms(merged) },
      audit: noticeAudit(actor, 'notice.update', current.id, `修改：${Object.keys(given).join('、') || '无'}`),
    };
  };
}

/**
 * What a keyword finds a notice by: its title, summary, issuer, category and headings. Paragraphs and list items are
 * left out so a long document does not grow thousands of terms; the summary is where staff state what it is about.
 */
export function noticeSearchTerms(n: Pick<NoticeRecord, 'title' | 'summary' | 'issuer' | 'category' | 'body'>): string[] {
  const headings = n.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
  return termsOf(n.title, n.summary, n.issuer, NOTICE_CATEGORY_LABELS[n.category] ?? '', ...headings);
}

export function noticeAudit(actor: string, action: string, id: string, detail: string | null): AuditDraft {
  return { actor, action, recordType: 'notice', recordId: id, detail };
}

export function toNotice(r: NoticeRecord): Notice {
  const { createdBy: _createdBy, ...rest } = r;
  return rest;
}

export function toNoticeListItem(r: NoticeRecord): NoticeListItem {
  const { createdBy: _createdBy, body: _body, attachmentUrl, eventIds: _eventIds, ...rest } = r;
  return { ...rest, hasAttachment: attachmentUrl !== null };
}
