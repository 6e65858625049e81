/** 党员报到: a party member registered elsewhere (口袋党员) reports in; staff follow it up like an intent. */
import type { Page } from '@shared/common';
import {
  REPORT_PATH,
  maskPhone,
  type MemberReport,
  type MemberReportListItem,
  type MemberReportStaffView,
  type ReportStatus,
  type ReportSubmitInput,
  type ReportWish,
} from '@shared/intents';
import { REPORT_STATUS_LABELS } from '@shared/labels';
import type { Ctx } from '../core/context';
import type { FollowupRecord } from '../core/ports';
import {
  advanceFollowup,
  auditRead,
  listMine,
  loadForStaff,
  pageFor,
  submitFollowup,
  timelineOf,
  withdrawFollowup,
  type KindSpec,
} from '../followups/use-cases';

const REPORT: KindSpec = {
  kind: 'report',
  what: '党员报到',
  path: REPORT_PATH,
  statusLabel: (s) => REPORT_STATUS_LABELS[s as ReportStatus] ?? s,
  template: 'report_status',
};

async function toReport(ctx: Ctx, r: FollowupRecord): Promise<MemberReport> {
  const { timeline } = await timelineOf(ctx, r.id);
  return {
    id: r.id,
    status: r.status as ReportStatus,
    name: r.name ?? '',
    phone: r.phone ?? '',
    homeOrg: r.homeOrg ?? '',
    employer: r.employer ?? '',
    wish: r.wish as ReportWish,
    closeReason: r.closeReason,
    timeline,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function submitReport(ctx: Ctx, input: ReportSubmitInput): Promise<MemberReport> {
  const { consent: _consent, ...fields } = input;
  return toReport(ctx, await submitFollowup(ctx, REPORT, fields));
}

export async function myReports(ctx: Ctx): Promise<MemberReport[]> {
  return Promise.all((await listMine(ctx, REPORT)).map((r) => toReport(ctx, r)));
}

export async function withdrawReport(ctx: Ctx, input: { id: string }): Promise<MemberReport> {
  return toReport(ctx, await withdrawFollowup(ctx, REPORT, input.id));
}

export async function listReports(
  ctx: Ctx,
  input: { status?: ReportStatus; cursor?: string; limit?: number },
): Promise<Page<MemberReportListItem>> {
  return pageFor(ctx, REPORT, input, (r) => ({
    id: r.id,
    status: r.status as ReportStatus,
    name: r.name ?? '（已撤回）',
    phoneMasked: r.phone ? maskPhone(r.phone) : '',
    homeOrg: r.homeOrg ?? '',
    wish: r.wish as ReportWish,
    createdAt: r.createdAt,
  }));
}

async function staffView(ctx: Ctx, record: FollowupRecord): Promise<MemberReportStaffView> {
  const { notes } = await timelineOf(ctx, record.id);
  return { ...(await toReport(ctx, record)), openid: record.openid, notes };
}

export async function getReportForStaff(ctx: Ctx, input: { id: string }): Promise<MemberReportStaffView> {
  const record = await loadForStaff(ctx, REPORT, input.id);
  await auditRead(ctx, REPORT, input.id);
  return staffView(ctx, record);
}

export async function advanceReport(
  ctx: Ctx,
  input: { id: string; to: ReportStatus; note?: string; reason?: string },
): Promise<MemberReportStaffView> {
  return staffView(ctx, await advanceFollowup(ctx, REPORT, input));
}
