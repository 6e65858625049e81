import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { handleCloudEvent, parseAdminOpenids } from '../../cloudfunctions/api/src/cloud/entry';
import type { ApiResult } from '@shared/result';
import { CloudBaseEngine } from './doubles/cloudbase-engine';
import { declaredUniqueIndexes } from './support/cloudbase';
import { aPublishedEvent, contactOf, makeWorld, type World } from './support/world';
import { setWxContext, wxServerSdkDouble } from './doubles/wx-server-sdk';
import { openTestDb, type TestDb } from './support/db';

describe('the cloud function entry, with an injected WeChat context', () => {
  let world: World;
  const config = { adminOpenids: ['o-admin-boot'] };
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const callAs = (OPENID: string | undefined, action: unknown, payload?: unknown) =>
    handleCloudEvent(world.deps, { OPENID }, { action, payload }, config);

  it('acts for the OPENID WeChat gives, whatever the payload claims', async () => {
    const eventId = await aPublishedEvent(world);
    const created = await callAs('o-rider', 'registrations.create', { eventId, contact: contactOf(1) });
    expect(created).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    const mine = await callAs('o-rider', 'registrations.mine', {});
    expect(mine).toMatchObject({ ok: true, data: [expect.objectContaining({ eventId })] });
    const spoof = await callAs('o-other', 'me.get', { openid: 'o-rider' });
    expect(spoof).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers UNAUTHENTICATED without an OPENID and serves public actions anyway', async () => {
    expect(await callAs(undefined, 'me.get', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await callAs(undefined, 'events.list', {})).toMatchObject({ ok: true, data: { items: [] } });
  });

  it('makes the openids in ADMIN_OPENIDS admins on their first call', async () => {
    const me = await callAs('o-admin-boot', 'me.get', {});
    expect(me).toMatchObject({ ok: true, data: { roles: expect.arrayContaining(['admin']) } });
    const granted = await callAs('o-admin-boot', 'users.list', {});
    expect(granted.ok).toBe(true);
  });

  it('refuses demo login in WeChat', async () => {
    expect(await callAs('o-rider', 'auth.demoLogin', { openid: 'demo-admin' })).toMatchObject({
      ok: false,
      error: { code: 'DEMO_LOGIN_DISABLED' },
    });
  });

  it('answers bad payloads with INVALID_INPUT and every issue, and odd events with UNKNOWN_ACTION', async () => {
    const bad = await callAs('o-rider', 'registrations.create', { eventId: 'x', contact: { name: '', phone: '1' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.path.join('.')).sort()).toEqual(['contact.name', 'contact.phone']);
    expect(await callAs('o-rider', 42)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect(await handleCloudEvent(world.deps, {}, null, config)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('answers an event with no action, a non-string action or a string payload with a result', async () => {
    expect(await handleCloudEvent(world.deps, { OPENID: 'o-rider' }, {}, config)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION', message: expect.stringContaining('action') },
    });
    expect(await callAs('o-rider', { name: 'me.get' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect(await callAs('o-rider', 'me.get', '{}')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handleCloudEvent(world.deps, { OPENID: 'o-rider' }, 'me.get', config)).toMatchObject({ ok: false });
    expect(await handleCloudEvent(world.deps, undefined, [1, 2], config)).toMatchObject({ ok: false });
  });

  it('answers INTERNAL in Chinese and logs the fault when promoting an ADMIN_OPENIDS admin fails', async () => {
    const fault = new Error('connection reset');
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const ensure = jest.spyOn(world.deps.repos.users, 'ensure').mockRejectedValueOnce(fault);
    try {
      expect(await callAs('o-admin-boot', 'me.get', {})).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
      });
      expect(logged).toHaveBeenCalledWith('[api] me.get failed', fault);
    } finally {
      ensure.mockRestore();
      logged.mockRestore();
    }
  });

  it('reads ADMIN_OPENIDS separated by commas or spaces', () => {
    expect(parseAdminOpenids(' o-a, o-b  o-c ,')).toEqual(['o-a', 'o-b', 'o-c']);
    expect(parseAdminOpenids(undefined)).toEqual([]);
  });
});

describe('the cloud function main on CloudBase (real wx-server-sdk, engine double behind it), before and after setup', () => {
  const touched = ['DATABASE_URL', 'ADMIN_OPENIDS', 'WX_CONTEXT_KEYS', 'WX_APPID', 'WX_OPENID'] as const;
  const saved = Object.fromEntries(touched.map((k) => [k, process.env[k]]));
  let restore: () => void;
  let main: (event: unknown) => Promise<ApiResult<unknown>>;

  /** wx-server-sdk reads the caller from the variables the cloud runtime sets for each call. */
  const as = (openid: string | null) => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_APPID = 'wx0000000000000000';
    if (openid) process.env.WX_OPENID = openid;
    else delete process.env.WX_OPENID;
  };

  beforeAll(() => {
    delete process.env.DATABASE_URL;
    process.env.ADMIN_OPENIDS = 'o-admin';
    // A fresh environment: no collection exists until system.setup creates them.
    restore = new CloudBaseEngine({ uniqueIndexes: declaredUniqueIndexes() }).install();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    main = (require('../../cloudfunctions/api/src/cloud/index') as { main: typeof main }).main;
  });
  afterAll(() => {
    restore();
    for (const k of touched) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('tells an admin calling before system.setup to run it, in a result rather than a throw, and logs the fault', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      as('o-admin');
      const beforeSetup = main({ action: 'me.get', payload: {} });
      await expect(beforeSetup).resolves.toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: '数据库尚未初始化，请管理员先运行 system.setup' },
      });
      as('o-rider');
      expect(await main({ action: 'events.list', payload: {} })).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: expect.stringContaining('system.setup') },
      });
      expect(logged).toHaveBeenCalledTimes(2);
    } finally {
      logged.mockRestore();
    }
    as('o-admin');
    expect(await main({ action: 'system.setup' })).toMatchObject({ ok: true });
    expect(await main({ action: 'me.get', payload: {} })).toMatchObject({ ok: true, data: { roles: expect.arrayContaining(['admin']) } });
  });

  it.each([
    { what: 'no action', event: { payload: {} }, code: 'UNKNOWN_ACTION' },
    { what: 'an action that is not a string', event: { action: ['me.get'], payload: {} }, code: 'UNKNOWN_ACTION' },
    { what: 'a payload that is a string', event: { action: 'me.get', payload: '{}' }, code: 'INVALID_INPUT' },
    { what: 'a setup payload that is a string', event: { action: 'system.setup', payload: 'force' }, code: 'INVALID_INPUT' },
    { what: 'nothing in it', event: undefined, code: 'UNKNOWN_ACTION' },
    { what: 'a string for the whole event', event: 'me.get', code: 'UNKNOWN_ACTION' },
  ])('answers an event with $what with a $code result, not a throw', async ({ event, code }) => {
    as('o-admin');
    await expect(main(event)).resolves.toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
  });
});

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('the bundled cloud function (index.js) on PostgreSQL, with the wx-server-sdk test double', () => {
  const root = path.resolve(__dirname, '../..');
  const adminUrl = process.env.DATABASE_URL;
  let scratch: TestDb;
  beforeAll(async () => {
    execFileSync('node', ['cloudfunctions/build.mjs'], { cwd: root, stdio: 'pipe' });
    scratch = await openTestDb('postgres');
    process.env.DATABASE_URL = scratch.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = adminUrl;
    // The bundle's pool stays open (a warm function never closes it); dropping its database makes it log once.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await scratch.drop();
  });

  it('exports main, takes identity from getWXContext and answers the protocol', async () => {
    jest.doMock('wx-server-sdk', () => wxServerSdkDouble, { virtual: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fn = require(path.join(root, 'cloudfunctions/api/index.js')) as { main(e: unknown): Promise<unknown> };
    setWxContext({ OPENID: 'o-bundle-user' });
    expect(await fn.main({ action: 'me.get', payload: {} })).toMatchObject({
      ok: true,
      data: { openid: 'o-bundle-user', roles: ['worker'] },
    });
    // A worker is refused before the payload is read, so an empty one tells them nothing about the schema.
    expect(await fn.main({ action: 'events.create', payload: {} })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/工作人员/) },
    });
    expect(await fn.main({ action: 'registrations.create', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    setWxContext({});
    expect(await fn.main({ action: 'me.get', payload: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
