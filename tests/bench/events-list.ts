/**
 * events.list at scale: 10,000 events and 100,000 registrations put in with a few set-based INSERTs, then the
 * first page, a deep page (via cursor) and a type-filtered page, each through the one dispatch and as the bare
 * SELECT the SQL adapter issues. The ratio between the two is what our layers cost on top of the database.
 */
import { performance } from 'node:perf_hooks';
import type { ActionInput } from '@shared/contract';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { EVENT_COLUMNS } from '../../cloudfunctions/api/src/adapters/sql/events-repo';
import type { SqlDb } from '../../cloudfunctions/api/src/adapters/sql';
import { againstSqlFigures, printPlans, timeAgainstSql, timeSeeding, type SqlVariant } from './against-sql';
import { ms, section, subsection, table, type SummaryRow } from './stats';
import { engineLabel, onEachEngine, type BenchWorld } from './world';

const EVENTS = 10_000;
const REGISTRATIONS = 100_000;
const USERS = 20_000;
/** Events that draw a crowd (500 sign-ups each, far over capacity): half of all registrations. */
const HOT_EVENTS = 100;
const HOT_SIGNUPS = 500;
const PAGE = 20;
/** Past, published events added afterwards: what a long history does to the first page. */
const PAST_EVENTS = 10_000;
/** The deep page starts after this many listed events (page 251 at 20 a page). */
const DEEP_OFFSET = 5_000;
const RUNS = 500;
const WARMUP = 20;

type ListPayload = ActionInput<'events.list'>;

/** A page with the statement `sqlEventsRepo.list` sends for it (limit + 1 rows: one to spot a next page). */
type Variant = SqlVariant<ListPayload>;

export async function runEventsList(): Promise<SummaryRow[]> {
  section(`2. events.list at scale — ${EVENTS.toLocaleString('en')} events, ${REGISTRATIONS.toLocaleString('en')} registrations`);
  console.log(`Each figure: ${RUNS} sequential calls after ${WARMUP} warm-up calls, dispatch and raw SQL alternating; limit ${PAGE}, anonymous caller.`);
  console.log('"dispatch" = dispatch(deps, null, "events.list", payload); "raw SQL" = the same SELECT through db.query.');
  return (await onEachEngine(measureEngine)).flat();
}

async function measureEngine(world: BenchWorld): Promise<SummaryRow[]> {
  const label = await engineLabel(world);
  const db = world.testDb.db;
  const now = new Date();
  const seedMs = await timeSeeding(label, () => seed(db, now));
  const counts = await db.query<{ events: number; published: number; regs: number; confirmed: number; waitlisted: number }>(
    `SELECT (SELECT count(*) FROM events)::int AS events,
            (SELECT count(*) FROM events WHERE status = 'published')::int AS published,
            (SELECT count(*) FROM registrations)::int AS regs,
            (SELECT sum(confirmed_count) FROM events)::int AS confirmed,
            (SELECT sum(waitlist_count) FROM events)::int AS waitlisted`,
  );
  const c = counts[0];
  console.log(
    `${c.events} events (${c.published} published), ${c.regs} registrations (${c.confirmed} confirmed, ${c.waitlisted} waitlisted) in ${ms(seedMs)}`,
  );

  // The use case reads the clock once per call; the raw query uses that same instant, fixed for the run.
  const listNow = new Date(now.getTime() + 1000);
  world.deps.now = () => listNow;
  const variants = await buildVariants(world, listNow.toISOString());
  await checkSamePage(world, variants);

  const summary = await measureVariants(world, label, variants);

  // History piles up: published events that have ended stay in the listing index ahead of the upcoming ones.
  subsection(`${label}: adding ${PAST_EVENTS.toLocaleString('en')} past published events (starts over the last year)`);
  await seedPast(db, now);
  const [firstPage] = variants;
  summary.push(...(await measureVariants(world, label, [{ ...firstPage, name: `first page, +${PAST_EVENTS / 1000}k past events` }])));
  summary[0].figures += `; seeded in ${ms(seedMs)}`;
  return summary;
}

async function measureVariants(world: BenchWorld, label: string, variants: Variant[]): Promise<SummaryRow[]> {
  const results: string[][] = [['page', 'dispatch p50', 'dispatch p95', 'raw SQL p50', 'raw SQL p95', 'ratio p50', 'overhead p50']];
  const summary: SummaryRow[] = [];
  for (const v of variants) {
    const timing = await timeAgainstSql(world, 'events.list', v, RUNS, WARMUP);
    const { viaDispatch, raw, ratio } = timing;
    results.push([v.name, ms(viaDispatch.p50), ms(viaDispatch.p95), ms(raw.p50), ms(raw.p95), `${ratio.toFixed(2)}×`, ms(viaDispatch.p50 - raw.p50)]);
    summary.push({
      section: `2 events.list ${v.name}`,
      engine: label,
      figures: `${againstSqlFigures(timing)} · ${ratio.toFixed(2)}×`,
    });
  }
  subsection(`${label}: timings`);
  console.log(table(results));

  await printPlans(world, label, variants);
  return summary;
}

