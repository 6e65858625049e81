/**
 * Erasure on CloudBase. A transaction here holds single-document operations only, so a kind is erased in batches: the
 * expired records still holding personal data are found by a query, then each batch is one transaction that reads
 * every record again, erases those that still qualify, and writes the batch's audit entry. Which records and which
 * values come from retention/rules.ts; only the document shapes live here.
 */
import type { RetentionKind, RetentionRepo } from '../../core/ports';
import {
  ANSWERED_GUIDANCE,
  CLOSED_FOLLOWUP_STATUSES,
  ERASED_CONTACT,
  ERASED_FOLLOWUP,
  ERASED_GUIDANCE,
  ERASED_RESUME,
  ERASED_STEP,
  FINAL_APPLICATION,
  endedBefore,
  holdsPersonalData,
} from '../../retention/rules';
import { addAudit } from './audit-repo';
import { getAll, inTransaction, isoOrNull, toDate, type CloudDb, type CloudTransaction, type Doc } from './db';

/** Records per transaction: a follow-up also rewrites each step of its timeline. */
const BATCH = 20;
/** Ids per `in` condition. */
const IN_CHUNK = 100;

interface KindSpec {
  collection: string;
  /** Ids of the expired records that may still hold personal data (checked again inside the transaction). */
  candidates(cutoff: string): Promise<string[]>;
  /** Whether the record, as read inside the transaction, is still owed erasure. */
  owed(doc: Doc, cutoff: string): boolean;
  erase(tx: CloudTransaction, doc: Doc): Promise<void>;
}

const withoutNulls = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

export function cloudbaseRetentionRepo(db: CloudDb): RetentionRepo {
  const _ = db.command;
  /** "Some field still differs from its erased value", as a query condition. */
  const holds = (erased: Record<string, unknown>, prefix = '') =>
    _.or(...Object.entries(erased).map(([field, value]) => ({ [`${prefix}${field}`]: _.neq(value) })));
  const ids = async (collection: string, where: unknown) =>
    (await getAll(db.collection(collection).where(where).field({ _id: true }))).map((d) => d._id);

  const followups = (kind: 'intent' | 'report'): KindSpec => ({
    collection: 'followups',
    candidates: (cutoff) =>
      ids('followups', _.and({ kind }, { status: _.in([...CLOSED_FOLLOWUP_STATUSES]) }, { updatedAt: _.lt(toDate(cutoff)) }, holds(ERASED_FOLLOWUP))),
    owed: (doc, cutoff) =>
      doc.kind === kind &&
      CLOSED_FOLLOWUP_STATUSES.includes(String(doc.status)) &&
      endedBefore(isoOrNull(doc.updatedAt), cutoff) &&
      holdsPersonalData(doc, ERASED_FOLLOWUP),
    async erase(tx, doc) {
      await tx.collection('followups').doc(doc._id).update({ data: { ...ERASED_FOLLOWUP } });
      for (let n = 1; n <= Number(doc.stepCount ?? 0); n++) {
        await tx.collection('followup_steps').doc(`${doc._id}:${n}`).update({ data: { ...ERASED_STEP } });
      }
    },
  });

  const SPECS: Record<RetentionKind, KindSpec> = {
    intent: followups('intent'),
    report: followups('report'),

    registration: {
      collection: 'registrations',
      async candidates(cutoff) {
        const ended = await ids('events', { endAt: _.lt(toDate(cutoff)) });
        const found: string[] = [];
        for (let i = 0; i < ended.length; i += IN_CHUNK) {
          found.push(...(await ids('registrations', _.and({ eventId: _.in(ended.slice(i, i + IN_CHUNK)) }, holds(ERASED_CONTACT, 'contact.')))));
        }
        return found;
      },
      // An ended event stays ended: its end was checked by the query, only the contact is read again.
      owed: (doc) => holdsPersonalData((doc.contact ?? {}) as Record<string, unknown>, ERASED_CONTACT),
      async erase(tx, doc) {
        await tx.collection('registrations').doc(doc._id).update({ data: { contact: _.set({ ...ERASED_CONTACT }) } });
      },
    },

    application: {
      collection: 'applications',
      candidates: (cutoff) =>
        ids('applications', _.and({ status: _.in([...FINAL_APPLICATION]) }, { updatedAt: _.lt(toDate(cutoff)) }, holds(ERASED_RESUME, 'resume.'))),
      owed: (doc, cutoff) =>
        FINAL_APPLICATION.includes(String(doc.status)) &&
        endedBefore(isoOrNull(doc.updatedAt), cutoff) &&
        holdsPersonalData((doc.resume ?? {}) as Record<string, unknown>, ERASED_RESUME),
      async erase(tx, doc) {
        // The résumé is replaced whole: its optional fields go with the rest.
        await tx.collection('applications').doc(doc._id).update({ data: { resume: _.set(withoutNulls(ERASED_RESUME)) } });
      },
    },

    guidance: {
      collection: 'guidance_requests',
      candidates: (cutoff) =>
        ids('guidance_requests', _.and({ status: _.in([...ANSWERED_GUIDANCE]) }, { answeredAt: _.lt(toDate(cutoff)) }, holds(ERASED_GUIDANCE))),
      owed: (doc, cutoff) =>
        ANSWERED_GUIDANCE.includes(String(doc.status)) &&
        endedBefore(isoOrNull(doc.answeredAt), cutoff) &&
        holdsPersonalData(doc, ERASED_GUIDANCE),
      async erase(tx, doc) {
        await tx.collection('guidance_requests').doc(doc._id).update({ data: { ...ERASED_GUIDANCE } });
      },
    },
  };

  return {
    async eraseExpired(kind, cutoff, now, audit) {
      const spec = SPECS[kind];
      const found = await spec.candidates(cutoff);
      let erased = 0;
      for (let i = 0; i < found.length; i += BATCH) {
        erased += await inTransaction(db, async (tx) => {
          let count = 0;
          for (const id of found.slice(i, i + BATCH)) {
            const { data } = await tx.collection(spec.collection).doc(id).get();
            if (!data || !spec.owed(data, cutoff)) continue;
            await spec.erase(tx, data);
            count++;
          }
          if (count) await addAudit((d) => tx.collection('audit_log').add({ data: d }), { ...audit(count), at: now });
          return count;
        });
      }
      return erased;
    },
  };
}
