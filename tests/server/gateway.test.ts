/**
 * The HTTP gateway over real sockets: sessions, status codes, body handling and the H5 app's deep links.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { HTTP_STATUS, type ApiResult, type ErrorCode } from '@shared/result';
import type { Deps } from '../../cloudfunctions/api/src/core/context';
import { buildGateway, type GatewayOptions } from '../../cloudfunctions/api/src/http/gateway';
import { firstPageShell } from '../../cloudfunctions/api/src/http/first-page';
import { createSessions, SESSION_TTL_SECONDS } from '../../cloudfunctions/api/src/http/sessions';
import { aPublishedEvent, anEvent, contactOf, makeWorld, type World } from './support/world';
import { openSession } from './support/sessions';

const SECRET = 'gateway-test-secret-0123456789abcdefghijkl';
const sessions = createSessions(SECRET);

interface Answer {
  status: number;
  type: string | null;
  json: ApiResult<unknown> & { data?: unknown };
}

async function listen(options: GatewayOptions): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildGateway(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('HTTP gateway', () => {
  let world: World;
  let app: FastifyInstance;
  let base: string;
  const signIn = (openid: string) => openSession(world.deps, sessions, openid);

  beforeAll(async () => {
    world = await makeWorld('pglite', { demoSessions: sessions });
    ({ app, base } = await listen({ deps: world.deps, sessions }));
  });
  beforeEach(() => world.reset());
  afterAll(async () => {
    await app.close();
    await world.close();
  });

  async function post(
    action: string,
    options: { token?: string; body?: BodyInit; contentType?: string | null; authorization?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.contentType !== null && options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.authorization) headers.authorization = options.authorization;
    const response = await fetch(`${base}/api/${action}`, { method: 'POST', headers, body: options.body });
    return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as Answer['json'] };
  }

  const call = (action: string, payload: unknown, token?: string) => post(action, { body: JSON.stringify(payload), token });

  function expectError(answer: Answer, status: number, code: ErrorCode): void {
    expect(answer.type).toMatch(/^application\/json/);
    expect({ status: answer.status, body: answer.json }).toEqual({
      status,
      body: { ok: false, error: expect.objectContaining({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }) },
    });
  }

  it('answers GET /healthz with 200', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('lists events for an anonymous visitor', async () => {
    const id = await aPublishedEvent(world);
    const answer = await call('events.list', {});
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, data: { items: [{ id, status: 'published' }], nextCursor: null } });
  });

  describe('sessions', () => {
    it('hands out a demo token that then works for me.get', async () => {
      const login = await call('auth.demoLogin', { openid: 'staff-1' });
      expect(login.json).toMatchObject({ ok: true, data: { user: { openid: 'staff-1', roles: ['staff'] } } });
      const { token } = (login.json as { data: { token: string } }).data;
      const me = await post('me.get', { token });
      expect(me.status).toBe(200);
      expect(me.json).toMatchObject({ ok: true, data: { openid: 'staff-1', roles: ['staff'] } });
    });

    it('logs a new openid in as a plain worker', async () => {
      const login = await call('auth.demoLogin', { openid: 'rider-wang' });
      const { token } = (login.json as { data: { token: string } }).data;
      expect((await post('me.get', { token })).json).toMatchObject({ ok: true, data: { openid: 'rider-wang', roles: ['worker'] } });
    });

    it('answers 401 UNAUTHENTICATED to me.get without a token', async () => {
      expectError(await post('me.get'), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 to a token whose signature was tampered with', async () => {
      const token = await signIn('worker-1');
      const [body, mac] = token.split('.');
      const flipped = `${body}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
      expectError(await post('me.get', { token: flipped }), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 to a token claiming to be someone else under the old signature', async () => {
      const [, mac] = (await signIn('worker-1')).split('.');
      const claims = Buffer.from(JSON.stringify({ sub: 'admin-1', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
      expectError(await call('users.list', {}, `${claims}.${mac}`), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 to a token signed with another secret', async () => {
      const other = createSessions('another-secret-entirely-0123456789abcdef');
      expectError(await post('me.get', { token: other.issue('admin-1', 'session-of-admin') }), 401, 'UNAUTHENTICATED');
    });

    it.each([
      ['a garbage token', 'Bearer not-a-token'],
      ['three parts', 'Bearer a.b.c'],
      ['an empty bearer', 'Bearer '],
      ['another scheme', `Basic ${Buffer.from('admin-1:x').toString('base64')}`],
      ['a bare token without a scheme', sessions.issue('worker-1', 'session-of-worker')],
    ])('answers 401 to %s', async (_what, authorization) => {
      expectError(await post('me.get', { authorization }), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 to an expired token', async () => {
      const lastWeek = createSessions(SECRET, () => new Date(Date.now() - (SESSION_TTL_SECONDS + 60) * 1000));
      expectError(await post('me.get', { token: lastWeek.issue('worker-1', 'session-of-worker') }), 401, 'UNAUTHENTICATED');
      const shortLived = createSessions(SECRET, () => new Date(Date.now() - 2000), 1);
      expectError(await post('me.get', { token: shortLived.issue('worker-1', 'session-of-worker') }), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 to a bad token even on a public action, rather than serving it anonymously', async () => {
      expectError(await call('events.list', {}, 'not-a-token'), 401, 'UNAUTHENTICATED');
    });

    it('accepts the scheme in any case', async () => {
      const answer = await post('me.get', { authorization: `bearer ${await signIn('worker-1')}` });
      expect(answer.json).toMatchObject({ ok: true, data: { openid: 'worker-1' } });
    });
  });

  describe('routes and bodies', () => {
    it.each([
      ['an action the contract does not have', 'events.nope'],
      ['a name inherited by every object', 'constructor'],
      ['the prototype', '__proto__'],
      ['an Object method', 'hasOwnProperty'],
      ['a 300-character name', 'x'.repeat(300)],
    ])('answers 404 UNKNOWN_ACTION to %s', async (_what, action) => {
      expectError(await call(action, {}), 404, 'UNKNOWN_ACTION');
    });

    it('answers 404 UNKNOWN_ACTION in our JSON shape to GET /api/events.list', async () => {
      const response = await fetch(`${base}/api/events.list`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    });

    it('answers 404 NOT_FOUND in our JSON shape to an unknown path', async () => {
      const response = await fetch(`${base}/pages/events/detail?id=x`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it.each([
      ['broken JSON', '{"limit": 10'],
      ['plain text', '招聘会'],
      ['a form body', 'limit=10&type=fair'],
    ])('answers 400 INVALID_INPUT to a body that is %s', async (_what, body) => {
      const answer = await post('events.list', { body });
      expectError(answer, 400, 'INVALID_INPUT');
      expect(answer.json).toMatchObject({ error: { issues: [expect.objectContaining({ message: expect.any(String) })] } });
    });

    it('accepts valid JSON sent as text/plain', async () => {
      await aPublishedEvent(world, { type: 'fair' });
      const answer = await post('events.list', { body: '{"type":"fair"}', contentType: 'text/plain;charset=UTF-8' });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ ok: true, data: { items: [{ type: 'fair' }] } });
    });

    it('accepts valid JSON with no content type at all', async () => {
      // A byte body, unlike a string, makes fetch send no content-type header.
      const answer = await post('events.list', { body: new TextEncoder().encode('{"limit":5}'), contentType: null });
      expect(answer.status).toBe(200);
    });

    it('treats an empty body on me.get as {}', async () => {
      const token = await signIn('worker-1');
      expect((await post('me.get', { token })).status).toBe(200);
      expect((await post('me.get', { token, body: '' })).status).toBe(200);
      expect((await post('me.get', { token, body: '   \n' })).status).toBe(200);
    });

    it('answers 413 PAYLOAD_TOO_LARGE to a 100 KB body', async () => {
      const body = JSON.stringify({ ...anEvent(), description: '介'.repeat(34_000) });
      expect(Buffer.byteLength(body)).toBeGreaterThan(100_000);
      expectError(await post('events.create', { body, token: await signIn('staff-1') }), 413, 'PAYLOAD_TOO_LARGE');
      expect((await world.call('staff-1', 'events.list', { status: 'draft' })).items).toEqual([]);
    });
  });

  describe('status codes', () => {
    it('answers each error code with the HTTP status the protocol gives it', async () => {
      const staff = await signIn('staff-1');
      const worker = await signIn('worker-1');
      const eventId = await aPublishedEvent(world, { capacity: 1, waitlist: false });
      await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2) });

      const seen: [string, number, string][] = [];
      const check = async (what: string, answer: Promise<Answer>) => {
        const { status, json } = await answer;
        seen.push([what, status, json.ok ? 'ok' : json.error.code]);
        if (!json.ok) expect([what, status]).toEqual([what, HTTP_STATUS[json.error.code]]);
      };
      await check('ok', call('events.get', { id: eventId }));
      await check('bad input', call('events.create', { ...anEvent(), capacity: 0 }, staff));
      await check('no session', call('registrations.mine', {}));
      await check('not staff', call('events.create', anEvent(), worker));
      await check('no such event', call('events.get', { id: 'no-such-event' }));
      await check('no such action', call('events.delete', { id: eventId }, staff));
      await check('full', call('registrations.create', { eventId, contact: contactOf(1) }, worker));
      await check('published twice', call('events.publish', { id: eventId }, staff));

      expect(seen).toEqual([
        ['ok', 200, 'ok'],
        ['bad input', 400, 'INVALID_INPUT'],
        ['no session', 401, 'UNAUTHENTICATED'],
        ['not staff', 403, 'FORBIDDEN'],
        ['no such event', 404, 'NOT_FOUND'],
        ['no such action', 404, 'UNKNOWN_ACTION'],
        ['full', 409, 'EVENT_FULL'],
        ['published twice', 409, 'INVALID_TRANSITION'],
      ]);
    });

    it('answers 403 DEMO_LOGIN_DISABLED on a gateway without demo sessions', async () => {
      const { demoSessions: _demo, ...productionDeps } = world.deps;
      const production = await listen({ deps: productionDeps, sessions });
      try {
        const response = await fetch(`${production.base}/api/auth.demoLogin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid: 'admin-1' }),
        });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ ok: false, error: { code: 'DEMO_LOGIN_DISABLED' } });
      } finally {
        await production.app.close();
      }
    });

    it('answers 500 INTERNAL in Chinese, without the fault itself, when storage fails', async () => {
      const failing: Deps = {
        ...world.deps,
        repos: {
          ...world.deps.repos,
          events: {
            ...world.deps.repos.events,
            list: async () => {
              throw new Error('connection reset by peer at 10.0.0.5:5432');
            },
          },
        },
      };
      const broken = await listen({ deps: failing, sessions });
      try {
        const response = await fetch(`${broken.base}/api/events.list`, { method: 'POST', body: '{}' });
        expect(response.status).toBe(500);
        const text = await response.text();
        // The id is what a person quotes to staff; it is the same one the answer's header and the log carry.
        expect(JSON.parse(text)).toEqual({
          ok: false,
          error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试', requestId: response.headers.get('x-request-id') },
        });
        expect(text).not.toContain('10.0.0.5');
      } finally {
        await broken.app.close();
      }
    });

    it('still answers /healthz after all of that', async () => {
      await post('me.get', { body: '{broken' });
      await post('events.create', { body: 'x'.repeat(200_000) });
      const response = await fetch(`${base}/healthz`);
      expect(response.status).toBe(200);
    });
  });

  describe('serving the H5 app', () => {
    let dir: string;
    let h5: { app: FastifyInstance; base: string };
    const html = '<!doctype html><html><head><title>佘山两新服务</title></head><body><div id="app"></div></body></html>';
    /** In demo mode the gateway tells the page so before any script runs (the persona picker shows). */
    const demoHtml = html.replace('</head>', '<script>window.__SHESHAN_DEMO__=true</script></head>');

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'));
      fs.writeFileSync(path.join(dir, 'index.html'), html);
      fs.mkdirSync(path.join(dir, 'js'));
      fs.writeFileSync(path.join(dir, 'js', 'app.js'), 'console.log("h5")');
      h5 = await listen({ deps: world.deps, sessions, staticDir: dir });
    });
    afterAll(async () => {
      await h5.app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('serves index.html for a deep link of the H5 router', async () => {
      const response = await fetch(`${h5.base}/pages/events/detail?id=x`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toBe(demoHtml);
    });

    /** The page without the first events the gateway writes into the pages that open on the events list. */
    const withoutFirstPage = (page: string) => page.replace(/<script type="application\/json" id="sheshan-first-page">.*?<\/script>/, '');
    const firstPageOf = (page: string) =>
      JSON.parse(/<script type="application\/json" id="sheshan-first-page">(.*?)<\/script>/.exec(page)?.[1] ?? 'null');

    it('serves the app at / and its files as they are', async () => {
      expect(withoutFirstPage(await (await fetch(`${h5.base}/`)).text())).toBe(demoHtml);
      expect(withoutFirstPage(await (await fetch(`${h5.base}/index.html`)).text())).toBe(demoHtml);
      const script = await fetch(`${h5.base}/js/app.js`);
      expect(script.status).toBe(200);
      expect(await script.text()).toBe('console.log("h5")');
    });

    it('writes the first page of events into the page that opens on the events list, and nowhere else', async () => {
      await world.reset();
      const id = await aPublishedEvent(world, { title: '</script><script>alert(1)</script>培训' });
      // `$` patterns in a title stay text: they must not copy parts of the page into the page.
      const dollars = await aPublishedEvent(world, { title: "讲座$`报名$'须知$&$$" });
      const page = await (await fetch(`${h5.base}/pages/events/index`)).text();
      expect(page).not.toContain('<script>alert(1)');
      const embedded = firstPageOf(page);
      const asked = await world.call(null, 'events.list', { limit: 10 });
      expect(embedded).toEqual(JSON.parse(JSON.stringify(asked)));
      expect(embedded.items.map((e: { id: string }) => e.id).sort()).toEqual([id, dollars].sort());
      expect(page).toContain("<span class=\"event-card__title\">讲座$`报名$&#39;须知$&amp;$$</span>");
      expect(page.match(/<body>/g)).toHaveLength(1);
      expect(page.match(/<\/head>/g)).toHaveLength(1);
      expect(firstPageOf(await (await fetch(`${h5.base}/pages/events/detail?id=${id}`)).text())).toBeNull();
      // Drawn too, as a link to the event, its title escaped, its time in Shanghai.
      expect(page).toContain(`<a class="event-card first-screen__card" href="/pages/events/detail?id=${encodeURIComponent(id)}">`);
      expect(page).toContain('<span class="event-card__title">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;培训</span>');
      expect(await (await fetch(`${h5.base}/pages/me/index`)).text()).not.toContain('sheshan-first-screen');
    });

    it("writes the styles into the page that opens on the events list, and starts the app's scripts from it under the policy", async () => {
      const built = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-built-'));
      const page =
        '<!doctype html><html><head><script defer="defer" src="/js/app.12ab34cd.js"></script>' +
        '<link href="/css/app.12ab34cd.css" rel="stylesheet"></head><body><div id="app"></div></body></html>';
      fs.writeFileSync(path.join(built, 'index.html'), page);
      fs.mkdirSync(path.join(built, 'css'));
      fs.writeFileSync(path.join(built, 'css', 'app.12ab34cd.css'), '.nav-bar{background:#c8161d}');
      fs.writeFileSync(path.join(built, 'css', '177.fb9855da.css'), '.event-card{background:#fff}');
      // An address relative to css/ would be read from the page's folder once written into the page: it stays a link.
      fs.writeFileSync(path.join(built, 'css', '9.aa11bb22.css'), '.logo{background:url(../static/logo.png)}');
      // What config/firstPageAssets.ts writes; a name that is not one of the build's files is never echoed.
      const listed = ['js/177.fb9855da.js', 'css/177.fb9855da.css', 'css/9.aa11bb22.css', '../../etc/passwd"><script>'];
      fs.writeFileSync(path.join(built, 'first-page-assets.json'), JSON.stringify(listed));
      const served = await listen({ deps: world.deps, sessions, staticDir: built });
      try {
        await world.reset();
        await aPublishedEvent(world, {});
        const response = await fetch(`${served.base}/`);
        const events = await response.text();
        expect(events).toContain('<style data-href="/css/app.12ab34cd.css">.nav-bar{background:#c8161d}</style>');
        expect(events).toContain('<style data-href="/css/177.fb9855da.css">.event-card{background:#fff}</style>');
        expect([...events.matchAll(/<link [^>]*>/g)].map((m) => m[0])).toEqual(['<link rel="stylesheet" href="/css/9.aa11bb22.css">']);
        expect(events).not.toContain('passwd');
        // No script the parser would fetch and run before the first screen is painted: one inline script starts them.
        expect(events).not.toMatch(/<script[^>]*\bsrc=/);
        const starter = /<script>(\(function\(\)\{[^<]*)<\/script><\/body>/.exec(events)?.[1] ?? '';
        expect(starter).toContain('["/js/app.12ab34cd.js"]');
        expect(starter).toContain('["/js/177.fb9855da.js"]');
        const hash = `'sha256-${crypto.createHash('sha256').update(starter, 'utf8').digest('base64')}'`;
        expect(response.headers.get('content-security-policy')).toContain(hash);
        expect(await (await fetch(`${served.base}/pages/events/index`)).text()).toBe(events);
        // Every other page is the build's own, as it was.
        expect(await (await fetch(`${served.base}/pages/me/index`)).text()).toBe(page.replace('</head>', '<script>window.__SHESHAN_DEMO__=true</script></head>'));
      } finally {
        await served.app.close();
        fs.rmSync(built, { recursive: true, force: true });
      }
    });

    it("keeps a build's page whole where the app could not be started from it, and links styles that name other files", () => {
      const built = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-built-'));
      try {
        fs.mkdirSync(path.join(built, 'css'));
        fs.writeFileSync(path.join(built, 'css', '1.aa.css'), '@import "fonts.css";.a{color:#333}');
        fs.writeFileSync(path.join(built, 'css', '2.bb.css'), '.b{background-image:image-set("x.png" 1x)}');
        fs.writeFileSync(path.join(built, 'first-page-assets.json'), JSON.stringify(['css/1.aa.css', 'css/2.bb.css', 'js/3.cc.js']));
        const head = '<!doctype html><html><head><script defer="defer" src="/js/app.1.js"></script></head>';
        // No </body> to put the starting script before: the scripts stay as the build wrote them.
        const unclosed = `${head}<body><div id="app"></div>`;
        expect(firstPageShell(built, unclosed)).toBe(unclosed);
        const shell = firstPageShell(built, `${head}<body><div id="app"></div></body></html>`);
        expect([...shell.matchAll(/<link [^>]*>/g)].map((m) => m[0])).toEqual([
          '<link rel="stylesheet" href="/css/1.aa.css">',
          '<link rel="stylesheet" href="/css/2.bb.css">',
        ]);
        expect(shell).toContain('["/js/app.1.js"]');
      } finally {
        fs.rmSync(built, { recursive: true, force: true });
      }
    });

    it('leaves the demo flag out when the gateway is not in demo mode', async () => {
      const { demoSessions: _demo, ...productionDeps } = world.deps;
      const prod = await listen({ deps: productionDeps, sessions, staticDir: dir });
      try {
        expect(withoutFirstPage(await (await fetch(`${prod.base}/`)).text())).toBe(html);
        expect(await (await fetch(`${prod.base}/pages/me/index`)).text()).toBe(html);
      } finally {
        await prod.app.close();
      }
    });

    it('answers /robots.txt as text that keeps crawlers out of the API and the personal and staff pages, not the app page', async () => {
      const robots = await fetch(`${h5.base}/robots.txt`);
      expect(robots.status).toBe(200);
      expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await robots.text();
      expect(text).toContain('Disallow: /api/');
      expect(text).toContain('Disallow: /staff/');
      expect(text).not.toContain('<html');
    });

    it('keeps the API in JSON next to the app', async () => {
      const unknown = await fetch(`${h5.base}/api/nope`, { method: 'POST', body: '{}' });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });

      const get = await fetch(`${h5.base}/api/events.list`);
      expect(get.status).toBe(404);
      expect(await get.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });

      const list = await fetch(`${h5.base}/api/events.list`, { method: 'POST', body: '{}' });
      expect(await list.json()).toMatchObject({ ok: true, data: { items: [] } });
    });

    it('answers a POST outside the API with a JSON 404, not the app', async () => {
      const response = await fetch(`${h5.base}/pages/events/detail`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
