import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './PolicyBanner.scss';

/** 送政策 from the 活动 tab: the policy library sits one tap away (its subpackage is preloaded from this tab). */
export function PolicyBanner() {
  return (
    <View className='policy-banner' aria-role='link' onClick={() => void Taro.navigateTo({ url: '/policy/pages/library/index' })}>
      <View className='policy-banner__text'>
        <Text className='policy-banner__title'>送政策 · 政策库</Text>
        <Text className='policy-banner__hint'>就业创业、社保医保、人才政策一查就知</Text>
      </View>
      <Text className='policy-banner__go'>查看 ›</Text>
    </View>
  );
}
