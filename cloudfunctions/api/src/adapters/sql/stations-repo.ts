/** 党群服务站 on SQL. */
import type { StationPatch, StationRecord, StationsRepo } from '../../core/ports';
import { iso, str, type SqlDb, type SqlExecutor } from './db';
import { insertAudit } from './audit-repo';
import { guardedChange, setClause, type Row } from './recruitment-rows';

function toStation(r: Row): StationRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    host: String(r.host),
    address: String(r.address),
    lat: Number(r.lat),
    lng: Number(r.lng),
    hours: String(r.hours),
    services: (r.services as string[]) ?? [],
    phone: str(r.phone),
    intro: str(r.intro),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const COLUMNS: Record<keyof StationPatch, string> = {
  name: 'name',
  host: 'host',
  address: 'address',
  lat: 'lat',
  lng: 'lng',
  hours: 'hours',
  services: 'services',
  phone: 'phone',
  intro: 'intro',
  updatedAt: 'updated_at',
};

/** LIKE's own wildcards in a station name are matched literally. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function sqlStationsRepo(db: SqlDb): StationsRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>('SELECT * FROM stations WHERE id = $1', [id]);
    return rows[0] ? toStation(rows[0]) : null;
  };
  return {
    async insert(s, actor) {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO stations (id, name, host, address, lat, lng, hours, services, phone, intro, created_at, updated_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
          [s.id, s.name, s.host, s.address, s.lat, s.lng, s.hours, s.services, s.phone, s.intro, s.createdAt, s.updatedAt],
        );
        await insertAudit(tx, { actor, action: 'station.create', recordType: 'station', recordId: s.id, detail: s.name, at: s.createdAt });
      });
    },
    get: (id) => get(db, id),
    async list() {
      return (await db.query<Row>('SELECT * FROM stations ORDER BY name, id')).map(toStation);
    },
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '服务站',
        {
          async lock(tx) {
            const rows = await tx.query<Row>('SELECT * FROM stations WHERE id = $1 FOR UPDATE', [id]);
            return rows[0] ? toStation(rows[0]) : null;
          },
          async write(tx, patch) {
            const { sets, params } = setClause(patch, COLUMNS, 1);
            if (sets.length) await tx.query(`UPDATE stations SET ${sets.join(', ')} WHERE id = $1`, [id, ...params]);
          },
          read: async (tx) => (await get(tx, id)) as StationRecord,
        },
        guard,
      ),
    async upcomingEvents(name, now, limit) {
      const rows = await db.query<Row>(
        `SELECT id, title, start_at, location FROM events
         WHERE status = 'published' AND end_at > $1 AND location LIKE $2 ESCAPE '\\'
         ORDER BY start_at, id LIMIT $3`,
        [now, `%${likeEscape(name)}%`, limit],
      );
      return rows.map((r) => ({ id: String(r.id), title: String(r.title), startAt: iso(r.start_at), location: String(r.location) }));
    },
  };
}
