/** Registrations: seats and the waitlist, decided on the locked event row. */
import type { Contact, RegistrationStatus } from '@shared/registrations';
import type { EventRecord } from './events';

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
