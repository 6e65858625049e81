/** 企业诉求 on SQL: needs (with their organisation's name) and the departments they are assigned to. */
import type { NeedPatch, NeedQuery, NeedRecord, NeedView, NeedsRepo } from '../../core/ports';
import { iso, isoOrNull, isUniqueViolation, str, type SqlDb, type SqlExecutor } from './db';
import { insertAudit } from './audit-repo';
import { guardedChange, setClause, type Row } from './recruitment-rows';

function toNeed(r: Row): NeedRecord {
  return {
    id: String(r.id),
    orgId: String(r.org_id),
    visitId: str(r.visit_id),
    category: String(r.category),
    text: String(r.text),
    attachment: str(r.attachment),
    authorOpenid: String(r.author_openid),
    status: r.status as NeedRecord['status'],
    department: str(r.department),
    reply: str(r.reply),
    rating: str(r.rating) as NeedRecord['rating'],
    ratingNote: str(r.rating_note),
    createdAt: iso(r.created_at),
    dueAt: iso(r.due_at),
    closedAt: isoOrNull(r.closed_at),
  };
}

const toView = (r: Row): NeedView => ({ ...toNeed(r), orgName: String(r.org_name ?? '') });

const COLUMNS: Record<keyof NeedPatch, string> = {
  status: 'status',
  department: 'department',
  reply: 'reply',
  rating: 'rating',
  ratingNote: 'rating_note',
  closedAt: 'closed_at',
  ratedAt: 'rated_at',
};

const SELECT_VIEW = 'SELECT n.*, e.name AS org_name FROM needs n JOIN enterprises e ON e.id = n.org_id';

/** Writes one need: on its own, or inside another transaction (a visit raising its problems as needs). */
export async function insertNeed(tx: SqlExecutor, n: NeedRecord): Promise<void> {
  await tx.query(
    `INSERT INTO needs (id, org_id, visit_id, category, text, attachment, author_openid, status, department, reply,
       rating, rating_note, created_at, due_at, closed_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [n.id, n.orgId, n.visitId, n.category, n.text, n.attachment, n.authorOpenid, n.status, n.department, n.reply,
      n.rating, n.ratingNote, n.createdAt, n.dueAt, n.closedAt],
  );
}

export function sqlNeedsRepo(db: SqlDb): NeedsRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>(`${SELECT_VIEW} WHERE n.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  };
  return {
    insert: (n) => insertNeed(db, n),
    get: (id) => get(db, id),
    async listMine(openid, orgIds) {
      const rows = await db.query<Row>(
        `${SELECT_VIEW} WHERE n.author_openid = $1 OR n.org_id = ANY($2::text[]) ORDER BY n.created_at DESC, n.id DESC LIMIT 200`,
        [openid, orgIds],
      );
      return rows.map(toView);
    },
    async list(q: NeedQuery) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: (n: number) => string, ...values: unknown[]) => {
        where.push(sql(params.length + 1));
        params.push(...values);
      };
      if (q.status) add((n) => `n.status = $${n}`, q.status);
      if (q.category) add((n) => `n.category = $${n}`, q.category);
      if (q.overdueAt) add((n) => `n.status <> 'closed' AND n.due_at < $${n}`, q.overdueAt);
      if (q.after) add((n) => `(n.created_at, n.id) < ($${n}, $${n + 1})`, q.after.createdAt, q.after.id);
      params.push(q.limit);
      const rows = await db.query<Row>(
        `${SELECT_VIEW} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toView);
    },
    async counts(now) {
      // needs_open_due_idx holds exactly the open needs, ordered by due time: both counts read only it.
      const rows = await db.query<{ open: number; overdue: number }>(
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $1)::int AS overdue FROM needs WHERE status <> 'closed'`,
        [now],
      );
      return rows[0];
    },
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '诉求',
        {
          async lock(tx) {
            const rows = await tx.query<Row>('SELECT * FROM needs WHERE id = $1 FOR UPDATE', [id]);
            return rows[0] ? { ...toNeed(rows[0]), orgName: '' } : null;
          },
          async write(tx, patch) {
            const { sets, params } = setClause(patch, COLUMNS, 1);
            if (sets.length) await tx.query(`UPDATE needs SET ${sets.join(', ')} WHERE id = $1`, [id, ...params]);
          },
          read: async (tx) => (await get(tx, id)) as NeedView,
        },
        guard,
      ),
    async departments() {
      const rows = await db.query<Row>('SELECT name, created_at FROM need_departments ORDER BY created_at, name');
      return rows.map((r) => ({ name: String(r.name), createdAt: iso(r.created_at) }));
    },
    async addDepartment(d, actor) {
      try {
        await db.transaction(async (tx) => {
          await tx.query('INSERT INTO need_departments (name, created_at) VALUES ($1, $2)', [d.name, d.createdAt]);
          await insertAudit(tx, { actor, action: 'need_department.add', recordType: 'need_department', recordId: d.name, detail: null, at: d.createdAt });
        });
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'exists';
        throw err;
      }
    },
    async renameDepartment(from, to, actor, now) {
      try {
        return await db.transaction(async (tx) => {
          // needs.department references the name ON UPDATE CASCADE: every need assigned to it follows the rename.
          const rows = await tx.query('UPDATE need_departments SET name = $2 WHERE name = $1 RETURNING name', [from, to]);
          if (!rows.length) return 'missing' as const;
          await insertAudit(tx, { actor, action: 'need_department.rename', recordType: 'need_department', recordId: to, detail: `${from} → ${to}`, at: now });
          return 'renamed' as const;
        });
      } catch (err) {
        if (isUniqueViolation(err)) return 'exists';
        throw err;
      }
    },
  };
}
