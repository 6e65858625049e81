/** Enterprises, the claims of their HR contacts, and their participation in fairs, on SQL. */
import type {
  ClaimRecord,
  EnterprisePatch,
  EnterpriseRecord,
  EnterprisesRepo,
  ParticipationPatch,
  ParticipationRecord,
} from '../../core/ports';
import { notFound } from '../../core/errors';
import { isUniqueViolation, iso, str, type SqlDb, type SqlExecutor } from './db';
import { guardedChange, setClause, type Row } from './recruitment-rows';
import { insertAudit } from './audit-repo';

function toEnterprise(r: Row): EnterpriseRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    uscc: str(r.uscc),
    industry: str(r.industry),
    size: str(r.size),
    address: str(r.address),
    contactName: str(r.contact_name),
    contactPhone: str(r.contact_phone),
    intro: str(r.intro),
    logo: logoOf(r),
    verified: Boolean(r.verified),
  };
}

/**
 * The logo's address. A logo kept inline before migration 14 that the migration could not move (its base64 did not
 * decode) is still shown, as a data: URL, rather than lost.
 */
function logoOf(r: Row): EnterpriseRecord['logo'] {
  if (r.logo_url) return { url: String(r.logo_url) };
  if (r.logo_mime && r.logo_data) return { url: `data:${String(r.logo_mime)};base64,${String(r.logo_data)}` };
  return null;
}

/** A claim shows what its claimant typed, never the enterprise's current name. */
const CLAIM_SELECT = `SELECT id, enterprise_id, name, uscc, claimant_name, claimant_phone, openid, status, reason, created_at
  FROM enterprise_claims`;
function toClaim(r: Row): ClaimRecord {
  return {
    id: String(r.id),
    enterpriseId: str(r.enterprise_id),
    enterpriseName: String(r.name),
    uscc: String(r.uscc),
    claimantName: str(r.claimant_name),
    claimantPhone: str(r.claimant_phone),
    openid: String(r.openid),
    status: r.status as ClaimRecord['status'],
    reason: str(r.reason),
    createdAt: iso(r.created_at),
  };
}

const PARTICIPATION_SELECT = `SELECT p.id, p.event_id, p.enterprise_id, e.name AS enterprise_name, p.status, p.reason, p.note, p.created_at
  FROM fair_participations p JOIN enterprises e ON e.id = p.enterprise_id`;
