/**
 * Pure rules of 云招聘, run by both adapters on the locked current row: claim and fair decisions, asking again after
 * a rejection, the application workflow, answering 就业指导 once. Each answers the one shape of a change (patch, audit
 * entry, notification) or throws to refuse, so a refusal writes nothing.
 */
import type { ApplicationStatus, HrMark, InterviewInvite } from '@shared/recruitment';
import { APPLICATION_STATUS_LABELS } from '@shared/labels';
import { DomainError } from '../core/errors';
import type {
  ApplicationPatch,
  ApplicationRecord,
  Change,
  ClaimDecision,
  ClaimState,
  Guard,
  GuidancePatch,
  GuidanceRecord,
  ParticipationPatch,
  ParticipationRecord,
} from '../core/ports';

const reasonRequired = () =>
  new DomainError('INVALID_INPUT', '不通过时请填写原因', [{ path: ['reason'], message: '请填写原因' }]);

/**
 * Staff decide a pending claim once. Approving verifies the enterprise holding the claim's USCC under the name the
 * claimant typed — unless it is verified already, whose name an earlier approval settled — and binds the claimant to
 * it as HR. Rejecting needs a reason and touches no enterprise.
 */
export function decideClaimRule(input: {
  approve: boolean;
  reason: string | null;
  by: string;
  newEnterpriseId: string;
}): Guard<ClaimState, ClaimDecision> {
  return ({ claim, enterprise }) => {
    if (claim.status !== 'pending') throw new DomainError('INVALID_TRANSITION', '该认领申请已处理');
    if (!input.approve && !input.reason) throw reasonRequired();
    const status = input.approve ? 'approved' : 'rejected';
    const keepsName = !!enterprise?.verified;
    return {
      patch: {
        status,
        reason: input.reason,
        decidedBy: input.by,
        approval: input.approve
          ? { newEnterpriseId: input.newEnterpriseId, uscc: claim.uscc, name: keepsName ? null : claim.enterpriseName, openid: claim.openid }
          : null,
      },
      audit: {
        actor: input.by,
        action: 'claim.decide',
        recordType: 'enterprise_claim',
        recordId: claim.id,
        detail: `pending → ${status}：${claim.enterpriseName}（${claim.uscc}）${input.reason ? `，原因：${input.reason}` : ''}`,
      },
    };
  };
}

/** Staff decide a pending request to join a fair once; the reason of a rejection is what the enterprise reads. */
export function decideParticipationRule(input: {
  approve: boolean;
  reason: string | null;
  by: string;
}): Guard<ParticipationRecord, ParticipationPatch> {
  return (p) => {
    if (p.status !== 'pending') throw new DomainError('INVALID_TRANSITION', '该参会申请已处理');
    const status = input.approve ? 'approved' : 'rejected';
    return {
      patch: { status, reason: input.reason, decidedBy: input.by },
      audit: {
        actor: input.by, action: 'fair.decide', recordType: 'fair_participation', recordId: p.id,
        detail: `pending → ${status}${input.reason ? `，原因：${input.reason}` : ''}`,
      },
    };
  };
}

/** A rejected request is not answered as if it stood: the enterprise reads why, and how to ask again. */
export function rejectedJoinError(p: ParticipationRecord): DomainError {
  const why = p.reason ? `：${p.reason}` : '';
  return new DomainError('INVALID_TRANSITION', `该招聘会的参会申请未通过${why}。如需再次申请，请填写补充说明后重新提交`);
}

/** Asking again after a rejection, with a note: back to pending; the earlier reason stays for staff to read. */
export function reaskParticipationRule(input: { note: string; by: string }): Guard<ParticipationRecord, ParticipationPatch> {
  return (p) => {
    if (p.status !== 'rejected') throw new DomainError('INVALID_TRANSITION', '该参会申请未被驳回，无需重新提交');
    return {
      patch: { status: 'pending', note: input.note },
      audit: {
        actor: input.by, action: 'fair.reask', recordType: 'fair_participation', recordId: p.id,
        detail: `rejected → pending，补充说明：${input.note}`,
      },
    };
  };
}

/**
 * The application workflow: submitted → viewed → interview → hired | rejected, forward only.
 * Skips allowed: any later step may be marked straight away (inviting someone not yet marked viewed; hiring or
 * turning down someone met at the fair without an invitation), and rejecting is possible from every open state.
 * `interview` → `interview` reschedules. The applicant may withdraw while it is open. hired, rejected and withdrawn
 * are final.
 */
const STEP: Record<ApplicationStatus, number> = { submitted: 0, viewed: 1, interview: 2, hired: 3, rejected: 3, withdrawn: 3 };
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];
const isFinal = (s: ApplicationStatus) => FINAL_APPLICATION_STATUSES.includes(s);

