/** 入党意向 and 党员报到: one record shape with a timeline. */
import type { AuditEntry } from './audit';
import type { OutboxMessage } from './outbox';

export type FollowupKind = 'intent' | 'report';

/** A membership intent or a member report: one record shape, the kind's own fields left null on the other. */
export interface FollowupRecord {
  id: string;
  kind: FollowupKind;
  openid: string | null;
  status: string;
  name: string | null;
  phone: string | null;
  gender: string | null;
  birthMonth: string | null;
  occupation: string | null;
  employer: string | null;
  politicalStatus: string | null;
  education: string | null;
  statement: string | null;
  homeOrg: string | null;
  wish: string | null;
  orgId: string | null;
  closeReason: string | null;
  consentAt: string;
  contactedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type FollowupPatch = Partial<Omit<FollowupRecord, 'id' | 'kind' | 'createdAt' | 'consentAt'>>;

export interface FollowupStep {
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  reason: string | null;
  actor: string;
  at: string;
}

/** What one guarded change writes besides the row: a timeline step, an audit entry, a notification. */
export interface FollowupChange {
  patch: FollowupPatch;
  step?: Omit<FollowupStep, 'at'>;
  audit?: Omit<AuditEntry, 'at'>;
  notify?: Omit<OutboxMessage, 'createdAt'>;
}

export interface FollowupsRepo {
  /** Inserts with its first timeline step; fails with a conflict if the person already has an open one. */
  insert(record: FollowupRecord, step: Omit<FollowupStep, 'at'>): Promise<'created' | 'already-open'>;
  get(id: string): Promise<FollowupRecord | null>;
  findOpenByUser(kind: FollowupKind, openid: string): Promise<FollowupRecord | null>;
  listByUser(kind: FollowupKind, openid: string): Promise<FollowupRecord[]>;
  list(q: { kind: FollowupKind; status?: string; after?: { createdAt: string; id: string }; limit: number }): Promise<FollowupRecord[]>;
  /** One transaction: lock the row, run `guard`, write the patch, the step, the audit entry and the notification. */
  change(id: string, now: string, guard: (current: FollowupRecord) => FollowupChange): Promise<FollowupRecord>;
  steps(id: string): Promise<FollowupStep[]>;
  countByStatus(kind: FollowupKind): Promise<Record<string, number>>;
  countByMonth(kind: FollowupKind, timeZone: string): Promise<{ month: string; count: number }[]>;
  countWithdrawn(kind: FollowupKind): Promise<number>;
  orgs(): Promise<{ id: string; name: string; kind: 'standalone' | 'joint' }[]>;
}

