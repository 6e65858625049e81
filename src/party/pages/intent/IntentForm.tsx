import { Button, Picker, Text, View } from '@tarojs/components';
import {
  EDUCATIONS,
  GENDERS,
  IntentSubmitInput,
  OCCUPATIONS,
  POLITICAL_STATUSES,
  STATEMENT_MAX,
  UNDER_AGE_MESSAGE,
  isAdultByMonth,
  type Education,
  type Gender,
  type Intent,
  type Occupation,
  type PoliticalStatus,
} from '@shared/intents';
import { EDUCATION_LABELS, GENDER_LABELS, OCCUPATION_LABELS, POLITICAL_STATUS_LABELS } from '@shared/labels';
import { ChoiceChips } from '../../../components/form/ChoiceChips';
import { ConsentToggle } from '../../../components/followup/ConsentToggle';
import { PrivacyNotice } from '../../../components/followup/PrivacyNotice';
import { fieldErrorsFromIssues, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { boolAttr } from '../../../utils/boolAttr';
import { formatBirthMonth, inShanghai } from '../../../utils/time';

/** What the form holds: strings as inputs give them, null for a choice not made yet. */
export interface IntentFormValues {
  name: string;
  gender: Gender | null;
  birthMonth: string;
  phone: string;
  occupation: Occupation | null;
  employer: string;
  politicalStatus: PoliticalStatus | null;
  education: Education | null;
  statement: string;
  consent: boolean;
}

export type IntentField = keyof IntentFormValues;
export const INTENT_FIELDS: readonly IntentField[] = [
  'name', 'gender', 'birthMonth', 'phone', 'occupation', 'employer', 'politicalStatus', 'education', 'statement', 'consent',
];
export type IntentFormErrors = FieldErrors<IntentField>;

export function emptyIntentForm(): IntentFormValues {
  return {
    name: '', gender: null, birthMonth: '', phone: '', occupation: null, employer: '',
    politicalStatus: null, education: null, statement: '', consent: false,
  };
}

/** The submitted intent back in the form, for 修改; consent was given when it was submitted. */
export function intentFormFrom(intent: Intent): IntentFormValues {
  return {
    name: intent.name,
    gender: intent.gender,
    birthMonth: intent.birthMonth,
    phone: intent.phone,
    occupation: intent.occupation,
    employer: intent.employer ?? '',
    politicalStatus: intent.politicalStatus,
    education: intent.education,
    statement: intent.statement ?? '',
    consent: true,
  };
}

/**
 * Checks the form with the contract's schema, then the age by birth month (the server checks both again).
 * Empty optional fields are left out.
 */
export function validateIntentForm(
  values: IntentFormValues,
  nowIso: string,
): { ok: true; input: IntentSubmitInput } | { ok: false; errors: IntentFormErrors } {
  const parsed = IntentSubmitInput.safeParse({
    name: values.name,
    gender: values.gender ?? undefined,
    birthMonth: values.birthMonth,
    phone: values.phone,
    occupation: values.occupation ?? undefined,
    employer: values.employer.trim() || undefined,
    politicalStatus: values.politicalStatus ?? undefined,
    education: values.education ?? undefined,
    statement: values.statement.trim() || undefined,
    consent: values.consent,
  });
  const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, INTENT_FIELDS);
  if (values.birthMonth === '') errors.birthMonth = '请选择出生年月';
  else if (!errors.birthMonth && !isAdultByMonth(values.birthMonth, nowIso)) errors.birthMonth = UNDER_AGE_MESSAGE;
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors };
}

export interface IntentFormProps {
  initial?: IntentFormValues;
  /** Editing an intent already submitted: consent was given then, so the notice and the tick are not asked again. */
  editing?: boolean;
  submitting?: boolean;
  /** Field messages from the server's INVALID_INPUT answer. */
  errors?: IntentFormErrors;
  /** The clock, for the age check; tests pass a fixed one. */
  now?: () => Date;
  /** Called with checked, typed fields only, `consent: true` included. */
  onSubmit: (input: IntentSubmitInput) => void;
  onCancel?: () => void;
}

