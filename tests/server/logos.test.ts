/**
 * Enterprise logos live apart from the enterprise. Through the one dispatch a logo is uploaded with
 * `enterprises.update`; on the gateway its bytes go to the `files` table (PGlite, and PostgreSQL when DATABASE_URL is
 * set) and come back from the real Fastify gateway at GET /files/<id>; in WeChat they go to cloud storage (the labelled
 * double in doubles/cloud-storage.ts, behind the real wx-server-sdk database double) and the record keeps the cloud://
 * file id. Logos kept inline before migration 14 are moved, not lost.
 */
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ApiResult } from '@shared/result';
import { sqlFilesRepo, sqlRepositories } from '../../cloudfunctions/api/src/adapters/sql';
import { MIGRATIONS, migrate } from '../../cloudfunctions/api/src/adapters/sql/migrations';
import type { SqlDb } from '../../cloudfunctions/api/src/adapters/sql';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { ENGINES, openTestDb, type TestDb } from './support/db';
import { makeCloudBaseWorld, type CloudBaseWorld } from './support/cloudbase';
import { anApprovedHr, SMALL_JPEG, TINY_PNG, USCC } from './support/recruitment';
import { openSession } from './support/sessions';
import { makeWorld, type World } from './support/world';

const YONGZI = { name: '上海咏姿时装有限公司', uscc: USCC.shanghai };
const JIECHI = { name: '深圳市洁驰清洁设备有限公司', uscc: USCC.shenzhen };
const CHINESE = /[\u4e00-\u9fa5]/;
const sessions = createSessions('logos-test-secret-0123456789abcdefghijklmn');

const jpeg = { mime: 'image/jpeg' as const, data: SMALL_JPEG };
const sha256 = (base64: string) => crypto.createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

/** Uploads that must be refused: what they are, and the logo sent. */
const BAD_LOGOS: [string, { mime: 'image/png' | 'image/jpeg'; data: string }][] = [
  ['text declared as a JPEG', { mime: 'image/jpeg', data: Buffer.from('这不是图片，是一段文字').toString('base64') }],
  ['a PNG declared as a JPEG', { mime: 'image/jpeg', data: TINY_PNG }],
  ['a JPEG over 64 KB', { mime: 'image/jpeg', data: Buffer.concat([Buffer.from(SMALL_JPEG, 'base64'), Buffer.alloc(65 * 1024)]).toString('base64') }],
  ['broken base64', { mime: 'image/jpeg', data: `${SMALL_JPEG.slice(0, 40)}#${SMALL_JPEG.slice(41)}` }],
];

