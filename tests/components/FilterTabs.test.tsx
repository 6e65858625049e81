import { fireEvent, render, screen } from '@testing-library/react';
import { FilterTabs } from '../../src/components/FilterTabs';

const OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'training', label: '培训' },
  { value: 'salon', label: '人才会客厅' },
] as const;

describe('FilterTabs', () => {
  it('when a person taps another tab, then the list is asked to filter by it; tapping the current tab asks nothing', () => {
    const onChange = jest.fn();
    render(<FilterTabs options={OPTIONS} value='all' onChange={onChange} />);

    fireEvent.click(screen.getByText('人才会客厅'));
    fireEvent.click(screen.getByText('全部'));

    expect(onChange.mock.calls).toEqual([['salon']]);
  });

  it('when a filter is chosen, then exactly that tab reads as selected to a screen reader', () => {
    render(<FilterTabs options={OPTIONS} value='training' onChange={() => undefined} />);

    const selected = screen.getAllByText(/全部|培训|人才会客厅/).map((label) => [label.textContent, label.closest('[aria-selected]')?.getAttribute('aria-selected')]);
    expect(selected).toEqual([
      ['全部', 'false'],
      ['培训', 'true'],
      ['人才会客厅', 'false'],
    ]);
  });
});
