/** Applications for jobs, one per person per job, on CloudBase. */
import type { ApplicationRecord, ApplicationsRepo } from '../../core/ports';
import { claimUnique, getAll, inTransaction, isoOf, strOrNull, toDate, type CloudDb, type Doc } from './db';
import { applicationKey, definedFields, guardedChange } from './recruitment-docs';

function toApplication(d: Doc): ApplicationRecord {
  const resume = (d.resume ?? {}) as Record<string, unknown>;
  const interview = d.interview as { at?: unknown; place?: unknown; note?: unknown } | null | undefined;
  return {
    id: d._id,
    jobId: String(d.jobId),
    openid: String(d.openid),
    status: d.status as ApplicationRecord['status'],
    resume: {
      name: String(resume.name),
      phone: String(resume.phone),
      age: Number(resume.age),
      ...(resume.experience ? { experience: String(resume.experience) } : {}),
      ...(resume.wantedJob ? { wantedJob: String(resume.wantedJob) } : {}),
      ...(resume.note ? { note: String(resume.note) } : {}),
    },
    interview: interview?.at ? { at: isoOf(interview.at), place: String(interview.place), note: strOrNull(interview.note) } : null,
    reason: strOrNull(d.reason),
    createdAt: isoOf(d.createdAt),
    updatedAt: isoOf(d.updatedAt),
  };
}

const interviewDoc = (i: ApplicationRecord['interview']) => (i ? { at: toDate(i.at), place: i.place, note: i.note } : null);

/** The résumé as stored: only the fields given (an absent optional field stays absent). */
const resumeDoc = (r: ApplicationRecord['resume']) =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== null && v !== ''));

export function cloudbaseApplicationsRepo(db: CloudDb): ApplicationsRepo {
  const _ = db.command;
  const applications = () => db.collection('applications');
  const get = async (id: string) => {
    const { data } = await applications().doc(id).get();
    return data ? toApplication(data) : null;
  };

  return {
    async apply(a) {
      const doc = await inTransaction(db, async (tx) => {
        const holder = await claimUnique(tx, applicationKey(a.jobId, a.openid), a.id);
        if (!holder) {
          const fresh = {
            _id: a.id, jobId: a.jobId, openid: a.openid, status: 'submitted', resume: resumeDoc(a.resume), interview: null,
            reason: null, createdAt: toDate(a.createdAt), updatedAt: toDate(a.createdAt),
          };
          await tx.collection('applications').add({ data: fresh });
          return fresh as Doc;
        }
        // An application once made is answered as it stands: applying again never reopens or erases it.
        const { data: existing } = await tx.collection('applications').doc(holder).get();
        if (!existing) throw new Error(`application ${holder} held its key but is missing`);
        return existing;
      });
      return toApplication(doc);
    },

    get,

    async listByUser(openid) {
      return (await getAll(applications().where({ openid }).orderBy('createdAt', 'desc').orderBy('_id', 'asc'))).map(toApplication);
    },

    async listByJob(jobId) {
      return (await getAll(applications().where({ jobId }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'))).map(toApplication);
    },

    change: (id, now, guard) =>
      guardedChange(
        db,
        now,
        '申请',
        {
          async read(tx) {
            const { data } = await tx.collection('applications').doc(id).get();
            return data ? toApplication(data) : null;
          },
          async write(tx, patch, current) {
            const fields = definedFields(patch);
            if (!Object.keys(fields).length) return current;
            const written: Record<string, unknown> = { ...fields, updatedAt: toDate(now) };
            // The invitation is replaced whole (an update would merge the new one into the old).
            if ('interview' in fields) written.interview = _.set(interviewDoc(patch.interview ?? null));
            await tx.collection('applications').doc(id).update({ data: written });
            return { ...current, ...fields, updatedAt: now } as ApplicationRecord;
          },
        },
        guard,
      ),

    async fairFigures(eventId) {
      const [enterprises, fairJobs] = await Promise.all([
        db.collection('fair_participations').where({ eventId, status: 'approved' }).count(),
        getAll(db.collection('jobs').where({ eventId }).field({ headcount: true })),
      ]);
      const figures = { applications: 0, interviews: 0, hires: 0 };
      const jobIds = fairJobs.map((j) => j._id);
      for (let i = 0; i < jobIds.length; i += 100) {
        const jobIn = { jobId: _.in(jobIds.slice(i, i + 100)) };
        const [applied, interviews, hires] = await Promise.all([
          applications().where({ ...jobIn, status: _.neq('withdrawn') }).count(),
          applications().where(_.and(jobIn, _.or({ status: 'interview' }, { 'interview.at': _.neq(null) }))).count(),
          applications().where({ ...jobIn, status: 'hired' }).count(),
        ]);
        figures.applications += applied.total;
        figures.interviews += interviews.total;
        figures.hires += hires.total;
      }
      return {
        enterprises: enterprises.total,
        jobs: fairJobs.length,
        headcount: fairJobs.reduce((sum, j) => sum + Number(j.headcount ?? 0), 0),
        ...figures,
      };
    },
  };
}
