/**
 * Sign-ups on CloudBase. Each change of an event's seats is one transaction that first writes the event document (its
 * lock, see lockEvent), then reads the registrations, runs the pure rule and writes the seat and the counters. Reads of
 * other documents happen outside the transaction (CloudBase transactions take single-document operations only); they
 * are consistent because every writer of an event's seats holds that event's lock, and a transaction whose snapshot is
 * older than the last change of the event fails on the lock and is run again.
 */
import type { RegistrationStatus } from '@shared/registrations';
import type { EventRecord, RegistrationPatch, RegistrationRecord, RegistrationsRepo } from '../../core/ports';
import { promotionNotice, seatsToFill } from '../../registrations/seats';
import { notFound } from '../../core/errors';
import { getAll, getOne, inTransaction, isoOf, isoOrNull, toDate, type CloudDb, type CloudTransaction, type Doc } from './db';
import { writeEffects } from './effects';
import { lockEvent, toEventRecord } from './events-repo';
import { addToOutbox } from './outbox-repo';

function toRecord(d: Doc, position: number | null = null): RegistrationRecord {
  const contact = (d.contact ?? {}) as { name?: unknown; phone?: unknown };
  return {
    id: d._id,
    eventId: String(d.eventId),
    openid: String(d.openid),
    status: d.status as RegistrationStatus,
    contact: { name: String(contact.name ?? ''), phone: String(contact.phone ?? '') },
    seq: Number(d.seq),
    position,
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
    cancelledAt: isoOrNull(d.cancelledAt),
    attendedAt: isoOrNull(d.attendedAt),
  };
}

/** A patch as stored: instants as dates, nothing undefined. */
function patchDoc(patch: RegistrationPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (patch.status !== undefined) out.status = patch.status;
  if (patch.cancelledAt !== undefined) out.cancelledAt = toDate(patch.cancelledAt);
  if (patch.attendedAt !== undefined) out.attendedAt = toDate(patch.attendedAt);
  return out;
}

/**
 * Moves the first waitlisted people into the free seats the pure rule counts (from `event` as it will be once the
 * caller's counter update lands) and queues each one's notice; call holding the event's lock. The caller adds the
 * number moved to the event's counters.
 */
export async function promoteIntoFreeSeats(db: CloudDb, tx: CloudTransaction, event: EventRecord, now: string): Promise<Doc[]> {
  const free = seatsToFill(event);
  if (free <= 0) return [];
  const waiting = await getAll(
    db.collection('registrations').where({ eventId: event.id, status: 'waitlisted' }).orderBy('seq', 'asc'),
    free,
  );
  for (const w of waiting) {
    await tx.collection('registrations').doc(w._id).update({ data: { status: 'confirmed', updatedAt: toDate(now) } });
  }
  if (waiting.length) await addToOutbox(tx, waiting.map((w) => ({ ...promotionNotice(event, { openid: String(w.openid) }), createdAt: now })));
  return waiting.map((w) => ({ ...w, status: 'confirmed', updatedAt: toDate(now) }));
}

function countDelta(status: RegistrationStatus): { confirmed: number; waitlisted: number } {
  return {
    confirmed: status === 'confirmed' || status === 'attended' ? 1 : 0,
    waitlisted: status === 'waitlisted' ? 1 : 0,
  };
}

