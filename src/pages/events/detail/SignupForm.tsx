import { useEffect, useRef } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { ContactInput, type Contact } from '@shared/registrations';
import { checkWith } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';

type Field = keyof Contact;
const FIELDS: readonly Field[] = ['name', 'phone'];
export type ContactErrors = Partial<Record<Field, string>>;

export interface SignupFormProps {
  /** Prefill, usually the contact used last time (`me.get` profile). */
  initial?: { name?: string | null; phone?: string | null };
  submitting?: boolean;
  /** Field messages from the server, e.g. an INVALID_INPUT answer. */
  errors?: ContactErrors;
  /** Called with trimmed, valid values only. */
  onSubmit: (contact: Contact) => void;
}

/** Checks a contact with the contract's schema; one Chinese message per invalid field. */
export function validateContact(values: Contact): { ok: true; contact: Contact } | { ok: false; errors: ContactErrors } {
  const checked = checkWith(ContactInput, values, FIELDS);
  return checked.ok ? { ok: true, contact: checked.input } : checked;
}

export function SignupForm({ initial, submitting = false, errors: serverErrors, onSubmit }: SignupFormProps) {
  const { values, setValues, errors, set, submit } = useZodForm<Contact, Field>({
    initial: { name: initial?.name ?? '', phone: initial?.phone ?? '' },
    serverErrors,
    busy: submitting,
  });
  const edited = useRef(false);

  // The profile may arrive after the form is shown; take it unless the person has started typing.
  useEffect(() => {
    if (edited.current) return;
    setValues({ name: initial?.name ?? '', phone: initial?.phone ?? '' });
  }, [initial?.name, initial?.phone]);

  const change = (field: Field, value: string) => {
    edited.current = true;
    set(field, value);
  };

  return (
    <View className='signup-form'>
      <View className='signup-form__field'>
        <Text className='signup-form__label'>姓名</Text>
        <Input
          className='signup-name'
          name='name'
          placeholder='请输入姓名'
          maxlength={20}
          value={values.name}
          onInput={(e) => change('name', e.detail.value)}
        />
        {errors.name ? <Text className='field-error signup-form__error'>{errors.name}</Text> : null}
      </View>
      <View className='signup-form__field'>
        <Text className='signup-form__label'>手机号</Text>
        <Input
          className='signup-phone'
          name='phone'
          type='number'
          placeholder='请输入 11 位手机号码'
          maxlength={11}
          value={values.phone}
          onInput={(e) => change('phone', e.detail.value)}
        />
        {errors.phone ? <Text className='field-error signup-form__error'>{errors.phone}</Text> : null}
      </View>
      <Button className='signup-submit btn-primary' disabled={boolAttr(submitting)} onClick={() => submit(validateContact, (checked) => onSubmit(checked.contact))}>
        报名
      </Button>
    </View>
  );
}
