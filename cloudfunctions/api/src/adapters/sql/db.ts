/**
 * One SQL surface over two engines: PGlite (Postgres in WASM, a file under DATA_DIR) and PostgreSQL (DATABASE_URL).
 * Everything above this file writes the same SQL for both.
 */
import fs from 'node:fs';

export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDb extends SqlExecutor {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; when absent too, an in-memory PGlite. */
  dataDir?: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

export async function openDb(options: OpenOptions): Promise<SqlDb> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir?: string): Promise<SqlDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>) {
      return pg.transaction(async (tx) =>
        fn({
          async query<R>(sql: string, params?: unknown[]) {
            return (await tx.query<R>(sql, params)).rows;
          },
        }),
      );
    },
    async close() {
      await pg.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<SqlDb> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: url, max });
  // A dropped idle connection must not take the process down; the pool replaces it.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL connection failed', err.message));
  return {
    engine: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as R[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Timestamps come back as Date from both drivers; the contract speaks ISO strings. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: string })?.code === '23505';

/** Queues a notification inside the caller's transaction, so it exists exactly when the change it reports does. */
export async function insertOutbox(
  tx: SqlExecutor,
  message: { openid: string; template: string; data: Record<string, string> },
  now: string,
): Promise<void> {
  await tx.query('INSERT INTO outbox (openid, template, data, created_at) VALUES ($1, $2, $3, $4)', [
    message.openid,
    message.template,
    JSON.stringify(message.data),
    now,
  ]);
}
