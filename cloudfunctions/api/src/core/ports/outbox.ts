/** Notifications waiting for delivery as WeChat subscription messages. */

export interface OutboxMessage {
  openid: string;
  template: string;
  data: Record<string, string>;
  createdAt: string;
}

export interface OutboxRepo {
  list(q: { openid?: string; limit: number }): Promise<(OutboxMessage & { id: number; status: string })[]>;
  /** Queues each message unless its key was queued before (a key is taken with its message, atomically); answers how many. */
  enqueueOnce(items: { key: string; message: Omit<OutboxMessage, 'createdAt'> }[], now: string): Promise<number>;
  /** The oldest pending messages, in the order they were queued. */
  pending(limit: number): Promise<OutboxEntry[]>;
  /** One delivery attempt of a pending message: 'sent' and 'failed' are final, 'retry' leaves it pending; attempts + 1. */
  recordAttempt(id: number, outcome: 'sent' | 'retry' | 'failed', now: string): Promise<void>;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A queued notification as delivery sees it. */
export interface OutboxEntry extends OutboxMessage {
  id: number;
  status: OutboxStatus;
  attempts: number;
}

