import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { OrgDetail } from '@shared/orgs';
import { COVERAGE_LABELS, NEED_CATEGORY_LABELS, ORG_CHANGE_SOURCE_LABELS, ORG_FIELD_LABELS, ORG_KIND_LABELS, ORG_STATUS_LABELS } from '@shared/labels';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { formatDateTime } from '../../../utils/time';
import { StaffOnly } from '../../StaffOnly';
import { OrgTags } from '../orgs/OrgTags';
import '../../census.scss';

const go = (url: string) => void Taro.navigateTo({ url });

export default function OrgDetailPage() {
  return (
    <StaffOnly>
      <Detail />
    </StaffOnly>
  );
}

/** One organisation: its census fields, both coverages, every change as a timeline, and its visits. */
function Detail() {
  const id = useRouter().params.id ?? '';
  const org = useAction('orgs.get', { id });
  useDidShow(() => {
    if (org.data) void org.reload();
  });
  if (!org.data) return <ListState loading={org.loading} error={org.error} empty onRetry={() => void org.reload()} />;
  const o = org.data;
  return (
    <View className='census org-detail'>
      <View className='census__card'>
        <Text className='census__name' aria-role='heading' aria-level='1'>
          {o.name}
        </Text>
        <OrgTags org={o} />
      </View>
      <View className='census__actions'>
        <Button className='btn-primary org-edit' size='mini' onClick={() => go(`/staff/pages/org-edit/index?id=${encodeURIComponent(o.id)}`)}>
          修改
        </Button>
        <Button className='btn-secondary visit-create' size='mini' onClick={() => go(`/staff/pages/visit-edit/index?orgId=${encodeURIComponent(o.id)}`)}>
          记录走访
        </Button>
      </View>
      <Text className='census__section'>基本情况</Text>
      <Fields rows={basics(o)} />
      <Text className='census__section'>两个覆盖</Text>
      <Fields rows={coverage(o)} />
      <Text className='census__section'>{`走访记录（${o.visits.length}）`}</Text>
      {o.visits.length ? (
        <View className='census__timeline org-visits'>
          {o.visits.map((v) => (
            <View key={v.id} className='census__step'>
              <Text className='census__when'>{`${v.date} · ${v.visitorName}`}</Text>
              <Text>{v.findings}</Text>
              {v.problems.map((p, i) => (
                <Text key={i} className='census__change'>{`问题（${NEED_CATEGORY_LABELS[p.category]}）：${p.text}`}</Text>
              ))}
            </View>
          ))}
        </View>
      ) : (
        <Text className='census__empty'>尚未走访</Text>
      )}
      <Text className='census__section'>变更记录</Text>
      <View className='census__timeline org-history'>
        {[...o.history].reverse().map((h, i) => (
          <View key={i} className='census__step'>
            <Text className='census__when'>{`${formatDateTime(h.at)} · ${h.actorName} · ${ORG_CHANGE_SOURCE_LABELS[h.source]}`}</Text>
            <Text>{`${ORG_FIELD_LABELS[h.field] ?? h.field}：${h.before ?? '（空）'} → ${h.after ?? '（空）'}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Fields({ rows }: { rows: [string, string | number | null][] }) {
  return (
    <View className='census__fields'>
      {rows.map(([label, value]) => (
        <View key={label} className='census__field'>
          <Text className='census__label'>{label}</Text>
          <Text className='census__value' userSelect>
            {value === null || value === '' ? '—' : String(value)}
          </Text>
        </View>
      ))}
    </View>
  );
}

const basics = (o: OrgDetail): [string, string | number | null][] => [
  ['统一社会信用代码', o.uscc ?? `无（${o.usccMissingReason ?? ''}）`],
  ['类型', ORG_KIND_LABELS[o.kind]],
  ['行业', o.industry],
  ['地址', o.address],
  ['党建网格', o.gridName],
  ['从业人数', o.employees],
  ['党员人数', o.partyMembers],
  ['经营状态', o.statusChangedOn ? `${ORG_STATUS_LABELS[o.status]}（${o.statusChangedOn} 起）` : ORG_STATUS_LABELS[o.status]],
  ['登记时间', formatDateTime(o.createdAt)],
];

const coverage = (o: OrgDetail): [string, string | number | null][] => [
  ['组织覆盖', COVERAGE_LABELS[o.coverage]],
  ...(o.coverage === 'standalone' ? ([['党组织', o.branchName], ['成立日期', o.branchFoundedOn]] as [string, string | null][]) : []),
  ...(o.coverage === 'joint' ? ([['联合党组织', o.jointOrgName]] as [string, string | null][]) : []),
  ['工作覆盖：指导员', o.instructorName],
  ['最近走访', o.lastVisitOn],
];
