import type { EventRecord, RegisterCommand, RegistrationPatch, RegistrationRecord, RegistrationsRepo } from '../../core/ports';
import type { RegistrationStatus } from '@shared/registrations';
import { notFound } from '../../core/errors';
import { promotionNotice, seatsToFill } from '../../registrations/seats';
import { insertOutbox, iso, isoOrNull, isUniqueViolation, type SqlDb, type SqlExecutor } from './db';
import { writeEffects } from './effects';
import { groupCommit, type BatchOutcome } from './group-commit';
import { EVENT_COLUMNS, jsonOf, lockEvent, toEventRecord } from './events-repo';

type Row = Record<string, unknown>;

/** Position on the waitlist is derived from arrival order, never stored, so it cannot go stale. */
const REGISTRATION_SELECT = `
  SELECT r.id, r.event_id, r.openid, r.status, r.name, r.phone, r.answers, r.seq, r.created_at, r.updated_at,
         r.cancelled_at, r.attended_at, r.ticket_code,
         CASE WHEN r.status = 'waitlisted' THEN (
           SELECT count(*) FROM registrations w
           WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.seq <= r.seq
         )::int END AS position
  FROM registrations r`;

const RETURNED_COLUMNS = 'id, event_id, openid, status, name, phone, answers, seq, created_at, updated_at, cancelled_at, attended_at, ticket_code';

function toRecord(r: Row): RegistrationRecord {
  return {
    id: String(r.id),
    eventId: String(r.event_id),
    openid: String(r.openid),
    status: r.status as RegistrationStatus,
    contact: { name: String(r.name), phone: String(r.phone) },
    answers: jsonOf(r.answers, {}),
    seq: Number(r.seq),
    position: r.position === null || r.position === undefined ? null : Number(r.position),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    cancelledAt: isoOrNull(r.cancelled_at),
    attendedAt: isoOrNull(r.attended_at),
    ticketCode: r.ticket_code === null || r.ticket_code === undefined ? null : String(r.ticket_code),
  };
}

