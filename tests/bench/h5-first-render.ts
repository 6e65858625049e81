/**
 * H5 first render: how long from navigation start until the first `.event-card` is visible on /pages/events/index
 * (Taro app: HTML → runtime → router → page chunk → events.list → render), beside a plain HTML page showing the
 * same events, served by the same gateway code from a temp folder. Fresh browser context (cold cache) per run.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import type { Event } from '@shared/events';
import { dispatch } from '../../cloudfunctions/api/src/app/dispatch';
import { newId } from '../../cloudfunctions/api/src/core/ids';
import { seedDemo } from '../../cloudfunctions/api/src/demo/seed';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { ms, section, subsection, summarize, table, type SummaryRow } from './stats';
import { openBenchWorld } from './world';

const ROOT = path.resolve(__dirname, '../..');
/** H5_DIR measures another build (e.g. one kept aside), as `npm start` does; dist-h5 otherwise. */
const DIST_H5 = path.resolve(ROOT, process.env.H5_DIR ?? 'dist-h5');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = 10;
const WARMUP = 1;
const APP_PATH = '/pages/events/index';
/** What the events page asks for on first load (src/pages/events/index.tsx PAGE_SIZE). */
const FIRST_PAGE = 10;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs in the page before any of its scripts: stamps the first moment a `.event-card` has a box and is not hidden
 * (the gateway's drawing or the app's), and the first moment the app's own card is (`.events-page`: the list people
 * can filter and page).
 */
const FIRST_CARD_PROBE = `(() => {
  const shown = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const check = () => {
    if (!window.__firstCard && shown('.event-card')) window.__firstCard = performance.now();
    if (!window.__appCard && shown('.events-page .event-card')) window.__appCard = performance.now();
    return !!window.__appCard;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => { if (!check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

interface Load {
  firstCard: number;
  /** The app's own list (app only; the static page has none). */
  appCard: number | null;
  /** What the browser itself reports: its first paint with content, and the largest paint so far. */
  fcp: number;
  lcp: number;
  domContentLoaded: number;
  /** When the last script or stylesheet had arrived. */
  assetsDone: number;
  /** When events.list was sent and when its answer had arrived (app only). */
  apiStart: number | null;
  apiDone: number | null;
  requests: number;
  bytes: number;
  largestScript: string;
}

export async function runH5FirstRender(): Promise<SummaryRow[]> {
  section(`4. H5 first render — first visible .event-card on ${APP_PATH} vs a static page with the same events`);
  const skip = whySkip();
  if (skip) {
    console.log(`skipped: ${skip}`);
    return [{ section: '4 H5 first render', engine: '—', figures: `skipped: ${skip}` }];
  }
  const built = fs.statSync(path.join(DIST_H5, 'index.html')).mtime;
  console.log(`${path.relative(ROOT, DIST_H5)} built ${built.toISOString()} (the bench measures that build as it is; it does not rebuild)`);

  const world = await openBenchWorld('pglite');
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-static-'));
  const servers: FastifyInstance[] = [];
  let browser: Browser | undefined;
  try {
    await seedDemo(world.deps.repos, new Date(), newId);
    const listed = await dispatch(world.deps, null, 'events.list', { limit: FIRST_PAGE });
    if (!listed.ok) throw new Error(`events.list failed: ${listed.error.code}`);
    const events = (listed.data as { items: Event[] }).items;
    fs.writeFileSync(path.join(staticDir, 'index.html'), staticPage(events));

    const sessions = createSessions(crypto.randomBytes(32).toString('hex'));
    const appBase = await listen(servers, await buildGateway({ deps: world.deps, sessions, staticDir: DIST_H5 }));
    const staticBase = await listen(servers, await buildGateway({ deps: world.deps, sessions, staticDir }));
    console.log(`${events.length} seeded events on the first page; app at ${appBase}${APP_PATH}, static page at ${staticBase}/`);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    console.log(`chromium ${browser.version()}, ${RUNS} runs each after ${WARMUP} warm-up, interleaved, fresh context per run`);
    const app: Load[] = [];
    const plain: Load[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const a = await loadOnce(browser, `${appBase}${APP_PATH}`);
      const s = await loadOnce(browser, `${staticBase}/`);
      if (i >= WARMUP) {
        app.push(a);
        plain.push(s);
      }
    }

    const appFirst = summarize(app.map((l) => l.firstCard));
    const staticFirst = summarize(plain.map((l) => l.firstCard));
    subsection('Figures (ms from navigation start)');
    console.log(
      table([
        ['page', 'first .event-card p50', 'p95', 'min', 'max', 'FCP p50', 'LCP p50', 'DOMContentLoaded p50', 'requests', 'transfer'],
        row('Taro H5 app', app, appFirst),
        row('static HTML', plain, staticFirst),
      ]),
    );
    const p50 = (pick: (l: Load) => number | null) => ms(summarize(app.flatMap((l) => (pick(l) === null ? [] : [pick(l) as number]))).p50);
    console.log(
      `app critical path (p50): DOMContentLoaded ${p50((l) => l.domContentLoaded)} → last script/css in ${p50((l) => l.assetsDone)} → ` +
        `events.list sent ${p50((l) => l.apiStart)} → answered ${p50((l) => l.apiDone)} → first card visible ${ms(appFirst.p50)} → ` +
        `the app's own list ${p50((l) => l.appCard)}`,
    );
    const probe = await fetch(`${appBase}${largestScript(app)}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    await probe.arrayBuffer();
    console.log(
      `largest script ${largestScript(app)}: content-encoding ${probe.headers.get('content-encoding') ?? 'none'}, cache-control ${
        probe.headers.get('cache-control') ?? 'none'
      }`,
    );
    console.log(`ratio (median): ${(appFirst.p50 / staticFirst.p50).toFixed(1)}× — the app's cost of booting before it can show the list`);
    return [
      {
        section: '4 H5 first render',
        engine: 'chromium',
        figures: `app median ${ms(appFirst.p50)} p95 ${ms(appFirst.p95)} (its own list ${p50((l) => l.appCard)}) · static median ${ms(staticFirst.p50)} p95 ${ms(staticFirst.p95)} · ${(
          appFirst.p50 / staticFirst.p50
        ).toFixed(1)}×`,
      },
    ];
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    await world.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
}

