/** Gateway sessions and scan-to-sign-in tickets on CloudBase (the cloud function itself signs nobody in; the port is kept whole). */
import type { LoginTicketRecord, LoginTicketsRepo, SessionRecord, SessionsRepo } from '../../core/ports';
import { getAll, inTransaction, isoOf, isoOrNull, strOrNull, toDate, type CloudDb, type Doc } from './db';
import { writeEffects } from './effects';
import { cloudbaseUsersRepo } from './users-repo';
import { definedFields, guardedChange } from './recruitment-docs';

function toSession(d: Doc): SessionRecord {
  return {
    id: d._id,
    openid: String(d.openid),
    via: d.via as SessionRecord['via'],
    device: String(d.device),
    createdAt: isoOf(d.createdAt),
    lastSeenAt: isoOf(d.lastSeenAt),
    expiresAt: isoOf(d.expiresAt),
    revokedAt: isoOrNull(d.revokedAt),
    revokedBy: strOrNull(d.revokedBy),
  };
}

function toTicket(d: Doc): LoginTicketRecord {
  return {
    id: d._id,
    secretHash: String(d.secretHash),
    device: String(d.device),
    status: d.status as LoginTicketRecord['status'],
    createdAt: isoOf(d.createdAt),
    expiresAt: isoOf(d.expiresAt),
    scannedBy: strOrNull(d.scannedBy),
    confirmedBy: strOrNull(d.confirmedBy),
    confirmedAt: isoOrNull(d.confirmedAt),
    sessionId: strOrNull(d.sessionId),
  };
}

/** Instants are stored as dates: the fields of a patch that are times. */
function withDates(fields: Record<string, unknown>, timeFields: string[]): Record<string, unknown> {
  const out = { ...fields };
  for (const f of timeFields) if (typeof out[f] === 'string') out[f] = toDate(out[f] as string);
  return out;
}

export function cloudbaseSessionsRepo(db: CloudDb): SessionsRepo {
  const sessions = () => db.collection('sessions');
  const users = cloudbaseUsersRepo(db);
  return {
    insert: (s, audit) =>
      inTransaction(db, async (tx) => {
        const { id, ...fields } = s;
        await tx.collection('sessions').doc(id).set({
          data: withDates({ ...fields }, ['createdAt', 'lastSeenAt', 'expiresAt', 'revokedAt']),
        });
        await writeEffects(tx, { audit }, s.createdAt);
      }),
    async get(id) {
      const { data } = await sessions().doc(id).get();
      return data ? toSession(data) : null;
    },
    async getWithUser(id) {
      const { data } = await sessions().doc(id).get();
      if (!data) return null;
      const session = toSession(data);
      return { session, user: await users.get(session.openid) };
    },
    async listLive(openid, now) {
      const _ = db.command;
      const docs = await getAll(
        sessions().where({ openid, revokedAt: null, expiresAt: _.gt(toDate(now)) }).orderBy('lastSeenAt', 'desc'),
      );
      return docs.map(toSession);
    },
    async touch(id, now) {
      await sessions().doc(id).update({ data: { lastSeenAt: toDate(now) } });
    },
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '登录设备',
        {
          async read(tx) {
            const { data } = await tx.collection('sessions').doc(id).get();
            return data ? toSession(data) : null;
          },
          async write(tx, patch, current) {
            const fields = definedFields(patch);
            if (!Object.keys(fields).length) return current;
            await tx.collection('sessions').doc(id).update({ data: withDates(fields, ['revokedAt']) });
            return { ...current, ...fields } as SessionRecord;
          },
        },
        guard,
      ),
  };
}

export function cloudbaseLoginTicketsRepo(db: CloudDb): LoginTicketsRepo {
  return {
    async insert(t) {
      const { id, ...fields } = t;
      await db.collection('login_tickets').add({
        data: { _id: id, ...withDates({ ...fields }, ['createdAt', 'expiresAt', 'confirmedAt']) },
      });
    },
    async get(id) {
      const { data } = await db.collection('login_tickets').doc(id).get();
      return data ? toTicket(data) : null;
    },
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '登录二维码',
        {
          async read(tx) {
            const { data } = await tx.collection('login_tickets').doc(id).get();
            return data ? toTicket(data) : null;
          },
          async write(tx, patch, current) {
            const fields = definedFields(patch);
            if (!Object.keys(fields).length) return current;
            await tx.collection('login_tickets').doc(id).update({ data: withDates(fields, ['confirmedAt']) });
            return { ...current, ...fields } as LoginTicketRecord;
          },
        },
        guard,
      ),
  };
}
