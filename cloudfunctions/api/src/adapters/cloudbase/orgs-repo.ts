/**
 * The 两新 census on CloudBase: census fields on `enterprises` documents (a claimed enterprise and a census record are
 * one document; documents written before the census read with its defaults), `org_changes`, `org_visits`, `grids`
 * (seeded by setup) and `org_import_previews`. A USCC is unique through the same `unique_keys` document claims use.
 */
import type { OrgFields, OrgHistoryDraft, OrgPatch, OrgRecord, OrgsRepo, VisitRecord } from '../../core/ports';
import { DomainError, notFound } from '../../core/errors';
import { addNeed } from './needs-repo';
import {
  claimUnique,
  getAll,
  inTransaction,
  isoOf,
  isoOrNull,
  nextOrdinal,
  releaseUnique,
  strOrNull,
  toDate,
  type CloudDb,
  type CloudTransaction,
  type Doc,
} from './db';
import { writeEffects } from './effects';
import { numOrNull, usccKey } from './recruitment-docs';
import { newId } from '../../core/ids';

const FIELDS: (keyof OrgFields)[] = [
  'name', 'uscc', 'usccMissingReason', 'kind', 'industry', 'address', 'gridId', 'employees', 'partyMembers', 'status',
  'statusChangedOn', 'coverage', 'branchName', 'branchFoundedOn', 'jointOrgId', 'instructorOpenid', 'instructorName',
  'lastVisitOn',
];

/** The census fields live under their own names; `kind` and `status` are prefixed as `orgKind`/`orgStatus` (SQL's names). */
const DOC_FIELD: Partial<Record<keyof OrgFields, string>> = { kind: 'orgKind', status: 'orgStatus' };
const docField = (f: keyof OrgFields) => DOC_FIELD[f] ?? f;

function toOrg(d: Doc): OrgRecord {
  return {
    id: d._id,
    name: String(d.name),
    uscc: strOrNull(d.uscc),
    usccMissingReason: strOrNull(d.usccMissingReason),
    kind: (d.orgKind ?? 'economic') as OrgRecord['kind'],
    industry: strOrNull(d.industry),
    address: strOrNull(d.address),
    gridId: strOrNull(d.gridId),
    employees: numOrNull(d.employees),
    partyMembers: numOrNull(d.partyMembers),
    status: (d.orgStatus ?? 'active') as OrgRecord['status'],
    statusChangedOn: strOrNull(d.statusChangedOn),
    coverage: (d.coverage ?? 'none') as OrgRecord['coverage'],
    branchName: strOrNull(d.branchName),
    branchFoundedOn: strOrNull(d.branchFoundedOn),
    jointOrgId: strOrNull(d.jointOrgId),
    instructorOpenid: strOrNull(d.instructorOpenid),
    instructorName: strOrNull(d.instructorName),
    lastVisitOn: strOrNull(d.lastVisitOn),
    verified: Boolean(d.verified),
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt ?? d.createdAt),
  };
}

function fieldsDoc(fields: OrgPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (fields[f] !== undefined) out[docField(f)] = fields[f];
  return out;
}

function toVisit(d: Doc): VisitRecord {
  return {
    id: d._id,
    orgId: String(d.orgId),
    visitedOn: String(d.visitedOn),
    visitorOpenid: strOrNull(d.visitorOpenid),
    visitorName: String(d.visitorName),
    findings: String(d.findings),
    problems: (d.problems ?? []) as VisitRecord['problems'],
    createdBy: String(d.createdBy),
    createdAt: isoOf(d.createdAt),
  };
}

async function addHistory(tx: CloudTransaction, orgId: string, history: OrgHistoryDraft[], now: string): Promise<void> {
  for (const h of history) {
    await tx.collection('org_changes').add({ data: { _id: newId(), orgId, ...h, at: toDate(now), ordinal: nextOrdinal() } });
  }
}

