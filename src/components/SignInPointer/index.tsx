/**
 * What a signed-out visitor sees where a sign-up or application button would be: in the demo, the persona picker on 我的;
 * inside WeChat with a 公众号 configured, 微信登录 (网页授权); elsewhere a pointer to the mini-program, where people
 * sign up — H5 is read-only for them there.
 */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { canSignInWithMp, canSwitchPersona, signInWithMp } from '../../api/identity';
import './index.scss';

export function SignInPointer({ verb, className }: { verb: '报名' | '申请'; className: string }) {
  if (canSwitchPersona) {
    return (
      <View className={className}>
        <Text>选择身份登录后即可{verb}</Text>
        <Button className='go-login' size='mini' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
          去登录
        </Button>
      </View>
    );
  }
  if (canSignInWithMp) {
    return (
      <View className={className}>
        <Text>使用微信身份登录后即可{verb}</Text>
        <Button className='go-login' size='mini' onClick={signInWithMp}>
          微信登录
        </Button>
      </View>
    );
  }
  return (
    <View className={`${className} sign-in-pointer`}>
      <Text className='sign-in-pointer__title'>在微信小程序中{verb}</Text>
      <Text className='sign-in-pointer__hint'>在微信中搜索「佘山两新服务」小程序，登录后即可{verb}</Text>
    </View>
  );
}
