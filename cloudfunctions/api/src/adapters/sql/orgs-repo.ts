/** The 两新 census on SQL: census columns of `enterprises`, `org_changes`, `org_visits`, `grids`, `org_import_previews`. */
import type {
  AuditDraft,
  OrgFields,
  OrgHistoryDraft,
  OrgPatch,
  OrgRecord,
  OrgsRepo,
  VisitRecord,
} from '../../core/ports';
import { DomainError, notFound } from '../../core/errors';
import { iso, isoOrNull, isUniqueViolation, num, str, type SqlDb, type SqlExecutor } from './db';
import { writeEffects } from './effects';
import { insertNeed } from './needs-repo';
import type { Row } from './recruitment-rows';

const COLUMNS: Record<keyof OrgFields, string> = {
  name: 'name',
  uscc: 'uscc',
  usccMissingReason: 'uscc_missing_reason',
  kind: 'org_kind',
  industry: 'industry',
  address: 'address',
  gridId: 'grid_id',
  employees: 'employees',
  partyMembers: 'party_members',
  status: 'org_status',
  statusChangedOn: 'status_changed_on',
  coverage: 'coverage',
  branchName: 'branch_name',
  branchFoundedOn: 'branch_founded_on',
  jointOrgId: 'joint_org_id',
  instructorOpenid: 'instructor_openid',
  instructorName: 'instructor_name',
  lastVisitOn: 'last_visit_on',
};
const FIELDS = Object.keys(COLUMNS) as (keyof OrgFields)[];

// Dates are read as text: both drivers would otherwise make a local-midnight Date of a calendar date.
const SELECT = `SELECT e.id, e.name, e.uscc, e.uscc_missing_reason, e.org_kind, e.industry, e.address, e.grid_id, e.employees,
  e.party_members, e.org_status, e.status_changed_on::text AS status_changed_on, e.coverage, e.branch_name,
  e.branch_founded_on::text AS branch_founded_on, e.joint_org_id, e.instructor_openid, e.instructor_name,
  e.last_visit_on::text AS last_visit_on, e.verified, e.created_at, COALESCE(e.updated_at, e.created_at) AS updated_at
  FROM enterprises e`;

function toOrg(r: Row): OrgRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    uscc: str(r.uscc),
    usccMissingReason: str(r.uscc_missing_reason),
    kind: r.org_kind as OrgRecord['kind'],
    industry: str(r.industry),
    address: str(r.address),
    gridId: str(r.grid_id),
    employees: num(r.employees),
    partyMembers: num(r.party_members),
    status: r.org_status as OrgRecord['status'],
    statusChangedOn: str(r.status_changed_on),
    coverage: r.coverage as OrgRecord['coverage'],
    branchName: str(r.branch_name),
    branchFoundedOn: str(r.branch_founded_on),
    jointOrgId: str(r.joint_org_id),
    instructorOpenid: str(r.instructor_openid),
    instructorName: str(r.instructor_name),
    lastVisitOn: str(r.last_visit_on),
    verified: Boolean(r.verified),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function toVisit(r: Row): VisitRecord {
  return {
    id: String(r.id),
    orgId: String(r.org_id),
    visitedOn: String(r.visited_on),
    visitorOpenid: str(r.visitor_openid),
    visitorName: String(r.visitor_name),
    findings: String(r.findings),
    problems: (typeof r.problems === 'string' ? JSON.parse(r.problems) : r.problems) as VisitRecord['problems'],
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
  };
}

const VISIT_SELECT = `SELECT id, org_id, visited_on::text AS visited_on, visitor_openid, visitor_name, findings, problems,
  created_by, created_at FROM org_visits`;

const INSERT_COLUMNS = ['id', ...FIELDS.map((f) => COLUMNS[f]), 'verified', 'created_at', 'updated_at'];