export function cloudbaseRegistrationsRepo(db: CloudDb): RegistrationsRepo {
  const _ = db.command;
  const registrations = () => db.collection('registrations');

  /** Place on the waitlist, derived from arrival order at read time, never stored. */
  async function withPosition(d: Doc): Promise<RegistrationRecord> {
    if (d.status !== 'waitlisted') return toRecord(d);
    const { total } = await registrations().where({ eventId: d.eventId, status: 'waitlisted', seq: _.lte(d.seq) }).count();
    return toRecord(d, total);
  }

  const findDoc = (eventId: string, openid: string) => getOne(registrations().where({ eventId, openid }));

  return {
    async register(cmd) {
      return inTransaction(db, async (tx) => {
        const eventDoc = await lockEvent(db, tx, cmd.eventId);
        if (!eventDoc) throw notFound('活动');
        const existingDoc = await findDoc(cmd.eventId, cmd.openid);
        const existing = existingDoc ? await withPosition(existingDoc) : null;
        const decision = cmd.decide(toEventRecord(eventDoc), existing);
        if (decision.kind === 'keep-existing' && existing) return existing;
        if (decision.kind === 'keep-existing') throw new Error('decide() kept a registration that does not exist');
        const seq = Number(eventDoc.seqCounter ?? 0) + 1;
        const fields = {
          status: decision.status,
          contact: { name: cmd.contact.name, phone: cmd.contact.phone },
          seq,
          updatedAt: toDate(cmd.now),
          cancelledAt: null,
          attendedAt: null,
        };
        let doc: Doc;
        if (existingDoc) {
          await tx.collection('registrations').doc(existingDoc._id).update({ data: fields });
          doc = { ...existingDoc, ...fields };
        } else {
          doc = { _id: cmd.id, eventId: cmd.eventId, openid: cmd.openid, createdAt: toDate(cmd.now), ...fields };
          await tx.collection('registrations').add({ data: doc });
        }
        const delta = countDelta(decision.status);
        await tx.collection('events').doc(cmd.eventId).update({
          data: { confirmedCount: _.inc(delta.confirmed), waitlistCount: _.inc(delta.waitlisted), seqCounter: seq },
        });
        // A new waitlist place is always the last one: the counter, read under the lock, gives it.
        return toRecord(doc, decision.status === 'waitlisted' ? toEventRecord(eventDoc).waitlistCount + 1 : null);
      });
    },

    async cancel(id, now, guard) {
      const found = await registrations().doc(id).get();
      if (!found.data) throw notFound('报名记录');
      const eventId = String(found.data.eventId);
      const outcome = await inTransaction(db, async (tx) => {
        const eventDoc = await lockEvent(db, tx, eventId);
        const { data: currentDoc } = await tx.collection('registrations').doc(id).get();
        if (!currentDoc || !eventDoc) throw notFound('报名记录');
        const current = await withPosition(currentDoc);
        const event = toEventRecord(eventDoc);
        const change = guard(current, event);
        const status = change.patch.status;
        if (!status || status === current.status) return { registration: currentDoc, promoted: null };
        const written = { ...patchDoc(change.patch), updatedAt: toDate(now) };
        await tx.collection('registrations').doc(id).update({ data: written });
        await writeEffects(tx, change, now);
        const before = countDelta(current.status);
        const after = countDelta(status);
        const counted = {
          ...event,
          confirmedCount: event.confirmedCount + after.confirmed - before.confirmed,
          waitlistCount: event.waitlistCount + after.waitlisted - before.waitlisted,
        };
        const promoted = await promoteIntoFreeSeats(db, tx, counted, now);
        await tx.collection('events').doc(eventId).update({
          data: {
            confirmedCount: _.inc(after.confirmed - before.confirmed + promoted.length),
            waitlistCount: _.inc(after.waitlisted - before.waitlisted - promoted.length),
          },
        });
        return { registration: { ...currentDoc, ...written }, promoted: promoted[0] ?? null };
      });
      return {
        registration: await withPosition(outcome.registration),
        promoted: outcome.promoted ? toRecord(outcome.promoted) : null,
      };
    },

    async change(id, now, guard) {
      const doc = await inTransaction(db, async (tx) => {
        const { data: currentDoc } = await tx.collection('registrations').doc(id).get();
        if (!currentDoc) throw notFound('报名记录');
        const { data: eventDoc } = await db.collection('events').doc(String(currentDoc.eventId)).get();
        if (!eventDoc) throw notFound('活动');
        const current = await withPosition(currentDoc);
        const change = guard(current, toEventRecord(eventDoc));
        if (change.patch.status && countDelta(change.patch.status).confirmed !== countDelta(current.status).confirmed) {
          throw new Error('registrations.change cannot move a seat; cancel and register do');
        }
        if (!Object.keys(change.patch).length) return currentDoc;
        const written = { ...patchDoc(change.patch), updatedAt: toDate(now) };
        await tx.collection('registrations').doc(id).update({ data: written });
        await writeEffects(tx, change, now);
        return { ...currentDoc, ...written };
      });
      return withPosition(doc);
    },

    async get(id) {
      const { data } = await registrations().doc(id).get();
      return data ? withPosition(data) : null;
    },

    async findByEventAndUser(eventId, openid) {
      const doc = await findDoc(eventId, openid);
      return doc ? withPosition(doc) : null;
    },

    async listByUser(openid) {
      const docs = await getAll(registrations().where({ openid }).orderBy('createdAt', 'desc').orderBy('_id', 'asc'));
      return Promise.all(docs.map(withPosition));
    },

    async listByEvent(eventId, status) {
      // Every registration of the event in arrival order; positions from a running count, as the SQL adapter does.
      const docs = await getAll(registrations().where({ eventId }).orderBy('seq', 'asc'));
      let waiting = 0;
      return docs
        .map((d) => toRecord(d, d.status === 'waitlisted' ? ++waiting : null))
        .filter((r) => !status || r.status === status);
    },
  };
}
