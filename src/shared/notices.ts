/**
 * 送政策: notices and policy documents staff publish (draft → published → withdrawn, and back to published).
 *
 * The body is stored as a small array of blocks, checked here block by block: the contract, not a renderer, decides
 * what a notice may contain. Nothing in it is HTML, so nothing in it can run on the page; links are https only.
 * Staff write the body in a tiny markdown subset (`notice-markdown.ts`) that the editor turns into these blocks.
 */
import { z } from 'zod';
import { Cursor, Id, Limit } from './common';
import {
  HEADING_MAX,
  LINK_TEXT_MAX,
  LIST_ITEMS_MAX,
  LIST_ITEM_MAX,
  NOTICE_BLOCKS_MAX,
  NOTICE_CATEGORIES,
  NOTICE_EVENTS_MAX,
  NOTICE_ISSUER_MAX,
  NOTICE_KEYWORD_MAX,
  NOTICE_STATUSES,
  NOTICE_SUMMARY_MAX,
  NOTICE_TITLE_MAX,
  PARAGRAPH_MAX,
  URL_MAX,
  type NoticeCategory,
  type NoticeStatus,
} from './plain/notices';

export * from './plain/notices';

/**
 * An address a person may be sent to: https to a named host, nothing else (no javascript:, data:, http:, relative
 * links, user:password@). A pattern rather than `new URL`, which WeChat's JS engine does not reliably provide.
 */
const HTTPS_URL = /^https:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?::\d{1,5})?(?:[/?#][^\s<>"'`\\]*)?$/;

export function isSafeHttpsUrl(text: string): boolean {
  return HTTPS_URL.test(text);
}

/** The path of an https address, without its query or fragment. */
const pathOf = (url: string): string => url.replace(/^https:\/\/[^/?#]*/i, '').split(/[?#]/)[0];

export const HttpsUrl = z
  .string()
  .trim()
  .max(URL_MAX, `链接最多 ${URL_MAX} 个字符`)
  .refine(isSafeHttpsUrl, '链接须为以 https:// 开头的网址');

/** The attachment: an https link to a PDF (the query string aside, the path ends in .pdf). */
export const PdfUrl = HttpsUrl.refine((url) => /\.pdf$/i.test(pathOf(url)), '附件须为 PDF 文件的 https 链接');

const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label}不能为空`).max(max, `${label}最多 ${max} 个字`);

export const HeadingBlock = z.object({ kind: z.literal('heading'), text: text('小标题', HEADING_MAX) }).strict();
export const ParagraphBlock = z.object({ kind: z.literal('paragraph'), text: text('段落', PARAGRAPH_MAX) }).strict();
export const ListBlock = z
  .object({
    kind: z.literal('list'),
    ordered: z.boolean({ message: '请说明列表是否编号' }),
    items: z.array(text('列表项', LIST_ITEM_MAX)).min(1, '列表至少 1 项').max(LIST_ITEMS_MAX, `列表最多 ${LIST_ITEMS_MAX} 项`),
  })
  .strict();
export const LinkBlock = z.object({ kind: z.literal('link'), text: text('链接文字', LINK_TEXT_MAX), url: HttpsUrl }).strict();

export const NoticeBlock = z.discriminatedUnion('kind', [HeadingBlock, ParagraphBlock, ListBlock, LinkBlock], {
  errorMap: (issue, ctx) =>
    issue.code === 'invalid_union_discriminator' ? { message: '正文只能包含小标题、段落、列表和链接' } : { message: ctx.defaultError },
});
export type NoticeBlock = z.infer<typeof NoticeBlock>;

export const NoticeBody = z
  .array(NoticeBlock)
  .min(1, '请填写正文')
  .max(NOTICE_BLOCKS_MAX, `正文最多 ${NOTICE_BLOCKS_MAX} 段`);

/** A calendar date (`2026-11-20`) that exists, between 1990 and 2100: the 发文日期. */
export const IssueDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '发文日期格式应为 2026-11-20')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, day));
    return y >= 1990 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
  }, '这个发文日期不存在');

const EventIds = z
  .array(Id)
  .max(NOTICE_EVENTS_MAX, `最多关联 ${NOTICE_EVENTS_MAX} 个活动`)
  .refine((ids) => new Set(ids).size === ids.length, '关联的活动重复了');

const noticeFields = {
  title: z.string().trim().min(2, '标题至少 2 个字').max(NOTICE_TITLE_MAX, `标题最多 ${NOTICE_TITLE_MAX} 个字`),
  category: z.enum(NOTICE_CATEGORIES, { message: '请选择政策类别' }),
  summary: z.string().trim().min(2, '摘要至少 2 个字').max(NOTICE_SUMMARY_MAX, `摘要最多 ${NOTICE_SUMMARY_MAX} 个字`),
  body: NoticeBody,
  issuer: z.string().trim().min(2, '请填写发文单位').max(NOTICE_ISSUER_MAX, `发文单位最多 ${NOTICE_ISSUER_MAX} 个字`),
  issuedOn: IssueDate,
  /** An https link to the PDF (no file store yet: the document stays where its issuer published it). */
  attachmentUrl: PdfUrl.nullable().optional(),
  eventIds: EventIds.optional(),
};

export const NoticeCreateInput = z.object(noticeFields).strict();
export type NoticeCreateInput = z.infer<typeof NoticeCreateInput>;

export const NoticeUpdateInput = z.object({ id: Id, ...noticeFields }).partial().required({ id: true }).strict();
export type NoticeUpdateInput = z.infer<typeof NoticeUpdateInput>;

export const NoticeIdInput = z.object({ id: Id }).strict();

/** `status` is for staff only; everyone else sees published notices. */
export const NoticeListInput = z
  .object({
    category: z.enum(NOTICE_CATEGORIES, { message: '请选择政策类别' }).optional(),
    q: z.string().trim().max(NOTICE_KEYWORD_MAX, `关键词最多 ${NOTICE_KEYWORD_MAX} 个字`).optional(),
    status: z.enum(NOTICE_STATUSES).optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();
export type NoticeListInput = z.infer<typeof NoticeListInput>;

/** A notice in a list: everything but the body. */
export interface NoticeListItem {
  id: string;
  title: string;
  category: NoticeCategory;
  summary: string;
  issuer: string;
  issuedOn: string;
  status: NoticeStatus;
  hasAttachment: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Notice extends Omit<NoticeListItem, 'hasAttachment'> {
  body: NoticeBlock[];
  attachmentUrl: string | null;
  eventIds: string[];
}

/** A linked event as the notice page shows it (drafts only to staff). */
export interface NoticeEventLink {
  id: string;
  title: string;
  startAt: string;
  status: 'draft' | 'published' | 'cancelled';
}

export interface NoticeDetail extends Notice {
  events: NoticeEventLink[];
}

/** A published notice linking an event, as the event page lists it under 相关政策. */
export interface PolicyLink {
  id: string;
  title: string;
  category: NoticeCategory;
}
