import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ApplicationStatus, ApplicationWithJob } from '@shared/recruitment';
import { salaryLabel } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { useMe } from '../../../api/useMe';
import { ListState } from '../../../components/ListState';
import { SignInFirst } from '../../../components/cards/SignInFirst';
import { ApplicationStatusTag } from '../../../components/recruitment/ApplicationStatusTag';
import { InterviewInvite } from '../../../components/recruitment/InterviewInvite';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime } from '../../../utils/time';
import '../../../components/cards/index.scss';
import './index.scss';

/** An application the HR contact has not decided on yet can still be withdrawn. */
const WITHDRAWABLE = new Set<ApplicationStatus>(['submitted', 'viewed', 'interview']);

function openJob(application: ApplicationWithJob): void {
  void Taro.navigateTo({ url: `/career/pages/job/index?id=${encodeURIComponent(application.jobId)}` });
}

/** 我的求职: every application with its status and, once invited, the interview's time, place and note. */
export default function MyApplicationsPage() {
  const who = useMe();
  const mine = useAction('applications.mine', {}, { enabled: who.signedIn, version: who.version });
  const withdrawal = useMutation();
  const firstShow = useRef(true);

  // Back from a job page: an application may have been made there.
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    if (who.signedIn) void mine.reload();
  });
  usePullDownRefresh(() => {
    const work = who.signedIn ? mine.reload() : Promise.resolve();
    void work.finally(() => Taro.stopPullDownRefresh());
  });

  const withdraw = async (application: ApplicationWithJob) => {
    const answer = await Taro.showModal({
      title: '撤回申请',
      content: `确定撤回对「${application.job.title}」的申请吗？企业将不再处理这份申请。`,
      confirmText: '确认撤回',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    await withdrawal.run(async () => {
      await callApi('applications.withdraw', { id: application.id });
      void Taro.showToast({ title: '已撤回', icon: 'none' });
      await mine.reload();
    });
  };

  if (!who.signedIn) {
    return (
      <View className='my-applications'>
        <SignInFirst then='查看求职记录' />
      </View>
    );
  }

  const items = mine.data ?? [];
  return (
    <View className='my-applications'>
      <ListState
        loading={mine.loading}
        error={mine.error}
        empty={items.length === 0}
        emptyText='还没有申请过岗位，去“岗位”看看吧'
        onRetry={() => void mine.reload()}
      />
      {items.map((a) => (
        <View key={a.id} className={`my-application my-application--${a.status}`}>
          <View className='my-application__head' onClick={() => openJob(a)}>
            <View className='my-application__main'>
              <Text className='my-application__title'>{a.job.title}</Text>
              <Text className='my-application__meta'>{`${a.job.enterpriseName} · ${salaryLabel(a.job.salaryMin, a.job.salaryMax)}`}</Text>
              <Text className='my-application__meta'>{`${formatDateTime(a.createdAt)} 申请`}</Text>
            </View>
            <ApplicationStatusTag status={a.status} />
          </View>
          {a.status === 'interview' && a.interview ? <InterviewInvite interview={a.interview} /> : null}
          {a.status === 'rejected' ? (
            <Text className='my-application__note my-application__reason'>{a.reason ? `企业反馈：${a.reason}` : '企业暂未说明原因，可以看看其他岗位。'}</Text>
          ) : null}
          {a.status === 'hired' ? <Text className='my-application__note'>恭喜！企业已决定录用您，请留意企业的联系电话。</Text> : null}
          {WITHDRAWABLE.has(a.status) ? (
            <View className='my-application__actions'>
              <Button
                className='application-withdraw'
                size='mini'
                disabled={boolAttr(withdrawal.busy)}
                onClick={() => void withdraw(a)}
              >
                撤回
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
