import type { EventPatch, EventRecord, EventsRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { writeEffects } from './effects';
import { promoteIntoFreeSeats } from './registrations-repo';
import { getAll, inTransaction, isoOf, isoOrNull, toDate, type CloudDb, type CloudTransaction, type Doc, type Where } from './db';

/** Instants of an event, stored as dates. */
const DATE_FIELDS = ['startAt', 'endAt', 'signupDeadline', 'publishedAt', 'createdAt', 'updatedAt'] as const;

export function toEventDoc(e: EventRecord): Record<string, unknown> {
  const { id, ...rest } = e;
  void id;
  return {
    ...rest,
    startAt: toDate(e.startAt),
    endAt: toDate(e.endAt),
    signupDeadline: toDate(e.signupDeadline),
    publishedAt: toDate(e.publishedAt),
    createdAt: toDate(e.createdAt),
    updatedAt: toDate(e.updatedAt),
    // Arrival order of sign-ups on this event; only ever written with the counters, inside a transaction.
    seqCounter: 0,
  };
}

export function toEventRecord(d: Doc): EventRecord {
  return {
    id: d._id,
    type: d.type as EventRecord['type'],
    title: String(d.title),
    description: String(d.description ?? ''),
    startAt: isoOf(d.startAt),
    endAt: isoOf(d.endAt),
    location: String(d.location),
    capacity: Number(d.capacity),
    signupDeadline: isoOrNull(d.signupDeadline),
    waitlist: Boolean(d.waitlist),
    audience: d.audience as EventRecord['audience'],
    questions: Array.isArray(d.questions) ? (d.questions as EventRecord['questions']) : [],
    status: d.status as EventRecord['status'],
    cancelReason: (d.cancelReason as string | null) ?? null,
    publishedAt: isoOrNull(d.publishedAt),
    createdBy: String(d.createdBy),
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
    confirmedCount: Number(d.confirmedCount ?? 0),
    waitlistCount: Number(d.waitlistCount ?? 0),
  };
}

/** A patch as stored: instants as dates, nothing undefined (the SDK drops undefined; null must stay null). */
function patchDoc(patch: EventPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = (DATE_FIELDS as readonly string[]).includes(key) ? toDate(value as string | null) : value;
  }
  return out;
}

/**
 * Reads the event in the transaction and writes it at once: the write makes the event document this transaction's
 * lock, so any other transaction on the same event (sign-up, cancel, edit) conflicts and is run again after it.
 */
export async function lockEvent(db: CloudDb, tx: CloudTransaction, id: string): Promise<Doc | null> {
  const ref = tx.collection('events').doc(id);
  const { data } = await ref.get();
  if (!data) return null;
  await ref.update({ data: { version: db.command.inc(1) } });
  return data;
}

export function cloudbaseEventsRepo(db: CloudDb): EventsRepo {
  const _ = db.command;
  const events = () => db.collection('events');
  return {
    async insert(e) {
      await events().add({ data: { _id: e.id, ...toEventDoc(e) } });
    },

    async get(id) {
      const { data } = await events().doc(id).get();
      return data ? toEventRecord(data) : null;
    },

    async update(id, now, guard) {
      return inTransaction(db, async (tx) => {
        const doc = await lockEvent(db, tx, id);
        if (!doc) throw notFound('活动');
        const current = toEventRecord(doc);
        const change = guard(current);
        const defined = Object.fromEntries(Object.entries(change.patch).filter(([, v]) => v !== undefined));
        const updated: EventRecord = { ...current, ...defined, updatedAt: now };
        const promoted = await promoteIntoFreeSeats(db, tx, updated, now);
        await tx.collection('events').doc(id).update({
          data: {
            ...patchDoc(change.patch),
            // Replaced whole: an update would otherwise merge the new list into the old one element by element.
            ...(change.patch.questions ? { questions: _.set(change.patch.questions) } : {}),
            updatedAt: toDate(now),
            ...(promoted.length ? { confirmedCount: _.inc(promoted.length), waitlistCount: _.inc(-promoted.length) } : {}),
          },
        });
        await writeEffects(tx, change, now);
        return {
          ...updated,
          confirmedCount: updated.confirmedCount + promoted.length,
          waitlistCount: updated.waitlistCount - promoted.length,
        };
      });
    },

    async list(q) {
      const where: Where[] = [{ status: q.status }];
      if (q.type) where.push({ type: q.type });
      if (q.endsAfter) where.push({ endAt: _.gt(toDate(q.endsAfter)) });
      if (q.after) {
        const at = toDate(q.after.startAt);
        where.push(_.or({ startAt: _.gt(at) }, { startAt: at, _id: _.gt(q.after.id) }) as Where);
      }
      const query = events().where(_.and(...where)).orderBy('startAt', 'asc').orderBy('_id', 'asc');
      return (await getAll(query, q.limit)).map(toEventRecord);
    },
  };
}
