import { Button, View } from '@tarojs/components';
import { GuidanceRequestInput } from '@shared/recruitment';
import type { z } from 'zod';
import { TextRow } from '../../../components/form/FormRow';
import { checkWith, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';

export type GuidanceAsk = z.infer<typeof GuidanceRequestInput>;
export type GuidanceField = keyof GuidanceAsk;
export const GUIDANCE_FIELDS: readonly GuidanceField[] = ['topic', 'preferredTimes', 'phone'];
export type GuidanceFormErrors = FieldErrors<GuidanceField>;

const TOPIC_MAX = 100;

export function validateGuidance(values: GuidanceAsk): { ok: true; input: GuidanceAsk } | { ok: false; errors: GuidanceFormErrors } {
  return checkWith(GuidanceRequestInput, values, GUIDANCE_FIELDS);
}

export interface GuidanceFormProps {
  /** The phone the person used before; read once, when the form appears. */
  phone?: string | null;
  submitting?: boolean;
  errors?: GuidanceFormErrors;
  onSubmit: (input: GuidanceAsk) => void;
}

/** Asks for a 就业指导 appointment: what about, when suits, and a phone to call back on. */
export function GuidanceForm({ phone, submitting = false, errors: serverErrors, onSubmit }: GuidanceFormProps) {
  const { values, errors, set, submit } = useZodForm<GuidanceAsk, GuidanceField>({
    initial: { topic: '', preferredTimes: '', phone: phone ?? '' },
    serverErrors,
    busy: submitting,
  });

  return (
    <View className='followup-form guidance-form'>
      <TextRow
        label='想咨询的问题'
        error={errors.topic}
        field='guidance-topic'
        multiline
        placeholder='如：想从外卖骑手转做仓储管理，需要什么条件？'
        maxlength={TOPIC_MAX}
        value={values.topic}
        onInput={(v) => set('topic', v)}
      />
      <TextRow
        label='方便的时间'
        error={errors.preferredTimes}
        field='guidance-times'
        placeholder='如：工作日下午、周六上午'
        maxlength={100}
        value={values.preferredTimes}
        onInput={(v) => set('preferredTimes', v)}
      />
      <TextRow
        label='联系电话'
        error={errors.phone}
        field='guidance-phone'
        type='number'
        placeholder='请输入 11 位手机号码'
        maxlength={11}
        value={values.phone}
        onInput={(v) => set('phone', v)}
      />
      <View className='followup-form__actions'>
        <Button className='followup-form__submit guidance-submit' disabled={boolAttr(submitting)} onClick={() => submit(validateGuidance, (checked) => onSubmit(checked.input))}>
          预约就业指导
        </Button>
      </View>
    </View>
  );
}
