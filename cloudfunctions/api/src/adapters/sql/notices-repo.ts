/** Notices, their keyword search and the events they link, on SQL. */
import type { NoticeBlock } from '@shared/notices';
import type { NoticePatch, NoticeRecord, NoticesRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { insertAudit } from './audit-repo';
import { iso, isoOrNull, str, type SqlDb, type SqlExecutor } from './db';
import { writeEffects } from './effects';

type Row = Record<string, unknown>;

const COLUMNS = `id, title, category, summary, body, issuer, issued_on, attachment_url, event_ids, status, published_at,
  created_by, created_at, updated_at`;

const PATCH_COLUMNS: Record<keyof NoticePatch, string> = {
  title: 'title',
  category: 'category',
  summary: 'summary',
  body: 'body',
  issuer: 'issuer',
  issuedOn: 'issued_on',
  attachmentUrl: 'attachment_url',
  eventIds: 'event_ids',
  status: 'status',
  publishedAt: 'published_at',
  searchTerms: 'search_terms',
};

function toNotice(r: Row): NoticeRecord {
  return {
    id: String(r.id),
    title: String(r.title),
    category: r.category as NoticeRecord['category'],
    summary: String(r.summary),
    // jsonb comes back parsed from both drivers.
    body: (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as NoticeBlock[],
    issuer: String(r.issuer),
    issuedOn: String(r.issued_on),
    attachmentUrl: str(r.attachment_url),
    eventIds: ((r.event_ids as string[] | null) ?? []).slice(),
    status: r.status as NoticeRecord['status'],
    publishedAt: isoOrNull(r.published_at),
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** jsonb parameters go in as text: node-postgres would send a JS array as a PostgreSQL array. */
const columnValue = (key: keyof NoticePatch, value: unknown): unknown => (key === 'body' ? JSON.stringify(value) : value);

async function lockNotice(tx: SqlExecutor, id: string): Promise<NoticeRecord | null> {
  const rows = await tx.query<Row>(`SELECT ${COLUMNS} FROM notices WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ? toNotice(rows[0]) : null;
}

export function sqlNoticesRepo(db: SqlDb): NoticesRepo {
  return {
    async insert(n, terms, audit) {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO notices (${COLUMNS}, search_terms) VALUES ($1,$2,$3,$4,$5::jsonb,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
          [
            n.id, n.title, n.category, n.summary, JSON.stringify(n.body), n.issuer, n.issuedOn, n.attachmentUrl, n.eventIds,
            n.status, n.publishedAt, n.createdBy, n.createdAt, n.updatedAt, terms,
          ],
        );
        await insertAudit(tx, { ...audit, at: n.createdAt });
      });
    },

    async get(id) {
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM notices WHERE id = $1`, [id]);
      return rows[0] ? toNotice(rows[0]) : null;
    },

    async update(id, now, guard) {
      return db.transaction(async (tx) => {
        const current = await lockNotice(tx, id);
        if (!current) throw notFound('政策');
        const change = guard(current);
        const keys = (Object.keys(change.patch) as (keyof NoticePatch)[]).filter((k) => change.patch[k] !== undefined);
        const sets = keys.map((k, i) => `${PATCH_COLUMNS[k]} = $${i + 3}`);
        const rows = await tx.query<Row>(
          `UPDATE notices SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, now, ...keys.map((k) => columnValue(k, change.patch[k]))],
        );
        await writeEffects(tx, change, now);
        return toNotice(rows[0]);
      });
    },

    async list(q) {
      const where = ['status = $1'];
      const params: unknown[] = [q.status];
      const add = (clause: (n: number) => string, ...values: unknown[]) => {
        where.push(clause(params.length + 1));
        params.push(...values);
      };
      if (q.category) add((n) => `category = $${n}`, q.category);
      if (q.terms?.length) add((n) => `search_terms @> $${n}::text[]`, q.terms);
      if (q.after) add((n) => `(created_at, id) < ($${n}, $${n + 1})`, q.after.createdAt, q.after.id);
      params.push(q.limit);
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM notices WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toNotice);
    },

    async publishedForEvent(eventId, limit) {
      const rows = await db.query<Row>(
        `SELECT id, title, category FROM notices WHERE event_ids @> ARRAY[$1]::text[] AND status = 'published'
         ORDER BY created_at DESC, id DESC LIMIT $2`,
        [eventId, limit],
      );
      return rows.map((r) => ({ id: String(r.id), title: String(r.title), category: r.category as NoticeRecord['category'] }));
    },
  };
}