function whySkip(): string | null {
  if (!fs.existsSync(path.join(DIST_H5, 'index.html'))) return 'dist-h5/index.html not found (run `npm run build:h5` first)';
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} not found (apt-get install chromium fonts-wqy-microhei)`;
  return null;
}

function row(name: string, loads: Load[], first: ReturnType<typeof summarize>): string[] {
  const dcl = summarize(loads.map((l) => l.domContentLoaded));
  const fcp = summarize(loads.map((l) => l.fcp));
  const lcp = summarize(loads.map((l) => l.lcp));
  const requests = summarize(loads.map((l) => l.requests));
  const bytes = summarize(loads.map((l) => l.bytes));
  return [name, ms(first.p50), ms(first.p95), ms(first.min), ms(first.max), ms(fcp.p50), ms(lcp.p50), ms(dcl.p50), String(requests.p50), `${(bytes.p50 / 1024).toFixed(0)} KB`];
}

function largestScript(loads: Load[]): string {
  return loads[0]?.largestScript ?? '/';
}

async function listen(servers: FastifyInstance[], app: FastifyInstance): Promise<string> {
  servers.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(FIRST_CARD_PROBE);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const app = url.includes(APP_PATH);
    await page.waitForFunction(
      (app) => {
        const w = window as unknown as { __firstCard?: number; __appCard?: number };
        return w.__firstCard !== undefined && (!app || w.__appCard !== undefined);
      },
      app,
      { timeout: 30_000 },
    );
    return await page.evaluate(async () => {
      const lcp = await new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN)).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        });
        setTimeout(() => resolve(Number.NaN), 1000);
      });
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const api = resources.find((r) => r.name.includes('/api/events.list'));
      return {
        firstCard: (window as unknown as { __firstCard: number }).__firstCard,
        appCard: (window as unknown as { __appCard?: number }).__appCard ?? null,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        lcp,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : Number.NaN,
        assetsDone: Math.max(0, ...resources.filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link').map((r) => r.responseEnd)),
        apiStart: api ? api.startTime : null,
        apiDone: api ? api.responseEnd : null,
        requests: resources.length + 1,
        bytes: resources.reduce((s, r) => s + r.transferSize, nav?.transferSize ?? 0),
        largestScript: new URL(
          resources.filter((r) => r.initiatorType === 'script').sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0]?.name ?? location.href,
        ).pathname,
      };
    });
  } finally {
    await context.close();
  }
}

/** The same cards the app shows first, as plain server-rendered HTML with inline CSS: the floor for this content. */
function staticPage(events: Event[]): string {
  const labels: Record<Event['type'], string> = { fair: '招聘专场', training: '培训', policy: '政策宣讲', salon: '人才会客厅', service: '送服务' };
  const when = (iso: string) =>
    new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(
      new Date(iso),
    );
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  const cards = events
    .map(
      (e) => `<div class="event-card"><span class="tag">${labels[e.type]}</span><h3>${esc(e.title)}</h3>
<p>${when(e.startAt)}</p><p>${esc(e.location)}</p><p>剩余名额 ${e.seatsLeft} / ${e.capacity}</p></div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>佘山两新服务</title><style>
body{margin:0;background:#f5f5f5;font-family:sans-serif}.event-card{background:#fff;margin:12px;padding:12px;border-radius:8px}
.event-card h3{margin:6px 0;font-size:16px}.event-card p{margin:2px 0;color:#666;font-size:13px}.tag{color:#c00;font-size:12px}
</style></head><body><main>${cards}</main></body></html>`;
}
