import type { FollowupPatch, FollowupRecord, FollowupsRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { isUniqueViolation, iso, isoOrNull, str, type SqlDb } from './db';
import { writeEffects } from './effects';

type Row = Record<string, unknown>;

/** Record field → column, for every field a change may write. */
const COLUMNS: Record<keyof FollowupPatch, string> = {
  openid: 'openid',
  status: 'status',
  name: 'name',
  phone: 'phone',
  gender: 'gender',
  birthMonth: 'birth_month',
  occupation: 'occupation',
  employer: 'employer',
  politicalStatus: 'political_status',
  education: 'education',
  statement: 'statement',
  homeOrg: 'home_org',
  wish: 'wish',
  orgId: 'org_id',
  closeReason: 'close_reason',
  contactedAt: 'contacted_at',
  withdrawnAt: 'withdrawn_at',
  updatedAt: 'updated_at',
};

const SELECT = `SELECT id, kind, openid, status, name, phone, gender, birth_month, occupation, employer, political_status,
  education, statement, home_org, wish, org_id, close_reason, consent_at, contacted_at, withdrawn_at, created_at, updated_at
  FROM followups`;


function toRecord(r: Row): FollowupRecord {
  return {
    id: String(r.id),
    kind: r.kind as FollowupRecord['kind'],
    openid: str(r.openid),
    status: String(r.status),
    name: str(r.name),
    phone: str(r.phone),
    gender: str(r.gender),
    birthMonth: str(r.birth_month),
    occupation: str(r.occupation),
    employer: str(r.employer),
    politicalStatus: str(r.political_status),
    education: str(r.education),
    statement: str(r.statement),
    homeOrg: str(r.home_org),
    wish: str(r.wish),
    orgId: str(r.org_id),
    closeReason: str(r.close_reason),
    consentAt: iso(r.consent_at),
    contactedAt: isoOrNull(r.contacted_at),
    withdrawnAt: isoOrNull(r.withdrawn_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function sqlFollowupsRepo(db: SqlDb): FollowupsRepo {
  return {
    async insert(r, step) {
      try {
        await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO followups (id, kind, openid, status, name, phone, gender, birth_month, occupation, employer,
               political_status, education, statement, home_org, wish, org_id, close_reason, consent_at, contacted_at,
               withdrawn_at, created_at, updated_at)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)`,
            [
              r.id, r.kind, r.openid, r.status, r.name, r.phone, r.gender, r.birthMonth, r.occupation, r.employer,
              r.politicalStatus, r.education, r.statement, r.homeOrg, r.wish, r.orgId, r.closeReason, r.consentAt,
              r.contactedAt, r.withdrawnAt, r.createdAt, r.updatedAt,
            ],
          );
          await tx.query(
            'INSERT INTO followup_steps (followup_id, from_status, to_status, note, reason, actor, at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
            [r.id, step.fromStatus, step.toStatus, step.note, step.reason, step.actor, r.createdAt],
          );
        });
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'already-open';
        throw err;
      }
    },

    async get(id) {
      const rows = await db.query<Row>(`${SELECT} WHERE id = $1`, [id]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async findOpenByUser(kind, openid) {
      const rows = await db.query<Row>(`${SELECT} WHERE kind = $1 AND openid = $2 AND status <> 'closed'`, [kind, openid]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async listByUser(kind, openid) {
      const rows = await db.query<Row>(`${SELECT} WHERE kind = $1 AND openid = $2 ORDER BY created_at DESC, id`, [kind, openid]);
      return rows.map(toRecord);
    },

    async list(q) {
      const where = ['kind = $1'];
      const params: unknown[] = [q.kind];
      if (q.status) {
        params.push(q.status);
        where.push(`status = $${params.length}`);
      }
      if (q.after) {
        params.push(q.after.createdAt, q.after.id);
        where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
      }
      params.push(q.limit);
      const rows = await db.query<Row>(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toRecord);
    },

    async change(id, now, guard) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<Row>(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
        if (!rows[0]) throw notFound('记录');
        const current = toRecord(rows[0]);
        const change = guard(current);
        const patch: FollowupPatch = { ...change.patch, updatedAt: now };
        const keys = (Object.keys(patch) as (keyof FollowupPatch)[]).filter((k) => patch[k] !== undefined);
        await tx.query(`UPDATE followups SET ${keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')} WHERE id = $1`, [
          id,
          ...keys.map((k) => patch[k]),
        ]);
        if (change.step) {
          const s = change.step;
          await tx.query(
            'INSERT INTO followup_steps (followup_id, from_status, to_status, note, reason, actor, at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
            [id, s.fromStatus, s.toStatus, s.note, s.reason, s.actor, now],
          );
        }
        await writeEffects(tx, change, now);
        const after = await tx.query<Row>(`${SELECT} WHERE id = $1`, [id]);
        return toRecord(after[0]);
      });
    },

    async steps(id) {
      const rows = await db.query<Row>(
        'SELECT from_status, to_status, note, reason, actor, at FROM followup_steps WHERE followup_id = $1 ORDER BY id',
        [id],
      );
      return rows.map((r) => ({
        fromStatus: str(r.from_status),
        toStatus: String(r.to_status),
        note: str(r.note),
        reason: str(r.reason),
        actor: String(r.actor),
        at: iso(r.at),
      }));
    },

    async countByStatus(kind) {
      const rows = await db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM followups WHERE kind = $1 GROUP BY status',
        [kind],
      );
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    async countByMonth(kind, timeZone) {
      const rows = await db.query<{ month: string; n: number }>(
        `SELECT to_char(created_at AT TIME ZONE $2, 'YYYY-MM') AS month, count(*)::int AS n
         FROM followups WHERE kind = $1 GROUP BY 1 ORDER BY 1`,
        [kind, timeZone],
      );
      return rows.map((r) => ({ month: r.month, count: Number(r.n) }));
    },

    async countWithdrawn(kind) {
      const rows = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM followups WHERE kind = $1 AND withdrawn_at IS NOT NULL',
        [kind],
      );
      return Number(rows[0]?.n ?? 0);
    },

    async orgs() {
      return db.query<{ id: string; name: string; kind: 'standalone' | 'joint' }>(
        'SELECT id, name, kind FROM party_orgs ORDER BY kind DESC, id',
      );
    },
  };
}
