/**
 * jobs.search at scale: 50,000 jobs of 2,000 enterprises, their search terms computed by the app's own `searchTermsOf`
 * (character pairs of title, category, enterprise name, place and benefits) and put in with a few batched INSERTs.
 * Then keyword, keyword + filters, salary + district and deep pages, each through the one dispatch and as the bare
 * SELECT the SQL adapter sent for it (captured, not rewritten here), with the plan of each.
 */
import { performance } from 'node:perf_hooks';
import type { ActionInput } from '@shared/contract';
import { BENEFITS, type Benefit, type District, type JobCategory } from '@shared/recruitment';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { sqlRepositories, type SqlDb } from '../../cloudfunctions/api/src/adapters/sql';
import { searchTermsOf } from '../../cloudfunctions/api/src/recruitment/jobs';
import { keywordTerms } from '../../cloudfunctions/api/src/search/terms';
import { againstSqlFigures, printPlans, timeAgainstSql, timeSeeding, type SqlVariant } from './against-sql';
import { ms, section, subsection, table, type SummaryRow } from './stats';
import { engineLabel, onEachEngine, type BenchWorld } from './world';

/** A town's 云招聘 by default; BENCH_JOBS=1000000 measures a city's (PostgreSQL: BENCH_ENGINES=postgres keeps PGlite out). */
const JOBS = Number(process.env.BENCH_JOBS ?? 50_000);
const ENTERPRISES = Math.max(2_000, Math.round(JOBS / 25));
/** One enterprise in 40 has a claim still pending: its jobs exist but are never listed. */
const UNVERIFIED_EVERY = 40;
/** One job in 10 is closed. */
const CLOSED_EVERY = 10;
const BATCH = 5_000;
const PAGE = 20;
const RUNS = 300;
const WARMUP = 20;

type SearchPayload = ActionInput<'jobs.search'>;

type Variant = SqlVariant<SearchPayload>;

export async function runJobsSearch(): Promise<SummaryRow[]> {
  section(`3. jobs.search at scale — ${JOBS.toLocaleString('en')} jobs of ${ENTERPRISES.toLocaleString('en')} enterprises`);
  console.log(`Each figure: ${RUNS} sequential calls after ${WARMUP} warm-up calls, dispatch and raw SQL alternating; limit ${PAGE}, anonymous caller.`);
  console.log('"dispatch" = dispatch(deps, null, "jobs.search", payload); "raw SQL" = the SELECT the adapter sent for it, through db.query.');
  return (await onEachEngine(measureEngine)).flat();
}

async function measureEngine(world: BenchWorld): Promise<SummaryRow[]> {
  const label = await engineLabel(world);
  const db = world.testDb.db;
  const seedMs = await timeSeeding(label, () => seed(db, new Date()));
  const [c] = await db.query<{ jobs: number; listed: number; terms: number; enterprises: number; verified: number }>(
    `SELECT (SELECT count(*) FROM jobs)::int AS jobs,
            (SELECT count(*) FROM jobs j JOIN enterprises e ON e.id = j.enterprise_id WHERE j.status = 'open' AND e.verified)::int AS listed,
            (SELECT avg(cardinality(search_terms)) FROM jobs)::int AS terms,
            (SELECT count(*) FROM enterprises)::int AS enterprises,
            (SELECT count(*) FROM enterprises WHERE verified)::int AS verified`,
  );
  console.log(
    `${c.jobs} jobs (${c.listed} open at verified enterprises, ${c.terms} search terms each on average), ` +
      `${c.enterprises} enterprises (${c.verified} verified) in ${ms(seedMs)}`,
  );

  const variants = await buildVariants(world);
  const results: string[][] = [['query', 'hits', 'dispatch p50', 'dispatch p95', 'raw SQL p50', 'raw SQL p95', 'ratio p50']];
  const summary: SummaryRow[] = [];
  for (const v of variants) {
    const hits = await countHits(world, v);
    const timing = await timeAgainstSql(world, 'jobs.search', v, RUNS, WARMUP);
    const { viaDispatch, raw, ratio } = timing;
    results.push([v.name, hits, ms(viaDispatch.p50), ms(viaDispatch.p95), ms(raw.p50), ms(raw.p95), `${ratio.toFixed(2)}×`]);
    summary.push({
      section: `3 jobs.search ${v.name}`,
      engine: label,
      figures: againstSqlFigures(timing),
    });
  }
  subsection(`${label}: timings`);
  console.log(table(results));

  await printPlans(world, label, variants);
  summary[0].figures += `; seeded in ${ms(seedMs)}`;
  return summary;
}

