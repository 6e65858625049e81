import { Text, View } from '@tarojs/components';
import { ChartCanvas } from './ChartCanvas';
import { chartHeight, drawBars, type ChartCategory } from './drawBars';
import './charts.scss';

/** A figure printed beside the chart: "新经济组织·在营" "12 家". */
export interface ChartFigure {
  label: string;
  text: string;
}

export interface BarChartProps {
  /** The canvas's id: unique on the page, letters, digits and dashes. */
  id: string;
  title: string;
  /** What the bars show: one name per value of each category (报名, 签到). */
  series: string[];
  categories: ChartCategory[];
  /** The numbers, as text: what a screen reader, a test and a person copying the figure read. */
  figures: ChartFigure[];
}

/**
 * A card with a bar chart drawn by F2 and the figures as text beside it. The chart is a reading aid: where nothing
 * can be drawn (no 2d context) the figures are all there is, and they are all that is needed.
 */
export function BarChart({ id, title, series, categories, figures }: BarChartProps) {
  const spec = { series, categories };
  const summary = `${title}：${figures.map((f) => `${f.label} ${f.text}`).join('；')}`;
  return (
    <View className='chart-card'>
      <Text className='chart-card__title' aria-role='heading' aria-level='2'>
        {title}
      </Text>
      {categories.length === 0 ? (
        <Text className='chart-card__empty'>本期暂无数据</Text>
      ) : (
        <ChartCanvas id={id} height={chartHeight(spec)} label={summary} drawKey={JSON.stringify(spec)} draw={(surface) => drawBars(surface, spec)} />
      )}
      <View className='chart-card__figures'>
        {figures.map((f) => (
          <View key={f.label} className='chart-figure'>
            <Text className='chart-figure__label'>{f.label}</Text>
            <Text className='chart-figure__value'>{f.text}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
