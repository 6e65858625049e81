import { Text, View } from '@tarojs/components';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the number: "办结 8", "签到 120". */
  note?: string;
}

/**
 * A horizontal bar chart drawn with plain views: the same on weapp and H5, nothing to load, and the number is printed
 * beside every bar, so the chart is only a reading aid for the figure next to it.
 */
export function Bars({ title, bars, unit = '' }: { title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className='dash-card'>
      <Text className='dash-card__title' aria-role='heading' aria-level='2'>
        {title}
      </Text>
      {bars.length === 0 ? <Text className='dash-card__empty'>本期暂无数据</Text> : null}
      {bars.map((b) => (
        <View key={b.label} className='dash-bar'>
          <Text className='dash-bar__label'>{b.label}</Text>
          <View className='dash-bar__track' aria-hidden='true'>
            <View className='dash-bar__fill' style={{ width: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className='dash-bar__value'>{`${b.value}${unit}${b.note ? ` · ${b.note}` : ''}`}</Text>
        </View>
      ))}
    </View>
  );
}
