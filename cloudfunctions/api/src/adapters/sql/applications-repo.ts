/** Applications for jobs, one per person per job, on SQL. */
import type { ApplicationRecord, ApplicationsRepo } from '../../core/ports';
import { iso, str, type SqlDb, type SqlExecutor } from './db';
import { guardedChange, type Row } from './recruitment-rows';

const APPLICATION_COLUMNS = `id, job_id, openid, status, name, phone, age, experience, wanted_job, note, interview_at,
  interview_place, interview_note, reason, created_at, updated_at`;

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
    reason: str(r.reason),
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
      const r = a.resume;
      // An application once made is answered as it stands: applying again never reopens or erases it.
      await db.query(
        `INSERT INTO applications (id, job_id, openid, status, name, phone, age, experience, wanted_job, note, created_at, updated_at)
         VALUES ($1,$2,$3,'submitted',$4,$5,$6,$7,$8,$9,$10,$10)
         ON CONFLICT (job_id, openid) DO NOTHING`,
        [a.id, a.jobId, a.openid, r.name, r.phone, r.age, r.experience ?? null, r.wantedJob ?? null, r.note ?? null, a.createdAt],
      );
      const rows = await db.query<Row>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE job_id = $1 AND openid = $2`, [
        a.jobId,
        a.openid,
      ]);
      return toApplication(rows[0]);
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
    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '申请',
        {
          async lock(tx) {
            const rows = await tx.query<Row>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = $1 FOR UPDATE`, [id]);
            return rows[0] ? toApplication(rows[0]) : null;
          },
          async write(tx, patch) {
            const columns: Record<string, unknown> = {};
            if (patch.status !== undefined) columns.status = patch.status;
            if (patch.reason !== undefined) columns.reason = patch.reason;
            if (patch.interview !== undefined) {
              columns.interview_at = patch.interview?.at ?? null;
              columns.interview_place = patch.interview?.place ?? null;
              columns.interview_note = patch.interview?.note ?? null;
            }
            const names = Object.keys(columns);
            if (!names.length) return;
            await tx.query(
              `UPDATE applications SET ${names.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = $2 WHERE id = $1`,
              [id, now, ...Object.values(columns)],
            );
          },
          read: async (tx) => (await get(tx, id)) as ApplicationRecord,
        },
        guard,
      ),
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
