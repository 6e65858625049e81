import type { PropsWithChildren } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import './index.scss';

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

export interface TextRowProps extends Omit<FormRowProps, 'className'> {
  /** The box's own class, after followup-form__input (or __textarea): what pages, styles and tests find it by. */
  field: string;
  placeholder: string;
  maxlength: number;
  value: string;
  onInput: (value: string) => void;
  type?: 'number';
  /** A Textarea with a count of characters under it, for longer texts. */
  multiline?: boolean;
}

/** A labelled text box: the most common row of every form. */
export function TextRow({ field, placeholder, maxlength, value, onInput, type, multiline = false, ...row }: TextRowProps) {
  return (
    <FormRow {...row}>
      {multiline ? (
        <>
          <Textarea
            className={`followup-form__textarea ${field}`}
            placeholder={placeholder}
            maxlength={maxlength}
            value={value}
            onInput={(e) => onInput(e.detail.value)}
          />
          <Text className='followup-form__count'>{`${value.length}/${maxlength}`}</Text>
        </>
      ) : (
        <Input
          className={`followup-form__input ${field}`}
          {...(type ? { type } : {})}
          placeholder={placeholder}
          maxlength={maxlength}
          value={value}
          onInput={(e) => onInput(e.detail.value)}
        />
      )}
    </FormRow>
  );
}
