import { Text, View } from '@tarojs/components';
import type { Org } from '@shared/orgs';
import { COVERAGE_LABELS, ORG_KIND_LABELS, ORG_STATUS_LABELS } from '@shared/labels';

/** Kind, operating status (when not 在营), 组织覆盖 and 云招聘 claim, as coloured tags. */
export function OrgTags({ org }: { org: Org }) {
  return (
    <View className='census__tags'>
      <Text className={`census__tag census__tag--${org.kind}`}>{ORG_KIND_LABELS[org.kind]}</Text>
      {org.status !== 'active' ? <Text className={`census__tag census__tag--${org.status}`}>{ORG_STATUS_LABELS[org.status]}</Text> : null}
      <Text className={`census__tag census__tag--${org.coverage}`}>{COVERAGE_LABELS[org.coverage]}</Text>
      {org.claimed ? <Text className='census__tag'>已认领</Text> : null}
    </View>
  );
}
