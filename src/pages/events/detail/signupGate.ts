import type { EventDetail } from '@shared/events';
import { isSignupOpenAt } from '@shared/plain/events';
import { ERROR_MESSAGES } from '@shared/result';

/**
 * Why a new sign-up cannot be made, in the server's own words, or null when the form may show.
 * The server decides again on submit; this only spares the person a form that cannot succeed.
 */
export function signupBlocker(event: EventDetail, now: number = Date.now()): string | null {
  if (event.status === 'cancelled') return ERROR_MESSAGES.EVENT_CANCELLED;
  if (event.status !== 'published') return ERROR_MESSAGES.EVENT_NOT_PUBLISHED;
  if (Date.parse(event.endAt) <= now) return ERROR_MESSAGES.EVENT_ENDED;
  if (!isSignupOpenAt(event, now)) return ERROR_MESSAGES.REGISTRATION_CLOSED;
  if (event.seatsLeft <= 0 && !event.waitlist) return ERROR_MESSAGES.EVENT_FULL;
  return null;
}