/** The three pages, each with the SELECT `sqlEventsRepo.list` builds for it (adapters/sql/events-repo.ts). */
async function buildVariants(world: BenchWorld, nowIso: string): Promise<Variant[]> {
  const deep = await walkTo(world, DEEP_OFFSET);
  const select = (where: string[], limitParam: number) =>
    `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY start_at, id LIMIT $${limitParam}`;
  return [
    {
      name: 'first page',
      payload: { limit: PAGE },
      sql: select(['status = $1', 'end_at > $2'], 3),
      params: ['published', nowIso, PAGE + 1],
    },
    {
      name: `deep page (after ${DEEP_OFFSET})`,
      payload: { limit: PAGE, cursor: deep.cursor },
      sql: select(['status = $1', 'end_at > $2', '(start_at, id) > ($3, $4)'], 5),
      params: ['published', nowIso, deep.last.startAt, deep.last.id, PAGE + 1],
    },
    {
      name: 'type=salon',
      payload: { limit: PAGE, type: 'salon' },
      sql: select(['status = $1', 'type = $2', 'end_at > $3'], 4),
      params: ['published', 'salon', nowIso, PAGE + 1],
    },
  ];
}

/**
 * Pages through events.list as a client would (50 a page) until `offset` events have been seen: the cursor stays
 * opaque, and the last event seen gives the keyset the raw query starts after.
 */
async function walkTo(world: BenchWorld, offset: number): Promise<{ cursor: string; last: { startAt: string; id: string } }> {
  const pageSize = 50;
  let cursor: string | undefined;
  let last: { startAt: string; id: string } | undefined;
  const started = performance.now();
  for (let seen = 0; seen < offset; seen += pageSize) {
    const payload: ListPayload = cursor ? { limit: pageSize, cursor } : { limit: pageSize };
    const result = await dispatch(world.deps, null, 'events.list', payload);
    if (!result.ok) throw new Error(`events.list failed while paging: ${result.error.code}`);
    const page = result.data as { items: { startAt: string; id: string }[]; nextCursor: string | null };
    if (!page.nextCursor) throw new Error(`only ${seen + page.items.length} events listed; need ${offset}`);
    cursor = page.nextCursor;
    last = page.items[page.items.length - 1];
  }
  if (!cursor || !last) throw new Error('nothing to page through');
  console.log(`paging to event ${offset} through dispatch (${offset / pageSize} calls of ${pageSize}): ${ms(performance.now() - started)}`);
  return { cursor, last };
}

/** Guards the comparison: the raw statement must return the page dispatch returns, or the ratio means nothing. */
async function checkSamePage(world: BenchWorld, variants: Variant[]): Promise<void> {
  for (const v of variants) {
    const result = await dispatch(world.deps, null, 'events.list', v.payload);
    const raw = await world.testDb.db.query<{ id: string }>(v.sql, v.params);
    const viaDispatch = result.ok ? (result.data as { items: { id: string }[] }).items.map((e) => e.id) : [];
    const same = viaDispatch.join() === raw.slice(0, PAGE).map((r) => r.id).join();
    if (!same) console.log(`WARNING: ${v.name}: raw SQL and dispatch return different pages; the ratio below is not like for like`);
  }
}

