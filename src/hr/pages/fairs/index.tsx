import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Event } from '@shared/events';
import type { ClaimStatus, FairParticipation } from '@shared/recruitment';
import { CLAIM_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction, usePagedList } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { EventCard } from '../../../components/EventCard';
import { ListState } from '../../../components/ListState';
import { PagedFooter } from '../../../components/PagedFooter';
import { boolAttr } from '../../../utils/boolAttr';
import { centerStateOf } from '../center/centerState';
import './index.scss';

const PAGE_SIZE = 10;

/** Published, upcoming recruitment fairs; the enterprise asks to take part and staff approve. */
export default function HrFairsPage() {
  const mine = useAction('enterprises.mine', {});
  const fairs = usePagedList((cursor) => callApi('events.list', { type: 'fair', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), 'fairs');

  usePullDownRefresh(() => {
    void Promise.all([mine.reload(), fairs.refresh()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (fairs.hasMore) void fairs.loadMore();
  });

  if (!mine.data) {
    return (
      <View className='hr-fairs'>
        <ListState loading={mine.loading} error={mine.error} empty onRetry={() => void mine.reload()} />
      </View>
    );
  }
  const enterprise = centerStateOf(mine.data) === 'approved' ? mine.data.enterprise : null;
  if (!enterprise) {
    return (
      <View className='hr-fairs'>
        <View className='hr-fairs__notice'>
          <Text>企业认领通过后才能报名参加招聘会。</Text>
          <Button size='mini' onClick={() => void Taro.navigateBack()}>
            返回企业中心
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className='hr-fairs'>
      <Text className='hr-fairs__intro'>{`以“${enterprise.name}”的名义报名，工作人员审核通过后，企业和岗位会出现在招聘会页面。`}</Text>
      <ListState
        loading={fairs.loading}
        error={fairs.error}
        empty={fairs.items.length === 0}
        emptyText='近期没有招聘会'
        onRetry={() => void fairs.refresh()}
      />
      {fairs.items.map((event) => (
        <EventCard key={event.id} event={event} className='hr-fair' hideSeats>
          <FairJoin event={event} enterpriseId={enterprise.id} />
        </EventCard>
      ))}
      <PagedFooter list={fairs} />
    </View>
  );
}

/**
 * Whether the enterprise takes part: an approved one is among the fair's enterprises; a request just made shows
 * what the server answered. Asking again is harmless: `fairs.join` returns the request already made.
 */
function FairJoin({ event, enterpriseId }: { event: Event; enterpriseId: string }) {
  const listed = useAction('fairs.enterprises', { eventId: event.id });
  const [asked, setAsked] = useState<FairParticipation | null>(null);
  const change = useMutation();

  const join = () =>
    change.run(async () => {
      const participation = await callApi('fairs.join', { eventId: event.id });
      setAsked(participation);
      void Taro.showToast({ title: participation.status === 'approved' ? '已在参会名单中' : '已提交，等待审核', icon: 'none' });
    });

  const status: ClaimStatus | null = asked?.status ?? (listed.data?.some((e) => e.id === enterpriseId) ? 'approved' : null);
  if (status === 'approved') {
    return (
      <>
        <Text className='hr-fair__status hr-fair__status--approved'>已参会</Text>
        <Button
          className='hr-fair-post btn-primary'
          size='mini'
          onClick={() => void Taro.navigateTo({ url: `/hr/pages/job-edit/index?eventId=${encodeURIComponent(event.id)}` })}
        >
          发布本场岗位
        </Button>
      </>
    );
  }
  if (status) return <Text className={`hr-fair__status hr-fair__status--${status}`}>{`参会申请${CLAIM_STATUS_LABELS[status]}`}</Text>;
  return (
    <Button className='fair-join btn-primary' size='mini' disabled={boolAttr(change.busy || listed.loading)} onClick={() => void join()}>
      报名参会
    </Button>
  );
}
