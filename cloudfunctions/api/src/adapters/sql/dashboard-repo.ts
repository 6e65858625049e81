/**
 * The half-year counts on SQL, one aggregate query per source. Plans (EXPLAIN on PGlite, 20,000 organisations, 100,000
 * registrations, 5,000 needs — see tests/bench/dashboard.ts):
 * - enterprises: one sequential pass with FILTERed counts (every figure reads most rows; 20,000 rows is one scan);
 * - followups: `followups_listing_all_idx (kind, created_at DESC, id)` bounds the period;
 * - events: `events_listing_idx (status, start_at, id)` bounds the period, and each event's sign-ups are counted from
 *   `registrations_event_status_idx (event_id, status, seq)` (an index-only count per event, no pass over all sign-ups);
 * - needs: `needs_listing_idx (created_at DESC, id DESC)` bounds the period.
 */
import type { DashboardCounts, DashboardRepo, PeriodBounds } from '../../core/ports';
import type { SqlDb } from './db';

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);
const days = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function sqlDashboardRepo(db: SqlDb): DashboardRepo {
  return {
    async counts(p: PeriodBounds): Promise<DashboardCounts> {
      const [orgs, followups, activities, needs, overall] = await Promise.all([
        // One pass over the register, grouped by kind and status, every other figure a FILTERed count summed below.
        db.query<Row>(
          `SELECT org_kind AS kind, org_status AS status, count(*)::int AS count,
             count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS added,
             count(*) FILTER (WHERE status_changed_on BETWEEN $3::date AND $4::date)::int AS changed,
             count(*) FILTER (WHERE coverage = 'standalone')::int AS standalone,
             count(*) FILTER (WHERE coverage = 'joint')::int AS joint,
             count(*) FILTER (WHERE instructor_openid IS NOT NULL OR instructor_name IS NOT NULL)::int AS instructed,
             count(*) FILTER (WHERE branch_founded_on BETWEEN $3::date AND $4::date)::int AS branches
           FROM enterprises GROUP BY 1, 2 ORDER BY 1, 2`,
          [p.fromAt, p.toAt, p.fromDate, p.toDate],
        ),
        db.query<Row>(
          `SELECT kind, status, count(*)::int AS count FROM followups
           WHERE kind IN ('intent', 'report') AND created_at >= $1 AND created_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
          [p.fromAt, p.toAt],
        ),
        // The period's events first, then their sign-ups in one hash join (not one index probe per event).
        db.query<Row>(
          `WITH held AS (
             SELECT id, type FROM events WHERE status = 'published' AND start_at >= $1 AND start_at < $2
           ), regs AS (
             SELECT r.event_id, count(*) FILTER (WHERE r.status IN ('confirmed', 'attended')) AS signups,
                    count(*) FILTER (WHERE r.status = 'attended') AS attended
             FROM registrations r JOIN held ON held.id = r.event_id GROUP BY r.event_id
           )
           SELECT held.type, count(*)::int AS held, COALESCE(sum(regs.signups), 0)::int AS signups,
                  COALESCE(sum(regs.attended), 0)::int AS attended
           FROM held LEFT JOIN regs ON regs.event_id = held.id GROUP BY held.type ORDER BY held.type`,
          [p.fromAt, p.toAt],
        ),
        db.query<Row>(
          `SELECT category, count(*)::int AS raised, count(*) FILTER (WHERE closed_at < $2)::int AS closed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at) / 86400)
               FILTER (WHERE closed_at < $2) AS median_days
           FROM needs WHERE created_at >= $1 AND created_at < $2 GROUP BY category ORDER BY category`,
          [p.fromAt, p.toAt],
        ),
        db.query<Row>(
          `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at) / 86400) AS median_days
           FROM needs WHERE created_at >= $1 AND created_at < $2 AND closed_at < $2`,
          [p.fromAt, p.toAt],
        ),
      ]);
      const sum = (rows: Row[], field: string) => rows.reduce((s, r) => s + n(r[field]), 0);
      const activeRows = orgs.filter((r) => r.status === 'active');
      return {
        orgsByKindStatus: orgs.map((r) => ({ kind: String(r.kind), status: String(r.status), count: n(r.count) })),
        orgsAdded: sum(orgs, 'added'),
        orgsRemoved: sum(orgs.filter((r) => r.status === 'removed'), 'changed'),
        orgsMovedOut: sum(orgs.filter((r) => r.status === 'moved_out'), 'changed'),
        active: sum(activeRows, 'count'),
        standalone: sum(activeRows, 'standalone'),
        joint: sum(activeRows, 'joint'),
        instructed: sum(activeRows, 'instructed'),
        branchesFounded: sum(orgs, 'branches'),
        memberReports: followups.filter((r) => r.kind === 'report').reduce((s, r) => s + n(r.count), 0),
        intentsByStatus: followups.filter((r) => r.kind === 'intent').map((r) => ({ status: String(r.status), count: n(r.count) })),
        activities: activities.map((r) => ({ type: String(r.type), held: n(r.held), signups: n(r.signups), attended: n(r.attended) })),
        needsByCategory: needs.map((r) => ({
          category: String(r.category), raised: n(r.raised), closed: n(r.closed), medianDays: days(r.median_days),
        })),
        needsMedianDays: days(overall[0]?.median_days),
      };
    },
  };
}
