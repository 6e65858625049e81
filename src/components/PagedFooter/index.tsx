import { Button, Text, View } from '@tarojs/components';
import type { PagedList } from '../../api/hooks';
import { messageOf } from '../../api/failure';
import '../ListState/index.scss';

/** Under a paged list with content: 加载更多, 加载中…, 没有更多了, or the error with 重试. Nothing while the list is empty. */
export function PagedFooter({ list }: { list: PagedList<unknown> }) {
  if (list.items.length === 0) return null;
  return (
    <View className='paged-footer'>
      {list.error ? (
        <View className='paged-footer__error'>
          <Text>{messageOf(list.error)}</Text>
          <Button size='mini' onClick={() => void list.retry()}>
            重试
          </Button>
        </View>
      ) : list.loadingMore ? (
        <Text>加载中…</Text>
      ) : list.hasMore ? (
        <Button className='load-more' size='mini' onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : (
        <Text>没有更多了</Text>
      )}
    </View>
  );
}
