/**
 * The 两新 census on the `enterprises` rows (a 云招聘 enterprise and a census record are one record), its change
 * history (`org_changes`), its visits (`org_visits`), the 党建网格 list (`grids`) and import previews kept server-side.
 */
import type { Coverage, OrgChangeSource, OrgKind, OrgStatus, VisitProblem } from '@shared/orgs';
import type { z } from 'zod';
import type { AuditDraft, Guard } from './change';
import type { NeedRecord } from './needs';

export interface OrgRecord {
  id: string;
  name: string;
  uscc: string | null;
  usccMissingReason: string | null;
  kind: OrgKind;
  industry: string | null;
  address: string | null;
  gridId: string | null;
  employees: number | null;
  partyMembers: number | null;
  status: OrgStatus;
  /** Shanghai calendar dates, `YYYY-MM-DD`. */
  statusChangedOn: string | null;
  coverage: Coverage;
  branchName: string | null;
  branchFoundedOn: string | null;
  jointOrgId: string | null;
  instructorOpenid: string | null;
  instructorName: string | null;
  lastVisitOn: string | null;
  /** Set by an approved 云招聘 claim; the census never changes it. */
  verified: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the census keeps and staff edit (not the id, the claim's verification, or the stamps). */
export type OrgFields = Omit<OrgRecord, 'id' | 'verified' | 'createdAt' | 'updatedAt'>;
export type OrgPatch = Partial<OrgFields>;

/** One field's change, as a rule writes it; the adapter stamps the time. */
export interface OrgHistoryDraft {
  field: keyof OrgFields;
  /** Stored values as text (ids, codes, dates), null for none. */
  before: string | null;
  after: string | null;
  source: OrgChangeSource;
  actor: string;
}

export interface OrgHistoryRecord extends OrgHistoryDraft {
  at: string;
}

/** What a guarded change of an organisation writes: the fields, one history entry per field, and the audit entry. */
export interface OrgChangeSet {
  fields: OrgPatch;
  history: OrgHistoryDraft[];
}

export interface GridRecord {
  id: string;
  name: string;
}

export interface VisitRecord {
  id: string;
  orgId: string;
  /** `YYYY-MM-DD`, Shanghai. */
  visitedOn: string;
  visitorOpenid: string | null;
  visitorName: string;
  findings: string;
  problems: z.infer<typeof VisitProblem>[];
  createdBy: string;
  createdAt: string;
}

export interface OrgQuery {
  q?: string;
  kind?: OrgKind;
  status?: OrgStatus;
  coverage?: Coverage;
  gridId?: string;
  /** Keyset: newest registered first. */
  after?: { createdAt: string; id: string };
  limit: number;
}

/** A preview as kept between `orgs.importPreview` and `orgs.importApply`; `rows` is the parsed sheet (JSON). */
export interface ImportPreviewRecord {
  id: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  rows: unknown;
  appliedAt: string | null;
}

/** What applying a preview writes, decided by a pure rule on the rows as they are inside the transaction. */
export interface ImportPlan {
  creates: { record: OrgRecord; history: OrgHistoryDraft[] }[];
  updates: { id: string; fields: OrgPatch; history: OrgHistoryDraft[] }[];
  audit: AuditDraft;
}

export interface OrgsRepo {
  grids(): Promise<GridRecord[]>;
  get(id: string): Promise<OrgRecord | null>;
  list(q: OrgQuery): Promise<OrgRecord[]>;
  /** Every organisation, oldest first (export; import matching). */
  all(): Promise<OrgRecord[]>;
  /** Inserts with its history and audit entry in one transaction; 'uscc-taken' when the code is registered already. */
  create(record: OrgRecord, history: OrgHistoryDraft[], audit: AuditDraft): Promise<'created' | 'uscc-taken'>;
  /**
   * One transaction: lock the organisation, run `guard`, write the fields, the history and the audit entry. A new USCC
   * held by another organisation throws ORG_EXISTS and writes nothing.
   */
  change(id: string, now: string, guard: Guard<OrgRecord, OrgChangeSet>): Promise<OrgRecord>;
  history(orgId: string): Promise<OrgHistoryRecord[]>;
  savePreview(preview: ImportPreviewRecord): Promise<void>;
  getPreview(id: string): Promise<ImportPreviewRecord | null>;
  /**
   * One transaction: lock the preview, read under lock the organisations its rows name (`named`: by USCC, and by name
   * among those without one) as they are now, run `plan`, write every create and update with its history and the audit
   * entry, and mark the preview applied. Answers the plan that was written.
   */
  applyImport(
    previewId: string,
    named: { usccs: string[]; names: string[] },
    now: string,
    plan: (preview: ImportPreviewRecord, current: OrgRecord[]) => ImportPlan,
  ): Promise<ImportPlan>;
  /**
   * One transaction: lock the organisation, run `guard` (the last visit date and its history), insert the visit and one
   * need per problem (`needs`, each with `visitId` set), and write the audit entry.
   */
  recordVisit(visit: VisitRecord, needs: NeedRecord[], now: string, guard: Guard<OrgRecord, OrgChangeSet>): Promise<VisitRecord>;
  /** Newest visit first; of one organisation, or of all (at most `limit`). */
  visits(q: { orgId?: string; limit: number }): Promise<VisitRecord[]>;
}
