/** 企业诉求: the inputs, the categories with their time limits, and working-day arithmetic shared by client and server. */
import { z } from 'zod';
import { Cursor, Id, Limit } from './common';

export const NEED_CATEGORIES = [
  'recruitment',
  'talent',
  'policy',
  'finance',
  'space',
  'business',
  'party',
  'coverage_suggestion',
  'other',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const NEED_STATUSES = ['submitted', 'assigned', 'in_progress', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const NEED_RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type NeedRating = (typeof NEED_RATINGS)[number];

/**
 * Working days a need of each category may stay open (from the day it is raised to the day it is closed). Questions
 * that one department answers get 5; what needs several departments or a site visit gets 10–15.
 */
export const NEED_TIME_LIMITS: Record<NeedCategory, number> = {
  recruitment: 10,
  talent: 10,
  policy: 5,
  finance: 15,
  space: 15,
  business: 15,
  party: 10,
  coverage_suggestion: 15,
  other: 10,
};

/** The departments seeded at first start; staff add and rename them (needs.departments / addDepartment / renameDepartment). */
export const SEED_DEPARTMENTS = ['发展公司', '经发办', '社区事务受理服务中心', '综合党委'] as const;

/** China has kept UTC+8 all year since 1991: a Shanghai calendar day is a fixed shift of UTC. */
const SHANGHAI_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/**
 * The end (23:59:59.999 Shanghai) of the `days`-th working day after the Shanghai day of `from`. Working days are
 * Monday to Friday; public holidays and 调休 working weekends are NOT known here (no holiday data is kept), so a limit
 * over 国庆 falls due earlier than the official calendar would say.
 */
export function addWorkingDays(from: string, days: number): string {
  let local = Math.floor((Date.parse(from) + SHANGHAI_MS) / DAY_MS) * DAY_MS;
  let left = days;
  while (left > 0) {
    local += DAY_MS;
    const weekday = new Date(local).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(local + DAY_MS - 1 - SHANGHAI_MS).toISOString();
}

export function needDueAt(category: NeedCategory, createdAt: string): string {
  return addWorkingDays(createdAt, NEED_TIME_LIMITS[category]);
}

export function isNeedOverdue(need: { status: string; dueAt: string }, now: string): boolean {
  return need.status !== 'closed' && Date.parse(need.dueAt) < Date.parse(now);
}

/** Forward only: 待受理 → 已分派 → 办理中 → 已办结 (已分派 may go straight to 已办结 when the answer is at hand). */
export const NEED_NEXT: Record<NeedStatus, readonly NeedStatus[]> = {
  submitted: ['assigned'],
  assigned: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: [],
};

const NeedText = z.string().trim().min(5, '请至少写 5 个字，说清楚需要什么帮助').max(1000, '内容最多 1000 个字');
export const NeedAttachment = z
  .string()
  .trim()
  .max(500, '链接最多 500 个字符')
  .regex(/^https:\/\/[^\s]+$/, '附件请填写以 https:// 开头的链接');
export const DepartmentName = z.string().trim().min(2, '请填写部门名称').max(20, '部门名称最多 20 个字');

export const NeedCreateInput = z
  .object({
    category: z.enum(NEED_CATEGORIES, { errorMap: () => ({ message: '请选择诉求类别' }) }),
    text: NeedText,
    /** HR contacts: their own enterprise (may be left out); staff: required. */
    orgId: Id.optional(),
    attachment: NeedAttachment.optional(),
    visitId: Id.optional(),
  })
  .strict();

export const NeedListInput = z
  .object({
    status: z.enum(NEED_STATUSES).optional(),
    category: z.enum(NEED_CATEGORIES).optional(),
    overdue: z.boolean().optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();

export const NeedIdInput = z.object({ id: Id }).strict();
export const NeedAssignInput = z.object({ id: Id, department: DepartmentName }).strict();

const Reply = z.string().trim().min(2, '请填写答复').max(1000, '答复最多 1000 个字');
export const NeedAdvanceInput = z
  .object({
    id: Id,
    to: z.enum(['in_progress', 'closed'], { errorMap: () => ({ message: '只能推进到办理中或已办结' }) }),
    reply: Reply.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to === 'closed' && !v.reply) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reply'], message: '办结时请填写答复' });
  });

export const NeedRateInput = z
  .object({
    id: Id,
    rating: z.enum(NEED_RATINGS, { errorMap: () => ({ message: '请选择满意度' }) }),
    note: z.string().trim().max(200, '说明最多 200 个字').optional(),
  })
  .strict();

export const DepartmentAddInput = z.object({ name: DepartmentName }).strict();
export const DepartmentRenameInput = z.object({ from: DepartmentName, to: DepartmentName }).strict();

export interface Need {
  id: string;
  orgId: string;
  orgName: string;
  visitId: string | null;
  category: NeedCategory;
  text: string;
  attachment: string | null;
  status: NeedStatus;
  department: string | null;
  reply: string | null;
  rating: NeedRating | null;
  ratingNote: string | null;
  createdAt: string;
  dueAt: string;
  closedAt: string | null;
  overdue: boolean;
  /** Whether the caller may rate it now (the HR side, closed, not rated yet). */
  canRate: boolean;
}

export interface NeedCounts {
  open: number;
  overdue: number;
}

export interface Department {
  name: string;
}
