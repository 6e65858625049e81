import type {
  ApplicationRecord,
  ApplicationsRepo,
  ClaimRecord,
  EnterprisePatch,
  EnterpriseRecord,
  EnterprisesRepo,
  GuidanceRecord,
  GuidanceRepo,
  JobPatch,
  JobRecord,
  JobsRepo,
  ParticipationRecord,
} from '../../core/ports';
import { notFound } from '../../core/errors';
import { insertOutbox, isUniqueViolation, iso, isoOrNull, num, str, type SqlDb, type SqlExecutor } from './db';

type Row = Record<string, unknown>;

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
    logo: r.logo_mime && r.logo_data ? { mime: String(r.logo_mime), data: String(r.logo_data) } : null,
    verified: Boolean(r.verified),
  };
}

const CLAIM_SELECT = `SELECT c.id, c.enterprise_id, e.name AS enterprise_name, e.uscc, c.openid, c.status, c.reason, c.created_at
  FROM enterprise_claims c JOIN enterprises e ON e.id = c.enterprise_id`;
function toClaim(r: Row): ClaimRecord {
  return {
    id: String(r.id),
    enterpriseId: String(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    uscc: String(r.uscc ?? ''),
    openid: String(r.openid),
    status: r.status as ClaimRecord['status'],
    reason: str(r.reason),
    createdAt: iso(r.created_at),
  };
}

const PARTICIPATION_SELECT = `SELECT p.id, p.event_id, p.enterprise_id, e.name AS enterprise_name, p.status, p.created_at
  FROM fair_participations p JOIN enterprises e ON e.id = p.enterprise_id`;
function toParticipation(r: Row): ParticipationRecord {
  return {
    id: String(r.id),
    eventId: String(r.event_id),
    enterpriseId: String(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    status: r.status as ParticipationRecord['status'],
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
  logo: ['logo_mime', 'logo_data'],
  verified: ['verified'],
};

export function sqlEnterprisesRepo(db: SqlDb): EnterprisesRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>('SELECT * FROM enterprises WHERE id = $1', [id]);
    return rows[0] ? toEnterprise(rows[0]) : null;
  };
  const claim = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>(`${CLAIM_SELECT} WHERE c.id = $1`, [id]);
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
    async update(id, patch, now) {
      const sets: string[] = [];
      const params: unknown[] = [id, now];
      for (const key of Object.keys(patch) as (keyof EnterprisePatch)[]) {
        if (patch[key] === undefined) continue;
        const value = patch[key];
        const values = key === 'logo' ? [patch.logo?.mime ?? null, patch.logo?.data ?? null] : [value];
        ENTERPRISE_COLUMNS[key].forEach((column, i) => {
          params.push(values[i]);
          sets.push(`${column} = $${params.length}`);
        });
      }
      await db.query(`UPDATE enterprises SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, params);
      const updated = await get(db, id);
      if (!updated) throw notFound('企业');
      return updated;
    },
    async insertClaim(c) {
      try {
        await db.query(
          `INSERT INTO enterprise_claims (id, enterprise_id, openid, status, reason, created_at) VALUES ($1,$2,$3,$4,$5,$6)`,
          [c.id, c.enterpriseId, c.openid, c.status, c.reason, c.createdAt],
        );
        return 'created';
      } catch (err) {
        if (isUniqueViolation(err)) return 'already-live';
        throw err;
      }
    },
    getClaim: (id) => claim(db, id),
    async liveClaimOf(openid) {
      const rows = await db.query<Row>(`${CLAIM_SELECT} WHERE c.openid = $1 ORDER BY c.created_at DESC LIMIT 1`, [openid]);
      return rows[0] ? toClaim(rows[0]) : null;
    },
    async listClaims(status) {
      const rows = status
        ? await db.query<Row>(`${CLAIM_SELECT} WHERE c.status = $1 ORDER BY c.created_at`, [status])
        : await db.query<Row>(`${CLAIM_SELECT} ORDER BY c.created_at DESC`);
      return rows.map(toClaim);
    },
    async decideClaim(id, approve, reason, by, now) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<Row>('SELECT * FROM enterprise_claims WHERE id = $1 FOR UPDATE', [id]);
        if (!rows[0]) throw notFound('认领申请');
        await tx.query('UPDATE enterprise_claims SET status = $2, reason = $3, decided_at = $4, decided_by = $5 WHERE id = $1', [
          id, approve ? 'approved' : 'rejected', reason, now, by,
        ]);
        if (approve) {
          const enterpriseId = String(rows[0].enterprise_id);
          const openid = String(rows[0].openid);
          await tx.query('UPDATE enterprises SET verified = true, updated_at = $2 WHERE id = $1', [enterpriseId, now]);
          await tx.query(
            `UPDATE users SET enterprise_id = $2,
               roles = CASE WHEN 'hr' = ANY(roles) THEN roles ELSE array_append(roles, 'hr') END, updated_at = $3
             WHERE openid = $1`,
            [openid, enterpriseId, now],
          );
        }
        return (await claim(tx, id)) as ClaimRecord;
      });
    },
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
    async decideParticipation(id, approve, reason, now) {
      const rows = await db.query('UPDATE fair_participations SET status = $2, reason = $3, decided_at = $4 WHERE id = $1 RETURNING id', [
        id, approve ? 'approved' : 'rejected', reason, now,
      ]);
      if (!rows.length) throw notFound('参会申请');
      return (await participation(db, 'p.id = $1', [id])) as ParticipationRecord;
    },
  };
}

const JOB_SELECT = `SELECT j.id, j.enterprise_id, e.name AS enterprise_name, j.event_id, j.title, j.category, j.salary_min,
  j.salary_max, j.headcount, j.district, j.place, j.requirements, j.benefits, j.status, j.created_by, j.created_at, j.updated_at
  FROM jobs j JOIN enterprises e ON e.id = j.enterprise_id`;

function toJob(r: Row): JobRecord {
  return {
    id: String(r.id),
    enterpriseId: String(r.enterprise_id),
    enterpriseName: String(r.enterprise_name),
    eventId: str(r.event_id),
    title: String(r.title),
    category: String(r.category),
    salaryMin: num(r.salary_min),
    salaryMax: num(r.salary_max),
    headcount: Number(r.headcount),
    district: String(r.district),
    place: String(r.place),
    requirements: String(r.requirements ?? ''),
    benefits: (r.benefits as string[]) ?? [],
    status: r.status as JobRecord['status'],
    createdBy: String(r.created_by),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const JOB_PATCH_COLUMNS: Record<keyof JobPatch, string> = {
  eventId: 'event_id',
  title: 'title',
  category: 'category',
  salaryMin: 'salary_min',
  salaryMax: 'salary_max',
  headcount: 'headcount',
  district: 'district',
  place: 'place',
  requirements: 'requirements',
  benefits: 'benefits',
  status: 'status',
};

export function sqlJobsRepo(db: SqlDb): JobsRepo {
  const get = async (id: string) => {
    const rows = await db.query<Row>(`${JOB_SELECT} WHERE j.id = $1`, [id]);
    return rows[0] ? toJob(rows[0]) : null;
  };
  return {
    async insert(j, terms) {
      await db.query(
        `INSERT INTO jobs (id, enterprise_id, event_id, title, category, salary_min, salary_max, headcount, district, place,
           requirements, benefits, status, search_terms, created_by, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
        [
          j.id, j.enterpriseId, j.eventId, j.title, j.category, j.salaryMin, j.salaryMax, j.headcount, j.district, j.place,
          j.requirements, j.benefits, j.status, terms, j.createdBy, j.createdAt, j.updatedAt,
        ],
      );
      return (await get(j.id)) as JobRecord;
    },
    get,
    async update(id, patch, terms, now) {
      const keys = (Object.keys(patch) as (keyof JobPatch)[]).filter((k) => patch[k] !== undefined);
      const params: unknown[] = [id, now, ...keys.map((k) => patch[k])];
      const sets = [...keys.map((k, i) => `${JOB_PATCH_COLUMNS[k]} = $${i + 3}`), 'updated_at = $2'];
      if (terms) {
        params.push(terms);
        sets.push(`search_terms = $${params.length}`);
      }
      await db.query(`UPDATE jobs SET ${sets.join(', ')} WHERE id = $1`, params);
      const updated = await get(id);
      if (!updated) throw notFound('岗位');
      return updated;
    },
    async search(q) {
      const where = [`j.status = 'open'`, 'e.verified'];
      const params: unknown[] = [];
      const add = (clause: (n: number) => string, ...values: unknown[]) => {
        where.push(clause(params.length + 1));
        params.push(...values);
      };
      if (q.terms?.length) add((n) => `j.search_terms @> $${n}::text[]`, q.terms);
      if (q.category) add((n) => `j.category = $${n}`, q.category);
      if (q.district) add((n) => `j.district = $${n}`, q.district);
      if (q.salaryAtLeast !== undefined) add((n) => `COALESCE(j.salary_max, j.salary_min) >= $${n}`, q.salaryAtLeast);
      if (q.eventId) add((n) => `j.event_id = $${n}`, q.eventId);
      if (q.enterpriseId) add((n) => `j.enterprise_id = $${n}`, q.enterpriseId);
      if (q.after) add((n) => `(j.created_at, j.id) < ($${n}, $${n + 1})`, q.after.createdAt, q.after.id);
      params.push(q.limit);
      const rows = await db.query<Row>(
        `${JOB_SELECT} WHERE ${where.join(' AND ')} ORDER BY j.created_at DESC, j.id DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map(toJob);
    },
    async listByEnterprise(enterpriseId) {
      const rows = await db.query<Row>(`${JOB_SELECT} WHERE j.enterprise_id = $1 ORDER BY j.created_at DESC, j.id DESC`, [
        enterpriseId,
      ]);
      return rows.map(toJob);
    },
  };
}

const APPLICATION_COLUMNS = `id, job_id, openid, status, name, phone, age, experience, wanted_job, note, interview_at,
  interview_place, interview_note, created_at, updated_at`;

function toApplication(r: Row): ApplicationRecord {
  return {
    id: String(r.id),
    jobId: String(r.job_id),
    openid: String(r.openid),
    status: r.status as ApplicationRecord['status'],
    resume: {
      name: String(r.name),
      phone: String(r.phone),
      age: Number(r.age),
      ...(r.experience ? { experience: String(r.experience) } : {}),
      ...(r.wanted_job ? { wantedJob: String(r.wanted_job) } : {}),
      ...(r.note ? { note: String(r.note) } : {}),
    },
    interview: r.interview_at
      ? { at: iso(r.interview_at), place: String(r.interview_place), note: str(r.interview_note) }
      : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function sqlApplicationsRepo(db: SqlDb): ApplicationsRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = $1`, [id]);
    return rows[0] ? toApplication(rows[0]) : null;
  };
  return {
    async apply(a) {
      return db.transaction(async (tx) => {
        const r = a.resume;
        await tx.query(
          `INSERT INTO applications (id, job_id, openid, status, name, phone, age, experience, wanted_job, note, created_at, updated_at)
           VALUES ($1,$2,$3,'submitted',$4,$5,$6,$7,$8,$9,$10,$10)
           ON CONFLICT (job_id, openid) DO UPDATE SET status = 'submitted', name = $4, phone = $5, age = $6,
             experience = $7, wanted_job = $8, note = $9, interview_at = NULL, interview_place = NULL, interview_note = NULL,
             updated_at = $10
           WHERE applications.status = 'withdrawn'`,
          [a.id, a.jobId, a.openid, r.name, r.phone, r.age, r.experience ?? null, r.wantedJob ?? null, r.note ?? null, a.createdAt],
        );
        const rows = await tx.query<Row>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE job_id = $1 AND openid = $2`, [
          a.jobId,
          a.openid,
        ]);
        return toApplication(rows[0]);
      });
    },
    get: (id) => get(db, id),
    async listByUser(openid) {
      const rows = await db.query<Row>(
        `SELECT ${APPLICATION_COLUMNS} FROM applications WHERE openid = $1 ORDER BY created_at DESC, id`,
        [openid],
      );
      return rows.map(toApplication);
    },
    async listByJob(jobId) {
      const rows = await db.query<Row>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE job_id = $1 ORDER BY created_at, id`, [
        jobId,
      ]);
      return rows.map(toApplication);
    },
    async change(id, now, guard, notify) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<Row>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = $1 FOR UPDATE`, [id]);
        if (!rows[0]) throw notFound('申请');
        const next = guard(toApplication(rows[0]));
        await tx.query(
          `UPDATE applications SET status = $2, interview_at = $3, interview_place = $4, interview_note = $5, updated_at = $6
           WHERE id = $1`,
          [id, next.status, next.interview?.at ?? null, next.interview?.place ?? null, next.interview?.note ?? null, now],
        );
        const after = (await get(tx, id)) as ApplicationRecord;
        const message = notify?.(after);
        if (message) {
          await insertOutbox(tx, message, now);
        }
        return after;
      });
    },
    async fairFigures(eventId) {
      const rows = await db.query<Record<string, number>>(
        `SELECT
           (SELECT count(*)::int FROM fair_participations WHERE event_id = $1 AND status = 'approved') AS enterprises,
           (SELECT count(*)::int FROM jobs WHERE event_id = $1) AS jobs,
           (SELECT COALESCE(sum(headcount), 0)::int FROM jobs WHERE event_id = $1) AS headcount,
           (SELECT count(*)::int FROM applications a JOIN jobs j ON j.id = a.job_id
              WHERE j.event_id = $1 AND a.status <> 'withdrawn') AS applications,
           (SELECT count(*)::int FROM applications a JOIN jobs j ON j.id = a.job_id
              WHERE j.event_id = $1 AND (a.status = 'interview' OR a.interview_at IS NOT NULL)) AS interviews,
           (SELECT count(*)::int FROM applications a JOIN jobs j ON j.id = a.job_id
              WHERE j.event_id = $1 AND a.status = 'hired') AS hires`,
        [eventId],
      );
      const r = rows[0];
      return {
        enterprises: Number(r.enterprises),
        jobs: Number(r.jobs),
        headcount: Number(r.headcount),
        applications: Number(r.applications),
        interviews: Number(r.interviews),
        hires: Number(r.hires),
      };
    },
  };
}

function toGuidance(r: Row): GuidanceRecord {
  return {
    id: String(r.id),
    openid: String(r.openid),
    topic: String(r.topic),
    preferredTimes: String(r.preferred_times),
    phone: String(r.phone),
    status: r.status as GuidanceRecord['status'],
    answer: str(r.answer),
    createdAt: iso(r.created_at),
    answeredAt: isoOrNull(r.answered_at),
  };
}

export function sqlGuidanceRepo(db: SqlDb): GuidanceRepo {
  const get = async (tx: SqlExecutor, id: string) => {
    const rows = await tx.query<Row>('SELECT * FROM guidance_requests WHERE id = $1', [id]);
    return rows[0] ? toGuidance(rows[0]) : null;
  };
  return {
    async insert(r) {
      await db.query(
        `INSERT INTO guidance_requests (id, openid, topic, preferred_times, phone, status, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [r.id, r.openid, r.topic, r.preferredTimes, r.phone, r.status, r.createdAt],
      );
    },
    get: (id) => get(db, id),
    async listByUser(openid) {
      const rows = await db.query<Row>('SELECT * FROM guidance_requests WHERE openid = $1 ORDER BY created_at DESC', [openid]);
      return rows.map(toGuidance);
    },
    async list(status) {
      const rows = status
        ? await db.query<Row>('SELECT * FROM guidance_requests WHERE status = $1 ORDER BY created_at', [status])
        : await db.query<Row>('SELECT * FROM guidance_requests ORDER BY created_at DESC');
      return rows.map(toGuidance);
    },
    async answer(id, answer, by, now, notify) {
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          `UPDATE guidance_requests SET status = 'answered', answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1 RETURNING id`,
          [id, answer, by, now],
        );
        if (!rows.length) throw notFound('指导预约');
        await insertOutbox(tx, notify, now);
        return (await get(tx, id)) as GuidanceRecord;
      });
    },
  };
}
