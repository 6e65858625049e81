/**
 * A keyword search on SQL goes one of two ways (adapters/sql/jobs-repo.ts): the newest jobs first, checked for the
 * words, and the inverted index only when that window cannot fill the page. Here the window is 6 jobs among 60, so both
 * ways and the edge between them are taken, and every page is held to the answer worked out in the test from the
 * jobs as inserted: open, of a verified enterprise, with every word, the filters and the cursor, newest first.
 */
import type { JobRecord } from '../../cloudfunctions/api/src/core/ports';
import { sqlJobsRepo } from '../../cloudfunctions/api/src/adapters/sql/jobs-repo';
import { ENGINES, openTestDb, type TestDb } from './support/db';

type Query = Parameters<ReturnType<typeof sqlJobsRepo>['search']>[0];
const WORDS = ['缝纫', '司机', '骑手', '数控', '保洁'];

describe.each(ENGINES)('keyword search on %s, through the window and the index', (engine) => {
  let t: TestDb;
  const jobs: { record: Omit<JobRecord, 'enterpriseName'>; terms: string[]; verified: boolean }[] = [];

  beforeAll(async () => {
    t = await openTestDb(engine);
    for (const [id, verified] of [['ent-ok', true], ['ent-new', false]] as const) {
      await t.db.query(`INSERT INTO enterprises (id, name, verified, created_at, updated_at) VALUES ($1, $2, $3, now(), now())`, [
        id,
        `上海${id}有限公司`,
        verified,
      ]);
    }
    const repo = sqlJobsRepo(t.db);
    for (let i = 0; i < 60; i++) {
      // 缝纫 in every other job, 司机 in every fifth, 数控 in two old ones only (3 and 7); some closed, some unverified;
      // one in three driving, one in four in 九亭.
      const terms = WORDS.filter((_w, k) => (k === 0 && i % 2 === 0) || (k === 1 && i % 5 === 0) || (k === 3 && (i === 3 || i === 7)) || (k === 4 && i % 7 === 1));
      const record: Omit<JobRecord, 'enterpriseName'> = {
        id: `job-${String(i).padStart(2, '0')}`,
        enterpriseId: i % 9 === 4 ? 'ent-new' : 'ent-ok',
        eventId: null,
        title: terms.join('') || '普工',
        category: i % 3 === 0 ? 'driving' : 'manufacturing',
        salaryMin: 5000,
        salaryMax: null,
        headcount: 1,
        district: i % 4 === 0 ? 'jiuting' : 'sheshan',
        place: '佘山镇',
        requirements: '',
        benefits: [],
        status: i % 11 === 5 ? 'closed' : 'open',
        createdBy: 'hr-1',
        // Two jobs share each second, so the id breaks the tie.
        createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, Math.floor(i / 2))).toISOString(),
        updatedAt: new Date(Date.UTC(2026, 10, 1)).toISOString(),
      };
      await repo.insert(record, terms);
      jobs.push({ record, terms, verified: record.enterpriseId === 'ent-ok' });
    }
  });
  afterAll(() => t.drop());

  /** The page as worked out here, without SQL. */
  function expected(q: Query): string[] {
    return jobs
      .filter((j) => j.record.status === 'open' && j.verified)
      .filter((j) => (q.terms ?? []).every((w) => j.terms.includes(w)))
      .filter((j) => !q.category || j.record.category === q.category)
      .filter((j) => !q.district || j.record.district === q.district)
      .filter((j) => !q.after || j.record.createdAt < q.after.createdAt || (j.record.createdAt === q.after.createdAt && j.record.id < q.after.id))
      .sort((a, b) => (a.record.createdAt === b.record.createdAt ? (a.record.id < b.record.id ? 1 : -1) : a.record.createdAt < b.record.createdAt ? 1 : -1))
      .slice(0, q.limit)
      .map((j) => j.record.id);
  }

  const queries: [string, Query][] = [
    ['a common word fills the page inside the window', { terms: ['缝纫'], limit: 2 }],
    ['a common word, a page larger than the window holds', { terms: ['缝纫'], limit: 10 }],
    ['a rare word is found by the index, far back', { terms: ['数控'], limit: 5 }],
    ['two words', { terms: ['缝纫', '司机'], limit: 3 }],
    ['a word and a category', { terms: ['司机'], category: 'driving', limit: 4 }],
    ['a word no job has', { terms: ['程序员'], limit: 5 }],
    // The index holds each job's category and district beside its words (migration 15).
    ['a word and a district', { terms: ['司机'], district: 'jiuting', limit: 3 }],
    ['a rare word, a category and a district, far back', { terms: ['数控'], category: 'manufacturing', district: 'sheshan', limit: 5 }],
    ['a word with a district it never goes with', { terms: ['数控'], district: 'jiuting', limit: 5 }],
    ['after a cursor deep in the list', { terms: ['缝纫'], limit: 4, after: { createdAt: '2026-11-01T00:00:20.000Z', id: 'job-40' } }],
  ];

  it.each(queries)('when searching %s, then the page is the newest matching open jobs of verified enterprises', async (_name, q) => {
    const page = await sqlJobsRepo(t.db, 6).search(q);
    expect(page.map((j) => j.id)).toEqual(expected(q));
    // And the same as with a window that holds every job.
    expect((await sqlJobsRepo(t.db, 1000).search(q)).map((j) => j.id)).toEqual(expected(q));
  });
});
