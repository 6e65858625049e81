import { ScrollView, Text, View } from '@tarojs/components';
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

/**
 * A row of filter tabs over a list; the list itself is rendered by the page, not inside the tabs. Drawn with Taro's own
 * views rather than NutUI's Tabs: those brought 38 KB (script, icons, styles) into the weapp main package for a row of
 * words, and a tab list needs nothing of their panes, swiping or animation. WeChat reads `aria-role`/`aria-selected`
 * natively; on H5 NavBar/keyboard.ts makes each tab a real tab with a tab stop.
 */
export function FilterTabs<V extends string>({ options, value, onChange }: FilterTabsProps<V>) {
  return (
    <View className='filter-tabs'>
      <ScrollView className='filter-tabs__scroll' scrollX enhanced showScrollbar={false}>
        <View className='filter-tabs__row' aria-role='tablist'>
          {options.map((o) => {
            const selected = o.value === value;
            return (
              <View
                key={o.value}
                className={`filter-tabs__tab${selected ? ' filter-tabs__tab--active' : ''}`}
                aria-role='tab'
                aria-selected={selected}
                onClick={() => {
                  if (!selected) onChange(o.value);
                }}
              >
                <Text className='filter-tabs__label'>{o.label}</Text>
              </View>
            );
          })}
        </View>
      </ScrollView>
    </View>
  );
}
