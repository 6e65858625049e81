import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { STATION_SERVICE_LABELS } from '@shared/labels';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { formatDateTime } from '../../../utils/time';
import { openMap } from '../../openMap';
import '../../station.scss';

/** A station: what it offers, when it is open, how to get there, and its coming events. */
export default function StationDetailPage() {
  const id = useRouter().params.id ?? '';
  const station = useAction('stations.get', { id });
  const s = station.data;
  if (!s) return <ListState loading={station.loading} error={station.error} empty onRetry={() => void station.reload()} />;
  return (
    <View className='station-page'>
      <View className='station-card station-card--detail'>
        <Text className='station-card__name'>{s.name}</Text>
        <Text className='station-card__meta'>{`承办：${s.host}`}</Text>
        <Text className='station-card__meta'>{`地址：${s.address}`}</Text>
        <Text className='station-card__meta'>{`开放时间：${s.hours}`}</Text>
        {s.phone ? <Text className='station-card__meta' userSelect>{`电话：${s.phone}`}</Text> : null}
        <View className='station-card__tags'>
          {s.services.map((t) => (
            <Text key={t} className='station-card__tag'>
              {STATION_SERVICE_LABELS[t]}
            </Text>
          ))}
        </View>
        {s.intro ? <Text className='station-card__intro'>{s.intro}</Text> : null}
        <View className='station-card__actions'>
          <Button size='mini' className='btn-primary station-map' onClick={() => openMap(s)}>
            查看地图 / 导航
          </Button>
          {s.phone ? (
            <Button size='mini' className='btn-secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: s.phone as string })}>
              拨打电话
            </Button>
          ) : null}
        </View>
      </View>
      <Text className='station-page__heading' aria-role='heading' aria-level='2'>
        近期活动
      </Text>
      {s.events.length === 0 ? <Text className='station-page__empty'>暂无在本站举办的活动</Text> : null}
      {s.events.map((e) => (
        <View key={e.id} className='station-event' aria-role='link' onClick={() => void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(e.id)}` })}>
          <Text className='station-event__title'>{e.title}</Text>
          <Text className='station-card__meta'>{`${formatDateTime(e.startAt)} · ${e.location}`}</Text>
        </View>
      ))}
    </View>
  );
}