const FINAL_MESSAGES: Record<'hired' | 'rejected' | 'withdrawn', string> = {
  hired: '该申请已录用，不能再变更',
  rejected: '该申请已标记为不合适，不能再变更',
  withdrawn: '求职者已撤回该申请',
};

export function assertMark(from: ApplicationStatus, to: HrMark): void {
  if (isFinal(from)) throw new DomainError('INVALID_TRANSITION', FINAL_MESSAGES[from as keyof typeof FINAL_MESSAGES]);
  if (STEP[to] < STEP[from]) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `申请已是「${APPLICATION_STATUS_LABELS[from]}」，不能退回「${APPLICATION_STATUS_LABELS[to]}」`,
    );
  }
}

/** An invitation is for a time still ahead. */
export function assertInterviewAhead(at: string, now: string): void {
  if (Date.parse(at) <= Date.parse(now)) {
    const message = '面试时间应晚于当前时间';
    throw new DomainError('INVALID_INPUT', `填写的内容有误：${message}`, [{ path: ['interview', 'at'], message }]);
  }
}

/** HR marks an application; a mark that changes nothing (viewed twice) writes nothing and tells nobody. */
export function markApplicationRule(input: {
  to: HrMark;
  interview: InterviewInvite | null;
  reason: string | null;
  by: string;
  now: string;
  jobTitle: string;
}): Guard<ApplicationRecord, ApplicationPatch> {
  return (a): Change<ApplicationPatch> => {
    assertMark(a.status, input.to);
    if (input.interview) assertInterviewAhead(input.interview.at, input.now);
    if (a.status === input.to && !input.interview) return { patch: {} };
    const interview = input.interview ?? a.interview;
    return {
      patch: {
        status: input.to,
        ...(input.interview ? { interview: input.interview } : {}),
        ...(input.to === 'rejected' ? { reason: input.reason } : {}),
      },
      audit: {
        actor: input.by, action: 'application.mark', recordType: 'application', recordId: a.id,
        detail: `${a.status} → ${input.to}${input.interview ? `，面试：${input.interview.at} ${input.interview.place}` : ''}${input.reason ? `，原因：${input.reason}` : ''}`,
      },
      notify: {
        openid: a.openid,
        template: 'application_status',
        data: {
          job: input.jobTitle,
          status: APPLICATION_STATUS_LABELS[input.to],
          statusCode: input.to,
          ...(input.to === 'interview' && interview ? { interviewAt: interview.at, interviewPlace: interview.place } : {}),
        },
      },
    };
  };
}

/** The applicant withdraws an open application; withdrawing twice answers the first withdrawal. */
export function withdrawApplicationRule(by: string): Guard<ApplicationRecord, ApplicationPatch> {
  return (a) => {
    if (a.status === 'withdrawn') return { patch: {} };
    if (a.status === 'hired') throw new DomainError('INVALID_TRANSITION', '已录用的申请不能撤回，请与企业联系');
    if (a.status === 'rejected') throw new DomainError('INVALID_TRANSITION', '企业已答复不合适，该申请已结束，无需撤回');
    return {
      patch: { status: 'withdrawn' },
      audit: { actor: by, action: 'application.withdraw', recordType: 'application', recordId: a.id, detail: `${a.status} → withdrawn` },
    };
  };
}

/**
 * Applying again answers the application already made while it is open or hired (a retry); after a withdrawal or
 * a rejection it is refused, so nothing is reopened and the enterprise's answer stays.
 */
export function assertMayApplyAgain(existing: ApplicationRecord): void {
  if (existing.status === 'withdrawn') {
    throw new DomainError('INVALID_TRANSITION', '您已撤回过该岗位的申请，不能再次投递');
  }
  if (existing.status === 'rejected') {
    throw new DomainError('INVALID_TRANSITION', '企业已答复该申请不合适，不能再次投递');
  }
}

/** A request is answered once; the answer is what the person was told and stays as it was. */
export function answerGuidanceRule(input: { answer: string; by: string; now: string }): Guard<GuidanceRecord, GuidancePatch> {
  return (r) => {
    if (r.status === 'answered') throw new DomainError('INVALID_TRANSITION', '该预约已答复，不能重复答复');
    return {
      patch: { status: 'answered', answer: input.answer, answeredAt: input.now, answeredBy: input.by },
      audit: { actor: input.by, action: 'guidance.answer', recordType: 'guidance_request', recordId: r.id, detail: 'open → answered' },
      notify: { openid: r.openid, template: 'guidance_answered', data: { topic: r.topic, answer: input.answer.slice(0, 20) } },
    };
  };
}
