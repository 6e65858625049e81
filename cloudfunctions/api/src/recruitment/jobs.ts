/** Jobs belong to an enterprise (and optionally a fair); only its approved HR contacts post or change them. */
import type { Page } from '@shared/common';
import type { Job, JobCategory, JobCreateInput, JobDetail, JobSearchInput, JobUpdateInput } from '@shared/recruitment';
import { BENEFIT_LABELS, JOB_CATEGORY_LABELS } from '@shared/labels';
import { caller, type Ctx } from '../core/context';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { DomainError, notFound } from '../core/errors';
import type { JobPatch, JobRecord } from '../core/ports';
import { approvedEnterpriseOf, toEnterprise } from './enterprises';
import { loadFair } from './fairs';
import { keywordTerms, termsOf } from '../search/terms';

const DEFAULT_PAGE = 20;

export function toJob(j: JobRecord): Job {
  const { createdBy: _createdBy, ...rest } = j;
  return rest as Job;
}

/**
 * The words people search a category by, beyond its label: a rider types 骑手, not 快递外卖. Each is its own text,
 * so no pair is made across two words.
 */
export const CATEGORY_SYNONYMS: Record<JobCategory, readonly string[]> = {
  delivery: ['骑手', '外卖', '快递', '快递员', '配送', '送餐', '跑腿', '分拣'],
  driving: ['司机', '驾驶', '驾驶员', '货车', '网约车', '开车', '代驾'],
  manufacturing: ['普工', '操作工', '工人', '生产', '车间', '装配', '流水线', '技工'],
  service: ['服务员', '保洁', '家政', '餐饮', '保安', '物业'],
  sales: ['销售', '营销', '导购', '业务员', '客服'],
  office: ['文员', '行政', '前台', '助理', '办公室'],
  tech: ['技术', '研发', '运维', '工程师', '电工'],
  other: [],
};

export function searchTermsOf(j: Pick<JobRecord, 'title' | 'category' | 'enterpriseName' | 'place' | 'benefits'>): string[] {
  const category = JOB_CATEGORY_LABELS[j.category as keyof typeof JOB_CATEGORY_LABELS] ?? '';
  const synonyms = CATEGORY_SYNONYMS[j.category as JobCategory] ?? [];
  const benefits = j.benefits.map((b) => BENEFIT_LABELS[b as keyof typeof BENEFIT_LABELS] ?? '');
  return termsOf(j.title, category, ...synonyms, j.enterpriseName, j.place, ...benefits);
}

/** A job at a fair needs the enterprise's approved place at that fair. */
async function assertMayPostAt(ctx: Ctx, enterpriseId: string, eventId: string | null | undefined): Promise<void> {
  if (!eventId) return;
  await loadFair(ctx, eventId);
  const p = await ctx.deps.repos.enterprises.participation(eventId, enterpriseId);
  if (p?.status !== 'approved') {
    throw new DomainError('INVALID_TRANSITION', '请先报名参加该招聘会并通过审核，再发布岗位');
  }
}

async function loadOwnJob(ctx: Ctx, id: string): Promise<JobRecord> {
  const enterpriseId = approvedEnterpriseOf(caller(ctx));
  const job = await ctx.deps.repos.jobs.get(id);
  // Another enterprise's job does not exist for this HR contact.
  if (!job || job.enterpriseId !== enterpriseId) throw notFound('岗位');
  return job;
}

export async function createJob(ctx: Ctx, input: JobCreateInput): Promise<Job> {
  const user = caller(ctx);
  const enterpriseId = approvedEnterpriseOf(user);
  await assertMayPostAt(ctx, enterpriseId, input.eventId);
  const enterprise = await ctx.deps.repos.enterprises.get(enterpriseId);
  if (!enterprise) throw notFound('企业');
  const record: Omit<JobRecord, 'enterpriseName'> = {
    id: ctx.deps.newId(),
    enterpriseId,
    eventId: input.eventId ?? null,
    title: input.title,
    category: input.category,
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    headcount: input.headcount,
    district: input.district,
    place: input.place,
    requirements: input.requirements ?? '',
    benefits: input.benefits ?? [],
    status: 'open',
    createdBy: user.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return toJob(await ctx.deps.repos.jobs.insert(record, searchTermsOf({ ...record, enterpriseName: enterprise.name })));
}

export async function updateJob(ctx: Ctx, input: JobUpdateInput): Promise<Job> {
  const current = await loadOwnJob(ctx, input.id);
  const { id, ...patch } = input;
  if (patch.eventId !== undefined && patch.eventId !== current.eventId) await assertMayPostAt(ctx, current.enterpriseId, patch.eventId);
  // A field given as undefined is a field not given (the repository skips it too): it must not blank the merged job.
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const merged = { ...current, ...given } as JobRecord;
  if (merged.salaryMin != null && merged.salaryMax != null && merged.salaryMax < merged.salaryMin) {
    throw new DomainError('INVALID_INPUT', '最高月薪不能低于最低月薪', [{ path: ['salaryMax'], message: '最高月薪不能低于最低月薪' }]);
  }
  return toJob(await ctx.deps.repos.jobs.update(id, patch as JobPatch, searchTermsOf(merged), ctx.now));
}

/** Closing keeps every application; reopening lets people apply again. */
export async function setJobStatus(ctx: Ctx, input: { id: string; status: 'open' | 'closed' }): Promise<Job> {
  await loadOwnJob(ctx, input.id);
  return toJob(await ctx.deps.repos.jobs.update(input.id, { status: input.status }, null, ctx.now));
}

export async function searchJobs(ctx: Ctx, input: JobSearchInput): Promise<Page<Job>> {
  const limit = input.limit ?? DEFAULT_PAGE;
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await ctx.deps.repos.jobs.search({
    terms: input.keyword ? keywordTerms(input.keyword) : undefined,
    category: input.category,
    district: input.district,
    salaryAtLeast: input.salaryAtLeast,
    eventId: input.eventId,
    enterpriseId: input.enterpriseId,
    after: after ? { createdAt: after.at, id: after.id } : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toJob),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function getJob(ctx: Ctx, input: { id: string }): Promise<JobDetail> {
  const job = await ctx.deps.repos.jobs.get(input.id);
  const enterprise = job ? await ctx.deps.repos.enterprises.get(job.enterpriseId) : null;
  if (!job || !enterprise || !enterprise.verified) throw notFound('岗位');
  const mine = ctx.user
    ? (await ctx.deps.repos.applications.listByUser(ctx.user.openid)).find((a) => a.jobId === job.id)
    : undefined;
  return {
    ...toJob(job),
    enterprise: toEnterprise(enterprise),
    myApplication: mine ? { id: mine.id, status: mine.status } : null,
  };
}

export async function myEnterpriseJobs(ctx: Ctx): Promise<Job[]> {
  const enterpriseId = approvedEnterpriseOf(caller(ctx));
  return (await ctx.deps.repos.jobs.listByEnterprise(enterpriseId)).map(toJob);
}
