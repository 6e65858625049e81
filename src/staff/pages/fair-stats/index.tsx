import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { FairStats } from '@shared/recruitment';
import { ApiFailure } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { ExportButton } from '../../../components/ExportButton';
import { callApi } from '../../../api/callApi';
import { formatEventTime } from '../../../utils/time';
import './index.scss';

/** The figures of a fair, in the order the committee reports them. */
const FIGURES: readonly { key: keyof Omit<FairStats, 'eventId'>; label: string; unit: string }[] = [
  { key: 'enterprises', label: '参会企业', unit: '家' },
  { key: 'jobs', label: '岗位', unit: '个' },
  { key: 'headcount', label: '招聘人数', unit: '人' },
  { key: 'applications', label: '求职申请', unit: '份' },
  { key: 'interviews', label: '邀请面试', unit: '人' },
  { key: 'hires', label: '录用', unit: '人' },
];

const go = (url: string) => void Taro.navigateTo({ url });

export default function FairStatsPage() {
  const eventId = useRouter().params.eventId ?? '';
  const event = useAction('events.get', { id: eventId }, { enabled: eventId !== '' });
  const stats = useAction('fairs.stats', { eventId }, { enabled: eventId !== '' });

  usePullDownRefresh(() => {
    void Promise.all([event.reload(), stats.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='fair-stats'>
      {event.data ? (
        <View className='fair-stats__head'>
          <Text className='fair-stats__title'>{event.data.title}</Text>
          <Text className='fair-stats__meta'>{formatEventTime(event.data.startAt, event.data.endAt)}</Text>
          <Text className='fair-stats__meta'>{event.data.location}</Text>
          <ExportButton className='fair-export' label='导出求职申请' request={() => callApi('exports.applications', { fairId: eventId })} />
        </View>
      ) : null}
      {stats.data ? (
        <View className='fair-stats__grid'>
          {FIGURES.map((f) => (
            <View key={f.key} className={`fair-figure fair-figure--${f.key}`}>
              <Text className='fair-figure__value'>{stats.data ? String(stats.data[f.key]) : ''}</Text>
              <Text className='fair-figure__label'>{`${f.label}（${f.unit}）`}</Text>
            </View>
          ))}
        </View>
      ) : (
        <ListState
          loading={stats.loading}
          error={eventId ? stats.error : new ApiFailure('NOT_FOUND', '没有指定招聘会')}
          empty
          emptyText='暂无数据'
          onRetry={() => void stats.reload()}
        />
      )}
      <View className='fair-stats__links'>
        <View className='fair-stats__link fair-requests-entry' onClick={() => go(`/staff/pages/fair-requests/index?eventId=${encodeURIComponent(eventId)}`)}>
          <Text>本场参会审核</Text>
          <Text className='fair-stats__arrow'>›</Text>
        </View>
        <View className='fair-stats__link' onClick={() => go(`/career/pages/fair/index?eventId=${encodeURIComponent(eventId)}`)}>
          <Text>查看参会企业与岗位</Text>
          <Text className='fair-stats__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}
