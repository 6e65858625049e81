import { useEffect, useRef, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { ContactInput, type Contact } from '@shared/registrations';
import { boolAttr } from '../../../utils/boolAttr';

type Field = keyof Contact;
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
  const parsed = ContactInput.safeParse(values);
  if (parsed.success) return { ok: true, contact: parsed.data };
  const errors: ContactErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'name' || field === 'phone') && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

export function SignupForm({ initial, submitting = false, errors: serverErrors, onSubmit }: SignupFormProps) {
  const [values, setValues] = useState<Contact>({ name: initial?.name ?? '', phone: initial?.phone ?? '' });
  const [errors, setErrors] = useState<ContactErrors>({});
  const edited = useRef(false);

  // The profile may arrive after the form is shown; take it unless the person has started typing.
  useEffect(() => {
    if (edited.current) return;
    setValues({ name: initial?.name ?? '', phone: initial?.phone ?? '' });
  }, [initial?.name, initial?.phone]);

  useEffect(() => {
    if (serverErrors) setErrors(serverErrors);
  }, [serverErrors]);

  const change = (field: Field, value: string) => {
    edited.current = true;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = () => {
    if (submitting) return;
    const result = validateContact(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.contact);
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
      <Button className='signup-submit btn-primary' disabled={boolAttr(submitting)} onClick={submit}>
        报名
      </Button>
    </View>
  );
}
