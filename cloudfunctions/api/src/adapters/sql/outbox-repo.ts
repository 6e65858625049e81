import type { OutboxEntry, OutboxRepo } from '../../core/ports';
import { insertOutbox, iso, type SqlDb } from './db';

type Row = Record<string, unknown>;

function toOutboxEntry(r: Row): OutboxEntry {
  return {
    id: Number(r.id),
    openid: String(r.openid),
    template: String(r.template),
    data: JSON.parse(String(r.data)) as Record<string, string>,
    status: r.status as OutboxEntry['status'],
    attempts: Number(r.attempts),
    createdAt: iso(r.created_at),
  };
}

export function sqlOutboxRepo(db: SqlDb): OutboxRepo {
  return {
    async list(q) {
      const rows = q.openid
        ? await db.query<Row>('SELECT * FROM outbox WHERE openid = $1 ORDER BY id DESC LIMIT $2', [q.openid, q.limit])
        : await db.query<Row>('SELECT * FROM outbox ORDER BY id DESC LIMIT $1', [q.limit]);
      return rows.map(toOutboxEntry);
    },

    async enqueueOnce(items, now) {
      let queued = 0;
      for (const { key, message: m } of items) {
        await db.transaction(async (tx) => {
          // The key goes in `meta`: its primary key makes the second of two runs queue nothing.
          const claimed = await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [
            `once:${key}`,
            now,
          ]);
          if (!claimed.length) return;
          await insertOutbox(tx, m, now);
          queued++;
        });
      }
      return queued;
    },

    async pending(limit) {
      const rows = await db.query<Row>(`SELECT * FROM outbox WHERE status = 'pending' ORDER BY id LIMIT $1`, [limit]);
      return rows.map(toOutboxEntry);
    },

    async recordAttempt(id, outcome, now) {
      await db.query(
        `UPDATE outbox SET status = $2, attempts = attempts + 1, sent_at = CASE WHEN $2 = 'sent' THEN $3::timestamptz END
         WHERE id = $1 AND status = 'pending'`,
        [id, outcome === 'retry' ? 'pending' : outcome, now],
      );
    },
  };
}
