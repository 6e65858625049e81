import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ChoiceChipsProps<V extends string> {
  options: readonly V[];
  labels: Record<V, string>;
  value: V | null;
  onChange: (value: V | null) => void;
  /** An optional field: tapping the chosen chip again clears it. */
  clearable?: boolean;
  className?: string;
}

/** A few options shown at once, one tap to choose: quicker than a picker for two to six choices. */
export function ChoiceChips<V extends string>({ options, labels, value, onChange, clearable = false, className = '' }: ChoiceChipsProps<V>) {
  return (
    <View className={`choice-chips ${className}`}>
      {options.map((option) => {
        const active = option === value;
        return (
          <View
            key={option}
            className={`choice-chip choice-chip--${option}${active ? ' choice-chip--active' : ''}`}
            onClick={() => onChange(active && clearable ? null : option)}
          >
            <Text>{labels[option]}</Text>
          </View>
        );
      })}
    </View>
  );
}
