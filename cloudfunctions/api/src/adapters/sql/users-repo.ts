import DataLoader from 'dataloader';
import type { Role } from '@shared/users';
import type { UserRecord, UsersRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { insertAudit } from './audit-repo';
import { iso, type SqlDb } from './db';

type Row = Record<string, unknown>;

/** A person's columns (with their enterprise's name), for `toUserRecord`; `u` is users, `e` enterprises. */
export const USER_COLUMNS = 'u.openid, u.roles, u.name, u.phone, u.enterprise_id, e.name AS enterprise_name, u.resume, u.created_at';
const USER_SELECT = `SELECT ${USER_COLUMNS} FROM users u LEFT JOIN enterprises e ON e.id = u.enterprise_id`;

export function toUserRecord(r: Row): UserRecord {
  return {
    openid: String(r.openid),
    roles: (r.roles as Role[]) ?? [],
    name: (r.name as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    enterpriseId: (r.enterprise_id as string | null) ?? null,
    enterpriseName: (r.enterprise_name as string | null) ?? null,
    resume: r.resume ? (JSON.parse(String(r.resume)) as unknown) : null,
    createdAt: iso(r.created_at),
  };
}

/** Most people ensured in one batch: the rest of a larger crowd go in the next. */
const MAX_ENSURE_BATCH = 500;

export function sqlUsersRepo(db: SqlDb): UsersRepo {
  const get = async (openid: string) => {
    const rows = await db.query<Row>(`${USER_SELECT} WHERE u.openid = $1`, [openid]);
    return rows[0] ? toUserRecord(rows[0]) : null;
  };
  const getMany = async (openids: string[]) => {
    const rows = await db.query<Row>(`${USER_SELECT} WHERE u.openid = ANY($1::text[])`, [openids]);
    return rows.map(toUserRecord);
  };
  // Every call of the cloud function lands in `ensure`: a known person costs a read, only a first visit writes. The
  // calls of one turn of the event loop go together (DataLoader, nothing cached between turns): one read for all, and
  // one INSERT for those never seen, so a crowd of first visits is three statements, not three per person.
  const ensured = new DataLoader<{ openid: string; now: string }, UserRecord>(
    async (asked) => {
      const openids = [...new Set(asked.map((a) => a.openid))];
      const people = new Map((await getMany(openids)).map((u) => [u.openid, u]));
      const firstVisits = new Map(asked.filter((a) => !people.has(a.openid)).map((a) => [a.openid, a.now]));
      if (firstVisits.size) {
        await db.query(
          `INSERT INTO users (openid, created_at, updated_at)
           SELECT openid, at, at FROM unnest($1::text[], $2::timestamptz[]) AS t(openid, at)
           ON CONFLICT (openid) DO NOTHING`,
          [[...firstVisits.keys()], [...firstVisits.values()]],
        );
        for (const u of await getMany([...firstVisits.keys()])) people.set(u.openid, u);
      }
      return asked.map((a) => people.get(a.openid) ?? new Error(`user ${a.openid} missing right after insert`));
    },
    { cache: false, maxBatchSize: MAX_ENSURE_BATCH, batchScheduleFn: (run) => setImmediate(run) },
  );
  return {
    get,
    ensure: (openid, now) => ensured.load({ openid, now }),
    async setRoles(openid, roles, now) {
      const rows = await db.query('UPDATE users SET roles = $2, updated_at = $3 WHERE openid = $1 RETURNING openid', [
        openid,
        [...new Set(roles)],
        now,
      ]);
      if (!rows.length) throw notFound('用户');
      return (await get(openid)) as UserRecord;
    },
    async addRole(openid, role, now, audit) {
      await db.transaction(async (tx) => {
        const added = await tx.query(
          `UPDATE users SET roles = array_append(roles, $2::text), updated_at = $3 WHERE openid = $1 AND NOT ($2 = ANY(roles))
           RETURNING openid`,
          [openid, role, now],
        );
        if (added.length) await insertAudit(tx, { ...audit, at: now });
      });
      const user = await get(openid);
      if (!user) throw notFound('用户');
      return user;
    },
    async removeRole(openid, role, now, audit) {
      const outcome = await db.transaction(async (tx) => {
        // Role removals take turns, so "is this the last admin?" stays true until the write.
        await tx.query('SELECT pg_advisory_xact_lock(4243)');
        if (role === 'admin') {
          const others = await tx.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND openid <> $1`,
            [openid],
          );
          if (Number(others[0]?.n ?? 0) === 0) return 'last-admin' as const;
        }
        const removed = await tx.query(
          'UPDATE users SET roles = array_remove(roles, $2::text), updated_at = $3 WHERE openid = $1 AND $2 = ANY(roles) RETURNING openid',
          [openid, role, now],
        );
        if (removed.length) await insertAudit(tx, { ...audit, at: now });
        return 'ok' as const;
      });
      if (outcome === 'last-admin') return outcome;
      const user = await get(openid);
      if (!user) throw notFound('用户');
      return user;
    },
    async saveResume(openid, resume, now) {
      await db.query('UPDATE users SET resume = $2, updated_at = $3 WHERE openid = $1', [openid, JSON.stringify(resume), now]);
    },
    async saveContact(openid, contact, now) {
      await db.query('UPDATE users SET name = $2, phone = $3, updated_at = $4 WHERE openid = $1', [
        openid,
        contact.name,
        contact.phone,
        now,
      ]);
    },
    async listByRole(role) {
      const rows = await db.query<Row>(`${USER_SELECT} WHERE $1 = ANY(u.roles) ORDER BY u.created_at, u.openid`, [role]);
      return rows.map(toUserRecord);
    },
    async findByNameOrPhone(q, limit) {
      const rows = await db.query<Row>(`${USER_SELECT} WHERE u.name = $1 OR u.phone = $1 ORDER BY u.created_at, u.openid LIMIT $2`, [q, limit]);
      return rows.map(toUserRecord);
    },
    async bindEnterprise(openid, enterprise, now) {
      await db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO enterprises (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
          [enterprise.id, enterprise.name, now],
        );
        await tx.query('UPDATE users SET enterprise_id = $2, updated_at = $3 WHERE openid = $1', [openid, enterprise.id, now]);
      });
    },
    async countByRole(role) {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE $1 = ANY(roles)', [role]);
      return Number(rows[0]?.n ?? 0);
    },
  };
}
