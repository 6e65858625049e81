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
