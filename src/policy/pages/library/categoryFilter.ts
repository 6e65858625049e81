import type { ActionInput } from '@shared/contract';
import { NOTICE_CATEGORIES, NOTICE_KEYWORD_MAX, type NoticeCategory } from '@shared/plain/notices';
import { NOTICE_CATEGORY_LABELS } from '@shared/labels';
import type { FilterOption } from '../../../components/FilterTabs';

export type CategoryFilter = NoticeCategory | 'all';

export const CATEGORY_TABS: readonly FilterOption<CategoryFilter>[] = [
  { value: 'all', label: '全部' },
  ...NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] })),
];

export { NOTICE_KEYWORD_MAX };

export function isCategoryFilter(value: string | undefined): value is CategoryFilter {
  return value === 'all' || (NOTICE_CATEGORIES as readonly string[]).includes(value ?? '');
}

/** The `notices.list` payload for a category, a keyword and one page. */
export function libraryPayload(category: CategoryFilter, keyword: string, pageSize: number, cursor: string | undefined): ActionInput<'notices.list'> {
  const payload: ActionInput<'notices.list'> = { limit: pageSize };
  if (category !== 'all') payload.category = category;
  const q = keyword.trim();
  if (q) payload.q = q;
  if (cursor) payload.cursor = cursor;
  return payload;
}
