import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { NOTICE_STATUSES, type NoticeStatus } from '@shared/notices';
import { NOTICE_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { usePagedList } from '../../../api/hooks';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { NoticeCard } from '../../../components/NoticeCard';
import { PagedFooter } from '../../../components/PagedFooter';
import { StaffOnly } from '../../StaffOnly';
import './index.scss';

const PAGE_SIZE = 20;

/** Drafts first: that is where the work is. */
const STATUS_TABS: readonly FilterOption<NoticeStatus>[] = NOTICE_STATUSES.map((status) => ({ value: status, label: NOTICE_STATUS_LABELS[status] }));

const go = (url: string) => void Taro.navigateTo({ url });

/** 政策发布: staff's notices by state, each a tap away from its editor. */
export default function StaffNoticesPage() {
  return (
    <StaffOnly>
      <StaffNotices />
    </StaffOnly>
  );
}

function StaffNotices() {
  const [status, setStatus] = useState<NoticeStatus>('draft');
  const list = usePagedList((cursor) => callApi('notices.list', { status, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), status);
  const firstShow = useRef(true);

  // Back from the editor: a notice may have been published or withdrawn.
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

  return (
    <View className='staff-notices'>
      <View className='staff-notices__bar'>
        <Text className='staff-notices__heading'>送政策</Text>
        <Button className='notice-create btn-primary' size='mini' onClick={() => go('/staff/pages/notice-edit/index')}>
          新建政策
        </Button>
      </View>
      <FilterTabs options={STATUS_TABS} value={status} onChange={setStatus} />
      <ListState
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={`暂无${NOTICE_STATUS_LABELS[status]}的政策`}
        onRetry={() => void list.refresh()}
      />
      {list.items.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} className='staff-notice' showStatus>
          <Button className='notice-edit' size='mini' onClick={() => go(`/staff/pages/notice-edit/index?id=${encodeURIComponent(notice.id)}`)}>
            编辑
          </Button>
          <Button className='notice-view' size='mini' onClick={() => go(`/policy/pages/notice/index?id=${encodeURIComponent(notice.id)}`)}>
            {notice.status === 'published' ? '查看' : '预览'}
          </Button>
        </NoticeCard>
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
