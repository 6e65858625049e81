import { Button, Text, View } from '@tarojs/components';
import { Resume } from '@shared/recruitment';
import { TextRow } from '../../../components/form/FormRow';
import { fieldErrorsFromIssues, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';

/** What the form holds: strings as the inputs give them (the age too, until it is checked). */
export interface ResumeFormValues {
  name: string;
  phone: string;
  age: string;
  experience: string;
  wantedJob: string;
  note: string;
}

export type ResumeField = keyof ResumeFormValues;
export const RESUME_FIELDS: readonly ResumeField[] = ['name', 'phone', 'age', 'experience', 'wantedJob', 'note'];
export type ResumeFormErrors = FieldErrors<ResumeField>;

export const EXPERIENCE_MAX = 500;

/** The last résumé if there is one, else the name and phone the person used before. */
export function resumeFormFrom(last: Resume | null | undefined, contact?: { name?: string | null; phone?: string | null }): ResumeFormValues {
  if (last) {
    return {
      name: last.name,
      phone: last.phone,
      age: String(last.age),
      experience: last.experience ?? '',
      wantedJob: last.wantedJob ?? '',
      note: last.note ?? '',
    };
  }
  return { name: contact?.name ?? '', phone: contact?.phone ?? '', age: '', experience: '', wantedJob: '', note: '' };
}

/** Checks the form with the contract's schema; empty optional texts are left out. */
export function validateResume(values: ResumeFormValues): { ok: true; resume: Resume } | { ok: false; errors: ResumeFormErrors } {
  const ageText = values.age.trim();
  const parsed = Resume.safeParse({
    name: values.name,
    phone: values.phone,
    age: /^\d+$/.test(ageText) ? Number(ageText) : Number.NaN,
    experience: values.experience.trim() || undefined,
    wantedJob: values.wantedJob.trim() || undefined,
    note: values.note.trim() || undefined,
  });
  const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, RESUME_FIELDS);
  if (ageText === '') errors.age = '请填写年龄';
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, resume: parsed.data };
  return { ok: false, errors };
}

export interface ResumeFormProps {
  /** Prefill; read once, when the form appears (Taro's H5 inputs dislike a value changed right after mount). */
  initial: ResumeFormValues;
  submitting?: boolean;
  /** Field messages from the server's INVALID_INPUT answer. */
  errors?: ResumeFormErrors;
  onSubmit: (resume: Resume) => void;
  onCancel?: () => void;
}

/** The short résumé sent with an application; kept in the profile to prefill the next one. */
export function ResumeForm({ initial, submitting = false, errors: serverErrors, onSubmit, onCancel }: ResumeFormProps) {
  const { values, errors, set, submit } = useZodForm<ResumeFormValues, ResumeField>({ initial, serverErrors, busy: submitting });

  return (
    <View className='followup-form resume-form'>
      <TextRow
        label='姓名'
        error={errors.name}
        field='resume-name'
        placeholder='请输入姓名'
        maxlength={20}
        value={values.name}
        onInput={(v) => set('name', v)}
      />
      <TextRow
        label='手机号'
        error={errors.phone}
        field='resume-phone'
        type='number'
        placeholder='请输入 11 位手机号码'
        maxlength={11}
        value={values.phone}
        onInput={(v) => set('phone', v)}
      />
      <TextRow
        label='年龄'
        error={errors.age}
        field='resume-age'
        type='number'
        placeholder='周岁，如：32'
        maxlength={2}
        value={values.age}
        onInput={(v) => set('age', v)}
      />
      <TextRow
        label='期望岗位'
        optional
        error={errors.wantedJob}
        field='resume-wanted-job'
        placeholder='如：缝纫工、仓库管理员'
        maxlength={30}
        value={values.wantedJob}
        onInput={(v) => set('wantedJob', v)}
      />
      <TextRow
        label='工作经历'
        optional
        error={errors.experience}
        field='resume-experience'
        multiline
        placeholder='简单写写做过的工作、时间和技能，如：2019–2024 年在某服装厂做缝纫工'
        maxlength={EXPERIENCE_MAX}
        value={values.experience}
        onInput={(v) => set('experience', v)}
      />
      <TextRow
        label='备注'
        optional
        error={errors.note}
        field='resume-note'
        placeholder='如：方便面试的时间'
        maxlength={200}
        value={values.note}
        onInput={(v) => set('note', v)}
      />
      <View className='followup-form__actions'>
        {onCancel ? (
          <Button className='resume-cancel' onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button className='followup-form__submit resume-submit' disabled={boolAttr(submitting)} onClick={() => submit(validateResume, (checked) => onSubmit(checked.resume))}>
          提交申请
        </Button>
      </View>
      <Text className='followup-form__hint'>简历只给该企业的招聘负责人和镇工作人员查看，并保存到您的资料中，下次申请自动填写。</Text>
    </View>
  );
}
