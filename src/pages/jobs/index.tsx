import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Job } from '@shared/recruitment';
import { callApi } from '../../api/callApi';
import { usePagedList } from '../../api/hooks';
import { JobCard } from '../../components/JobCard';
import { ListState } from '../../components/ListState';
import { PagedFooter } from '../../components/PagedFooter';
import { OptionPicker } from '../../components/form/OptionPicker';
import {
  CATEGORY_OPTIONS,
  CATEGORY_OPTION_LABELS,
  DISTRICT_OPTIONS,
  DISTRICT_OPTION_LABELS,
  NO_FILTERS,
  SALARY_FLOORS,
  SALARY_FLOOR_LABELS,
  hasFilters,
  salaryFloorOf,
  searchPayload,
  type JobFilters,
} from './jobFilters';
import './index.scss';

const PAGE_SIZE = 10;
const KEYWORD_MAX = 30;

function openJob(job: Job): void {
  void Taro.navigateTo({ url: `/career/pages/job/index?id=${encodeURIComponent(job.id)}` });
}

/** Every open job, newest first: search by a Chinese keyword, narrow by kind, district and a salary floor. */
export default function JobsPage() {
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<JobFilters>(NO_FILTERS);
  const list = usePagedList((cursor) => callApi('jobs.search', searchPayload(filters, PAGE_SIZE, cursor)), JSON.stringify(filters));

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const change = (patch: Partial<JobFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const search = () => change({ keyword: draft.trim() });
  const clear = () => {
    setDraft('');
    setFilters(NO_FILTERS);
  };

  const empty = list.items.length === 0;
  const filtered = hasFilters(filters);
  return (
    <View className='jobs-page'>
      <View className='jobs-page__search'>
        <Input
          className='job-search-input'
          placeholder='搜索岗位或企业，如：缝纫、骑手'
          confirmType='search'
          maxlength={KEYWORD_MAX}
          value={draft}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <Button className='job-search-submit btn-primary' size='mini' onClick={search}>
          搜索
        </Button>
      </View>
      <View className='jobs-page__filters'>
        <OptionPicker
          className='jobs-filter jobs-filter--category'
          options={CATEGORY_OPTIONS}
          labels={CATEGORY_OPTION_LABELS}
          value={filters.category}
          placeholder='类别'
          onChange={(category) => change({ category })}
        />
        <OptionPicker
          className='jobs-filter jobs-filter--district'
          options={DISTRICT_OPTIONS}
          labels={DISTRICT_OPTION_LABELS}
          value={filters.district}
          placeholder='地区'
          onChange={(district) => change({ district })}
        />
        <OptionPicker
          className='jobs-filter jobs-filter--salary'
          options={SALARY_FLOORS}
          labels={SALARY_FLOOR_LABELS}
          value={salaryFloorOf(filters.salaryAtLeast)}
          placeholder='月薪'
          onChange={(floor) => change({ salaryAtLeast: Number(floor) })}
        />
      </View>
      {filtered ? (
        <View className='jobs-page__summary'>
          <Text>{filters.keyword ? `“${filters.keyword}”的搜索结果` : '已按条件筛选'}</Text>
          <Text className='jobs-page__clear' onClick={clear}>
            清除条件
          </Text>
        </View>
      ) : null}
      <ListState
        loading={list.loading}
        error={list.error}
        empty={empty}
        emptyText={filtered ? '没有符合条件的岗位，换个关键词或条件试试' : '暂无岗位'}
        onRetry={() => void list.refresh()}
      />
      {list.items.map((job) => (
        <JobCard key={job.id} job={job} onTap={openJob} />
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
