/**
 * 送政策's vocabulary: notice categories, states and the limits of each part.
 * Plain TypeScript, no zod: the mini-program imports this without carrying the schema library;
 * the schema module beside it re-exports all of it.
 */

export const NOTICE_CATEGORIES = ['employment', 'insurance', 'talent', 'enterprise', 'party', 'other'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_TITLE_MAX = 60;
export const NOTICE_SUMMARY_MAX = 200;
export const NOTICE_ISSUER_MAX = 60;
export const NOTICE_BLOCKS_MAX = 60;
export const HEADING_MAX = 60;
export const PARAGRAPH_MAX = 1000;
export const LIST_ITEMS_MAX = 30;
export const LIST_ITEM_MAX = 300;
export const LINK_TEXT_MAX = 60;
export const URL_MAX = 500;
export const NOTICE_EVENTS_MAX = 10;
export const NOTICE_KEYWORD_MAX = 30;
