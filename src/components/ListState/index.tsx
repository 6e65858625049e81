import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ApiFailure, messageOf } from '../../api/failure';
import './index.scss';

export interface ListStateProps {
  loading: boolean;
  error: unknown;
  empty: boolean;
  emptyText?: string;
  onRetry: () => void;
}

export const HOME_PAGE = '/pages/events/index';
export const LOGIN_PAGE = '/pages/me/index';
export const GONE_MESSAGE = '内容不存在或已删除';

const goHome = () => void Taro.reLaunch({ url: HOME_PAGE });
const goLogin = () => void Taro.switchTab({ url: LOGIN_PAGE });

/**
 * The loading, error and empty states every list shows; renders nothing once there is content.
 * Retrying cannot bring back what is gone or unlock what is refused, so those offer a way on instead of 重试.
 * An error with content already shown is left to a toast by the page.
 */
export function ListState({ loading, error, empty, emptyText = '暂无数据', onRetry }: ListStateProps) {
  if (!empty) return null;
  if (loading) {
    return (
      <View className='list-state list-state--loading' aria-live='polite'>
        <Text>加载中…</Text>
      </View>
    );
  }
  if (error) {
    const code = error instanceof ApiFailure ? error.code : null;
    if (code === 'NOT_FOUND') return <Dead message={GONE_MESSAGE} action='返回首页' onAction={goHome} />;
    if (code === 'UNAUTHENTICATED') return <Dead message='请先登录后再查看' action='去登录' onAction={goLogin} />;
    if (code === 'FORBIDDEN') return <Dead message={messageOf(error)} action='返回首页' onAction={goHome} />;
    return <Dead message={messageOf(error)} action='重试' onAction={onRetry} className='list-state__retry' />;
  }
  return (
    <View className='list-state list-state--empty'>
      <Text>{emptyText}</Text>
    </View>
  );
}

function Dead({ message, action, onAction, className = 'list-state__way-on' }: { message: string; action: string; onAction: () => void; className?: string }) {
  return (
    <View className='list-state list-state--error' aria-live='polite'>
      <Text className='list-state__message'>{message}</Text>
      <Button className={className} size='mini' onClick={onAction}>
        {action}
      </Button>
    </View>
  );
}
