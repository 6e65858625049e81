import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ClaimStatus, FairParticipation } from '@shared/recruitment';
import { CLAIM_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction, useLoader } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { formatDateTime } from '../../../utils/time';
import { DecisionBar } from '../../DecisionBar';
import '../../../components/cards/index.scss';
import '../../decisions.scss';

const TABS: readonly FilterOption<ClaimStatus>[] = (['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: CLAIM_STATUS_LABELS[s] }));

/** The titles of the fairs a list refers to (a participation carries only the event's id). */
async function fairTitles(ids: readonly string[]): Promise<Record<string, string>> {
  const titles: Record<string, string> = {};
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      try {
        titles[id] = (await callApi('events.get', { id })).title;
      } catch {
        // A title that cannot be read leaves the row with the event's id; the decision does not depend on it.
      }
    }),
  );
  return titles;
}

/** Enterprises asking to take part in a fair (all fairs, or the one given as `eventId`). */
export default function FairRequestsPage() {
  const eventId = useRouter().params.eventId;
  const [status, setStatus] = useState<ClaimStatus>('pending');
  const requests = useAction('fairs.requests', { status, ...(eventId ? { eventId } : {}) });
  const ids = (requests.data ?? []).map((r) => r.eventId);
  const titles = useLoader(() => fairTitles(ids), [...new Set(ids)].sort().join(','), ids.length > 0);
  const change = useMutation();

  usePullDownRefresh(() => {
    void requests.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const decide = async (request: FairParticipation, approve: boolean, reason?: string) => {
    // As with claims: an approval puts the enterprise on the fair's public list, so it is asked once more.
    if (approve) {
      const answer = await Taro.showModal({
        title: '通过参会申请',
        content: `通过后，「${request.enterpriseName}」将出现在招聘会的参会企业中，可以关联岗位。确定通过吗？`,
        confirmText: '确定通过',
        cancelText: '再想想',
        confirmColor: '#c8161d',
      });
      if (!answer.confirm) return;
    }
    await change.run(async () => {
      await callApi('fairs.decide', { id: request.id, approve, ...(reason ? { reason } : {}) });
      void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'none' });
      await requests.reload();
    });
  };

  const items = requests.data ?? [];
  return (
    <View className='review-page'>
      <FilterTabs options={TABS} value={status} onChange={setStatus} />
      {eventId && titles.data?.[eventId] ? <Text className='review-page__intro'>{`只看：${titles.data[eventId]}`}</Text> : null}
      <ListState
        loading={requests.loading}
        error={requests.error}
        empty={items.length === 0}
        emptyText={`暂无${CLAIM_STATUS_LABELS[status]}的参会申请`}
        onRetry={() => void requests.reload()}
      />
      {items.map((r) => (
        <View key={r.id} className={`review-row fair-request fair-request--${r.status}`}>
          <View className='review-row__head'>
            <Text className='review-row__title'>{r.enterpriseName}</Text>
            <Text className={`followup-status${r.status === 'pending' ? '' : ' followup-status--closed'}`}>{CLAIM_STATUS_LABELS[r.status]}</Text>
          </View>
          <Text className='review-row__meta'>{`招聘会：${titles.data?.[r.eventId] ?? r.eventId}`}</Text>
          <Text className='review-row__meta'>{`${formatDateTime(r.createdAt)} 申请`}</Text>
          {r.status === 'pending' ? (
            <DecisionBar
              id={r.id}
              busy={change.busy}
              prefix='fair'
              rejectHint='如：本场招聘会展位已满，请报名下一场'
              onDecide={(approve, reason) => void decide(r, approve, reason)}
            />
          ) : null}
        </View>
      ))}
    </View>
  );
}
