/** Gateway sessions and scan-to-sign-in tickets, on SQL. */
import DataLoader from 'dataloader';
import { toUserRecord } from './users-repo';
import type {
  LoginTicketPatch,
  LoginTicketRecord,
  LoginTicketsRepo,
  SessionPatch,
  SessionRecord,
  SessionsRepo,
  UserRecord,
} from '../../core/ports';
import { iso, isoOrNull, str, type SqlDb, type SqlExecutor } from './db';
import { writeEffects } from './effects';
import { guardedChange, setClause, type Row } from './recruitment-rows';

function toSession(r: Row): SessionRecord {
  return {
    id: String(r.id),
    openid: String(r.openid),
    via: r.via as SessionRecord['via'],
    device: String(r.device),
    createdAt: iso(r.created_at),
    lastSeenAt: iso(r.last_seen_at),
    expiresAt: iso(r.expires_at),
    revokedAt: isoOrNull(r.revoked_at),
    revokedBy: str(r.revoked_by),
  };
}

function toTicket(r: Row): LoginTicketRecord {
  return {
    id: String(r.id),
    secretHash: String(r.secret_hash),
    device: String(r.device),
    status: r.status as LoginTicketRecord['status'],
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    scannedBy: str(r.scanned_by),
    confirmedBy: str(r.confirmed_by),
    confirmedAt: isoOrNull(r.confirmed_at),
    sessionId: str(r.session_id),
  };
}

const SESSION_COLUMNS: Record<keyof SessionPatch, string> = { revokedAt: 'revoked_at', revokedBy: 'revoked_by' };
const TICKET_COLUMNS: Record<keyof LoginTicketPatch, string> = {
  status: 'status',
  scannedBy: 'scanned_by',
  confirmedBy: 'confirmed_by',
  confirmedAt: 'confirmed_at',
  sessionId: 'session_id',
};

type SessionWithUser = { session: SessionRecord; user: UserRecord | null };

/** Most sessions read in one query: the rest of a larger crowd go in the next. */
const MAX_READ_BATCH = 500;

export function sqlSessionsRepo(db: SqlDb): SessionsRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>('SELECT * FROM sessions WHERE id = $1', [id]);
    return rows[0] ? toSession(rows[0]) : null;
  };
  // Every call through the gateway first reads its session and person. The reads asked for in one turn of the event
  // loop (every request the gateway parsed in that turn) go as one query, through DataLoader, which keeps nothing
  // between turns (`cache: false`), so a session revoked a moment ago is seen revoked. Under a rush of 1,000 sign-ups
  // that is a few dozen queries instead of 1,000, each a round trip that woke a database backend on the same cores.
  const withUsers = new DataLoader<string, SessionWithUser | null>(
    async (ids) => {
      // The session's own columns, then the person's under the names toUserRecord reads (its openid and created_at
      // renamed here so they do not shadow the session's).
      const rows = await db.query<Row>(
        `SELECT s.*, u.openid AS user_openid, u.created_at AS user_created_at, u.roles, u.name, u.phone, u.enterprise_id,
                e.name AS enterprise_name, u.resume
         FROM sessions s LEFT JOIN users u ON u.openid = s.openid LEFT JOIN enterprises e ON e.id = u.enterprise_id
         WHERE s.id = ANY($1::text[])`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [String(row.id), row]));
      return ids.map((id) => {
        const row = byId.get(id);
        if (!row) return null;
        const user = row.user_openid == null ? null : toUserRecord({ ...row, openid: row.user_openid, created_at: row.user_created_at });
        return { session: toSession(row), user };
      });
    },
    { cache: false, maxBatchSize: MAX_READ_BATCH, batchScheduleFn: (run) => setImmediate(run) },
  );
  return {
    insert: (s, audit) =>
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO sessions (id, openid, via, device, created_at, last_seen_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
          [s.id, s.openid, s.via, s.device, s.createdAt, s.lastSeenAt, s.expiresAt],
        );
        await writeEffects(tx, { audit }, s.createdAt);
      }),
    get: (id) => get(db, id),
    getWithUser: (id) => withUsers.load(id),
    async listLive(openid, now) {
      const rows = await db.query<Row>(
        'SELECT * FROM sessions WHERE openid = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY last_seen_at DESC, id',
        [openid, now],
      );
      return rows.map(toSession);
    },
    async touch(id, now) {
      await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [id, now]);
    },
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '登录设备',
        {
          async lock(tx) {
            const rows = await tx.query<Row>('SELECT * FROM sessions WHERE id = $1 FOR UPDATE', [id]);
            return rows[0] ? toSession(rows[0]) : null;
          },
          async write(tx, patch) {
            const { sets, params } = setClause(patch, SESSION_COLUMNS, 1);
            if (sets.length) await tx.query(`UPDATE sessions SET ${sets.join(', ')} WHERE id = $1`, [id, ...params]);
          },
          read: async (tx) => (await get(tx, id)) as SessionRecord,
        },
        guard,
      ),
  };
}

export function sqlLoginTicketsRepo(db: SqlDb): LoginTicketsRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>('SELECT * FROM login_tickets WHERE id = $1', [id]);
    return rows[0] ? toTicket(rows[0]) : null;
  };
  return {
    async insert(t) {
      await db.query(
        `INSERT INTO login_tickets (id, secret_hash, device, status, created_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6)`,
        [t.id, t.secretHash, t.device, t.status, t.createdAt, t.expiresAt],
      );
    },
    get: (id) => get(db, id),
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '登录二维码',
        {
          async lock(tx) {
            const rows = await tx.query<Row>('SELECT * FROM login_tickets WHERE id = $1 FOR UPDATE', [id]);
            return rows[0] ? toTicket(rows[0]) : null;
          },
          async write(tx, patch) {
            const { sets, params } = setClause(patch, TICKET_COLUMNS, 1);
            if (sets.length) await tx.query(`UPDATE login_tickets SET ${sets.join(', ')} WHERE id = $1`, [id, ...params]);
          },
          read: async (tx) => (await get(tx, id)) as LoginTicketRecord,
        },
        guard,
      ),
  };
}
