/** Jobs and their search by Chinese keyword, on CloudBase. */
import type { JobPatch, JobRecord, JobsRepo } from '../../core/ports';
import { notFound } from '../../core/errors';
import { getAll, isoOf, strOrNull, toDate, type CloudDb, type Doc, type Where } from './db';
import { enterpriseFacts, numOrNull } from './recruitment-docs';

function toJob(d: Doc, enterprise: Doc | undefined): JobRecord {
  return {
    id: d._id,
    enterpriseId: String(d.enterpriseId),
    enterpriseName: String(enterprise?.name ?? ''),
    eventId: strOrNull(d.eventId),
    title: String(d.title),
    category: String(d.category),
    salaryMin: numOrNull(d.salaryMin),
    salaryMax: numOrNull(d.salaryMax),
    headcount: Number(d.headcount),
    district: String(d.district),
    place: String(d.place),
    requirements: String(d.requirements ?? ''),
    benefits: ((d.benefits as string[] | undefined) ?? []).slice(),
    status: d.status as JobRecord['status'],
    createdBy: String(d.createdBy),
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
  };
}

export function cloudbaseJobsRepo(db: CloudDb): JobsRepo {
  const _ = db.command;
  const jobs = () => db.collection('jobs');
  /** Job documents leave their search terms behind: the record never shows them. */
  const withoutTerms = (query: ReturnType<typeof jobs>) => query.field({ searchTerms: false });

  const withEnterprises = async (docs: Doc[]) => {
    const facts = await enterpriseFacts(db, docs.map((d) => String(d.enterpriseId)));
    return docs.map((d) => toJob(d, facts.get(String(d.enterpriseId))));
  };
  const get = async (id: string) => {
    const { data } = await jobs().doc(id).get();
    return data ? (await withEnterprises([data]))[0] : null;
  };

  return {
    async insert(j, terms) {
      const { id, ...fields } = j;
      await jobs().add({
        data: { _id: id, ...fields, searchTerms: terms, createdAt: toDate(j.createdAt), updatedAt: toDate(j.updatedAt) },
      });
      return (await get(id)) as JobRecord;
    },

    get,

    async update(id, patch, terms, now) {
      const data: Record<string, unknown> = { updatedAt: toDate(now) };
      for (const [key, value] of Object.entries(patch as JobPatch)) if (value !== undefined) data[key] = value;
      if (terms) data.searchTerms = terms;
      await jobs().where({ _id: id }).update({ data });
      const updated = await get(id);
      if (!updated) throw notFound('岗位');
      return updated;
    },

    async search(q) {
      // Verified enterprises first (a town has hundreds at most): CloudBase has no join, so their ids go into the query.
      const verified = await getAll(db.collection('enterprises').where({ verified: true }).field({ _id: true }));
      if (!verified.length) return [];
      const where: Where[] = [{ status: 'open' }, { enterpriseId: _.in(verified.map((e) => e._id)) }];
      if (q.terms?.length) where.push({ searchTerms: _.all(q.terms) });
      if (q.category) where.push({ category: q.category });
      if (q.district) where.push({ district: q.district });
      if (q.salaryAtLeast !== undefined) {
        where.push(_.or({ salaryMax: _.gte(q.salaryAtLeast) }, { salaryMax: null, salaryMin: _.gte(q.salaryAtLeast) }) as Where);
      }
      if (q.eventId) where.push({ eventId: q.eventId });
      if (q.enterpriseId) where.push({ enterpriseId: q.enterpriseId });
      if (q.after) {
        const at = toDate(q.after.createdAt);
        where.push(_.or({ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(q.after.id) }) as Where);
      }
      const query = withoutTerms(jobs().where(_.and(...where)) as ReturnType<typeof jobs>)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc');
      return withEnterprises(await getAll(query, q.limit));
    },

    async listByEnterprise(enterpriseId) {
      const query = withoutTerms(jobs().where({ enterpriseId }) as ReturnType<typeof jobs>)
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc');
      return withEnterprises(await getAll(query));
    },
  };
}
