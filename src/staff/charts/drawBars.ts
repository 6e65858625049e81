/**
 * Horizontal bar charts drawn by AntV F2 on any CanvasRenderingContext2D: a weapp canvas-2d node's or an H5
 * <canvas>'s. F2's own JSX is called as plain functions here, so React's JSX setting never meets it.
 */
import { Axis, Canvas, Chart, Interval, Legend, jsx, type CanvasProps } from '@antv/f2';

/** F2's element factory, checked against the component's own props (F2's `jsx` types them loosely only for its JSX). */
type PropsOf<C> = C extends new (props: infer P, ...rest: never[]) => unknown ? P : never;
const element = <C>(type: C, props: PropsOf<C>) => jsx(type as never, props);

/** Where a chart is drawn: a 2d context and the canvas's size in CSS pixels. */
export interface ChartSurface {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  /** A spare 2d canvas for measuring text: F2 makes its own from `document` in a browser, which weapp has not. */
  offscreenCanvas?: CanvasProps['offscreenCanvas'];
  /** The canvas node's own frame timer (weapp has no global one). */
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
}

/** One bar group: its label on the axis and one number per series. */
export interface ChartCategory {
  label: string;
  values: number[];
}

export interface BarChartSpec {
  /** Names of the series, in the order of each category's values; one series draws no legend. */
  series: string[];
  categories: ChartCategory[];
}

/** The app's red first; the second is a dark gold. Both stand out from white by more than 4.5:1. */
export const SERIES_COLORS = ['#c8161d', '#8a5a00', '#4a4a4a'];
const TEXT_COLOR = '#333333';
const GRID_COLOR = '#e0e0e0';

const ROW_HEIGHT = 32;
const GROUPED_ROW_HEIGHT = 44;
const AXIS_HEIGHT = 36;
const LEGEND_HEIGHT = 30;
/** CSS px from which a chart is on a PC's card rather than a phone. */
const WIDE_CHART = 480;

/** The canvas height (CSS px) that gives every bar group the same room, whatever the number of categories. */
export function chartHeight(spec: BarChartSpec): number {
  const perRow = spec.series.length > 1 ? GROUPED_ROW_HEIGHT : ROW_HEIGHT;
  return spec.categories.length * perRow + AXIS_HEIGHT + (spec.series.length > 1 ? LEGEND_HEIGHT : 0);
}

/** Whole-number ticks (1, 2 or 5 × 10ⁿ apart) from 0 past the largest value: counts never show as 2.5. */
export function countTicks(largest: number, wanted = 4): number[] {
  const raw = Math.max(1, largest) / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const top = Math.ceil(Math.max(1, largest) / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return ticks;
}

/** Draws the chart on the surface; the returned function destroys it (and blanks the canvas). */
export function drawBars(surface: ChartSurface, spec: BarChartSpec): () => void {
  const grouped = spec.series.length > 1;
  const colors = spec.series.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]);
  // A transposed chart puts the first category, and the first bar of a group, at the bottom: both are fed in
  // reverse so that the chart reads top-down in the order of the figures and of the legend.
  const data = [...spec.categories]
    .reverse()
    .flatMap((c) => spec.series.map((series, i) => ({ label: c.label, series, value: c.values[i] ?? 0 })).reverse());
  const ticks = countTicks(Math.max(0, ...data.map((d) => d.value)));

  const chart = element(Chart, {
    data,
    coord: { transposed: true },
    style: { padding: ['16px', '40px', '8px', '16px'] },
    scale: { value: { min: 0, max: ticks[ticks.length - 1], ticks }, label: { type: 'cat' } },
    children: [
      element(Axis, { field: 'label', style: { label: { fill: TEXT_COLOR, fontSize: '24px' }, line: { stroke: GRID_COLOR } } }),
      element(Axis, {
        field: 'value',
        formatter: (v: number) => String(Math.round(v)),
        style: { label: { fill: TEXT_COLOR, fontSize: '22px' }, grid: { stroke: GRID_COLOR, lineWidth: '1px' } },
      }),
      element(Interval, {
        x: 'label',
        y: 'value',
        color: grouped ? { field: 'series', range: [...colors].reverse() } : colors[0],
        adjust: grouped ? 'dodge' : undefined,
        // F2 gives a dodged group the width of one bar when sizeRatio is set: share it out between the series.
        sizeRatio: grouped ? 0.8 / spec.series.length : 0.55,
      }),
      grouped
        ? element(Legend, {
            position: 'top',
            layoutMode: 'adaptive',
            items: spec.series.map((name, i) => ({ name, color: colors[i] })),
            marker: 'square',
            clickable: false,
            style: { justifyContent: 'flex-start' },
            itemStyle: { padding: ['6px', '32px', '6px', 0] },
            nameStyle: { fill: TEXT_COLOR, fontSize: '24px' },
          })
        : null,
    ],
  });

  // G redraws on every frame until destroyed, but its destroy cancels the loop through the global
  // cancelAnimationFrame rather than the one it is given (g-lite 1.2): on weapp that misses the canvas node's frame,
  // and the loop would go on drawing a destroyed chart. The loop is ended here instead.
  let drawing = true;
  const nextFrame = surface.requestAnimationFrame ?? ((callback: () => void) => window.requestAnimationFrame(callback));
  const props = {
    context: surface.context,
    width: surface.width,
    height: surface.height,
    pixelRatio: surface.pixelRatio,
    // Sizes above are on the 750-wide design like the rest of the app (F2's default reads the page's rem instead,
    // which Taro's H5 sets to its own base); a chart as wide as a PC's card gets larger text.
    px2hd: (px: number) => px * (surface.width >= WIDE_CHART ? 0.65 : 0.5),
    animate: false,
    offscreenCanvas: surface.offscreenCanvas,
    requestAnimationFrame: (callback: () => void) => nextFrame(() => drawing && callback()),
    cancelAnimationFrame: surface.cancelAnimationFrame,
    children: chart,
  };
  const canvas = new Canvas(props as CanvasProps);
  void canvas.render();
  return () => {
    drawing = false;
    canvas.destroy();
  };
}
