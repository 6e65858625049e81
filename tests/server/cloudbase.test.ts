/**
 * The CloudBase path as far as it can be run here: the real wx-server-sdk 4.0.2 building every request, the engine
 * double (tests/server/doubles/cloudbase-engine.ts) answering them. First the double's own behaviour where the adapter
 * relies on it, then setup, a sign-up storm, and the bundled `api` function end to end.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, DATABASE_OPTIONS, setupDatabase, type CloudDb } from '../../cloudfunctions/api/src/adapters/cloudbase';
import { CloudBaseEngine } from './doubles/cloudbase-engine';
import { SETUP_AT, declaredUniqueIndexes, makeCloudBaseWorld, wxServerSdk, type CloudBaseWorld } from './support/cloudbase';
import { anEvent, contactOf } from './support/world';

describe('the CloudBase engine double, through the real wx-server-sdk', () => {
  let engine: CloudBaseEngine;
  let restore: () => void;
  let db: CloudDb;
  beforeAll(() => {
    engine = new CloudBaseEngine({ uniqueIndexes: [{ collection: 'seats', fields: ['eventId', 'openid'] }] });
    restore = engine.install();
    db = wxServerSdk().database(DATABASE_OPTIONS) as unknown as CloudDb;
  });
  beforeEach(async () => {
    engine.reset();
    await db.createCollection('seats');
    await db.createCollection('pages');
  });
  afterAll(() => restore());

  it('refuses writes to a collection nobody created', async () => {
    await expect(db.collection('nowhere').add({ data: { a: 1 } })).rejects.toThrow(/not exist/);
  });

  it('answers at most 100 documents per get, however many are asked for', async () => {
    for (let i = 0; i < 150; i++) await db.collection('pages').add({ data: { _id: `p${String(i).padStart(3, '0')}`, n: i } });
    const { data } = await db.collection('pages').orderBy('n', 'asc').limit(1000).get();
    expect(data).toHaveLength(100);
    const rest = await db.collection('pages').orderBy('n', 'asc').skip(100).limit(100).get();
    expect(rest.data.map((d) => d.n)).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
  });

  it('gives a transaction its snapshot and refuses its write to a document changed since', async () => {
    await db.collection('seats').add({ data: { _id: 'ev', taken: 0 } });
    const tx = await db.startTransaction();
    expect((await tx.collection('seats').doc('ev').get()).data).toMatchObject({ taken: 0 });
    await db.collection('seats').where({ _id: 'ev' }).update({ data: { taken: 5 } });
    expect((await tx.collection('seats').doc('ev').get()).data).toMatchObject({ taken: 0 });
    await expect(tx.collection('seats').doc('ev').update({ data: { taken: 1 } })).rejects.toThrow(/conflict/i);
    await tx.rollback();
    expect((await db.collection('seats').doc('ev').get()).data).toMatchObject({ taken: 5 });
  });

  it('lets the first of two transactions writing one document win, and a plain write wait for it', async () => {
    await db.collection('seats').add({ data: { _id: 'ev', taken: 0 } });
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await first.collection('seats').doc('ev').update({ data: { taken: db.command.inc(1) } });
    await expect(second.collection('seats').doc('ev').update({ data: { taken: db.command.inc(1) } })).rejects.toThrow(/conflict/i);
    await second.rollback();
    const plain = db.collection('seats').where({ _id: 'ev' }).update({ data: { taken: db.command.inc(10) } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await db.collection('seats').doc('ev').get()).data).toMatchObject({ taken: 0 });
    await first.commit();
    await plain;
    expect((await db.collection('seats').doc('ev').get()).data).toMatchObject({ taken: 11 });
  });

  it('discards a rolled-back transaction and enforces a unique index', async () => {
    const tx = await db.startTransaction();
    await tx.collection('seats').add({ data: { _id: 'r1', eventId: 'ev', openid: 'a' } });
    await tx.rollback();
    expect((await db.collection('seats').doc('r1').get()).data).toBeNull();
    await db.collection('seats').add({ data: { _id: 'r1', eventId: 'ev', openid: 'a' } });
    await expect(db.collection('seats').add({ data: { _id: 'r2', eventId: 'ev', openid: 'a' } })).rejects.toThrow(/duplicate key/);
  });

  it('keeps a conditional increment within its bound however many run at once', async () => {
    await db.collection('seats').add({ data: { _id: 'ev', taken: 0 } });
    const _ = db.command;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => db.collection('seats').where({ _id: 'ev', taken: _.lt(3) }).update({ data: { taken: _.inc(1) } })),
    );
    expect(results.filter((r) => r.stats.updated === 1)).toHaveLength(3);
    expect((await db.collection('seats').doc('ev').get()).data).toMatchObject({ taken: 3 });
  });
});

describe('setting up the CloudBase database', () => {
  it('creates every declared collection once, seeds the party organisations, and says what the console must do', async () => {
    const engine = new CloudBaseEngine({ uniqueIndexes: declaredUniqueIndexes() });
    const restore = engine.install();
    try {
      const db = wxServerSdk().database(DATABASE_OPTIONS) as unknown as CloudDb;
      const first = await setupDatabase(db, SETUP_AT);
      expect(first.created).toEqual(COLLECTIONS.map((c) => c.name));
      expect(engine.collectionNames()).toEqual(COLLECTIONS.map((c) => c.name).sort());
      expect(engine.dump('party_orgs')).toHaveLength(8);
      expect(first.console.securityRule).toEqual({ read: false, write: false });
      expect(first.console.indexes).toContainEqual({
        collection: 'registrations', name: 'eventId_openid', fields: 'eventId 升序, openid 升序', unique: true,
      });

      const again = await setupDatabase(db, SETUP_AT);
      expect(again.created).toEqual([]);
      expect(again.existing).toEqual(COLLECTIONS.map((c) => c.name));
      expect(engine.dump('party_orgs')).toHaveLength(8);
    } finally {
      restore();
    }
  });
});

describe('sign-ups on CloudBase under load', () => {
  let world: CloudBaseWorld;
  beforeAll(async () => {
    world = await makeCloudBaseWorld();
  });
  afterAll(() => world.close());

  it('seats exactly the capacity when 300 people press 报名 at once; the rest wait in one gap-free line', async () => {
    const event = await world.call('staff-1', 'events.create', anEvent({ capacity: 10 }));
    await world.call('staff-1', 'events.publish', { id: event.id });
    const people = Array.from({ length: 300 }, (_, i) => `rider-${i}`);
    const conflictsBefore = world.harness.engine.conflicts;
    const results = await Promise.all(
      people.map((openid, i) => world.send(openid, 'registrations.create', { eventId: event.id, contact: contactOf(i) })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const list = await world.call('staff-1', 'registrations.listByEvent', { eventId: event.id });
    expect(list.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(list.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual(Array.from({ length: 290 }, (_, i) => i + 1));
    expect(await world.call(null, 'events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, waitlistCount: 290 });
    // The transactions really did collide and were run again: the capacity held because of the lock, not by luck.
    expect(world.harness.engine.conflicts - conflictsBefore).toBeGreaterThan(0);
  });
});

describe('sign-ups on CloudBase under load, each database request a round trip of 1–8 ms', () => {
  // Requests that take time let batches overlap the way they do on the real service: a request written after a
  // batch's snapshot must wait for the next batch, not be counted by this one.
  let world: CloudBaseWorld;
  beforeAll(async () => {
    world = await makeCloudBaseWorld({ latencyMs: { min: 1, max: 8 } });
  });
  afterAll(() => world.close());

  it('answers everyone of a crowd of 80 with the seat the list shows, and the counters equal the rows', async () => {
    const event = await world.call('staff-1', 'events.create', anEvent({ capacity: 10 }));
    await world.call('staff-1', 'events.publish', { id: event.id });
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) => world.send(`rider-${i}`, 'registrations.create', { eventId: event.id, contact: contactOf(i) })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const list = await world.call('staff-1', 'registrations.listByEvent', { eventId: event.id });
    const answered = new Map(results.map((r) => (r.ok ? [r.data.id, r.data.status] : ['', ''])));
    expect(list.map((r) => answered.get(r.id))).toEqual(list.map((r) => r.status));
    expect(list.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(list.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(await world.call(null, 'events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, waitlistCount: 70 });
  });

  it('turns away a crowd arriving after the sign-up deadline without keeping anything of them', async () => {
    const event = await world.call('staff-1', 'events.create', anEvent({ capacity: 10, signupDeadline: '2026-12-02T10:00:00+08:00' }));
    await world.call('staff-1', 'events.publish', { id: event.id });
    world.setNow('2026-12-03T10:00:00+08:00');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => world.send(`late-${i}`, 'registrations.create', { eventId: event.id, contact: contactOf(i) })),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(5).fill('REGISTRATION_CLOSED'));
    expect(await world.call('staff-1', 'registrations.listByEvent', { eventId: event.id })).toEqual([]);
    expect(await world.call('late-0', 'registrations.mine', {})).toEqual([]);
  });
});

describe('the bundled api cloud function on CloudBase (real wx-server-sdk, engine double behind it)', () => {
  const root = path.resolve(__dirname, '../..');
  const touched = ['DATABASE_URL', 'ADMIN_OPENIDS', 'WX_CONTEXT_KEYS', 'WX_APPID', 'WX_OPENID'] as const;
  const saved = Object.fromEntries(touched.map((k) => [k, process.env[k]]));
  let engine: CloudBaseEngine;
  let restore: () => void;
  let main: (event: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

  /** wx-server-sdk reads the caller from the variables the cloud runtime sets for each call. */
  const as = (openid: string | null) => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_APPID = 'wx0000000000000000';
    if (openid) process.env.WX_OPENID = openid;
    else delete process.env.WX_OPENID;
  };

  beforeAll(() => {
    execFileSync('node', ['cloudfunctions/build.mjs'], { cwd: root, stdio: 'pipe' });
    delete process.env.DATABASE_URL;
    process.env.ADMIN_OPENIDS = 'o-admin';
    engine = new CloudBaseEngine({ uniqueIndexes: declaredUniqueIndexes() });
    restore = engine.install();
    // A copy of the bundle, required from its own path: jest caches which file `require('wx-server-sdk')` means per
    // requiring file, and cloud-entry.test.ts mocks the SDK for the bundle at its usual path.
    const copy = path.join(root, 'node_modules/.cache/sheshan-cloudbase-test/api/index.js');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(path.join(root, 'cloudfunctions/api/index.js'), copy);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    main = (require(copy) as { main: typeof main }).main;
  });
  afterAll(() => {
    restore();
    for (const k of touched) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('needs setup first, lets only ADMIN_OPENIDS run it, then serves the protocol from the CloudBase database', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    as('o-rider');
    expect(await main({ action: 'events.list', payload: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/not exist/);
    logged.mockRestore();
    expect(await main({ action: 'system.setup' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('您的 openid：o-rider') },
    });
    as(null);
    expect(await main({ action: 'system.setup' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    as('o-admin');
    expect(await main({ action: 'system.setup', payload: { force: true } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const setup = await main({ action: 'system.setup' });
    expect(setup).toMatchObject({ ok: true, data: { created: COLLECTIONS.map((c) => c.name) } });
    expect(await main({ action: 'system.setup', payload: {} })).toMatchObject({ ok: true, data: { created: [] } });

    expect(await main({ action: 'me.get', payload: {} })).toMatchObject({ ok: true, data: { openid: 'o-admin', roles: ['worker', 'admin'] } });
    as('o-staff');
    await main({ action: 'me.get', payload: {} });
    as('o-admin');
    expect(await main({ action: 'users.grantRole', payload: { openid: 'o-staff', role: 'staff' } })).toMatchObject({ ok: true });

    as('o-staff');
    const created = await main({ action: 'events.create', payload: anEvent({ startAt: '2027-01-08T14:00:00+08:00', endAt: '2027-01-08T16:00:00+08:00' }) });
    expect(created).toMatchObject({ ok: true, data: { status: 'draft' } });
    const eventId = (created.data as { id: string }).id;
    expect(await main({ action: 'events.publish', payload: { id: eventId } })).toMatchObject({ ok: true });

    as('o-rider');
    expect(await main({ action: 'registrations.create', payload: { eventId, contact: contactOf(1), openid: 'o-admin' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await main({ action: 'registrations.create', payload: { eventId, contact: contactOf(1) } })).toMatchObject({
      ok: true,
      data: { status: 'confirmed' },
    });
    expect(await main({ action: 'registrations.mine', payload: {} })).toMatchObject({ ok: true, data: [expect.objectContaining({ eventId })] });
    expect(engine.dump('registrations')).toEqual([
      expect.objectContaining({ eventId, openid: 'o-rider', status: 'confirmed', contact: contactOf(1) }),
    ]);
    expect(engine.dump('events')[0]).toMatchObject({ _id: eventId, confirmedCount: 1, startAt: new Date('2027-01-08T06:00:00.000Z') });
  });
});
