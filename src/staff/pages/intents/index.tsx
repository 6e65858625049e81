import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { usePagedList } from '../../../api/hooks';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { PagedFooter } from '../../../components/PagedFooter';
import { ListState } from '../../../components/ListState';
import { ChoiceChips } from '../../../components/form/ChoiceChips';
import { ExportButton } from '../../../components/ExportButton';
import { callApi } from '../../../api/callApi';
import { formatDateTime } from '../../../utils/time';
import { KIND_LABELS, fetchRows, statusFilters, type FollowupKind, type StaffRow, type StatusFilter } from './rows';
import '../../../components/cards/index.scss';
import './index.scss';

const KIND_TABS: readonly FilterOption<FollowupKind>[] = (['intent', 'report'] as const).map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

function openRow(row: StaffRow): void {
  void Taro.navigateTo({ url: `/staff/pages/intent-detail/index?id=${encodeURIComponent(row.id)}&kind=${row.kind}` });
}

/** Staff follow-up of 入党意向 and 党员报到: by status, newest first, phones masked; the full record is one tap away. */
export default function StaffIntentsPage() {
  const [kind, setKind] = useState<FollowupKind>('intent');
  const [status, setStatus] = useState<StatusFilter>('all');
  const list = usePagedList((cursor) => fetchRows(kind, status, cursor), `${kind}:${status}`);
  const firstShow = useRef(true);

  // Back from a record: its status may have changed.
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

  const filters = statusFilters(kind);
  const empty = list.items.length === 0;
  return (
    <View className='staff-intents'>
      <FilterTabs
        options={KIND_TABS}
        value={kind}
        onChange={(picked) => {
          setKind(picked);
          setStatus('all');
        }}
      />
      {kind === 'intent' ? (
        <View className='staff-intents__export'>
          <ExportButton className='intents-export' request={() => callApi('exports.intents', {})} />
          <ExportButton
            className='intents-export-full'
            label='导出完整手机号'
            confirm='导出的名单含完整手机号，将记录在案。请妥善保管，仅用于联系本人。'
            request={() => callApi('exports.intents', { full: true })}
          />
        </View>
      ) : null}
      <View className='staff-intents__filter'>
        <ChoiceChips
          className='staff-intent-status-filter'
          options={filters.options}
          labels={filters.labels}
          value={status}
          onChange={(picked) => setStatus(picked ?? 'all')}
        />
      </View>
      <ListState
        loading={list.loading}
        error={list.error}
        empty={empty}
        emptyText={`暂无${status === 'all' ? '' : filters.labels[status]}的${KIND_LABELS[kind]}`}
        onRetry={() => void list.refresh()}
      />
      {list.items.map((row) => (
        <View key={row.id} className={`staff-intent-row staff-intent-row--${row.status}`} onClick={() => openRow(row)}>
          <View className='staff-intent-row__main'>
            <View className='staff-intent-row__line'>
              <Text className='staff-intent-row__name'>{row.name}</Text>
              <Text className='staff-intent-row__phone'>{row.phoneMasked}</Text>
            </View>
            {row.details.length ? <Text className='staff-intent-row__meta'>{row.details.join(' · ')}</Text> : null}
            <Text className='staff-intent-row__meta'>{`${formatDateTime(row.createdAt)} 提交`}</Text>
          </View>
          <Text className={`staff-intent-row__status followup-status followup-status--${row.status}`}>{row.statusLabel}</Text>
        </View>
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
