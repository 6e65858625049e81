import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { DecideInput } from '@shared/recruitment';
import { boolAttr } from '../utils/boolAttr';
import '../components/cards/index.scss';
import '../components/form/index.scss';

export interface DecisionBarProps {
  id: string;
  busy: boolean;
  /** Class prefix of the two buttons: `<prefix>-approve`, `<prefix>-reject` (stable names for end-to-end tests). */
  prefix: string;
  rejectHint: string;
  onDecide: (approve: boolean, reason?: string) => void;
}

/** 通过, or 不通过 with a reason the requester will read (asked for before the rejection is sent). */
export function DecisionBar({ id, busy, prefix, rejectHint, onDecide }: DecisionBarProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const reject = () => {
    const trimmed = reason.trim();
    if (trimmed.length < 2) {
      setError('请填写不通过的原因，对方会看到');
      return;
    }
    const checked = DecideInput.safeParse({ id, approve: false, reason: trimmed });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? '原因不正确');
      return;
    }
    onDecide(false, trimmed);
  };

  if (rejecting) {
    return (
      <View className='decision-bar decision-bar--rejecting'>
        <Textarea
          className={`followup-form__textarea ${prefix}-reason`}
          placeholder={rejectHint}
          maxlength={200}
          value={reason}
          onInput={(e) => {
            setReason(e.detail.value);
            setError(null);
          }}
        />
        {error ? <Text className='field-error'>{error}</Text> : null}
        <View className='decision-bar__buttons'>
          <Button size='mini' onClick={() => setRejecting(false)}>
            取消
          </Button>
          <Button className={`${prefix}-reject-confirm followup-card__danger`} size='mini' disabled={boolAttr(busy)} onClick={reject}>
            确认不通过
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className='decision-bar__buttons'>
      <Button className={`${prefix}-reject`} size='mini' disabled={boolAttr(busy)} onClick={() => setRejecting(true)}>
        不通过
      </Button>
      <Button className={`${prefix}-approve btn-primary`} size='mini' disabled={boolAttr(busy)} onClick={() => onDecide(true)}>
        通过
      </Button>
    </View>
  );
}
