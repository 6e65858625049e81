/** 入党意向: a worker declares the wish to join the Party; staff follow it up step by step. */
import type { Page } from '@shared/common';
import {
  INTENT_PATH,
  INTENT_STATUSES,
  maskPhone,
  type Education,
  type Gender,
  type Intent,
  type IntentListItem,
  type IntentStaffView,
  type IntentStats,
  type IntentStatus,
  type IntentSubmitInput,
  type IntentUpdateInput,
  type Occupation,
  type PartyOrg,
  type PoliticalStatus,
} from '@shared/intents';
import { INTENT_STATUS_LABELS } from '@shared/labels';
import { caller, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { FollowupRecord } from '../core/ports';
import { TIME_ZONE, assertAdult } from '../followups/rules';
import {
  advanceFollowup,
  auditRead,
  listMine,
  loadForStaff,
  loadOwn,
  pageFor,
  submitFollowup,
  timelineOf,
  withdrawFollowup,
  type KindSpec,
} from '../followups/use-cases';

const INTENT: KindSpec = {
  kind: 'intent',
  what: '入党意向',
  path: INTENT_PATH,
  statusLabel: (s) => INTENT_STATUS_LABELS[s as IntentStatus] ?? s,
  template: 'intent_status',
};

/** Editable until staff first contact the person. */
const isEditable = (r: FollowupRecord) => r.status === 'submitted' && r.contactedAt === null;

async function toIntent(ctx: Ctx, r: FollowupRecord): Promise<Intent> {
  const { timeline } = await timelineOf(ctx, r.id);
  return {
    id: r.id,
    status: r.status as IntentStatus,
    name: r.name ?? '',
    gender: r.gender as Gender,
    birthMonth: r.birthMonth ?? '',
    phone: r.phone ?? '',
    occupation: r.occupation as Occupation,
    employer: r.employer,
    politicalStatus: r.politicalStatus as PoliticalStatus,
    education: r.education as Education | null,
    statement: r.statement,
    editable: isEditable(r),
    org: await orgOf(ctx, r.orgId),
    closeReason: r.closeReason,
    timeline,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function orgOf(ctx: Ctx, orgId: string | null): Promise<PartyOrg | null> {
  if (!orgId) return null;
  return (await ctx.deps.repos.followups.orgs()).find((o) => o.id === orgId) ?? null;
}

export async function submitIntent(ctx: Ctx, input: IntentSubmitInput): Promise<Intent> {
  assertAdult(input.birthMonth, ctx.now);
  const { consent: _consent, ...fields } = input;
  const record = await submitFollowup(ctx, INTENT, {
    ...fields,
    employer: fields.employer || null,
    education: fields.education ?? null,
    statement: fields.statement || null,
  });
  return toIntent(ctx, record);
}

export async function myIntents(ctx: Ctx): Promise<Intent[]> {
  return Promise.all((await listMine(ctx, INTENT)).map((r) => toIntent(ctx, r)));
}

export async function updateIntent(ctx: Ctx, input: IntentUpdateInput): Promise<Intent> {
  const { id, ...fields } = input;
  await loadOwn(ctx, INTENT, id);
  if (fields.birthMonth) assertAdult(fields.birthMonth, ctx.now);
  const updated = await ctx.deps.repos.followups.change(id, ctx.now, (current) => {
    if (!isEditable(current)) throw new DomainError('NOT_EDITABLE');
    return { patch: { ...fields } };
  });
  return toIntent(ctx, updated);
}

export async function withdrawIntent(ctx: Ctx, input: { id: string }): Promise<Intent> {
  return toIntent(ctx, await withdrawFollowup(ctx, INTENT, input.id));
}

export async function listIntents(ctx: Ctx, input: { status?: IntentStatus; cursor?: string; limit?: number }): Promise<Page<IntentListItem>> {
  const orgs = await ctx.deps.repos.followups.orgs();
  return pageFor(ctx, INTENT, input, (r) => ({
    id: r.id,
    status: r.status as IntentStatus,
    name: r.name ?? '（已撤回）',
    phoneMasked: r.phone ? maskPhone(r.phone) : '',
    occupation: r.occupation as Occupation,
    employer: r.employer,
    org: orgs.find((o) => o.id === r.orgId) ?? null,
    createdAt: r.createdAt,
  }));
}

async function staffView(ctx: Ctx, record: FollowupRecord): Promise<IntentStaffView> {
  const { notes } = await timelineOf(ctx, record.id);
  return { ...(await toIntent(ctx, record)), openid: record.openid, notes };
}

export async function getIntentForStaff(ctx: Ctx, input: { id: string }): Promise<IntentStaffView> {
  const record = await loadForStaff(ctx, INTENT, input.id);
  await auditRead(ctx, INTENT, input.id);
  return staffView(ctx, record);
}

/** The change is audited as such; returning the record after it is not a second read. */
export async function advanceIntent(
  ctx: Ctx,
  input: { id: string; to: IntentStatus; note?: string; reason?: string },
): Promise<IntentStaffView> {
  return staffView(ctx, await advanceFollowup(ctx, INTENT, input));
}

export async function assignIntent(ctx: Ctx, input: { id: string; orgId: string }): Promise<IntentStaffView> {
  const staff = caller(ctx);
  await loadForStaff(ctx, INTENT, input.id);
  const org = await orgOf(ctx, input.orgId);
  if (!org) throw notFound('党组织');
  const updated = await ctx.deps.repos.followups.change(input.id, ctx.now, (current) => {
    if (current.status === 'closed') throw new DomainError('INVALID_TRANSITION', '已结束的入党意向不能再分配');
    return {
      patch: { orgId: org.id },
      audit: { actor: staff.openid, action: 'intent.assign', recordType: 'intent', recordId: input.id, detail: org.id },
    };
  });
  return staffView(ctx, updated);
}

export async function intentStats(ctx: Ctx): Promise<IntentStats> {
  const counts = await ctx.deps.repos.followups.countByStatus('intent');
  const byStatus = Object.fromEntries(INTENT_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<IntentStatus, number>;
  return {
    byStatus,
    byMonth: await ctx.deps.repos.followups.countByMonth('intent', TIME_ZONE),
    withdrawn: await ctx.deps.repos.followups.countWithdrawn('intent'),
  };
}

export async function listPartyOrgs(ctx: Ctx): Promise<PartyOrg[]> {
  return ctx.deps.repos.followups.orgs();
}
