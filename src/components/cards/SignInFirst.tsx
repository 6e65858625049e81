import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import './index.scss';

/** Shown instead of a personal page before its person has logged in: what they came to do, and the way to 我的. */
export function SignInFirst({ then }: { then: string }) {
  return (
    <View className='followup-card followup-page__login'>
      <Text>{`请先在“我的”中登录，再${then}`}</Text>
      <Button className='go-login' size='mini' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
        去登录
      </Button>
    </View>
  );
}
