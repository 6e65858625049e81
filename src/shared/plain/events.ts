/**
 * Events' kinds and states, and the sign-up deadline's edge, which client and server decide the same way.
 * Plain TypeScript, no zod: the mini-program's main package imports this without carrying the schema library;
 * the schema module beside it re-exports all of it.
 */

export const EVENT_TYPES = ['fair', 'training', 'policy', 'salon', 'service'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Who an event is for: everyone, the 新就业群体, or enterprise contacts. */
export const AUDIENCES = ['all', 'workers', 'enterprises'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Sign-ups close at the deadline, or at the start when there is none. */
export function signupClosesAt(event: { signupDeadline: string | null; startAt: string }): string {
  return event.signupDeadline ?? event.startAt;
}

/** The one edge both sides use: open strictly before the closing instant, closed from it on. */
export function isSignupOpenAt(event: { signupDeadline: string | null; startAt: string }, now: string | number): boolean {
  const at = typeof now === 'number' ? now : Date.parse(now);
  return at < Date.parse(signupClosesAt(event));
}

/** What a person reads about the seats: how many are left, or whether the waitlist is still open. */
export function seatsText(event: { seatsLeft: number; waitlist: boolean }): string {
  if (event.seatsLeft > 0) return `剩余 ${event.seatsLeft} 个名额`;
  return event.waitlist ? '名额已满（可候补）' : '名额已满';
}

/** Where the gateway writes the first page of events into the H5 page it serves: as data, and drawn over the page. */
export const FIRST_PAGE_ELEMENT_ID = 'sheshan-first-page';
export const FIRST_SCREEN_ELEMENT_ID = 'sheshan-first-screen';
