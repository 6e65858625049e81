import type { Change } from '../../core/ports';
import { addAudit } from './audit-repo';
import type { CloudTransaction } from './db';
import { addToOutbox } from './outbox-repo';

/** Writes what a guarded change brings besides its patch, inside the caller's transaction: it exists exactly when the change does. */
export async function writeEffects(tx: CloudTransaction, change: Omit<Change<unknown>, 'patch'>, now: string): Promise<void> {
  if (change.audit) await addAudit((d) => tx.collection('audit_log').add({ data: d }), { ...change.audit, at: now });
  if (change.notify) await addToOutbox(tx, [{ ...change.notify, createdAt: now }]);
}
