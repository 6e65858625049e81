/** The audit log on CloudBase. */
import type { AuditEntry, AuditRepo } from '../../core/ports';
import { newId } from '../../core/ids';
import { getAll, isoOf, nextOrdinal, strOrNull, toDate, type CloudDb } from './db';

export async function addAudit(add: (data: Record<string, unknown>) => Promise<unknown>, e: AuditEntry): Promise<void> {
  await add({ _id: newId(), ...e, at: toDate(e.at), ordinal: nextOrdinal() });
}

/** The audit log can be appended to and read; no action can edit or delete it. */
export function cloudbaseAuditRepo(db: CloudDb): AuditRepo {
  return {
    record: (entry) => addAudit((d) => db.collection('audit_log').add({ data: d }), entry),
    async listFor(recordType, recordId) {
      const docs = await getAll(db.collection('audit_log').where({ recordType, recordId }).orderBy('ordinal', 'asc'));
      return docs.map((d) => ({
        actor: String(d.actor),
        action: String(d.action),
        recordType: String(d.recordType),
        recordId: String(d.recordId),
        detail: strOrNull(d.detail),
        at: isoOf(d.at),
      }));
    },
  };
}
