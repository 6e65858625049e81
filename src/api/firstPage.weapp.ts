import type { Page } from '@shared/common';

/** The mini-program has no served HTML to carry data: the events page asks the cloud function. */
export function takeFirstEventsPage<T>(): Page<T> | null {
  return null;
}

/** Nothing is drawn before the mini-program's own page. */
export function dropFirstScreen(): void {}