function toParticipation(r: Row): ParticipationRecord {
  return {
    id: String(r.id),
    eventId: String(r.event_id),
    enterpriseId: String(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    status: r.status as ParticipationRecord['status'],
    reason: str(r.reason),
    note: str(r.note),
    createdAt: iso(r.created_at),
  };
}

const ENTERPRISE_COLUMNS: Record<keyof EnterprisePatch, string[]> = {
  name: ['name'],
  industry: ['industry'],
  size: ['size'],
  address: ['address'],
  contactName: ['contact_name'],
  contactPhone: ['contact_phone'],
  intro: ['intro'],
  // Setting the address also clears a legacy inline logo.
  logo: ['logo_url', 'logo_mime', 'logo_data'],
  verified: ['verified'],
};

const PARTICIPATION_COLUMNS: Record<keyof ParticipationPatch, string> = {
  status: 'status',
  reason: 'reason',
  note: 'note',
  decidedBy: 'decided_by',
};

export function sqlEnterprisesRepo(db: SqlDb): EnterprisesRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>('SELECT * FROM enterprises WHERE id = $1', [id]);
    return rows[0] ? toEnterprise(rows[0]) : null;
  };
  const claim = async (tx: SqlExecutor, id: string, lock = '') => {
    const rows = await tx.query<Row>(`${CLAIM_SELECT} WHERE id = $1 ${lock}`, [id]);
    return rows[0] ? toClaim(rows[0]) : null;
  };
  const participation = async (tx: SqlExecutor, where: string, params: unknown[]) => {
    const rows = await tx.query<Row>(`${PARTICIPATION_SELECT} WHERE ${where}`, params);
    return rows[0] ? toParticipation(rows[0]) : null;
  };
  return {
    get: (id) => get(db, id),
    async findByUscc(uscc) {
      const rows = await db.query<Row>('SELECT * FROM enterprises WHERE uscc = $1', [uscc]);
      return rows[0] ? toEnterprise(rows[0]) : null;
    },
    async ensure(e, now) {
      await db.query(
        `INSERT INTO enterprises (id, name, uscc, verified, created_at, updated_at) VALUES ($1, $2, $3, false, $4, $4)
         ON CONFLICT (uscc) DO NOTHING`,
        [e.id, e.name, e.uscc, now],
      );
      const rows = await db.query<Row>('SELECT * FROM enterprises WHERE uscc = $1', [e.uscc]);
      return toEnterprise(rows[0]);
    },
    async update(id, patch, now, audit) {
      const sets: string[] = [];
      const params: unknown[] = [id, now];
      for (const key of Object.keys(patch) as (keyof EnterprisePatch)[]) {
        if (patch[key] === undefined) continue;
        const value = patch[key];
        const values = key === 'logo' ? [patch.logo?.url ?? null, null, null] : [value];
        ENTERPRISE_COLUMNS[key].forEach((column, i) => {
          params.push(values[i]);
          sets.push(`${column} = $${params.length}`);
        });
      }
      return db.transaction(async (tx) => {
        const changed = await tx.query(`UPDATE enterprises SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING id`, params);
        if (!changed.length) throw notFound('企业');
        if (audit) await insertAudit(tx, { ...audit, at: now });
        return (await get(tx, id)) as EnterpriseRecord;
      });
    },
    async insertClaim(c) {
      try {
        await db.query(
          `INSERT INTO enterprise_claims (id, name, uscc, claimant_name, claimant_phone, openid, status, reason, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
          [c.id, c.enterpriseName, c.uscc, c.claimantName, c.claimantPhone, c.openid, c.status, c.reason, c.createdAt],
        );
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'already-live';
        throw err;
      }
    },
    getClaim: (id) => claim(db, id),
    async liveClaimOf(openid) {
      const rows = await db.query<Row>(`${CLAIM_SELECT} WHERE openid = $1 ORDER BY created_at DESC LIMIT 1`, [openid]);
      return rows[0] ? toClaim(rows[0]) : null;
    },
    async listClaims(status) {
      const rows = status
        ? await db.query<Row>(`${CLAIM_SELECT} WHERE status = $1 ORDER BY created_at`, [status])
        : await db.query<Row>(`${CLAIM_SELECT} ORDER BY created_at DESC`);
      return rows.map(toClaim);
    },
    decideClaim: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '认领申请',
        {
          async lock(tx) {
            const current = await claim(tx, id, 'FOR UPDATE');
            if (!current) return null;
            const rows = await tx.query<Row>('SELECT * FROM enterprises WHERE uscc = $1 FOR UPDATE', [current.uscc]);
            return { claim: current, enterprise: rows[0] ? toEnterprise(rows[0]) : null };
          },
          async write(tx, d) {
            let enterpriseId: string | null = null;
            if (d.approval) {
              const a = d.approval;
              // A concurrent approval may have created the enterprise since the lock: the code's holder is the one.
              await tx.query(
                `INSERT INTO enterprises (id, name, uscc, verified, created_at, updated_at) VALUES ($1, $2, $3, true, $4, $4)
                 ON CONFLICT (uscc) DO NOTHING`,
                [a.newEnterpriseId, a.name ?? a.uscc, a.uscc, now],
              );
              const held = await tx.query<{ id: string }>(
                `UPDATE enterprises SET verified = true, name = COALESCE($2, name), updated_at = $3 WHERE uscc = $1 RETURNING id`,
                [a.uscc, a.name, now],
              );
              enterpriseId = held[0].id;
              await tx.query(
                `UPDATE users SET enterprise_id = $2,
                   roles = CASE WHEN 'hr' = ANY(roles) THEN roles ELSE array_append(roles, 'hr') END, updated_at = $3
                 WHERE openid = $1`,
                [a.openid, enterpriseId, now],
              );
            }
            await tx.query(
              `UPDATE enterprise_claims SET status = $2, reason = $3, decided_at = $4, decided_by = $5, enterprise_id = $6 WHERE id = $1`,
              [id, d.status, d.reason, now, d.decidedBy, enterpriseId],
            );
          },
          async read(tx) {
            const decided = await claim(tx, id);
            const enterprise = decided?.enterpriseId ? await get(tx, decided.enterpriseId) : null;
            return { claim: decided as ClaimRecord, enterprise };
          },
        },
        guard,
      ).then((state) => state.claim),
    async joinFair(p) {
      await db.query(
        `INSERT INTO fair_participations (id, event_id, enterprise_id, status, created_at) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (event_id, enterprise_id) DO NOTHING`,
        [p.id, p.eventId, p.enterpriseId, p.status, p.createdAt],
      );
      return (await participation(db, 'p.event_id = $1 AND p.enterprise_id = $2', [p.eventId, p.enterpriseId])) as ParticipationRecord;
    },
    getParticipation: (id) => participation(db, 'p.id = $1', [id]),
    participation: (eventId, enterpriseId) => participation(db, 'p.event_id = $1 AND p.enterprise_id = $2', [eventId, enterpriseId]),
    async listParticipations(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.eventId) {
        params.push(q.eventId);
        where.push(`p.event_id = $${params.length}`);
      }
      if (q.status) {
        params.push(q.status);
        where.push(`p.status = $${params.length}`);
      }
      const rows = await db.query<Row>(
        `${PARTICIPATION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.created_at`,
        params,
      );
      return rows.map(toParticipation);
    },
    changeParticipation: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '参会申请',
        {
          lock: (tx) => participation(tx, 'p.id = $1 FOR UPDATE OF p', [id]),
          async write(tx, patch) {
            const decided = patch.decidedBy !== undefined;
            const { sets, params } = setClause(patch, PARTICIPATION_COLUMNS, decided ? 2 : 1);
            if (!sets.length) return;
            await tx.query(
              `UPDATE fair_participations SET ${[...sets, ...(decided ? ['decided_at = $2'] : [])].join(', ')} WHERE id = $1`,
              [id, ...(decided ? [now] : []), ...params],
            );
          },
          read: async (tx) => (await participation(tx, 'p.id = $1', [id])) as ParticipationRecord,
        },
        guard,
      ),
  };
}