async function selectOne(tx: SqlExecutor, where: string, params: unknown[]): Promise<RegistrationRecord | null> {
  const rows = await tx.query<Row>(`${REGISTRATION_SELECT} WHERE ${where}`, params);
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Moves waitlisted people into the free seats the pure rule counts, first come first served, and queues each one's
 * notice in the same transaction; call with the event row locked.
 */
export async function promoteIntoFreeSeats(tx: SqlExecutor, event: EventRecord, now: string): Promise<RegistrationRecord[]> {
  const free = seatsToFill(event);
  if (free <= 0) return [];
  const promoted = await tx.query<{ id: string }>(
    `UPDATE registrations SET status = 'confirmed', updated_at = $2
     WHERE id IN (SELECT id FROM registrations WHERE event_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT $3)
     RETURNING id`,
    [event.id, now, free],
  );
  if (!promoted.length) return [];
  await tx.query(
    `UPDATE events SET confirmed_count = confirmed_count + $2, waitlist_count = waitlist_count - $2 WHERE id = $1`,
    [event.id, promoted.length],
  );
  const rows = await tx.query<Row>(`${REGISTRATION_SELECT} WHERE r.id = ANY($1) ORDER BY r.seq`, [promoted.map((p) => p.id)]);
  const records = rows.map(toRecord);
  for (const r of records) await insertOutbox(tx, promotionNotice(event, r), now);
  return records;
}

/** Writes a registration's patch; its seat and the event's counters are the caller's to keep right. */
async function writePatch(tx: SqlExecutor, id: string, patch: RegistrationPatch, now: string): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id, now];
  if (patch.status !== undefined) sets.push(`status = $${params.push(patch.status)}`);
  if (patch.cancelledAt !== undefined) sets.push(`cancelled_at = $${params.push(patch.cancelledAt)}`);
  if (patch.attendedAt !== undefined) sets.push(`attended_at = $${params.push(patch.attendedAt)}`);
  if (!sets.length) return;
  await tx.query(`UPDATE registrations SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, params);
}

function countDelta(status: RegistrationStatus): { confirmed: number; waitlisted: number } {
  return {
    confirmed: status === 'confirmed' || status === 'attended' ? 1 : 0,
    waitlisted: status === 'waitlisted' ? 1 : 0,
  };
}


/** A sign-up of a batch once decided: where its row goes, or the registration it keeps. */
type Planned =
  | { kind: 'write'; cmd: RegisterCommand; status: 'confirmed' | 'waitlisted'; existing: RegistrationRecord | null; position: number | null }
  | { kind: 'keep'; openid: string }
  | { kind: 'refused'; error: unknown };

/**
 * One transaction for every sign-up of an event waiting at once (group commit): the event row is locked once, the
 * people's current registrations read in one query, each sign-up decided in arrival order by its own `decide` on the
 * event as the ones before it left it, then the rows written in one statement and the counters in another. A sign-up
 * its rule refuses gets its own error and the others go on; if the transaction fails, nothing of the batch is written.
 */
async function registerBatch(db: SqlDb, eventId: string, batch: RegisterCommand[]): Promise<BatchOutcome<RegistrationRecord>[]> {
  return db.transaction(async (tx) => {
    const locked = await lockEvent(tx, eventId);
    if (!locked) return batch.map(() => ({ ok: false as const, error: notFound('活动') }));
    const openids = [...new Set(batch.map((c) => c.openid))];
    const rows = await tx.query<Row>(`${REGISTRATION_SELECT} WHERE r.event_id = $1 AND r.openid = ANY($2::text[])`, [eventId, openids]);
    const current = new Map(rows.map((r) => [String(r.openid), toRecord(r)]));

    let event = locked;
    const planned: Planned[] = batch.map((cmd) => {
      try {
        const existing = current.get(cmd.openid) ?? null;
        const decision = cmd.decide(event, existing);
        if (decision.kind === 'keep-existing') {
          if (!existing) throw new Error('decide() kept a registration that does not exist');
          return { kind: 'keep', openid: cmd.openid };
        }
        const delta = countDelta(decision.status);
        event = { ...event, confirmedCount: event.confirmedCount + delta.confirmed, waitlistCount: event.waitlistCount + delta.waitlisted };
        // What a later call of the same person in this batch finds: the seat this one is about to take.
        current.set(cmd.openid, { ...(existing ?? blankRecord(cmd)), status: decision.status });
        // A new waitlist place is always the last one.
        const position = decision.status === 'waitlisted' ? event.waitlistCount : null;
        return { kind: 'write', cmd, status: decision.status, existing, position };
      } catch (error) {
        return { kind: 'refused', error };
      }
    });

    await rememberContacts(tx, batch.filter((_cmd, i) => planned[i].kind !== 'refused'));
    const writes = planned.filter((p): p is Extract<Planned, { kind: 'write' }> => p.kind === 'write');
    if (!writes.length) {
      return planned.map((p) =>
        p.kind === 'keep' ? { ok: true as const, value: current.get(p.openid) as RegistrationRecord } : { ok: false as const, error: (p as { error: unknown }).error },
      );
    }
    // Arrival order within the event is the order of decision: take the sequence numbers first, then hand them out.
    const seqs = await tx.query<{ seq: string }>(`SELECT nextval('registration_seq')::text AS seq FROM generate_series(1, $1::int)`, [writes.length]);
    const seqOf = new Map(writes.map((w, i) => [w, seqs[i].seq]));
    const written = new Map<string, RegistrationRecord>();
    const fresh = writes.filter((w) => !w.existing);
    if (fresh.length) {
      const inserted = await tx.query<Row>(
        `INSERT INTO registrations (id, event_id, openid, status, name, phone, answers, seq, created_at, updated_at)
         SELECT x.id, $2, x.openid, x.status, x.name, x.phone, x.answers, x.seq, x.at, x.at
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, openid text, status text, name text, phone text, answers jsonb, seq bigint, at timestamptz)
         RETURNING ${RETURNED_COLUMNS}`,
        [
          JSON.stringify(
            fresh.map((w) => ({
              id: w.cmd.id,
              openid: w.cmd.openid,
              status: w.status,
              name: w.cmd.contact.name,
              phone: w.cmd.contact.phone,
              answers: w.cmd.answers ?? {},
              seq: seqOf.get(w),
              at: w.cmd.now,
            })),
          ),
          eventId,
        ],
      );
      for (const r of inserted) written.set(String(r.openid), toRecord(r));
    }
    for (const w of writes.filter((x) => x.existing)) {
      const existing = w.existing as RegistrationRecord;
      const updated = await tx.query<Row>(
        `UPDATE registrations SET status = $2, name = $3, phone = $4, answers = $6::jsonb, seq = $7::bigint,
           updated_at = $5, cancelled_at = NULL, attended_at = NULL
         WHERE id = $1 RETURNING ${RETURNED_COLUMNS}`,
        [existing.id, w.status, w.cmd.contact.name, w.cmd.contact.phone, w.cmd.now, JSON.stringify(w.cmd.answers ?? {}), seqOf.get(w)],
      );
      written.set(existing.openid, toRecord(updated[0]));
    }
    await tx.query(`UPDATE events SET confirmed_count = $2, waitlist_count = $3 WHERE id = $1`, [
      eventId,
      event.confirmedCount,
      event.waitlistCount,
    ]);

    const positions = new Map(writes.map((w) => [w.cmd.openid, w.position]));
    return planned.map((p) => {
      if (p.kind === 'refused') return { ok: false as const, error: p.error };
      const openid = p.kind === 'write' ? p.cmd.openid : p.openid;
      const record = written.get(openid) ?? current.get(openid);
      if (!record) return { ok: false as const, error: new Error(`no registration written for ${openid}`) };
      return { ok: true as const, value: { ...record, position: record.status === 'waitlisted' ? positions.get(openid) ?? record.position : null } };
    });
  });
}

/** Each person's sign-up contact becomes their own (the prefill of their next form): one statement for the batch. */
async function rememberContacts(tx: SqlExecutor, commands: RegisterCommand[]): Promise<void> {
  if (!commands.length) return;
  // The last word of a person who signed up twice in one batch wins, as it would one call after another.
  const latest = new Map(commands.map((c) => [c.openid, { openid: c.openid, name: c.contact.name, phone: c.contact.phone, at: c.now }]));
  await tx.query(
    `UPDATE users u SET name = x.name, phone = x.phone, updated_at = x.at
     FROM jsonb_to_recordset($1::jsonb) AS x(openid text, name text, phone text, at timestamptz)
     WHERE u.openid = x.openid`,
    [JSON.stringify([...latest.values()])],
  );
}

/** The registration a first sign-up will become, for the decisions after it in the same batch. */
function blankRecord(cmd: RegisterCommand): RegistrationRecord {
  return {
    id: cmd.id, eventId: cmd.eventId, openid: cmd.openid, status: 'confirmed', contact: cmd.contact, answers: cmd.answers ?? {},
    seq: 0, position: null, createdAt: cmd.now, updatedAt: cmd.now, cancelledAt: null, attendedAt: null, ticketCode: null,
  };
}

export function sqlRegistrationsRepo(db: SqlDb): RegistrationsRepo {
  const submitSignup = groupCommit((eventId: string, batch: RegisterCommand[]) => registerBatch(db, eventId, batch));
  return {
    /** Sign-ups for one event that arrive together are decided and written together: see `registerBatch`. */
    register: (cmd) => submitSignup(cmd.eventId, cmd),

    async cancel(id, now, guard) {
      return db.transaction(async (tx) => {
        const found = await tx.query<{ event_id: string }>('SELECT event_id FROM registrations WHERE id = $1', [id]);
        if (!found[0]) throw notFound('报名记录');
        const event = await lockEvent(tx, found[0].event_id);
        const current = await selectOne(tx, 'r.id = $1', [id]);
        if (!current || !event) throw notFound('报名记录');
        const change = guard(current, event);
        if (!change.patch.status || change.patch.status === current.status) return { registration: current, promoted: null };
        await writePatch(tx, id, change.patch, now);
        await writeEffects(tx, change, now);
        const before = countDelta(current.status);
        const after = countDelta(change.patch.status);
        const rows = await tx.query<Row>(
          `UPDATE events SET confirmed_count = confirmed_count + $2, waitlist_count = waitlist_count + $3 WHERE id = $1
           RETURNING ${EVENT_COLUMNS}`,
          [current.eventId, after.confirmed - before.confirmed, after.waitlisted - before.waitlisted],
        );
        const promoted = await promoteIntoFreeSeats(tx, toEventRecord(rows[0]), now);
        const registration = await selectOne(tx, 'r.id = $1', [id]);
        return { registration: registration ?? current, promoted: promoted[0] ?? null };
      });
    },

    async change(id, now, guard) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<Row>(`${REGISTRATION_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
        if (!rows[0]) throw notFound('报名记录');
        const current = toRecord(rows[0]);
        const events = await tx.query<Row>(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = $1`, [current.eventId]);
        if (!events[0]) throw notFound('活动');
        const change = guard(current, toEventRecord(events[0]));
        if (change.patch.status && countDelta(change.patch.status).confirmed !== countDelta(current.status).confirmed) {
          throw new Error('registrations.change cannot move a seat; cancel and register do');
        }
        await writePatch(tx, id, change.patch, now);
        await writeEffects(tx, change, now);
        return (await selectOne(tx, 'r.id = $1', [id])) ?? current;
      });
    },

    get: (id) => selectOne(db, 'r.id = $1', [id]),

    findByEventAndUser: (eventId, openid) => selectOne(db, 'r.event_id = $1 AND r.openid = $2', [eventId, openid]),

    async listByUser(openid) {
      const rows = await db.query<Row>(`${REGISTRATION_SELECT} WHERE r.openid = $1 ORDER BY r.created_at DESC, r.id`, [
        openid,
      ]);
      return rows.map(toRecord);
    },

    async listByEvent(eventId, status) {
      // One pass over the event's rows: positions from a running count, not a subquery per row (measured 20× faster at 1,000).
      const rows = await db.query<Row>(
        `SELECT * FROM (
           SELECT r.id, r.event_id, r.openid, r.status, r.name, r.phone, r.answers, r.seq, r.created_at, r.updated_at,
                  r.cancelled_at, r.attended_at, r.ticket_code,
                  CASE WHEN r.status = 'waitlisted'
                    THEN (count(*) FILTER (WHERE r.status = 'waitlisted') OVER (ORDER BY r.seq))::int END AS position
           FROM registrations r WHERE r.event_id = $1
         ) x
         WHERE $2::text IS NULL OR x.status = $2
         ORDER BY x.seq`,
        [eventId, status ?? null],
      );
      return rows.map(toRecord);
    },

    async issueTicketCode(id, code, now) {
      try {
        // Only a registration without a code takes one: two first looks at a ticket keep the first code.
        await db.query('UPDATE registrations SET ticket_code = $2, updated_at = $3 WHERE id = $1 AND ticket_code IS NULL', [id, code, now]);
      } catch (err) {
        if (isUniqueViolation(err)) return 'taken';
        throw err;
      }
      const stored = await selectOne(db, 'r.id = $1', [id]);
      if (!stored) throw notFound('报名记录');
      return stored;
    },

    async findByTicketCode(code) {
      const rows = await db.query<Row>(`${REGISTRATION_SELECT} WHERE r.ticket_code = $1`, [code]);
      return rows.map(toRecord);
    },

    async countByStatus(eventId) {
      const rows = await db.query<{ status: RegistrationStatus; n: number }>(
        'SELECT status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status',
        [eventId],
      );
      const counts: Record<RegistrationStatus, number> = { confirmed: 0, waitlisted: 0, cancelled: 0, attended: 0 };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },
  };
}
