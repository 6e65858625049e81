/**
 * The census's rules, pure: how an input merges into a record (fields that no longer fit its coverage are cleared),
 * what a whole record must satisfy, the history a change leaves, and the guards both adapters run.
 */
import type { Issue } from '@shared/result';
import type { OrgChangeSource } from '@shared/orgs';
import { DomainError } from '../core/errors';
import type { Guard, OrgChangeSet, OrgFields, OrgHistoryDraft, OrgPatch, OrgRecord } from '../core/ports';

/** What a record may point at: the grids, the joint party organisations, the staff who may be instructors. */
export interface OrgRefs {
  gridIds: ReadonlySet<string>;
  jointOrgIds: ReadonlySet<string>;
  staffOpenids: ReadonlySet<string>;
  /** Today in Shanghai, `YYYY-MM-DD`: no date of the census lies after it. */
  today: string;
}

/** An input as the census takes it: any field, `null` clearing an optional one. */
export type OrgInput = { [K in keyof OrgFields]?: OrgFields[K] | null };

export const ORG_FIELD_ORDER: (keyof OrgFields)[] = [
  'name', 'uscc', 'usccMissingReason', 'kind', 'industry', 'address', 'gridId', 'employees', 'partyMembers', 'status',
  'statusChangedOn', 'coverage', 'branchName', 'branchFoundedOn', 'jointOrgId', 'instructorOpenid', 'instructorName',
  'lastVisitOn',
];

export const EMPTY_ORG: OrgFields = {
  name: '',
  uscc: null,
  usccMissingReason: null,
  kind: 'economic',
  industry: null,
  address: null,
  gridId: null,
  employees: null,
  partyMembers: null,
  status: 'active',
  statusChangedOn: null,
  coverage: 'none',
  branchName: null,
  branchFoundedOn: null,
  jointOrgId: null,
  instructorOpenid: null,
  instructorName: null,
  lastVisitOn: null,
};

/**
 * The record an input makes of `current`. What the input states must fit together (a branch name given with 联合党组织
 * is refused); what `current` carried and no longer fits (the old joint organisation once 单独组建) is cleared, and
 * its history says so. A new status without a date is dated today.
 */
