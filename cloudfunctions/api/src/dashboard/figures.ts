/**
 * The half-year figures staff see as a dashboard and export as a report. The adapters count; this turns the counts into
 * the figures (rates, medians in days, topics) in one fixed order, the same on both engines.
 */
import { SUGGESTION_TOPICS, rateOf, type DashboardFigures, type PeriodInput } from '@shared/dashboard';
import { NEED_CATEGORIES } from '@shared/needs';
import { INTENT_STATUSES } from '@shared/intents';
import { EVENT_TYPES } from '@shared/events';
import type { Ctx } from '../core/context';
import type { DashboardCounts, PeriodBounds } from '../core/ports';

const DAY_MS = 86_400_000;

/** Shanghai days `from`..`to` (both whole) as instants: China keeps UTC+8 all year. */
export function periodBounds(p: PeriodInput): PeriodBounds {
  const start = (day: string) => new Date(`${day}T00:00:00+08:00`).getTime();
  return {
    fromDate: p.from,
    toDate: p.to,
    fromAt: new Date(start(p.from)).toISOString(),
    toAt: new Date(start(p.to) + DAY_MS).toISOString(),
  };
}

const oneDecimal = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);
/** Known values first, in their declared order; anything else after, as stored. */
const ordered = <T>(rows: T[], key: (r: T) => string, order: readonly string[]) =>
  [...rows].sort((a, b) => {
    const ia = order.indexOf(key(a));
    const ib = order.indexOf(key(b));
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || key(a).localeCompare(key(b));
  });

export function toFigures(period: PeriodInput, c: DashboardCounts): DashboardFigures {
  const needs = ordered(c.needsByCategory, (r) => r.category, NEED_CATEGORIES);
  const raised = needs.reduce((s, r) => s + r.raised, 0);
  const closed = needs.reduce((s, r) => s + r.closed, 0);
  const intents = ordered(c.intentsByStatus, (r) => r.status, INTENT_STATUSES);
  return {
    period,
    orgs: {
      byKindStatus: ordered(ordered(c.orgsByKindStatus, (r) => r.status, ['active', 'removed', 'moved_out']), (r) => r.kind, ['economic', 'social']),
      added: c.orgsAdded,
      removed: c.orgsRemoved,
      movedOut: c.orgsMovedOut,
    },
    coverage: {
      organisation: rateOf(c.standalone + c.joint, c.active),
      standalone: c.standalone,
      joint: c.joint,
      work: rateOf(c.instructed, c.active),
    },
    branchesFounded: c.branchesFounded,
    memberReports: c.memberReports,
    intents: { received: intents.reduce((s, r) => s + r.count, 0), byStatus: intents },
    activities: ordered(c.activities, (r) => r.type, EVENT_TYPES),
    needs: {
      byCategory: needs.map((r) => ({
        category: r.category,
        raised: r.raised,
        closed: r.closed,
        closure: rateOf(r.closed, r.raised),
        medianDaysToClose: oneDecimal(r.medianDays),
      })),
      raised,
      closed,
      closure: rateOf(closed, raised),
      medianDaysToClose: oneDecimal(c.needsMedianDays),
    },
    suggestions: SUGGESTION_TOPICS.map((topic) => ({ topic, count: needs.find((r) => r.category === topic)?.raised ?? 0 })),
  };
}

export async function dashboardFigures(ctx: Ctx, input: PeriodInput): Promise<DashboardFigures> {
  return toFigures(input, await ctx.deps.repos.dashboard.counts(periodBounds(input)));
}
