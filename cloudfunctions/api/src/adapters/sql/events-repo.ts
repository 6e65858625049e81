import type { EventPatch, EventQuery, EventRecord, EventsRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { iso, isoOrNull, type SqlDb, type SqlExecutor } from './db';
import { writeEffects } from './effects';
import { promoteIntoFreeSeats } from './registrations-repo';

type Row = Record<string, unknown>;

/** A jsonb column as read: drivers hand back parsed JSON, but text is taken too. */
export function jsonOf<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export const EVENT_COLUMNS = `id, type, title, description, start_at, end_at, location, capacity, signup_deadline,
  waitlist, audience, status, cancel_reason, published_at, created_by, created_at, updated_at, confirmed_count, waitlist_count,
  questions`;

/** Field name in the record → column in the table, for the fields a patch may change. */
const PATCH_COLUMNS: Record<keyof EventPatch, string> = {
  type: 'type',
  title: 'title',
  description: 'description',
  startAt: 'start_at',
  endAt: 'end_at',
  location: 'location',
  capacity: 'capacity',
  signupDeadline: 'signup_deadline',
  waitlist: 'waitlist',
  audience: 'audience',
  questions: 'questions',
  status: 'status',
  cancelReason: 'cancel_reason',
  publishedAt: 'published_at',
};

export function toEventRecord(r: Row): EventRecord {
  return {
    id: String(r.id),
    type: r.type as EventRecord['type'],
    title: String(r.title),
    description: String(r.description),
    startAt: iso(r.start_at),
    endAt: iso(r.end_at),
    location: String(r.location),
    capacity: Number(r.capacity),
    signupDeadline: isoOrNull(r.signup_deadline),
    waitlist: Boolean(r.waitlist),
    audience: r.audience as EventRecord['audience'],
    questions: jsonOf(r.questions, []),
    status: r.status as EventRecord['status'],
    cancelReason: (r.cancel_reason as string | null) ?? null,
    publishedAt: isoOrNull(r.published_at),
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    confirmedCount: Number(r.confirmed_count),
    waitlistCount: Number(r.waitlist_count),
  };
}

export async function lockEvent(tx: SqlExecutor, id: string): Promise<EventRecord | null> {
  const rows = await tx.query<Row>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toEventRecord(rows[0]) : null;
}

export function sqlEventsRepo(db: SqlDb): EventsRepo {
  return {
    async insert(e) {
      await db.query(
        `INSERT INTO events (${EVENT_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20::jsonb)`,
        [
          e.id, e.type, e.title, e.description, e.startAt, e.endAt, e.location, e.capacity, e.signupDeadline,
          e.waitlist, e.audience, e.status, e.cancelReason, e.publishedAt, e.createdBy, e.createdAt, e.updatedAt,
          e.confirmedCount, e.waitlistCount, JSON.stringify(e.questions),
        ],
      );
    },

    async get(id) {
      const rows = await db.query<Row>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1`, [id]);
      return rows[0] ? toEventRecord(rows[0]) : null;
    },

    async update(id, now, guard) {
      return db.transaction(async (tx) => {
        const current = await lockEvent(tx, id);
        if (!current) throw notFound('活动');
        const change = guard(current);
        const patch = change.patch;
        const entries = (Object.keys(patch) as (keyof EventPatch)[]).filter((k) => patch[k] !== undefined);
        const sets = entries.map((k, i) => `${PATCH_COLUMNS[k]} = $${i + 3}`);
        const rows = await tx.query<Row>(
          `UPDATE events SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING ${EVENT_COLUMNS}`,
          // A list given as a parameter would become a PostgreSQL array; questions go in as JSON text.
          [id, now, ...entries.map((k) => (k === 'questions' ? JSON.stringify(patch[k]) : patch[k]))],
        );
        await writeEffects(tx, change, now);
        const updated = toEventRecord(rows[0]);
        const promoted = await promoteIntoFreeSeats(tx, updated, now);
        return promoted.length ? ((await lockEvent(tx, id)) ?? updated) : updated;
      });
    },

    async list(q: EventQuery) {
      const where = ['status = $1'];
      const params: unknown[] = [q.status];
      const add = (clause: (n: number) => string, ...values: unknown[]) => {
        where.push(clause(params.length + 1));
        params.push(...values);
      };
      if (q.type) add((n) => `type = $${n}`, q.type);
      if (q.endsAfter) add((n) => `end_at > $${n}`, q.endsAfter);
      if (q.after) add((n) => `(start_at, id) > ($${n}, $${n + 1})`, q.after.startAt, q.after.id);
      params.push(q.limit);
      const rows = await db.query<Row>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY start_at, id LIMIT $${params.length}`,
        params,
      );
      return rows.map(toEventRecord);
    },
  };
}
