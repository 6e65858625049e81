import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OutboxItem } from '@shared/outbox';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

/** The subscription-message templates the server writes, by what they tell the person. */
const TEMPLATE_LABELS: Record<string, string> = {
  intent_status: '入党意向进度',
  report_status: '党员报到进度',
  application_status: '求职申请进度',
  guidance_answered: '就业指导答复',
};

const DELIVERY_LABELS: Record<string, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
};

/** What the person reads: "您的入党意向：已联系", and the reason when it was closed. */
function messageText(item: OutboxItem): string {
  const { what, status, reason } = item.data;
  const head = what && status ? `您的${what}：${status}` : Object.values(item.data).join('，');
  return reason ? `${head}（原因：${reason}）` : head;
}

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
            <Text className='outbox-row__template'>{TEMPLATE_LABELS[item.template] ?? item.template}</Text>
            <Text className='outbox-row__delivery'>{DELIVERY_LABELS[item.status] ?? item.status}</Text>
          </View>
          <Text className='outbox-row__message'>{messageText(item)}</Text>
          <Text className='outbox-row__meta'>{`${formatDateTime(item.createdAt)} · 发给 ${item.openid}`}</Text>
        </View>
      ))}
    </View>
  );
}
