/**
 * Applying for a job with a short résumé. The applicant's phone and résumé are seen by the HR contacts of the
 * enterprise that owns the job and by staff — nobody else (another enterprise's HR is told it does not exist).
 */
import type { Application, ApplicationWithJob, HrMark, InterviewInvite, Resume } from '@shared/recruitment';
import { caller, isStaff, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { ApplicationRecord, JobRecord } from '../core/ports';
import { toJob } from './jobs';
import { assertMayApplyAgain, markApplicationRule, withdrawApplicationRule } from './rules';

const toApplication = (a: ApplicationRecord): Application => {
  const { openid: _openid, ...rest } = a;
  return rest as Application;
};

export async function applyForJob(ctx: Ctx, input: { jobId: string; resume: Resume }): Promise<Application> {
  const user = caller(ctx);
  const job = await ctx.deps.repos.jobs.get(input.jobId);
  if (!job) throw notFound('岗位');
  const existing = (await ctx.deps.repos.applications.listByUser(user.openid)).find((a) => a.jobId === job.id);
  if (existing) {
    assertMayApplyAgain(existing);
    return toApplication(existing);
  }
  if (job.status !== 'open') throw new DomainError('INVALID_TRANSITION', '该岗位已停止招聘');
  const application = await ctx.deps.repos.applications.apply({
    id: ctx.deps.newId(),
    jobId: job.id,
    openid: user.openid,
    status: 'submitted',
    resume: input.resume,
    interview: null,
    reason: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  // Two applies at once: the later answers the one stored, under the same rule as a later retry.
  assertMayApplyAgain(application);
  await ctx.deps.repos.users.saveResume(user.openid, input.resume, ctx.now);
  return toApplication(application);
}

export async function myApplications(ctx: Ctx): Promise<ApplicationWithJob[]> {
  const records = await ctx.deps.repos.applications.listByUser(caller(ctx).openid);
  const jobs = new Map<string, JobRecord | null>();
  for (const id of new Set(records.map((r) => r.jobId))) jobs.set(id, await ctx.deps.repos.jobs.get(id));
  return records.flatMap((r) => {
    const job = jobs.get(r.jobId);
    return job ? [{ ...toApplication(r), job: toJob(job) }] : [];
  });
}

export async function withdrawApplication(ctx: Ctx, input: { id: string }): Promise<Application> {
  const user = caller(ctx);
  const current = await ctx.deps.repos.applications.get(input.id);
  if (!current || current.openid !== user.openid) throw notFound('申请');
  return toApplication(await ctx.deps.repos.applications.change(input.id, ctx.now, withdrawApplicationRule(user.openid)));
}

/** HR of the owning enterprise, or staff; for anyone else the job's applicants do not exist. */
async function loadJobForReviewer(ctx: Ctx, jobId: string): Promise<JobRecord> {
  const user = caller(ctx);
  const job = await ctx.deps.repos.jobs.get(jobId);
  const owns = !!job && user.roles.includes('hr') && user.enterpriseId === job.enterpriseId;
  if (!job || !(owns || isStaff(user))) throw notFound('岗位');
  return job;
}

/** Résumés and phones of everyone who applied: a full read of personal data, on the record. */
export async function applicationsForJob(ctx: Ctx, input: { jobId: string }): Promise<Application[]> {
  const job = await loadJobForReviewer(ctx, input.jobId);
  const applications = await ctx.deps.repos.applications.listByJob(input.jobId);
  await ctx.deps.repos.audit.record({
    actor: caller(ctx).openid,
    action: 'applications.read',
    recordType: 'job',
    recordId: job.id,
    detail: `查看应聘人 ${applications.length} 人`,
    at: ctx.now,
  });
  return applications.map(toApplication);
}

export async function markApplication(
  ctx: Ctx,
  input: { id: string; status: HrMark; interview?: { at: string; place: string; note?: string }; reason?: string },
): Promise<Application> {
  const current = await ctx.deps.repos.applications.get(input.id);
  if (!current) throw notFound('申请');
  const job = await loadJobForReviewer(ctx, current.jobId);
  const interview: InterviewInvite | null = input.interview
    ? { at: input.interview.at, place: input.interview.place, note: input.interview.note ?? null }
    : null;
  const rule = markApplicationRule({
    to: input.status,
    interview,
    reason: input.reason ?? null,
    by: caller(ctx).openid,
    now: ctx.now,
    jobTitle: job.title,
  });
  return toApplication(await ctx.deps.repos.applications.change(input.id, ctx.now, rule));
}
