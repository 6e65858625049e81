/** 党群服务站 on CloudBase. */
import type { StationRecord, StationsRepo } from '../../core/ports';
import { addAudit } from './audit-repo';
import { getAll, inTransaction, isoOf, strOrNull, toDate, type CloudDb, type Doc } from './db';
import { definedFields, guardedChange } from './recruitment-docs';

function toStation(d: Doc): StationRecord {
  return {
    id: d._id,
    name: String(d.name),
    host: String(d.host),
    address: String(d.address),
    lat: Number(d.lat),
    lng: Number(d.lng),
    hours: String(d.hours),
    services: Array.isArray(d.services) ? d.services.map(String) : [],
    phone: strOrNull(d.phone),
    intro: strOrNull(d.intro),
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
  };
}

export function cloudbaseStationsRepo(db: CloudDb): StationsRepo {
  const stations = () => db.collection('stations');
  return {
    async insert(s, actor) {
      await inTransaction(db, async (tx) => {
        const { id, ...fields } = s;
        await tx.collection('stations').add({ data: { _id: id, ...fields, createdAt: toDate(s.createdAt), updatedAt: toDate(s.updatedAt) } });
        await addAudit((a) => tx.collection('audit_log').add({ data: a }), {
          actor, action: 'station.create', recordType: 'station', recordId: s.id, detail: s.name, at: s.createdAt,
        });
      });
    },
    async get(id) {
      const { data } = await stations().doc(id).get();
      return data ? toStation(data) : null;
    },
    async list() {
      return (await getAll(stations().orderBy('name', 'asc').orderBy('_id', 'asc'))).map(toStation);
    },
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '服务站',
        {
          async read(tx) {
            const { data } = await tx.collection('stations').doc(id).get();
            return data ? toStation(data) : null;
          },
          async write(tx, patch, current) {
            const fields = definedFields(patch);
            if (typeof fields.updatedAt === 'string') fields.updatedAt = toDate(fields.updatedAt);
            // An array is written whole (an update would otherwise merge it element by element).
            if (Array.isArray(fields.services)) fields.services = db.command.set(fields.services);
            if (Object.keys(fields).length) await tx.collection('stations').doc(id).update({ data: fields });
            return { ...current, ...definedFields(patch) } as StationRecord;
          },
        },
        guard,
      ),
    async upcomingEvents(name, now, limit) {
      // CloudBase has no substring match on an index: the published events still to come are few, filtered here.
      const _ = db.command;
      const docs = await getAll(
        db.collection('events').where({ status: 'published', endAt: _.gt(toDate(now)) }).orderBy('startAt', 'asc').orderBy('_id', 'asc'),
        500,
      );
      return docs
        .filter((d) => String(d.location).includes(name))
        .slice(0, limit)
        .map((d) => ({ id: d._id, title: String(d.title), startAt: isoOf(d.startAt), location: String(d.location) }));
    },
  };
}
