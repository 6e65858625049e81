/**
 * A fresh, real database per test file: in-memory PGlite, or — with `engine: 'postgres'` — a throwaway database
 * created on the server at DATABASE_URL and dropped afterwards.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { migrate, openDb, type SqlDb } from '../../../cloudfunctions/api/src/adapters/sql';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL points at a server (as in `.ci/run`). */
export const ENGINES: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: SqlDb;
  /** Connection string of the throwaway PostgreSQL database (none for PGlite). */
  url?: string;
  drop(): Promise<void>;
}

/** `migrateUpTo`: the schema as it was at that version (for upgrade tests); the current one otherwise. */
export async function openTestDb(engine: Engine = 'pglite', migrateUpTo?: number): Promise<TestDb> {
  const upTo = migrateUpTo === undefined ? {} : { upTo: migrateUpTo };
  if (engine === 'pglite') {
    const db = await openDb({});
    await migrate(db, upTo);
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 20 });
  await migrate(db, upTo);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const again = new Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
