import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import type { Benefit, Job } from '@shared/recruitment';
import { BENEFIT_LABELS, DISTRICT_LABELS, JOB_CATEGORY_LABELS, JOB_STATUS_LABELS, salaryLabel } from '@shared/labels';
import './index.scss';

/** The benefits of a job as small tags (五险一金, 包吃住 …); nothing when there are none. */
export function BenefitTags({ benefits, className = '' }: { benefits: readonly Benefit[]; className?: string }) {
  if (benefits.length === 0) return null;
  return (
    <View className={`benefit-tags ${className}`}>
      {benefits.map((b) => (
        <Text key={b} className={`benefit-tag benefit-tag--${b}`}>
          {BENEFIT_LABELS[b]}
        </Text>
      ))}
    </View>
  );
}

export interface JobCardProps {
  job: Job;
  /** HR lists show 招聘中 / 已关闭. */
  showStatus?: boolean;
  /** Left out where every job is the same enterprise's (HR's own list). */
  showEnterprise?: boolean;
  className?: string;
  onTap?: (job: Job) => void;
}

/** One job in a list: title and monthly salary (or 面议), kind and district, enterprise, place, benefits. */
export function JobCard({ job, showStatus = false, showEnterprise = true, className, onTap, children }: PropsWithChildren<JobCardProps>) {
  const closed = job.status === 'closed';
  return (
    <View
      className={`job-card${closed ? ' job-card--closed' : ''}${className ? ` ${className}` : ''}`}
      aria-role={onTap ? 'link' : undefined}
      onClick={onTap ? () => onTap(job) : undefined}
    >
      <View className='job-card__head'>
        <Text className='job-card__title'>{job.title}</Text>
        <Text className='job-card__salary'>{salaryLabel(job.salaryMin, job.salaryMax)}</Text>
      </View>
      <View className='job-card__meta'>
        {showStatus ? <Text className={`job-card__status job-card__status--${job.status}`}>{JOB_STATUS_LABELS[job.status]}</Text> : null}
        <Text className='job-card__category'>{JOB_CATEGORY_LABELS[job.category]}</Text>
        <Text className='job-card__district'>{DISTRICT_LABELS[job.district]}</Text>
        <Text className='job-card__headcount'>{`招 ${job.headcount} 人`}</Text>
      </View>
      {showEnterprise ? <Text className='job-card__enterprise'>{job.enterpriseName}</Text> : null}
      <Text className='job-card__place'>{job.place}</Text>
      <BenefitTags benefits={job.benefits} className='job-card__benefits' />
      {children ? <View className='job-card__actions'>{children}</View> : null}
    </View>
  );
}
