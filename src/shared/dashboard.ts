/** The half-year figures: the period asked for, and every figure the committee reports, as both adapters count them. */
import { z } from 'zod';

/** A calendar day, YYYY-MM-DD (Shanghai). */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d) && d >= '2000-01-01' && d <= '2099-12-31';
  }, '这个日期不存在');

/** The longest period one report covers. */
export const MAX_PERIOD_YEARS = 5;

/** A period of Shanghai calendar days, both ends included. */
export const PeriodInput = z
  .object({ from: DateOnly, to: DateOnly })
  .strict()
  .superRefine((v, ctx) => {
    if (v.from > v.to) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: '结束日期不能早于开始日期' });
    const limit = `${Number(v.from.slice(0, 4)) + MAX_PERIOD_YEARS}${v.from.slice(4)}`;
    if (v.to >= limit) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: `统计区间最长 ${MAX_PERIOD_YEARS} 年` });
  });
export type PeriodInput = z.output<typeof PeriodInput>;

/** The half-year (1 Jan–30 Jun or 1 Jul–31 Dec, Shanghai) holding `now`. */
export function halfYearOf(now: Date): PeriodInput {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  return local.getUTCMonth() < 6 ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
}

/** numerator / denominator, or null when there is nothing to divide by. */
export interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export const rateOf = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  rate: denominator ? Math.round((numerator / denominator) * 10000) / 10000 : null,
});

/** Needs of these categories are the suggestions the committee gathers (两个覆盖, 引才留才, 发展瓶颈). */
export const SUGGESTION_TOPICS = ['coverage_suggestion', 'talent', 'business'] as const;

export interface DashboardFigures {
  period: PeriodInput;
  orgs: {
    /** The register today, by kind and operating status. */
    byKindStatus: { kind: string; status: string; count: number }[];
    added: number;
    removed: number;
    movedOut: number;
  };
  /** Over the active organisations of the register. */
  coverage: { organisation: Rate; standalone: number; joint: number; work: Rate };
  branchesFounded: number;
  memberReports: number;
  intents: { received: number; byStatus: { status: string; count: number }[] };
  activities: { type: string; held: number; signups: number; attended: number }[];
  needs: {
    byCategory: { category: string; raised: number; closed: number; closure: Rate; medianDaysToClose: number | null }[];
    raised: number;
    closed: number;
    closure: Rate;
    medianDaysToClose: number | null;
  };
  suggestions: { topic: string; count: number }[];
}
