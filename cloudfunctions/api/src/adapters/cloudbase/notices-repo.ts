/** Notices, their keyword search and the events they link, on CloudBase: terms and event ids are array fields. */
import type { NoticeBlock } from '@shared/notices';
import type { NoticePatch, NoticeRecord, NoticesRepo } from '../../core/ports';
import { getAll, inTransaction, isoOf, isoOrNull, strOrNull, toDate, type CloudDb, type Doc, type Where } from './db';
import { writeEffects } from './effects';
import { definedFields, guardedChange } from './recruitment-docs';

/** Fields that hold arrays: an update replaces them whole (the SDK would otherwise write them element by element). */
const WHOLE_FIELDS: readonly (keyof NoticePatch)[] = ['body', 'eventIds', 'searchTerms'];

function toNotice(d: Doc): NoticeRecord {
  return {
    id: d._id,
    title: String(d.title),
    category: d.category as NoticeRecord['category'],
    summary: String(d.summary),
    body: ((d.body as NoticeBlock[] | undefined) ?? []).map((b) => ({ ...b })) as NoticeBlock[],
    issuer: String(d.issuer),
    issuedOn: String(d.issuedOn),
    attachmentUrl: strOrNull(d.attachmentUrl),
    eventIds: ((d.eventIds as string[] | undefined) ?? []).slice(),
    status: d.status as NoticeRecord['status'],
    publishedAt: isoOrNull(d.publishedAt),
    createdBy: String(d.createdBy),
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
  };
}

export function cloudbaseNoticesRepo(db: CloudDb): NoticesRepo {
  const _ = db.command;
  const notices = () => db.collection('notices');
  /** Notice documents leave their search terms behind: the record never shows them. */
  const withoutTerms = { searchTerms: false };

  return {
    async insert(n, terms, audit) {
      const { id, ...fields } = n;
      await inTransaction(db, async (tx) => {
        await tx.collection('notices').add({
          data: {
            _id: id,
            ...fields,
            searchTerms: terms,
            publishedAt: toDate(n.publishedAt),
            createdAt: toDate(n.createdAt),
            updatedAt: toDate(n.updatedAt),
          },
        });
        await writeEffects(tx, { audit }, n.createdAt);
      });
    },

    async get(id) {
      const { data } = await notices().doc(id).get();
      return data ? toNotice(data) : null;
    },

    update: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '政策',
        {
          async read(tx) {
            const { data } = await tx.collection('notices').doc(id).get();
            return data ? toNotice(data) : null;
          },
          async write(tx, patch, current) {
            const fields = definedFields(patch) as NoticePatch;
            const written: Record<string, unknown> = { updatedAt: toDate(now) };
            for (const [key, value] of Object.entries(fields) as [keyof NoticePatch, unknown][]) {
              written[key] = WHOLE_FIELDS.includes(key) ? _.set(value) : key === 'publishedAt' ? toDate(value as string | null) : value;
            }
            await tx.collection('notices').doc(id).update({ data: written });
            const { searchTerms: _terms, ...shown } = fields;
            return { ...current, ...shown, updatedAt: now };
          },
        },
        guard,
      ),

    async list(q) {
      const where: Where[] = [{ status: q.status }];
      if (q.category) where.push({ category: q.category });
      if (q.terms?.length) where.push({ searchTerms: _.all(q.terms) });
      if (q.after) {
        const at = toDate(q.after.createdAt);
        where.push(_.or({ createdAt: _.lt(at) }, { createdAt: at, _id: _.lt(q.after.id) }) as Where);
      }
      const query = notices().where(_.and(...where)).field(withoutTerms).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return (await getAll(query, q.limit)).map(toNotice);
    },

    async publishedForEvent(eventId, limit) {
      const query = notices()
        .where({ eventIds: eventId, status: 'published' })
        .field({ title: true, category: true })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc');
      return (await getAll(query, limit)).map((d) => ({ id: d._id, title: String(d.title), category: d.category as NoticeRecord['category'] }));
    },
  };
}
