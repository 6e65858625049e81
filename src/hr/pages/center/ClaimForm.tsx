import { Button, Text, View } from '@tarojs/components';
import { PersonName, Phone } from '@shared/common';
import { ClaimInput } from '@shared/recruitment';
import type { z } from 'zod';
import { TextRow } from '../../../components/form/FormRow';
import { checkWith, type FieldErrors } from '../../../components/form/fieldErrors';
import { useZodForm } from '../../../components/form/useZodForm';
import { boolAttr } from '../../../utils/boolAttr';

export type Claim = z.infer<typeof ClaimInput>;
/** The form asks who is claiming too: staff call that person to verify before approving. */
const ClaimFormInput = ClaimInput.extend({ claimantName: PersonName, claimantPhone: Phone });
export type ClaimValues = { name: string; uscc: string; claimantName: string; claimantPhone: string };
export type ClaimField = keyof ClaimValues;
export const CLAIM_FIELDS: readonly ClaimField[] = ['name', 'uscc', 'claimantName', 'claimantPhone'];
export type ClaimFormErrors = FieldErrors<ClaimField>;

/** Checks name and 统一社会信用代码 (length, alphabet, GB 32100 checksum) with the contract's schema; the code comes back uppercase. */
export function validateClaim(values: ClaimValues): { ok: true; input: Claim } | { ok: false; errors: ClaimFormErrors } {
  return checkWith(ClaimFormInput, values, CLAIM_FIELDS);
}

export interface ClaimFormProps {
  /** A rejected claim's values to correct and send again, or the name and phone the app already has. */
  initial?: Partial<ClaimValues>;
  submitting?: boolean;
  errors?: ClaimFormErrors;
  onSubmit: (input: Claim) => void;
}

/** 认领企业: the enterprise's full registered name and its 统一社会信用代码, checked here before anything is sent. */
export function ClaimForm({ initial, submitting = false, errors: serverErrors, onSubmit }: ClaimFormProps) {
  const { values, errors, set, submit } = useZodForm<ClaimValues, ClaimField>({
    initial: { name: '', uscc: '', claimantName: '', claimantPhone: '', ...initial },
    serverErrors,
    busy: submitting,
  });

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
      <TextRow
        label='认领人姓名'
        error={errors.claimantName}
        field='claim-claimant-name'
        placeholder='您的真实姓名'
        maxlength={20}
        value={values.claimantName}
        onInput={(v) => set('claimantName', v)}
      />
      <TextRow
        label='认领人手机号'
        error={errors.claimantPhone}
        field='claim-claimant-phone'
        placeholder='工作人员核实时联系您'
        type='number'
        maxlength={11}
        value={values.claimantPhone}
        onInput={(v) => set('claimantPhone', v)}
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
