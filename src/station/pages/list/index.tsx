import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Station } from '@shared/stations';
import { distanceLabel } from '@shared/plain/stations';
import { STATION_SERVICE_LABELS } from '@shared/labels';
import { useAction } from '../../../api/hooks';
import { ListState } from '../../../components/ListState';
import { locate } from '../../locate';
import '../../station.scss';

/** 党群服务站 near the worker: nearest first once they share where they are, a plain list otherwise. */
export default function StationsPage() {
  const [near, setNear] = useState<{ lat: number; lng: number } | null>(null);
  const [asked, setAsked] = useState<'idle' | 'asking' | 'refused'>('idle');
  const stations = useAction('stations.list', near ? { near } : {});
  const share = async () => {
    setAsked('asking');
    const here = await locate();
    setNear(here);
    setAsked(here ? 'idle' : 'refused');
  };
  useEffect(() => {
    void share();
  }, []);
  usePullDownRefresh(() => {
    void stations.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const items = stations.data ?? [];
  return (
    <View className='station-page'>
      <View className='station-page__locate'>
        <Text>{near ? '已按离您由近到远排列' : asked === 'asking' ? '正在获取位置…' : asked === 'refused' ? '未获取到位置，按名称排列' : '分享位置可查看最近的服务站'}</Text>
        {!near && asked !== 'asking' ? (
          <Button size='mini' className='btn-secondary station-locate' onClick={() => void share()}>
            获取位置
          </Button>
        ) : null}
      </View>
      <ListState loading={stations.loading} error={stations.error} empty={items.length === 0} emptyText='暂无服务站' onRetry={() => void stations.reload()} />
      {items.map((s) => (
        <StationCard key={s.id} station={s} />
      ))}
    </View>
  );
}

function StationCard({ station: s }: { station: Station }) {
  return (
    <View className='station-card' aria-role='link' onClick={() => void Taro.navigateTo({ url: `/station/pages/detail/index?id=${encodeURIComponent(s.id)}` })}>
      <View className='station-card__head'>
        <Text className='station-card__name'>{s.name}</Text>
        {s.distance !== null ? <Text className='station-card__distance'>{distanceLabel(s.distance)}</Text> : null}
      </View>
      <Text className='station-card__meta'>{s.address}</Text>
      <Text className='station-card__meta'>{`开放时间：${s.hours}`}</Text>
      <View className='station-card__tags'>
        {s.services.map((t) => (
          <Text key={t} className='station-card__tag'>
            {STATION_SERVICE_LABELS[t]}
          </Text>
        ))}
      </View>
    </View>
  );
}
