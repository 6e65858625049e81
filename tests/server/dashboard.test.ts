/**
 * The half-year figures against a count made here, independently, from the records the test wrote: a first half of
 * 2026 of organisations, follow-ups, events with sign-ups and needs, with records on both edges of the period.
 */
import type { DashboardFigures } from '@shared/dashboard';
import { makeWorld, type World } from './support/world';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const FROM = '2026-01-01';
const TO = '2026-06-30';
const FROM_AT = Date.parse('2026-01-01T00:00:00+08:00');
const TO_AT = Date.parse('2026-07-01T00:00:00+08:00');
const DAY = 86_400_000;
/** Instants from two months before the period to two months after, and the two edges exactly. */
const EDGES = [FROM_AT, FROM_AT - 1, TO_AT, TO_AT - 1];
const shanghaiDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
const inPeriod = (t: number) => t >= FROM_AT && t < TO_AT;
const inDays = (d: string | null) => d !== null && d >= FROM && d <= TO;

interface Org { id: string; kind: string; status: string; changedOn: string | null; coverage: string; foundedOn: string | null; instructor: string | null; createdAt: number }
interface Followup { id: string; kind: 'intent' | 'report'; status: string; createdAt: number }
interface Ev { id: string; type: string; status: string; startAt: number; regs: string[] }
interface Need { id: string; orgId: string; category: string; createdAt: number; closedAt: number | null }

function build(seed: number) {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const when = (i: number) => (i < EDGES.length ? EDGES[i] : FROM_AT - 60 * DAY + Math.floor(r() * 300 * DAY));
  const orgs: Org[] = Array.from({ length: 80 }, (_, i) => {
    const status = pick(['active', 'active', 'active', 'removed', 'moved_out']);
    const coverage = pick(['standalone', 'joint', 'none', 'none']);
    return {
      id: `org-${i}`, kind: pick(['economic', 'social']), status,
      changedOn: status === 'active' ? null : shanghaiDay(when(i)), coverage,
      foundedOn: coverage === 'standalone' ? shanghaiDay(when(i + 1)) : null,
      instructor: r() < 0.5 ? '王指导员' : null, createdAt: when(i),
    };
  });
  const followups: Followup[] = Array.from({ length: 40 }, (_, i) => ({
    id: `fu-${i}`, kind: i % 3 === 0 ? 'report' : 'intent', status: pick(['submitted', 'contacted', 'applied', 'activist', 'closed']), createdAt: when(i),
  }));
  const events: Ev[] = Array.from({ length: 25 }, (_, i) => ({
    id: `ev-${i}`, type: pick(['fair', 'training', 'policy', 'salon', 'service']), status: pick(['published', 'published', 'cancelled', 'draft']),
    startAt: when(i), regs: Array.from({ length: Math.floor(r() * 6) }, () => pick(['confirmed', 'attended', 'attended', 'cancelled', 'waitlisted'])),
  }));
  const needs: Need[] = Array.from({ length: 60 }, (_, i) => {
    const createdAt = when(i);
    const closedAt = r() < 0.6 ? createdAt + Math.floor(r() * 30 * DAY) : null;
    return { id: `need-${i}`, orgId: pick(orgs).id, category: pick(['recruitment', 'talent', 'policy', 'business', 'coverage_suggestion', 'other']), createdAt, closedAt };
  });
  return { orgs, followups, events, needs };
}

