/** Registrations: seats and the waitlist, decided on the locked event row. */
import type { Contact, RegistrationStatus } from '@shared/registrations';
import type { Answers } from '@shared/questions';
import type { EventRecord } from './events';
import type { Change } from './change';

export interface RegistrationRecord {
  id: string;
  eventId: string;
  openid: string;
  status: RegistrationStatus;
  contact: Contact;
  /** Answers to the event's questions as they were when the person signed up (or signed up again). */
  answers: Answers;
  /** Order of arrival on this event; the waitlist is served in this order. */
  seq: number;
  position: number | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  attendedAt: string | null;
  /** The short code on the person's ticket, unique within the event; null until the ticket is first shown. */
  ticketCode: string | null;
}

/** What to do with a sign-up, decided on the locked event row by pure rules. */
export type SeatDecision = { kind: 'keep-existing' } | { kind: 'take'; status: 'confirmed' | 'waitlisted' };

export interface RegisterCommand {
  id: string;
  eventId: string;
  openid: string;
  contact: Contact;
  /** Written with a new or renewed seat (none: {}); a repeated sign-up keeps the answers it has. */
  answers?: Answers;
  now: string;
  /** May throw (answers that no longer fit the event's questions): nothing is written then. */
  decide(event: EventRecord, existing: RegistrationRecord | null): SeatDecision;
}

export interface CancelOutcome {
  registration: RegistrationRecord;
  promoted: RegistrationRecord | null;
}

/** What a change of a registration may write; seats and counters follow from the status, in the adapter's transaction. */
export type RegistrationPatch = Partial<Pick<RegistrationRecord, 'status' | 'cancelledAt' | 'attendedAt'>>;

/** A rule over a registration and its event, run inside the transaction that writes its answer. */
export type RegistrationGuard = (current: RegistrationRecord, event: EventRecord) => Change<RegistrationPatch>;

export interface RegistrationsRepo {
  /**
   * Atomic per event: the event row is locked while `decide` runs and the seat is written. A sign-up `decide` lets
   * through also keeps its contact as the person's own (the prefill of their next form), like `users.saveContact`.
   */
  register(command: RegisterCommand): Promise<RegistrationRecord>;
  /**
   * Atomic per event: cancels as the guard decides (a guard answering an empty patch changes nothing) and moves the
   * first waitlisted person into a freed seat, telling them so in the same transaction.
   */
  cancel(id: string, now: string, guard: RegistrationGuard): Promise<CancelOutcome>;
  /** Check-in and its undo: a change that keeps the seat (attended and confirmed both hold one). */
  change(id: string, now: string, guard: RegistrationGuard): Promise<RegistrationRecord>;
  get(id: string): Promise<RegistrationRecord | null>;
  findByEventAndUser(eventId: string, openid: string): Promise<RegistrationRecord | null>;
  listByUser(openid: string): Promise<RegistrationRecord[]>;
  listByEvent(eventId: string, status?: RegistrationStatus): Promise<RegistrationRecord[]>;
  /**
   * Gives the registration this ticket code unless it already has one, and answers the registration as stored (with
   * its first code); 'taken' when another registration of the same event holds the code.
   */
  issueTicketCode(id: string, code: string, now: string): Promise<RegistrationRecord | 'taken'>;
  /** The registrations holding this ticket code, on any event (a code is unique within its event only). */
  findByTicketCode(code: string): Promise<RegistrationRecord[]>;
  /** How many of the event's registrations are in each status. */
  countByStatus(eventId: string): Promise<Record<RegistrationStatus, number>>;
}
