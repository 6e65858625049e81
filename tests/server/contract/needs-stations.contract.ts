/**
 * The needs and stations ports on every adapter: a need reads back as written with its organisation's name; lists
 * filter by status, category and overdue, newest first with a keyset; a guarded change writes its patch, audit entry
 * and message together, and a refusing guard writes nothing; departments are unique and a rename carries the needs.
 * Stations read back with their services; a station's coming events are the published ones naming it.
 * Written against the ports only; run by tests/server/repositories.test.ts.
 */
import type { NeedRecord, Repositories } from '../../../cloudfunctions/api/src/core/ports';
import { DomainError } from '../../../cloudfunctions/api/src/core/errors';
import { anEventRecord, type RepoHarness } from './repositories.contract';

const T = '2026-12-01T02:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString();

function aNeed(overrides: Partial<NeedRecord> = {}): NeedRecord {
  return {
    id: 'need-1', orgId: 'ent-1', visitId: null, category: 'recruitment', text: '需要招 30 名缝纫工', attachment: null,
    authorOpenid: 'hr-1', status: 'submitted', department: null, reply: null, rating: null, ratingNote: null,
    createdAt: T, dueAt: '2026-12-15T15:59:59.999Z', closedAt: null, ...overrides,
  };
}

export function describeNeedsStationsContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract (needs, stations): ${name}`, () => {
    let h: RepoHarness;
    let repos: Repositories;
    let run = 0;
    beforeAll(async () => {
      h = await open();
      repos = h.repos;
    });
    beforeEach(async () => {
      await h.reset();
      run += 1;
      await repos.enterprises.ensure(
        { id: 'ent-1', name: '上海咏姿时装有限公司', uscc: '91310000132149237G', industry: null, size: null, address: null,
          contactName: null, contactPhone: null, intro: null, logo: null, verified: true },
        T,
      );
    });
    afterAll(() => h.close());

    it('reads a need back as written, with its organisation’s name', async () => {
      await repos.needs.insert(aNeed({ visitId: 'visit-1', attachment: 'https://example.com/a.pdf' }));
      expect(await repos.needs.get('need-1')).toEqual({ ...aNeed({ visitId: 'visit-1', attachment: 'https://example.com/a.pdf' }), orgName: '上海咏姿时装有限公司' });
      expect(await repos.needs.get('nope')).toBeNull();
    });

    it('lists newest first, by status, category and overdue, a page after a keyset', async () => {
      await repos.needs.insert(aNeed({ id: 'n1', createdAt: at(1), dueAt: at(100) }));
      await repos.needs.insert(aNeed({ id: 'n2', createdAt: at(2), category: 'policy', dueAt: at(5) }));
      await repos.needs.insert(aNeed({ id: 'n3', createdAt: at(3), status: 'closed', closedAt: at(4), dueAt: at(5) }));
      const ids = async (q: Parameters<Repositories['needs']['list']>[0]) => (await repos.needs.list(q)).map((n) => n.id);
      expect(await ids({ limit: 10 })).toEqual(['n3', 'n2', 'n1']);
      expect(await ids({ limit: 10, status: 'submitted' })).toEqual(['n2', 'n1']);
      expect(await ids({ limit: 10, category: 'policy' })).toEqual(['n2']);
      expect(await ids({ limit: 10, overdueAt: at(10) })).toEqual(['n2']);
      expect(await ids({ limit: 1, after: { createdAt: at(3), id: 'n3' } })).toEqual(['n2']);
      expect(await repos.needs.counts(at(10))).toEqual({ open: 2, overdue: 1 });
    });

    it('lists a person’s own needs and their enterprise’s', async () => {
      await repos.needs.insert(aNeed({ id: 'mine', authorOpenid: 'hr-1', createdAt: at(1) }));
      await repos.needs.insert(aNeed({ id: 'visit', authorOpenid: 'staff-1', createdAt: at(2) }));
      expect((await repos.needs.listMine('hr-1', [])).map((n) => n.id)).toEqual(['mine']);
      expect((await repos.needs.listMine('hr-1', ['ent-1'])).map((n) => n.id)).toEqual(['visit', 'mine']);
    });

    it('writes a change with its audit entry and message, and nothing when the guard refuses', async () => {
      await repos.needs.insert(aNeed());
      const changed = await repos.needs.change('need-1', at(5), () => ({
        patch: { status: 'closed', department: '经发办', reply: '已协调', closedAt: at(5) },
        audit: { actor: 'staff-1', action: 'need.advance', recordType: 'need', recordId: 'need-1', detail: 'x' },
        notify: { openid: 'hr-1', template: 'need_status', data: { statusCode: 'closed' } },
      }));
      expect(changed).toMatchObject({ status: 'closed', department: '经发办', reply: '已协调', closedAt: at(5), orgName: '上海咏姿时装有限公司' });
      expect((await repos.audit.listFor('need', 'need-1')).map((a) => a.action)).toEqual(['need.advance']);
      expect((await repos.outbox.list({ openid: 'hr-1', limit: 10 })).map((m) => m.template)).toEqual(['need_status']);
      await expect(
        repos.needs.change('need-1', at(6), () => {
          throw new DomainError('INVALID_TRANSITION');
        }),
      ).rejects.toThrow(DomainError);
      expect((await repos.audit.listFor('need', 'need-1')).length).toBe(1);
      await expect(repos.needs.change('nope', at(6), () => ({ patch: {} }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('keeps department names unique; a rename carries the needs assigned to it', async () => {
      const name = `区人社局${run}`;
      expect(await repos.needs.addDepartment({ name, createdAt: at(1) }, 'staff-1')).toBe('created');
      expect(await repos.needs.addDepartment({ name, createdAt: at(2) }, 'staff-1')).toBe('exists');
      await repos.needs.insert(aNeed({ department: name, status: 'assigned' }));
      expect(await repos.needs.renameDepartment(name, '经发办', 'staff-1', at(3))).toBe('exists');
      expect(await repos.needs.renameDepartment('没有这个部门', `新${run}`, 'staff-1', at(3))).toBe('missing');
      expect(await repos.needs.renameDepartment(name, `${name}人才科`, 'staff-1', at(3))).toBe('renamed');
      expect((await repos.needs.get('need-1'))?.department).toBe(`${name}人才科`);
      const names = (await repos.needs.departments()).map((d) => d.name);
      expect(names.slice(0, 4)).toEqual(['发展公司', '经发办', '社区事务受理服务中心', '综合党委']);
      expect(names).toContain(`${name}人才科`);
      expect(names).not.toContain(name);
    });

    it('counts a period’s needs, events and organisations the same way (the dashboard)', async () => {
      // Period: 1 Dec 2026 (Shanghai) to 31 Dec 2026; T is 1 Dec 10:00 Shanghai.
      const period = { fromDate: '2026-12-01', toDate: '2026-12-31', fromAt: '2026-11-30T16:00:00.000Z', toAt: '2026-12-31T16:00:00.000Z' };
      const day = 86_400_000;
      const plus = (days: number) => new Date(Date.parse(T) + days * day).toISOString();
      await repos.needs.insert(aNeed({ id: 'a', category: 'policy', createdAt: T, status: 'closed', closedAt: plus(2) }));
      await repos.needs.insert(aNeed({ id: 'b', category: 'policy', createdAt: T, status: 'closed', closedAt: plus(4) }));
      await repos.needs.insert(aNeed({ id: 'c', category: 'talent', createdAt: T, status: 'closed', closedAt: plus(40) }));
      await repos.needs.insert(aNeed({ id: 'd', category: 'talent', createdAt: '2026-11-30T15:59:59.000Z' }));
      await repos.events.insert(anEventRecord({ id: `dash-1-${run}`, type: 'policy', status: 'published', startAt: plus(3) }));
      await repos.events.insert(anEventRecord({ id: `dash-2-${run}`, type: 'policy', status: 'cancelled', startAt: plus(3) }));
      const c = await repos.dashboard.counts(period);
      expect(c.needsByCategory.sort((x, y) => x.category.localeCompare(y.category))).toEqual([
        { category: 'policy', raised: 2, closed: 2, medianDays: 3 },
        { category: 'talent', raised: 1, closed: 0, medianDays: null },
      ]);
      expect(c.needsMedianDays).toBe(3);
      expect(c.activities.find((a) => a.type === 'policy')).toMatchObject({ held: 1, signups: 0, attended: 0 });
      expect(c.orgsByKindStatus.find((r) => r.kind === 'economic' && r.status === 'active')?.count).toBeGreaterThanOrEqual(1);
      expect(c.active).toBe(c.orgsByKindStatus.filter((r) => r.status === 'active').reduce((s, r) => s + r.count, 0));
    });

    it('reads a station back with its services, changes it under a guard, and finds its coming events', async () => {
      const id = `st-${run}`;
      const station = {
        id, name: `山间咏汇${run}号站`, host: '上海咏姿时装有限公司', address: '佘山镇勋业路 2 号', lat: 31.0935, lng: 121.2032,
        hours: '工作日 9:00–17:00', services: ['women', 'health'], phone: null, intro: null, createdAt: T, updatedAt: T,
      };
      await repos.stations.insert(station, 'staff-1');
      expect(await repos.stations.get(id)).toEqual(station);
      expect((await repos.stations.list()).map((s) => s.id)).toContain(id);
      const changed = await repos.stations.change(id, at(1), () => ({
        patch: { services: ['water'], updatedAt: at(1) },
        audit: { actor: 'staff-1', action: 'station.update', recordType: 'station', recordId: id, detail: 'services' },
      }));
      expect(changed).toMatchObject({ services: ['water'], updatedAt: at(1) });
      expect((await repos.audit.listFor('station', id)).map((a) => a.action)).toEqual(['station.create', 'station.update']);

      await repos.events.insert(anEventRecord({ id: `ev-a${run}`, status: 'published', location: `${station.name}二楼` }));
      await repos.events.insert(anEventRecord({ id: `ev-b${run}`, status: 'draft', location: station.name }));
      await repos.events.insert(anEventRecord({ id: `ev-c${run}`, status: 'published', location: '别处' }));
      expect((await repos.stations.upcomingEvents(station.name, T, 10)).map((e) => e.id)).toEqual([`ev-a${run}`]);
    });
  });
}
