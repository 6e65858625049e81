import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { EventStatus } from '@shared/events';
import { EVENT_STATUS_LABELS } from '@shared/labels';
import { checkInWindow } from '@shared/registrations';
import { callApi } from '../../../api/callApi';
import { usePagedList } from '../../../api/hooks';
import { EventCard } from '../../../components/EventCard';
import { AttendanceFigures } from '../../../components/Attendance';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { PagedFooter } from '../../../components/PagedFooter';
import { ListState } from '../../../components/ListState';
import { onEventSaved } from '../../eventSaved';
import { StaffOnly } from '../../StaffOnly';
import { Overview } from './Overview';
import './index.scss';

const PAGE_SIZE = 20;

/** Drafts first: that is where the work is. */
const STATUS_TABS: readonly FilterOption<EventStatus>[] = (['draft', 'published', 'cancelled'] as const).map((status) => ({
  value: status,
  label: EVENT_STATUS_LABELS[status],
}));

const go = (url: string) => void Taro.navigateTo({ url });

export default function WorkbenchPage() {
  return (
    <StaffOnly>
      <Workbench />
    </StaffOnly>
  );
}

function Workbench() {
  const [overviewVersion, setOverviewVersion] = useState(0);
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
    setOverviewVersion((v) => v + 1);
    void list.refresh();
  });
  usePullDownRefresh(() => {
    setOverviewVersion((v) => v + 1);
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const empty = list.items.length === 0;
  return (
    <View className='workbench'>
      <Overview version={overviewVersion} />
      <View className='workbench__bar'>
        <Text className='workbench__heading' aria-role='heading' aria-level='2'>
          活动管理
        </Text>
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
          {event.status === 'published' && Date.now() >= checkInWindow(event).opensAt ? <AttendanceFigures eventId={event.id} /> : null}
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
          {event.status === 'published' ? (
            <Button className='event-checkin' size='mini' onClick={() => go(`/staff/pages/checkin/index?eventId=${encodeURIComponent(event.id)}`)}>
              扫码签到
            </Button>
          ) : null}
        </EventCard>
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
