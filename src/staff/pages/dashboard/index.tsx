import { useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { halfYearOf, type DashboardFigures, type Rate } from '@shared/dashboard';
import { EVENT_TYPE_LABELS, INTENT_STATUS_LABELS, NEED_CATEGORY_LABELS } from '@shared/labels';
import type { EventType } from '@shared/events';
import type { IntentStatus } from '@shared/intents';
import type { NeedCategory } from '@shared/needs';
import { callApi } from '../../../api/callApi';
import { useAction } from '../../../api/hooks';
import { ExportButton } from '../../../components/ExportButton';
import { ListState } from '../../../components/ListState';
import { StaffOnly } from '../../StaffOnly';
import { BarChart } from '../../charts/BarChart';
import './index.scss';

const KIND_LABELS: Record<string, string> = { economic: '新经济组织', social: '新社会组织' };
const ORG_STATUS_LABELS: Record<string, string> = { active: '在营', removed: '已注销/空壳撤销', moved_out: '迁出' };
/** The distinct values, those of `order` first and in its order. */
const ordered = (values: string[], order: string[]) => [...new Set(values)].sort((a, b) => rank(order, a) - rank(order, b));
const rank = (order: string[], v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
const percent = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

export default function DashboardPage() {
  return (
    <StaffOnly>
      <Dashboard />
    </StaffOnly>
  );
}

/** The half-year figures of the committee's work (this half-year unless staff pick another period), and the report. */
function Dashboard() {
  const [period, setPeriod] = useState(() => halfYearOf(new Date()));
  const figures = useAction('dashboard.figures', period);
  usePullDownRefresh(() => {
    void figures.reload().finally(() => Taro.stopPullDownRefresh());
  });
  return (
    <View className='dashboard'>
      <View className='dashboard__period'>
        <Picker mode='date' value={period.from} onChange={(e) => setPeriod((p) => ({ ...p, from: e.detail.value }))}>
          <Text className='dashboard__date period-from'>{period.from}</Text>
        </Picker>
        <Text>至</Text>
        <Picker mode='date' value={period.to} onChange={(e) => setPeriod((p) => ({ ...p, to: e.detail.value }))}>
          <Text className='dashboard__date period-to'>{period.to}</Text>
        </Picker>
        <ExportButton label='导出半年报' className='report-export' request={() => callApi('exports.report', period)} />
      </View>
      {figures.data ? (
        <Figures f={figures.data} />
      ) : (
        <ListState loading={figures.loading} error={figures.error} empty onRetry={() => void figures.reload()} />
      )}
    </View>
  );
}

function Figures({ f }: { f: DashboardFigures }) {
  const tiles: [string, string, string][] = [
    ['组织覆盖率', percent(f.coverage.organisation), `单独组建 ${f.coverage.standalone} + 联合覆盖 ${f.coverage.joint} / 在营 ${f.coverage.organisation.denominator}`],
    ['工作覆盖率', percent(f.coverage.work), `有指导员 ${f.coverage.work.numerator} / 在营 ${f.coverage.work.denominator}`],
    ['新增组织', String(f.orgs.added), `注销/撤销空壳 ${f.orgs.removed} · 迁出 ${f.orgs.movedOut}`],
    ['新建党支部', String(f.branchesFounded), '本期单独组建'],
    ['口袋党员报到', String(f.memberReports), '本期报到人数'],
    ['入党意向', String(f.intents.received), '本期收到'],
    ['企业诉求', String(f.needs.raised), `办结 ${f.needs.closed} · 办结率 ${percent(f.needs.closure)}`],
    ['办结用时中位数', f.needs.medianDaysToClose === null ? '—' : `${f.needs.medianDaysToClose} 天`, '自提出至办结'],
  ];
  const orgKinds = ordered(f.orgs.byKindStatus.map((r) => r.kind), Object.keys(KIND_LABELS));
  const orgStatuses = ordered(f.orgs.byKindStatus.map((r) => r.status), Object.keys(ORG_STATUS_LABELS));
  return (
    <View className='dashboard__grid'>
      <View className='dashboard__tiles'>
        {tiles.map(([label, value, note]) => (
          <View key={label} className='dash-tile'>
            <Text className='dash-tile__label'>{label}</Text>
            <Text className='dash-tile__value'>{value}</Text>
            <Text className='dash-tile__note'>{note}</Text>
          </View>
        ))}
      </View>
      <BarChart
        id='chart-orgs'
        title='组织（按类型和状态，当前名册）'
        series={orgKinds.map((k) => KIND_LABELS[k] ?? k)}
        categories={orgStatuses.map((status) => ({
          label: ORG_STATUS_LABELS[status] ?? status,
          values: orgKinds.map((kind) => f.orgs.byKindStatus.find((r) => r.kind === kind && r.status === status)?.count ?? 0),
        }))}
        figures={f.orgs.byKindStatus.map((r) => ({
          label: `${KIND_LABELS[r.kind] ?? r.kind}·${ORG_STATUS_LABELS[r.status] ?? r.status}`,
          text: `${r.count} 家`,
        }))}
      />
      <BarChart
        id='chart-intents'
        title='入党意向进展'
        series={['人数']}
        categories={f.intents.byStatus.map((r) => ({ label: INTENT_STATUS_LABELS[r.status as IntentStatus] ?? r.status, values: [r.count] }))}
        figures={f.intents.byStatus.map((r) => ({ label: INTENT_STATUS_LABELS[r.status as IntentStatus] ?? r.status, text: `${r.count} 人` }))}
      />
      <BarChart
        id='chart-activities'
        title='活动（场次 · 报名 · 签到）'
        series={['报名', '签到']}
        categories={f.activities.map((a) => ({ label: EVENT_TYPE_LABELS[a.type as EventType] ?? a.type, values: [a.signups, a.attended] }))}
        figures={f.activities.map((a) => ({
          label: EVENT_TYPE_LABELS[a.type as EventType] ?? a.type,
          text: `${a.held} 场 · 报名 ${a.signups} · 签到 ${a.attended}`,
        }))}
      />
      <BarChart
        id='chart-needs'
        title='企业诉求（按类别）'
        series={['提出', '办结']}
        categories={f.needs.byCategory.map((r) => ({ label: NEED_CATEGORY_LABELS[r.category as NeedCategory] ?? r.category, values: [r.raised, r.closed] }))}
        figures={f.needs.byCategory.map((r) => ({
          label: NEED_CATEGORY_LABELS[r.category as NeedCategory] ?? r.category,
          text: `${r.raised} 条 · 办结 ${r.closed}（${percent(r.closure)}）${r.medianDaysToClose === null ? '' : ` · 中位 ${r.medianDaysToClose} 天`}`,
        }))}
      />
      <BarChart
        id='chart-suggestions'
        title='意见建议（按主题）'
        series={['条数']}
        categories={f.suggestions.map((s) => ({ label: NEED_CATEGORY_LABELS[s.topic as NeedCategory] ?? s.topic, values: [s.count] }))}
        figures={f.suggestions.map((s) => ({ label: NEED_CATEGORY_LABELS[s.topic as NeedCategory] ?? s.topic, text: `${s.count} 条` }))}
      />
    </View>
  );
}
