import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { EventStatus } from '@shared/events';
import { EVENT_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { usePagedList } from '../../../api/hooks';
import { EventCard } from '../../../components/EventCard';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { PagedFooter } from '../../../components/PagedFooter';
import { ListState } from '../../../components/ListState';
import { onEventSaved } from '../../eventSaved';
import './index.scss';

const PAGE_SIZE = 20;

/** Drafts first: that is where the work is. */
const STATUS_TABS: readonly FilterOption<EventStatus>[] = (['draft', 'published', 'cancelled'] as const).map((status) => ({
  value: status,
  label: EVENT_STATUS_LABELS[status],
}));

const go = (url: string) => void Taro.navigateTo({ url });

export default function WorkbenchPage() {
  const [status, setStatus] = useState<EventStatus>('draft');
  const list = usePagedList(
    (cursor) => callApi('events.list', { status, includePast: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    status,
  );
  const firstShow = useRef(true);

  // After a publish or cancel the event belongs to another tab: follow it there.
  useEffect(() => onEventSaved((saved) => setStatus(saved.status)), []);

  // Back from the editor: the event may have moved between tabs.
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    void list.refresh();
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const empty = list.items.length === 0;
  return (
    <View className='workbench'>
      <View className='workbench__links'>
        <View className='workbench__link intents-entry' onClick={() => go('/staff/pages/intents/index')}>
          <Text>入党意向跟进</Text>
          <Text className='workbench__arrow'>›</Text>
        </View>
        <View className='workbench__link outbox-entry' onClick={() => go('/staff/pages/outbox/index')}>
          <Text>通知记录</Text>
          <Text className='workbench__arrow'>›</Text>
        </View>
        <View className='workbench__link claims-entry' onClick={() => go('/staff/pages/claims/index')}>
          <Text>企业认领审核</Text>
          <Text className='workbench__arrow'>›</Text>
        </View>
        <View className='workbench__link fair-requests-entry' onClick={() => go('/staff/pages/fair-requests/index')}>
          <Text>参会审核</Text>
          <Text className='workbench__arrow'>›</Text>
        </View>
        <View className='workbench__link guidance-entry' onClick={() => go('/staff/pages/guidance/index')}>
          <Text>就业指导预约</Text>
          <Text className='workbench__arrow'>›</Text>
        </View>
      </View>
      <View className='workbench__bar'>
        <Text className='workbench__heading'>活动管理</Text>
        <Button className='event-create btn-primary' size='mini' onClick={() => go('/staff/pages/event-edit/index')}>
          新建活动
        </Button>
      </View>
      <FilterTabs options={STATUS_TABS} value={status} onChange={setStatus} />
      <ListState
        loading={list.loading}
        error={list.error}
        empty={empty}
        emptyText={`暂无${EVENT_STATUS_LABELS[status]}的活动`}
        onRetry={() => void list.refresh()}
      />
      {list.items.map((event) => (
        <EventCard key={event.id} event={event} className='workbench-event' showStatus>
          <Button className='event-edit' size='mini' onClick={() => go(`/staff/pages/event-edit/index?id=${encodeURIComponent(event.id)}`)}>
            {event.status === 'cancelled' ? '查看' : '编辑'}
          </Button>
          <Button
            className='event-registrations'
            size='mini'
            onClick={() => go(`/staff/pages/event-registrations/index?eventId=${encodeURIComponent(event.id)}`)}
          >
            {`报名名单（${event.confirmedCount}${event.waitlistCount ? ` + 候补 ${event.waitlistCount}` : ''}）`}
          </Button>
          {event.type === 'fair' && event.status !== 'draft' ? (
            <Button className='fair-stats' size='mini' onClick={() => go(`/staff/pages/fair-stats/index?eventId=${encodeURIComponent(event.id)}`)}>
              招聘会数据
            </Button>
          ) : null}
        </EventCard>
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
