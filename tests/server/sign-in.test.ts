/**
 * Signing in on the self-hosted gateway, over real sockets: the mini-program's wx.login code exchanged with a local
 * stand-in of WeChat's jscode2session (a real HTTP server in this test, labelled as such), sessions that can be
 * listed and revoked, and the desktop's scan-to-sign-in ticket with its refusals.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ApiResult, ErrorCode } from '@shared/result';
import type { QrPollOutput, QrTicket, SessionView, SignedIn } from '@shared/sessions';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { createSignInLimiter } from '../../cloudfunctions/api/src/http/sign-in-limit';
import { miniProgramSignIn, wechatSettingsFromEnv, type WechatSettings } from '../../cloudfunctions/api/src/http/wechat';
import { makeWorld, type World } from './support/world';

const APP_ID = 'wx0123456789abcdef';
const APP_SECRET = 'f3c1d2e4b5a697887766554433221100';
const SESSION_KEY = 'tiwzyr+SESSIONKEY+9Q==';
const MP_APP_ID = 'wxmp0123456789abcd';
const MP_SECRET = '00112233445566778899aabbccddeeff';
const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.47 miniProgram';
const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as unknown as NodeJS.ProcessEnv;

/**
 * TEST DOUBLE of WeChat's https://api.weixin.qq.com/sns/jscode2session: answers by the code it is given, the way
 * WeChat documents its answers. No machine here can reach WeChat.
 */
function jscode2sessionStandIn(): Promise<{ base: string; seen: URL[]; close(): Promise<void> }> {
  const seen: URL[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    seen.push(url);
    const reply = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/sns/oauth2/access_token') {
      const code = url.searchParams.get('code') ?? '';
      if (url.searchParams.get('appid') !== MP_APP_ID || url.searchParams.get('secret') !== MP_SECRET) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (!code.startsWith('mp-code-of-')) return reply({ errcode: 40029, errmsg: 'invalid code' });
      return reply({ access_token: 'ACCESS', expires_in: 7200, refresh_token: 'REFRESH', openid: code.slice('mp-code-of-'.length), scope: 'snsapi_base' });
    }
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: 40066, errmsg: 'invalid url' });
    if (url.searchParams.get('appid') !== APP_ID || url.searchParams.get('secret') !== APP_SECRET) {
      return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
    }
    const code = url.searchParams.get('js_code') ?? '';
    const errcode = { 'code-invalid': 40029, 'code-used': 40163, 'code-risky': 40226, 'code-limited': 45011, 'code-busy': -1 }[code];
    if (errcode !== undefined) return reply({ errcode, errmsg: 'refused by the stand-in' });
    if (code === 'code-slow') return void setTimeout(() => reply({ openid: 'oSlow', session_key: SESSION_KEY }), 1500);
    if (code.startsWith('code-of-')) return reply({ openid: code.slice('code-of-'.length), session_key: SESSION_KEY });
    return reply({ errcode: 40029, errmsg: 'invalid code' });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

interface Answer<T> {
  status: number;
  json: ApiResult<T>;
  text: string;
}

