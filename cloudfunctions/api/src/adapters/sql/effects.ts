import type { Change } from '../../core/ports';
import { insertAudit } from './audit-repo';
import { insertOutbox, type SqlExecutor } from './db';

/** Writes what a guarded change brings besides its patch, inside the caller's transaction: it exists exactly when the change does. */
export async function writeEffects(tx: SqlExecutor, change: Omit<Change<unknown>, 'patch'>, now: string): Promise<void> {
  if (change.audit) await insertAudit(tx, { ...change.audit, at: now });
  if (change.notify) await insertOutbox(tx, change.notify, now);
}
