import type { Role } from '@shared/users';
import type { Contact } from '@shared/registrations';
import type { UserRecord, UsersRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { getAll, inTransaction, isDuplicateKey, isoOf, strOrNull, toDate, type CloudDb, type Doc } from './db';
import { writeEffects } from './effects';

function toRecord(d: Doc, enterpriseName: string | null): UserRecord {
  return {
    openid: d._id,
    roles: ((d.roles as Role[] | undefined) ?? []).slice(),
    name: strOrNull(d.name),
    phone: strOrNull(d.phone),
    enterpriseId: strOrNull(d.enterpriseId),
    enterpriseName,
    resume: d.resume ?? null,
    createdAt: isoOf(d.createdAt),
  };
}

/** The contact a person last gave becomes theirs (the prefill of their next form). */
export async function saveContact(db: CloudDb, openid: string, contact: Contact, now: string): Promise<void> {
  await db.collection('users').where({ _id: openid }).update({ data: { name: contact.name, phone: contact.phone, updatedAt: toDate(now) } });
}

export function cloudbaseUsersRepo(db: CloudDb): UsersRepo {
  const _ = db.command;
  const users = () => db.collection('users');

  /** Users with their enterprise's name, one read for all the enterprises of a list. */
  async function withEnterprises(docs: Doc[]): Promise<UserRecord[]> {
    const ids = [...new Set(docs.map((d) => d.enterpriseId).filter((v): v is string => typeof v === 'string'))];
    const names = new Map<string, string>();
    if (ids.length) {
      for (const e of await getAll(db.collection('enterprises').where({ _id: _.in(ids) }))) names.set(e._id, String(e.name));
    }
    return docs.map((d) => toRecord(d, typeof d.enterpriseId === 'string' ? (names.get(d.enterpriseId) ?? null) : null));
  }

  const get = async (openid: string): Promise<UserRecord | null> => {
    const { data } = await users().doc(openid).get();
    return data ? (await withEnterprises([data]))[0] : null;
  };

  const getOrFail = async (openid: string): Promise<UserRecord> => {
    const user = await get(openid);
    if (!user) throw notFound('用户');
    return user;
  };

  return {
    get,

    async ensure(openid, now) {
      const found = await get(openid);
      if (found) return found;
      try {
        await users().add({
          data: { _id: openid, roles: ['worker'], name: null, phone: null, enterpriseId: null, resume: null, createdAt: toDate(now), updatedAt: toDate(now) },
        });
      } catch (err) {
        // Two first calls of one person at once: the other one created it.
        if (!isDuplicateKey(err)) throw err;
      }
      const user = await get(openid);
      if (!user) throw new Error(`user ${openid} missing right after insert`);
      return user;
    },

    async setRoles(openid, roles, now) {
      await users().where({ _id: openid }).update({ data: { roles: [...new Set(roles)], updatedAt: toDate(now) } });
      return getOrFail(openid);
    },

    async addRole(openid, role, now, audit) {
      await inTransaction(db, async (tx) => {
        const ref = tx.collection('users').doc(openid);
        const { data } = await ref.get();
        if (!data || (data.roles as string[] | undefined)?.includes(role)) return;
        await ref.update({ data: { roles: _.addToSet(role), updatedAt: toDate(now) } });
        await writeEffects(tx, { audit }, now);
      });
      return getOrFail(openid);
    },

    async removeRole(openid, role, now, audit) {
      const outcome = await inTransaction(db, async (tx) => {
        // Admin removals take turns on one lock document, so "is another admin left?" stays true until the write.
        if (role === 'admin') {
          await tx.collection('meta').doc('lock:admins').set({ data: { at: toDate(now) } });
          const { total } = await users().where({ roles: 'admin', _id: _.neq(openid) }).count();
          if (total === 0) return 'last-admin' as const;
        }
        const ref = tx.collection('users').doc(openid);
        const { data } = await ref.get();
        if (!data || !(data.roles as string[] | undefined)?.includes(role)) return 'ok' as const;
        await ref.update({ data: { roles: _.pull(role), updatedAt: toDate(now) } });
        await writeEffects(tx, { audit }, now);
        return 'ok' as const;
      });
      return outcome === 'last-admin' ? outcome : getOrFail(openid);
    },

    saveContact: (openid, contact, now) => saveContact(db, openid, contact, now),

    async saveResume(openid, resume, now) {
      await users().where({ _id: openid }).update({ data: { resume: _.set(resume), updatedAt: toDate(now) } });
    },

    async listByRole(role) {
      const docs = await getAll(users().where({ roles: role }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
      return withEnterprises(docs);
    },

    async findByNameOrPhone(q, limit) {
      const { data } = await users().where(_.or({ name: q }, { phone: q })).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit).get();
      return withEnterprises(data as Doc[]);
    },

    async bindEnterprise(openid, enterprise, now) {
      await inTransaction(db, async (tx) => {
        const ref = tx.collection('enterprises').doc(enterprise.id);
        const { data } = await ref.get();
        if (!data) {
          await tx.collection('enterprises').add({
            data: { _id: enterprise.id, name: enterprise.name, uscc: null, verified: false, createdAt: toDate(now), updatedAt: toDate(now) },
          });
        }
        await tx.collection('users').doc(openid).update({ data: { enterpriseId: enterprise.id, updatedAt: toDate(now) } });
      });
    },

    async countByRole(role) {
      return (await users().where({ roles: role }).count()).total;
    },
  };
}
