/**
 * 企业诉求: needs and suggestions raised by an enterprise's HR contact, or by staff on behalf of an organisation —
 * during a visit (走访) the census use case calls `insert` once per problem found, with `visitId` set.
 */
import type { Guard } from './change';

export type NeedStatus = 'submitted' | 'assigned' | 'in_progress' | 'closed';
export type NeedRating = 'satisfied' | 'basically' | 'unsatisfied';

export interface NeedRecord {
  id: string;
  /** The organisation (an `enterprises` row) the need belongs to. */
  orgId: string;
  /** The visit it was found on, when staff recorded it during a 走访. */
  visitId: string | null;
  category: string;
  text: string;
  attachment: string | null;
  /** Who raised it: the HR contact, or the staff member (for a visit or on an organisation's behalf). */
  authorOpenid: string;
  status: NeedStatus;
  department: string | null;
  reply: string | null;
  rating: NeedRating | null;
  ratingNote: string | null;
  createdAt: string;
  /** The end of the category's time limit, in working days from `createdAt` (see src/shared/needs.ts). */
  dueAt: string;
  closedAt: string | null;
}

/** A need as lists show it: with its organisation's name. */
export interface NeedView extends NeedRecord {
  orgName: string;
}

export type NeedPatch = Partial<Pick<NeedRecord, 'status' | 'department' | 'reply' | 'rating' | 'ratingNote' | 'closedAt'>> & {
  ratedAt?: string;
};

export interface NeedQuery {
  status?: NeedStatus;
  category?: string;
  /** Open (not closed) needs whose `dueAt` is before `now`. */
  overdueAt?: string;
  /** Keyset cursor: (createdAt, id) of the last item seen, newest first. */
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface NeedDepartment {
  name: string;
  createdAt: string;
}

export interface NeedsRepo {
  /** Used by `needs.create` and by `visits.create` (one need per problem found on the visit). */
  insert(need: NeedRecord): Promise<void>;
  get(id: string): Promise<NeedView | null>;
  /** Needs raised by this person, or belonging to one of these organisations (an HR contact sees their enterprise's). */
  listMine(openid: string, orgIds: string[]): Promise<NeedView[]>;
  list(q: NeedQuery): Promise<NeedView[]>;
  /** Open and overdue counts for the workbench. */
  counts(now: string): Promise<{ open: number; overdue: number }>;
  /** One transaction: lock the need, run `guard`, write the patch, the audit entry and the notification. */
  change(id: string, now: string, guard: Guard<NeedRecord, NeedPatch>): Promise<NeedView>;
  departments(): Promise<NeedDepartment[]>;
  /** 'exists' when the name is taken. The audit entry is written in the same transaction. */
  addDepartment(d: NeedDepartment, actor: string): Promise<'created' | 'exists'>;
  /** Renames the department and the open needs assigned to it; 'missing' / 'exists' refuse. */
  renameDepartment(from: string, to: string, actor: string, now: string): Promise<'renamed' | 'missing' | 'exists'>;
}
