/**
 * The follow-up machinery both 入党意向 and 党员报到 use: submit once, follow a timeline, staff advance it step by step,
 * the person may withdraw (erasing their data). Every staff read of a full record and every change leaves an audit entry.
 */
import type { Page } from '@shared/common';
import type { StaffNote, TimelineStep } from '@shared/intents';
import { caller, type Ctx } from '../core/context';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { DomainError, notFound } from '../core/errors';
import type { FollowupKind, FollowupPatch, FollowupRecord } from '../core/ports';
import { ERASED, SELF, assertTransition, isOwner } from './rules';

export interface KindSpec {
  kind: FollowupKind;
  /** '入党意向' or '党员报到', for messages. */
  what: string;
  path: readonly string[];
  statusLabel(status: string): string;
  /** Subscription-message template of a status change. */
  template: string;
}

export async function submitFollowup(ctx: Ctx, spec: KindSpec, fields: FollowupPatch): Promise<FollowupRecord> {
  const user = caller(ctx);
  const record: FollowupRecord = {
    ...blankRecord(),
    ...fields,
    id: ctx.deps.newId(),
    kind: spec.kind,
    openid: user.openid,
    status: 'submitted',
    consentAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const outcome = await ctx.deps.repos.followups.insert(record, {
    fromStatus: null, toStatus: 'submitted', note: null, reason: null, actor: SELF,
  });
  if (outcome === 'already-open') throw new DomainError('ALREADY_SUBMITTED', `您已有一份正在跟进的${spec.what}，请勿重复提交`);
  return record;
}

/** The person's own record, or 404 — for a stranger it does not exist. */
export async function loadOwn(ctx: Ctx, spec: KindSpec, id: string): Promise<FollowupRecord> {
  const record = await ctx.deps.repos.followups.get(id);
  if (!record || record.kind !== spec.kind || !isOwner(record, caller(ctx).openid)) throw notFound(spec.what);
  return record;
}

export async function loadForStaff(ctx: Ctx, spec: KindSpec, id: string): Promise<FollowupRecord> {
  const record = await ctx.deps.repos.followups.get(id);
  if (!record || record.kind !== spec.kind) throw notFound(spec.what);
  return record;
}

export async function listMine(ctx: Ctx, spec: KindSpec): Promise<FollowupRecord[]> {
  return ctx.deps.repos.followups.listByUser(spec.kind, caller(ctx).openid);
}

/** Withdrawal closes the record and erases the personal fields in the same write; it cannot be undone. */
export async function withdrawFollowup(ctx: Ctx, spec: KindSpec, id: string): Promise<FollowupRecord> {
  await loadOwn(ctx, spec, id);
  return ctx.deps.repos.followups.change(id, ctx.now, (current) => {
    if (current.status === 'closed') throw new DomainError('INVALID_TRANSITION', `该${spec.what}已结束`);
    return {
      patch: { ...ERASED, status: 'closed', closeReason: '本人撤回', withdrawnAt: ctx.now },
      step: { fromStatus: current.status, toStatus: 'closed', note: null, reason: '本人撤回', actor: SELF },
      audit: { actor: SELF, action: `${spec.kind}.withdraw`, recordType: spec.kind, recordId: id, detail: `${current.status} → closed` },
    };
  });
}

export async function advanceFollowup(
  ctx: Ctx,
  spec: KindSpec,
  input: { id: string; to: string; note?: string; reason?: string },
): Promise<FollowupRecord> {
  const staff = caller(ctx);
  await loadForStaff(ctx, spec, input.id);
  if (input.to === 'closed' && !input.reason) {
    throw new DomainError('INVALID_INPUT', '结束时请填写原因', [{ path: ['reason'], message: '请填写结束原因' }]);
  }
  return ctx.deps.repos.followups.change(input.id, ctx.now, (current) => {
    assertTransition(spec.path, current.status, input.to);
    const reason = input.to === 'closed' ? (input.reason ?? null) : null;
    return {
      patch: {
        status: input.to,
        ...(input.to === 'contacted' ? { contactedAt: ctx.now } : {}),
        ...(reason ? { closeReason: reason } : {}),
      },
      step: { fromStatus: current.status, toStatus: input.to, note: input.note ?? null, reason, actor: staff.openid },
      audit: {
        actor: staff.openid, action: `${spec.kind}.advance`, recordType: spec.kind, recordId: input.id,
        detail: `${current.status} → ${input.to}`,
      },
      ...(current.openid
        ? {
            notify: {
              openid: current.openid,
              template: spec.template,
              data: { what: spec.what, status: spec.statusLabel(input.to), statusCode: input.to, ...(reason ? { reason } : {}) },
            },
          }
        : {}),
    };
  });
}

/** A staff read of a full record is itself recorded. */
export async function auditRead(ctx: Ctx, spec: KindSpec, id: string): Promise<void> {
  await ctx.deps.repos.audit.record({
    actor: caller(ctx).openid, action: `${spec.kind}.read`, recordType: spec.kind, recordId: id, detail: null, at: ctx.now,
  });
}

export async function timelineOf(ctx: Ctx, id: string): Promise<{ timeline: TimelineStep[]; notes: StaffNote[] }> {
  const steps = await ctx.deps.repos.followups.steps(id);
  // Staff read who acted by name; the openid stays in `by` for an operator tracing a change.
  const names = new Map<string, string>();
  for (const actor of new Set(steps.map((s) => s.actor))) {
    if (actor === SELF) names.set(actor, '本人');
    else names.set(actor, (await ctx.deps.repos.users.get(actor))?.name ?? '工作人员');
  }
  return {
    timeline: steps.map((s) => ({ status: s.toStatus, at: s.at, reason: s.toStatus === 'closed' ? s.reason : null })),
    notes: steps.map((s) => ({
      at: s.at, by: s.actor === SELF ? '本人' : s.actor, actorName: names.get(s.actor) ?? '工作人员', from: s.fromStatus, to: s.toStatus, note: s.note,
    })),
  };
}

export async function pageFor<T>(
  ctx: Ctx,
  spec: KindSpec,
  input: { status?: string; cursor?: string; limit?: number },
  toItem: (r: FollowupRecord) => T,
): Promise<Page<T>> {
  const limit = input.limit ?? 20;
  const rows = await ctx.deps.repos.followups.list({
    kind: spec.kind,
    status: input.status,
    after: input.cursor ? toFollowupPosition(decodeCursor(input.cursor)) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

const toFollowupPosition = (c: { at: string; id: string }) => ({ createdAt: c.at, id: c.id });

function blankRecord(): Omit<FollowupRecord, 'id' | 'kind' | 'status' | 'consentAt' | 'createdAt' | 'updatedAt'> {
  return {
    openid: null, name: null, phone: null, gender: null, birthMonth: null, occupation: null, employer: null,
    politicalStatus: null, education: null, statement: null, homeOrg: null, wish: null, orgId: null, closeReason: null,
    contactedAt: null, withdrawnAt: null,
  };
}
