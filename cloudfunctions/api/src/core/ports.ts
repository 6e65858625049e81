/**
 * Repository ports: what the use cases need from storage, nothing about how.
 * Adapters (SQL today, CloudBase in WeChat) implement them; no driver is imported above this line.
 */
import type { Audience, EventStatus, EventType } from '@shared/events';
import type { Contact, RegistrationStatus } from '@shared/registrations';
import type { Role } from '@shared/users';

export interface EventRecord {
  id: string;
  type: EventType;
  title: string;
  description: string;
  startAt: string;
  endAt: string;
  location: string;
  capacity: number;
  signupDeadline: string | null;
  waitlist: boolean;
  audience: Audience;
  status: EventStatus;
  cancelReason: string | null;
  publishedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  confirmedCount: number;
  waitlistCount: number;
}

export type EventPatch = Partial<
  Pick<
    EventRecord,
    | 'type'
    | 'title'
    | 'description'
    | 'startAt'
    | 'endAt'
    | 'location'
    | 'capacity'
    | 'signupDeadline'
    | 'waitlist'
    | 'audience'
    | 'status'
    | 'cancelReason'
    | 'publishedAt'
  >
>;

export interface EventQuery {
  type?: EventType;
  status: EventStatus;
  /** Only events that end after this instant (upcoming and running ones). */
  endsAfter?: string;
  after?: { startAt: string; id: string };
  limit: number;
}

export interface EventsRepo {
  insert(event: EventRecord): Promise<void>;
  get(id: string): Promise<EventRecord | null>;
  /** Applies the patch unless `guard` (run on the locked current row) throws; returns the new row. */
  update(id: string, now: string, guard: (current: EventRecord) => EventPatch): Promise<EventRecord>;
  list(query: EventQuery): Promise<EventRecord[]>;
}

export interface RegistrationRecord {
  id: string;
  eventId: string;
  openid: string;
  status: RegistrationStatus;
  contact: Contact;
  /** Order of arrival on this event; the waitlist is served in this order. */
  seq: number;
  position: number | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  attendedAt: string | null;
}

/** What to do with a sign-up, decided on the locked event row by pure rules. */
export type SeatDecision = { kind: 'keep-existing' } | { kind: 'take'; status: 'confirmed' | 'waitlisted' };

export interface RegisterCommand {
  id: string;
  eventId: string;
  openid: string;
  contact: Contact;
  now: string;
  decide(event: EventRecord, existing: RegistrationRecord | null): SeatDecision;
}

export interface CancelOutcome {
  registration: RegistrationRecord;
  promoted: RegistrationRecord | null;
}

export interface RegistrationsRepo {
  /** Atomic per event: the event row is locked while `decide` runs and the seat is written. */
  register(command: RegisterCommand): Promise<RegistrationRecord>;
  /** Atomic per event: cancels unless `guard` throws, and promotes the first waitlisted person into a freed seat. */
  cancel(id: string, now: string, guard: (current: RegistrationRecord) => void): Promise<CancelOutcome>;
  /** Atomic per event: moves waitlisted people into free seats (after capacity grew), in arrival order. */
  fillFreeSeats(eventId: string, now: string): Promise<RegistrationRecord[]>;
  checkIn(id: string, now: string, guard: (current: RegistrationRecord) => void): Promise<RegistrationRecord>;
  get(id: string): Promise<RegistrationRecord | null>;
  findByEventAndUser(eventId: string, openid: string): Promise<RegistrationRecord | null>;
  listByUser(openid: string): Promise<RegistrationRecord[]>;
  listByEvent(eventId: string, status?: RegistrationStatus): Promise<RegistrationRecord[]>;
}

export interface UserRecord {
  openid: string;
  roles: Role[];
  name: string | null;
  phone: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  createdAt: string;
}

export interface UsersRepo {
  /** Returns the user, creating a plain worker on first sight. */
  ensure(openid: string, now: string): Promise<UserRecord>;
  get(openid: string): Promise<UserRecord | null>;
  setRoles(openid: string, roles: Role[], now: string): Promise<UserRecord>;
  /** Adds one role in one atomic write, so a concurrent change to the same person is not lost. */
  addRole(openid: string, role: Role, now: string): Promise<UserRecord>;
  /** Removes one role atomically; never removes the last admin, even when two admins revoke each other at once. */
  removeRole(openid: string, role: Role, now: string): Promise<UserRecord | 'last-admin'>;
  saveContact(openid: string, contact: Contact, now: string): Promise<void>;
  listByRole(role: Role): Promise<UserRecord[]>;
  /** Binds an HR contact to an enterprise, creating the enterprise if it is new (demo seeding; claims come later). */
  bindEnterprise(openid: string, enterprise: { id: string; name: string }, now: string): Promise<void>;
  countByRole(role: Role): Promise<number>;
}

export interface Repositories {
  events: EventsRepo;
  registrations: RegistrationsRepo;
  users: UsersRepo;
  followups: FollowupsRepo;
  audit: AuditRepo;
  outbox: OutboxRepo;
}

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

export interface AuditEntry {
  actor: string;
  action: string;
  recordType: string;
  recordId: string;
  detail: string | null;
  at: string;
}

export interface OutboxMessage {
  openid: string;
  template: string;
  data: Record<string, string>;
  createdAt: string;
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

export interface AuditRepo {
  record(entry: AuditEntry): Promise<void>;
  listFor(recordType: string, recordId: string): Promise<AuditEntry[]>;
}

export interface OutboxRepo {
  list(q: { openid?: string; limit: number }): Promise<(OutboxMessage & { id: number; status: string })[]>;
}
