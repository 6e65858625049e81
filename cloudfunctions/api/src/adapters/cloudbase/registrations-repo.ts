/**
 * Sign-ups on CloudBase. A sign-up is first a `pending` request in its own document, then seated with every other
 * request waiting for the same event by one transaction that holds the event's lock (see `register`): a crowd costs a
 * handful of batches instead of a write conflict per pair of people. Every other change of an event's seats (cancel,
 * promotion) is one transaction that first writes the event document (its lock, see lockEvent), then reads the
 * registrations, runs the pure rule and writes the seats and the counters. Reads of other documents happen outside the
 * transaction (CloudBase transactions take single-document operations only); they are consistent because every writer
 * of an event's seats holds that event's lock, and a transaction whose snapshot is older than the last change of the
 * event fails on the lock.
 */
import type { RegistrationStatus } from '@shared/registrations';
import type { ErrorCode } from '@shared/result';
import type { EventRecord, RegisterCommand, RegistrationPatch, RegistrationRecord, RegistrationsRepo } from '../../core/ports';
import { promotionNotice, seatInTurn, seatsToFill } from '../../registrations/seats';
import { DomainError, notFound } from '../../core/errors';
import {
  claimUnique, getAll, getOne, inTransaction, isoOf, isoOrNull, nextOrdinal, strOrNull, toDate, tryTransaction,
  type CloudDb, type CloudTransaction, type Doc,
} from './db';
import { writeEffects } from './effects';
import { saveContact } from './users-repo';
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
    answers: (d.answers && typeof d.answers === 'object' ? d.answers : {}) as RegistrationRecord['answers'],
    seq: Number(d.seq),
    position,
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
    cancelledAt: isoOrNull(d.cancelledAt),
    attendedAt: isoOrNull(d.attendedAt),
    ticketCode: strOrNull(d.ticketCode),
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

/** Statuses a registration shows; `pending` and `refused` are the sign-up queue's own. */
const SHOWN = new Set<string>(['confirmed', 'waitlisted', 'cancelled', 'attended']);
/** Requests one batch seats at most; more wait for the next. */
const SEATING_BATCH = 500;
/** How long a caller keeps seating before it gives up answering (its request stays queued); under the function's 20 s. */
const SEATING_BUDGET_MS = 12_000;

