/** How census records read to staff: grid, organisation and person names instead of ids, labels instead of codes. */
import { COVERAGE_LABELS, ORG_KIND_LABELS, ORG_STATUS_LABELS } from '@shared/labels';
import type { Coverage, Org, OrgKind, OrgStatus } from '@shared/orgs';
import { isStaff, type Ctx } from '../core/context';
import type { OrgFields, OrgRecord } from '../core/ports';
import type { OrgRefs } from './rules';

export interface Lookups {
  grids: Map<string, string>;
  partyOrgs: Map<string, { name: string; kind: 'standalone' | 'joint' }>;
  /** Display names of the people met so far (instructors, history authors). */
  people: Map<string, string>;
}

export async function loadLookups(ctx: Ctx): Promise<Lookups> {
  const [grids, orgs] = await Promise.all([ctx.deps.repos.orgs.grids(), ctx.deps.repos.followups.orgs()]);
  return {
    grids: new Map(grids.map((g) => [g.id, g.name])),
    partyOrgs: new Map(orgs.map((o) => [o.id, { name: o.name, kind: o.kind }])),
    people: new Map(),
  };
}

/** Loads the names of these people into the lookups: their own name, or what they are when they left none. */
export async function loadPeople(ctx: Ctx, lookups: Lookups, openids: (string | null)[]): Promise<void> {
  const missing = [...new Set(openids.filter((o): o is string => !!o && !lookups.people.has(o)))];
  await Promise.all(
    missing.map(async (openid) => {
      const user = await ctx.deps.repos.users.get(openid);
      lookups.people.set(openid, user?.name ?? (isStaff(user) ? '工作人员' : '用户'));
    }),
  );
}

/** What refs a change is checked against: the grids, the joint organisations, the staff, today. */
export async function loadRefs(ctx: Ctx, lookups: Lookups, today: string): Promise<OrgRefs> {
  const staff = [...(await ctx.deps.repos.users.listByRole('staff')), ...(await ctx.deps.repos.users.listByRole('admin'))];
  for (const u of staff) if (u.name) lookups.people.set(u.openid, u.name);
  return {
    gridIds: new Set(lookups.grids.keys()),
    jointOrgIds: new Set([...lookups.partyOrgs].filter(([, o]) => o.kind === 'joint').map(([id]) => id)),
    staffOpenids: new Set(staff.map((u) => u.openid)),
    today,
  };
}

export function toOrgView(o: OrgRecord, l: Lookups): Org {
  return {
    id: o.id,
    name: o.name,
    uscc: o.uscc,
    usccMissingReason: o.usccMissingReason,
    kind: o.kind,
    industry: o.industry,
    address: o.address,
    gridId: o.gridId,
    gridName: o.gridId ? l.grids.get(o.gridId) ?? null : null,
    employees: o.employees,
    partyMembers: o.partyMembers,
    status: o.status,
    statusChangedOn: o.statusChangedOn,
    coverage: o.coverage,
    branchName: o.branchName,
    branchFoundedOn: o.branchFoundedOn,
    jointOrgId: o.jointOrgId,
    jointOrgName: o.jointOrgId ? l.partyOrgs.get(o.jointOrgId)?.name ?? null : null,
    instructorOpenid: o.instructorOpenid,
    instructorName: o.instructorOpenid ? l.people.get(o.instructorOpenid) ?? '工作人员' : o.instructorName,
    lastVisitOn: o.lastVisitOn,
    claimed: o.verified,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** A stored value of a field as the screen shows it. */
export function displayValue(field: keyof OrgFields, value: string | null, l: Lookups): string | null {
  if (value === null) return null;
  switch (field) {
    case 'kind':
      return ORG_KIND_LABELS[value as OrgKind] ?? value;
    case 'status':
      return ORG_STATUS_LABELS[value as OrgStatus] ?? value;
    case 'coverage':
      return COVERAGE_LABELS[value as Coverage] ?? value;
    case 'gridId':
      return l.grids.get(value) ?? '（已停用的网格）';
    case 'jointOrgId':
      return l.partyOrgs.get(value)?.name ?? '（未知党组织）';
    case 'instructorOpenid':
      return l.people.get(value) ?? '工作人员';
    default:
      return value;
  }
}
