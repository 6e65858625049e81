import type { Page } from '@shared/common';
import { FIRST_PAGE_ELEMENT_ID, FIRST_SCREEN_ELEMENT_ID } from '@shared/plain/events';

/**
 * H5: the first page of events the gateway served with the HTML, taken once — a refresh, another filter or a later
 * visit asks the server as usual. Null when the page came without it.
 */
export function takeFirstEventsPage<T>(): Page<T> | null {
  if (typeof document === 'undefined') return null;
  const element = document.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!element) return null;
  element.remove();
  try {
    const page = JSON.parse(element.textContent ?? '') as Page<T>;
    return Array.isArray(page.items) ? page : null;
  } catch {
    return null;
  }
}

/** H5: once the events page shows its own list (or its own empty or error state), the drawn one goes. */
export function dropFirstScreen(): void {
  if (typeof document === 'undefined') return;
  document.getElementById(FIRST_SCREEN_ELEMENT_ID)?.remove();
}
