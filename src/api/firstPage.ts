import type { Page } from '@shared/common';

/** Where the gateway writes the first page of events into the HTML (cloudfunctions/api/src/http/first-page.ts). */
const ELEMENT_ID = 'sheshan-first-page';

/**
 * H5: the first page of events the gateway served with the HTML, taken once — a refresh, another filter or a later
 * visit asks the server as usual. Null when the page came without it.
 */
export function takeFirstEventsPage<T>(): Page<T> | null {
  if (typeof document === 'undefined') return null;
  const element = document.getElementById(ELEMENT_ID);
  if (!element) return null;
  element.remove();
  try {
    const page = JSON.parse(element.textContent ?? '') as Page<T>;
    return Array.isArray(page.items) ? page : null;
  } catch {
    return null;
  }
}

/** Where the gateway draws those events in plain HTML over the page (cloudfunctions/api/src/http/first-page.ts). */
const SCREEN_ID = 'sheshan-first-screen';

/** H5: once the events page shows its own list (or its own empty or error state), the drawn one goes. */
export function dropFirstScreen(): void {
  if (typeof document === 'undefined') return;
  document.getElementById(SCREEN_ID)?.remove();
}
