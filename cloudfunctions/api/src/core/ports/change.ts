/** The one shape of every change to a record. */
import type { AuditEntry } from './audit';
import type { OutboxMessage } from './outbox';

/** An audit entry as a rule writes it; the adapter stamps the time of the transaction. */
export type AuditDraft = Omit<AuditEntry, 'at'>;
/** A notification as a rule writes it; the adapter stamps the time and queues it in the outbox. */
export type Notification = Omit<OutboxMessage, 'createdAt'>;

/**
 * What one guarded change writes, decided by a pure rule on the locked current row: the patch and, in the same
 * transaction, the audit entry and the notification. A guard that throws writes nothing.
 */
export interface Change<P> {
  patch: P;
  audit?: AuditDraft;
  notify?: Notification;
}

/** Runs on the current row inside the adapter's transaction: throws to refuse, answers the change otherwise. */
export type Guard<R, P> = (current: R) => Change<P>;
