import { NoticeCreateInput, type Notice, type NoticeCategory } from '@shared/notices';
import { noticeToMarkdown, parseNoticeMarkdown } from '@shared/notice-markdown';
import { fieldErrorsFromIssues, type FieldErrors } from '../../../components/form/fieldErrors';

/** What the editor holds: the body as the markdown subset staff type, the rest as the inputs give it. */
export interface NoticeFormValues {
  title: string;
  category: NoticeCategory | null;
  summary: string;
  bodyText: string;
  issuer: string;
  issuedOn: string;
  attachmentUrl: string;
  eventIds: string[];
}

export type NoticeField = 'title' | 'category' | 'summary' | 'body' | 'issuer' | 'issuedOn' | 'attachmentUrl' | 'eventIds';
export const NOTICE_FIELDS: readonly NoticeField[] = ['title', 'category', 'summary', 'body', 'issuer', 'issuedOn', 'attachmentUrl', 'eventIds'];
export type NoticeFormErrors = FieldErrors<NoticeField>;

export function emptyNoticeForm(today: string): NoticeFormValues {
  return { title: '', category: null, summary: '', bodyText: '', issuer: '', issuedOn: today, attachmentUrl: '', eventIds: [] };
}

export function noticeFormFrom(n: Notice): NoticeFormValues {
  return {
    title: n.title,
    category: n.category,
    summary: n.summary,
    bodyText: noticeToMarkdown(n.body),
    issuer: n.issuer,
    issuedOn: n.issuedOn,
    attachmentUrl: n.attachmentUrl ?? '',
    eventIds: [...n.eventIds],
  };
}

interface IssueLike {
  path: readonly (string | number)[];
  message: string;
}

/** Field messages; a body message says which paragraph (block) it is about, counted as staff see them. */
export function noticeErrorsFromIssues(issues: readonly IssueLike[]): NoticeFormErrors {
  const errors = fieldErrorsFromIssues(issues, NOTICE_FIELDS);
  const body = issues.find((i) => i.path[0] === 'body');
  if (body && typeof body.path[1] === 'number') errors.body = `第 ${body.path[1] + 1} 段：${body.message}`;
  return errors;
}

/**
 * The `notices.create` payload (also the body of `notices.update`), checked by the contract's own schema: every field
 * present, so a cleared attachment is cleared.
 */
export function validateNoticeForm(values: NoticeFormValues): { ok: true; input: NoticeCreateInput } | { ok: false; errors: NoticeFormErrors } {
  const parsed = NoticeCreateInput.safeParse({
    title: values.title,
    category: values.category ?? undefined,
    summary: values.summary,
    body: parseNoticeMarkdown(values.bodyText),
    issuer: values.issuer,
    issuedOn: values.issuedOn,
    attachmentUrl: values.attachmentUrl.trim() || null,
    eventIds: values.eventIds,
  });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: noticeErrorsFromIssues(parsed.error.issues) };
}
