/** A use case through the one dispatch against the bare SELECT its SQL adapter sends: what our layers cost on top of the database. */
import { performance } from 'node:perf_hooks';
import type { ActionName } from '@shared/contract';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { ms, sampleInterleaved, subsection, summarize, type Summary } from './stats';
import type { BenchWorld } from './world';

export interface SqlVariant<P> {
  name: string;
  payload: P;
  /** The statement and parameters the SQL adapter sends for this payload (its last, when it sends more than one). */
  sql: string;
  params: unknown[];
  /** Statements the adapter sends before `sql` for the same call (a keyword search's window): replayed too. */
  before?: { sql: string; params: unknown[] }[];
}

export interface AgainstSql {
  viaDispatch: Summary;
  raw: Summary;
  /** dispatch p50 over raw SQL p50. */
  ratio: number;
}

/** Prints the seeding step and returns how long it took. */
export async function timeSeeding(label: string, seed: () => Promise<void>): Promise<number> {
  subsection(`${label}: seeding`);
  const started = performance.now();
  await seed();
  return performance.now() - started;
}

/** `runs` calls of each after `warmup`, alternating which goes first; an anonymous caller, a failed call stops the run. */
export async function timeAgainstSql<P>(world: BenchWorld, action: ActionName, v: SqlVariant<P>, runs: number, warmup: number): Promise<AgainstSql> {
  const [viaDispatchMs, rawMs] = await sampleInterleaved(
    runs,
    warmup,
    async () => {
      const result = await dispatch(world.deps, null, action, v.payload);
      if (!result.ok) throw new Error(`${action} failed: ${result.error.code}`);
    },
    async () => {
      for (const b of v.before ?? []) await world.testDb.db.query(b.sql, b.params);
      return world.testDb.db.query(v.sql, v.params);
    },
  );
  const viaDispatch = summarize(viaDispatchMs);
  const raw = summarize(rawMs);
  return { viaDispatch, raw, ratio: viaDispatch.p50 / raw.p50 };
}

/** The summary line of one variant: both medians and 95th percentiles. */
export function againstSqlFigures({ viaDispatch, raw }: AgainstSql): string {
  return `dispatch p50 ${ms(viaDispatch.p50)} p95 ${ms(viaDispatch.p95)} · raw SQL p50 ${ms(raw.p50)} p95 ${ms(raw.p95)}`;
}

/** Each variant's statement, parameters and EXPLAIN (ANALYZE, BUFFERS) plan. */
export async function printPlans<P>(world: BenchWorld, label: string, variants: readonly SqlVariant<P>[]): Promise<void> {
  for (const v of variants) {
    subsection(`${label}: EXPLAIN ANALYZE — ${v.name}`);
    for (const statement of [...(v.before ?? []), { sql: v.sql, params: v.params }]) {
      console.log(statement.sql.replace(/\s+/g, ' '));
      console.log(`params: ${JSON.stringify(statement.params)}`);
      const plan = await world.testDb.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
      console.log(plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
    }
  }
}
