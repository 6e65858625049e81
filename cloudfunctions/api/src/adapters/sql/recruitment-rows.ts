/** What the four 云招聘 repositories share on SQL: the row type and the one guarded change. */
import type { Guard } from '../../core/ports';
import { notFound } from '../../core/errors';
import type { SqlDb, SqlExecutor } from './db';
import { writeEffects } from './effects';

export type Row = Record<string, unknown>;

/**
 * One transaction: `lock` reads the current record under FOR UPDATE, the pure `guard` decides, `write` applies the
 * patch, and the audit entry and the notification are written beside it. A guard that throws writes nothing.
 */
export async function guardedChange<R, P>(
  db: SqlDb,
  now: string,
  what: string,
  steps: {
    lock(tx: SqlExecutor): Promise<R | null>;
    write(tx: SqlExecutor, patch: P, current: R): Promise<void>;
    read(tx: SqlExecutor): Promise<R>;
  },
  guard: Guard<R, P>,
): Promise<R> {
  return db.transaction(async (tx) => {
    const current = await steps.lock(tx);
    if (!current) throw notFound(what);
    const change = guard(current);
    await steps.write(tx, change.patch, current);
    await writeEffects(tx, change, now);
    return steps.read(tx);
  });
}

/** `SET a = $3, b = $4` for the defined fields of a patch, numbered after `offset` parameters. */
export function setClause<P extends object>(patch: P, columns: Record<string, string>, offset: number): { sets: string[]; params: unknown[] } {
  const keys = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined && k in columns);
  return {
    sets: keys.map((k, i) => `${columns[k]} = $${offset + i + 1}`),
    params: keys.map((k) => (patch as Record<string, unknown>)[k]),
  };
}
