/**
 * 云招聘 on CloudBase: enterprises and their claims, fair participation, jobs, applications, 就业指导.
 * What SQL keeps with UNIQUE constraints (a USCC, one live claim per person, an enterprise once per fair, one application
 * per person per job) is kept here by `unique_keys` documents claimed in the writing transaction; what SQL joins
 * (enterprise names, verified enterprises) is read in a second query with a projection that leaves the logo out.
 */
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
import {
  claimUnique,
  getAll,
  getOne,
  inTransaction,
  isoOf,
  isoOrNull,
  releaseUnique,
  strOrNull,
  toDate,
  type CloudDb,
  type Doc,
  type Where,
} from './db';
import { addToOutbox } from './outbox-repo';

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const usccKey = (uscc: string) => `uscc:${uscc}`;
const liveClaimKey = (openid: string) => `claim:${openid}`;
const fairKey = (eventId: string, enterpriseId: string) => `fair:${eventId}:${enterpriseId}`;
const applicationKey = (jobId: string, openid: string) => `application:${jobId}:${openid}`;

function toEnterprise(d: Doc): EnterpriseRecord {
  const logo = d.logo as { mime?: unknown; data?: unknown } | null | undefined;
  return {
    id: d._id,
    name: String(d.name),
    uscc: strOrNull(d.uscc),
    industry: strOrNull(d.industry),
    size: strOrNull(d.size),
    address: strOrNull(d.address),
    contactName: strOrNull(d.contactName),
    contactPhone: strOrNull(d.contactPhone),
    intro: strOrNull(d.intro),
    logo: logo?.mime && logo?.data ? { mime: String(logo.mime), data: String(logo.data) } : null,
    verified: Boolean(d.verified),
  };
}

/** Enterprise names (and USCC, verified) by id, for the records that show them; never the logo. */
async function enterpriseFacts(db: CloudDb, ids: string[]): Promise<Map<string, Doc>> {
  const unique = [...new Set(ids)];
  const facts = new Map<string, Doc>();
  for (let i = 0; i < unique.length; i += 100) {
    const page = unique.slice(i, i + 100);
    const docs = await getAll(
      db.collection('enterprises').where({ _id: db.command.in(page) }).field({ name: true, uscc: true, verified: true }),
    );
    for (const d of docs) facts.set(d._id, d);
  }
  return facts;
}

function toClaim(d: Doc, enterprise: Doc | undefined): ClaimRecord {
  return {
    id: d._id,
    enterpriseId: String(d.enterpriseId),
    enterpriseName: String(enterprise?.name ?? ''),
    uscc: String(enterprise?.uscc ?? ''),
    openid: String(d.openid),
    status: d.status as ClaimRecord['status'],
    reason: strOrNull(d.reason),
    createdAt: isoOf(d.createdAt),
  };
}

function toParticipation(d: Doc, enterprise: Doc | undefined): ParticipationRecord {
  return {
    id: d._id,
    eventId: String(d.eventId),
    enterpriseId: String(d.enterpriseId),
    enterpriseName: String(enterprise?.name ?? ''),
    status: d.status as ParticipationRecord['status'],
    createdAt: isoOf(d.createdAt),
  };
}

