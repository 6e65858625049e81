import { Button, Text, View } from '@tarojs/components';
import { messageOf } from '../../api/failure';
import './index.scss';

export interface ListStateProps {
  loading: boolean;
  error: unknown;
  empty: boolean;
  emptyText?: string;
  onRetry: () => void;
}

/**
 * The loading, error (with 重试) and empty states every list shows; renders nothing once there is content.
 * An error with content already shown is left to a toast by the page.
 */
export function ListState({ loading, error, empty, emptyText = '暂无数据', onRetry }: ListStateProps) {
  if (!empty) return null;
  if (loading) {
    return (
      <View className='list-state list-state--loading'>
        <Text>加载中…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className='list-state list-state--error'>
        <Text className='list-state__message'>{messageOf(error)}</Text>
        <Button className='list-state__retry' size='mini' onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  return (
    <View className='list-state list-state--empty'>
      <Text>{emptyText}</Text>
    </View>
  );
}
