/** 送政策: notices and policy documents, searchable by Chinese keyword, linked to events. */
import type { NoticeBlock, NoticeCategory, NoticeStatus, PolicyLink } from '@shared/notices';
import type { AuditDraft, Guard } from './change';

export interface NoticeRecord {
  id: string;
  title: string;
  category: NoticeCategory;
  summary: string;
  body: NoticeBlock[];
  issuer: string;
  /** 发文日期, a calendar date `YYYY-MM-DD`. */
  issuedOn: string;
  attachmentUrl: string | null;
  eventIds: string[];
  status: NoticeStatus;
  /** When it was last published; kept when withdrawn. */
  publishedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What a guarded change may write; `searchTerms` travels with any change to the texts it is built from. */
export type NoticePatch = Partial<
  Pick<
    NoticeRecord,
    'title' | 'category' | 'summary' | 'body' | 'issuer' | 'issuedOn' | 'attachmentUrl' | 'eventIds' | 'status' | 'publishedAt'
  >
> & { searchTerms?: string[] };

export interface NoticeQuery {
  status: NoticeStatus;
  category?: NoticeCategory;
  /** Every term must be among the notice's search terms (characters and character pairs of its texts). */
  terms?: string[];
  /** Newest first: the position of the last notice seen. */
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface NoticesRepo {
  /** Stores a new notice and, in the same transaction, the audit entry of its creation. */
  insert(notice: NoticeRecord, searchTerms: string[], audit: AuditDraft): Promise<void>;
  get(id: string): Promise<NoticeRecord | null>;
  /** One transaction on the current notice: the guard decides, the patch and its audit entry are written together. */
  update(id: string, now: string, guard: Guard<NoticeRecord, NoticePatch>): Promise<NoticeRecord>;
  list(query: NoticeQuery): Promise<NoticeRecord[]>;
  /** Published notices linking the event, newest first, at most `limit`. */
  publishedForEvent(eventId: string, limit: number): Promise<PolicyLink[]>;
}
