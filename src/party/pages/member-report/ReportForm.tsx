import { Button, Text, View } from '@tarojs/components';
import { REPORT_WISHES, ReportSubmitInput, type ReportWish } from '@shared/intents';
import { REPORT_WISH_LABELS } from '@shared/labels';
import { ChoiceChips } from '../../../components/form/ChoiceChips';
import { ConsentToggle } from '../../../components/followup/ConsentToggle';
import { PrivacyNotice } from '../../../components/followup/PrivacyNotice';
import { checkWith, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { boolAttr } from '../../../utils/boolAttr';

export interface ReportFormValues {
  name: string;
  phone: string;
  homeOrg: string;
  employer: string;
  wish: ReportWish | null;
  consent: boolean;
}

export type ReportField = keyof ReportFormValues;
export const REPORT_FIELDS: readonly ReportField[] = ['name', 'phone', 'homeOrg', 'employer', 'wish', 'consent'];
export type ReportFormErrors = FieldErrors<ReportField>;

export function emptyReportForm(): ReportFormValues {
  return { name: '', phone: '', homeOrg: '', employer: '', wish: null, consent: false };
}

export function validateReportForm(values: ReportFormValues): { ok: true; input: ReportSubmitInput } | { ok: false; errors: ReportFormErrors } {
  return checkWith(ReportSubmitInput, { ...values, wish: values.wish ?? undefined }, REPORT_FIELDS);
}

export interface ReportFormProps {
  initial?: ReportFormValues;
  submitting?: boolean;
  errors?: ReportFormErrors;
  /** Called with checked, typed fields only, `consent: true` included. */
  onSubmit: (input: ReportSubmitInput) => void;
}

/** 党员报到: a party member whose membership is held elsewhere tells the town committee they work here. */
export function ReportForm({ initial, submitting = false, errors: serverErrors, onSubmit }: ReportFormProps) {
  const { values, errors, set, submit } = useZodForm<ReportFormValues, ReportField>({
    initial: () => initial ?? emptyReportForm(),
    serverErrors,
    busy: submitting,
  });

  return (
    <View className='followup-form report-form'>
      <PrivacyNotice what='党员报到' />
      <TextRow
        label='姓名'
        error={errors.name}
        field='report-name'
        placeholder='请输入姓名'
        maxlength={20}
        value={values.name}
        onInput={(v) => set('name', v)}
      />
      <TextRow
        label='手机号'
        error={errors.phone}
        field='report-phone'
        type='number'
        placeholder='请输入 11 位手机号码'
        maxlength={11}
        value={values.phone}
        onInput={(v) => set('phone', v)}
      />
      <TextRow
        label='组织关系所在党组织'
        error={errors.homeOrg}
        field='report-home-org'
        placeholder='如：安徽省某某县某某村党支部'
        maxlength={80}
        value={values.homeOrg}
        onInput={(v) => set('homeOrg', v)}
      />
      <TextRow
        label='工作单位或平台'
        error={errors.employer}
        field='report-employer'
        placeholder='如：美团、顺丰、某某物流公司'
        maxlength={60}
        value={values.employer}
        onInput={(v) => set('employer', v)}
      />
      <FormRow label='报到意愿' error={errors.wish}>
        <ChoiceChips className='report-wish' options={REPORT_WISHES} labels={REPORT_WISH_LABELS} value={values.wish} onChange={(v) => set('wish', v)} />
      </FormRow>
      <ConsentToggle className='report-consent' sensitive='党员身份和组织关系信息' checked={values.consent} error={errors.consent} onChange={(v) => set('consent', v)} />
      <View className='followup-form__actions'>
        <Button
          className={`followup-form__submit report-submit${values.consent ? '' : ' followup-form__submit--waiting'}`}
          disabled={boolAttr(submitting)}
          loading={boolAttr(submitting)}
          onClick={() => submit(validateReportForm, (checked) => onSubmit(checked.input))}
        >
          提交报到
        </Button>
      </View>
      {values.consent ? null : <Text className='followup-form__hint'>请先阅读并勾选同意个人信息处理说明</Text>}
    </View>
  );
}