async function seedPast(db: SqlDb, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO events (id, type, title, description, start_at, end_at, location, capacity, signup_deadline, waitlist,
                         audience, status, cancel_reason, published_at, created_by, created_at, updated_at)
     SELECT 'bench-past-' || lpad(n::text, 6, '0'), 'training', '往期活动 ' || n, '', start_at, start_at + interval '2 hours',
            '佘山镇党群服务中心', 50, NULL, true, 'all', 'published', NULL, start_at - interval '7 days', 'bench-staff',
            start_at - interval '7 days', start_at - interval '7 days'
     FROM generate_series(1, $2) n,
          LATERAL (SELECT $1::timestamptz - interval '1 day' - ((n * 7919) % 525600) * interval '1 minute' AS start_at) s`,
    [now.toISOString(), PAST_EVENTS],
  );
  await db.query('ANALYZE events');
}

/**
 * Set-based seed. Events: fair 20%, training 30%, policy 20%, salon 10%, service 20%, 90% published / 5% draft / 5% cancelled, starts
 * spread over the coming year. Registrations: 100 hot events get 500 each, the other 50,000 go round-robin over the
 * remaining published and cancelled events; within an event the first `capacity` live ones are confirmed, the rest
 * wait, and every 23rd is cancelled. The counters on events are then recomputed from the rows.
 */
async function seed(db: SqlDb, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  await db.query(
    `INSERT INTO users (openid, roles, name, phone, created_at, updated_at)
     SELECT 'bench-user-' || g, ARRAY['worker'], '骑手' || g, '138' || lpad(g::text, 8, '0'), $1, $1
     FROM generate_series(0, $2 - 1) g`,
    [nowIso, USERS],
  );
  await db.query(
    `INSERT INTO events (id, type, title, description, start_at, end_at, location, capacity, signup_deadline, waitlist,
                         audience, status, cancel_reason, published_at, created_by, created_at, updated_at)
     SELECT 'bench-ev-' || lpad(n::text, 6, '0'),
            (ARRAY['fair','training','training','policy','salon','service','fair','training','policy','service'])[1 + (n * 7) % 10],
            '第' || n || '期 佘山镇“两新”活动',
            '送培训、送政策、送服务',
            start_at, start_at + interval '2 hours',
            '佘山镇党群服务中心',
            20 + (n * 13) % 181,
            NULL, true, 'all',
            CASE WHEN n % 100 = 0 THEN 'published' WHEN n % 20 = 7 THEN 'draft' WHEN n % 20 = 13 THEN 'cancelled' ELSE 'published' END,
            CASE WHEN n % 100 <> 0 AND n % 20 = 13 THEN '场地调整' END,
            CASE WHEN n % 100 = 0 OR n % 20 <> 7 THEN $1::timestamptz END,
            'bench-staff', $1, $1
     FROM generate_series(1, $2) n,
          LATERAL (SELECT $1::timestamptz + interval '1 hour' + ((n * 7919) % 525600) * interval '1 minute' AS start_at) s`,
    [nowIso, EVENTS],
  );
  await db.query(
    `INSERT INTO registrations (id, event_id, openid, status, name, phone, seq, created_at, updated_at, cancelled_at)
     WITH quiet AS (
       SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS m, count(*) OVER ()::int AS k
       FROM events WHERE status <> 'draft' AND id NOT IN (
         SELECT 'bench-ev-' || lpad((h * 100)::text, 6, '0') FROM generate_series(1, $2) h)
     ),
     pairs AS (
       SELECT 'bench-ev-' || lpad(((g % $2) + 1) * 100 || '', 6, '0') AS event_id,
              (g / $2 + (g % $2) * 200) % $4 AS u, g AS seq
       FROM generate_series(0, $2 * $3 - 1) g
       UNION ALL
       SELECT q.id, (q.m + (j / q.k) * 3001) % $4, j + $2 * $3
       FROM quiet q, generate_series(q.m, $5 - $2 * $3 - 1, q.k) j
     ),
     flagged AS (
       SELECT p.*, (p.seq % 23 = 22) AS gone FROM pairs p
     ),
     ranked AS (
       SELECT f.*, e.capacity, row_number() OVER (PARTITION BY f.event_id, f.gone ORDER BY f.seq) AS rn
       FROM flagged f JOIN events e ON e.id = f.event_id
     )
     SELECT 'bench-reg-' || seq, event_id, 'bench-user-' || u,
            CASE WHEN gone THEN 'cancelled' WHEN rn <= capacity THEN 'confirmed' ELSE 'waitlisted' END,
            '骑手' || u, '138' || lpad(u::text, 8, '0'), seq + 1,
            $1::timestamptz - (($5 - seq) * interval '1 second'), $1, CASE WHEN gone THEN $1::timestamptz END
     FROM ranked`,
    [nowIso, HOT_EVENTS, HOT_SIGNUPS, USERS, REGISTRATIONS],
  );
  await db.query(`SELECT setval('registration_seq', (SELECT max(seq) FROM registrations))`);
  await db.query(
    `UPDATE events e SET confirmed_count = c.confirmed, waitlist_count = c.waitlisted
     FROM (SELECT event_id,
                  count(*) FILTER (WHERE status IN ('confirmed', 'attended'))::int AS confirmed,
                  count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
           FROM registrations GROUP BY event_id) c
     WHERE e.id = c.event_id`,
  );
  await db.query('ANALYZE');
}