/** Inserts organisations a few hundred per statement: an import of thousands is a handful of round trips. */
async function insertOrgs(tx: SqlExecutor, records: OrgRecord[]): Promise<void> {
  for (let start = 0; start < records.length; start += 200) {
    const chunk = records.slice(start, start + 200);
    const params: unknown[] = [];
    const rows = chunk.map((o) => {
      const values = [o.id, ...FIELDS.map((f) => o[f]), o.verified, o.createdAt, o.updatedAt];
      const first = params.length + 1;
      params.push(...values);
      return `(${values.map((_, i) => `$${first + i}`).join(', ')})`;
    });
    await tx.query(`INSERT INTO enterprises (${INSERT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params);
  }
}

async function updateOrg(tx: SqlExecutor, id: string, fields: OrgPatch, now: string): Promise<void> {
  const keys = (Object.keys(fields) as (keyof OrgFields)[]).filter((k) => fields[k] !== undefined && k in COLUMNS);
  if (!keys.length) return;
  await tx.query(
    `UPDATE enterprises SET ${keys.map((k, i) => `${COLUMNS[k]} = $${i + 3}`).join(', ')}, updated_at = $2 WHERE id = $1`,
    [id, now, ...keys.map((k) => fields[k])],
  );
}

/** Column types for a VALUES list, where PostgreSQL cannot infer them from a target column. */
const CASTS: Partial<Record<keyof OrgFields, string>> = {
  employees: 'integer',
  partyMembers: 'integer',
  statusChangedOn: 'date',
  branchFoundedOn: 'date',
  lastVisitOn: 'date',
};

/** Writes whole census records (every field), two hundred per statement through UPDATE … FROM (VALUES …). */
async function updateOrgsWhole(tx: SqlExecutor, records: ({ id: string } & OrgFields)[], now: string): Promise<void> {
  for (let start = 0; start < records.length; start += 200) {
    const params: unknown[] = [now];
    const rows = records.slice(start, start + 200).map((o) => {
      const values = [o.id, ...FIELDS.map((f) => o[f])];
      const first = params.length + 1;
      params.push(...values);
      return `(${values.map((_, i) => `$${first + i}`).join(', ')})`;
    });
    const names = ['id', ...FIELDS.map((f) => COLUMNS[f])];
    const sets = FIELDS.map((f) => `${COLUMNS[f]} = v.${COLUMNS[f]}${CASTS[f] ? `::${CASTS[f]}` : ''}`);
    await tx.query(
      `UPDATE enterprises e SET ${sets.join(', ')}, updated_at = $1 FROM (VALUES ${rows.join(', ')}) AS v(${names.join(', ')}) WHERE e.id = v.id`,
      params,
    );
  }
}

async function insertHistory(tx: SqlExecutor, orgId: string, history: OrgHistoryDraft[], now: string): Promise<void> {
  await insertHistories(tx, history.map((h) => ({ orgId, ...h })), now);
}

/** History entries of many organisations, a thousand per statement, in order. */
async function insertHistories(tx: SqlExecutor, entries: (OrgHistoryDraft & { orgId: string })[], now: string): Promise<void> {
  for (let start = 0; start < entries.length; start += 1000) {
    const params: unknown[] = [now];
    const rows = entries.slice(start, start + 1000).map((h) => {
      params.push(h.orgId, h.field, h.before, h.after, h.source, h.actor);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}, $1)`;
    });
    await tx.query(`INSERT INTO org_changes (org_id, field, before, after, source, actor, at) VALUES ${rows.join(', ')}`, params);
  }
}

const usccTaken = () => new DomainError('ORG_EXISTS', '该统一社会信用代码已登记在另一家组织名下');

