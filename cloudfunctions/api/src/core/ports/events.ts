/** Events: what use cases need from storage. */
import type { Audience, EventStatus, EventType } from '@shared/events';
import type { Question } from '@shared/questions';
import type { Guard } from './change';

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
  questions: Question[];
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
    | 'questions'
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
  /**
   * One transaction on the locked event row: the guard's patch, audit entry and notification, then — capacity may have
   * grown, or the event reopened — waitlisted people moved into free seats in arrival order, each told so. Returns the new row.
   */
  update(id: string, now: string, guard: Guard<EventRecord, EventPatch>): Promise<EventRecord>;
  list(query: EventQuery): Promise<EventRecord[]>;
}