export function IntentForm({ initial, editing = false, submitting = false, errors: serverErrors, now = () => new Date(), onSubmit, onCancel }: IntentFormProps) {
  const { values, errors, set, submit } = useZodForm<IntentFormValues, IntentField>({
    initial: () => initial ?? emptyIntentForm(),
    serverErrors,
    busy: submitting,
  });

  const thisMonth = inShanghai(now());
  const lastMonth = thisMonth.format('YYYY-MM');
  const firstMonth = `${thisMonth.year() - 100}-01`;

  return (
    <View className='followup-form intent-form'>
      {editing ? null : <PrivacyNotice what='入党意向' />}

      <TextRow
        label='姓名'
        error={errors.name}
        field='intent-name'
        placeholder='请输入姓名'
        maxlength={20}
        value={values.name}
        onInput={(v) => set('name', v)}
      />
      <FormRow label='性别' error={errors.gender}>
        <ChoiceChips className='intent-gender' options={GENDERS} labels={GENDER_LABELS} value={values.gender} onChange={(v) => set('gender', v)} />
      </FormRow>
      <FormRow label='出生年月' error={errors.birthMonth}>
        <Picker
          className='intent-birth-month'
          mode='date'
          fields='month'
          start={firstMonth}
          end={lastMonth}
          value={values.birthMonth || `${thisMonth.year() - 30}-01`}
          onChange={(e) => set('birthMonth', String(e.detail.value))}
        >
          <Text className={values.birthMonth ? 'picker-value' : 'picker-value picker-value--empty'}>
            {values.birthMonth ? formatBirthMonth(values.birthMonth) : '请选择出生年月'}
          </Text>
        </Picker>
      </FormRow>
      <TextRow
        label='手机号'
        error={errors.phone}
        field='intent-phone'
        type='number'
        placeholder='请输入 11 位手机号码'
        maxlength={11}
        value={values.phone}
        onInput={(v) => set('phone', v)}
      />
      <FormRow label='职业' error={errors.occupation}>
        <ChoiceChips
          className='intent-occupation'
          options={OCCUPATIONS}
          labels={OCCUPATION_LABELS}
          value={values.occupation}
          onChange={(v) => set('occupation', v)}
        />
      </FormRow>
      <TextRow
        label='工作单位或平台'
        optional
        error={errors.employer}
        field='intent-employer'
        placeholder='如：美团、顺丰、某某物流公司'
        maxlength={60}
        value={values.employer}
        onInput={(v) => set('employer', v)}
      />
      <FormRow label='政治面貌' error={errors.politicalStatus}>
        <ChoiceChips
          className='intent-political'
          options={POLITICAL_STATUSES}
          labels={POLITICAL_STATUS_LABELS}
          value={values.politicalStatus}
          onChange={(v) => set('politicalStatus', v)}
        />
      </FormRow>
      <FormRow label='学历' optional error={errors.education}>
        <ChoiceChips
          className='intent-education'
          options={EDUCATIONS}
          labels={EDUCATION_LABELS}
          value={values.education}
          clearable={!editing}
          onChange={(v) => set('education', v)}
        />
      </FormRow>
      <TextRow
        label='个人陈述'
        optional
        error={errors.statement}
        field='intent-statement'
        multiline
        placeholder='简单说说您为什么想加入党组织（可不填）'
        maxlength={STATEMENT_MAX}
        value={values.statement}
        onInput={(v) => set('statement', v)}
      />

      {editing ? null : (
        <ConsentToggle className='intent-consent' checked={values.consent} error={errors.consent} onChange={(v) => set('consent', v)} />
      )}

      <View className='followup-form__actions'>
        {onCancel ? (
          <Button className='intent-cancel-edit' onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button
          className={`followup-form__submit intent-submit${values.consent ? '' : ' followup-form__submit--waiting'}`}
          disabled={boolAttr(submitting)}
          loading={boolAttr(submitting)}
          onClick={() => submit((v) => validateIntentForm(v, now().toISOString()), (checked) => onSubmit(checked.input))}
        >
          {editing ? '保存修改' : '提交入党意向'}
        </Button>
      </View>
      {values.consent ? null : <Text className='followup-form__hint'>请先阅读并勾选同意个人信息处理说明</Text>}
    </View>
  );
}
