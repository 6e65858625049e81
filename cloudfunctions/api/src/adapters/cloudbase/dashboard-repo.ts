/**
 * The half-year counts on CloudBase, computed by reading the collections (with projections) and counting here:
 * CloudBase's aggregation has no FILTERed counts or percentiles, and a town's register (tens of thousands of
 * documents) is read in pages of 100 — seconds, not milliseconds, on a big register; fine for a report asked for
 * a few times a month. Tested on the engine double against the same figures as SQL.
 */
import type { DashboardCounts, DashboardRepo, PeriodBounds } from '../../core/ports';
import { getAll, isoOf, type CloudDb, type Doc } from './db';

const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function tally<K extends string>(keys: K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

export function cloudbaseDashboardRepo(db: CloudDb): DashboardRepo {
  const _ = db.command;
  return {
    async counts(p: PeriodBounds): Promise<DashboardCounts> {
      const from = new Date(p.fromAt);
      const to = new Date(p.toAt);
      const inPeriod = { createdAt: _.and(_.gte(from), _.lt(to)) };
      const inDays = (d: unknown) => typeof d === 'string' && d >= p.fromDate && d <= p.toDate;

      const orgs = await getAll(
        db.collection('enterprises').field({
          orgKind: true, orgStatus: true, statusChangedOn: true, coverage: true, branchFoundedOn: true,
          instructorOpenid: true, instructorName: true, createdAt: true,
        }),
      );
      const kindOf = (d: Doc) => String(d.orgKind ?? 'economic');
      const statusOf = (d: Doc) => String(d.orgStatus ?? 'active');
      const active = orgs.filter((d) => statusOf(d) === 'active');
      const byKindStatus = tally(orgs.map((d) => `${kindOf(d)}|${statusOf(d)}`));

      const followups = await getAll(
        db.collection('followups').where({ kind: _.in(['intent', 'report']), ...inPeriod }).field({ kind: true, status: true }),
      );
      const intents = tally(followups.filter((d) => d.kind === 'intent').map((d) => String(d.status)));

      const events = await getAll(
        db.collection('events').where({ status: 'published', startAt: _.and(_.gte(from), _.lt(to)) }).field({ type: true }),
      );
      const activities = new Map<string, { held: number; signups: number; attended: number }>();
      for (let i = 0; i < events.length; i += 100) {
        const page = events.slice(i, i + 100);
        const regs = await getAll(
          db.collection('registrations').where({ eventId: _.in(page.map((e) => e._id)), status: _.in(['confirmed', 'attended']) }).field({ eventId: true, status: true }),
        );
        const typeOf = new Map(page.map((e) => [e._id, String(e.type)]));
        for (const e of page) {
          const a = activities.get(String(e.type)) ?? { held: 0, signups: 0, attended: 0 };
          activities.set(String(e.type), { ...a, held: a.held + 1 });
        }
        for (const r of regs) {
          const type = typeOf.get(String(r.eventId)) as string;
          const a = activities.get(type) as { held: number; signups: number; attended: number };
          a.signups += 1;
          if (r.status === 'attended') a.attended += 1;
        }
      }

      const needs = await getAll(db.collection('needs').where(inPeriod).field({ category: true, createdAt: true, closedAt: true }));
      const closedDays = (d: Doc) =>
        d.closedAt && Date.parse(isoOf(d.closedAt)) < to.getTime() ? (Date.parse(isoOf(d.closedAt)) - Date.parse(isoOf(d.createdAt))) / DAY_MS : null;
      const byCategory = new Map<string, number[] & { raised?: number }>();
      const raised = tally(needs.map((d) => String(d.category)));
      for (const d of needs) {
        const days = closedDays(d);
        const list = byCategory.get(String(d.category)) ?? [];
        if (days !== null) list.push(days);
        byCategory.set(String(d.category), list);
      }
      const allDays = needs.map(closedDays).filter((v): v is number => v !== null);

      return {
        orgsByKindStatus: [...byKindStatus.entries()]
          .map(([key, count]) => ({ kind: key.split('|')[0], status: key.split('|')[1], count }))
          .sort((a, b) => a.kind.localeCompare(b.kind) || a.status.localeCompare(b.status)),
        orgsAdded: orgs.filter((d) => d.createdAt && isoOf(d.createdAt) >= p.fromAt && isoOf(d.createdAt) < p.toAt).length,
        orgsRemoved: orgs.filter((d) => statusOf(d) === 'removed' && inDays(d.statusChangedOn)).length,
        orgsMovedOut: orgs.filter((d) => statusOf(d) === 'moved_out' && inDays(d.statusChangedOn)).length,
        active: active.length,
        standalone: active.filter((d) => d.coverage === 'standalone').length,
        joint: active.filter((d) => d.coverage === 'joint').length,
        instructed: active.filter((d) => d.instructorOpenid || d.instructorName).length,
        branchesFounded: orgs.filter((d) => inDays(d.branchFoundedOn)).length,
        memberReports: followups.filter((d) => d.kind === 'report').length,
        intentsByStatus: [...intents.entries()].map(([status, count]) => ({ status, count })).sort((a, b) => a.status.localeCompare(b.status)),
        activities: [...activities.entries()].map(([type, a]) => ({ type, ...a })).sort((a, b) => a.type.localeCompare(b.type)),
        needsByCategory: [...raised.entries()]
          .map(([category, count]) => ({ category, raised: count, closed: byCategory.get(category)?.length ?? 0, medianDays: median(byCategory.get(category) ?? []) }))
          .sort((a, b) => a.category.localeCompare(b.category)),
        needsMedianDays: median(allDays),
      };
    },
  };
}
