/**
 * The repository contract of the 两新 census: census fields on enterprise records (and their defaults on records a
 * claim made), one USCC per organisation, guarded changes with their history and audit entry, import previews and
 * their one-transaction apply, visits with their needs. Run on every adapter by tests/server/repositories.test.ts.
 */
import type { ImportPlan, NeedRecord, OrgRecord, Repositories, VisitRecord } from '../../../cloudfunctions/api/src/core/ports';
import { updateOrgRule, visitRule, type OrgRefs } from '../../../cloudfunctions/api/src/orgs/rules';
import type { RepoHarness } from './repositories.contract';

const NOW = '2026-12-01T02:00:00.000Z';
const LATER = '2026-12-01T03:00:00.000Z';
const REFS: OrgRefs = {
  gridIds: new Set(['grid-town', 'grid-hengshan']),
  jointOrgIds: new Set(['org-joint-sheshan']),
  staffOpenids: new Set(['staff-1']),
  today: '2026-12-01',
};

const anOrgRecord = (overrides: Partial<OrgRecord> = {}): OrgRecord => ({
  id: 'org-1',
  name: '上海佘山测试科技有限公司',
  uscc: '91310117MA1J3XXX1A',
  usccMissingReason: null,
  kind: 'economic',
  industry: '软件',
  address: '佘山镇林荫新路 1 号',
  gridId: 'grid-town',
  employees: 30,
  partyMembers: 3,
  status: 'active',
  statusChangedOn: null,
  coverage: 'joint',
  branchName: null,
  branchFoundedOn: null,
  jointOrgId: 'org-joint-sheshan',
  instructorOpenid: 'staff-1',
  instructorName: null,
  lastVisitOn: null,
  verified: false,
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

const aVisit = (overrides: Partial<VisitRecord> = {}): VisitRecord => ({
  id: 'visit-1',
  orgId: 'org-1',
  visitedOn: '2026-11-30',
  visitorOpenid: 'staff-1',
  visitorName: '王指导',
  findings: '生产经营正常',
  problems: [{ category: 'recruitment', text: '缝纫工招聘难' }],
  createdBy: 'staff-1',
  createdAt: NOW,
  ...overrides,
});

const aNeed = (overrides: Partial<NeedRecord> = {}): NeedRecord => ({
  id: 'need-1',
  orgId: 'org-1',
  visitId: 'visit-1',
  category: 'recruitment',
  text: '缝纫工招聘难',
  attachment: null,
  authorOpenid: 'staff-1',
  status: 'submitted',
  department: null,
  reply: null,
  rating: null,
  ratingNote: null,
  createdAt: NOW,
  dueAt: '2026-12-15T15:59:59.999Z',
  closedAt: null,
  ...overrides,
});

const audit = { actor: 'staff-1', action: 'org.create', recordType: 'org', recordId: 'org-1', detail: null };

export function describeOrgsContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract (两新 census): ${name}`, () => {
    let h: RepoHarness;
    let repos: Repositories;
    beforeAll(async () => {
      h = await open();
      repos = h.repos;
    });
    beforeEach(async () => {
      await h.reset();
      for (const who of ['staff-1', 'hr-1']) await repos.users.ensure(who, NOW);
    });
    afterAll(() => h.close());

    it('lists the seeded 党建网格 in order', async () => {
      const grids = await repos.orgs.grids();
      expect(grids[0]).toEqual({ id: 'grid-town', name: '佘山镇区网格' });
      expect(grids.map((g) => g.id)).toContain('grid-hengshan');
    });

    it('stores every census field and reads it back; one organisation per USCC', async () => {
      expect(await repos.orgs.create(anOrgRecord(), [], audit)).toBe('created');
      expect(await repos.orgs.get('org-1')).toEqual(anOrgRecord());
      expect(await repos.orgs.create(anOrgRecord({ id: 'org-2', name: '同码' }), [], audit)).toBe('uscc-taken');
      expect(await repos.orgs.get('org-2')).toBeNull();
      expect(await repos.audit.listFor('org', 'org-1')).toHaveLength(1);
    });

    it('reads an enterprise made by a 云招聘 claim as a census record with the defaults', async () => {
      await repos.enterprises.ensure(
        { id: 'ent-1', name: '上海咏姿时装有限公司', uscc: '91310000132149237G', industry: null, size: null, address: null, contactName: null, contactPhone: null, intro: null, logo: null, verified: false },
        NOW,
      );
      expect(await repos.orgs.get('ent-1')).toMatchObject({ kind: 'economic', status: 'active', coverage: 'none', gridId: null, lastVisitOn: null });
      const listed = await repos.orgs.list({ kind: 'economic', status: 'active', coverage: 'none', limit: 10 });
      expect(listed.map((o) => o.id)).toEqual(['ent-1']);
      expect((await repos.orgs.all()).map((o) => o.id)).toEqual(['ent-1']);
    });

    it('filters by kind, status, coverage, grid and keyword, newest first, a page at a time', async () => {
      await repos.orgs.create(anOrgRecord(), [], audit);
      await repos.orgs.create(
        anOrgRecord({ id: 'org-2', uscc: null, usccMissingReason: '个体', name: '佘山常青藤幼儿园', kind: 'social', coverage: 'none', jointOrgId: null, gridId: 'grid-hengshan', createdAt: LATER }),
        [],
        audit,
      );
      const ids = async (q: Parameters<Repositories['orgs']['list']>[0]) => (await repos.orgs.list(q)).map((o) => o.id);
      expect(await ids({ limit: 10 })).toEqual(['org-2', 'org-1']);
      expect(await ids({ kind: 'social', limit: 10 })).toEqual(['org-2']);
      expect(await ids({ coverage: 'joint', limit: 10 })).toEqual(['org-1']);
      expect(await ids({ gridId: 'grid-hengshan', limit: 10 })).toEqual(['org-2']);
      expect(await ids({ q: '幼儿园', limit: 10 })).toEqual(['org-2']);
      expect(await ids({ q: 'ma1j3', limit: 10 })).toEqual(['org-1']);
      expect(await ids({ limit: 10, after: { createdAt: LATER, id: 'org-2' } })).toEqual(['org-1']);
    });

    it('changes an organisation under a guard, writing the fields, the history and the audit entry together', async () => {
      await repos.orgs.create(anOrgRecord(), [], audit);
      const changed = await repos.orgs.change('org-1', LATER, updateOrgRule({ coverage: 'standalone', branchName: '测试党支部' }, REFS, 'staff-1'));
      expect(changed).toMatchObject({ coverage: 'standalone', branchName: '测试党支部', jointOrgId: null, updatedAt: LATER });
      expect(await repos.orgs.history('org-1')).toEqual([
        { field: 'coverage', before: 'joint', after: 'standalone', source: 'update', actor: 'staff-1', at: LATER },
        { field: 'branchName', before: null, after: '测试党支部', source: 'update', actor: 'staff-1', at: LATER },
        { field: 'jointOrgId', before: 'org-joint-sheshan', after: null, source: 'update', actor: 'staff-1', at: LATER },
      ]);
      expect((await repos.audit.listFor('org', 'org-1')).map((a) => a.action)).toEqual(['org.create', 'org.update']);
    });

    it('writes nothing when the guard refuses, and refuses a USCC another organisation holds', async () => {
      await repos.orgs.create(anOrgRecord(), [], audit);
      await repos.orgs.create(anOrgRecord({ id: 'org-2', uscc: '91310000132149237G' }), [], audit);
      await expect(repos.orgs.change('org-1', LATER, updateOrgRule({ coverage: 'standalone' }, REFS, 'staff-1'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(repos.orgs.change('org-2', LATER, updateOrgRule({ uscc: '91310117MA1J3XXX1A' }, REFS, 'staff-1'))).rejects.toMatchObject({ code: 'ORG_EXISTS' });
      await expect(repos.orgs.change('nope', LATER, updateOrgRule({ name: '新名字' }, REFS, 'staff-1'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await repos.orgs.history('org-1')).toEqual([]);
      expect(await repos.orgs.get('org-2')).toMatchObject({ uscc: '91310000132149237G' });
      // The code freed by a change can be taken again.
      await repos.orgs.change('org-1', LATER, updateOrgRule({ uscc: null, usccMissingReason: '未登记' }, REFS, 'staff-1'));
      await repos.orgs.change('org-2', LATER, updateOrgRule({ uscc: '91310117MA1J3XXX1A' }, REFS, 'staff-1'));
      expect(await repos.orgs.get('org-2')).toMatchObject({ uscc: '91310117MA1J3XXX1A' });
    });

    it('keeps an import preview and applies its plan once in one transaction, reading only the organisations it names', async () => {
      await repos.orgs.create(anOrgRecord(), [], audit);
      await repos.orgs.create(anOrgRecord({ id: 'org-other', uscc: '91330100716105852F', name: '不在表里的公司' }), [], audit);
      await repos.orgs.create(anOrgRecord({ id: 'org-nocode', uscc: null, usccMissingReason: '个体', name: '无代码个体户' }), [], audit);
      await repos.orgs.savePreview({ id: 'pv-1', createdBy: 'staff-1', createdAt: NOW, expiresAt: LATER, rows: [{ line: 2 }], appliedAt: null });
      expect(await repos.orgs.getPreview('pv-1')).toEqual({ id: 'pv-1', createdBy: 'staff-1', createdAt: NOW, expiresAt: LATER, rows: [{ line: 2 }], appliedAt: null });
      const plan: ImportPlan = {
        creates: [{ record: anOrgRecord({ id: 'org-new', uscc: '91310000132149237G', name: '新公司' }), history: [{ field: 'name', before: null, after: '新公司', source: 'import', actor: 'staff-1' }] }],
        updates: [{ id: 'org-1', fields: { employees: 40 }, history: [{ field: 'employees', before: '30', after: '40', source: 'import', actor: 'staff-1' }] }],
        audit: { actor: 'staff-1', action: 'org.import', recordType: 'org_import', recordId: 'pv-1', detail: '新增 1，更新 1' },
      };
      let seen: string[] = [];
      await repos.orgs.applyImport('pv-1', { usccs: ['91310117MA1J3XXX1A', '91310000132149237G'], names: ['新公司', '无代码个体户'] }, LATER, (preview, current) => {
        seen = current.map((o) => o.id);
        expect(preview.rows).toEqual([{ line: 2 }]);
        return plan;
      });
      expect(seen.sort()).toEqual(['org-1', 'org-nocode']);
      expect(await repos.orgs.get('org-1')).toMatchObject({ employees: 40 });
      expect(await repos.orgs.get('org-new')).toMatchObject({ name: '新公司' });
      expect(await repos.orgs.history('org-new')).toHaveLength(1);
      expect((await repos.orgs.getPreview('pv-1'))?.appliedAt).toBe(LATER);
      expect(await repos.audit.listFor('org_import', 'pv-1')).toHaveLength(1);
    });

    it('writes nothing of an import whose plan collides with a registered USCC', async () => {
      await repos.orgs.create(anOrgRecord(), [], audit);
      await repos.orgs.savePreview({ id: 'pv-2', createdBy: 'staff-1', createdAt: NOW, expiresAt: LATER, rows: [], appliedAt: null });
      const plan: ImportPlan = {
        creates: [
          { record: anOrgRecord({ id: 'org-a', uscc: '91310000132149237G' }), history: [] },
          { record: anOrgRecord({ id: 'org-b' }), history: [] },
        ],
        updates: [],
        audit: { actor: 'staff-1', action: 'org.import', recordType: 'org_import', recordId: 'pv-2', detail: null },
      };
      await expect(repos.orgs.applyImport('pv-2', { usccs: [], names: [] }, LATER, () => plan)).rejects.toMatchObject({ code: 'ORG_EXISTS' });
      expect(await repos.orgs.get('org-a')).toBeNull();
      expect((await repos.orgs.getPreview('pv-2'))?.appliedAt).toBeNull();
    });

    it('records a visit with its needs and moves the last visit, all in one transaction', async () => {
      await repos.orgs.create(anOrgRecord(), [], audit);
      await repos.orgs.recordVisit(aVisit(), [aNeed()], LATER, visitRule('2026-11-30', 'visit-1', 'staff-1'));
      expect(await repos.orgs.get('org-1')).toMatchObject({ lastVisitOn: '2026-11-30' });
      expect(await repos.orgs.visits({ orgId: 'org-1', limit: 10 })).toEqual([aVisit()]);
      expect((await repos.needs.get('need-1'))?.visitId).toBe('visit-1');
      expect(await repos.orgs.history('org-1')).toEqual([
        { field: 'lastVisitOn', before: null, after: '2026-11-30', source: 'visit', actor: 'staff-1', at: LATER },
      ]);

      await repos.orgs.recordVisit(aVisit({ id: 'visit-0', visitedOn: '2026-11-01', problems: [] }), [], LATER, visitRule('2026-11-01', 'visit-0', 'staff-1'));
      expect(await repos.orgs.get('org-1')).toMatchObject({ lastVisitOn: '2026-11-30' });
      expect((await repos.orgs.visits({ limit: 10 })).map((v) => v.id)).toEqual(['visit-1', 'visit-0']);
      await expect(repos.orgs.recordVisit(aVisit({ id: 'visit-x', orgId: 'nope' }), [aNeed({ id: 'need-x', orgId: 'nope' })], LATER, visitRule('2026-11-30', 'visit-x', 'staff-1'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await repos.needs.get('need-x')).toBeNull();
    });
  });
}
