import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NEED_CATEGORIES, type NeedCategory, type NeedStatus as Status } from '@shared/needs';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { usePagedList } from '../../../api/hooks';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { PagedFooter } from '../../../components/PagedFooter';
import { NeedStatus } from '../../../components/needs/NeedStatus';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { StaffOnly } from '../../StaffOnly';
import './index.scss';

type Tab = Status | 'overdue' | 'all';
const TABS: readonly FilterOption<Tab>[] = [
  { value: 'submitted', label: NEED_STATUS_LABELS.submitted },
  { value: 'overdue', label: '已超期' },
  { value: 'assigned', label: NEED_STATUS_LABELS.assigned },
  { value: 'in_progress', label: NEED_STATUS_LABELS.in_progress },
  { value: 'closed', label: NEED_STATUS_LABELS.closed },
  { value: 'all', label: '全部' },
];
const ALL = 'any' as const;
const CATEGORY_OPTIONS = [ALL, ...NEED_CATEGORIES] as const;
const CATEGORY_LABELS = { [ALL]: '全部类别', ...NEED_CATEGORY_LABELS } as Record<NeedCategory | typeof ALL, string>;

export default function StaffNeedsPage() {
  return (
    <StaffOnly>
      <NeedsList />
    </StaffOnly>
  );
}

/** Needs waiting for a department first; 已超期 gathers the open ones past their working-day limit. */
function NeedsList() {
  const [tab, setTab] = useState<Tab>('submitted');
  const [category, setCategory] = useState<NeedCategory | typeof ALL>(ALL);
  const list = usePagedList(
    (cursor) =>
      callApi('needs.list', {
        ...(tab === 'overdue' ? { overdue: true } : tab === 'all' ? {} : { status: tab }),
        ...(category === ALL ? {} : { category }),
        limit: 20,
        ...(cursor ? { cursor } : {}),
      }),
    `${tab}:${category}`,
  );
  useDidShow(() => void list.refresh());
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  return (
    <View className='staff-needs'>
      <FilterTabs options={TABS} value={tab} onChange={setTab} />
      <View className='staff-needs__filter'>
        <Text>类别：</Text>
        <OptionPicker className='need-category-filter' options={CATEGORY_OPTIONS} labels={CATEGORY_LABELS} value={category} placeholder='全部类别' onChange={setCategory} />
      </View>
      <ListState loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='没有符合条件的诉求' onRetry={() => void list.refresh()} />
      {list.items.map((n) => (
        <View
          key={n.id}
          className='staff-needs__item need-row'
          aria-role='link'
          onClick={() => void Taro.navigateTo({ url: `/staff/pages/need-detail/index?id=${encodeURIComponent(n.id)}` })}
        >
          <NeedStatus need={n} />
        </View>
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
