/**
 * 入党意向 (membership intent) and 党员报到 (a member registered elsewhere reporting in).
 * Sensitive personal information under PIPL: collected with separate consent, seen only by the person and staff.
 */
import { z } from 'zod';
import { Cursor, Id, Limit, PersonName, Phone } from './common';

export const INTENT_STATUSES = ['submitted', 'contacted', 'applied', 'activist', 'closed'] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];
/** The forward path; `closed` is reachable from any open state and is final. */
export const INTENT_PATH: IntentStatus[] = ['submitted', 'contacted', 'applied', 'activist'];

export const REPORT_STATUSES = ['submitted', 'contacted', 'transferred', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_PATH: ReportStatus[] = ['submitted', 'contacted', 'transferred'];

export const OCCUPATIONS = ['rider', 'courier', 'ride_hailing', 'truck_driver', 'live_seller', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const POLITICAL_STATUSES = ['masses', 'league_member'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export const EDUCATIONS = ['junior', 'senior', 'vocational', 'college', 'bachelor', 'master'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const REPORT_WISHES = ['transfer', 'flow'] as const;
export type ReportWish = (typeof REPORT_WISHES)[number];

export const MIN_AGE = 18;
export const UNDER_AGE_MESSAGE = `年满 ${MIN_AGE} 周岁方可提交入党意向`;

/** Shanghai has kept UTC+8 without daylight saving since 1991: a fixed offset needs no time-zone data. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Whole months from `birthMonth` (`YYYY-MM`) to the month of `nowIso` in Asia/Shanghai, counting by month:
 * born 2008-12, it is 216 (18 years) from 2026-12-01 00:00 Shanghai time. Negative for a month still to come.
 */
export function monthsSinceBirthMonth(birthMonth: string, nowIso: string): number {
  const [year, month] = birthMonth.split('-').map(Number);
  const shanghai = new Date(Date.parse(nowIso) + SHANGHAI_OFFSET_MS);
  return (shanghai.getUTCFullYear() - year) * 12 + (shanghai.getUTCMonth() + 1 - month);
}

/** Adult by month: `MIN_AGE` years are complete from the first day of the birth month (Shanghai) on. */
export function isAdultByMonth(birthMonth: string, nowIso: string): boolean {
  return monthsSinceBirthMonth(birthMonth, nowIso) >= MIN_AGE * 12;
}

export const STATEMENT_MAX = 500;
/** How long a closed record's personal fields are kept before erasure (stated in the privacy notice). */
export const RETENTION_YEARS = 3;

const BirthMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '出生年月格式应为 YYYY-MM');
const Employer = z.string().trim().max(60, '工作单位或平台最多 60 个字');
const Statement = z.string().trim().max(STATEMENT_MAX, `个人陈述最多 ${STATEMENT_MAX} 个字`);

const intentFields = {
  name: PersonName,
  gender: z.enum(GENDERS, { message: '请选择性别' }),
  birthMonth: BirthMonth,
  phone: Phone,
  occupation: z.enum(OCCUPATIONS, { message: '请选择职业' }),
  employer: Employer.optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES, { message: '请选择政治面貌' }),
  education: z.enum(EDUCATIONS, { message: '请选择学历' }).optional(),
  statement: Statement.optional(),
};

export const IntentSubmitInput = z
  .object({ ...intentFields, consent: z.literal(true, { errorMap: () => ({ message: '请阅读并同意个人信息处理说明' }) }) })
  .strict();
export type IntentSubmitInput = z.infer<typeof IntentSubmitInput>;

export const IntentUpdateInput = z
  .object({ id: Id, ...intentFields })
  .partial()
  .required({ id: true })
  .strict();
export type IntentUpdateInput = z.infer<typeof IntentUpdateInput>;

export const RecordIdInput = z.object({ id: Id }).strict();

export const IntentListInput = z
  .object({ status: z.enum(INTENT_STATUSES).optional(), cursor: Cursor.optional(), limit: Limit.optional() })
  .strict();

export const IntentAdvanceInput = z
  .object({
    id: Id,
    to: z.enum(INTENT_STATUSES, { message: '目标状态不正确' }),
    note: z.string().trim().max(500, '备注最多 500 个字').optional(),
    /** Shown to the person when closing: a plain reason. */
    reason: z.string().trim().min(2, '请填写结束原因').max(200, '原因最多 200 个字').optional(),
  })
  .strict();

export const IntentAssignInput = z.object({ id: Id, orgId: Id }).strict();

export const ReportSubmitInput = z
  .object({
    name: PersonName,
    phone: Phone,
    homeOrg: z.string().trim().min(2, '请填写组织关系所在党组织').max(80, '党组织名称最多 80 个字'),
    employer: Employer.min(1, '请填写工作单位或平台'),
    wish: z.enum(REPORT_WISHES, { message: '请选择报到意愿' }),
    consent: z.literal(true, { errorMap: () => ({ message: '请阅读并同意个人信息处理说明' }) }),
  })
  .strict();
export type ReportSubmitInput = z.infer<typeof ReportSubmitInput>;

export const ReportListInput = z
  .object({ status: z.enum(REPORT_STATUSES).optional(), cursor: Cursor.optional(), limit: Limit.optional() })
  .strict();

export const ReportAdvanceInput = z
  .object({
    id: Id,
    to: z.enum(REPORT_STATUSES, { message: '目标状态不正确' }),
    note: z.string().trim().max(500, '备注最多 500 个字').optional(),
    reason: z.string().trim().min(2, '请填写结束原因').max(200, '原因最多 200 个字').optional(),
  })
  .strict();

/** One step of the timeline the person sees: no staff notes, only what happened and when. */
export interface TimelineStep {
  status: string;
  at: string;
  /** The plain reason, only on 已结束. */
  reason: string | null;
}

export interface PartyOrg {
  id: string;
  name: string;
  kind: 'standalone' | 'joint';
}

export interface Intent {
  id: string;
  status: IntentStatus;
  name: string;
  gender: Gender;
  birthMonth: string;
  phone: string;
  occupation: Occupation;
  employer: string | null;
  politicalStatus: PoliticalStatus;
  education: Education | null;
  statement: string | null;
  editable: boolean;
  org: PartyOrg | null;
  closeReason: string | null;
  timeline: TimelineStep[];
  createdAt: string;
  updatedAt: string;
}

/** What a staff list shows: phone masked, no statement. */
export interface IntentListItem {
  id: string;
  status: IntentStatus;
  name: string;
  phoneMasked: string;
  occupation: Occupation;
  employer: string | null;
  org: PartyOrg | null;
  createdAt: string;
}

export interface StaffNote {
  at: string;
  /** The actor's openid (or 本人), for operators; people read `actorName`. */
  by: string;
  /** The staff member's name, 工作人员 when they have none on record, 本人 for the person themself. */
  actorName: string;
  from: string | null;
  to: string;
  note: string | null;
}

export interface IntentStaffView extends Intent {
  openid: string | null;
  notes: StaffNote[];
}

export interface MemberReport {
  id: string;
  status: ReportStatus;
  name: string;
  phone: string;
  homeOrg: string;
  employer: string;
  wish: ReportWish;
  closeReason: string | null;
  timeline: TimelineStep[];
  createdAt: string;
  updatedAt: string;
}

export interface MemberReportListItem {
  id: string;
  status: ReportStatus;
  name: string;
  phoneMasked: string;
  homeOrg: string;
  wish: ReportWish;
  createdAt: string;
}

export interface MemberReportStaffView extends MemberReport {
  openid: string | null;
  notes: StaffNote[];
}

export interface IntentStats {
  byStatus: Record<IntentStatus, number>;
  /** Submissions per month, `YYYY-MM` in Asia/Shanghai, oldest first. */
  byMonth: { month: string; count: number }[];
  withdrawn: number;
}

/** 13800138000 → 138****8000 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
