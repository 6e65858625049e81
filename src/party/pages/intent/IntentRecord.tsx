import { Button, Text, View } from '@tarojs/components';
import { INTENT_PATH, type Intent } from '@shared/intents';
import { EDUCATION_LABELS, GENDER_LABELS, INTENT_STATUS_LABELS, OCCUPATION_LABELS, POLITICAL_STATUS_LABELS } from '@shared/labels';
import { FieldList } from '../../../components/form/FieldList';
import { FollowupTimeline } from '../../../components/followup/FollowupTimeline';
import { boolAttr } from '../../../utils/boolAttr';
import { formatBirthMonth } from '../../../utils/time';

export interface IntentRecordProps {
  intent: Intent;
  busy?: boolean;
  /** Left out for a closed intent: there is nothing to change any more. */
  onEdit?: () => void;
  onWithdraw?: () => void;
}

/** The person's own intent: where it stands, how it got there (a close reason shows on 已结束), and what they submitted. */
export function IntentRecord({ intent, busy = false, onEdit, onWithdraw }: IntentRecordProps) {
  const closed = intent.status === 'closed';
  return (
    <View className='followup-card intent-record'>
      <View className='followup-card__head'>
        <Text className='followup-card__title'>我的入党意向</Text>
        <Text className={`intent-status followup-status followup-status--${intent.status}`}>{INTENT_STATUS_LABELS[intent.status]}</Text>
      </View>
      {intent.org ? <Text className='followup-card__org'>{`对接党组织：${intent.org.name}`}</Text> : null}

      <FollowupTimeline className='intent-timeline' path={INTENT_PATH} labels={INTENT_STATUS_LABELS} status={intent.status} timeline={intent.timeline} />

      <Text className='followup-card__section'>提交的信息</Text>
      <FieldList
        className='intent-fields'
        rows={[
          { label: '姓名', value: intent.name },
          { label: '性别', value: GENDER_LABELS[intent.gender] },
          { label: '出生年月', value: formatBirthMonth(intent.birthMonth) },
          { label: '手机号', value: intent.phone },
          { label: '职业', value: OCCUPATION_LABELS[intent.occupation] },
          { label: '工作单位或平台', value: intent.employer },
          { label: '政治面貌', value: POLITICAL_STATUS_LABELS[intent.politicalStatus] },
          { label: '学历', value: intent.education ? EDUCATION_LABELS[intent.education] : null },
          { label: '个人陈述', value: intent.statement },
        ]}
      />

      {closed ? null : (
        <View className='followup-card__actions'>
          {intent.editable && onEdit ? (
            <Button className='intent-edit' disabled={boolAttr(busy)} onClick={onEdit}>
              修改
            </Button>
          ) : null}
          {onWithdraw ? (
            <Button className='intent-withdraw followup-card__danger' disabled={boolAttr(busy)} onClick={onWithdraw}>
              撤回
            </Button>
          ) : null}
        </View>
      )}
      {closed ? null : (
        <Text className='followup-card__hint'>
          {intent.editable ? '工作人员联系您之前可以修改。' : '工作人员已与您联系，内容不能再修改。'}
          随时可以撤回，撤回后个人信息立即删除。
        </Text>
      )}
    </View>
  );
}
