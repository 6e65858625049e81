import { Text, View } from '@tarojs/components';
import './index.scss';

export interface FieldRow {
  label: string;
  value: string | null | undefined;
}

/** Label and value rows of a submitted record; empty optional fields read 未填写. */
export function FieldList({ rows, className = '' }: { rows: readonly FieldRow[]; className?: string }) {
  return (
    <View className={`field-list ${className}`}>
      {rows.map((row) => (
        <View key={row.label} className='field-list__row'>
          <Text className='field-list__label'>{row.label}</Text>
          <Text className={row.value ? 'field-list__value' : 'field-list__value field-list__value--empty'} userSelect>
            {row.value || '未填写'}
          </Text>
        </View>
      ))}
    </View>
  );
}
