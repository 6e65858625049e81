import { useMemo } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { Enterprise } from '@shared/recruitment';
import { CLAIM_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { useMe } from '../../../api/useMe';
import { ListState } from '../../../components/ListState';
import { SignInFirst } from '../../../components/cards/SignInFirst';
import { fieldErrorsOf } from '../../../components/form/fieldErrors';
import { logoSrc } from '../../../components/recruitment/logoSrc';
import { formatDateTime } from '../../../utils/time';
import { CLAIM_FIELDS, ClaimForm, type Claim } from './ClaimForm';
import { ENTERPRISE_FIELDS, EnterpriseForm, type EnterpriseUpdate } from './EnterpriseForm';
import { centerStateOf } from './centerState';
import { chooseLogo } from './chooseLogo';
import '../../../components/cards/index.scss';
import './index.scss';

const go = (url: string) => void Taro.navigateTo({ url });

/** 企业中心: claim an enterprise, wait for staff to approve, then keep its profile and reach jobs and fairs. */
export default function EnterpriseCenterPage() {
  const who = useMe();
  const mine = useAction('enterprises.mine', {}, { enabled: who.signedIn, version: who.version });
  const change = useMutation();
  const busy = change.busy;
  const claimErrors = useMemo(() => fieldErrorsOf(change.error, CLAIM_FIELDS), [change.error]);
  const profileErrors = useMemo(() => fieldErrorsOf(change.error, ENTERPRISE_FIELDS), [change.error]);

  usePullDownRefresh(() => {
    const work = who.signedIn ? mine.reload() : Promise.resolve();
    void work.finally(() => Taro.stopPullDownRefresh());
  });

  const perform = (work: () => Promise<unknown>, done: string) =>
    change.run(async () => {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
      await Promise.all([mine.reload(), who.reload()]);
    });

  const claim = (input: Claim) => perform(() => callApi('enterprises.claim', input), '已提交认领');
  const save = (input: EnterpriseUpdate) => perform(() => callApi('enterprises.update', input), '已保存');

  if (!who.signedIn) {
    return (
      <View className='followup-page'>
        <SignInFirst then='进入企业中心' />
      </View>
    );
  }
  if (!mine.data) {
    return (
      <View className='followup-page'>
        <ListState loading={mine.loading} error={mine.error} empty onRetry={() => void mine.reload()} />
      </View>
    );
  }

  const state = centerStateOf(mine.data);
  const { claim: lastClaim, enterprise } = mine.data;

  if (state === 'approved' && enterprise) {
    return (
      <View className='followup-page enterprise-center'>
        <EnterpriseHead enterprise={enterprise} />
        <View className='followup-card enterprise-center__links'>
          <View className='enterprise-center__link hr-jobs-entry' onClick={() => go('/hr/pages/jobs/index')}>
            <Text>岗位管理</Text>
            <Text className='enterprise-center__arrow'>›</Text>
          </View>
          <View className='enterprise-center__link hr-fairs-entry' onClick={() => go('/hr/pages/fairs/index')}>
            <Text>参加招聘会</Text>
            <Text className='enterprise-center__arrow'>›</Text>
          </View>
          <View className='enterprise-center__link hr-needs-entry' onClick={() => go('/hr/pages/needs/index')}>
            <Text>企业诉求</Text>
            <Text className='enterprise-center__arrow'>›</Text>
          </View>
        </View>
        <View className='followup-card'>
          <Text className='followup-card__title'>企业资料</Text>
          <EnterpriseForm enterprise={enterprise} saving={busy} errors={profileErrors} chooseLogo={chooseLogo} onSave={(input) => void save(input)} />
        </View>
      </View>
    );
  }

  if (state === 'pending' && lastClaim) {
    return (
      <View className='followup-page enterprise-center'>
        <View className='followup-card claim-pending'>
          <View className='followup-card__head'>
            <Text className='followup-card__title'>企业认领</Text>
            <Text className='claim-status followup-status'>{CLAIM_STATUS_LABELS.pending}</Text>
          </View>
          <Text className='followup-card__org'>{lastClaim.enterpriseName}</Text>
          <Text className='followup-card__reason'>{`统一社会信用代码：${lastClaim.uscc}`}</Text>
          <Text className='followup-card__hint'>{`${formatDateTime(lastClaim.createdAt)} 提交。镇综合党委工作人员核对后即可使用企业功能，请耐心等待。`}</Text>
        </View>
      </View>
    );
  }

  const rejected = lastClaim?.status === 'rejected' ? lastClaim : null;
  return (
    <View className='followup-page enterprise-center'>
      {rejected ? (
        <View className='followup-card claim-rejected'>
          <View className='followup-card__head'>
            <Text className='followup-card__title'>{rejected.enterpriseName}</Text>
            <Text className='claim-status followup-status followup-status--closed'>{CLAIM_STATUS_LABELS.rejected}</Text>
          </View>
          {rejected.reason ? <Text className='followup-card__reason'>{`原因：${rejected.reason}`}</Text> : null}
          <Text className='followup-card__hint'>请核对后重新提交。</Text>
        </View>
      ) : null}
      <View className='followup-card'>
        <Text className='followup-card__title'>认领企业</Text>
        <Text className='followup-card__intro'>
          企业人事负责人认领本企业后，可以维护企业资料、发布岗位、报名参加招聘会、查看和处理求职申请。
        </Text>
        <ClaimForm
          key={who.me ? 'known' : 'unknown'}
          initial={{
            claimantName: rejected?.claimantName ?? who.me?.profile.name ?? '',
            claimantPhone: rejected?.claimantPhone ?? who.me?.profile.phone ?? '',
            ...(rejected ? { name: rejected.enterpriseName, uscc: rejected.uscc } : {}),
          }}
          submitting={busy}
          errors={claimErrors}
          onSubmit={(input) => void claim(input)}
        />
      </View>
    </View>
  );
}

function EnterpriseHead({ enterprise }: { enterprise: Enterprise }) {
  const logo = logoSrc(enterprise.logo);
  return (
    <View className='followup-card enterprise-head'>
      {logo ? <Image className='enterprise-head__logo' src={logo} mode='aspectFit' nativeProps={{ alt: `${enterprise.name}的标志` }} /> : null}
      <View className='enterprise-head__who'>
        <Text className='enterprise-head__name'>{enterprise.name}</Text>
        <Text className='enterprise-head__uscc'>{`统一社会信用代码：${enterprise.uscc}`}</Text>
        <Text className='enterprise-head__verified'>已认证，您是本企业的人事负责人</Text>
      </View>
    </View>
  );
}
