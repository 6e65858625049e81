import { Tabs } from '@nutui/nutui-react-taro';
import './index.scss';

export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

export interface FilterTabsProps<V extends string> {
  options: readonly FilterOption<V>[];
  value: V;
  onChange: (value: V) => void;
}

/** A row of filter tabs over a list; the list itself is rendered by the page, not inside the tabs. */
export function FilterTabs<V extends string>({ options, value, onChange }: FilterTabsProps<V>) {
  return (
    <Tabs
      className='filter-tabs'
      value={value}
      duration={0}
      onChange={(picked) => {
        const option = options.find((o) => o.value === String(picked));
        if (option && option.value !== value) onChange(option.value);
      }}
    >
      {options.map((o) => (
        <Tabs.TabPane key={o.value} title={o.label} value={o.value} />
      ))}
    </Tabs>
  );
}
