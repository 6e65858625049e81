import { Picker, Text } from '@tarojs/components';
import { boolAttr } from '../../utils/boolAttr';
import './index.scss';

export interface OptionPickerProps<V extends string> {
  options: readonly V[];
  labels: Record<V, string>;
  value: V | null;
  placeholder: string;
  onChange: (value: V) => void;
  disabled?: boolean;
  className?: string;
}

/** A native selector over a closed list of options, showing the chosen label or a grey placeholder. */
export function OptionPicker<V extends string>({ options, labels, value, placeholder, onChange, disabled = false, className = '' }: OptionPickerProps<V>) {
  return (
    <Picker
      className={className}
      mode='selector'
      range={options.map((o) => labels[o])}
      value={value ? Math.max(0, options.indexOf(value)) : 0}
      disabled={boolAttr(disabled)}
      onChange={(e) => {
        const picked = options[Number(e.detail.value)];
        if (picked !== undefined) onChange(picked);
      }}
    >
      <Text className={value ? 'picker-value' : 'picker-value picker-value--empty'}>{value ? labels[value] : placeholder}</Text>
    </Picker>
  );
}
