import { Button, Text, View } from '@tarojs/components';
import { REPORT_PATH, type MemberReport } from '@shared/intents';
import { REPORT_STATUS_LABELS, REPORT_WISH_LABELS } from '@shared/labels';
import { FieldList } from '../../../components/form/FieldList';
import { FollowupTimeline } from '../../../components/followup/FollowupTimeline';
import { boolAttr } from '../../../utils/boolAttr';

export interface ReportRecordProps {
  report: MemberReport;
  busy?: boolean;
  onWithdraw?: () => void;
}

/** The person's own report: where it stands and what they submitted. */
export function ReportRecord({ report, busy = false, onWithdraw }: ReportRecordProps) {
  const closed = report.status === 'closed';
  return (
    <View className='followup-card report-record'>
      <View className='followup-card__head'>
        <Text className='followup-card__title'>我的党员报到</Text>
        <Text className={`report-status followup-status followup-status--${report.status}`}>{REPORT_STATUS_LABELS[report.status]}</Text>
      </View>

      <FollowupTimeline className='report-timeline' path={REPORT_PATH} labels={REPORT_STATUS_LABELS} status={report.status} timeline={report.timeline} />

      <Text className='followup-card__section'>提交的信息</Text>
      <FieldList
        className='report-fields'
        rows={[
          { label: '姓名', value: report.name },
          { label: '手机号', value: report.phone },
          { label: '组织关系所在', value: report.homeOrg },
          { label: '工作单位或平台', value: report.employer },
          { label: '报到意愿', value: REPORT_WISH_LABELS[report.wish] },
        ]}
      />

      {closed || !onWithdraw ? null : (
        <>
          <View className='followup-card__actions'>
            <Button className='report-withdraw followup-card__danger' disabled={boolAttr(busy)} onClick={onWithdraw}>
              撤回
            </Button>
          </View>
          <Text className='followup-card__hint'>需要修改时请撤回后重新提交。撤回后个人信息立即删除。</Text>
        </>
      )}
    </View>
  );
}