describe('signing in on the self-hosted gateway', () => {
  let world: World;
  let wechat: Awaited<ReturnType<typeof jscode2sessionStandIn>>;
  let app: FastifyInstance;
  let base: string;
  const logLines: string[] = [];
  const answers: string[] = [];

  beforeAll(async () => {
    wechat = await jscode2sessionStandIn();
    world = await makeWorld('pglite');
    const sessions = createSessions('sign-in-test-secret-0123456789abcdefghij', () => world.clock.now);
    const settings: WechatSettings = {
      miniProgram: { appId: APP_ID, appSecret: APP_SECRET },
      officialAccount: { appId: MP_APP_ID, appSecret: MP_SECRET },
      apiBase: wechat.base,
      timeoutMs: 300,
    };
    Object.assign(world.deps, { sessions, wechat: miniProgramSignIn(settings) });
    app = await buildGateway({
      deps: world.deps,
      sessions,
      wechat: settings,
      // This file signs in dozens of times from one address; the limit itself has its own test below.
      signInLimit: createSignInLimiter({ 'auth.wxLogin': 1000, 'auth.qrTicket': 1000, 'auth.qrPoll': 1000 }),
      logger: { level: 'info', stream: { write: (line) => void logLines.push(line) } },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  beforeEach(() => world.reset());
  afterAll(async () => {
    await app.close();
    await wechat.close();
    await world.close();
  });

  async function post<T>(action: string, payload: unknown, options: { token?: string; ua?: string; ip?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': options.ua ?? PHONE_UA };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${base}/api/${action}`, { method: 'POST', headers, body: JSON.stringify(payload) });
    const text = await response.text();
    answers.push(text);
    return { status: response.status, json: JSON.parse(text) as ApiResult<T>, text };
  }

  const data = <T>(answer: Answer<T>): T => {
    if (!answer.json.ok) throw new Error(`expected ok, got ${answer.status} ${answer.json.error.code} ${answer.json.error.message}`);
    return answer.json.data;
  };

  function expectRefusal(answer: Answer<unknown>, status: number, code: ErrorCode, message?: RegExp): void {
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message ?? /[\u4e00-\u9fa5]/) } });
  }

  const wxLogin = async (openid: string, ua = PHONE_UA) => data(await post<SignedIn>('auth.wxLogin', { code: `code-of-${openid}` }, { ua }));

  describe('the mini-program with wx.login', () => {
    it('exchanges a valid code with WeChat and answers a session for the same openid the cloud function would see', async () => {
      const signedIn = await wxLogin('oRider_0001');
      expect(signedIn.user).toEqual({ openid: 'oRider_0001', roles: ['worker'] });
      const me = data(await post<{ openid: string }>('me.get', {}, { token: signedIn.token }));
      expect(me.openid).toBe('oRider_0001');
      const asked = wechat.seen.at(-1) as URL;
      expect(Object.fromEntries(asked.searchParams)).toEqual({
        appid: APP_ID,
        secret: APP_SECRET,
        js_code: 'code-of-oRider_0001',
        grant_type: 'authorization_code',
      });
    });

    it.each([
      ['a code WeChat does not know (40029)', 'code-invalid', 401, 'UNAUTHENTICATED', /凭证无效/],
      ['a code already used (40163)', 'code-used', 401, 'UNAUTHENTICATED', /已被使用/],
      ['an account WeChat holds back (40226)', 'code-risky', 401, 'UNAUTHENTICATED', /暂时无法登录/],
      ['WeChat rate-limiting us (45011)', 'code-limited', 429, 'RATE_LIMITED', /过于频繁/],
      ['WeChat busy (-1)', 'code-busy', 401, 'UNAUTHENTICATED', /繁忙/],
      ['WeChat answering too late', 'code-slow', 401, 'UNAUTHENTICATED', /无法连接/],
    ] as const)('refuses %s with %s and signs nobody in', async (_what, code, status, errorCode, message) => {
      const started = Date.now();
      expectRefusal(await post('auth.wxLogin', { code }), status, errorCode, message);
      expect(Date.now() - started).toBeLessThan(1200);
      const rows = await world.testDb.db.query('SELECT 1 FROM sessions');
      expect(rows).toEqual([]);
    });

    it('treats a wrong AppSecret as a fault of the server, with a request id to quote', async () => {
      const wrong: WechatSettings = { miniProgram: { appId: APP_ID, appSecret: 'not-the-secret' }, apiBase: wechat.base, timeoutMs: 300 };
      const saved = world.deps.wechat;
      world.deps.wechat = miniProgramSignIn(wrong);
      try {
        const answer = await post('auth.wxLogin', { code: 'code-of-oAnyone' });
        expectRefusal(answer, 500, 'INTERNAL');
      } finally {
        world.deps.wechat = saved;
      }
    });

    it('never lets the AppSecret or the session key reach an answer or a log line', async () => {
      await wxLogin('oRider_0002');
      await post('auth.wxLogin', { code: 'code-invalid' });
      await post('auth.wxLogin', { code: 'code-slow' });
      const everything = [...answers, ...logLines].join('\n');
      expect(logLines.length).toBeGreaterThan(0);
      expect(everything).not.toContain(APP_SECRET);
      expect(everything).not.toContain('SESSIONKEY');
      expect(everything).not.toContain('code-of-oRider_0002');
    });

    it('limits sign-in attempts per address', async () => {
      const limited = await buildGateway({
        deps: world.deps,
        sessions: world.deps.sessions as never,
        signInLimit: createSignInLimiter({ 'auth.wxLogin': 3 }),
      });
      await limited.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(limited.server.address() as AddressInfo).port}/api/auth.wxLogin`;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await fetch(url, { method: 'POST', body: JSON.stringify({ code: `code-of-oBurst${i}` }) })).status);
      }
      await limited.close();
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });

  describe('H5 inside WeChat through the 公众号', () => {
    it('goes through snsapi_base and comes back to the page signed in as the 公众号 openid', async () => {
      const start = await fetch(`${base}/auth/mp/start?next=${encodeURIComponent('/pages/events/detail?id=ev1')}`, { redirect: 'manual' });
      expect(start.status).toBe(302);
      const authorize = new URL(start.headers.get('location') as string);
      expect(authorize.origin + authorize.pathname).toBe('https://open.weixin.qq.com/connect/oauth2/authorize');
      expect(authorize.searchParams.get('scope')).toBe('snsapi_base');
      expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/auth/mp/callback`);
      const state = authorize.searchParams.get('state') as string;
      const cookie = (start.headers.get('set-cookie') as string).split(';')[0];

      const back = await fetch(`${base}/auth/mp/callback?code=mp-code-of-oMpWorker_01&state=${state}`, { redirect: 'manual', headers: { cookie } });
      const location = back.headers.get('location') as string;
      expect(location).toMatch(/^\/pages\/events\/detail\?id=ev1#session=/);
      expect(location).not.toContain(MP_SECRET);
      const token = new URLSearchParams(location.split('#')[1]).get('session') as string;
      expect(data(await post('me.get', {}, { token }))).toMatchObject({ openid: 'oMpWorker_01' });
    });

    it('signs nobody in when the state does not match what this browser was given', async () => {
      const start = await fetch(`${base}/auth/mp/start`, { redirect: 'manual' });
      const cookie = (start.headers.get('set-cookie') as string).split(';')[0];
      const back = await fetch(`${base}/auth/mp/callback?code=mp-code-of-oMpWorker_02&state=forged`, { redirect: 'manual', headers: { cookie } });
      expect(back.headers.get('location')).toMatch(/^\/pages\/me\/index#mp_error=/);
      expect(await world.testDb.db.query("SELECT 1 FROM sessions WHERE via = 'mp'")).toEqual([]);
    });
  });

  describe('configuration', () => {
    it('refuses to start with wx.login on and the AppSecret missing', () => {
      expect(() => wechatSettingsFromEnv(env({ WECHAT_APPID: APP_ID }))).toThrow(/WECHAT_APPSECRET/);
      expect(() => wechatSettingsFromEnv(env({ WXLOGIN: '1' }))).toThrow(/WECHAT_APPID and WECHAT_APPSECRET/);
      expect(() => wechatSettingsFromEnv(env({ WECHAT_MP_APPID: 'wxmp' }))).toThrow(/WECHAT_MP_SECRET/);
    });

    it('leaves wx.login off when nothing asks for it, and reads the API base from WECHAT_API_BASE', () => {
      expect(wechatSettingsFromEnv(env({}))).toEqual({ apiBase: 'https://api.weixin.qq.com', timeoutMs: 5000 });
      const on = wechatSettingsFromEnv(env({ WECHAT_APPID: APP_ID, WECHAT_APPSECRET: APP_SECRET, WECHAT_API_BASE: 'http://127.0.0.1:9/' }));
      expect(on.apiBase).toBe('http://127.0.0.1:9');
      expect(on.miniProgram?.appId).toBe(APP_ID);
    });

    it('answers FORBIDDEN in Chinese where wx.login is not configured', async () => {
      const saved = world.deps.wechat;
      world.deps.wechat = undefined;
      try {
        expectRefusal(await post('auth.wxLogin', { code: 'code-of-oAnyone' }), 403, 'FORBIDDEN', /未开启/);
      } finally {
        world.deps.wechat = saved;
      }
    });
  });

  describe('sessions', () => {
    it('lists my signed-in devices with the current one marked, and a revoked one is refused on its next call', async () => {
      const phone = await wxLogin('oRider_0003', PHONE_UA);
      const laptop = await wxLogin('oRider_0003', DESKTOP_UA);
      const listed = data(await post<SessionView[]>('sessions.mine', {}, { token: phone.token }));
      expect(listed.map((s) => [s.device, s.via, s.current]).sort()).toEqual([
        ['Windows · Chrome', 'wechat', false],
        ['iPhone · 微信小程序', 'wechat', true],
      ]);

      expect(data(await post('me.get', {}, { token: laptop.token }))).toMatchObject({ openid: 'oRider_0003' });
      const laptopSession = listed.find((s) => !s.current) as SessionView;
      const revoked = data(await post<SessionView>('sessions.revoke', { id: laptopSession.id }, { token: phone.token }));
      expect(revoked.revokedAt).not.toBeNull();

      expectRefusal(await post('me.get', {}, { token: laptop.token }), 401, 'UNAUTHENTICATED');
      expect(data(await post('me.get', {}, { token: phone.token }))).toMatchObject({ openid: 'oRider_0003' });
      expect(data(await post<SessionView[]>('sessions.mine', {}, { token: phone.token })).map((s) => s.id)).toHaveLength(1);
    });

    it("does not let anyone revoke someone else's session", async () => {
      const mine = await wxLogin('oRider_0004');
      const theirs = await wxLogin('oRider_0005');
      const [theirSession] = data(await post<SessionView[]>('sessions.mine', {}, { token: theirs.token }));
      expectRefusal(await post('sessions.revoke', { id: theirSession.id }, { token: mine.token }), 404, 'NOT_FOUND');
      expect(data(await post('me.get', {}, { token: theirs.token }))).toMatchObject({ openid: 'oRider_0005' });
    });

    it("lets an admin see and end anyone's session, and audits both", async () => {
      const rider = await wxLogin('oRider_0006');
      await world.givenUser('oAdmin_0001', ['admin']);
      const admin = await wxLogin('oAdmin_0001');
      const [session] = data(await post<SessionView[]>('sessions.list', { openid: 'oRider_0006' }, { token: admin.token }));
      data(await post('sessions.revokeAny', { id: session.id }, { token: admin.token }));
      expectRefusal(await post('me.get', {}, { token: rider.token }), 401, 'UNAUTHENTICATED');
      expect((await world.deps.repos.audit.listFor('user', 'oRider_0006')).map((e) => [e.actor, e.action])).toEqual([['oAdmin_0001', 'session.list']]);
      expect((await world.deps.repos.audit.listFor('session', session.id)).map((e) => [e.actor, e.action])).toEqual([
        ['oRider_0006', 'session.start'],
        ['oAdmin_0001', 'session.revoke'],
      ]);
    });
  });

  describe('the desktop console by scanning', () => {
    const staffToken = async () => {
      await world.givenUser('oStaff_0001', ['staff']);
      return (await wxLogin('oStaff_0001')).token;
    };
    const askTicket = async () => data(await post<QrTicket>('auth.qrTicket', {}, { ua: DESKTOP_UA }));
    const poll = (t: QrTicket, secret = t.secret) => post<QrPollOutput>('auth.qrPoll', { ticketId: t.ticketId, secret }, { ua: DESKTOP_UA });

    it('signs the asking browser in as the staff member who scanned and confirmed, once, and audits it', async () => {
      const staff = await staffToken();
      const ticket = await askTicket();
      expect(ticket.qr).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(data(await poll(ticket))).toMatchObject({ status: 'pending' });

      const info = data(await post('auth.qrScan', { ticketId: ticket.ticketId }, { token: staff }));
      expect(info).toMatchObject({ device: 'Windows · Chrome', requestedAt: '2026-12-01T02:00:00.000Z' });
      expect(data(await poll(ticket))).toMatchObject({ status: 'scanned' });
      data(await post('auth.qrConfirm', { ticketId: ticket.ticketId }, { token: staff }));

      const signedIn = data(await poll(ticket));
      if (signedIn.status !== 'confirmed') throw new Error('not signed in');
      expect(signedIn.user).toEqual({ openid: 'oStaff_0001', roles: ['staff'] });
      const devices = data(await post<SessionView[]>('sessions.mine', {}, { token: signedIn.token, ua: DESKTOP_UA }));
      expect(devices.find((d) => d.current)).toMatchObject({ via: 'qr', device: 'Windows · Chrome' });

      expectRefusal(await poll(ticket), 409, 'INVALID_TRANSITION', /已使用/);
      const audit = (await world.deps.repos.audit.listFor('login_ticket', ticket.ticketId)).map((e) => [e.actor, e.action]);
      expect(audit).toEqual([
        ['oStaff_0001', 'login.qr.confirm'],
        ['oStaff_0001', 'login.qr'],
      ]);
    });

    it('gives the session to exactly one of two polls arriving together', async () => {
      const staff = await staffToken();
      const ticket = await askTicket();
      data(await post('auth.qrConfirm', { ticketId: ticket.ticketId }, { token: staff }));
      const both = await Promise.all([poll(ticket), poll(ticket)]);
      expect(both.map((a) => a.status).sort()).toEqual([200, 409]);
      expect((await world.testDb.db.query("SELECT 1 FROM sessions WHERE via = 'qr'")).length).toBe(1);
    });

    it('refuses a ticket polled with another browser’s secret, and says so', async () => {
      const staff = await staffToken();
      const ticket = await askTicket();
      const other = await askTicket();
      data(await post('auth.qrConfirm', { ticketId: ticket.ticketId }, { token: staff }));
      expectRefusal(await poll(ticket, other.secret), 403, 'FORBIDDEN', /不属于此浏览器/);
      expect(data(await poll(ticket))).toMatchObject({ status: 'confirmed' });
    });

    it('refuses an expired ticket both on the phone and on the desktop', async () => {
      const staff = await staffToken();
      const ticket = await askTicket();
      world.setNow('2026-12-01T02:02:00.000Z');
      expectRefusal(await post('auth.qrScan', { ticketId: ticket.ticketId }, { token: staff }), 409, 'TICKET_EXPIRED', /已过期/);
      expectRefusal(await post('auth.qrConfirm', { ticketId: ticket.ticketId }, { token: staff }), 409, 'TICKET_EXPIRED');
      expectRefusal(await poll(ticket), 409, 'TICKET_EXPIRED');
    });

    it('refuses a ticket confirmed a second time, and one that does not exist', async () => {
      const staff = await staffToken();
      const ticket = await askTicket();
      data(await post('auth.qrConfirm', { ticketId: ticket.ticketId }, { token: staff }));
      expectRefusal(await post('auth.qrConfirm', { ticketId: ticket.ticketId }, { token: staff }), 409, 'INVALID_TRANSITION', /已使用/);
      expectRefusal(await post('auth.qrPoll', { ticketId: 'no-such-ticket', secret: ticket.secret }), 404, 'NOT_FOUND', /二维码不存在/);
    });

    it('lets only staff confirm: the console is their desktop workplace', async () => {
      const worker = await wxLogin('oRider_0007');
      const ticket = await askTicket();
      expectRefusal(await post('auth.qrConfirm', { ticketId: ticket.ticketId }, { token: worker.token }), 403, 'FORBIDDEN', /工作人员/);
      expect(data(await poll(ticket))).toMatchObject({ status: 'pending' });
    });
  });
});