async function insertAll(world: World, d: ReturnType<typeof build>) {
  const q = (sql: string, params: unknown[]) => world.testDb.db.query(sql, params);
  const iso = (t: number) => new Date(t).toISOString();
  for (const o of d.orgs) {
    await q(
      `INSERT INTO enterprises (id, name, created_at, org_kind, org_status, status_changed_on, coverage, branch_name, branch_founded_on, joint_org_id, instructor_name)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [o.id, `组织${o.id}`, iso(o.createdAt), o.kind, o.status, o.changedOn, o.coverage, o.coverage === 'standalone' ? '党支部' : null,
        o.foundedOn, o.coverage === 'joint' ? 'org-joint-sheshan' : null, o.instructor],
    );
  }
  for (const f of d.followups) {
    await q(`INSERT INTO followups (id, kind, status, consent_at, created_at, updated_at) VALUES ($1,$2,$3,$4,$4,$4)`, [f.id, f.kind, f.status, iso(f.createdAt)]);
  }
  for (const e of d.events) {
    await q(
      `INSERT INTO events (id, type, title, start_at, end_at, location, capacity, waitlist, audience, status, created_by, created_at, updated_at)
       VALUES ($1,$2,'活动',$3,$4,'佘山镇',100,true,'all',$5,'staff-1',$3,$3)`,
      [e.id, e.type, iso(e.startAt), iso(e.startAt + 7200_000), e.status],
    );
    for (const [i, status] of e.regs.entries()) {
      const openid = `p-${i}`;
      await q(`INSERT INTO users (openid, created_at, updated_at) VALUES ($1, now(), now()) ON CONFLICT DO NOTHING`, [openid]);
      await q(
        `INSERT INTO registrations (id, event_id, openid, status, name, phone, created_at, updated_at) VALUES ($1,$2,$3,$4,'报名人','13800000000',$5,$5)`,
        [`${e.id}-r${i}`, e.id, openid, status, iso(e.startAt)],
      );
    }
  }
  for (const n of d.needs) {
    await q(
      `INSERT INTO needs (id, org_id, category, text, author_openid, status, created_at, due_at, closed_at) VALUES ($1,$2,$3,'诉求内容','hr-1',$4,$5,$5,$6)`,
      [n.id, n.orgId, n.category, n.closedAt === null ? 'submitted' : 'closed', iso(n.createdAt), n.closedAt === null ? null : iso(n.closedAt)],
    );
  }
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 10) / 10;
}

describe('the half-year figures', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  afterAll(() => world.close());

  it.each([1, 2, 3])('match a count made independently over a generated half-year (seed %i)', async (seed) => {
    await world.reset();
    const d = build(seed);
    await insertAll(world, d);
    const f: DashboardFigures = await world.call('staff-1', 'dashboard.figures', { from: FROM, to: TO });

    const active = d.orgs.filter((o) => o.status === 'active');
    const count = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length;
    for (const kind of ['economic', 'social']) {
      for (const status of ['active', 'removed', 'moved_out']) {
        const n = count(d.orgs, (o) => o.kind === kind && o.status === status);
        const row = f.orgs.byKindStatus.find((r) => r.kind === kind && r.status === status);
        expect([kind, status, row?.count ?? 0]).toEqual([kind, status, n]);
      }
    }
    expect(f.orgs.added).toBe(count(d.orgs, (o) => inPeriod(o.createdAt)));
    expect(f.orgs.removed).toBe(count(d.orgs, (o) => o.status === 'removed' && inDays(o.changedOn)));
    expect(f.orgs.movedOut).toBe(count(d.orgs, (o) => o.status === 'moved_out' && inDays(o.changedOn)));
    const covered = count(active, (o) => o.coverage !== 'none');
    expect(f.coverage.organisation).toEqual({ numerator: covered, denominator: active.length, rate: Math.round((covered / active.length) * 10000) / 10000 });
    expect(f.coverage.standalone).toBe(count(active, (o) => o.coverage === 'standalone'));
    expect(f.coverage.work.numerator).toBe(count(active, (o) => o.instructor !== null));
    expect(f.branchesFounded).toBe(count(d.orgs, (o) => inDays(o.foundedOn)));
    expect(f.memberReports).toBe(count(d.followups, (x) => x.kind === 'report' && inPeriod(x.createdAt)));
    const intents = d.followups.filter((x) => x.kind === 'intent' && inPeriod(x.createdAt));
    expect(f.intents.received).toBe(intents.length);
    for (const s of f.intents.byStatus) expect(s.count).toBe(count(intents, (x) => x.status === s.status));

    const held = d.events.filter((e) => e.status === 'published' && inPeriod(e.startAt));
    for (const type of ['fair', 'training', 'policy', 'salon', 'service']) {
      const ofType = held.filter((e) => e.type === type);
      const row = f.activities.find((a) => a.type === type) ?? { held: 0, signups: 0, attended: 0 };
      expect([type, row.held, row.signups, row.attended]).toEqual([
        type,
        ofType.length,
        ofType.reduce((s, e) => s + count(e.regs, (x) => x === 'confirmed' || x === 'attended'), 0),
        ofType.reduce((s, e) => s + count(e.regs, (x) => x === 'attended'), 0),
      ]);
    }

    const raised = d.needs.filter((n) => inPeriod(n.createdAt));
    const closedIn = (n: Need) => n.closedAt !== null && n.closedAt < TO_AT;
    for (const row of f.needs.byCategory) {
      const ofCat = raised.filter((n) => n.category === row.category);
      expect([row.category, row.raised, row.closed, row.medianDaysToClose]).toEqual([
        row.category, ofCat.length, count(ofCat, closedIn), median(ofCat.filter(closedIn).map((n) => ((n.closedAt as number) - n.createdAt) / DAY)),
      ]);
    }
    expect(f.needs.raised).toBe(raised.length);
    expect(f.needs.closed).toBe(count(raised, closedIn));
    expect(f.needs.medianDaysToClose).toBe(median(raised.filter(closedIn).map((n) => ((n.closedAt as number) - n.createdAt) / DAY)));
    expect(f.suggestions).toEqual(
      ['coverage_suggestion', 'talent', 'business'].map((topic) => ({ topic, count: count(raised, (n) => n.category === topic) })),
    );
  });

  it('answers zeros and no rates for an empty period, not an error', async () => {
    await world.reset();
    const f = await world.call('staff-1', 'dashboard.figures', { from: '2030-01-01', to: '2030-06-30' });
    expect(f.needs).toMatchObject({ raised: 0, closed: 0, closure: { rate: null }, medianDaysToClose: null });
    expect(f.activities).toEqual([]);
  });
});
