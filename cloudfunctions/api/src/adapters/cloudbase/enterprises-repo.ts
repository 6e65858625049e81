/** Enterprises, the claims of their HR contacts, and their participation in fairs, on CloudBase. */
import type { ClaimRecord, EnterprisePatch, EnterpriseRecord, EnterprisesRepo, ParticipationRecord } from '../../core/ports';
import { notFound } from '../../core/errors';
import {
  claimUnique,
  getAll,
  getOne,
  inTransaction,
  isoOf,
  releaseUnique,
  strOrNull,
  toDate,
  type CloudDb,
  type CloudTransaction,
  type Doc,
  type Where,
} from './db';
import { definedFields, enterpriseFacts, fairKey, guardedChange, liveClaimKey, usccKey } from './recruitment-docs';
import { writeEffects } from './effects';

/**
 * The logo's address. Documents cannot be migrated by setup: a logo kept inline before logos moved to cloud storage is
 * shown as a data: URL (the mini-program's <Image> shows one) until its HR contact uploads a new one.
 */
function logoOf(d: Doc): EnterpriseRecord['logo'] {
  const logo = d.logo as { url?: unknown; mime?: unknown; data?: unknown } | null | undefined;
  if (logo?.url) return { url: String(logo.url) };
  if (logo?.mime && logo?.data) return { url: `data:${String(logo.mime)};base64,${String(logo.data)}` };
  return null;
}

function toEnterprise(d: Doc): EnterpriseRecord {
  return {
    id: d._id,
    name: String(d.name),
    uscc: strOrNull(d.uscc),
    industry: strOrNull(d.industry),
    size: strOrNull(d.size),
    address: strOrNull(d.address),
    contactName: strOrNull(d.contactName),
    contactPhone: strOrNull(d.contactPhone),
    intro: strOrNull(d.intro),
    logo: logoOf(d),
    verified: Boolean(d.verified),
  };
}

/**
 * A claim shows what its claimant typed. Claims written before claims kept their own name and code (SQL migration 5
 * copies them; documents cannot be migrated by setup) fall back to their enterprise's.
 */
function toClaim(d: Doc, enterprise: Doc | undefined): ClaimRecord {
  return {
    id: d._id,
    enterpriseId: d.status === 'approved' ? strOrNull(d.enterpriseId) : null,
    enterpriseName: String(d.name ?? enterprise?.name ?? ''),
    uscc: String(d.uscc ?? enterprise?.uscc ?? ''),
    claimantName: strOrNull(d.claimantName),
    claimantPhone: strOrNull(d.claimantPhone),
    openid: String(d.openid),
    status: d.status as ClaimRecord['status'],
    reason: strOrNull(d.reason),
    createdAt: isoOf(d.createdAt),
  };
}

function toParticipation(d: Doc, enterprise: Doc | undefined): ParticipationRecord {
  return {
    id: d._id,
    eventId: String(d.eventId),
    enterpriseId: String(d.enterpriseId),
    enterpriseName: String(enterprise?.name ?? ''),
    status: d.status as ParticipationRecord['status'],
    reason: strOrNull(d.reason),
    note: strOrNull(d.note),
    createdAt: isoOf(d.createdAt),
  };
}

/** The enterprise holding a USCC, read through the transaction by the code's unique key. */
async function enterpriseByUscc(tx: CloudTransaction, uscc: string): Promise<Doc | null> {
  if (!uscc) return null;
  const { data: key } = await tx.collection('unique_keys').doc(usccKey(uscc)).get();
  if (!key) return null;
  const { data } = await tx.collection('enterprises').doc(String(key.ref)).get();
  return data ?? null;
}

