import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { messageOf } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import './FairSection.scss';

/** How many enterprise names the section lists before "等". */
const NAMES_SHOWN = 3;

/** On a recruitment fair's page: which enterprises take part, and the way to their jobs. */
export function FairSection({ eventId }: { eventId: string }) {
  const enterprises = useAction('fairs.enterprises', { eventId });
  const open = () => void Taro.navigateTo({ url: `/career/pages/fair/index?eventId=${encodeURIComponent(eventId)}` });

  const list = enterprises.data ?? [];
  const names = list.slice(0, NAMES_SHOWN).map((e) => e.name).join('、');
  return (
    <View className='event-detail__section fair-section'>
      <Text className='event-detail__section-title'>参会企业与岗位</Text>
      {enterprises.data ? (
        <Text className='fair-section__summary'>
          {list.length === 0 ? '参会企业正在确定中，岗位发布后可在线申请。' : `${list.length} 家企业参会：${names}${list.length > NAMES_SHOWN ? ' 等' : ''}`}
        </Text>
      ) : enterprises.error ? (
        <View className='fair-section__error'>
          <Text>{messageOf(enterprises.error)}</Text>
          <Button size='mini' onClick={() => void enterprises.reload()}>
            重试
          </Button>
        </View>
      ) : (
        <Text className='fair-section__summary'>加载中…</Text>
      )}
      <View className='fair-section__link fair-jobs-entry' onClick={open}>
        <Text>查看参会企业和岗位，在线申请</Text>
        <Text className='fair-section__arrow'>›</Text>
      </View>
    </View>
  );
}
