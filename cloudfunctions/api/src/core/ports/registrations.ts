/** Registrations: seats and the waitlist, decided on the locked event row. */
import type { Contact, RegistrationStatus } from '@shared/registrations';
import type { EventRecord } from './events';
import type { Change } from './change';

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

/** What a change of a registration may write; seats and counters follow from the status, in the adapter's transaction. */
export type RegistrationPatch = Partial<Pick<RegistrationRecord, 'status' | 'cancelledAt' | 'attendedAt'>>;

/** A rule over a registration and its event, run inside the transaction that writes its answer. */
export type RegistrationGuard = (current: RegistrationRecord, event: EventRecord) => Change<RegistrationPatch>;

export interface RegistrationsRepo {
  /** Atomic per event: the event row is locked while `decide` runs and the seat is written. */
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
}
