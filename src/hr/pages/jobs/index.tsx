import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Job } from '@shared/recruitment';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { JobCard } from '../../../components/JobCard';
import { ListState } from '../../../components/ListState';
import { boolAttr } from '../../../utils/boolAttr';
import './index.scss';

const go = (url: string) => void Taro.navigateTo({ url });

/** The enterprise's jobs, open and closed: edit, see applicants, close or reopen. Closing keeps the applications. */
export default function HrJobsPage() {
  const jobs = useAction('jobs.mine', {});
  const change = useMutation();
  const firstShow = useRef(true);

  // Back from the editor: a job may have been posted or changed.
  useDidShow(() => {
    if (firstShow.current) {
      firstShow.current = false;
      return;
    }
    void jobs.reload();
  });
  usePullDownRefresh(() => {
    void jobs.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const toggle = async (job: Job) => {
    const closing = job.status === 'open';
    if (closing) {
      const answer = await Taro.showModal({
        title: '停止招聘',
        content: `关闭后求职者将搜不到「${job.title}」，已收到的申请会保留，可以随时重新开放。`,
        confirmText: '确认关闭',
        cancelText: '再想想',
        confirmColor: '#c8161d',
      });
      if (!answer.confirm) return;
    }
    await change.run(async () => {
      await callApi('jobs.setStatus', { id: job.id, status: closing ? 'closed' : 'open' });
      void Taro.showToast({ title: closing ? '已停止招聘' : '已重新开放', icon: 'none' });
      await jobs.reload();
    });
  };

  const items = jobs.data ?? [];
  return (
    <View className='hr-jobs'>
      <View className='hr-jobs__bar'>
        <Text className='hr-jobs__heading'>{jobs.data ? `共 ${items.length} 个岗位` : '岗位'}</Text>
        <Button className='hr-job-create btn-primary' size='mini' onClick={() => go('/hr/pages/job-edit/index')}>
          发布岗位
        </Button>
      </View>
      <ListState
        loading={jobs.loading}
        error={jobs.error}
        empty={items.length === 0}
        emptyText='还没有发布岗位'
        onRetry={() => void jobs.reload()}
      />
      {items.map((job) => (
        <JobCard key={job.id} job={job} className='hr-job' showStatus showEnterprise={false}>
          <Button className='hr-job-edit' size='mini' onClick={() => go(`/hr/pages/job-edit/index?id=${encodeURIComponent(job.id)}`)}>
            编辑
          </Button>
          <Button className='hr-job-applicants' size='mini' onClick={() => go(`/hr/pages/applicants/index?jobId=${encodeURIComponent(job.id)}`)}>
            查看应聘者
          </Button>
          <Button className='hr-job-toggle' size='mini' disabled={boolAttr(change.busy)} onClick={() => void toggle(job)}>
            {job.status === 'open' ? '停止招聘' : '重新开放'}
          </Button>
        </JobCard>
      ))}
    </View>
  );
}
