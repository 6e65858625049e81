import { EVENT_TYPES, type EventType } from '@shared/plain/events';
import { EVENT_TYPE_LABELS } from '@shared/labels';
import type { FilterOption } from '../../components/FilterTabs';

export type TypeFilter = EventType | 'all';

export const TYPE_FILTERS: readonly FilterOption<TypeFilter>[] = [
  { value: 'all', label: '全部' },
  ...EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] })),
];
