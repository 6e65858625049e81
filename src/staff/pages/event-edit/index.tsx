import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { EventEditor } from './EventEditor';
import './index.scss';

/** 新建活动 without `id`, 编辑活动 with one. */
export default function EventEditPage() {
  const routeId = useRouter().params.id;
  const existing = useAction('events.get', { id: routeId ?? '' }, { enabled: Boolean(routeId) });

  if (routeId && !existing.data) {
    return (
      <View className='event-editor'>
        <ListState loading={existing.loading} error={existing.error} empty emptyText='活动不存在' onRetry={() => void existing.reload()} />
      </View>
    );
  }
  return <EventEditor initial={existing.data} />;
}
