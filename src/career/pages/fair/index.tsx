import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useRouter, useShareAppMessage } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { Enterprise, Job } from '@shared/recruitment';
import { ENTERPRISE_SIZE_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { ApiFailure } from '../../../api/failure';
import { useAction, usePagedList } from '../../../api/hooks';
import { FilterTabs, type FilterOption } from '../../../components/FilterTabs';
import { JobCard } from '../../../components/JobCard';
import { ListState } from '../../../components/ListState';
import { PagedFooter } from '../../../components/PagedFooter';
import { logoSrc } from '../../../components/recruitment/logoSrc';
import { formatEventTime } from '../../../utils/time';
import './index.scss';

type Tab = 'jobs' | 'enterprises';
const PAGE_SIZE = 10;

function openJob(job: Job): void {
  void Taro.navigateTo({ url: `/career/pages/job/index?id=${encodeURIComponent(job.id)}` });
}

/** A recruitment fair's enterprises (approved to take part) and their jobs; tapping an enterprise shows only its jobs. */
export default function FairPage() {
  const eventId = useRouter().params.eventId ?? '';
  const event = useAction('events.get', { id: eventId }, { enabled: eventId !== '' });
  const enterprises = useAction('fairs.enterprises', { eventId }, { enabled: eventId !== '' });
  const [tab, setTab] = useState<Tab>('jobs');
  const [only, setOnly] = useState<Enterprise | null>(null);
  const jobs = usePagedList(
    (cursor) =>
      callApi('jobs.search', {
        eventId,
        limit: PAGE_SIZE,
        ...(only ? { enterpriseId: only.id } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    `${eventId}:${only?.id ?? ''}`,
  );

  useShareAppMessage(() => ({
    title: event.data ? `${event.data.title} · 参会企业与岗位` : '招聘会 · 参会企业与岗位',
    path: `/career/pages/fair/index?eventId=${encodeURIComponent(eventId)}`,
  }));
  usePullDownRefresh(() => {
    void Promise.all([event.reload(), enterprises.reload(), jobs.refresh()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (tab === 'jobs' && jobs.hasMore) void jobs.loadMore();
  });

  if (!eventId) {
    return (
      <View className='fair-page'>
        <ListState loading={false} error={new ApiFailure('NOT_FOUND', '没有指定招聘会')} empty onRetry={() => void Taro.navigateBack()} />
      </View>
    );
  }

  const companies = enterprises.data ?? [];
  const tabs: readonly FilterOption<Tab>[] = [
    { value: 'jobs', label: '岗位' },
    { value: 'enterprises', label: enterprises.data ? `参会企业（${companies.length}）` : '参会企业' },
  ];

  return (
    <View className='fair-page'>
      {event.data ? (
        <View className='fair-page__head' onClick={() => void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(eventId)}` })}>
          <Text className='fair-page__title'>{event.data.title}</Text>
          <Text className='fair-page__meta'>{formatEventTime(event.data.startAt, event.data.endAt)}</Text>
          <Text className='fair-page__meta'>{event.data.location}</Text>
          <Text className='fair-page__more'>活动详情与报名 ›</Text>
        </View>
      ) : (
        <ListState loading={event.loading} error={event.error} empty emptyText='招聘会不存在' onRetry={() => void event.reload()} />
      )}

      <FilterTabs options={tabs} value={tab} onChange={setTab} />

      {tab === 'jobs' ? (
        <>
          {only ? (
            <View className='fair-page__only'>
              <Text>{`只看：${only.name}`}</Text>
              <Text className='fair-page__only-clear' onClick={() => setOnly(null)}>
                查看全部岗位
              </Text>
            </View>
          ) : null}
          <ListState
            loading={jobs.loading}
            error={jobs.error}
            empty={jobs.items.length === 0}
            emptyText='本场招聘会暂无岗位'
            onRetry={() => void jobs.refresh()}
          />
          {jobs.items.map((job) => (
            <JobCard key={job.id} job={job} onTap={openJob} />
          ))}
          <PagedFooter list={jobs} />
        </>
      ) : (
        <>
          <ListState
            loading={enterprises.loading}
            error={enterprises.error}
            empty={companies.length === 0}
            emptyText='暂无企业参会'
            onRetry={() => void enterprises.reload()}
          />
          {companies.map((company) => {
            const logo = logoSrc(company.logo);
            const facts = [company.industry, company.size ? ENTERPRISE_SIZE_LABELS[company.size] : null].filter(Boolean).join(' · ');
            return (
              <View
                key={company.id}
                className='fair-enterprise'
                onClick={() => {
                  setOnly(company);
                  setTab('jobs');
                }}
              >
                {logo ? <Image className='fair-enterprise__logo' src={logo} mode='aspectFit' nativeProps={{ alt: `${company.name}的标志` }} /> : <View className='fair-enterprise__logo fair-enterprise__logo--none' />}
                <View className='fair-enterprise__main'>
                  <Text className='fair-enterprise__name'>{company.name}</Text>
                  {facts ? <Text className='fair-enterprise__facts'>{facts}</Text> : null}
                  {company.address ? <Text className='fair-enterprise__facts'>{company.address}</Text> : null}
                </View>
                <Text className='fair-enterprise__jobs'>看岗位 ›</Text>
              </View>
            );
          })}
        </>
      )}
    </View>
  );
}
