/** What every benchmark needs: a throwaway database per engine and the production wiring (real clock, random ids). */
import type { Deps } from '../../cloudfunctions/api/src/core/context';
import { newId } from '../../cloudfunctions/api/src/core/ids';
import { sqlRepositories } from '../../cloudfunctions/api/src/adapters/sql';
import { ENGINES, openTestDb, type Engine, type TestDb } from '../server/support/db';

export { ENGINES, type Engine };

export interface BenchWorld {
  engine: Engine;
  testDb: TestDb;
  deps: Deps;
  close(): Promise<void>;
}

/** A fresh, migrated database on `engine`, wired exactly as `npm start` wires it. */
export async function openBenchWorld(engine: Engine): Promise<BenchWorld> {
  const testDb = await openTestDb(engine);
  const deps: Deps = { repos: sqlRepositories(testDb.db), now: () => new Date(), newId };
  return { engine, testDb, deps, close: () => testDb.drop() };
}

export async function givenStaff(world: BenchWorld, openid = 'bench-staff'): Promise<string> {
  const now = new Date().toISOString();
  await world.deps.repos.users.ensure(openid, now);
  await world.deps.repos.users.setRoles(openid, ['staff'], now);
  return openid;
}

/** PostgreSQL's label carries its version, so figures from two machines are not compared blindly. */
export async function engineLabel(world: BenchWorld): Promise<string> {
  const rows = await world.testDb.db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  return `${world.engine} ${(rows[0]?.v ?? '').split(' ')[0]}`.trim();
}

/** Runs `measure` on a fresh world on each engine in turn, dropping each database afterwards, even on failure. */
export async function onEachEngine<T>(measure: (world: BenchWorld) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  // BENCH_ENGINES=postgres measures one engine only (a city-scale run would take PGlite's whole afternoon).
  const only = process.env.BENCH_ENGINES?.split(',').map((e) => e.trim());
  for (const engine of ENGINES.filter((e) => !only || only.includes(e))) {
    const world = await openBenchWorld(engine);
    try {
      results.push(await measure(world));
    } finally {
      await world.close();
    }
  }
  return results;
}
