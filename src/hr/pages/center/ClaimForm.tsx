import { Button, Text, View } from '@tarojs/components';
import { ClaimInput } from '@shared/recruitment';
import type { z } from 'zod';
import { TextRow } from '../../../components/form/FormRow';
import { checkWith, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';

export type Claim = z.infer<typeof ClaimInput>;
export type ClaimField = keyof Claim;
export const CLAIM_FIELDS: readonly ClaimField[] = ['name', 'uscc'];
export type ClaimFormErrors = FieldErrors<ClaimField>;

/** Checks name and 统一社会信用代码 (length, alphabet, GB 32100 checksum) with the contract's schema; the code comes back uppercase. */
export function validateClaim(values: Claim): { ok: true; input: Claim } | { ok: false; errors: ClaimFormErrors } {
  return checkWith(ClaimInput, values, CLAIM_FIELDS);
}

export interface ClaimFormProps {
  /** A rejected claim's values, to correct and send again. */
  initial?: Claim;
  submitting?: boolean;
  errors?: ClaimFormErrors;
  onSubmit: (input: Claim) => void;
}

/** 认领企业: the enterprise's full registered name and its 统一社会信用代码, checked here before anything is sent. */
export function ClaimForm({ initial, submitting = false, errors: serverErrors, onSubmit }: ClaimFormProps) {
  const { values, errors, set, submit } = useZodForm<Claim, ClaimField>({ initial: initial ?? { name: '', uscc: '' }, serverErrors, busy: submitting });

  return (
    <View className='followup-form claim-form'>
      <TextRow
        label='企业全称'
        error={errors.name}
        field='claim-name'
        placeholder='与营业执照上的名称一致'
        maxlength={60}
        value={values.name}
        onInput={(v) => set('name', v)}
      />
      <TextRow
        label='统一社会信用代码'
        error={errors.uscc}
        field='claim-uscc'
        placeholder='18 位，见营业执照左上角'
        maxlength={18}
        value={values.uscc}
        onInput={(v) => set('uscc', v)}
      />
      <View className='followup-form__actions'>
        <Button className='followup-form__submit claim-submit' disabled={boolAttr(submitting)} onClick={() => submit(validateClaim, (checked) => onSubmit(checked.input))}>
          提交认领
        </Button>
      </View>
      <Text className='followup-form__hint'>镇综合党委工作人员核对后，您即可代表企业发布岗位、参加招聘会。</Text>
    </View>
  );
}
