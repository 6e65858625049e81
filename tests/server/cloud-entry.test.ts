import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { handleCloudEvent, parseAdminOpenids } from '../../cloudfunctions/api/src/cloud/entry';
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

  it('reads ADMIN_OPENIDS separated by commas or spaces', () => {
    expect(parseAdminOpenids(' o-a, o-b  o-c ,')).toEqual(['o-a', 'o-b', 'o-c']);
    expect(parseAdminOpenids(undefined)).toEqual([]);
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
    expect(await fn.main({ action: 'events.create', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    setWxContext({});
    expect(await fn.main({ action: 'me.get', payload: {} })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
