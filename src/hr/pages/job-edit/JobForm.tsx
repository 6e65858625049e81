import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import { BENEFITS, DISTRICTS, JOB_CATEGORIES, type JobCreateInput } from '@shared/recruitment';
import { BENEFIT_LABELS, DISTRICT_LABELS, JOB_CATEGORY_LABELS } from '@shared/labels';
import { FormRow, TextRow } from '../../../components/form/FormRow';
import { OptionPicker } from '../../../components/form/OptionPicker';
import { TagPicker } from '../../../components/form/TagPicker';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';
import { validateJobForm, type JobField, type JobFormErrors, type JobFormValues } from './jobForm';

export interface FairOption {
  id: string;
  title: string;
}

export interface JobFormProps {
  initial: JobFormValues;
  /** Fairs the job may be posted for; 常年招聘 (no fair) is always offered first. */
  fairs: readonly FairOption[];
  saving?: boolean;
  errors?: JobFormErrors;
  submitLabel: string;
  onSubmit: (input: JobCreateInput) => void;
}

const REQUIREMENTS_MAX = 1000;
const STANDING = '常年招聘（不参加招聘会）';

/** Every field of a job: the fair, title, kind, monthly salary or 面议, headcount, district and place, requirements, benefits. */
export function JobForm({ initial, fairs, saving = false, errors: serverErrors, submitLabel, onSubmit }: JobFormProps) {
  const { values, errors, set, submit } = useZodForm<JobFormValues, JobField>({
    initial,
    serverErrors,
    busy: saving,
    clears: (field) => (field === 'negotiable' ? ['salaryMin', 'salaryMax'] : [field]),
  });

  // A job posted for a fair that is no longer listed (it has passed) keeps it unless another is chosen.
  const fairOptions: FairOption[] = [...fairs];
  if (values.eventId && !fairOptions.some((f) => f.id === values.eventId)) fairOptions.unshift({ id: values.eventId, title: '原招聘会' });
  const fairNames = [STANDING, ...fairOptions.map((f) => f.title)];
  const fairIndex = values.eventId ? fairOptions.findIndex((f) => f.id === values.eventId) + 1 : 0;

  return (
    <View className='followup-form job-form'>
      <FormRow label='招聘会' error={errors.eventId}>
        <Picker
          className='job-fair'
          mode='selector'
          range={fairNames}
          value={fairIndex}
          onChange={(e) => {
            const index = Number(e.detail.value);
            set('eventId', index === 0 ? null : (fairOptions[index - 1]?.id ?? null));
          }}
        >
          <Text className='picker-value'>{fairNames[fairIndex] ?? STANDING}</Text>
        </Picker>
      </FormRow>
      <TextRow
        label='岗位名称'
        error={errors.title}
        field='job-title'
        placeholder='如：缝纫工、仓库管理员'
        maxlength={30}
        value={values.title}
        onInput={(v) => set('title', v)}
      />
      <FormRow label='岗位类别' error={errors.category}>
        <OptionPicker
          className='job-category'
          options={JOB_CATEGORIES}
          labels={JOB_CATEGORY_LABELS}
          value={values.category}
          placeholder='请选择岗位类别'
          onChange={(category) => set('category', category)}
        />
      </FormRow>
      <FormRow label='月薪（元/月）' error={errors.salaryMin ?? errors.salaryMax}>
        <View className='job-form__salary'>
          {values.negotiable ? (
            <Text className='job-form__negotiable'>面议</Text>
          ) : (
            <>
              <Input
                className='followup-form__input job-salary-min'
                type='number'
                placeholder='最低'
                maxlength={6}
                value={values.salaryMin}
                onInput={(e) => set('salaryMin', e.detail.value)}
              />
              <Text className='job-form__dash'>—</Text>
              <Input
                className='followup-form__input job-salary-max'
                type='number'
                placeholder='最高'
                maxlength={6}
                value={values.salaryMax}
                onInput={(e) => set('salaryMax', e.detail.value)}
              />
            </>
          )}
          <View className='job-form__switch'>
            <Text>面议</Text>
            <Switch className='job-negotiable' aria-label='薪资面议' checked={values.negotiable} color='#c8161d' onChange={(e) => set('negotiable', e.detail.value)} />
          </View>
        </View>
      </FormRow>
      <TextRow
        label='招聘人数'
        error={errors.headcount}
        field='job-headcount'
        type='number'
        placeholder='如：5'
        maxlength={4}
        value={values.headcount}
        onInput={(v) => set('headcount', v)}
      />
      <FormRow label='工作地区' error={errors.district}>
        <OptionPicker
          className='job-district'
          options={DISTRICTS}
          labels={DISTRICT_LABELS}
          value={values.district}
          placeholder='请选择工作地区'
          onChange={(district) => set('district', district)}
        />
      </FormRow>
      <TextRow
        label='工作地点'
        error={errors.place}
        field='job-place'
        placeholder='如：佘山镇某某路 88 号 3 号厂房'
        maxlength={100}
        value={values.place}
        onInput={(v) => set('place', v)}
      />
      <TextRow
        label='岗位要求'
        optional
        error={errors.requirements}
        field='job-requirements'
        multiline
        placeholder='年龄、技能、证书、工作时间等'
        maxlength={REQUIREMENTS_MAX}
        value={values.requirements}
        onInput={(v) => set('requirements', v)}
      />
      <FormRow label='福利待遇' optional error={errors.benefits}>
        <TagPicker className='job-benefits' options={BENEFITS} labels={BENEFIT_LABELS} value={values.benefits} onChange={(b) => set('benefits', b)} />
      </FormRow>
      <View className='followup-form__actions'>
        <Button className='followup-form__submit job-save' disabled={boolAttr(saving)} onClick={() => submit(validateJobForm, (checked) => onSubmit(checked.input))}>
          {submitLabel}
        </Button>
      </View>
    </View>
  );
}
