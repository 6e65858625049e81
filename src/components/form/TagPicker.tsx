import { Text, View } from '@tarojs/components';
import './index.scss';

export interface TagPickerProps<V extends string> {
  options: readonly V[];
  labels: Record<V, string>;
  value: readonly V[];
  onChange: (value: V[]) => void;
  className?: string;
}

/** Several choices at once (a job's benefits): a tap adds or removes one; the order stays the options' order. */
export function TagPicker<V extends string>({ options, labels, value, onChange, className = '' }: TagPickerProps<V>) {
  const toggle = (option: V) => {
    const chosen = new Set(value);
    if (chosen.has(option)) chosen.delete(option);
    else chosen.add(option);
    onChange(options.filter((o) => chosen.has(o)));
  };
  return (
    <View className={`choice-chips tag-picker ${className}`}>
      {options.map((option) => {
        const active = value.includes(option);
        return (
          <View
            key={option}
            className={`choice-chip tag-picker__tag tag-picker__tag--${option}${active ? ' choice-chip--active' : ''}`}
            onClick={() => toggle(option)}
          >
            <Text>{active ? `✓ ${labels[option]}` : labels[option]}</Text>
          </View>
        );
      })}
    </View>
  );
}
