import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import '../followup/index.scss';

export interface FormRowProps {
  label: string;
  optional?: boolean;
  error?: string;
  className?: string;
}

/** One labelled field of a form, its message underneath; the same look as the 入党意向 form. */
export function FormRow({ label, optional = false, error, className = '', children }: PropsWithChildren<FormRowProps>) {
  return (
    <View className={`followup-form__row ${className}`}>
      <Text className='followup-form__label'>
        {label}
        {optional ? <Text className='followup-form__optional'>（选填）</Text> : null}
      </Text>
      {children}
      {error ? <Text className='field-error'>{error}</Text> : null}
    </View>
  );
}
