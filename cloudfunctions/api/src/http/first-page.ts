/**
 * The events list is the first screen: the gateway writes its first page into the HTML it serves, so the app shows
 * events without a second round trip after its scripts start. A data block (`type="application/json"`) is never run,
 * so the Content-Security-Policy has nothing to allow; `<` is escaped so the data cannot close the element. The same
 * events are drawn in plain HTML over the page until the app has drawn them (`firstScreen`), with the styles written
 * into the page and the events page's scripts asked for with it (`firstPageShell`).
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
 * The page (`firstPageShell`) with the first events in it, as data and drawn; the page as it is when the list cannot
 * be read (the app then asks itself).
 */
export async function withFirstPage(html: string, deps: Deps): Promise<string> {
  const result = await dispatch(deps, null, 'events.list', { limit: FIRST_PAGE_SIZE }, { logError: () => undefined });
  // Replacements are given as functions: a string would read `$\``, `$'` and `$&` in an event's title as patterns and
  // splice parts of the page into it.
  if (!result.ok) return html;
  const json = JSON.stringify(result.data).replace(/</g, '\\u003c');
  const events = (result.data as { items: Event[] }).items;
  return html
    .replace('</head>', () => `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${json}</script></head>`)
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
 * The page that opens on the events list, before its events are written in: its styles inside it, the app started
 * once the first screen has been painted, the events page's files asked for with the page. Read once when the gateway
 * starts; the page as it is when the build wrote no list of the events page's files (config/firstPageAssets.ts).
 *
 * Styles: the app's stylesheet and the events page's (about 6 KB together, 2 KB compressed) are written into the page
 * as `<style>` elements, so the first screen is drawn the moment the HTML has arrived instead of one more round trip
 * later (a stylesheet holds back every paint until it has arrived). Each carries its file's address in `data-href`,
 * where the app's style loader looks before it fetches a page's styles: they are not fetched a second time. The
 * Content-Security-Policy already allows inline styles ('unsafe-inline', which Taro and NutUI need at run time); a
 * hash beside it would switch that off, so none is added. A file that names another (`url(`, `@import`, `image-set(`)
 * stays a link: written into the page, a relative address would be read from the page's folder instead of css/.
 *
 * Scripts: none for the parser to fetch or run. Deferred scripts in the head run as soon as the page is parsed, and the
 * browser paints after them: the first screen was shown only once app.js had run (npm run bench: first paint 220–360
 * ms against 160–200 ms for the same cards as a plain page), and Lighthouse's simulation, which counts every file that
 * had arrived before the paint as needed for it, put the largest paint at 1.5–2.5 s on a slow phone. So a small script
 * at the end of the page asks for them once the first screen is on screen (`startAfterFirstPaint`): the paint waits
 * for nothing (bench: 144–152 ms, Lighthouse: 0.8 s), and the app's own list comes no later in the bench (~390 ms
 * either way). On a slow network the scripts start later by the time the first screen takes to paint, while people
 * already read it and can open its links.
 */
export function firstPageShell(staticDir: string | undefined, html: string): string {
  const files = firstPageFiles(staticDir);
  const appScripts = [...html.matchAll(/<script defer="defer" src="\/(js\/[\w.-]+\.js)"><\/script>/g)].map((m) => m[1]);
  // The scripts are taken out only where the script that adds them back can go in.
  if (!staticDir || !files || !appScripts.length || !html.includes('</body>')) return html;
  const style = (file: string, tag: string) => inlineStyle(staticDir, file) ?? tag;
  const pageScripts = files.filter((f) => f.endsWith('.js'));
  const pageStyles = files.filter((f) => f.endsWith('.css')).map((f) => style(f, `<link rel="stylesheet" href="/${f}">`));
  return html
    .replace(/<script defer="defer" src="\/js\/[\w.-]+\.js"><\/script>/g, '')
    .replace(/<link href="\/(css\/[\w.-]+\.css)" rel="stylesheet">/g, (tag, file: string) => style(file, tag))
    .replace('</head>', () => `${pageStyles.join('')}</head>`)
    .replace('</body>', () => `${startAfterFirstPaint(appScripts, pageScripts)}</body>`);
}

/**
 * The script that starts the app (see firstPageShell), allowed by the Content-Security-Policy by its hash. It adds the
 * app's scripts, to run in their order (`async = false`; high priority, as an added script is otherwise a low one), and
 * asks for the events page's at the same time (preloaded, low priority), instead of one after another as app.js finds
 * it needs them. It waits for the browser's own word that the first screen is on screen (its first-contentful-paint
 * entry, given once the frame has been shown, not merely drawn); a browser that does not report paints starts after
 * the next frame. With no first screen drawn (no events, or the list could not be read), or in a hidden tab, it starts
 * at once; a tab hidden before its first paint has no paint to wait for, so hiding it starts the app too. And a browser
 * that reports paints but never this one (a web view that does not paint an off-screen page) starts it after 1.5 s, and
 * one whose observer refuses the options (Chrome 73–76 list `paint` but take only `entryTypes`) starts it at once.
 */
function startAfterFirstPaint(appScripts: readonly string[], pageScripts: readonly string[]): string {
  // Whatever the browser reports or fails to report, the app starts by then.
  const START_AT_THE_LATEST_MS = 1500;
  if (!appScripts.length) return '';
  const addresses = (files: readonly string[]) => JSON.stringify(files.map((f) => `/${f}`));
  const js = `(function(){var started=false;
function add(tag,set){var e=document.createElement(tag);set(e);document.head.appendChild(e)}
function start(){if(started)return;started=true;
${addresses(appScripts)}.forEach(function(src){add("script",function(s){s.src=src;s.async=false;s.setAttribute("fetchpriority","high")})});
${addresses(pageScripts)}.forEach(function(href){add("link",function(l){l.rel="preload";l.as="script";l.href=href;l.setAttribute("fetchpriority","low")})})}
setTimeout(start,${START_AT_THE_LATEST_MS});
var types=window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[];
if(document.hidden||!document.getElementById(${JSON.stringify(FIRST_SCREEN_ELEMENT_ID)}))start();
else if(types.indexOf("paint")>=0){document.addEventListener("visibilitychange",start);
try{new PerformanceObserver(function(list){if(list.getEntriesByName("first-contentful-paint").length)start()}).observe({type:"paint",buffered:true})}catch(e){start()}}
else requestAnimationFrame(function(){setTimeout(start,0)})})()`;
  return `<script>${js.replace(/\n/g, '')}</script>`;
}

/** The events page's script and style files, as the H5 build listed them; a name that is not one of its files is dropped. */
function firstPageFiles(staticDir: string | undefined): string[] | null {
  if (!staticDir) return null;
  const manifest = path.join(staticDir, FIRST_PAGE_ASSETS);
  if (!fs.existsSync(manifest)) return null;
  const files = JSON.parse(fs.readFileSync(manifest, 'utf8')) as unknown;
  if (!Array.isArray(files)) return null;
  return files.filter((f): f is string => typeof f === 'string' && /^(js|css)\/[\w.-]+\.(js|css)$/.test(f));
}

/** A stylesheet of the build as a `<style>` element, or null when it must stay a link (see firstPageShell). */
function inlineStyle(staticDir: string, file: string): string | null {
  const full = path.join(staticDir, file);
  if (!fs.existsSync(full)) return null;
  const css = fs.readFileSync(full, 'utf8');
  if (/url\(|@import|image-set\(/i.test(css) || /<\/style|<\/head|<body/i.test(css)) return null;
  return `<style data-href="/${file}">${css}</style>`;
}