/** Writes the fields; a changed USCC moves its unique key (refused when another organisation holds the new code). */
async function writeFields(tx: CloudTransaction, current: OrgRecord, fields: OrgPatch, now: string): Promise<void> {
  if (fields.uscc !== undefined && fields.uscc !== current.uscc) {
    if (fields.uscc && (await claimUnique(tx, usccKey(fields.uscc), current.id))) throw usccTaken();
    if (current.uscc) await releaseUnique(tx, usccKey(current.uscc));
  }
  const data = fieldsDoc(fields);
  if (!Object.keys(data).length) return;
  await tx.collection('enterprises').doc(current.id).update({ data: { ...data, updatedAt: toDate(now) } });
}

async function addOrg(tx: CloudTransaction, o: OrgRecord): Promise<boolean> {
  if (o.uscc && (await claimUnique(tx, usccKey(o.uscc), o.id))) return false;
  await tx.collection('enterprises').add({
    data: {
      _id: o.id, ...fieldsDoc(o), size: null, contactName: null, contactPhone: null, intro: null, logo: null,
      verified: o.verified, createdAt: toDate(o.createdAt), updatedAt: toDate(o.updatedAt),
    },
  });
  return true;
}

const usccTaken = () => new DomainError('ORG_EXISTS', '该统一社会信用代码已登记在另一家组织名下');
/** Census reads never carry the logo. */
const WITHOUT_LOGO = { logo: false } as const;

