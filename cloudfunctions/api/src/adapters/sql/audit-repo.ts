import type { AuditEntry, AuditRepo } from '../../core/ports';
import { iso, str, type SqlDb, type SqlExecutor } from './db';

type Row = Record<string, unknown>;

export async function insertAudit(tx: SqlExecutor, e: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor, action, record_type, record_id, detail, at) VALUES ($1,$2,$3,$4,$5,$6)', [
    e.actor, e.action, e.recordType, e.recordId, e.detail, e.at,
  ]);
}

/** The audit log can be appended to and read; no action can edit or delete it. */
export function sqlAuditRepo(db: SqlDb): AuditRepo {
  return {
    record: (entry) => insertAudit(db, entry),
    async listFor(recordType, recordId) {
      const rows = await db.query<Row>(
        'SELECT actor, action, record_type, record_id, detail, at FROM audit_log WHERE record_type = $1 AND record_id = $2 ORDER BY id',
        [recordType, recordId],
      );
      return rows.map((r) => ({
        actor: String(r.actor),
        action: String(r.action),
        recordType: String(r.record_type),
        recordId: String(r.record_id),
        detail: str(r.detail),
        at: iso(r.at),
      }));
    },
  };
}
