import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ActionInput } from '@shared/contract';
import type { Event } from '@shared/events';
import { callApi } from '../../api/callApi';
import { dropFirstScreen, takeFirstEventsPage } from '../../api/firstPage';
import { usePagedList } from '../../api/hooks';
import { EventCard } from '../../components/EventCard';
import { FilterTabs } from '../../components/FilterTabs';
import { PagedFooter } from '../../components/PagedFooter';
import { ListState } from '../../components/ListState';
import { TYPE_FILTERS, type TypeFilter } from './typeFilter';
import { PolicyBanner } from './PolicyBanner';
import './index.scss';

const PAGE_SIZE = 10;

function openEvent(event: Event): void {
  void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(event.id)}` });
}

export default function EventsPage() {
  const [filter, setFilter] = useState<TypeFilter>('all');
  const list = usePagedList((cursor) => {
    const payload: ActionInput<'events.list'> = { limit: PAGE_SIZE };
    if (filter !== 'all') payload.type = filter;
    if (cursor) payload.cursor = cursor;
    return callApi('events.list', payload);
  }, filter, takeFirstEventsPage<Event>);

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  // The events the gateway drew into the page stay over it until this list has something of its own to show.
  useEffect(() => {
    if (!list.loading) dropFirstScreen();
  }, [list.loading]);

  const empty = list.items.length === 0;
  return (
    <View className='events-page'>
      <PolicyBanner />
      <FilterTabs options={TYPE_FILTERS} value={filter} onChange={setFilter} />
      <ListState
        loading={list.loading}
        error={list.error}
        empty={empty}
        emptyText='暂无活动'
        onRetry={() => void list.refresh()}
      />
      {list.items.map((event) => (
        <EventCard key={event.id} event={event} onTap={openEvent} />
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