export function cloudbaseOrgsRepo(db: CloudDb): OrgsRepo {
  const _ = db.command;
  const enterprises = () => db.collection('enterprises');
  const get = async (id: string) => {
    const { data } = await enterprises().doc(id).get();
    return data ? toOrg(data) : null;
  };
  const readInTx = async (tx: CloudTransaction, id: string) => {
    const { data } = await tx.collection('enterprises').doc(id).get();
    return data ? toOrg(data) : null;
  };
  const readPreview = (d: Doc) => ({
    id: d._id,
    createdBy: String(d.createdBy),
    createdAt: isoOf(d.createdAt),
    expiresAt: isoOf(d.expiresAt),
    rows: JSON.parse(String(d.rows)) as unknown,
    appliedAt: isoOrNull(d.appliedAt),
  });

  return {
    async grids() {
      const docs = await getAll(db.collection('grids').orderBy('sort', 'asc'));
      return docs.map((d) => ({ id: d._id, name: String(d.name) }));
    },

    get,

    async list(q) {
      const where: Record<string, unknown>[] = [];
      // Documents from before the census have no census fields: they read as economic, active, not covered.
      if (q.kind) where.push(q.kind === 'economic' ? { orgKind: _.in(['economic', null]) } : { orgKind: q.kind });
      if (q.status) where.push(q.status === 'active' ? { orgStatus: _.in(['active', null]) } : { orgStatus: q.status });
      if (q.coverage) where.push(q.coverage === 'none' ? { coverage: _.in(['none', null]) } : { coverage: q.coverage });
      if (q.gridId) where.push({ gridId: q.gridId });
      if (q.after) {
        const at = toDate(q.after.createdAt);
        where.push(_.or({ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(q.after.id) }) as Record<string, unknown>);
      }
      const base = (where.length ? enterprises().where(_.and(...where)) : enterprises())
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .field({ ...WITHOUT_LOGO });
      if (!q.q) return (await getAll(base, q.limit)).map(toOrg);
      // The SDK has no portable substring match on our double and the service; a keyword reads the filtered set.
      const needle = q.q.toLowerCase();
      const hits = (await getAll(base))
        .map(toOrg)
        .filter((o) => [o.name, o.uscc, o.address].some((v) => v?.toLowerCase().includes(needle)));
      return hits.slice(0, q.limit);
    },

    async all() {
      const docs = await getAll(enterprises().orderBy('createdAt', 'asc').orderBy('_id', 'asc').field({ ...WITHOUT_LOGO }));
      return docs.map(toOrg);
    },

    async create(record, history, audit) {
      return inTransaction(db, async (tx) => {
        if (!(await addOrg(tx, record))) return 'uscc-taken' as const;
        await addHistory(tx, record.id, history, record.createdAt);
        await writeEffects(tx, { audit }, record.createdAt);
        return 'created' as const;
      });
    },

    async change(id, now, guard) {
      await inTransaction(db, async (tx) => {
        const current = await readInTx(tx, id);
        if (!current) throw notFound('组织');
        const change = guard(current);
        await writeFields(tx, current, change.patch.fields, now);
        await addHistory(tx, id, change.patch.history, now);
        await writeEffects(tx, change, now);
      });
      return (await get(id)) as OrgRecord;
    },

    async history(orgId) {
      const docs = await getAll(db.collection('org_changes').where({ orgId }).orderBy('ordinal', 'asc'));
      return docs.map((d) => ({
        field: d.field as keyof OrgFields,
        before: strOrNull(d.before),
        after: strOrNull(d.after),
        source: d.source as OrgHistoryDraft['source'],
        actor: String(d.actor),
        at: isoOf(d.at),
      }));
    },

    async savePreview(p) {
      // Rows are kept as one JSON text: a 5,000-row sheet is one document well under the 16 MB limit.
      await db.collection('org_import_previews').add({
        data: {
          _id: p.id, createdBy: p.createdBy, createdAt: toDate(p.createdAt), expiresAt: toDate(p.expiresAt),
          rows: JSON.stringify(p.rows), appliedAt: toDate(p.appliedAt),
        },
      });
      await db.collection('org_import_previews').where({ expiresAt: _.lt(toDate(p.createdAt)) }).remove();
    },

    async getPreview(id) {
      const { data } = await db.collection('org_import_previews').doc(id).get();
      return data ? readPreview(data) : null;
    },

    async applyImport(previewId, named, now, plan) {
      return inTransaction(db, async (tx) => {
        const ref = tx.collection('org_import_previews').doc(previewId);
        const { data } = await ref.get();
        if (!data) throw new DomainError('NOT_FOUND', '导入预览不存在或已过期，请重新上传文件');
        // Only single-document reads are transactional here: organisations are found by their USCC's unique key (inside
        // the transaction) and, for those without a code, by name (a query outside it, each hit read again inside).
        const ids = new Set<string>();
        for (const uscc of named.usccs) {
          const { data: key } = await tx.collection('unique_keys').doc(usccKey(uscc)).get();
          if (key) ids.add(String(key.ref));
        }
        for (let i = 0; i < named.names.length; i += 100) {
          const page = named.names.slice(i, i + 100);
          for (const d of await getAll(enterprises().where({ name: _.in(page), uscc: null }).field({ _id: true }))) ids.add(d._id);
        }
        const current: OrgRecord[] = [];
        for (const id of ids) {
          const org = await readInTx(tx, id);
          if (org) current.push(org);
        }
        const decided = plan(readPreview(data), current);
        const byId = new Map(current.map((o) => [o.id, o]));
        for (const c of decided.creates) {
          if (!(await addOrg(tx, c.record))) throw usccTaken();
          await addHistory(tx, c.record.id, c.history, now);
        }
        for (const u of decided.updates) {
          await writeFields(tx, byId.get(u.id) as OrgRecord, u.fields, now);
          await addHistory(tx, u.id, u.history, now);
        }
        await ref.update({ data: { appliedAt: toDate(now), appliedBy: decided.audit.actor } });
        await writeEffects(tx, { audit: decided.audit }, now);
        return decided;
      });
    },

    async recordVisit(visit, needs, now, guard) {
      await inTransaction(db, async (tx) => {
        const current = await readInTx(tx, visit.orgId);
        if (!current) throw notFound('组织');
        const change = guard(current);
        const { id, ...fields } = visit;
        await tx.collection('org_visits').add({ data: { _id: id, ...fields, createdAt: toDate(visit.createdAt) } });
        for (const n of needs) await addNeed((doc) => tx.collection('needs').add(doc), n);
        await writeFields(tx, current, change.patch.fields, now);
        await addHistory(tx, visit.orgId, change.patch.history, now);
        await writeEffects(tx, change, now);
      });
      return visit;
    },

    async visits(q) {
      const base = q.orgId ? db.collection('org_visits').where({ orgId: q.orgId }) : db.collection('org_visits');
      const docs = await getAll(base.orderBy('visitedOn', 'desc').orderBy('createdAt', 'desc').orderBy('_id', 'desc'), q.limit);
      return docs.map(toVisit);
    },
  };
}
