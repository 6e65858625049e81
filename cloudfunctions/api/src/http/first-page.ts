/**
 * The events list is the first screen: the gateway writes its first page into the HTML it serves, so the app shows
 * events without a second round trip after its scripts start. A data block (`type="application/json"`) is never run,
 * so the Content-Security-Policy has nothing to allow; `<` is escaped so the data cannot close the element.
 */
import type { Deps } from '../core/context';
import { dispatch } from '../app/dispatch';

/** What the events page asks for on its first load (`src/pages/events/index.tsx`, PAGE_SIZE). */
export const FIRST_PAGE_SIZE = 10;
export const FIRST_PAGE_ELEMENT_ID = 'sheshan-first-page';

/** Paths that open on the events list: the site root and the page itself. */
export function opensOnEvents(url: string): boolean {
  const pathName = url.split('?')[0];
  return pathName === '/' || pathName === '/index.html' || pathName === '/pages/events/index';
}

/** The page with the first events in it; the page as it is when the list cannot be read (the app then asks itself). */
export async function withFirstPage(html: string, deps: Deps): Promise<string> {
  const result = await dispatch(deps, null, 'events.list', { limit: FIRST_PAGE_SIZE }, { logError: () => undefined });
  if (!result.ok) return html;
  const json = JSON.stringify(result.data).replace(/</g, '\\u003c');
  return html.replace('</head>', `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${json}</script></head>`);
}