export function cloudbaseEnterprisesRepo(db: CloudDb): EnterprisesRepo {
  const enterprises = () => db.collection('enterprises');
  const claims = () => db.collection('enterprise_claims');
  const participations = () => db.collection('fair_participations');

  const get = async (id: string) => {
    const { data } = await enterprises().doc(id).get();
    return data ? toEnterprise(data) : null;
  };
  const claimsWithEnterprise = async (docs: Doc[]) => {
    const facts = await enterpriseFacts(db, docs.map((d) => String(d.enterpriseId)));
    return docs.map((d) => toClaim(d, facts.get(String(d.enterpriseId))));
  };
  const participationsWithEnterprise = async (docs: Doc[]) => {
    const facts = await enterpriseFacts(db, docs.map((d) => String(d.enterpriseId)));
    return docs.map((d) => toParticipation(d, facts.get(String(d.enterpriseId))));
  };
  const getClaim = async (id: string) => {
    const { data } = await claims().doc(id).get();
    return data ? (await claimsWithEnterprise([data]))[0] : null;
  };
  const getParticipation = async (id: string) => {
    const { data } = await participations().doc(id).get();
    return data ? (await participationsWithEnterprise([data]))[0] : null;
  };

  return {
    get,

    async findByUscc(uscc) {
      const doc = await getOne(enterprises().where({ uscc }));
      return doc ? toEnterprise(doc) : null;
    },

    async ensure(e, now) {
      const id = await inTransaction(db, async (tx) => {
        if (e.uscc) {
          const holder = await claimUnique(tx, usccKey(e.uscc), e.id);
          if (holder) return holder;
        }
        const { id: _omit, ...fields } = e;
        void _omit;
        await tx.collection('enterprises').add({
          data: { _id: e.id, ...fields, verified: false, createdAt: toDate(now), updatedAt: toDate(now) },
        });
        return e.id;
      });
      const stored = await get(id);
      if (!stored) throw new Error(`enterprise ${id} missing right after insert`);
      return stored;
    },

    async update(id, patch, now) {
      const data: Record<string, unknown> = { updatedAt: toDate(now) };
      for (const [key, value] of Object.entries(patch as EnterprisePatch)) {
        // The logo is replaced whole (an update would merge a new logo's fields into the old one, or fail on null).
        if (value !== undefined) data[key] = key === 'logo' ? db.command.set(value) : value;
      }
      await enterprises().where({ _id: id }).update({ data });
      const updated = await get(id);
      if (!updated) throw notFound('企业');
      return updated;
    },

    async insertClaim(c) {
      return inTransaction(db, async (tx) => {
        if (await claimUnique(tx, liveClaimKey(c.openid), c.id)) return 'already-live' as const;
        await tx.collection('enterprise_claims').add({
          data: { _id: c.id, enterpriseId: c.enterpriseId, openid: c.openid, status: c.status, reason: c.reason, createdAt: toDate(c.createdAt) },
        });
        return 'created' as const;
      });
    },

    getClaim,

    async liveClaimOf(openid) {
      const doc = await getOne(claims().where({ openid }).orderBy('createdAt', 'desc'));
      return doc ? (await claimsWithEnterprise([doc]))[0] : null;
    },

    async listClaims(status) {
      const query = status ? claims().where({ status }).orderBy('createdAt', 'asc') : claims().orderBy('createdAt', 'desc');
      return claimsWithEnterprise(await getAll(query));
    },

    async decideClaim(id, approve, reason, by, now) {
      await inTransaction(db, async (tx) => {
        const ref = tx.collection('enterprise_claims').doc(id);
        const { data } = await ref.get();
        if (!data) throw notFound('认领申请');
        await ref.update({
          data: { status: approve ? 'approved' : 'rejected', reason, decidedAt: toDate(now), decidedBy: by },
        });
        const openid = String(data.openid);
        if (!approve) {
          // A rejected claim is no longer live: the person may claim again.
          if (data.status !== 'rejected') await releaseUnique(tx, liveClaimKey(openid));
          return;
        }
        const enterpriseId = String(data.enterpriseId);
        await tx.collection('enterprises').doc(enterpriseId).update({ data: { verified: true, updatedAt: toDate(now) } });
        await tx.collection('users').doc(openid).update({
          data: { enterpriseId, roles: db.command.addToSet('hr'), updatedAt: toDate(now) },
        });
      });
      return (await getClaim(id)) as ClaimRecord;
    },

    async joinFair(p) {
      const id = await inTransaction(db, async (tx) => {
        const holder = await claimUnique(tx, fairKey(p.eventId, p.enterpriseId), p.id);
        if (holder) return holder;
        await tx.collection('fair_participations').add({
          data: { _id: p.id, eventId: p.eventId, enterpriseId: p.enterpriseId, status: p.status, reason: null, createdAt: toDate(p.createdAt) },
        });
        return p.id;
      });
      return (await getParticipation(id)) as ParticipationRecord;
    },

    getParticipation,

    async participation(eventId, enterpriseId) {
      const doc = await getOne(participations().where({ eventId, enterpriseId }));
      return doc ? (await participationsWithEnterprise([doc]))[0] : null;
    },

    async listParticipations(q) {
      const where: Where = {};
      if (q.eventId) where.eventId = q.eventId;
      if (q.status) where.status = q.status;
      return participationsWithEnterprise(await getAll(participations().where(where).orderBy('createdAt', 'asc')));
    },

    async decideParticipation(id, approve, reason, now) {
      const { stats } = await participations()
        .where({ _id: id })
        .update({ data: { status: approve ? 'approved' : 'rejected', reason, decidedAt: toDate(now) } });
      if (!stats.updated && !(await participations().doc(id).get()).data) throw notFound('参会申请');
      return (await getParticipation(id)) as ParticipationRecord;
    },
  };
}

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
            createdAt: toDate(a.createdAt), updatedAt: toDate(a.createdAt),
          };
          await tx.collection('applications').add({ data: fresh });
          return fresh as Doc;
        }
        const ref = tx.collection('applications').doc(holder);
        const { data: existing } = await ref.get();
        if (!existing) throw new Error(`application ${holder} held its key but is missing`);
        if (existing.status !== 'withdrawn') return existing;
        // Applying again after withdrawing reopens the same application with the new résumé.
        const reopened = { status: 'submitted', resume: resumeDoc(a.resume), interview: null, updatedAt: toDate(a.createdAt) };
        await ref.update({ data: { ...reopened, resume: _.set(reopened.resume) } });
        return { ...existing, ...reopened };
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

    async change(id, now, guard, notify) {
      return inTransaction(db, async (tx) => {
        const ref = tx.collection('applications').doc(id);
        const { data } = await ref.get();
        if (!data) throw notFound('申请');
        const next = guard(toApplication(data));
        const written = { status: next.status, interview: interviewDoc(next.interview), updatedAt: toDate(now) };
        await ref.update({ data: { ...written, interview: _.set(written.interview) } });
        const after = toApplication({ ...data, ...written });
        const message = notify?.(after);
        if (message) await addToOutbox(tx, [{ ...message, createdAt: now }]);
        return after;
      });
    },

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

    async answer(id, answer, by, now, notify) {
      return inTransaction(db, async (tx) => {
        const ref = tx.collection('guidance_requests').doc(id);
        const { data } = await ref.get();
        if (!data) throw notFound('指导预约');
        const answered = { status: 'answered', answer, answeredBy: by, answeredAt: toDate(now) };
        await ref.update({ data: answered });
        await addToOutbox(tx, [{ ...notify, createdAt: now }]);
        return toGuidance({ ...data, ...answered });
      });
    },
  };
}
