import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Claim, ClaimStatus } from '@shared/recruitment';
import { CLAIM_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { formatDateTime } from '../../../utils/time';
import { DecisionBar } from '../../DecisionBar';
import '../../../components/cards/index.scss';
import '../../decisions.scss';

/** Who is claiming, by the name they gave (claims made before the form asked have none). */
const claimantOf = (claim: Claim) => claim.claimantName ?? '未留姓名的认领人';

const TABS: readonly FilterOption<ClaimStatus>[] = (['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: CLAIM_STATUS_LABELS[s] }));

/** HR contacts' claims to act for an enterprise: staff check name and 统一社会信用代码 against the licence, then decide. */
export default function ClaimsPage() {
  const [status, setStatus] = useState<ClaimStatus>('pending');
  const claims = useAction('enterprises.claims', { status });
  const change = useMutation();

  usePullDownRefresh(() => {
    void claims.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const decide = async (claim: Claim, approve: boolean, reason?: string) => {
    if (approve) {
      const answer = await Taro.showModal({
        title: '通过认领',
        content: `通过后，${claimantOf(claim)} 将作为「${claim.enterpriseName}」的人事负责人发布岗位、查看求职者简历。确定通过吗？`,
        confirmText: '确定通过',
        cancelText: '再想想',
        confirmColor: '#c8161d',
      });
      if (!answer.confirm) return;
    }
    await change.run(async () => {
      await callApi('enterprises.decideClaim', { id: claim.id, approve, ...(reason ? { reason } : {}) });
      void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'none' });
      await claims.reload();
    });
  };

  const items = claims.data ?? [];
  return (
    <View className='review-page'>
      <FilterTabs options={TABS} value={status} onChange={setStatus} />
      <ListState
        loading={claims.loading}
        error={claims.error}
        empty={items.length === 0}
        emptyText={`暂无${CLAIM_STATUS_LABELS[status]}的认领`}
        onRetry={() => void claims.reload()}
      />
      {items.map((claim) => (
        <View key={claim.id} className={`review-row claim-row claim-row--${claim.status}`}>
          <View className='review-row__head'>
            <Text className='review-row__title'>{claim.enterpriseName}</Text>
            <Text className={`followup-status${claim.status === 'pending' ? '' : ' followup-status--closed'}`}>{CLAIM_STATUS_LABELS[claim.status]}</Text>
          </View>
          <Text className='review-row__meta claim-row__uscc' userSelect>{`统一社会信用代码：${claim.uscc}`}</Text>
          <Text className='review-row__meta claim-row__claimant' userSelect>{`认领人：${claimantOf(claim)}${claim.claimantPhone ? ` · ${claim.claimantPhone}` : ''}`}</Text>
          <Text className='review-row__meta'>{`${formatDateTime(claim.createdAt)} 提交`}</Text>
          {claim.reason ? <Text className='review-row__reason'>{`原因：${claim.reason}`}</Text> : null}
          {claim.status === 'pending' ? (
            <DecisionBar
              id={claim.id}
              busy={change.busy}
              prefix='claim'
              rejectHint='如：名称与营业执照不一致，请核对后重新提交'
              onDecide={(approve, reason) => void decide(claim, approve, reason)}
            />
          ) : null}
        </View>
      ))}
    </View>
  );
}
