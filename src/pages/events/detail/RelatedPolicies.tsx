import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PolicyLink } from '@shared/notices';
import { NOTICE_CATEGORY_LABELS } from '@shared/labels';
import './RelatedPolicies.scss';

/** 相关政策: the published notices this event is about; nothing when there are none. */
export function RelatedPolicies({ policies }: { policies: readonly PolicyLink[] }) {
  if (!policies.length) return null;
  return (
    <View className='event-detail__section related-policies'>
      <Text className='event-detail__section-title'>相关政策</Text>
      {policies.map((p) => (
        <View
          key={p.id}
          className='related-policy'
          aria-role='link'
          onClick={() => void Taro.navigateTo({ url: `/policy/pages/notice/index?id=${encodeURIComponent(p.id)}` })}
        >
          <Text className='related-policy__category'>{NOTICE_CATEGORY_LABELS[p.category]}</Text>
          <Text className='related-policy__title'>{p.title}</Text>
          <Text className='related-policy__arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}
