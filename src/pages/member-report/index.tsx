import { useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MemberReport, ReportSubmitInput } from '@shared/intents';
import { callApi } from '../../api/callApi';
import { requestSubscribe } from '../../api/subscribe';
import { ApiFailure, messageOf } from '../../api/failure';
import { useAction } from '../../api/hooks';
import { useMe } from '../../api/useMe';
import { ListState } from '../../components/ListState';
import { fieldErrorsOf } from '../../components/followup/fieldErrors';
import { REPORT_FIELDS, ReportForm } from './ReportForm';
import { ReportRecord } from './ReportRecord';

/** Answers after which what is shown is out of date: load the report again. */
const STALE = new Set(['ALREADY_SUBMITTED', 'INVALID_TRANSITION', 'NOT_FOUND']);

export default function MemberReportPage() {
  const who = useMe();
  const mine = useAction('memberReports.mine', {}, { enabled: who.signedIn, version: who.version });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  const serverErrors = useMemo(() => fieldErrorsOf(failure, REPORT_FIELDS), [failure]);

  usePullDownRefresh(() => {
    const work = who.signedIn ? mine.reload() : Promise.resolve();
    void work.finally(() => Taro.stopPullDownRefresh());
  });

  const perform = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
      await mine.reload();
      return true;
    } catch (e) {
      setFailure(e);
      if (e instanceof ApiFailure && STALE.has(e.code)) void mine.reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (input: ReportSubmitInput) => {
    void requestSubscribe('report');
    if (await perform(() => callApi('memberReports.submit', input), '已提交')) setWithdrawn(false);
  };

  const withdraw = async (report: MemberReport) => {
    const answer = await Taro.showModal({
      title: '撤回党员报到',
      content: '撤回后，您填写的姓名、电话等个人信息将立即删除，且无法恢复。确定撤回吗？',
      confirmText: '确认撤回',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    if (await perform(() => callApi('memberReports.withdraw', { id: report.id }), '已撤回')) setWithdrawn(true);
  };

  if (!who.signedIn) {
    return (
      <View className='followup-page'>
        <View className='followup-card followup-page__login'>
          <Text>请先在“我的”中登录，再进行党员报到</Text>
          <Button className='go-login' size='mini' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
            去登录
          </Button>
        </View>
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
  // Field issues show under their fields; anything else (a conflict, the network) as one message.
  const underFields = serverErrors !== undefined && Object.keys(serverErrors).length > 0;
  const message = failure && !underFields ? <Text className='followup-page__error report-error'>{messageOf(failure)}</Text> : null;

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
          <ReportForm submitting={busy} errors={serverErrors} onSubmit={(input) => void submit(input)} />
        </View>
      )}
    </View>
  );
}
