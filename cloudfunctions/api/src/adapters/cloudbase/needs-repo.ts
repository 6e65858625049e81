/**
 * 企业诉求 on CloudBase. Organisation names are read in a second query (`enterpriseFacts`, no join here). Departments
 * are documents whose `_id` is the name, so a name is unique without an index; a rename moves the document in a
 * transaction and then renames the needs assigned to it with one `where` update (CloudBase keeps `where` writes out of
 * transactions) — a need read in between still shows the old name.
 */
import type { NeedPatch, NeedRecord, NeedView, NeedsRepo } from '../../core/ports';
import { addAudit } from './audit-repo';
import { getAll, inTransaction, isoOf, isoOrNull, strOrNull, toDate, type CloudDb, type Doc } from './db';
import { definedFields, enterpriseFacts, guardedChange } from './recruitment-docs';

function toNeed(d: Doc): NeedRecord {
  return {
    id: d._id,
    orgId: String(d.orgId),
    visitId: strOrNull(d.visitId),
    category: String(d.category),
    text: String(d.text),
    attachment: strOrNull(d.attachment),
    authorOpenid: String(d.authorOpenid),
    status: d.status as NeedRecord['status'],
    department: strOrNull(d.department),
    reply: strOrNull(d.reply),
    rating: strOrNull(d.rating) as NeedRecord['rating'],
    ratingNote: strOrNull(d.ratingNote),
    createdAt: isoOf(d.createdAt),
    dueAt: isoOf(d.dueAt),
    closedAt: isoOrNull(d.closedAt),
  };
}

const DATE_FIELDS: (keyof NeedPatch)[] = ['closedAt', 'ratedAt'];

/** Writes one need through `add`: the collection's, or a transaction's (a visit raising its problems as needs). */
export async function addNeed(add: (doc: { data: Record<string, unknown> }) => Promise<unknown>, n: NeedRecord): Promise<void> {
  const { id, ...fields } = n;
  await add({
    data: { _id: id, ...fields, createdAt: toDate(n.createdAt), dueAt: toDate(n.dueAt), closedAt: toDate(n.closedAt), ratedAt: null },
  });
}

export function cloudbaseNeedsRepo(db: CloudDb): NeedsRepo {
  const _ = db.command;
  const needs = () => db.collection('needs');
  const withNames = async (records: NeedRecord[]): Promise<NeedView[]> => {
    const facts = await enterpriseFacts(db, records.map((r) => r.orgId));
    return records.map((r) => ({ ...r, orgName: String(facts.get(r.orgId)?.name ?? '') }));
  };
  const get = async (id: string) => {
    const { data } = await needs().doc(id).get();
    return data ? (await withNames([toNeed(data)]))[0] : null;
  };
  return {
    insert: (n) => addNeed((doc) => needs().add(doc), n),
    get,
    async listMine(openid, orgIds) {
      const who = orgIds.length ? _.or({ authorOpenid: openid }, { orgId: _.in(orgIds) }) : { authorOpenid: openid };
      const docs = await getAll(needs().where(who).orderBy('createdAt', 'desc').orderBy('_id', 'desc'), 200);
      return withNames(docs.map(toNeed));
    },
    async list(q) {
      const where: Record<string, unknown>[] = [];
      if (q.status) where.push({ status: q.status });
      if (q.category) where.push({ category: q.category });
      if (q.overdueAt) where.push({ status: _.neq('closed'), dueAt: _.lt(toDate(q.overdueAt)) });
      if (q.after) {
        const at = toDate(q.after.createdAt);
        where.push(_.or({ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(q.after.id) }) as Record<string, unknown>);
      }
      const base = where.length ? needs().where(_.and(...where)) : needs();
      const docs = await getAll(base.orderBy('createdAt', 'desc').orderBy('_id', 'desc'), q.limit);
      return withNames(docs.map(toNeed));
    },
    async counts(now) {
      const open = (await needs().where({ status: _.neq('closed') }).count()).total;
      const overdue = (await needs().where({ status: _.neq('closed'), dueAt: _.lt(toDate(now)) }).count()).total;
      return { open, overdue };
    },
    change: async (id, now, guard) => {
      await guardedChange(
        db,
        now,
        '诉求',
        {
          async read(tx) {
            const { data } = await tx.collection('needs').doc(id).get();
            return data ? { ...toNeed(data), orgName: '' } : null;
          },
          async write(tx, patch) {
            const fields = definedFields(patch);
            for (const f of DATE_FIELDS) if (typeof fields[f] === 'string') fields[f] = toDate(fields[f] as string);
            if (Object.keys(fields).length) await tx.collection('needs').doc(id).update({ data: fields });
          },
        },
        guard,
      );
      return (await get(id)) as NeedView;
    },
    async departments() {
      const docs = await getAll(db.collection('need_departments').orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
      return docs.map((d) => ({ name: d._id, createdAt: isoOf(d.createdAt) }));
    },
    async addDepartment(d, actor) {
      return inTransaction(db, async (tx) => {
        const ref = tx.collection('need_departments').doc(d.name);
        if ((await ref.get()).data) return 'exists' as const;
        await ref.set({ data: { createdAt: toDate(d.createdAt) } });
        await addAudit((a) => tx.collection('audit_log').add({ data: a }), {
          actor, action: 'need_department.add', recordType: 'need_department', recordId: d.name, detail: null, at: d.createdAt,
        });
        return 'created' as const;
      });
    },
    async renameDepartment(from, to, actor, now) {
      const outcome = await inTransaction(db, async (tx) => {
        const old = await tx.collection('need_departments').doc(from).get();
        if (!old.data) return 'missing' as const;
        const target = tx.collection('need_departments').doc(to);
        if ((await target.get()).data) return 'exists' as const;
        await target.set({ data: { createdAt: old.data.createdAt } });
        await tx.collection('need_departments').doc(from).remove();
        await addAudit((a) => tx.collection('audit_log').add({ data: a }), {
          actor, action: 'need_department.rename', recordType: 'need_department', recordId: to, detail: `${from} → ${to}`, at: now,
        });
        return 'renamed' as const;
      });
      if (outcome === 'renamed') await needs().where({ department: from }).update({ data: { department: to } });
      return outcome;
    },
  };
}
