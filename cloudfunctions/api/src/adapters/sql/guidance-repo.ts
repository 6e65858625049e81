/** 就业指导 requests and their answers, on SQL. */
import type { GuidancePatch, GuidanceRecord, GuidanceRepo } from '../../core/ports';
import { iso, isoOrNull, str, type SqlDb, type SqlExecutor } from './db';
import { guardedChange, setClause, type Row } from './recruitment-rows';

function toGuidance(r: Row): GuidanceRecord {
  return {
    id: String(r.id),
    openid: String(r.openid),
    topic: String(r.topic),
    preferredTimes: String(r.preferred_times),
    phone: String(r.phone),
    status: r.status as GuidanceRecord['status'],
    answer: str(r.answer),
    createdAt: iso(r.created_at),
    answeredAt: isoOrNull(r.answered_at),
  };
}

const GUIDANCE_COLUMNS: Record<keyof GuidancePatch, string> = {
  status: 'status',
  answer: 'answer',
  answeredAt: 'answered_at',
  answeredBy: 'answered_by',
};

export function sqlGuidanceRepo(db: SqlDb): GuidanceRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>('SELECT * FROM guidance_requests WHERE id = $1', [id]);
    return rows[0] ? toGuidance(rows[0]) : null;
  };
  return {
    async insert(r) {
      await db.query(
        `INSERT INTO guidance_requests (id, openid, topic, preferred_times, phone, status, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [r.id, r.openid, r.topic, r.preferredTimes, r.phone, r.status, r.createdAt],
      );
    },
    get: (id) => get(db, id),
    async listByUser(openid) {
      const rows = await db.query<Row>('SELECT * FROM guidance_requests WHERE openid = $1 ORDER BY created_at DESC', [openid]);
      return rows.map(toGuidance);
    },
    async list(status) {
      const rows = status
        ? await db.query<Row>('SELECT * FROM guidance_requests WHERE status = $1 ORDER BY created_at', [status])
        : await db.query<Row>('SELECT * FROM guidance_requests ORDER BY created_at DESC');
      return rows.map(toGuidance);
    },
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '指导预约',
        {
          async lock(tx) {
            const rows = await tx.query<Row>('SELECT * FROM guidance_requests WHERE id = $1 FOR UPDATE', [id]);
            return rows[0] ? toGuidance(rows[0]) : null;
          },
          async write(tx, patch) {
            const { sets, params } = setClause(patch, GUIDANCE_COLUMNS, 1);
            if (sets.length) await tx.query(`UPDATE guidance_requests SET ${sets.join(', ')} WHERE id = $1`, [id, ...params]);
          },
          read: async (tx) => (await get(tx, id)) as GuidanceRecord,
        },
        guard,
      ),
  };
}
