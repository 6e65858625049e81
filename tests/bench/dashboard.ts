/**
 * dashboard.figures for a half-year over 20,000 organisations, 10,000 events with 100,000 registrations, 5,000 needs
 * and 4,000 follow-ups, seeded with set-based INSERTs spread over two years, through the one dispatch as staff.
 * Target (issue 11): p95 ≤ 300 ms on PGlite, ≤ 100 ms on PostgreSQL. Prints each statement's plan.
 */
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import type { SqlDb } from '../../cloudfunctions/api/src/adapters/sql';
import { timeSeeding } from './against-sql';
import { ms, sample, section, subsection, summarize, type SummaryRow } from './stats';
import { engineLabel, givenStaff, onEachEngine, type BenchWorld } from './world';

const ORGS = 20_000;
const EVENTS = 10_000;
const REGISTRATIONS = 100_000;
const USERS = 20_000;
const NEEDS = 5_000;
const FOLLOWUPS = 4_000;
const RUNS = 60;
const WARMUP = 5;
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
/** Records spread over these two years, so a half-year is a quarter of each table. */
const START = '2025-07-01T00:00:00+08:00';

export async function runDashboard(): Promise<SummaryRow[]> {
  section(`Dashboard figures — ${ORGS.toLocaleString('en')} organisations, ${REGISTRATIONS.toLocaleString('en')} registrations, ${NEEDS.toLocaleString('en')} needs`);
  console.log(`Each figure: ${RUNS} sequential dashboard.figures calls for ${PERIOD.from}..${PERIOD.to} after ${WARMUP} warm-up calls, as staff.`);
  return (await onEachEngine(measure)).flat();
}

async function measure(world: BenchWorld): Promise<SummaryRow[]> {
  const label = await engineLabel(world);
  const db = world.testDb.db;
  const staff = await givenStaff(world);
  const seedMs = await timeSeeding(label, () => seed(db));
  console.log(`seeded in ${ms(seedMs)}`);
  const samples = await sample(RUNS, WARMUP, async () => {
    const result = await dispatch(world.deps, { openid: staff }, 'dashboard.figures', PERIOD);
    if (!result.ok) throw new Error(`dashboard.figures failed: ${result.error.code} ${result.error.message}`);
  });
  const s = summarize(samples);
  const figures = `p50 ${ms(s.p50)} p95 ${ms(s.p95)} max ${ms(s.max)}`;
  console.log(`${label}: ${figures}`);
  await printPlans(db);
  return [{ section: 'dashboard.figures (half-year)', engine: label, figures }];
}

