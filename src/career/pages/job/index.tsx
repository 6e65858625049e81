import { useMemo, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { JobDetail, Resume } from '@shared/recruitment';
import { DISTRICT_LABELS, JOB_CATEGORY_LABELS, salaryLabel } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { requestSubscribe } from '../../../api/subscribe';
import { ApiFailure, messageOf } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { useMe } from '../../../api/useMe';
import { BenefitTags } from '../../../components/JobCard';
import { ListState } from '../../../components/ListState';
import { ApplicationStatusTag } from '../../../components/recruitment/ApplicationStatusTag';
import { fieldErrorsOf } from '../../../components/form/fieldErrors';
import { boolAttr } from '../../../utils/boolAttr';
import { formatEventTime } from '../../../utils/time';
import { EnterpriseCard } from './EnterpriseCard';
import { RESUME_FIELDS, ResumeForm, resumeFormFrom } from './ResumeForm';
import { SignInPointer } from '../../../components/SignInPointer';
import './index.scss';

type MyApplication = NonNullable<JobDetail['myApplication']>;

export default function JobDetailPage() {
  const id = useRouter().params.id ?? '';
  const detail = useAction('jobs.get', { id }, { enabled: id !== '' });
  const who = useMe();
  const job = detail.data;
  const fair = useAction('events.get', { id: job?.eventId ?? '' }, { enabled: Boolean(job?.eventId) });
  const [justMade, setJustMade] = useState<MyApplication | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  // The message shows on the page (or under the résumé's fields), not as a toast.
  const application = useMutation({ toast: false });
  const submitting = application.busy;
  const failure = application.error;
  const serverErrors = useMemo(() => fieldErrorsOf(failure, RESUME_FIELDS), [failure]);

  useShareAppMessage(() => ({
    title: job ? `${job.title}（${salaryLabel(job.salaryMin, job.salaryMax)}）· ${job.enterpriseName}` : '佘山两新服务 · 岗位',
    path: `/career/pages/job/index?id=${encodeURIComponent(id)}`,
  }));

  const apply = async (resume: Resume) => {
    void requestSubscribe('application');
    await application.run(async () => {
      const made = await callApi('applications.create', { jobId: id, resume });
      setJustMade({ id: made.id, status: made.status });
      setFormOpen(false);
      void Taro.showToast({ title: '申请已提交', icon: 'success' });
      void detail.reload();
      void who.reload();
    });
  };

  if (!id || !job) {
    return (
      <View className='job-detail'>
        <ListState
          loading={id ? detail.loading : false}
          error={id ? detail.error : new ApiFailure('NOT_FOUND', '没有指定岗位')}
          empty
          emptyText='岗位不存在'
          onRetry={() => void detail.reload()}
        />
      </View>
    );
  }

  const mine = justMade ?? job.myApplication;
  const applied = mine !== null && mine.status !== 'withdrawn';
  const underFields = serverErrors !== undefined && Object.keys(serverErrors).length > 0;

  return (
    <View className='job-detail'>
      <View className='job-detail__head'>
        <Text className='job-detail__title'>{job.title}</Text>
        <Text className='job-detail__salary'>{salaryLabel(job.salaryMin, job.salaryMax)}</Text>
        <View className='job-card__meta'>
          <Text className='job-card__category'>{JOB_CATEGORY_LABELS[job.category]}</Text>
          <Text className='job-card__district'>{DISTRICT_LABELS[job.district]}</Text>
          <Text className='job-card__headcount'>{`招 ${job.headcount} 人`}</Text>
          {job.status === 'closed' ? <Text className='job-card__status job-card__status--closed'>已停止招聘</Text> : null}
        </View>
        <BenefitTags benefits={job.benefits} className='job-detail__benefits' />
      </View>

      <View className='job-detail__section'>
        <Text className='job-detail__section-title'>工作地点</Text>
        <Text className='job-detail__text' userSelect>{`${DISTRICT_LABELS[job.district]} · ${job.place}`}</Text>
        {job.eventId ? (
          <View
            className='job-detail__fair'
            onClick={() => void Taro.navigateTo({ url: `/career/pages/fair/index?eventId=${encodeURIComponent(job.eventId ?? '')}` })}
          >
            <Text className='job-detail__fair-label'>招聘会</Text>
            <Text className='job-detail__fair-title'>
              {fair.data ? `${fair.data.title}（${formatEventTime(fair.data.startAt, fair.data.endAt)}）` : '查看招聘会'}
            </Text>
            <Text className='job-detail__arrow'>›</Text>
          </View>
        ) : null}
      </View>

      {job.requirements ? (
        <View className='job-detail__section'>
          <Text className='job-detail__section-title'>岗位要求</Text>
          <Text className='job-detail__text job-detail__requirements' userSelect>
            {job.requirements}
          </Text>
        </View>
      ) : null}

      <EnterpriseCard enterprise={job.enterprise} />

      <View className='job-detail__section job-detail__apply'>
        <Text className='job-detail__section-title'>申请</Text>
        {failure && !underFields ? <Text className='job-detail__error'>{messageOf(failure)}</Text> : null}
        {applied && mine ? (
          <View className='job-detail__mine'>
            <Text className='job-detail__applied'>我的申请</Text>
            <ApplicationStatusTag status={mine.status} />
            <Button
              className='job-detail__my-applications'
              size='mini'
              onClick={() => void Taro.navigateTo({ url: '/career/pages/applications/index' })}
            >
              我的求职
            </Button>
          </View>
        ) : job.status === 'closed' ? (
          <Text className='job-detail__hint'>该岗位已停止招聘。</Text>
        ) : !who.signedIn ? (
          <SignInPointer verb='申请' className='job-detail__login' />
        ) : !formOpen ? (
          <>
            {mine?.status === 'withdrawn' ? <Text className='job-detail__hint'>您已撤回对该岗位的申请，可以重新申请。</Text> : null}
            <Button className='job-apply btn-primary' disabled={boolAttr(submitting)} onClick={() => setFormOpen(true)}>
              {mine?.status === 'withdrawn' ? '重新申请' : '申请'}
            </Button>
          </>
        ) : who.loading && !who.me ? (
          // The form waits for the profile so it starts prefilled.
          <Text className='job-detail__hint'>加载中…</Text>
        ) : (
          <ResumeForm
            initial={resumeFormFrom(who.me?.profile.resume, who.me?.profile)}
            submitting={submitting}
            errors={serverErrors}
            onSubmit={(resume) => void apply(resume)}
            onCancel={() => {
              application.clear();
              setFormOpen(false);
            }}
          />
        )}
      </View>
    </View>
  );
}
