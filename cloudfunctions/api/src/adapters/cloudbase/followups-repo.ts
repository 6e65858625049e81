import type { FollowupPatch, FollowupRecord, FollowupsRepo, FollowupStep } from '../../core/ports';
import { notFound } from '../../core/errors';
import { claimUnique, getAll, getOne, inTransaction, isoOf, isoOrNull, releaseUnique, strOrNull, toDate, type CloudDb, type CloudTransaction, type Doc } from './db';
import { writeEffects } from './effects';

const DATE_FIELDS = new Set(['consentAt', 'contactedAt', 'withdrawnAt', 'createdAt', 'updatedAt']);

function toRecord(d: Doc): FollowupRecord {
  return {
    id: d._id,
    kind: d.kind as FollowupRecord['kind'],
    openid: strOrNull(d.openid),
    status: String(d.status),
    name: strOrNull(d.name),
    phone: strOrNull(d.phone),
    gender: strOrNull(d.gender),
    birthMonth: strOrNull(d.birthMonth),
    occupation: strOrNull(d.occupation),
    employer: strOrNull(d.employer),
    politicalStatus: strOrNull(d.politicalStatus),
    education: strOrNull(d.education),
    statement: strOrNull(d.statement),
    homeOrg: strOrNull(d.homeOrg),
    wish: strOrNull(d.wish),
    orgId: strOrNull(d.orgId),
    closeReason: strOrNull(d.closeReason),
    consentAt: isoOf(d.consentAt),
    contactedAt: isoOrNull(d.contactedAt),
    withdrawnAt: isoOrNull(d.withdrawnAt),
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
  };
}

/** Record fields as stored: instants as dates, nothing undefined. */
function asDoc(fields: FollowupPatch | FollowupRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || key === 'id') continue;
    out[key] = DATE_FIELDS.has(key) ? toDate(value as string | null) : value;
  }
  return out;
}

/** One open record of each kind per person. */
const openKey = (kind: string, openid: string) => `followup:${kind}:${openid}`;

async function addStep(tx: CloudTransaction, followupId: string, n: number, step: Omit<FollowupStep, 'at'>, at: string) {
  await tx.collection('followup_steps').add({
    data: { _id: `${followupId}:${n}`, followupId, n, ...step, at: toDate(at) },
  });
}

/** Audit entries carry their own random id, like every other document this adapter adds inside a transaction. */
export function cloudbaseFollowupsRepo(db: CloudDb): FollowupsRepo {
  const _ = db.command;
  const followups = () => db.collection('followups');

  return {
    async insert(r, step) {
      return inTransaction(db, async (tx) => {
        if (r.openid && r.status !== 'closed' && (await claimUnique(tx, openKey(r.kind, r.openid), r.id))) {
          return 'already-open' as const;
        }
        await tx.collection('followups').add({ data: { _id: r.id, ...asDoc(r), stepCount: 1 } });
        await addStep(tx, r.id, 1, step, r.createdAt);
        return 'created' as const;
      });
    },

    async get(id) {
      const { data } = await followups().doc(id).get();
      return data ? toRecord(data) : null;
    },

    async findOpenByUser(kind, openid) {
      const doc = await getOne(followups().where({ kind, openid, status: _.neq('closed') }));
      return doc ? toRecord(doc) : null;
    },

    async listByUser(kind, openid) {
      const docs = await getAll(followups().where({ kind, openid }).orderBy('createdAt', 'desc').orderBy('_id', 'asc'));
      return docs.map(toRecord);
    },

    async list(q) {
      const where: Record<string, unknown>[] = [{ kind: q.kind }];
      if (q.status) where.push({ status: q.status });
      if (q.after) {
        const at = toDate(q.after.createdAt);
        where.push(_.or({ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(q.after.id) }) as Record<string, unknown>);
      }
      const query = followups().where(_.and(...where)).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return (await getAll(query, q.limit)).map(toRecord);
    },

    async change(id, now, guard) {
      return inTransaction(db, async (tx) => {
        const ref = tx.collection('followups').doc(id);
        const { data } = await ref.get();
        if (!data) throw notFound('记录');
        const current = toRecord(data);
        const change = guard(current);
        const patch: FollowupPatch = { ...change.patch, updatedAt: now };
        const stepCount = Number(data.stepCount ?? 0) + (change.step ? 1 : 0);
        await ref.update({ data: { ...asDoc(patch), stepCount } });
        if (change.step) await addStep(tx, id, stepCount, change.step, now);
        // Closing frees the person to submit again (the SQL adapter's partial unique index does the same).
        if (patch.status === 'closed' && current.status !== 'closed' && current.openid) {
          await releaseUnique(tx, openKey(current.kind, current.openid));
        }
        await writeEffects(tx, change, now);
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        return { ...current, ...defined } as FollowupRecord;
      });
    },

    async steps(id) {
      const docs = await getAll(db.collection('followup_steps').where({ followupId: id }).orderBy('n', 'asc'));
      return docs.map((d) => ({
        fromStatus: strOrNull(d.fromStatus),
        toStatus: String(d.toStatus),
        note: strOrNull(d.note),
        reason: strOrNull(d.reason),
        actor: String(d.actor),
        at: isoOf(d.at),
      }));
    },

    async countByStatus(kind) {
      const { list } = await followups().aggregate().match({ kind }).group({ _id: '$status', n: _.aggregate.sum(1) }).limit(1000).end();
      return Object.fromEntries(list.map((r) => [String(r._id), Number(r.n)]));
    },

    async countByMonth(kind, timeZone) {
      const { list } = await followups()
        .aggregate()
        .match({ kind })
        .group({ _id: _.aggregate.dateToString({ date: '$createdAt', format: '%Y-%m', timezone: timeZone }), n: _.aggregate.sum(1) })
        .sort({ _id: 1 })
        .limit(1000)
        .end();
      return list.map((r) => ({ month: String(r._id), count: Number(r.n) }));
    },

    async countWithdrawn(kind) {
      return (await followups().where({ kind, withdrawnAt: _.neq(null) }).count()).total;
    },

    async orgs() {
      const docs = await getAll(db.collection('party_orgs').orderBy('kind', 'desc').orderBy('_id', 'asc'));
      return docs.map((d) => ({ id: d._id, name: String(d.name), kind: d.kind as 'standalone' | 'joint' }));
    },
  };
}