async function printPlans(db: SqlDb): Promise<void> {
  const from = '2025-12-31T16:00:00.000Z';
  const to = '2026-06-30T16:00:00.000Z';
  const plans: [string, string, unknown[]][] = [
    ['organisations (one pass)', `SELECT org_kind, org_status, count(*), count(*) FILTER (WHERE created_at >= $1 AND created_at < $2), count(*) FILTER (WHERE coverage = 'joint') FROM enterprises GROUP BY 1, 2`, [from, to]],
    ['activities', `WITH held AS (SELECT id, type FROM events WHERE status = 'published' AND start_at >= $1 AND start_at < $2), regs AS (SELECT r.event_id, count(*) FILTER (WHERE r.status IN ('confirmed','attended')) AS signups FROM registrations r JOIN held ON held.id = r.event_id GROUP BY r.event_id) SELECT held.type, count(*), sum(regs.signups) FROM held LEFT JOIN regs ON regs.event_id = held.id GROUP BY held.type`, [from, to]],
    ['needs', `SELECT category, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at)) FILTER (WHERE closed_at < $2) FROM needs WHERE created_at >= $1 AND created_at < $2 GROUP BY category`, [from, to]],
    ['follow-ups', `SELECT kind, status, count(*) FROM followups WHERE kind IN ('intent','report') AND created_at >= $1 AND created_at < $2 GROUP BY 1, 2`, [from, to]],
  ];
  for (const [name, sql, params] of plans) {
    subsection(`EXPLAIN ANALYZE — ${name}`);
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) ${sql}`, params);
    console.log(plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
  }
}

async function seed(db: SqlDb): Promise<void> {
  const spread = (n: string, mod: number) => `$1::timestamptz + ((${n} * 7919) % ${mod}) * interval '1 minute'`;
  const TWO_YEARS_MIN = 2 * 365 * 1440;
  await db.query(
    `INSERT INTO users (openid, roles, created_at, updated_at)
     SELECT 'bench-user-' || g, ARRAY['worker'], $1, $1 FROM generate_series(0, $2 - 1) g`,
    [START, USERS],
  );
  await db.query(
    `INSERT INTO enterprises (id, name, created_at, org_kind, org_status, status_changed_on, coverage, branch_name, branch_founded_on,
                              joint_org_id, instructor_name)
     SELECT 'bench-org-' || n, '企业' || n, t,
            CASE WHEN n % 5 = 0 THEN 'social' ELSE 'economic' END,
            CASE WHEN n % 10 = 3 THEN 'removed' WHEN n % 25 = 4 THEN 'moved_out' ELSE 'active' END,
            CASE WHEN n % 10 = 3 OR n % 25 = 4 THEN (t + interval '30 days')::date END,
            CASE WHEN n % 20 = 1 THEN 'standalone' WHEN n % 7 = 2 THEN 'joint' ELSE 'none' END,
            CASE WHEN n % 20 = 1 THEN '党支部' END,
            CASE WHEN n % 20 = 1 THEN (t + interval '60 days')::date END,
            CASE WHEN n % 20 <> 1 AND n % 7 = 2 THEN 'org-joint-sheshan' END,
            CASE WHEN n % 3 = 0 THEN '指导员' END
     FROM generate_series(1, $2) n, LATERAL (SELECT ${spread('n', TWO_YEARS_MIN)} AS t) s`,
    [START, ORGS],
  );
  await db.query(
    `INSERT INTO events (id, type, title, start_at, end_at, location, capacity, waitlist, audience, status, created_by, created_at, updated_at)
     SELECT 'bench-ev-' || n, (ARRAY['fair','training','policy','salon','service'])[1 + n % 5], '活动' || n, t, t + interval '2 hours',
            '佘山镇党群服务中心', 1000, true, 'all', CASE WHEN n % 20 = 13 THEN 'cancelled' ELSE 'published' END, 'bench-staff', t, t
     FROM generate_series(1, $2) n, LATERAL (SELECT ${spread('n', TWO_YEARS_MIN)} AS t) s`,
    [START, EVENTS],
  );
  await db.query(
    `INSERT INTO registrations (id, event_id, openid, status, name, phone, created_at, updated_at)
     SELECT 'bench-reg-' || n, 'bench-ev-' || (1 + n % $2), 'bench-user-' || (n / $2),
            (ARRAY['confirmed','attended','attended','cancelled','waitlisted'])[1 + n % 5], '报名人', '13800000000', $1, $1
     FROM generate_series(0, $3 - 1) n`,
    [START, EVENTS, REGISTRATIONS],
  );
  await db.query(
    `INSERT INTO needs (id, org_id, category, text, author_openid, status, created_at, due_at, closed_at)
     SELECT 'bench-need-' || n, 'bench-org-' || (1 + n % $2),
            (ARRAY['recruitment','talent','policy','finance','space','business','party','coverage_suggestion','other'])[1 + n % 9],
            '诉求', 'bench-hr', CASE WHEN n % 3 = 0 THEN 'submitted' ELSE 'closed' END, t, t + interval '14 days',
            CASE WHEN n % 3 <> 0 THEN t + ((n % 20) || ' days')::interval END
     FROM generate_series(1, $3) n, LATERAL (SELECT ${spread('n', TWO_YEARS_MIN)} AS t) s`,
    [START, ORGS, NEEDS],
  );
  await db.query(
    `INSERT INTO followups (id, kind, status, consent_at, created_at, updated_at)
     SELECT 'bench-fu-' || n, CASE WHEN n % 4 = 0 THEN 'report' ELSE 'intent' END,
            (ARRAY['submitted','contacted','applied','activist','closed'])[1 + n % 5], t, t, t
     FROM generate_series(1, $2) n, LATERAL (SELECT ${spread('n', TWO_YEARS_MIN)} AS t) s`,
    [START, FOLLOWUPS],
  );
  await db.query('ANALYZE');
}
