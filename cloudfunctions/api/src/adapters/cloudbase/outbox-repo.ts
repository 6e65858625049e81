/**
 * The outbox on CloudBase. Message ids are numbers (the contract's `OutboxItem.id`); a shared counter document would
 * make every notifying transaction conflict with every other, so an id is an ordinal instead: microseconds of the
 * clock, strictly increasing within an instance, with random low digits so two instances in one millisecond do not
 * meet (if they ever did, the insert fails on the `_id` and the write is refused, never merged).
 */
import type { OutboxEntry, OutboxMessage, OutboxRepo } from '../../core/ports';
import { claimUnique, getAll, inTransaction, isoOf, toDate, type CloudDb, type CloudTransaction, type Doc } from './db';

let lastId = 0;
function nextMessageId(): number {
  lastId = Math.max(lastId + 1, Date.now() * 1000 + Math.floor(Math.random() * 1000));
  return lastId;
}

function toEntry(d: Doc): OutboxEntry {
  return {
    id: Number(d.seq),
    openid: String(d.openid),
    template: String(d.template),
    data: (d.data ?? {}) as Record<string, string>,
    status: d.status as OutboxEntry['status'],
    attempts: Number(d.attempts ?? 0),
    createdAt: isoOf(d.createdAt),
  };
}

/** Adds pending messages inside a transaction, in one batch insert per hundred. */
export async function addToOutbox(tx: CloudTransaction, messages: OutboxMessage[]): Promise<void> {
  const docs = messages.map((m) => {
    const seq = nextMessageId();
    return {
      _id: String(seq),
      seq,
      openid: m.openid,
      template: m.template,
      data: m.data,
      status: 'pending',
      attempts: 0,
      createdAt: toDate(m.createdAt),
      sentAt: null,
    };
  });
  for (let i = 0; i < docs.length; i += 100) {
    // The SDK takes an array for a batch insert; its typing says one document.
    await tx.collection('outbox').add({ data: docs.slice(i, i + 100) as unknown as Record<string, unknown> });
  }
}

export function cloudbaseOutboxRepo(db: CloudDb): OutboxRepo {
  const outbox = () => db.collection('outbox');
  return {
    async list(q) {
      const query = (q.openid ? outbox().where({ openid: q.openid }) : outbox()).orderBy('seq', 'desc');
      return (await getAll(query, q.limit)).map(toEntry);
    },

    async enqueueOnce(items, now) {
      // A run that finds everything queued already costs one read per hundred keys, not a transaction per key.
      const taken = new Set<string>();
      const keys = items.map((i) => `once:${i.key}`);
      for (let i = 0; i < keys.length; i += 100) {
        const found = await getAll(db.collection('unique_keys').where({ _id: db.command.in(keys.slice(i, i + 100)) }).field({ _id: true }));
        for (const d of found) taken.add(d._id);
      }
      let queued = 0;
      for (const { key, message } of items) {
        if (taken.has(`once:${key}`)) continue;
        const added = await inTransaction(db, async (tx) => {
          if (await claimUnique(tx, `once:${key}`, now)) return false;
          await addToOutbox(tx, [{ ...message, createdAt: now }]);
          return true;
        });
        if (added) queued++;
      }
      return queued;
    },

    async pending(limit) {
      return (await getAll(outbox().where({ status: 'pending' }).orderBy('seq', 'asc'), limit)).map(toEntry);
    },

    async recordAttempt(id, outcome, now) {
      const status = outcome === 'retry' ? 'pending' : outcome;
      await outbox()
        .where({ _id: String(id), status: 'pending' })
        .update({
          data: { status, attempts: db.command.inc(1), ...(outcome === 'sent' ? { sentAt: toDate(now) } : {}) },
        });
    },
  };
}