export function mergeOrg(current: OrgFields, input: OrgInput, refs: OrgRefs): { next: OrgFields; issues: Issue[] } {
  const issues: Issue[] = [];
  const issue = (field: keyof OrgFields, message: string) => issues.push({ path: [field], message });
  const next: OrgFields = { ...current };
  for (const key of ORG_FIELD_ORDER) {
    const value = input[key];
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  const given = (key: keyof OrgFields) => input[key] !== undefined && input[key] !== null;

  // 统一社会信用代码, or the reason there is none.
  if (given('uscc') && given('usccMissingReason')) issue('usccMissingReason', '已填写统一社会信用代码，无需填写无代码原因');
  if (next.uscc && next.usccMissingReason) next.usccMissingReason = given('usccMissingReason') ? next.usccMissingReason : null;
  if (next.uscc && given('usccMissingReason') && !given('uscc')) next.uscc = null;
  if (!next.uscc && !next.usccMissingReason) issue('uscc', '请填写统一社会信用代码；确实没有的（如个体、未登记），请填写无代码原因');

  // 组织覆盖: 单独组建 names its branch, 联合党组织 names the joint organisation.
  if (next.coverage !== 'standalone') {
    if (given('branchName') || given('branchFoundedOn')) issue('branchName', '只有单独组建党组织时才填写党组织名称和成立日期');
    next.branchName = null;
    next.branchFoundedOn = null;
  }
  if (next.coverage !== 'joint') {
    if (given('jointOrgId')) issue('jointOrgId', '只有联合党组织覆盖时才选择联合党组织');
    next.jointOrgId = null;
  }
  if (next.coverage === 'standalone' && !next.branchName) issue('branchName', '单独组建的，请填写党组织名称');
  if (next.coverage === 'joint' && !next.jointOrgId) issue('jointOrgId', '联合党组织覆盖的，请选择联合党组织');
  if (next.jointOrgId && !refs.jointOrgIds.has(next.jointOrgId)) issue('jointOrgId', '没有这个联合党组织');

  // 工作覆盖: the instructor is a staff user or a plain name, not both.
  if (given('instructorOpenid') && given('instructorName')) issue('instructorName', '指导员请选择工作人员或填写姓名，二选一');
  if (given('instructorOpenid')) next.instructorName = null;
  else if (given('instructorName')) next.instructorOpenid = null;
  if (next.instructorOpenid && given('instructorOpenid') && !refs.staffOpenids.has(next.instructorOpenid)) {
    issue('instructorOpenid', '指导员应为工作人员');
  }

  if (next.gridId && given('gridId') && !refs.gridIds.has(next.gridId)) issue('gridId', '没有这个党建网格');
  if (next.employees != null && next.partyMembers != null && next.partyMembers > next.employees) {
    issue('partyMembers', '党员人数不能多于从业人数');
  }

  // A status that changes is dated (today unless the input says when).
  if (next.status !== current.status && !given('statusChangedOn')) next.statusChangedOn = refs.today;
  for (const key of ['statusChangedOn', 'branchFoundedOn'] as const) {
    const date = next[key];
    if (date && given(key) && date > refs.today) issue(key, '日期不能晚于今天');
  }
  return { next, issues };
}

/** One history entry per field that differs, values stored as text. */
export function historyOf(
  before: OrgFields | null,
  after: OrgFields,
  source: OrgChangeSource,
  actor: string,
): OrgHistoryDraft[] {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return ORG_FIELD_ORDER.filter((k) => text(before?.[k] ?? null) !== text(after[k])).map((field) => ({
    field,
    before: text(before?.[field] ?? null),
    after: text(after[field]),
    source,
    actor,
  }));
}

/** The fields of `after` that differ from `before`. */
export function patchOf(before: OrgFields, after: OrgFields): OrgPatch {
  const patch: OrgPatch = {};
  for (const k of ORG_FIELD_ORDER) {
    if (before[k] !== after[k]) (patch as Record<string, unknown>)[k] = after[k];
  }
  return patch;
}

export const fieldsOf = (o: OrgRecord): OrgFields => {
  const { id: _id, verified: _v, createdAt: _c, updatedAt: _u, ...fields } = o;
  return fields;
};

export function refuseIssues(issues: Issue[]): void {
  if (issues.length) throw new DomainError('INVALID_INPUT', `填写的内容有误：${issues[0].message}`, issues);
}

/** Staff edit an organisation: the merged record must hold together; nothing changes when nothing differs. */
export function updateOrgRule(input: OrgInput, refs: OrgRefs, actor: string): Guard<OrgRecord, OrgChangeSet> {
  return (current) => {
    const before = fieldsOf(current);
    const { next, issues } = mergeOrg(before, input, refs);
    refuseIssues(issues);
    const history = historyOf(before, next, 'update', actor);
    return {
      patch: { fields: patchOf(before, next), history },
      audit: history.length
        ? { actor, action: 'org.update', recordType: 'org', recordId: current.id, detail: history.map((h) => h.field).join(',') }
        : undefined,
    };
  };
}

/** A visit moves the last visit forward (an older visit recorded late leaves it). */
export function visitRule(visitedOn: string, visitId: string, actor: string): Guard<OrgRecord, OrgChangeSet> {
  return (current) => {
    const later = !current.lastVisitOn || visitedOn > current.lastVisitOn;
    const fields: OrgPatch = later ? { lastVisitOn: visitedOn } : {};
    const history: OrgHistoryDraft[] = later
      ? [{ field: 'lastVisitOn', before: current.lastVisitOn, after: visitedOn, source: 'visit', actor }]
      : [];
    return {
      patch: { fields, history },
      audit: { actor, action: 'visit.create', recordType: 'org', recordId: current.id, detail: visitId },
    };
  };
}
