/** Jobs and their search by Chinese keyword, on SQL. */
import type { JobPatch, JobRecord, JobsRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { iso, num, str, type SqlDb } from './db';
import type { Row } from './recruitment-rows';

/** A job's own columns, without its search terms. */
const OWN_COLUMNS = `j.id, j.enterprise_id, j.event_id, j.title, j.category, j.salary_min, j.salary_max, j.headcount, j.district,
  j.place, j.requirements, j.benefits, j.status, j.created_by, j.created_at, j.updated_at`;
const JOB_COLUMNS = `${OWN_COLUMNS}, e.name AS enterprise_name`;
const JOB_SELECT = `SELECT ${JOB_COLUMNS} FROM jobs j JOIN enterprises e ON e.id = j.enterprise_id`;

/**
 * How many of the newest jobs a keyword search reads before it asks the inverted index (see `search`): a word in one
 * job of 100 fills a page of 20 there. Measured at a million jobs (npm run bench, BENCH_JOBS): reading 5,000 cost a
 * word no job has 17–24 ms; 2,000 cost 7 ms.
 */
export const RECENT_WINDOW = 2_000;

/**
 * What the inverted index holds for an open job (migration 15): its words, its category and its district, so a keyword
 * with filters is answered inside the index. Must stay the index's own expression, or the planner cannot use it.
 */
const INDEXED_TERMS = `(j.search_terms || ARRAY['category:' || j.category, 'district:' || j.district])`;

function toJob(r: Row): JobRecord {
  return {
    id: String(r.id),
    enterpriseId: String(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    eventId: str(r.event_id),
    title: String(r.title),
    category: String(r.category),
    salaryMin: num(r.salary_min),
    salaryMax: num(r.salary_max),
    headcount: Number(r.headcount),
    district: String(r.district),
    place: String(r.place),
    requirements: String(r.requirements ?? ''),
    benefits: (r.benefits as string[]) ?? [],
    status: r.status as JobRecord['status'],
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const JOB_PATCH_COLUMNS: Record<keyof JobPatch, string> = {
  eventId: 'event_id',
  title: 'title',
  category: 'category',
  salaryMin: 'salary_min',
  salaryMax: 'salary_max',
  headcount: 'headcount',
  district: 'district',
  place: 'place',
  requirements: 'requirements',
  benefits: 'benefits',
  status: 'status',
};

/** `recentWindow` is RECENT_WINDOW but in tests, which take both ways of a keyword search with a few jobs. */
export function sqlJobsRepo(db: SqlDb, recentWindow = RECENT_WINDOW): JobsRepo {
  const get = async (id: string) => {
    const rows = await db.query<Row>(`${JOB_SELECT} WHERE j.id = $1`, [id]);
    return rows[0] ? toJob(rows[0]) : null;
  };
  return {
    async insert(j, terms) {
      await db.query(
        `INSERT INTO jobs (id, enterprise_id, event_id, title, category, salary_min, salary_max, headcount, district, place,
           requirements, benefits, status, search_terms, created_by, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
        [
          j.id, j.enterpriseId, j.eventId, j.title, j.category, j.salaryMin, j.salaryMax, j.headcount, j.district, j.place,
          j.requirements, j.benefits, j.status, terms, j.createdBy, j.createdAt, j.updatedAt,
        ],
      );
      return (await get(j.id)) as JobRecord;
    },
    get,
    async update(id, patch, terms, now) {
      const keys = (Object.keys(patch) as (keyof JobPatch)[]).filter((k) => patch[k] !== undefined);
      const params: unknown[] = [id, now, ...keys.map((k) => patch[k])];
      const sets = [...keys.map((k, i) => `${JOB_PATCH_COLUMNS[k]} = $${i + 3}`), 'updated_at = $2'];
      if (terms) {
        params.push(terms);
        sets.push(`search_terms = $${params.length}`);
      }
      await db.query(`UPDATE jobs SET ${sets.join(', ')} WHERE id = $1`, params);
      const updated = await get(id);
      if (!updated) throw notFound('岗位');
      return updated;
    },
    async search(q) {
      // Conditions on the job alone; `e.verified` is added where the enterprise is joined.
      const filters = [`j.status = 'open'`];
      const params: unknown[] = [];
      const add = (clause: (n: number) => string, ...values: unknown[]) => {
        filters.push(clause(params.length + 1));
        params.push(...values);
      };
      if (q.category) add((n) => `j.category = $${n}`, q.category);
      if (q.district) add((n) => `j.district = $${n}`, q.district);
      if (q.salaryAtLeast !== undefined) add((n) => `COALESCE(j.salary_max, j.salary_min) >= $${n}`, q.salaryAtLeast);
      if (q.eventId) add((n) => `j.event_id = $${n}`, q.eventId);
      if (q.enterpriseId) add((n) => `j.enterprise_id = $${n}`, q.enterpriseId);
      if (q.after) add((n) => `(j.created_at, j.id) < ($${n}, $${n + 1})`, q.after.createdAt, q.after.id);
      const terms = q.terms?.length ? q.terms : null;
      const newestFirst = 'ORDER BY j.created_at DESC, j.id DESC';

      if (!terms) {
        const all = [...params];
        const rows = await db.query<Row>(
          `${JOB_SELECT} WHERE e.verified AND ${filters.join(' AND ')} ${newestFirst} LIMIT $${all.push(q.limit)}`,
          all,
        );
        return rows.map(toJob);
      }

      // A keyword: first the newest `recentWindow` jobs the other filters leave, newest first, checked for the words.
      // A common word (骑手, 数控车床) fills the page there, in the order the list is shown, reading a few thousand
      // rows at most; the inverted index would have fetched and sorted every hit (20,000 at a million jobs). Only a
      // page the window cannot fill asks the index, and a word that rare has few hits to fetch.
      const windowed = [...params];
      const recent = await db.query<Row>(
        `SELECT ${JOB_COLUMNS}
         FROM (SELECT * FROM jobs j WHERE ${filters.join(' AND ')} ${newestFirst} LIMIT $${windowed.push(recentWindow)}) j
         JOIN enterprises e ON e.id = j.enterprise_id
         WHERE e.verified AND j.search_terms @> $${windowed.push(terms)}::text[] ${newestFirst} LIMIT $${windowed.push(q.limit)}`,
        windowed,
      );
      if (recent.length >= q.limit) return recent.map(toJob);

      // Every hit, from the inverted index, sorted before it meets its enterprise (`OFFSET 0` keeps the planner from
      // merging the two), so only the page's enterprises are looked up. The planner takes a phrase's pairs (数控, 控车,
      // 车床) as independent, expects a handful of hits, and would otherwise look up the enterprise of each of 20,000.
      const indexed = [...params];
      const indexedTerms = [...terms, ...(q.category ? [`category:${q.category}`] : []), ...(q.district ? [`district:${q.district}`] : [])];
      const rows = await db.query<Row>(
        `SELECT ${JOB_COLUMNS}
         FROM (SELECT ${OWN_COLUMNS} FROM jobs j
               WHERE ${filters.join(' AND ')} AND ${INDEXED_TERMS} @> $${indexed.push(indexedTerms)}::text[]
               ${newestFirst} OFFSET 0) j
         JOIN enterprises e ON e.id = j.enterprise_id
         WHERE e.verified ${newestFirst} LIMIT $${indexed.push(q.limit)}`,
        indexed,
      );
      return rows.map(toJob);
    },
    async listByEnterprise(enterpriseId) {
      const rows = await db.query<Row>(`${JOB_SELECT} WHERE j.enterprise_id = $1 ORDER BY j.created_at DESC, j.id DESC`, [
        enterpriseId,
      ]);
      return rows.map(toJob);
    },
  };
}
