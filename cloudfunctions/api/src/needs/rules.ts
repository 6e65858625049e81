/**
 * Pure rules of 企业诉求, run by both adapters on the locked current need: assigning a department, moving forward
 * (待受理 → 已分派 → 办理中 → 已办结, never back), rating the result once. Each answers the patch with its audit
 * entry and the message to the person who raised the need, or throws to refuse (and writes nothing).
 */
import { NEED_NEXT, type NeedRating, type NeedStatus } from '@shared/needs';
import { NEED_CATEGORY_LABELS, NEED_RATING_LABELS, NEED_STATUS_LABELS } from '@shared/labels';
import type { NeedCategory } from '@shared/needs';
import { DomainError } from '../core/errors';
import type { Guard, NeedPatch, NeedRecord, Notification } from '../core/ports';

const closedAlready = () => new DomainError('INVALID_TRANSITION', '诉求已办结，不能再变更');

/** The subscription message of a step: sent to whoever raised the need, unless they took the step themself. */
function statusMessage(need: NeedRecord, to: NeedStatus, by: string, reply: string | null): Notification | undefined {
  if (need.authorOpenid === by) return undefined;
  return {
    openid: need.authorOpenid,
    template: 'need_status',
    data: {
      needId: need.id,
      category: NEED_CATEGORY_LABELS[need.category as NeedCategory] ?? need.category,
      status: NEED_STATUS_LABELS[to],
      statusCode: to,
      ...(reply ? { reply } : {}),
    },
  };
}

/** The next statuses a need may move to (for the client's buttons and for the rule). */
export function canAdvance(from: NeedStatus, to: NeedStatus): boolean {
  return NEED_NEXT[from].includes(to);
}

/**
 * Staff hand a need to a department: a new need becomes 已分派; one already with a department (still open) moves to
 * another without changing its status. The department is checked against the list before this runs.
 */
export function assignNeedRule(input: { department: string; by: string }): Guard<NeedRecord, NeedPatch> {
  return (need) => {
    if (need.status === 'closed') throw closedAlready();
    const status: NeedStatus = need.status === 'submitted' ? 'assigned' : need.status;
    return {
      patch: { department: input.department, status },
      audit: {
        actor: input.by, action: 'need.assign', recordType: 'need', recordId: need.id,
        detail: `${need.department ?? '未分派'} → ${input.department}${status !== need.status ? `，${need.status} → ${status}` : ''}`,
      },
      notify: need.status === 'submitted' ? statusMessage(need, status, input.by, null) : undefined,
    };
  };
}

/** One step forward; closing needs a reply, which is what the enterprise is told. */
export function advanceNeedRule(input: { to: NeedStatus; reply: string | null; by: string; now: string }): Guard<NeedRecord, NeedPatch> {
  return (need) => {
    if (need.status === 'closed') throw closedAlready();
    if (!canAdvance(need.status, input.to)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        need.status === 'submitted' ? '请先把诉求分派给承办部门' : `不能从“${NEED_STATUS_LABELS[need.status]}”变为“${NEED_STATUS_LABELS[input.to]}”`,
      );
    }
    if (input.to === 'closed' && !input.reply) {
      throw new DomainError('INVALID_INPUT', '办结时请填写答复', [{ path: ['reply'], message: '办结时请填写答复' }]);
    }
    return {
      patch: {
        status: input.to,
        ...(input.reply ? { reply: input.reply } : {}),
        ...(input.to === 'closed' ? { closedAt: input.now } : {}),
      },
      audit: {
        actor: input.by, action: 'need.advance', recordType: 'need', recordId: need.id,
        detail: `${need.status} → ${input.to}${input.reply ? `，答复：${input.reply.slice(0, 100)}` : ''}`,
      },
      notify: statusMessage(need, input.to, input.by, input.reply),
    };
  };
}

/** The enterprise rates a closed need once: the rating is the committee's record of how it went, not a draft. */
export function rateNeedRule(input: { rating: NeedRating; note: string | null; by: string; now: string }): Guard<NeedRecord, NeedPatch> {
  return (need) => {
    if (need.status !== 'closed') throw new DomainError('INVALID_TRANSITION', '诉求办结后才能评价');
    if (need.rating) throw new DomainError('ALREADY_SUBMITTED', '您已评价过这条诉求');
    return {
      patch: { rating: input.rating, ratingNote: input.note, ratedAt: input.now },
      audit: {
        actor: input.by, action: 'need.rate', recordType: 'need', recordId: need.id,
        detail: `${NEED_RATING_LABELS[input.rating]}${input.note ? `：${input.note}` : ''}`,
      },
    };
  };
}
