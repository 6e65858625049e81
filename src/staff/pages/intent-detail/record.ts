import {
  INTENT_PATH,
  REPORT_PATH,
  type IntentStaffView,
  type MemberReportStaffView,
  type StaffNote,
  type TimelineStep,
} from '@shared/intents';
import {
  EDUCATION_LABELS,
  GENDER_LABELS,
  INTENT_STATUS_LABELS,
  OCCUPATION_LABELS,
  POLITICAL_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  REPORT_WISH_LABELS,
} from '@shared/labels';
import type { FieldRow } from '../../../components/form/FieldList';
import { formatBirthMonth } from '../../../utils/time';

/** Either kind of record as the staff detail shows it. */
export type StaffRecord = { kind: 'intent'; view: IntentStaffView } | { kind: 'report'; view: MemberReportStaffView };

export interface RecordSummary {
  title: string;
  status: string;
  path: readonly string[];
  labels: Record<string, string>;
  timeline: TimelineStep[];
  notes: StaffNote[];
  closeReason: string | null;
  /** Erased on withdrawal: nothing ties the record to a person any more. */
  withdrawn: boolean;
  phone: string;
  fields: FieldRow[];
}

/** The step after `status` on the forward path, or null at the last step or once closed. */
export function nextStatus(path: readonly string[], status: string): string | null {
  if (status === 'closed') return null;
  return path[path.indexOf(status) + 1] ?? null;
}

export function summarize(record: StaffRecord): RecordSummary {
  if (record.kind === 'intent') {
    const v = record.view;
    return {
      title: '入党意向',
      status: v.status,
      path: INTENT_PATH,
      labels: INTENT_STATUS_LABELS,
      timeline: v.timeline,
      notes: v.notes,
      closeReason: v.closeReason,
      withdrawn: v.openid === null,
      phone: v.phone,
      fields: [
        { label: '姓名', value: v.name },
        { label: '性别', value: v.gender ? GENDER_LABELS[v.gender] : null },
        { label: '出生年月', value: formatBirthMonth(v.birthMonth) },
        { label: '手机号', value: v.phone },
        { label: '职业', value: v.occupation ? OCCUPATION_LABELS[v.occupation] : null },
        { label: '工作单位或平台', value: v.employer },
        { label: '政治面貌', value: v.politicalStatus ? POLITICAL_STATUS_LABELS[v.politicalStatus] : null },
        { label: '学历', value: v.education ? EDUCATION_LABELS[v.education] : null },
        { label: '个人陈述', value: v.statement },
        { label: '对接党组织', value: v.org?.name },
      ],
    };
  }
  const v = record.view;
  return {
    title: '党员报到',
    status: v.status,
    path: REPORT_PATH,
    labels: REPORT_STATUS_LABELS,
    timeline: v.timeline,
    notes: v.notes,
    closeReason: v.closeReason,
    withdrawn: v.openid === null,
    phone: v.phone,
    fields: [
      { label: '姓名', value: v.name },
      { label: '手机号', value: v.phone },
      { label: '组织关系所在', value: v.homeOrg },
      { label: '工作单位或平台', value: v.employer },
      { label: '报到意愿', value: v.wish ? REPORT_WISH_LABELS[v.wish] : null },
    ],
  };
}
