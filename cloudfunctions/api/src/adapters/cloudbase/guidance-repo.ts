/** 就业指导 requests and their answers, on CloudBase. */
import type { GuidanceRecord, GuidanceRepo } from '../../core/ports';
import { getAll, isoOf, isoOrNull, strOrNull, toDate, type CloudDb, type Doc } from './db';
import { definedFields, guardedChange } from './recruitment-docs';

function toGuidance(d: Doc): GuidanceRecord {
  return {
    id: d._id,
    openid: String(d.openid),
    topic: String(d.topic),
    preferredTimes: String(d.preferredTimes),
    phone: String(d.phone),
    status: d.status as GuidanceRecord['status'],
    answer: strOrNull(d.answer),
    createdAt: isoOf(d.createdAt),
    answeredAt: isoOrNull(d.answeredAt),
  };
}

export function cloudbaseGuidanceRepo(db: CloudDb): GuidanceRepo {
  const requests = () => db.collection('guidance_requests');
  return {
    async insert(r) {
      const { id, ...fields } = r;
      await requests().add({
        data: { _id: id, ...fields, answer: null, answeredBy: null, createdAt: toDate(r.createdAt), answeredAt: null },
      });
    },

    async get(id) {
      const { data } = await requests().doc(id).get();
      return data ? toGuidance(data) : null;
    },

    async listByUser(openid) {
      return (await getAll(requests().where({ openid }).orderBy('createdAt', 'desc'))).map(toGuidance);
    },

    async list(status) {
      const query = status ? requests().where({ status }).orderBy('createdAt', 'asc') : requests().orderBy('createdAt', 'desc');
      return (await getAll(query)).map(toGuidance);
    },

    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '指导预约',
        {
          async read(tx) {
            const { data } = await tx.collection('guidance_requests').doc(id).get();
            return data ? toGuidance(data) : null;
          },
          async write(tx, patch, current) {
            const fields = definedFields(patch);
            if (!Object.keys(fields).length) return current;
            const written = { ...fields, ...(patch.answeredAt ? { answeredAt: toDate(patch.answeredAt) } : {}) };
            await tx.collection('guidance_requests').doc(id).update({ data: written });
            const { answeredBy: _by, ...shown } = fields;
            return { ...current, ...shown } as GuidanceRecord;
          },
        },
        guard,
      ),
  };
}
