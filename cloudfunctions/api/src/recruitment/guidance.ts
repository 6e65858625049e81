/** 就业指导: a job seeker (待业党员 and others) asks for an appointment; staff answer. */
import type { GuidanceRequest } from '@shared/recruitment';
import { caller, type Ctx } from '../core/context';
import { DomainError } from '../core/errors';
import type { GuidanceRecord } from '../core/ports';
import { answerGuidanceRule } from './rules';

const OPEN_REQUESTS_PER_PERSON = 3;

export async function requestGuidance(ctx: Ctx, input: { topic: string; preferredTimes: string; phone: string }): Promise<GuidanceRequest> {
  const user = caller(ctx);
  const open = (await ctx.deps.repos.guidance.listByUser(user.openid)).filter((r) => r.status === 'open');
  if (open.length >= OPEN_REQUESTS_PER_PERSON) {
    throw new DomainError('ALREADY_SUBMITTED', `您已有 ${open.length} 个待答复的预约，请等工作人员答复后再提交`);
  }
  const record: GuidanceRecord = {
    id: ctx.deps.newId(), openid: user.openid, ...input, status: 'open', answer: null, createdAt: ctx.now, answeredAt: null,
  };
  await ctx.deps.repos.guidance.insert(record);
  return record;
}

export async function myGuidance(ctx: Ctx): Promise<GuidanceRequest[]> {
  return ctx.deps.repos.guidance.listByUser(caller(ctx).openid);
}

export async function listGuidance(ctx: Ctx, input: { status?: string }): Promise<GuidanceRequest[]> {
  const requests = await ctx.deps.repos.guidance.list(input.status);
  // Staff call the person back: they see the name the person gave beside the phone.
  const names = new Map<string, string | null>();
  for (const openid of new Set(requests.map((r) => r.openid))) names.set(openid, (await ctx.deps.repos.users.get(openid))?.name ?? null);
  // Names and phones of people asking for help: a full read of personal data, on the record.
  await ctx.deps.repos.audit.record({
    actor: caller(ctx).openid,
    action: 'guidance.read',
    recordType: 'guidance_list',
    recordId: input.status ?? 'all',
    detail: `查看就业指导预约 ${requests.length} 条`,
    at: ctx.now,
  });
  return requests.map((r) => ({ ...r, name: names.get(r.openid) ?? null }));
}

/** Answered once: the answer is what the person was told, so a second one is refused rather than written over it. */
export async function answerGuidance(ctx: Ctx, input: { id: string; answer: string }): Promise<GuidanceRequest> {
  return ctx.deps.repos.guidance.change(input.id, ctx.now, answerGuidanceRule({ answer: input.answer, by: caller(ctx).openid, now: ctx.now }));
}
