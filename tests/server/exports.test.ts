/**
 * Exports as real .xlsx files: built from the database, read back with the same library and checked cell by cell;
 * each export on the audit log; the gateway's link opens for its owner only, for ten minutes; in WeChat the file goes to
 * cloud storage (a labelled double) with a ten-minute URL.
 */
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { REGISTRATION_STATUS_LABELS } from '@shared/labels';
import type { ExportFile } from '@shared/exports';
import { cloudFileStore } from '../../cloudfunctions/api/src/cloud/files';
import { memoryFileStore, type GatewayFileStore } from '../../cloudfunctions/api/src/http/files';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { cloudStorageDouble } from './doubles/cloud-storage';
import { ENGINES } from './support/db';
import { aFair, aJob, anApprovedHr, aResume, joinedFair, USCC } from './support/recruitment';
import { openSession } from './support/sessions';
import { aPublishedEvent, contactOf, makeWorld, T0, type World } from './support/world';
import { RIDER_QUESTIONS } from './support/questions';

const sessions = createSessions('exports-test-secret-0123456789abcdefghijklmn');
const DURING_EVENT = '2026-12-08T13:30:00+08:00';

async function readBack(world: World, file: ExportFile, owner: string): Promise<ExcelJS.Worksheet> {
  const opened = (world.deps.files as GatewayFileStore).open(file.url.replace('/files/', ''), owner);
  if (opened.kind !== 'file') throw new Error(`export not downloadable: ${opened.kind}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(opened.file.bytes) as unknown as ArrayBuffer);
  return book.worksheets[0];
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe.each(ENGINES)('exports on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(engine, { demoSessions: sessions });
  });
  beforeEach(async () => {
    await world.reset();
    for (const openid of ['worker-1', 'worker-2']) await world.givenUser(openid);
  });
  afterAll(() => world.close());

  it('exports an event’s sign-ups as an .xlsx that reads back cell by cell: CJK, phones as text, Shanghai times, one column per question', async () => {
    const eventId = await aPublishedEvent(world, { capacity: 1, questions: RIDER_QUESTIONS });
    const answers = { platform: '美团', member: '是', needs: ['免费体检', '技能认定'], years: 3, note: '电动车保险' };
    const first = await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1), answers });
    world.setNow('2026-12-02T09:05:00+08:00');
    await world.call('worker-2', 'registrations.create', { eventId, contact: contactOf(2), answers: { platform: '顺丰', member: '否' } });
    world.setNow(DURING_EVENT);
    await world.call('staff-1', 'registrations.checkIn', { id: first.id });

    const file = await world.call('staff-1', 'exports.registrations', { eventId });

    expect(file).toMatchObject({ fileName: '报名名单-骑手职业技能培训-2026-12-08.xlsx', rows: 2 });
    const sheet = await readBack(world, file, 'staff-1');
    expect(sheet.name).toBe('报名名单 2026-12-08');
    expect(rowValues(sheet, 1)).toEqual([
      '序号', '姓名', '手机号', '状态', '候补顺位', '报名时间', '签到时间', '所在平台', '是否党员', '需要的服务', '从业年限', '想了解的内容',
    ]);
    expect(rowValues(sheet, 2)).toEqual([
      1, '报名人1', '13800000001', REGISTRATION_STATUS_LABELS.attended, undefined, '2026-12-01 10:00', '2026-12-08 13:30',
      '美团', '是', '免费体检、技能认定', 3, '电动车保险',
    ]);
    expect(rowValues(sheet, 3).slice(0, 9)).toEqual([
      2, '报名人2', '13800000002', REGISTRATION_STATUS_LABELS.waitlisted, 1, '2026-12-02 09:05', undefined, '顺丰', '否',
    ]);
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('F2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('K2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.rowCount).toBe(3);
  });

  it('puts every export on the audit log: who, what and how many rows, and whether phones were in full', async () => {
    const eventId = await aPublishedEvent(world);
    await world.call('worker-1', 'registrations.create', { eventId, contact: contactOf(1) });
    await world.call('staff-1', 'exports.registrations', { eventId });
    await world.call('worker-1', 'intents.submit', anIntent());
    await world.call('staff-1', 'exports.intents', {});
    await world.call('staff-1', 'exports.intents', { full: true });

    expect(await world.deps.repos.audit.listFor('event', eventId)).toContainEqual(
      expect.objectContaining({ actor: 'staff-1', action: 'export.registrations', detail: '导出报名名单 1 行' }),
    );
    const intentExports = (await world.deps.repos.audit.listFor('intent', 'all')).map((e) => [e.action, e.detail]);
    expect(intentExports).toEqual([
      ['export.intents', '导出入党意向名单 1 行（手机号已隐藏）'],
      ['export.intents', '导出入党意向名单 1 行（完整手机号）'],
    ]);
  });

  it('masks the phones of the 入党意向 export unless staff ask for them in full', async () => {
    await world.call('worker-1', 'intents.submit', anIntent());
    const masked = await readBack(world, await world.call('staff-1', 'exports.intents', {}), 'staff-1');
    const full = await readBack(world, await world.call('staff-1', 'exports.intents', { full: true }), 'staff-1');
    expect([masked.getCell('A2').value, masked.getCell('B2').value, masked.getCell('C2').value]).toEqual(['王小明', '138****0013', '男']);
    expect(masked.getCell('A1').value).toBe('姓名');
    expect(full.getCell('B2').value).toBe('13800000013');
    expect(full.getCell('B2').type).toBe(ExcelJS.ValueType.String);
  });

  it('gives an HR contact their own enterprise’s applications only, and staff every enterprise’s', async () => {
    const own = await anApprovedHr(world, 'hr-1', { name: '上海咏姿时装有限公司', uscc: USCC.shanghai });
    await anApprovedHr(world, 'hr-2', { name: '深圳市某某物流有限公司', uscc: USCC.shenzhen });
    const fairId = await aFair(world);
    await joinedFair(world, 'hr-1', fairId);
    await joinedFair(world, 'hr-2', fairId);
    const sewing = await world.call('hr-1', 'jobs.create', aJob({ eventId: fairId }));
    const driving = await world.call('hr-2', 'jobs.create', aJob({ eventId: fairId, title: '货车司机' }));
    await world.call('worker-1', 'applications.create', { jobId: sewing.id, resume: aResume(1) });
    await world.call('worker-2', 'applications.create', { jobId: driving.id, resume: aResume(2) });

    const mine = await world.call('hr-1', 'exports.applications', { fairId });
    expect(mine.rows).toBe(1);
    expect(mine.fileName).toMatch(/^求职申请-.+-上海咏姿时装有限公司-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readBack(world, mine, 'hr-1');
    expect([sheet.getCell('A2').value, sheet.getCell('C2').value, sheet.getCell('D2').type]).toEqual([
      '上海咏姿时装有限公司', aResume(1).name, ExcelJS.ValueType.String,
    ]);

    expect(await world.send('hr-2', 'exports.applications', { fairId, enterpriseId: own })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND' },
    });
    expect((await world.call('staff-1', 'exports.applications', { fairId })).rows).toBe(2);
    expect((await world.call('staff-1', 'exports.applications', { fairId, enterpriseId: own })).rows).toBe(1);
  });

  describe('the download link on the gateway', () => {
    let app: FastifyInstance;
    let base: string;
    beforeAll(async () => {
      app = await buildGateway({ deps: world.deps, sessions, files: world.deps.files as GatewayFileStore });
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    afterAll(() => app.close());

    const download = async (url: string, openid: string | null) =>
      fetch(`${base}${url}`, openid ? { headers: { authorization: `Bearer ${await openSession(world.deps, sessions, openid)}` } } : {});

    it('serves the file to the person who asked within ten minutes, to nobody else, and not after', async () => {
      const eventId = await aPublishedEvent(world);
      const file = await world.call('staff-1', 'exports.registrations', { eventId });
      expect(file.url).toMatch(/^\/files\/[A-Za-z0-9_-]{43}$/);

      const owner = await download(file.url, 'staff-1');
      expect(owner.status).toBe(200);
      expect(owner.headers.get('content-type')).toMatch(/spreadsheetml/);
      expect(owner.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      expect(owner.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.from(await owner.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

      await world.givenUser('staff-2', ['staff']);
      for (const someoneElse of ['staff-2', 'worker-1', null]) {
        const refused = await download(file.url, someoneElse);
        expect([someoneElse, refused.status]).toEqual([someoneElse, 404]);
      }

      world.setNow(new Date(T0.getTime() + 9 * 60_000).toISOString());
      expect((await download(file.url, 'staff-1')).status).toBe(200);
      world.setNow(new Date(T0.getTime() + 10 * 60_000).toISOString());
      const late = await download(file.url, 'staff-1');
      expect(late.status).toBe(410);
      expect(await late.json()).toMatchObject({ ok: false, error: { message: '下载链接已过期，请重新导出' } });
      expect((await download('/files/not-a-real-token', 'staff-1')).status).toBe(404);
    });
  });
});

describe('exports in WeChat', () => {
  it('uploads the file to cloud storage under exports/<date>/ and answers a temporary URL that lives ten minutes', async () => {
    const storage = cloudStorageDouble();
    const store = cloudFileStore(storage, () => T0);
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);

    const { url } = await store.put({ name: '报名名单.xlsx', bytes, owner: 'staff-1', mime: 'x', ttlSeconds: 600 });

    const [path] = [...storage.stored.keys()];
    expect(path).toMatch(/^exports\/2026-12-01\/[0-9a-f]{32}\.xlsx$/);
    expect(storage.stored.get(path)).toEqual(Buffer.from(bytes));
    expect(storage.urls).toEqual([expect.objectContaining({ maxAge: 600, tempFileURL: url })]);
  });

  it('keeps the gateway’s files apart per person even for the same name', async () => {
    const store = memoryFileStore(() => T0);
    const a = await store.put({ name: 'x.xlsx', bytes: new Uint8Array([1]), owner: 'staff-1', mime: 'x', ttlSeconds: 600 });
    const b = await store.put({ name: 'x.xlsx', bytes: new Uint8Array([2]), owner: 'staff-2', mime: 'x', ttlSeconds: 600 });
    expect(a.url).not.toBe(b.url);
    expect(store.open(a.url.slice(7), 'staff-2')).toEqual({ kind: 'unknown' });
  });
});

function anIntent() {
  return {
    name: '王小明',
    gender: 'male' as const,
    birthMonth: '2001-05',
    phone: '13800000013',
    occupation: 'rider' as const,
    politicalStatus: 'league_member' as const,
    consent: true as const,
  };
}
