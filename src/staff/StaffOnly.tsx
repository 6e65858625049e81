import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { canSwitchPersona } from '../api/identity';
import { useMe } from '../api/useMe';
import { ListState, HOME_PAGE, LOGIN_PAGE } from '../components/ListState';
import './StaffOnly.scss';

/**
 * Staff pages show their menu only to staff: anyone else learns what the page is for and how to get on
 * (log in, or go back), instead of a menu whose every entry fails.
 */
export function StaffOnly({ children }: { children: ReactNode }) {
  const who = useMe();
  const roles = who.me?.roles ?? [];
  if (roles.includes('staff') || roles.includes('admin')) return <>{children}</>;
  if (who.signedIn && !who.me) {
    return <ListState loading={who.loading} error={who.error} empty emptyText='' onRetry={() => void who.reload()} />;
  }
  const back = () => (Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : void Taro.reLaunch({ url: HOME_PAGE }));
  return (
    <View className='staff-only'>
      <Text className='staff-only__title' aria-role='heading' aria-level='2'>
        需要工作人员权限
      </Text>
      <Text className='staff-only__hint'>
        {who.signedIn ? '当前身份没有工作人员权限。如需开通，请联系综合党委管理员。' : '工作台仅对综合党委工作人员开放，请先登录。'}
      </Text>
      <View className='staff-only__actions'>
        {who.signedIn && !canSwitchPersona ? null : (
          <Button className='btn-primary staff-only__login' onClick={() => void Taro.switchTab({ url: LOGIN_PAGE })}>
            去登录
          </Button>
        )}
        <Button className='staff-only__back' onClick={back}>
          返回
        </Button>
      </View>
    </View>
  );
}
