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
  resume: unknown;
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
  /** Keeps the last résumé (JSON) to prefill the next application. */
  saveResume(openid: string, resume: unknown, now: string): Promise<void>;
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
  enterprises: EnterprisesRepo;
  jobs: JobsRepo;
  applications: ApplicationsRepo;
  guidance: GuidanceRepo;
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
  /** Queues each message unless its key was queued before (a key is taken with its message, atomically); answers how many. */
  enqueueOnce(items: { key: string; message: Omit<OutboxMessage, 'createdAt'> }[], now: string): Promise<number>;
  /** The oldest pending messages, in the order they were queued. */
  pending(limit: number): Promise<OutboxEntry[]>;
  /** One delivery attempt of a pending message: 'sent' and 'failed' are final, 'retry' leaves it pending; attempts + 1. */
  recordAttempt(id: number, outcome: 'sent' | 'retry' | 'failed', now: string): Promise<void>;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A queued notification as delivery sees it. */
export interface OutboxEntry extends OutboxMessage {
  id: number;
  status: OutboxStatus;
  attempts: number;
}

export interface EnterpriseRecord {
  id: string;
  name: string;
  uscc: string | null;
  industry: string | null;
  size: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  intro: string | null;
  logo: { mime: string; data: string } | null;
  verified: boolean;
}

export type EnterprisePatch = Partial<Omit<EnterpriseRecord, 'id' | 'uscc'>>;

export interface ClaimRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  openid: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  createdAt: string;
}

export interface ParticipationRecord {
  id: string;
  eventId: string;
  enterpriseId: string;
  enterpriseName: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
}

export interface EnterprisesRepo {
  get(id: string): Promise<EnterpriseRecord | null>;
  findByUscc(uscc: string): Promise<EnterpriseRecord | null>;
  /** Inserts an unverified enterprise unless one with this code exists; returns whichever is stored. */
  ensure(record: EnterpriseRecord, now: string): Promise<EnterpriseRecord>;
  update(id: string, patch: EnterprisePatch, now: string): Promise<EnterpriseRecord>;
  /** Fails with 'already-live' when the person has a pending or approved claim. */
  insertClaim(claim: Omit<ClaimRecord, 'enterpriseName' | 'uscc'>): Promise<'created' | 'already-live'>;
  getClaim(id: string): Promise<ClaimRecord | null>;
  liveClaimOf(openid: string): Promise<ClaimRecord | null>;
  listClaims(status?: string): Promise<ClaimRecord[]>;
  /** One transaction: the claim's decision and, when approved, the enterprise verified, the person bound and made HR. */
  decideClaim(id: string, approve: boolean, reason: string | null, by: string, now: string): Promise<ClaimRecord>;
  /** Returns the existing participation when the enterprise already asked to join this fair. */
  joinFair(p: Omit<ParticipationRecord, 'enterpriseName'>): Promise<ParticipationRecord>;
  getParticipation(id: string): Promise<ParticipationRecord | null>;
  participation(eventId: string, enterpriseId: string): Promise<ParticipationRecord | null>;
  listParticipations(q: { eventId?: string; status?: string }): Promise<ParticipationRecord[]>;
  decideParticipation(id: string, approve: boolean, reason: string | null, now: string): Promise<ParticipationRecord>;
}

export interface JobRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  eventId: string | null;
  title: string;
  category: string;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number;
  district: string;
  place: string;
  requirements: string;
  benefits: string[];
  status: 'open' | 'closed';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type JobPatch = Partial<
  Pick<JobRecord, 'eventId' | 'title' | 'category' | 'salaryMin' | 'salaryMax' | 'headcount' | 'district' | 'place' | 'requirements' | 'benefits' | 'status'>
>;

export interface JobQuery {
  /** Every term must be among the job's search terms (characters and character pairs of its texts). */
  terms?: string[];
  category?: string;
  district?: string;
  salaryAtLeast?: number;
  eventId?: string;
  enterpriseId?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

export interface JobsRepo {
  insert(job: Omit<JobRecord, 'enterpriseName'>, searchTerms: string[]): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | null>;
  update(id: string, patch: JobPatch, searchTerms: string[] | null, now: string): Promise<JobRecord>;
  /** Open jobs of verified enterprises, newest first. */
  search(q: JobQuery): Promise<JobRecord[]>;
  listByEnterprise(enterpriseId: string): Promise<JobRecord[]>;
}

export interface ApplicationRecord {
  id: string;
  jobId: string;
  openid: string;
  status: 'submitted' | 'viewed' | 'interview' | 'hired' | 'rejected' | 'withdrawn';
  resume: { name: string; phone: string; age: number; experience?: string; wantedJob?: string; note?: string };
  interview: { at: string; place: string; note: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationsRepo {
  /** One per person per job: returns the existing one (reopened if it was withdrawn) or the new one. */
  apply(a: ApplicationRecord): Promise<ApplicationRecord>;
  get(id: string): Promise<ApplicationRecord | null>;
  listByUser(openid: string): Promise<ApplicationRecord[]>;
  listByJob(jobId: string): Promise<ApplicationRecord[]>;
  /** Writes the new state and, when given, a notification for the applicant, in one transaction. */
  change(
    id: string,
    now: string,
    guard: (current: ApplicationRecord) => Pick<ApplicationRecord, 'status' | 'interview'>,
    notify?: (after: ApplicationRecord) => Omit<OutboxMessage, 'createdAt'> | null,
  ): Promise<ApplicationRecord>;
  fairFigures(eventId: string): Promise<{ enterprises: number; jobs: number; headcount: number; applications: number; interviews: number; hires: number }>;
}

export interface GuidanceRecord {
  id: string;
  openid: string;
  topic: string;
  preferredTimes: string;
  phone: string;
  status: 'open' | 'answered';
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface GuidanceRepo {
  insert(r: GuidanceRecord): Promise<void>;
  get(id: string): Promise<GuidanceRecord | null>;
  listByUser(openid: string): Promise<GuidanceRecord[]>;
  list(status?: string): Promise<GuidanceRecord[]>;
  answer(id: string, answer: string, by: string, now: string, notify: Omit<OutboxMessage, 'createdAt'>): Promise<GuidanceRecord>;
}