/** A short random pause before looking again, so the callers of one crowd do not all knock at the same moment. */
const pauseForBatch = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * Math.min(200, 20 * attempt)));

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
  /** A request still waiting for its seat, or refused, is nobody's registration. */
  const shown = (d: Doc) => SHOWN.has(String(d.status));


  /** The sign-up request: a new document (one per person and event, claimed in unique_keys), or a cancelled or refused one asked again. */
  async function writeRequest(cmd: RegisterCommand, current: Doc | null): Promise<{ kind: 'pending' | 'seated'; doc: Doc }> {
    const request = {
      status: 'pending',
      contact: { name: cmd.contact.name, phone: cmd.contact.phone },
      requestedAt: toDate(cmd.now),
      arrival: nextOrdinal(),
      updatedAt: toDate(cmd.now),
      cancelledAt: null,
      attendedAt: null,
      refusal: null,
    };
    if (current) {
      // Only from the state it was read in: a second tap that got there first wins, and this one waits on its request.
      const { stats } = await registrations()
        .where({ _id: current._id, status: current.status })
        .update({ data: { ...request, answers: _.set(cmd.answers ?? {}) } });
      const { data } = await registrations().doc(current._id).get();
      if (!data) throw notFound('报名记录');
      return { kind: stats.updated || data.status === 'pending' ? 'pending' : 'seated', doc: data };
    }
    const doc: Doc = { _id: cmd.id, eventId: cmd.eventId, openid: cmd.openid, createdAt: toDate(cmd.now), ...request, answers: cmd.answers ?? {} };
    const holder = await inTransaction(db, async (tx) => {
      const taken = await claimUnique(tx, `registration:${cmd.eventId}:${cmd.openid}`, cmd.id);
      if (taken !== null && taken !== cmd.id) return taken;
      await tx.collection('registrations').add({ data: doc });
      return null;
    });
    if (holder === null) return { kind: 'pending', doc };
    const { data } = await registrations().doc(holder).get();
    if (!data) throw notFound('报名记录');
    return { kind: data.status === 'pending' ? 'pending' : 'seated', doc: data };
  }

  /** Seats this event's waiting requests (or leaves it to the batch already doing so) until this one is decided. */
  async function awaitSeat(eventId: string, id: string): Promise<RegistrationRecord> {
    const deadline = Date.now() + SEATING_BUDGET_MS;
    for (let attempt = 1; ; attempt++) {
      const { data } = await registrations().doc(id).get();
      if (!data) throw notFound('报名记录');
      if (data.status === 'refused') {
        const refusal = (data.refusal ?? {}) as { code?: ErrorCode; message?: string };
        throw new DomainError(refusal.code ?? 'REGISTRATION_CLOSED', refusal.message);
      }
      if (data.status !== 'pending') return withPosition(data);
      // Past the budget the request stays queued: the next batch seats it, and asking again returns that seat.
      if (Date.now() > deadline) throw new Error(`sign-up ${id} not seated within ${SEATING_BUDGET_MS} ms`);
      if ((await seatWaitingRequests(eventId)) === 'conflict') await pauseForBatch(attempt);
    }
  }

  /** One transaction on the event's lock: every request waiting now, in arrival order, takes a seat or is refused. */
  function seatWaitingRequests(eventId: string): Promise<'done' | 'conflict'> {
    return tryTransaction(db, async (tx) => {
      const eventDoc = await lockEvent(db, tx, eventId);
      if (!eventDoc) throw notFound('活动');
      const queued = await getAll(
        registrations().where({ eventId, status: 'pending' }).orderBy('arrival', 'asc').orderBy('_id', 'asc'),
        SEATING_BATCH,
      );
      // The query reads the latest state, the transaction its snapshot: a request written after the snapshot is not
      // there for it to update (it would update nothing), so only requests pending in the snapshot are seated here.
      const inSnapshot = await Promise.all(queued.map((d) => tx.collection('registrations').doc(d._id).get()));
      const waiting = queued.filter((_d, i) => inSnapshot[i].data?.status === 'pending');
      if (!waiting.length) return 'done' as const;
      let event = toEventRecord(eventDoc);
      let seq = Number(eventDoc.seqCounter ?? 0);
      const writes: Promise<unknown>[] = [];
      for (const request of waiting) {
        const ref = tx.collection('registrations').doc(request._id);
        try {
          const status = seatInTurn(event, isoOf(request.requestedAt));
          seq += 1;
          const delta = countDelta(status);
          event = { ...event, confirmedCount: event.confirmedCount + delta.confirmed, waitlistCount: event.waitlistCount + delta.waitlisted };
          writes.push(ref.update({ data: { status, seq, refusal: null } }));
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          writes.push(ref.update({ data: { status: 'refused', refusal: { code: err.code, message: err.message } } }));
        }
      }
      await Promise.all(writes);
      const before = toEventRecord(eventDoc);
      await tx.collection('events').doc(eventId).update({
        data: {
          confirmedCount: _.inc(event.confirmedCount - before.confirmedCount),
          waitlistCount: _.inc(event.waitlistCount - before.waitlistCount),
          seqCounter: seq,
        },
      });
      return 'done' as const;
    });
  }

  /**
   * A crowd signing up for one event must not fight over the event document: each sign-up is first written as a
   * `pending` request (its own document, no contention), then seated by whichever caller takes the event's lock next,
   * for every request waiting then, in arrival order, by the pure rule (`seatInTurn`). A caller that finds the lock
   * taken waits a moment and looks at its own request again: someone else's batch has usually seated it. `decide`
   * runs before the request is written, on the event as read then (answers, a repeated sign-up): if it refuses,
   * nothing is written.
   */
  async function signUp(cmd: RegisterCommand): Promise<RegistrationRecord> {
    const { data: eventDoc } = await db.collection('events').doc(cmd.eventId).get();
    if (!eventDoc) throw notFound('活动');
    let doc = await findDoc(cmd.eventId, cmd.openid);
    if (!doc || doc.status !== 'pending') {
      const existing = doc && SHOWN.has(String(doc.status)) ? await withPosition(doc) : null;
      const decision = cmd.decide(toEventRecord(eventDoc), existing);
      if (decision.kind === 'keep-existing') {
        if (existing) return existing;
        throw new Error('decide() kept a registration that does not exist');
      }
      const requested = await writeRequest(cmd, doc);
      if (requested.kind === 'seated') return withPosition(requested.doc);
      doc = requested.doc;
    }
    return awaitSeat(cmd.eventId, doc._id);
  }

  return {
    /** The sign-up (`signUp`); then its contact becomes the person's prefill, as the SQL batch does. */
    async register(cmd) {
      const registration = await signUp(cmd);
      await saveContact(db, cmd.openid, cmd.contact, cmd.now);
      return registration;
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
      return data && shown(data) ? withPosition(data) : null;
    },

    async findByEventAndUser(eventId, openid) {
      const doc = await findDoc(eventId, openid);
      return doc && shown(doc) ? withPosition(doc) : null;
    },

    async listByUser(openid) {
      const docs = await getAll(registrations().where({ openid }).orderBy('createdAt', 'desc').orderBy('_id', 'asc'));
      return Promise.all(docs.filter(shown).map(withPosition));
    },

    async listByEvent(eventId, status) {
      // Every registration of the event in arrival order; positions from a running count, as the SQL adapter does.
      const docs = (await getAll(registrations().where({ eventId }).orderBy('seq', 'asc'))).filter(shown);
      let waiting = 0;
      return docs
        .map((d) => toRecord(d, d.status === 'waitlisted' ? ++waiting : null))
        .filter((r) => !status || r.status === status);
    },

    async issueTicketCode(id, code, now) {
      const doc = await inTransaction(db, async (tx): Promise<Doc | 'taken'> => {
        const { data: currentDoc } = await tx.collection('registrations').doc(id).get();
        if (!currentDoc) throw notFound('报名记录');
        // Only a registration without a code takes one: two first looks at a ticket keep the first code.
        if (currentDoc.ticketCode) return currentDoc;
        // Unique within the event through unique_keys, claimed in this transaction (no index needed).
        const holder = await claimUnique(tx, `ticket:${String(currentDoc.eventId)}:${code}`, id);
        if (holder !== null && holder !== id) return 'taken';
        const written = { ticketCode: code, updatedAt: toDate(now) };
        await tx.collection('registrations').doc(id).update({ data: written });
        return { ...currentDoc, ...written };
      });
      return doc === 'taken' ? 'taken' : withPosition(doc);
    },

    async findByTicketCode(code) {
      const docs = await getAll(registrations().where({ ticketCode: code }));
      return Promise.all(docs.map(withPosition));
    },

    async countByStatus(eventId) {
      const counts: Record<RegistrationStatus, number> = { confirmed: 0, waitlisted: 0, cancelled: 0, attended: 0 };
      for (const status of Object.keys(counts) as RegistrationStatus[]) {
        counts[status] = (await registrations().where({ eventId, status }).count()).total;
      }
      return counts;
    },
  };
}