/** How many listed jobs match the query, all pages together (counted here, not by the adapter's statements). */
async function countHits(world: BenchWorld, v: Variant): Promise<string> {
  const where = [`j.status = 'open'`, 'e.verified'];
  const params: unknown[] = [];
  const p = v.payload;
  if (p.keyword) where.push(`j.search_terms @> $${params.push(keywordTerms(p.keyword))}::text[]`);
  if (p.category) where.push(`j.category = $${params.push(p.category)}`);
  if (p.district) where.push(`j.district = $${params.push(p.district)}`);
  if (p.salaryAtLeast !== undefined) where.push(`COALESCE(j.salary_max, j.salary_min) >= $${params.push(p.salaryAtLeast)}`);
  const rows = await world.testDb.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM jobs j JOIN enterprises e ON e.id = j.enterprise_id WHERE ${where.join(' AND ')}`,
    params,
  );
  return rows[0].n.toLocaleString('en');
}

/** Each payload with the statement the adapter sends for it, captured from a call through dispatch. */
async function buildVariants(world: BenchWorld): Promise<Variant[]> {
  const deepKeyword = await walkTo(world, { keyword: '司机' }, 2_000);
  const deepAll = await walkTo(world, {}, 20_000);
  const payloads: [string, SearchPayload][] = [
    ['keyword 缝纫 (2 chars)', { keyword: '缝纫', limit: PAGE }],
    ['keyword 司机 (2 chars, common)', { keyword: '司机', limit: PAGE }],
    ['keyword 数控车床 (4 chars)', { keyword: '数控车床', limit: PAGE }],
    ['keyword 洁驰清洁 (4 chars, company)', { keyword: '洁驰清洁', limit: PAGE }],
    ['keyword 装配 + manufacturing + sheshan', { keyword: '装配', category: 'manufacturing', district: 'sheshan', limit: PAGE }],
    ['keyword 转岗 + driving + jiuting', { keyword: '转岗', category: 'driving', district: 'jiuting', limit: PAGE }],
    // Worst cases for a plan that walks the newest-first index and filters: nothing matches, so it walks it all.
    ['keyword 缝纫 + driving (no hits)', { keyword: '缝纫', category: 'driving', limit: PAGE }],
    ['keyword 程序员 (no hits)', { keyword: '程序员', limit: PAGE }],
    ['salaryAtLeast 10000 + jiuting', { salaryAtLeast: 10_000, district: 'jiuting', limit: PAGE }],
    ['deep page: 司机 after 2,000', { keyword: '司机', limit: PAGE, cursor: deepKeyword }],
    ['deep page: all after 20,000', { limit: PAGE, cursor: deepAll }],
  ];
  const variants: Variant[] = [];
  for (const [name, payload] of payloads) variants.push({ name, payload, ...(await captureSql(world, payload)) });
  return variants;
}

/** Runs the payload through dispatch on a database that records the SELECTs on `jobs` the adapter sends. */
async function captureSql(world: BenchWorld, payload: SearchPayload): Promise<Pick<Variant, 'sql' | 'params' | 'before'>> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = world.testDb.db;
  const recording: SqlDb = {
    engine: db.engine,
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
    async query<T>(sql: string, params: unknown[] = []) {
      if (/FROM (\(SELECT \* FROM )?jobs j/.test(sql)) captured.push({ sql, params });
      return db.query<T>(sql, params);
    },
  };
  const result = await dispatch({ ...world.deps, repos: sqlRepositories(recording) }, null, 'jobs.search', payload);
  const last = captured.at(-1);
  if (!result.ok || !last) throw new Error(`jobs.search failed while capturing its SQL: ${result.ok ? 'no query seen' : result.error.code}`);
  return { ...last, before: captured.slice(0, -1) };
}

/** Pages through jobs.search as a client would (50 a page) until `offset` jobs have been seen; returns the cursor. */
async function walkTo(world: BenchWorld, query: SearchPayload, offset: number): Promise<string> {
  const pageSize = 50;
  let cursor: string | undefined;
  const started = performance.now();
  for (let seen = 0; seen < offset; seen += pageSize) {
    const result = await dispatch(world.deps, null, 'jobs.search', { ...query, limit: pageSize, ...(cursor ? { cursor } : {}) });
    if (!result.ok) throw new Error(`jobs.search failed while paging: ${result.error.code}`);
    const page = result.data as { nextCursor: string | null; items: unknown[] };
    if (!page.nextCursor) throw new Error(`only ${seen + page.items.length} jobs listed for ${JSON.stringify(query)}; need ${offset}`);
    cursor = page.nextCursor;
  }
  if (!cursor) throw new Error('nothing to page through');
  console.log(`paging ${JSON.stringify(query)} to job ${offset} through dispatch (${offset / pageSize} calls of ${pageSize}): ${ms(performance.now() - started)}`);
  return cursor;
}

// Realistic names for Sheshan's enterprises, jobs and places; picked by a fixed pseudo-random sequence.
const BRANDS = ['咏姿', '全澜', '洁驰', '能伏', '七猫', '安宇峰', '佘林', '松茂', '山麓', '云谷', '天马', '辰山', '欣达', '恒隆', '华腾', '明珠', '瑞丰', '佳禾', '智造', '锦程', '鼎新', '汇通', '长兴', '宏远', '鑫源'];
const TRADES = ['时装', '科技', '清洁设备', '智能电气', '物流', '餐饮管理', '电子商务', '汽车服务', '食品', '印刷', '新材料', '精密机械', '物业管理', '家政服务', '医疗器械', '文化传媒'];
const TITLES: Record<JobCategory, string[]> = {
  manufacturing: ['服装缝纫工', '质检员', '装配工', '清洁设备装配工', '包装工', '数控车床操作工', '注塑工', '仓库管理员', '普工', '焊工'],
  delivery: ['外卖骑手', '快递员', '分拣员', '同城配送员', '快递网点操作员'],
  driving: ['货车司机', '网约车司机', '班车司机', '厂区叉车司机', '冷链配送司机'],
  service: ['保洁员', '保安', '餐厅服务员', '厨师', '收银员', '家政服务员', '养老护理员'],
  sales: ['门店销售', '电话客服', '房产经纪人', '直播带货主播', '汽车销售顾问'],
  office: ['行政文员', '人事专员', '出纳', '前台接待', '统计员'],
  tech: ['设备运维专员', '电工', '软件测试工程师', '网络管理员', '机修工'],
  other: ['储备干部', '实习生', '综合岗'],
};
const PREFIXES = ['', '', '', '熟练', '急招', '长期', '夜班', '储备', '兼职'];
const CATEGORY_WEIGHTS: JobCategory[] = ['manufacturing', 'manufacturing', 'manufacturing', 'delivery', 'delivery', 'driving', 'driving', 'service', 'service', 'sales', 'office', 'tech', 'other'];
const DISTRICT_PLACES: Record<District, string[]> = {
  sheshan: ['佘山镇工业园区', '佘山镇科创园', '佘山镇天马工业区', '佘山镇新镇区', '佘山镇北干山'],
  songjiang_city: ['松江城区方松街道', '松江大学城', '松江新城'],
  jiuting: ['九亭镇工业园区', '九亭镇沪亭北路'],
  sijing: ['泗泾镇高技术园区', '泗泾镇古镇'],
  dongjing: ['洞泾镇工业区', '洞泾镇长兴路'],
  xinqiao: ['新桥镇工业园', '新桥镇明华路'],
  other: ['车墩镇工业区', '小昆山镇', '石湖荡镇'],
};
const DISTRICT_WEIGHTS: District[] = ['sheshan', 'sheshan', 'sheshan', 'sheshan', 'songjiang_city', 'jiuting', 'jiuting', 'sijing', 'dongjing', 'xinqiao', 'other'];

/** A fixed linear congruential sequence: the same world on every run and engine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seed(db: SqlDb, now: Date): Promise<void> {
  const next = random(20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const nowIso = now.toISOString();

  const enterprises = Array.from({ length: ENTERPRISES }, (_, i) => ({
    id: `bench-ent-${String(i).padStart(5, '0')}`,
    // Brand × trade gives 400 names; a district prefix keeps the rest apart.
    name: `上海${['', '佘山', '松江', '九亭'][Math.floor(i / 400) % 4]}${BRANDS[i % BRANDS.length]}${TRADES[Math.floor(i / BRANDS.length) % TRADES.length]}有限公司${i >= 1600 ? `第${i}分公司` : ''}`,
    verified: i % UNVERIFIED_EVERY !== UNVERIFIED_EVERY - 1,
  }));
  await db.query(
    `INSERT INTO enterprises (id, name, verified, created_at, updated_at)
     SELECT r.id, r.name, r.verified, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, verified boolean)`,
    [JSON.stringify(enterprises), nowIso],
  );

  for (let start = 0; start < JOBS; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, JOBS - start) }, (_, k) => {
      const n = start + k;
      const enterprise = enterprises[Math.floor(next() * ENTERPRISES)];
      const category = pick(CATEGORY_WEIGHTS);
      const district = pick(DISTRICT_WEIGHTS);
      const title = `${pick(PREFIXES)}${pick(TITLES[category])}`;
      const place = next() < 0.3 ? `${pick(DISTRICT_PLACES[district])}${enterprise.name.slice(2, 6)}厂区` : pick(DISTRICT_PLACES[district]);
      const negotiable = next() < 0.1;
      const salaryMin = negotiable ? null : 4000 + 500 * Math.floor(next() * 17);
      const salaryMax = salaryMin === null ? null : salaryMin + 1000 * (1 + Math.floor(next() * 4));
      const benefits = BENEFITS.filter(() => next() < 0.25) as Benefit[];
      const job = { title, category, enterpriseName: enterprise.name, place, benefits };
      return {
        id: `bench-job-${String(n).padStart(6, '0')}`,
        enterprise_id: enterprise.id,
        title,
        category,
        salary_min: salaryMin,
        salary_max: salaryMax,
        headcount: 1 + Math.floor(next() * 20),
        district,
        place,
        requirements: '吃苦耐劳，有相关经验者优先',
        benefits,
        status: n % CLOSED_EVERY === CLOSED_EVERY - 1 ? 'closed' : 'open',
        terms: searchTermsOf(job),
        // Spread over the last 180 days.
        created_at: new Date(now.getTime() - Math.floor(next() * 180 * 24 * 3600) * 1000).toISOString(),
      };
    });
    await db.query(
      `INSERT INTO jobs (id, enterprise_id, event_id, title, category, salary_min, salary_max, headcount, district, place,
                         requirements, benefits, status, search_terms, created_by, created_at, updated_at)
       SELECT r.id, r.enterprise_id, NULL, r.title, r.category, r.salary_min, r.salary_max, r.headcount, r.district, r.place,
              r.requirements, ARRAY(SELECT jsonb_array_elements_text(r.benefits)), r.status,
              ARRAY(SELECT jsonb_array_elements_text(r.terms)), 'bench-hr', r.created_at, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, enterprise_id text, title text, category text, salary_min int,
            salary_max int, headcount int, district text, place text, requirements text, benefits jsonb, status text,
            terms jsonb, created_at timestamptz)`,
      [JSON.stringify(batch)],
    );
  }
  await db.query('ANALYZE');
}
