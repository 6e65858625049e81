import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS } from '@shared/labels';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { formatDateTime } from '../../../utils/time';
import { preview, recipientText } from './preview';
import './index.scss';

const DELIVERY_LABELS: Record<string, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
};

/** The newest notifications (up to 50): what people were told, and whether it has gone out. */
export default function OutboxPage() {
  const outbox = useAction('outbox.list', {});
  usePullDownRefresh(() => {
    void outbox.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const items = outbox.data ?? [];
  return (
    <View className='outbox'>
      <Text className='outbox__intro'>状态变更时系统会给本人发送订阅消息。本地演示环境不会真正发送，这里列出最近 50 条。</Text>
      <ListState loading={outbox.loading} error={outbox.error} empty={items.length === 0} emptyText='还没有通知' onRetry={() => void outbox.reload()} />
      {items.map((item) => (
        <View key={item.id} className={`outbox-row outbox-row--${item.status}`}>
          <View className='outbox-row__head'>
            <Text className='outbox-row__template'>{NOTICE_KIND_LABELS[item.template] ?? '系统通知'}</Text>
            <Text className='outbox-row__delivery'>{DELIVERY_LABELS[item.status] ?? '处理中'}</Text>
          </View>
          <Text className='outbox-row__message'>{preview(item)}</Text>
          <Text className='outbox-row__meta'>{`${formatDateTime(item.createdAt)} · 发给 ${recipientText(item)}`}</Text>
          {/* For an operator tracing a delivery in WeChat's console: the openid is copied, never shown. */}
          <Text className='outbox-row__copy' aria-role='button' onClick={() => void Taro.setClipboardData({ data: item.openid })}>
            复制用户标识
          </Text>
        </View>
      ))}
    </View>
  );
}
