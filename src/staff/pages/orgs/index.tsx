import { useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { COVERAGES, ORG_KINDS, ORG_STATUSES, type Coverage, type Org, type OrgKind, type OrgStatus } from '@shared/orgs';
import { COVERAGE_LABELS, ORG_KIND_LABELS, ORG_STATUS_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';
import { useAction, usePagedList } from '../../../api/hooks';
import { ExportButton } from '../../../components/ExportButton';
import { ListState } from '../../../components/ListState';
import { PagedFooter } from '../../../components/PagedFooter';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { StaffOnly } from '../../StaffOnly';
import { OrgTags } from './OrgTags';
import '../../../components/form/index.scss';
import '../../census.scss';

const ALL = 'all' as const;
type Any = typeof ALL;
const withAll = <V extends string>(values: readonly V[], labels: Record<V, string>, all: string) =>
  [[ALL, ...values] as (V | Any)[], { [ALL]: all, ...labels } as Record<V | Any, string>] as const;
const [KIND_OPTIONS, KIND_LABELS] = withAll(ORG_KINDS, ORG_KIND_LABELS, '全部类型');
const [STATUS_OPTIONS, STATUS_LABELS] = withAll(ORG_STATUSES, ORG_STATUS_LABELS, '全部状态');
const [COVERAGE_OPTIONS, COVERAGE_FILTER_LABELS] = withAll(COVERAGES, COVERAGE_LABELS, '全部覆盖情况');

const go = (url: string) => void Taro.navigateTo({ url });

export default function OrgsPage() {
  return (
    <StaffOnly>
      <Orgs />
    </StaffOnly>
  );
}

/** The register: search by name, code or address; filter by kind, status, coverage and grid; newest registered first. */
function Orgs() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<OrgKind | Any>(ALL);
  const [status, setStatus] = useState<OrgStatus | Any>(ALL);
  const [coverage, setCoverage] = useState<Coverage | Any>(ALL);
  const [grid, setGrid] = useState<string>(ALL);
  const grids = useAction('orgs.grids', {});
  const gridOptions = [ALL, ...(grids.data ?? []).map((g) => g.id)];
  const gridLabels: Record<string, string> = { [ALL]: '全部网格', ...Object.fromEntries((grids.data ?? []).map((g) => [g.id, g.name])) };
  const list = usePagedList(
    (cursor) =>
      callApi('orgs.list', {
        ...(q ? { q } : {}),
        ...(kind === ALL ? {} : { kind }),
        ...(status === ALL ? {} : { status }),
        ...(coverage === ALL ? {} : { coverage }),
        ...(grid === ALL ? {} : { grid }),
        limit: 20,
        ...(cursor ? { cursor } : {}),
      }),
    JSON.stringify([q, kind, status, coverage, grid]),
  );
  useDidShow(() => void list.refresh());
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  return (
    <View className='census orgs-page'>
      <View className='census__bar'>
        <Input
          className='census__search orgs-search'
          placeholder='搜索名称、统一社会信用代码或地址'
          confirmType='search'
          value={typed}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQ(typed.trim())}
          onBlur={() => setQ(typed.trim())}
        />
        <Button className='btn-primary org-create' size='mini' onClick={() => go('/staff/pages/org-edit/index')}>
          登记组织
        </Button>
        <Button className='btn-secondary org-import' size='mini' onClick={() => go('/staff/pages/org-import/index')}>
          导入摸排表
        </Button>
        <ExportButton label='导出名册' className='orgs-export' request={() => callApi('exports.orgs', {})} />
      </View>
      <View className='census__filters'>
        <OptionPicker className='orgs-kind' options={KIND_OPTIONS} labels={KIND_LABELS} value={kind} placeholder='全部类型' onChange={setKind} />
        <OptionPicker className='orgs-status' options={STATUS_OPTIONS} labels={STATUS_LABELS} value={status} placeholder='全部状态' onChange={setStatus} />
        <OptionPicker className='orgs-coverage' options={COVERAGE_OPTIONS} labels={COVERAGE_FILTER_LABELS} value={coverage} placeholder='全部覆盖情况' onChange={setCoverage} />
        <OptionPicker className='orgs-grid' options={gridOptions} labels={gridLabels} value={grid} placeholder='全部网格' onChange={setGrid} />
      </View>
      <ListState loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='没有符合条件的组织' onRetry={() => void list.refresh()} />
      <View className='census__list'>
        {list.items.map((o) => (
          <OrgCard key={o.id} org={o} />
        ))}
      </View>
      <PagedFooter list={list} />
    </View>
  );
}

function OrgCard({ org }: { org: Org }) {
  return (
    <View className='census__card org-row' aria-role='link' onClick={() => go(`/staff/pages/org-detail/index?id=${encodeURIComponent(org.id)}`)}>
      <Text className='census__name'>{org.name}</Text>
      <OrgTags org={org} />
      <Text className='census__meta'>{org.uscc ? `统一社会信用代码 ${org.uscc}` : `无统一代码：${org.usccMissingReason ?? ''}`}</Text>
      <Text className='census__meta'>
        {[org.gridName ?? '未划网格', org.instructorName ? `指导员 ${org.instructorName}` : '未派指导员', org.lastVisitOn ? `最近走访 ${org.lastVisitOn}` : '尚未走访'].join(' · ')}
      </Text>
    </View>
  );
}
