/**
 * The events list is the first screen: the gateway writes its first page into the HTML it serves, so the app shows
 * events without a second round trip after its scripts start. A data block (`type="application/json"`) is never run,
 * so the Content-Security-Policy has nothing to allow; `<` is escaped so the data cannot close the element. The same
 * events are drawn in plain HTML over the page until the app has drawn them (`firstScreen`), and the events page's
 * files are asked for with the page (`firstPagePreloads`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Event } from '@shared/events';
import { EVENT_TYPE_LABELS } from '@shared/labels';
import { FIRST_PAGE_ELEMENT_ID, FIRST_SCREEN_ELEMENT_ID, seatsText } from '@shared/plain/events';
import { formatEventTime } from '@shared/plain/time';
import { FIRST_PAGE_ASSETS } from '../../../../config/firstPageAssets';
import type { Deps } from '../core/context';
import { dispatch } from '../app/dispatch';

/** What the events page asks for on its first load (`src/pages/events/index.tsx`, PAGE_SIZE). */
export const FIRST_PAGE_SIZE = 10;

/** Paths that open on the events list: the site root and the page itself. */
export function opensOnEvents(url: string): boolean {
  const pathName = url.split('?')[0];
  return pathName === '/' || pathName === '/index.html' || pathName === '/pages/events/index';
}

/**
 * The page with the first events in it (as data, and drawn), and with the events page's files in its head
 * (`preloads`); the page as it is when the list cannot be read (the app then asks itself).
 */
export async function withFirstPage(html: string, deps: Deps, preloads = ''): Promise<string> {
  const result = await dispatch(deps, null, 'events.list', { limit: FIRST_PAGE_SIZE }, { logError: () => undefined });
  // Replacements are given as functions: a string would read `$\``, `$'` and `$&` in an event's title as patterns and
  // splice parts of the page into it.
  if (!result.ok) return preloads ? html.replace('</head>', () => `${preloads}</head>`) : html;
  const json = JSON.stringify(result.data).replace(/</g, '\\u003c');
  const events = (result.data as { items: Event[] }).items;
  return html
    .replace('</head>', () => `${preloads}<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${json}</script></head>`)
    .replace('<body>', () => `<body>${firstScreen(events, deps.now())}`);
}

/**
 * The first events drawn in plain HTML, with EventCard's own classes and words, over the page until the app has drawn
 * them itself (`dropFirstScreen` in src/api/firstPage.ts): people read the list while the scripts still load and
 * start, and each card is a real link that works before them. Nothing when there are no events (the app says so).
 */
export function firstScreen(events: readonly Event[], now: Date): string {
  if (!events.length) return '';
  const cards = events.map((e) => {
    const seats = `event-card__seats${e.seatsLeft <= 0 ? ' event-card__seats--full' : ''}`;
    return (
      `<a class="event-card first-screen__card" href="/pages/events/detail?id=${encodeURIComponent(e.id)}">` +
      `<span class="event-card__tags"><span class="event-card__type event-card__type--${escapeHtml(e.type)}">${escapeHtml(EVENT_TYPE_LABELS[e.type])}</span></span>` +
      `<span class="event-card__title">${escapeHtml(e.title)}</span>` +
      `<span class="event-card__time">${escapeHtml(formatEventTime(e.startAt, e.endAt, now))}</span>` +
      `<span class="event-card__location">${escapeHtml(e.location)}</span>` +
      `<span class="${seats}">${escapeHtml(seatsText(e))}</span></a>`
    );
  });
  return (
    `<div id="${FIRST_SCREEN_ELEMENT_ID}" class="first-screen">` +
    `<header class="nav-bar"><h1 class="nav-bar__title">活动</h1></header>` +
    `<main class="first-screen__list">${cards.join('')}</main></div>`
  );
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * The events page's files in the page's head, from the list the H5 build writes (config/firstPageAssets.ts): its styles
 * as stylesheets (the first screen is drawn with them), its scripts preloaded after the app's own (a deferred script is
 * a low-priority fetch, a plain preload a high one, so the app's are marked high and the page's low): fetched beside
 * app.js instead of after it has run. Nothing when the build has no list.
 */
export function firstPagePreloads(staticDir: string | undefined, html: string): string {
  if (!staticDir) return '';
  const manifest = path.join(staticDir, FIRST_PAGE_ASSETS);
  if (!fs.existsSync(manifest)) return '';
  const files = JSON.parse(fs.readFileSync(manifest, 'utf8')) as unknown;
  if (!Array.isArray(files)) return '';
  const appScripts = [...html.matchAll(/<script defer="defer" src="\/(js\/[\w.-]+\.js)">/g)].map((m) => m[1]);
  const pageFiles = files.filter((f): f is string => typeof f === 'string' && /^(js|css)\/[\w.-]+\.(js|css)$/.test(f));
  const link = (file: string, priority: 'high' | 'low') =>
    file.endsWith('.css')
      ? `<link rel="stylesheet" href="/${file}">`
      : `<link rel="preload" href="/${file}" as="script" fetchpriority="${priority}">`;
  return [...appScripts.map((f) => link(f, 'high')), ...pageFiles.map((f) => link(f, 'low'))].join('');
}
