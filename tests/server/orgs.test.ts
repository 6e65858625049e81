/**
 * The 两新 census (摸排) through the one dispatch, on a real database: the register and its two coverages, history kept
 * with every change, claimed enterprises in the census, visits that move 工作覆盖 and raise needs, and the spreadsheet
 * import (preview, apply, apply again) and export.
 */
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { seedDemo } from '../../cloudfunctions/api/src/demo/seed';
import type { GatewayFileStore } from '../../cloudfunctions/api/src/http/files';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { ENGINES } from './support/db';
import { openSession } from './support/sessions';
import { anApprovedHr } from './support/recruitment';
import { aRegisteredOrg, aSheet, anOrg, badChecksum, CENSUS_HEADERS, usccOf } from './support/orgs';
import { makeWorld, type World } from './support/world';

const refusedWith = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });

describe.each(ENGINES)('两新 census on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(engine);
  });
  beforeEach(async () => {
    await world.reset();
    await world.testDb.db.query("UPDATE users SET name = '王指导' WHERE openid = 'staff-1'");
  });
  afterAll(() => world.close());

  describe('the register', () => {
    it('keeps an organisation with its coverage and shows grid and joint organisation by name', async () => {
      const org = await world.call('staff-1', 'orgs.create', anOrg(1, { coverage: 'joint', jointOrgId: 'org-joint-sheshan', instructorOpenid: 'staff-1' }));

      expect(org).toMatchObject({
        name: '上海佘山测试1号科技有限公司',
        status: 'active',
        coverage: 'joint',
        gridName: '佘山镇区网格',
        jointOrgName: '佘山镇“两新”组织联合党支部',
        instructorName: '王指导',
        claimed: false,
      });
    });

    it('takes an organisation without a USCC only with the reason it has none', async () => {
      const { uscc: _uscc, ...withoutCode } = anOrg(2);
      expect(await world.send('staff-1', 'orgs.create', withoutCode)).toMatchObject(refusedWith('INVALID_INPUT'));
      const org = await world.call('staff-1', 'orgs.create', { ...withoutCode, usccMissingReason: '个体工商户' });
      expect(org).toMatchObject({ uscc: null, usccMissingReason: '个体工商户' });
    });

    it('refuses a second organisation with the same USCC, a branchless 单独组建 and an unknown grid', async () => {
      await aRegisteredOrg(world, 3);
      expect(await world.send('staff-1', 'orgs.create', anOrg(3, { name: '另一家同码公司' }))).toMatchObject(refusedWith('ORG_EXISTS'));
      expect(await world.send('staff-1', 'orgs.create', anOrg(4, { coverage: 'standalone' }))).toMatchObject(refusedWith('INVALID_INPUT'));
      expect(await world.send('staff-1', 'orgs.create', anOrg(5, { gridId: 'grid-nowhere' }))).toMatchObject(refusedWith('INVALID_INPUT'));
      expect(await world.send('staff-1', 'orgs.create', anOrg(6, { coverage: 'joint', jointOrgId: 'org-quanlan' }))).toMatchObject(
        refusedWith('INVALID_INPUT'),
      );
    });

    it('keeps every change as history: who, when, the field, before → after, in names and labels', async () => {
      const id = await aRegisteredOrg(world, 7);
      world.setNow('2026-12-05T02:00:00.000Z');
      await world.call('staff-1', 'orgs.update', { id, status: 'removed', coverage: 'standalone', branchName: '测试七号党支部' });

      const detail = await world.call('staff-1', 'orgs.get', { id });
      const changes = detail.history.filter((h) => h.source === 'update');
      expect(changes).toEqual(
        expect.arrayContaining([
          { at: '2026-12-05T02:00:00.000Z', actorName: '王指导', source: 'update', field: 'status', before: '在营', after: '已注销/空壳撤销' },
          { at: '2026-12-05T02:00:00.000Z', actorName: '王指导', source: 'update', field: 'statusChangedOn', before: null, after: '2026-12-05' },
          { at: '2026-12-05T02:00:00.000Z', actorName: '王指导', source: 'update', field: 'coverage', before: '未覆盖', after: '单独组建' },
        ]),
      );
      expect(detail.history.some((h) => h.source === 'create' && h.field === 'name')).toBe(true);
      expect(JSON.stringify(detail.history)).not.toContain('staff-1');
      const audit = await world.deps.repos.audit.listFor('org', id);
      expect(audit.map((a) => a.action)).toEqual(['org.create', 'org.update']);
    });

    it('writes no history when an update changes nothing', async () => {
      const id = await aRegisteredOrg(world, 8);
      const before = (await world.call('staff-1', 'orgs.get', { id })).history.length;
      await world.call('staff-1', 'orgs.update', { id, name: '上海佘山测试8号科技有限公司' });
      expect((await world.call('staff-1', 'orgs.get', { id })).history).toHaveLength(before);
    });

    it('lists by kind, status, coverage, grid and keyword, a page at a time', async () => {
      await aRegisteredOrg(world, 10);
      world.setNow('2026-12-01T03:00:00.000Z');
      await aRegisteredOrg(world, 11, { kind: 'social', name: '佘山镇常青藤幼儿园', gridId: 'grid-hengshan' });
      world.setNow('2026-12-01T04:00:00.000Z');
      await aRegisteredOrg(world, 12, { status: 'moved_out', coverage: 'joint', jointOrgId: 'org-joint-park' });

      const names = async (payload: Record<string, unknown>) =>
        (await world.call('staff-1', 'orgs.list', payload)).items.map((o) => o.name);
      expect(await names({ kind: 'social' })).toEqual(['佘山镇常青藤幼儿园']);
      expect(await names({ status: 'moved_out' })).toEqual(['上海佘山测试12号科技有限公司']);
      expect(await names({ coverage: 'joint' })).toEqual(['上海佘山测试12号科技有限公司']);
      expect(await names({ grid: 'grid-hengshan' })).toEqual(['佘山镇常青藤幼儿园']);
      expect(await names({ q: '幼儿园' })).toEqual(['佘山镇常青藤幼儿园']);
      expect(await names({ q: usccOf(10).slice(-6) })).toEqual(['上海佘山测试10号科技有限公司']);
      expect(await names({ q: '林荫新路 12' })).toEqual(['上海佘山测试12号科技有限公司']);
      expect(await names({ q: '%' })).toEqual([]);

      const first = await world.call('staff-1', 'orgs.list', { limit: 2 });
      const second = await world.call('staff-1', 'orgs.list', { limit: 2, cursor: first.nextCursor as string });
      expect([...first.items, ...second.items].map((o) => o.name)).toEqual([
        '上海佘山测试12号科技有限公司',
        '佘山镇常青藤幼儿园',
        '上海佘山测试10号科技有限公司',
      ]);
      expect(second.nextCursor).toBeNull();
    });

    it('shows an enterprise claimed through 云招聘 in the census, and a census record claimed later stays one record', async () => {
      await anApprovedHr(world, 'hr-1', { name: '上海咏姿时装有限公司', uscc: usccOf(20) });
      const listed = await world.call('staff-1', 'orgs.list', { q: '咏姿' });
      expect(listed.items).toEqual([expect.objectContaining({ name: '上海咏姿时装有限公司', claimed: true, kind: 'economic', coverage: 'none' })]);

      const id = await aRegisteredOrg(world, 21, { name: '上海全澜科技有限公司' });
      const enterpriseId = await anApprovedHr(world, 'hr-2', { name: '上海全澜科技有限公司', uscc: usccOf(21) });
      expect(enterpriseId).toBe(id);
      expect(await world.call('staff-1', 'orgs.get', { id })).toMatchObject({ claimed: true, employees: 30, gridName: '佘山镇区网格' });
    });

    it('is for staff only', async () => {
      await world.givenUser('worker-1');
      expect(await world.send('worker-1', 'orgs.list', {})).toMatchObject(refusedWith('FORBIDDEN'));
      expect(await world.send(null, 'orgs.grids', {})).toMatchObject(refusedWith('UNAUTHENTICATED'));
    });
  });

  describe('visits (走访)', () => {
    it('moves the last visit forward, never back, and turns each problem into a need linked to the visit', async () => {
      const id = await aRegisteredOrg(world, 30);
      const visit = await world.call('staff-1', 'visits.create', {
        orgId: id,
        date: '2026-11-28',
        findings: '企业生产经营正常，有意向建立党组织',
        problems: [
          { category: 'recruitment', text: '缝纫工招聘难，岗位缺口 20 人' },
          { category: 'space', text: '厂房租约明年到期，希望协调场地' },
        ],
      });
      expect(visit).toMatchObject({ visitorName: '王指导', needsCreated: 2, date: '2026-11-28' });
      await world.call('staff-1', 'visits.create', { orgId: id, date: '2026-11-20', visitor: '李网格', findings: '补录一次早先的走访', problems: [] });

      const detail = await world.call('staff-1', 'orgs.get', { id });
      expect(detail.lastVisitOn).toBe('2026-11-28');
      expect(detail.visits.map((v) => [v.date, v.visitorName])).toEqual([['2026-11-28', '王指导'], ['2026-11-20', '李网格']]);
      const needs = await world.testDb.db.query<{ visit_id: string; category: string }>('SELECT visit_id, category FROM needs ORDER BY category');
      expect(needs).toEqual([{ visit_id: visit.id, category: 'recruitment' }, { visit_id: visit.id, category: 'space' }]);
      expect((await world.call('staff-1', 'visits.list', {})).map((v) => v.orgName)).toEqual([
        '上海佘山测试30号科技有限公司',
        '上海佘山测试30号科技有限公司',
      ]);
    });

    it('refuses a visit dated after today, and one to an organisation that does not exist', async () => {
      const id = await aRegisteredOrg(world, 31);
      expect(await world.send('staff-1', 'visits.create', { orgId: id, date: '2026-12-02', findings: '明天的走访', problems: [] })).toMatchObject(
        refusedWith('INVALID_INPUT'),
      );
      expect(await world.send('staff-1', 'visits.create', { orgId: 'nope', date: '2026-12-01', findings: '走访', problems: [] })).toMatchObject(
        refusedWith('NOT_FOUND'),
      );
    });
  });

  describe('import', () => {
    it('previews each row (new, changed, unchanged, refused with reasons), applies the good rows once, and changes nothing the second time', async () => {
      const existing = await aRegisteredOrg(world, 40, { name: '上海已登记甲公司' });
      await aRegisteredOrg(world, 41, { name: '上海已登记乙公司', coverage: 'none' });
      const base64 = await aSheet(CENSUS_HEADERS, [
        ['上海新发现丙公司', usccOf(42), '新经济组织', '制造业', '佘山镇勤工路 1 号', '横山村网格', 12, 1, '在营', '未覆盖', null, '王指导'],
        ['上海已登记甲公司', usccOf(40), '新经济组织', null, null, '佘山镇区网格', 30, 3, '空壳撤销', null, null, null],
        ['上海已登记乙公司', usccOf(41), null, null, null, null, 30, 3, null, null, null, null],
        ['上海校验错误丁公司', badChecksum(usccOf(43)), '新经济组织', null, null, null, null, null, null, null, null, null],
        ['上海重复戊公司', usccOf(44), null, null, null, null, null, null, null, null, null, null],
        ['上海重复戊公司（再录）', usccOf(44), null, null, null, null, null, null, null, null, null, null],
        [null, usccOf(45), '新经济组织', null, null, null, null, null, null, null, null, null],
        ['上海未知网格己公司', usccOf(46), null, null, null, '月球网格', null, null, null, null, null, null],
        ['上海联合覆盖庚公司', usccOf(47), '新社会组织', null, null, null, null, null, null, '联合党组织', '佘山镇产业园区联合党支部', null],
      ]);

      const preview = await world.call('staff-1', 'orgs.importPreview', { base64 });

      expect(preview.counts).toEqual({ new: 2, changed: 1, unchanged: 1, refused: 5 });
      const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, r]));
      expect(byLine[2]).toMatchObject({ verdict: 'new', name: '上海新发现丙公司' });
      expect(byLine[3]).toMatchObject({ verdict: 'changed' });
      expect(byLine[3].changes).toEqual(
        expect.arrayContaining([
          { field: 'status', before: '在营', after: '已注销/空壳撤销' },
          { field: 'statusChangedOn', before: null, after: '2026-12-01' },
        ]),
      );
      expect(byLine[4]).toMatchObject({ verdict: 'unchanged' });
      expect(byLine[5]).toMatchObject({ verdict: 'refused', reasons: ['统一社会信用代码校验未通过，请核对营业执照上的代码'] });
      expect(byLine[6].reasons).toEqual(['与第 7 行统一社会信用代码重复']);
      expect(byLine[7].reasons).toEqual(['与第 6 行统一社会信用代码重复']);
      expect(byLine[8]).toMatchObject({ verdict: 'refused', reasons: ['缺少名称'] });
      expect(byLine[9]).toMatchObject({ verdict: 'refused', reasons: ['网格“月球网格”不在网格名单中'] });
      expect(byLine[10]).toMatchObject({ verdict: 'new' });

      const applied = await world.call('staff-1', 'orgs.importApply', { previewId: preview.previewId });
      expect(applied).toMatchObject({ created: 2, updated: 1, unchanged: 1, appliedBefore: false });
      expect(applied.refused.map((r) => r.line)).toEqual([5, 6, 7, 8, 9]);
      const listed = await world.call('staff-1', 'orgs.list', { limit: 50 });
      expect(listed.items).toHaveLength(4);
      expect(listed.items.find((o) => o.name === '上海新发现丙公司')).toMatchObject({ gridName: '横山村网格', instructorName: '王指导', employees: 12 });
      expect(listed.items.find((o) => o.name === '上海联合覆盖庚公司')).toMatchObject({ kind: 'social', coverage: 'joint', jointOrgName: '佘山镇产业园区联合党支部' });
      expect((await world.call('staff-1', 'orgs.get', { id: existing })).status).toBe('removed');
      const historyRows = await world.testDb.db.query('SELECT count(*)::int AS n FROM org_changes');

      const again = await world.call('staff-1', 'orgs.importApply', { previewId: preview.previewId });

      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, appliedBefore: true });
      expect(again.refused).toHaveLength(5);
      expect((await world.call('staff-1', 'orgs.list', { limit: 50 })).items).toHaveLength(4);
      expect(await world.testDb.db.query('SELECT count(*)::int AS n FROM org_changes')).toEqual(historyRows);
    });

    it('takes a sheet of several hundred KB over HTTP, while every other action keeps the 64 KB body limit', async () => {
      const sessions = createSessions('orgs-test-secret-0123456789abcdefghijklmnop');
      const app = await buildGateway({ deps: world.deps, sessions });
      try {
        const token = await openSession(world.deps, sessions, 'staff-1');
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        const rows = Array.from({ length: 4000 }, (_, i) => [`上海佘山批量${i}号有限公司`, usccOf(1000 + i), '新经济组织', '制造业', `佘山镇勤工路 ${i} 号`]);
        const base64 = await aSheet(CENSUS_HEADERS.slice(0, 5), rows);
        expect(base64.length).toBeGreaterThan(64 * 1024);
        await app.listen({ port: 0, host: '127.0.0.1' });
        const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        const post = (action: string, body: unknown) => fetch(`${base}/api/${action}`, { method: 'POST', headers, body: JSON.stringify(body) });
        const preview = await post('orgs.importPreview', { base64 });
        expect(preview.status).toBe(200);
        expect(((await preview.json()) as { data: { counts: unknown } }).data.counts).toMatchObject({ new: 4000, refused: 0 });
        expect((await post('orgs.list', { q: 'x'.repeat(70_000) })).status).toBe(413);
      } finally {
        await app.close();
      }
    });

    it('refuses a file that is not a spreadsheet, one without a 名称 column, and an unknown or expired preview', async () => {
      expect(await world.send('staff-1', 'orgs.importPreview', { base64: Buffer.from('不是表格').toString('base64') })).toMatchObject(
        refusedWith('INVALID_INPUT'),
      );
      expect(await world.send('staff-1', 'orgs.importPreview', { base64: await aSheet(['公司'], [['某公司']]) })).toMatchObject(
        refusedWith('INVALID_INPUT'),
      );
      expect(await world.send('staff-1', 'orgs.importApply', { previewId: 'nope' })).toMatchObject(refusedWith('NOT_FOUND'));
      const preview = await world.call('staff-1', 'orgs.importPreview', { base64: await aSheet(CENSUS_HEADERS, [['上海过期预览公司', usccOf(50)]]) });
      world.setNow('2026-12-01T04:00:00.000Z');
      expect(await world.send('staff-1', 'orgs.importApply', { previewId: preview.previewId })).toMatchObject(refusedWith('NOT_FOUND'));
    });
  });

  describe('demo data', () => {
    it('extends the seeded 云招聘 enterprises instead of copying them, and seeds the census once', async () => {
      await seedDemo(world.deps.repos, world.clock.now, world.deps.newId);
      await seedDemo(world.deps.repos, world.clock.now, world.deps.newId);

      const all = (await world.call('demo-staff', 'orgs.list', { limit: 50 })).items;
      expect(all.filter((o) => o.name === '上海咏姿时装有限公司')).toEqual([
        expect.objectContaining({ id: 'demo-ent-yongzi', claimed: true, coverage: 'standalone', gridName: '佘山工业区网格' }),
      ]);
      expect(all).toHaveLength(13);
      expect(new Set(all.map((o) => o.status))).toEqual(new Set(['active', 'removed', 'moved_out']));
      expect(new Set(all.map((o) => o.coverage))).toEqual(new Set(['standalone', 'joint', 'none']));
      expect(await world.call('demo-staff', 'visits.list', {})).toHaveLength(2);
    });
  });

  describe('export', () => {
    it('exports the register as .xlsx with Chinese headers and USCC as text, audited, and the file imports back unchanged', async () => {
      await aRegisteredOrg(world, 60, { coverage: 'standalone', branchName: '测试六十号党支部', branchFoundedOn: '2024-07-01', instructorOpenid: 'staff-1' });
      await aRegisteredOrg(world, 61, { coverage: 'joint', jointOrgId: 'org-joint-park', instructorName: '李网格' });
      await world.call('staff-1', 'visits.create', { orgId: (await world.call('staff-1', 'orgs.list', {})).items[0].id, date: '2026-11-30', findings: '走访', problems: [] });

      const file = await world.call('staff-1', 'exports.orgs', {});

      expect(file).toMatchObject({ fileName: '两新组织名册-2026-12-01.xlsx', rows: 2 });
      const opened = (world.deps.files as GatewayFileStore).open(file.url.replace('/files/', ''), 'staff-1');
      if (opened.kind !== 'file') throw new Error(`export not downloadable: ${opened.kind}`);
      const bytes = Buffer.from(opened.file.bytes);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['名称', '统一社会信用代码', '无代码原因']);
      expect(sheet.getRow(2).getCell(2).value).toBe(usccOf(60));
      expect(sheet.getRow(2).getCell(14).value).toBe('2024-07-01');
      expect(sheet.getRow(2).getCell(15).value).toBe('王指导');
      expect((await world.deps.repos.audit.listFor('org', 'all')).map((a) => a.action)).toEqual(['export.orgs']);

      const preview = await world.call('staff-1', 'orgs.importPreview', { base64: bytes.toString('base64') });
      expect(preview.counts).toEqual({ new: 0, changed: 0, unchanged: 2, refused: 0 });
    });
  });
});
