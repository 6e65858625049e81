import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Application, HrMark } from '@shared/recruitment';
import { APPLICATION_ACTION_LABELS, APPLICATION_STATUS_LABELS, REJECT_REASONS, salaryLabel } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { ApiFailure } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { ListState } from '../../../components/ListState';
import { FieldList } from '../../../components/form/FieldList';
import { ApplicationStatusTag } from '../../../components/recruitment/ApplicationStatusTag';
import { InterviewInvite } from '../../../components/recruitment/InterviewInvite';
import { boolAttr } from '../../../utils/boolAttr';
import { formatDateTime } from '../../../utils/time';
import { InterviewForm, interviewFormFrom, type InterviewInput } from './InterviewForm';
import '../../../components/form/index.scss';
import './index.scss';

/** Marks that end the matter for the applicant: asked once more before they are sent (the applicant is notified). */
const CONFIRM: Partial<Record<HrMark, string>> = {
  hired: '确定录用该求职者吗？对方会收到通知。',
};

/** 不合适 asks for a reason in one tap (the applicant reads it); cancelling the sheet sends nothing. */
async function pickRejectReason(): Promise<string | null | undefined> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: [...REJECT_REASONS] });
    const picked = REJECT_REASONS[tapIndex];
    return picked === '暂不说明原因' ? null : picked;
  } catch {
    return undefined;
  }
}

/** One job's applicants with their résumés (visible to this enterprise's HR and to staff only), marked one by one. */
export default function ApplicantsPage() {
  const jobId = useRouter().params.jobId ?? '';
  const job = useAction('jobs.get', { id: jobId }, { enabled: jobId !== '' });
  const list = useAction('applications.listByJob', { jobId }, { enabled: jobId !== '' });
  const [inviting, setInviting] = useState<string | null>(null);
  const change = useMutation();
  const busy = change.busy;

  usePullDownRefresh(() => {
    void Promise.all([job.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });

  const mark = async (application: Application, status: HrMark, interview?: InterviewInput) => {
    const question = CONFIRM[status];
    if (question) {
      const answer = await Taro.showModal({ title: APPLICATION_ACTION_LABELS[status], content: question, confirmText: '确定', cancelText: '再想想', confirmColor: '#c8161d' });
      if (!answer.confirm) return;
    }
    const reason = status === 'rejected' ? await pickRejectReason() : null;
    if (reason === undefined) return;
    await change.run(
      async () => {
        await callApi('applications.mark', { id: application.id, status, ...(interview ? { interview } : {}), ...(reason ? { reason } : {}) });
        void Taro.showToast({ title: status === 'interview' ? '已发送面试邀请' : `已标记为${APPLICATION_STATUS_LABELS[status]}`, icon: 'none' });
        setInviting(null);
        await list.reload();
      },
      {
        // Someone else (or the applicant, withdrawing) may have changed it meanwhile.
        onFailure: (e) => {
          if (e instanceof ApiFailure && e.code === 'INVALID_TRANSITION') void list.reload();
        },
      },
    );
  };

  const items = list.data ?? [];
  return (
    <View className='applicants'>
      {job.data ? (
        <View className='applicants__head'>
          <Text className='applicants__title'>{job.data.title}</Text>
          <Text className='applicants__meta'>{`${salaryLabel(job.data.salaryMin, job.data.salaryMax)} · 招 ${job.data.headcount} 人`}</Text>
          <Text className='applicants__meta'>{list.data ? `共 ${items.length} 份申请` : ''}</Text>
        </View>
      ) : null}
      <ListState
        loading={list.loading}
        error={jobId ? list.error : new ApiFailure('NOT_FOUND', '没有指定岗位')}
        empty={items.length === 0}
        emptyText='还没有人申请这个岗位'
        onRetry={() => void list.reload()}
      />
      {items.map((a) => {
        const withdrawn = a.status === 'withdrawn';
        return (
          <View key={a.id} className={`applicant-row applicant-row--${a.status}`}>
            <View className='applicant-row__head'>
              <Text className='applicant-row__name'>{a.resume.name}</Text>
              <ApplicationStatusTag status={a.status} />
            </View>
            <FieldList
              className='applicant-row__fields'
              rows={[
                { label: '手机号', value: a.resume.phone },
                { label: '年龄', value: `${a.resume.age} 岁` },
                { label: '期望岗位', value: a.resume.wantedJob },
                { label: '工作经历', value: a.resume.experience },
                { label: '备注', value: a.resume.note },
              ]}
            />
            <Text className='applicant-row__time'>{`${formatDateTime(a.createdAt)} 投递`}</Text>
            {a.interview && a.status === 'interview' ? <InterviewInvite interview={a.interview} title='已邀请面试' /> : null}
            {withdrawn ? (
              <Text className='applicant-row__withdrawn'>求职者已撤回申请</Text>
            ) : inviting === a.id ? (
              <InterviewForm
                initial={interviewFormFrom(a.interview, job.data?.place ?? '')}
                saving={busy}
                onSubmit={(interview) => void mark(a, 'interview', interview)}
                onCancel={() => setInviting(null)}
              />
            ) : (
              <View className='applicant-row__actions'>
                <Button className='applicant-call' size='mini' onClick={() => void Taro.makePhoneCall({ phoneNumber: a.resume.phone })}>
                  拨打电话
                </Button>
                {a.status === 'submitted' ? (
                  <Button className='applicant-viewed' size='mini' disabled={boolAttr(busy)} onClick={() => void mark(a, 'viewed')}>
                    {APPLICATION_ACTION_LABELS.viewed}
                  </Button>
                ) : null}
                <Button className='applicant-interview btn-primary' size='mini' disabled={boolAttr(busy)} onClick={() => setInviting(a.id)}>
                  {a.status === 'interview' ? '修改面试' : '邀请面试'}
                </Button>
                {a.status !== 'hired' ? (
                  <Button className='applicant-hired' size='mini' disabled={boolAttr(busy)} onClick={() => void mark(a, 'hired')}>
                    {APPLICATION_ACTION_LABELS.hired}
                  </Button>
                ) : null}
                {a.status !== 'rejected' ? (
                  <Button className='applicant-rejected' size='mini' disabled={boolAttr(busy)} onClick={() => void mark(a, 'rejected')}>
                    不合适
                  </Button>
                ) : null}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
