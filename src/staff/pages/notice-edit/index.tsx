import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { NoticeEditor } from './NoticeEditor';
import '../../../components/cards/index.scss';
import { StaffOnly } from '../../StaffOnly';
import './index.scss';

const EVENTS_SHOWN = 50;

/** 新建政策 without `id`, 编辑政策 with one. */
export default function NoticeEditPage() {
  return (
    <StaffOnly>
      <NoticeEdit />
    </StaffOnly>
  );
}

function NoticeEdit() {
  const routeId = useRouter().params.id;
  const existing = useAction('notices.get', { id: routeId ?? '' }, { enabled: Boolean(routeId) });
  const events = useAction('events.list', { status: 'published', limit: EVENTS_SHOWN });

  // The editor starts from the loaded notice (or an empty form) and is never refilled after it appears.
  if (routeId && !existing.data) {
    return (
      <View className='notice-editor'>
        <ListState loading={existing.loading} error={existing.error} empty emptyText='政策不存在' onRetry={() => void existing.reload()} />
      </View>
    );
  }
  return <NoticeEditor initial={existing.data} events={(events.data?.items ?? []).map((e) => ({ id: e.id, title: e.title }))} />;
}
