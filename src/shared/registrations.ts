import { z } from 'zod';
import { Id, PersonName, Phone } from './common';
import type { Event } from './events';
import { AnswersInput, type Answers } from './questions';

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'attended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface Contact {
  name: string;
  phone: string;
}

export interface Registration {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  /** 1-based place on the waitlist; null unless waitlisted. */
  position: number | null;
  contact: Contact;
  /** Answers to the event's sign-up questions, by question id. */
  answers: Answers;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  attendedAt: string | null;
}

/** What staff see in an event's list: the registration and who made it. */
export interface RegistrationWithUser extends Registration {
  openid: string;
}

export interface RegistrationWithEvent extends Registration {
  event: Event;
}

/** Check-in opens this long before the start and closes at the end. */
export const CHECKIN_OPENS_BEFORE_MINUTES = 120;

/** The window in which a confirmed person can be checked in, as epoch milliseconds. */
export function checkInWindow(event: Pick<Event, 'startAt' | 'endAt'>): { opensAt: number; closesAt: number } {
  return { opensAt: Date.parse(event.startAt) - CHECKIN_OPENS_BEFORE_MINUTES * 60_000, closesAt: Date.parse(event.endAt) };
}

export const ContactInput = z.object({ name: PersonName, phone: Phone }).strict();

export const RegistrationCreateInput = z.object({ eventId: Id, contact: ContactInput, answers: AnswersInput.optional() }).strict();
export type RegistrationCreateInput = z.infer<typeof RegistrationCreateInput>;

export const RegistrationIdInput = z.object({ id: Id }).strict();

export const CheckinUndoInput = z.object({ registrationId: Id }).strict();

export const RegistrationsByEventInput = z
  .object({ eventId: Id, status: z.enum(REGISTRATION_STATUSES).optional() })
  .strict();