/** The gateway on a real socket (light-my-request's inject cannot load under jest's ESM mode here). */
async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function fetchBytes(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function countFiles(db: SqlDb): Promise<number> {
  return Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM files'))[0].n);
}

describe.each(ENGINES)('enterprise logos on %s, served by the gateway', (engine) => {
  let world: World;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    world = await makeWorld(engine, { demoSessions: sessions });
    app = await buildGateway({ deps: world.deps, sessions, images: sqlFilesRepo(world.testDb.db) });
    base = await listen(app);
  });
  beforeEach(() => world.reset());
  afterAll(async () => {
    await app.close();
    await world.close();
  });

  it('keeps an uploaded logo apart from the enterprise and serves its bytes at GET /files/<id>', async () => {
    const id = await anApprovedHr(world, 'hr-1', YONGZI);
    const updated = await world.call('hr-1', 'enterprises.update', { id, logo: jpeg });
    const url = `/files/${sha256(SMALL_JPEG)}`;
    expect(updated.logo).toEqual({ url });
    expect((await world.call(null, 'enterprises.get', { id })).logo).toEqual({ url });

    const answer = await fetchBytes(`${base}${url}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/jpeg');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(answer.bytes.equals(Buffer.from(SMALL_JPEG, 'base64'))).toBe(true);

    // The enterprise row holds the address only.
    const [row] = await world.testDb.db.query<Record<string, unknown>>('SELECT logo_url, logo_mime, logo_data FROM enterprises WHERE id = $1', [id]);
    expect(row).toEqual({ logo_url: url, logo_mime: null, logo_data: null });
    expect(await world.deps.repos.audit.listFor('enterprise', id)).toEqual([
      expect.objectContaining({ actor: 'hr-1', action: 'enterprise.update', detail: `logo: ${url}`, at: world.clock.now.toISOString() }),
    ]);
  });

  it('takes an upload of a full-size logo through HTTP, past the usual 64 KB body limit', async () => {
    const id = await anApprovedHr(world, 'hr-1', YONGZI);
    // 60 KB of JPEG: its base64 (80 KB) is more than other actions may send.
    const big = Buffer.concat([Buffer.from(SMALL_JPEG, 'base64'), crypto.randomBytes(60 * 1024 - 1500)]).toString('base64');
    const token = await openSession(world.deps, sessions, 'hr-1');
    const answer = await fetch(`${base}/api/enterprises.update`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, intro: '时装制造', logo: { mime: 'image/jpeg', data: big } }),
    });
    expect(answer.status).toBe(200);
    const url = `/files/${sha256(big)}`;
    expect(await answer.json()).toMatchObject({ ok: true, data: { intro: '时装制造', logo: { url } } });
    expect((await fetchBytes(`${base}${url}`)).bytes.equals(Buffer.from(big, 'base64'))).toBe(true);
  });

  it('keeps the same picture once, whoever uploads it', async () => {
    const first = await anApprovedHr(world, 'hr-1', YONGZI);
    const second = await anApprovedHr(world, 'hr-2', JIECHI);
    const a = await world.call('hr-1', 'enterprises.update', { id: first, logo: jpeg });
    const b = await world.call('hr-2', 'enterprises.update', { id: second, logo: jpeg });
    expect(b.logo).toEqual(a.logo);
    expect(await countFiles(world.testDb.db)).toBe(1);
  });

  it('answers 404 in Chinese for an address that holds no image', async () => {
    const answer = await fetch(`${base}/files/${'0'.repeat(64)}`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(CHINESE) } });
  });

  it.each(BAD_LOGOS)('refuses %s with INVALID_INPUT in Chinese and changes nothing', async (_what, logo) => {
    const id = await anApprovedHr(world, 'hr-1', YONGZI);
    const kept = await world.call('hr-1', 'enterprises.update', { id, logo: { mime: 'image/png', data: TINY_PNG } });
    const auditBefore = await world.deps.repos.audit.listFor('enterprise', id);

    const result = (await world.send('hr-1', 'enterprises.update', { id, intro: '不该写进去', logo })) as ApiResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(CHINESE) } });
    if (!result.ok) expect(result.error.issues?.every((i) => CHINESE.test(i.message))).toBe(true);

    const now = await world.call(null, 'enterprises.get', { id });
    expect(now.logo).toEqual(kept.logo);
    expect(now.intro).toBeNull();
    expect(await countFiles(world.testDb.db)).toBe(1);
    expect(await world.deps.repos.audit.listFor('enterprise', id)).toEqual(auditBefore);
  });

  it('takes the logo away again', async () => {
    const id = await anApprovedHr(world, 'hr-1', YONGZI);
    await world.call('hr-1', 'enterprises.update', { id, logo: jpeg });
    expect((await world.call('hr-1', 'enterprises.update', { id, logo: null })).logo).toBeNull();
    expect((await world.call(null, 'enterprises.get', { id })).logo).toBeNull();
    expect(await world.deps.repos.audit.listFor('enterprise', id)).toEqual([
      expect.objectContaining({ detail: expect.stringMatching(/^logo: \/files\//) }),
      expect.objectContaining({ detail: 'logo: removed' }),
    ]);
  });
});

describe.each(ENGINES)('logos kept inline before migration 14, on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine, 13);
  });
  afterAll(() => t.drop());

  it('are moved to the files table and served from there; one that cannot be decoded is still shown', async () => {
    const at = '2026-11-01T02:00:00.000Z';
    const insert = (id: string, uscc: string, mime: string, data: string) =>
      t.db.query(
        `INSERT INTO enterprises (id, name, uscc, verified, created_at, updated_at, logo_mime, logo_data) VALUES ($1, $2, $3, true, $4, $4, $5, $6)`,
        [id, `企业${id}`, uscc, at, mime, data],
      );
    await insert('ent-a', USCC.shanghai, 'image/png', TINY_PNG);
    await insert('ent-b', USCC.shenzhen, 'image/png', TINY_PNG);
    await insert('ent-c', USCC.hangzhou, 'image/jpeg', SMALL_JPEG);
    await insert('ent-d', USCC.beijing, 'image/png', 'iVBOR!!not base64');

    // 14 and every migration after it.
    expect(await migrate(t.db)).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v >= 14));

    const repos = sqlRepositories(t.db);
    const png = `/files/${sha256(TINY_PNG)}`;
    expect((await repos.enterprises.get('ent-a'))?.logo).toEqual({ url: png });
    expect((await repos.enterprises.get('ent-b'))?.logo).toEqual({ url: png });
    expect((await repos.enterprises.get('ent-c'))?.logo).toEqual({ url: `/files/${sha256(SMALL_JPEG)}` });
    expect((await repos.enterprises.get('ent-d'))?.logo).toEqual({ url: 'data:image/png;base64,iVBOR!!not base64' });
    expect(await countFiles(t.db)).toBe(2);

    const files = sqlFilesRepo(t.db);
    expect(await files.get(sha256(TINY_PNG))).toMatchObject({ mime: 'image/png', owner: 'system:migration-14', createdAt: at });
    const app = await buildGateway({ deps: { repos, now: () => new Date(at), newId: () => 'x' }, sessions, images: files });
    const answer = await fetchBytes(`${await listen(app)}${png}`);
    await app.close();
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.bytes.equals(Buffer.from(TINY_PNG, 'base64'))).toBe(true);
    const moved = await t.db.query('SELECT id FROM enterprises WHERE logo_data IS NOT NULL ORDER BY id');
    expect(moved).toEqual([{ id: 'ent-d' }]);
  });
});

describe('enterprise logos on CloudBase (real wx-server-sdk, engine double; cloud storage double)', () => {
  let world: CloudBaseWorld;
  beforeAll(async () => {
    world = await makeCloudBaseWorld();
  });
  beforeEach(async () => {
    await world.reset();
    world.storage.stored.clear();
  });
  afterAll(() => world.close());

  async function anApprovedHrOnCloudBase(openid: string): Promise<string> {
    await world.givenUser(openid);
    const claim = await world.call(openid, 'enterprises.claim', YONGZI);
    const approved = await world.call('staff-1', 'enterprises.decideClaim', { id: claim.id, approve: true });
    return approved.enterpriseId as string;
  }

  it('puts the logo in cloud storage and keeps only its cloud:// file id in the enterprise', async () => {
    const id = await anApprovedHrOnCloudBase('hr-1');
    const path = `logos/${sha256(SMALL_JPEG)}.jpg`;
    const fileID = `cloud://test-env.7465-test-env/${path}`;
    expect((await world.call('hr-1', 'enterprises.update', { id, logo: jpeg })).logo).toEqual({ url: fileID });
    expect((await world.call(null, 'enterprises.get', { id })).logo).toEqual({ url: fileID });
    expect(world.storage.stored.get(path)?.equals(Buffer.from(SMALL_JPEG, 'base64'))).toBe(true);

    const { data: doc } = await world.harness.db.collection('enterprises').doc(id).get();
    expect(doc?.logo).toEqual({ url: fileID });
    expect(await world.deps.repos.audit.listFor('enterprise', id)).toEqual([
      expect.objectContaining({ actor: 'hr-1', action: 'enterprise.update', detail: `logo: ${fileID}` }),
    ]);
  });

  it.each(BAD_LOGOS)('refuses %s, uploads nothing and keeps the logo it had', async (_what, logo) => {
    const id = await anApprovedHrOnCloudBase('hr-1');
    const kept = await world.call('hr-1', 'enterprises.update', { id, logo: jpeg });
    const result = await world.send('hr-1', 'enterprises.update', { id, logo });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(CHINESE) } });
    expect([...world.storage.stored.keys()]).toEqual([`logos/${sha256(SMALL_JPEG)}.jpg`]);
    expect((await world.call(null, 'enterprises.get', { id })).logo).toEqual(kept.logo);
  });

  it('still shows a logo stored inline in the document before logos moved to cloud storage', async () => {
    const id = await anApprovedHrOnCloudBase('hr-1');
    await world.harness.db.collection('enterprises').doc(id).update({ data: { logo: { mime: 'image/png', data: TINY_PNG } } });
    expect((await world.call(null, 'enterprises.get', { id })).logo).toEqual({ url: `data:image/png;base64,${TINY_PNG}` });
    // A new upload replaces it whole.
    const { logo } = await world.call('hr-1', 'enterprises.update', { id, logo: jpeg });
    const { data: doc } = await world.harness.db.collection('enterprises').doc(id).get();
    expect(doc?.logo).toEqual(logo);
  });
});
