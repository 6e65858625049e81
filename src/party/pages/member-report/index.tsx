import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MemberReport, ReportSubmitInput } from '@shared/intents';
import { callApi } from '../../../api/callApi';
import { requestSubscribe } from '../../../api/subscribe';
import { messageOf } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { useMe } from '../../../api/useMe';
import { ListState } from '../../../components/ListState';
import { SignInFirst } from '../../../components/cards/SignInFirst';
import { confirmWithdraw, useFollowupChange } from '../../../components/followup/useFollowupChange';
import { REPORT_FIELDS, ReportForm, emptyReportForm } from './ReportForm';
import { ReportRecord } from './ReportRecord';
import '../../../components/cards/index.scss';

/** Answers after which what is shown is out of date: load the report again. */
const STALE = new Set(['ALREADY_SUBMITTED', 'INVALID_TRANSITION', 'NOT_FOUND']);

export default function MemberReportPage() {
  const who = useMe();
  const mine = useAction('memberReports.mine', {}, { enabled: who.signedIn, version: who.version });
  const [withdrawn, setWithdrawn] = useState(false);
  const { busy, serverErrors, generalFailure, perform } = useFollowupChange({ reload: mine.reload, stale: STALE, fields: REPORT_FIELDS });

  usePullDownRefresh(() => {
    const work = who.signedIn ? mine.reload() : Promise.resolve();
    void work.finally(() => Taro.stopPullDownRefresh());
  });

  const submit = async (input: ReportSubmitInput) => {
    void requestSubscribe('report');
    if (await perform(() => callApi('memberReports.submit', input), '已提交')) setWithdrawn(false);
  };

  const withdraw = async (report: MemberReport) => {
    if (!(await confirmWithdraw('撤回党员报到'))) return;
    if (await perform(() => callApi('memberReports.withdraw', { id: report.id }), '已撤回')) setWithdrawn(true);
  };

  if (!who.signedIn) {
    return (
      <View className='followup-page'>
        <SignInFirst then='进行党员报到' />
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

  const latest = mine.data[0] ?? null;
  const open = latest && latest.status !== 'closed' ? latest : null;
  const message = generalFailure ? <Text className='followup-page__error report-error'>{messageOf(generalFailure)}</Text> : null;

  return (
    <View className='followup-page'>
      {withdrawn && !open ? <Text className='followup-page__notice report-withdrawn'>已撤回，您填写的个人信息已删除。</Text> : null}
      {latest ? <ReportRecord report={latest} busy={busy} onWithdraw={open ? () => void withdraw(open) : undefined} /> : null}
      {message}
      {open ? null : (
        <View className='followup-card'>
          <Text className='followup-card__title'>{latest || withdrawn ? '重新报到' : '党员报到'}</Text>
          <Text className='followup-card__intro'>
            组织关系不在佘山镇、在佘山镇工作的党员，可以在这里向佘山镇综合党委报到。工作人员会与您联系，办理组织关系转入或流动党员登记。
          </Text>
          <ReportForm
            key={who.me ? 'known' : 'unknown'}
            initial={{ ...emptyReportForm(), name: who.me?.profile.name ?? '', phone: who.me?.profile.phone ?? '' }}
            submitting={busy} errors={serverErrors} onSubmit={(input) => void submit(input)} />
        </View>
      )}
    </View>
  );
}