export function cloudbaseEnterprisesRepo(db: CloudDb): EnterprisesRepo {
  const enterprises = () => db.collection('enterprises');
  const claims = () => db.collection('enterprise_claims');
  const participations = () => db.collection('fair_participations');

  const get = async (id: string) => {
    const { data } = await enterprises().doc(id).get();
    return data ? toEnterprise(data) : null;
  };
  const claimsWithEnterprise = async (docs: Doc[]) => {
    const legacy = docs.filter((d) => d.name === undefined && d.enterpriseId);
    const facts = legacy.length ? await enterpriseFacts(db, legacy.map((d) => String(d.enterpriseId))) : new Map<string, Doc>();
    return docs.map((d) => toClaim(d, facts.get(String(d.enterpriseId))));
  };
  const participationsWithEnterprise = async (docs: Doc[]) => {
    const facts = await enterpriseFacts(db, docs.map((d) => String(d.enterpriseId)));
    return docs.map((d) => toParticipation(d, facts.get(String(d.enterpriseId))));
  };
  const getClaim = async (id: string) => {
    const { data } = await claims().doc(id).get();
    return data ? (await claimsWithEnterprise([data]))[0] : null;
  };
  const getParticipation = async (id: string) => {
    const { data } = await participations().doc(id).get();
    return data ? (await participationsWithEnterprise([data]))[0] : null;
  };

  return {
    get,

    async findByUscc(uscc) {
      const doc = await getOne(enterprises().where({ uscc }));
      return doc ? toEnterprise(doc) : null;
    },

    async ensure(e, now) {
      const id = await inTransaction(db, async (tx) => {
        if (e.uscc) {
          const holder = await claimUnique(tx, usccKey(e.uscc), e.id);
          if (holder) return holder;
        }
        const { id: _omit, ...fields } = e;
        void _omit;
        await tx.collection('enterprises').add({
          data: { _id: e.id, ...fields, verified: false, createdAt: toDate(now), updatedAt: toDate(now) },
        });
        return e.id;
      });
      const stored = await get(id);
      if (!stored) throw new Error(`enterprise ${id} missing right after insert`);
      return stored;
    },

    async update(id, patch, now, audit) {
      const data: Record<string, unknown> = { updatedAt: toDate(now) };
      for (const [key, value] of Object.entries(patch as EnterprisePatch)) {
        // The logo is replaced whole (an update would merge a new logo's fields into the old one, or fail on null).
        if (value !== undefined) data[key] = key === 'logo' ? db.command.set(value) : value;
      }
      await inTransaction(db, async (tx) => {
        const { data: current } = await tx.collection('enterprises').doc(id).get();
        if (!current) throw notFound('企业');
        await tx.collection('enterprises').doc(id).update({ data });
        if (audit) await writeEffects(tx, { audit }, now);
      });
      return (await get(id)) as EnterpriseRecord;
    },

    async insertClaim(c) {
      return inTransaction(db, async (tx) => {
        if (await claimUnique(tx, liveClaimKey(c.openid), c.id)) return 'already-live' as const;
        const { id, enterpriseName, ...fields } = c;
        await tx.collection('enterprise_claims').add({
          data: { _id: id, ...fields, name: enterpriseName, enterpriseId: null, createdAt: toDate(c.createdAt) },
        });
        return 'created' as const;
      });
    },

    getClaim,

    async liveClaimOf(openid) {
      const doc = await getOne(claims().where({ openid }).orderBy('createdAt', 'desc'));
      return doc ? (await claimsWithEnterprise([doc]))[0] : null;
    },

    async listClaims(status) {
      const query = status ? claims().where({ status }).orderBy('createdAt', 'asc') : claims().orderBy('createdAt', 'desc');
      return claimsWithEnterprise(await getAll(query));
    },

    async decideClaim(id, now, guard) {
      await guardedChange(
        db,
        now,
        '认领申请',
        {
          async read(tx) {
            const { data } = await tx.collection('enterprise_claims').doc(id).get();
            if (!data) return null;
            const legacy = data.name === undefined && data.enterpriseId
              ? (await tx.collection('enterprises').doc(String(data.enterpriseId)).get()).data ?? undefined
              : undefined;
            const claim = toClaim(data, legacy);
            const holder = await enterpriseByUscc(tx, claim.uscc);
            return { claim, enterprise: holder ? toEnterprise(holder) : null };
          },
          async write(tx, d, { claim }) {
            let enterpriseId: string | null = null;
            if (d.approval) {
              const a = d.approval;
              const at = toDate(now);
              enterpriseId = (await claimUnique(tx, usccKey(a.uscc), a.newEnterpriseId)) ?? a.newEnterpriseId;
              if (enterpriseId === a.newEnterpriseId) {
                await tx.collection('enterprises').add({
                  data: {
                    _id: enterpriseId, name: a.name ?? a.uscc, uscc: a.uscc, industry: null, size: null, address: null,
                    contactName: null, contactPhone: null, intro: null, logo: null, verified: true, createdAt: at, updatedAt: at,
                  },
                });
              } else {
                await tx.collection('enterprises').doc(enterpriseId).update({
                  data: { verified: true, ...(a.name ? { name: a.name } : {}), updatedAt: at },
                });
              }
              await tx.collection('users').doc(a.openid).update({
                data: { enterpriseId, roles: db.command.addToSet('hr'), updatedAt: at },
              });
            } else {
              // A rejected claim is no longer live: the person may claim again.
              await releaseUnique(tx, liveClaimKey(claim.openid));
            }
            await tx.collection('enterprise_claims').doc(id).update({
              data: {
                status: d.status, reason: d.reason, decidedAt: toDate(now), decidedBy: d.decidedBy, enterpriseId,
                name: claim.enterpriseName, uscc: claim.uscc,
              },
            });
          },
        },
        guard,
      );
      return (await getClaim(id)) as ClaimRecord;
    },

    async joinFair(p) {
      const id = await inTransaction(db, async (tx) => {
        const holder = await claimUnique(tx, fairKey(p.eventId, p.enterpriseId), p.id);
        if (holder) return holder;
        await tx.collection('fair_participations').add({
          data: {
            _id: p.id, eventId: p.eventId, enterpriseId: p.enterpriseId, status: p.status, reason: null, note: null,
            createdAt: toDate(p.createdAt),
          },
        });
        return p.id;
      });
      return (await getParticipation(id)) as ParticipationRecord;
    },

    getParticipation,

    async participation(eventId, enterpriseId) {
      const doc = await getOne(participations().where({ eventId, enterpriseId }));
      return doc ? (await participationsWithEnterprise([doc]))[0] : null;
    },

    async listParticipations(q) {
      const where: Where = {};
      if (q.eventId) where.eventId = q.eventId;
      if (q.status) where.status = q.status;
      return participationsWithEnterprise(await getAll(participations().where(where).orderBy('createdAt', 'asc')));
    },

    async changeParticipation(id, now, guard) {
      await guardedChange(
        db,
        now,
        '参会申请',
        {
          async read(tx) {
            const { data } = await tx.collection('fair_participations').doc(id).get();
            return data ? toParticipation(data, undefined) : null;
          },
          async write(tx, patch) {
            const data = definedFields(patch);
            if (!Object.keys(data).length) return;
            if (patch.decidedBy !== undefined) data.decidedAt = toDate(now);
            await tx.collection('fair_participations').doc(id).update({ data });
          },
        },
        guard,
      );
      return (await getParticipation(id)) as ParticipationRecord;
    },
  };
}
