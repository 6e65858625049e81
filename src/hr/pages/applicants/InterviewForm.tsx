import { Button, Picker, Text, View } from '@tarojs/components';
import { Interview, type InterviewInvite } from '@shared/recruitment';
import type { z } from 'zod';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { fieldErrorsFromIssues, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';
import { inShanghai, joinInstant, splitInstant, todayInShanghai } from '../../../utils/time';

export type InterviewInput = z.infer<typeof Interview>;

export interface InterviewFormValues {
  date: string;
  time: string;
  place: string;
  note: string;
}

type Field = 'at' | 'place' | 'note';
export type InterviewFormErrors = FieldErrors<Field>;
const FIELDS: readonly Field[] = ['at', 'place', 'note'];

/** Starts from the invitation already sent, or tomorrow 10:00 at the job's place. */
export function interviewFormFrom(existing: InterviewInvite | null, place: string, now: Date = new Date()): InterviewFormValues {
  if (existing) {
    const { date, time } = splitInstant(existing.at);
    return { date, time, place: existing.place, note: existing.note ?? '' };
  }
  return { date: inShanghai(now).add(1, 'day').format('YYYY-MM-DD'), time: '10:00', place, note: '' };
}

/** Checks the invitation with the contract's schema; a time already past is refused here too. */
export function validateInterview(values: InterviewFormValues, now: Date = new Date()): { ok: true; input: InterviewInput } | { ok: false; errors: InterviewFormErrors } {
  if (!values.date || !values.time) return { ok: false, errors: { at: '请选择面试日期和时间' } };
  const at = joinInstant(values.date, values.time);
  const parsed = Interview.safeParse({ at, place: values.place, note: values.note.trim() || undefined });
  const errors: InterviewFormErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, FIELDS);
  if (!errors.at && Date.parse(at) <= now.getTime()) errors.at = '面试时间应晚于现在';
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors };
}

export interface InterviewFormProps {
  initial: InterviewFormValues;
  saving?: boolean;
  onSubmit: (input: InterviewInput) => void;
  onCancel: () => void;
}

/** 邀请面试: date and time (Shanghai), place and a note; the applicant sees all three under 我的求职. */
export function InterviewForm({ initial, saving = false, onSubmit, onCancel }: InterviewFormProps) {
  const { values, errors, set, submit } = useZodForm<InterviewFormValues, Field>({
    initial,
    busy: saving,
    // Date and time together make the one instant the schema checks.
    clears: (field) => [field === 'date' || field === 'time' ? 'at' : field],
  });

  return (
    <View className='followup-form interview-form'>
      <FormRow label='面试时间' error={errors.at}>
        <View className='interview-form__when'>
          <Picker className='interview-date' mode='date' start={todayInShanghai()} value={values.date} onChange={(e) => set('date', String(e.detail.value))}>
            <Text className='picker-value'>{values.date}</Text>
          </Picker>
          <Picker className='interview-time' mode='time' value={values.time} onChange={(e) => set('time', String(e.detail.value))}>
            <Text className='picker-value'>{values.time}</Text>
          </Picker>
        </View>
      </FormRow>
      <TextRow
        label='面试地点'
        error={errors.place}
        field='interview-place'
        placeholder='如：佘山镇某某路 88 号 2 楼人事部'
        maxlength={100}
        value={values.place}
        onInput={(v) => set('place', v)}
      />
      <TextRow
        label='说明'
        optional
        error={errors.note}
        field='interview-note'
        placeholder='如：请带身份证，到前台找王经理'
        maxlength={200}
        value={values.note}
        onInput={(v) => set('note', v)}
      />
      <View className='followup-form__actions'>
        <Button className='interview-cancel' onClick={onCancel}>
          取消
        </Button>
        <Button className='followup-form__submit interview-save' disabled={boolAttr(saving)} onClick={() => submit(validateInterview, (checked) => onSubmit(checked.input))}>
          发送邀请
        </Button>
      </View>
    </View>
  );
}
