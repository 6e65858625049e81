import { Text } from '@tarojs/components';
import type { ApplicationStatus } from '@shared/recruitment';
import { APPLICATION_STATUS_LABELS } from '@shared/labels';
import './index.scss';

/** An application's status as a coloured pill: 已投递, 已查看, 邀请面试, 已录用, 不合适, 已撤回. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  return <Text className={`application-status application-status--${status}`}>{APPLICATION_STATUS_LABELS[status]}</Text>;
}
