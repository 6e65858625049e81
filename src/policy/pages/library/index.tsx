import { useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { NoticeListItem } from '@shared/notices';
import { callApi } from '../../../api/callApi';
import { usePagedList } from '../../../api/hooks';
import { FilterTabs } from '../../../components/FilterTabs';
import { ListState } from '../../../components/ListState';
import { NoticeCard } from '../../../components/NoticeCard';
import { PagedFooter } from '../../../components/PagedFooter';
import { CATEGORY_TABS, NOTICE_KEYWORD_MAX, isCategoryFilter, libraryPayload, type CategoryFilter } from './categoryFilter';
import './index.scss';

const PAGE_SIZE = 10;

function openNotice(notice: NoticeListItem): void {
  void Taro.navigateTo({ url: `/policy/pages/notice/index?id=${encodeURIComponent(notice.id)}` });
}

/** 送政策: the policy library, by category, searchable by a Chinese keyword, newest first. */
export default function PolicyLibraryPage() {
  const param = useRouter().params.category;
  const [category, setCategory] = useState<CategoryFilter>(isCategoryFilter(param) ? param : 'all');
  const [draft, setDraft] = useState('');
  const [keyword, setKeyword] = useState('');
  const list = usePagedList(
    (cursor) => callApi('notices.list', libraryPayload(category, keyword, PAGE_SIZE, cursor)),
    `${category}:${keyword}`,
  );

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  const search = () => setKeyword(draft.trim());
  const clear = () => {
    setDraft('');
    setKeyword('');
  };

  const empty = list.items.length === 0;
  return (
    <View className='policy-library'>
      <View className='policy-library__search'>
        <Input
          className='notice-search-input'
          placeholder='搜索政策，如：社保、灵活就业'
          confirmType='search'
          maxlength={NOTICE_KEYWORD_MAX}
          value={draft}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <Button className='notice-search-submit btn-primary' size='mini' onClick={search}>
          搜索
        </Button>
      </View>
      <FilterTabs options={CATEGORY_TABS} value={category} onChange={setCategory} />
      {keyword ? (
        <View className='policy-library__summary'>
          <Text>{`“${keyword}”的搜索结果`}</Text>
          <Text className='policy-library__clear' onClick={clear}>
            清除搜索
          </Text>
        </View>
      ) : null}
      <ListState
        loading={list.loading}
        error={list.error}
        empty={empty}
        emptyText={keyword ? '没有找到相关政策，换个关键词试试' : '这个类别暂无政策'}
        onRetry={() => void list.refresh()}
      />
      {list.items.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} className='library-notice' onTap={openNotice} />
      ))}
      <PagedFooter list={list} />
    </View>
  );
}
