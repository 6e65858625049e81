import { Text, View } from '@tarojs/components';
import type { ScanOutcome } from '@shared/checkins';
import { SCAN_RESULT_LABELS } from '@shared/labels';
import { inShanghai } from '../../../utils/time';

/** What to tell staff for each outcome, under the big label: one glance says whether to let the person in. */
function explanation(outcome: ScanOutcome): string {
  const person = outcome.registration;
  switch (outcome.result) {
    case 'checked_in':
      return '请入场';
    case 'already':
      return person?.attendedAt ? `已于 ${inShanghai(person.attendedAt).format('HH:mm')} 签到，无需重复签到` : '无需重复签到';
    case 'waitlisted':
      return '尚未获得名额，不能签到';
    case 'cancelled':
      return '该报名已取消，不能签到';
    case 'other_event':
      return '这是其他活动的签到码';
    case 'not_found':
      return '没有这个签到码，请核对后重试';
    case 'outside_window':
      return outcome.message ?? '现在不在签到时间内';
  }
}

/** The answer to one scan, in big type and a colour per kind: green to let in, amber already in, red otherwise. */
export function ScanResult({ outcome }: { outcome: ScanOutcome }) {
  const person = outcome.registration;
  const label =
    outcome.result === 'already' && person?.attendedAt
      ? `已签到 ${inShanghai(person.attendedAt).format('HH:mm')}`
      : SCAN_RESULT_LABELS[outcome.result];
  return (
    <View className={`scan-result scan-result--${outcome.result}`} role='status' aria-live='assertive'>
      <Text className='scan-result__label'>{label}</Text>
      {person ? (
        <View className='scan-result__person'>
          <Text className='scan-result__name'>{person.name}</Text>
          <Text className='scan-result__phone'>{person.maskedPhone}</Text>
        </View>
      ) : null}
      <Text className='scan-result__note'>{explanation(outcome)}</Text>
    </View>
  );
}
