/** The audit log: who did what to which record, written with the change it records. */

export interface AuditEntry {
  actor: string;
  action: string;
  recordType: string;
  recordId: string;
  detail: string | null;
  at: string;
}

export interface AuditRepo {
  record(entry: AuditEntry): Promise<void>;
  listFor(recordType: string, recordId: string): Promise<AuditEntry[]>;
}

