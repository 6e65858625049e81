import type { Page } from '@shared/common';
import {
  INTENT_STATUSES,
  REPORT_STATUSES,
  type IntentListItem,
  type IntentStatus,
  type MemberReportListItem,
  type ReportStatus,
} from '@shared/intents';
import { INTENT_STATUS_LABELS, OCCUPATION_LABELS, REPORT_STATUS_LABELS, REPORT_WISH_LABELS } from '@shared/labels';
import { callApi } from '../../../api/callApi';

export type FollowupKind = 'intent' | 'report';
export type StatusFilter = 'all' | IntentStatus | ReportStatus;

const isIntentStatus = (s: string): s is IntentStatus => (INTENT_STATUSES as readonly string[]).includes(s);
const isReportStatus = (s: string): s is ReportStatus => (REPORT_STATUSES as readonly string[]).includes(s);

/** One line of the staff list, whichever kind: phone masked, no statement. */
export interface StaffRow {
  id: string;
  kind: FollowupKind;
  status: string;
  statusLabel: string;
  name: string;
  phoneMasked: string;
  details: string[];
  createdAt: string;
}

export const KIND_LABELS: Record<FollowupKind, string> = { intent: '入党意向', report: '党员报到' };

/** The status filter of each kind, 全部 first. */
export function statusFilters(kind: FollowupKind): { options: StatusFilter[]; labels: Record<string, string> } {
  const labels: Record<string, string> = { all: '全部', ...(kind === 'intent' ? INTENT_STATUS_LABELS : REPORT_STATUS_LABELS) };
  return { options: ['all', ...(kind === 'intent' ? INTENT_STATUSES : REPORT_STATUSES)], labels };
}

function intentRow(item: IntentListItem): StaffRow {
  return {
    id: item.id,
    kind: 'intent',
    status: item.status,
    statusLabel: INTENT_STATUS_LABELS[item.status],
    name: item.name,
    phoneMasked: item.phoneMasked,
    details: [OCCUPATION_LABELS[item.occupation] ?? '', item.employer ?? '', item.org ? `对接：${item.org.name}` : ''].filter(Boolean),
    createdAt: item.createdAt,
  };
}

function reportRow(item: MemberReportListItem): StaffRow {
  return {
    id: item.id,
    kind: 'report',
    status: item.status,
    statusLabel: REPORT_STATUS_LABELS[item.status],
    name: item.name,
    phoneMasked: item.phoneMasked,
    details: [item.homeOrg, item.wish ? REPORT_WISH_LABELS[item.wish] : ''].filter(Boolean),
    createdAt: item.createdAt,
  };
}

const PAGE_SIZE = 20;

/** One page of either list, newest first, as staff rows. */
export async function fetchRows(kind: FollowupKind, status: StatusFilter, cursor: string | undefined): Promise<Page<StaffRow>> {
  const paging = { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  if (kind === 'intent') {
    const filter = isIntentStatus(status) ? { status } : {};
    const page = await callApi('intents.list', { ...filter, ...paging });
    return { items: page.items.map(intentRow), nextCursor: page.nextCursor };
  }
  const filter = isReportStatus(status) ? { status } : {};
  const page = await callApi('memberReports.list', { ...filter, ...paging });
  return { items: page.items.map(reportRow), nextCursor: page.nextCursor };
}