export function sqlOrgsRepo(db: SqlDb): OrgsRepo {
  const get = async (tx: SqlExecutor, id: string, lock = '') => {
    const rows = await tx.query<Row>(`${SELECT} WHERE e.id = $1 ${lock}`, [id]);
    return rows[0] ? toOrg(rows[0]) : null;
  };
  const audited = (tx: SqlExecutor, audit: AuditDraft | undefined, now: string) => writeEffects(tx, { audit }, now);

  return {
    async grids() {
      const rows = await db.query<Row>('SELECT id, name FROM grids ORDER BY sort, name');
      return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
    },

    get: (id) => get(db, id),

    async list(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: (n: number) => string, value: unknown) => {
        params.push(value);
        where.push(sql(params.length));
      };
      if (q.q) {
        // A keyword is matched literally: % and _ typed by staff are not wildcards.
        add((n) => `(e.name ILIKE $${n} OR e.uscc ILIKE $${n} OR e.address ILIKE $${n})`, `%${q.q.replace(/[\\%_]/g, '\\$&')}%`);
      }
      if (q.kind) add((n) => `e.org_kind = $${n}`, q.kind);
      if (q.status) add((n) => `e.org_status = $${n}`, q.status);
      if (q.coverage) add((n) => `e.coverage = $${n}`, q.coverage);
      if (q.gridId) add((n) => `e.grid_id = $${n}`, q.gridId);
      if (q.after) {
        params.push(q.after.createdAt, q.after.id);
        where.push(`(e.created_at, e.id) < ($${params.length - 1}, $${params.length})`);
      }
      params.push(q.limit);
      const rows = await db.query<Row>(
        `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.created_at DESC, e.id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toOrg);
    },

    async all() {
      return (await db.query<Row>(`${SELECT} ORDER BY e.created_at, e.id`)).map(toOrg);
    },

    async create(record, history, audit) {
      try {
        await db.transaction(async (tx) => {
          await insertOrgs(tx, [record]);
          await insertHistory(tx, record.id, history, record.createdAt);
          await audited(tx, audit, record.createdAt);
        });
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'uscc-taken';
        throw err;
      }
    },

    async change(id, now, guard) {
      try {
        return await db.transaction(async (tx) => {
          const current = await get(tx, id, 'FOR UPDATE');
          if (!current) throw notFound('组织');
          const change = guard(current);
          await updateOrg(tx, id, change.patch.fields, now);
          await insertHistory(tx, id, change.patch.history, now);
          await writeEffects(tx, change, now);
          return (await get(tx, id)) as OrgRecord;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw usccTaken();
        throw err;
      }
    },

    async history(orgId) {
      const rows = await db.query<Row>(
        'SELECT field, before, after, source, actor, at FROM org_changes WHERE org_id = $1 ORDER BY id',
        [orgId],
      );
      return rows.map((r) => ({
        field: r.field as keyof OrgFields,
        before: str(r.before),
        after: str(r.after),
        source: r.source as OrgHistoryDraft['source'],
        actor: String(r.actor),
        at: iso(r.at),
      }));
    },

    async savePreview(p) {
      await db.query(
        `INSERT INTO org_import_previews (id, created_by, created_at, expires_at, rows, applied_at) VALUES ($1,$2,$3,$4,$5,$6)`,
        [p.id, p.createdBy, p.createdAt, p.expiresAt, JSON.stringify(p.rows), p.appliedAt],
      );
      // Expired previews are of no use to anyone: each new one sweeps them away.
      await db.query('DELETE FROM org_import_previews WHERE expires_at < $1', [p.createdAt]);
    },

    async getPreview(id) {
      const rows = await db.query<Row>('SELECT * FROM org_import_previews WHERE id = $1', [id]);
      const r = rows[0];
      if (!r) return null;
      return {
        id: String(r.id),
        createdBy: String(r.created_by),
        createdAt: iso(r.created_at),
        expiresAt: iso(r.expires_at),
        rows: typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows,
        appliedAt: isoOrNull(r.applied_at),
      };
    },

    async applyImport(previewId, named, now, plan) {
      try {
        return await db.transaction(async (tx) => {
          const rows = await tx.query<Row>('SELECT * FROM org_import_previews WHERE id = $1 FOR UPDATE', [previewId]);
          if (!rows[0]) throw new DomainError('NOT_FOUND', '导入预览不存在或已过期，请重新上传文件');
          const r = rows[0];
          const preview = {
            id: previewId,
            createdBy: String(r.created_by),
            createdAt: iso(r.created_at),
            expiresAt: iso(r.expires_at),
            rows: typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows,
            appliedAt: isoOrNull(r.applied_at),
          };
          // The organisations the sheet names are read under lock: a concurrent edit of one of them waits for the import.
          const current = (
            await tx.query<Row>(
              `${SELECT} WHERE e.uscc = ANY($1::text[]) OR (e.uscc IS NULL AND e.name = ANY($2::text[])) ORDER BY e.created_at, e.id FOR UPDATE`,
              [named.usccs, named.names],
            )
          ).map(toOrg);
          const decided = plan(preview, current);
          await insertOrgs(tx, decided.creates.map((c) => c.record));
          const byId = new Map(current.map((o) => [o.id, o]));
          await updateOrgsWhole(
            tx,
            decided.updates.map((u) => {
              const { verified: _v, createdAt: _c, updatedAt: _u, ...fields } = byId.get(u.id) as OrgRecord;
              return { ...fields, ...u.fields };
            }),
            now,
          );
          await insertHistories(
            tx,
            [...decided.creates.map((c) => ({ id: c.record.id, history: c.history })), ...decided.updates].flatMap((c) =>
              c.history.map((h) => ({ orgId: c.id, ...h })),
            ),
            now,
          );
          await tx.query('UPDATE org_import_previews SET applied_at = $2, applied_by = $3 WHERE id = $1', [
            previewId,
            now,
            decided.audit.actor,
          ]);
          await audited(tx, decided.audit, now);
          return decided;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw usccTaken();
        throw err;
      }
    },

    async recordVisit(visit, needs, now, guard) {
      await db.transaction(async (tx) => {
        const current = await get(tx, visit.orgId, 'FOR UPDATE');
        if (!current) throw notFound('组织');
        const change = guard(current);
        await tx.query(
          `INSERT INTO org_visits (id, org_id, visited_on, visitor_openid, visitor_name, findings, problems, created_by, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
          [visit.id, visit.orgId, visit.visitedOn, visit.visitorOpenid, visit.visitorName, visit.findings,
            JSON.stringify(visit.problems), visit.createdBy, visit.createdAt],
        );
        for (const need of needs) await insertNeed(tx, need);
        await updateOrg(tx, visit.orgId, change.patch.fields, now);
        await insertHistory(tx, visit.orgId, change.patch.history, now);
        await writeEffects(tx, change, now);
      });
      return visit;
    },

    async visits(q) {
      const rows = q.orgId
        ? await db.query<Row>(`${VISIT_SELECT} WHERE org_id = $1 ORDER BY visited_on DESC, created_at DESC, id DESC LIMIT $2`, [
            q.orgId,
            q.limit,
          ])
        : await db.query<Row>(`${VISIT_SELECT} ORDER BY visited_on DESC, created_at DESC, id DESC LIMIT $1`, [q.limit]);
      return rows.map(toVisit);
    },
  };
}
