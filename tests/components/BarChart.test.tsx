import { render, screen } from '@testing-library/react';
import { BarChart, type BarChartProps } from '../../src/staff/charts/BarChart';
import { countTicks } from '../../src/staff/charts/drawBars';

const needs = (overrides: Partial<BarChartProps> = {}): BarChartProps => ({
  id: 'chart-needs',
  title: '企业诉求（按类别）',
  series: ['提出', '办结'],
  categories: [
    { label: '招聘用工', values: [3, 1] },
    { label: '融资', values: [1, 0] },
  ],
  figures: [
    { label: '招聘用工', text: '3 条 · 办结 1（33.3%）' },
    { label: '融资', text: '1 条 · 办结 0（0.0%）' },
  ],
  ...overrides,
});

const figureRows = () => Array.from(document.querySelectorAll('.chart-figure')).map((row) => row.textContent);

describe('BarChart', () => {
  // jsdom lays nothing out and has no 2d context: what is left is what a screen reader gets anywhere.
  it('prints every figure beside the chart and names the chart’s content for a screen reader when nothing can be drawn', () => {
    render(<BarChart {...needs()} />);
    expect(screen.getByText('企业诉求（按类别）')).toBeTruthy();
    expect(figureRows()).toEqual(['招聘用工3 条 · 办结 1（33.3%）', '融资1 条 · 办结 0（0.0%）']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('企业诉求（按类别）：招聘用工 3 条 · 办结 1（33.3%）；融资 1 条 · 办结 0（0.0%）');
  });

  it('shows the new period’s figures when they change, and leaves nothing behind when it goes', () => {
    const { rerender, unmount } = render(<BarChart {...needs()} />);
    rerender(<BarChart {...needs({ categories: [{ label: '场地', values: [2, 2] }], figures: [{ label: '场地', text: '2 条 · 办结 2（100.0%）' }] })} />);
    expect(figureRows()).toEqual(['场地2 条 · 办结 2（100.0%）']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('场地 2 条');
    unmount();
    expect(document.querySelector('.chart-card')).toBeNull();
  });

  it('says there is nothing this period, and has no chart, when there is nothing to count', () => {
    render(<BarChart {...needs({ categories: [], figures: [] })} />);
    expect(screen.getByText('本期暂无数据')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('marks the count axis in whole numbers, past the largest count', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(9)).toEqual([0, 5, 10]);
    expect(countTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(120)).toEqual([0, 50, 100, 150]);
  });
});
