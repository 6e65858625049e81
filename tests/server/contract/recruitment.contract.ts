/**
 * The repository contract of 云招聘: enterprises and claims, fair participation, jobs and search, applications,
 * 就业指导, résumés. Written against the ports only; run on every adapter by tests/server/repositories.test.ts.
 */
import type {
  ApplicationRecord,
  ClaimRecord,
  EnterpriseRecord,
  JobRecord,
  Repositories,
} from '../../../cloudfunctions/api/src/core/ports';
import {
  answerGuidanceRule,
  decideClaimRule,
  decideParticipationRule,
  markApplicationRule,
  reaskParticipationRule,
  withdrawApplicationRule,
} from '../../../cloudfunctions/api/src/recruitment/rules';
import { anEventRecord, type RepoHarness } from './repositories.contract';

const NOW = '2026-12-01T02:00:00.000Z';
const LATER = '2026-12-01T03:00:00.000Z';
const LATEST = '2026-12-01T04:00:00.000Z';

const anEnterprise = (overrides: Partial<EnterpriseRecord> = {}): EnterpriseRecord => ({
  id: 'ent-1',
  name: '上海咏姿时装有限公司',
  uscc: '91310117MA1J3XXX1A',
  industry: null,
  size: null,
  address: null,
  contactName: null,
  contactPhone: null,
  intro: null,
  logo: null,
  verified: false,
  ...overrides,
});

const aJob = (overrides: Partial<Omit<JobRecord, 'enterpriseName'>> = {}): Omit<JobRecord, 'enterpriseName'> => ({
  id: 'job-1',
  enterpriseId: 'ent-1',
  eventId: 'ev-1',
  title: '缝纫工',
  category: 'manufacturing',
  salaryMin: 5000,
  salaryMax: 7000,
  headcount: 3,
  district: 'sheshan',
  place: '佘山镇工业园区',
  requirements: '有经验优先',
  benefits: ['五险一金', '包午餐'],
  status: 'open',
  createdBy: 'hr-1',
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

const anApplication = (overrides: Partial<ApplicationRecord> = {}): ApplicationRecord => ({
  id: 'app-1',
  jobId: 'job-1',
  openid: 'rider-1',
  status: 'submitted',
  resume: { name: '王师傅', phone: '13800000011', age: 35, experience: '三年缝纫' },
  interview: null,
  reason: null,
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

const aClaim = (overrides: Partial<Omit<ClaimRecord, 'enterpriseId'>> = {}): Omit<ClaimRecord, 'enterpriseId'> => ({
  id: 'cl-1',
  enterpriseName: '上海咏姿时装有限公司',
  uscc: '91310117MA1J3XXX1A',
  claimantName: '张经理',
  claimantPhone: '13800000088',
  openid: 'hr-1',
  status: 'pending',
  reason: null,
  createdAt: NOW,
  ...overrides,
});

const approve = (newEnterpriseId = 'ent-new') => decideClaimRule({ approve: true, reason: null, by: 'staff-1', newEnterpriseId });
const reject = (reason: string) => decideClaimRule({ approve: false, reason, by: 'staff-1', newEnterpriseId: 'unused' });

export function describeRecruitmentContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract (云招聘): ${name}`, () => {
    let h: RepoHarness;
    let repos: Repositories;
    beforeAll(async () => {
      h = await open();
      repos = h.repos;
    });
    beforeEach(async () => {
      await h.reset();
      for (const who of ['rider-1', 'rider-2', 'hr-1', 'staff-1']) await repos.users.ensure(who, NOW);
      await repos.events.insert(anEventRecord({ type: 'fair' }));
    });
    afterAll(() => h.close());

    /** A verified enterprise with one open job at the fair. */
    async function givenJob(job: Partial<Omit<JobRecord, 'enterpriseName'>> = {}) {
      if (!(await repos.enterprises.get('ent-1'))) {
        await repos.enterprises.ensure(anEnterprise(), NOW);
        await repos.enterprises.update('ent-1', { verified: true }, NOW);
      }
      return repos.jobs.insert(aJob(job), ['缝', '纫', '缝纫', '工', '纫工']);
    }

    it('keeps one enterprise per USCC, unverified until approved, and applies profile patches', async () => {
      const first = await repos.enterprises.ensure(anEnterprise({ verified: true }), NOW);
      expect(first).toEqual(anEnterprise());
      const again = await repos.enterprises.ensure(anEnterprise({ id: 'ent-2', name: '别的名字' }), LATER);
      expect(again.id).toBe('ent-1');
      expect(await repos.enterprises.get('ent-2')).toBeNull();
      expect((await repos.enterprises.findByUscc('91310117MA1J3XXX1A'))?.id).toBe('ent-1');
      expect(await repos.enterprises.findByUscc('nope')).toBeNull();

      const logo = { url: '/files/0a1b' };
      const updated = await repos.enterprises.update('ent-1', { industry: '服装', intro: '时装', logo, verified: true }, LATER);
      expect(updated).toMatchObject({ industry: '服装', intro: '时装', logo, verified: true, uscc: '91310117MA1J3XXX1A' });
      const replaced = await repos.enterprises.update('ent-1', { logo: { url: 'cloud://env.7465-env/logos/2c3d.jpg' } }, LATER);
      expect(replaced.logo).toEqual({ url: 'cloud://env.7465-env/logos/2c3d.jpg' });
      expect((await repos.enterprises.update('ent-1', { logo: null }, LATER)).logo).toBeNull();
      await expect(repos.enterprises.update('nope', { intro: 'x' }, LATER)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('writes a profile change and its audit entry together, and neither for an enterprise that is not there', async () => {
      await repos.enterprises.ensure(anEnterprise(), NOW);
      const audit = { actor: 'hr-1', action: 'enterprise.update', recordType: 'enterprise', recordId: 'ent-1', detail: 'logo: /files/0a1b' };
      await repos.enterprises.update('ent-1', { logo: { url: '/files/0a1b' } }, LATER, audit);
      expect(await repos.audit.listFor('enterprise', 'ent-1')).toEqual([{ ...audit, at: LATER }]);
      await expect(repos.enterprises.update('nope', { intro: 'x' }, LATER, { ...audit, recordId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await repos.audit.listFor('enterprise', 'nope')).toEqual([]);
    });

    it('creates one enterprise when the same USCC is claimed twice at once', async () => {
      const stored = await Promise.all(['a', 'b', 'c'].map((s) => repos.enterprises.ensure(anEnterprise({ id: `ent-${s}` }), NOW)));
      expect(new Set(stored.map((e) => e.id)).size).toBe(1);
    });

    it('allows one live claim per person, and keeps what each claimant typed', async () => {
      expect(await repos.enterprises.insertClaim(aClaim())).toBe('created');
      expect(await repos.enterprises.insertClaim(aClaim({ id: 'cl-2', enterpriseName: '别的企业' }))).toBe('already-live');
      expect(await repos.enterprises.getClaim('cl-1')).toEqual({ ...aClaim(), enterpriseId: null });
      expect(await repos.enterprises.findByUscc('91310117MA1J3XXX1A')).toBeNull();

      expect(await repos.enterprises.decideClaim('cl-1', LATER, reject('材料不全'))).toMatchObject({ status: 'rejected', reason: '材料不全' });
      expect(await repos.enterprises.insertClaim(aClaim({ id: 'cl-3', createdAt: LATER }))).toBe('created');
      expect((await repos.enterprises.liveClaimOf('hr-1'))?.id).toBe('cl-3');
      expect((await repos.enterprises.listClaims('pending')).map((c) => c.id)).toEqual(['cl-3']);
      expect((await repos.enterprises.listClaims()).map((c) => c.id)).toEqual(['cl-3', 'cl-1']);
      await expect(repos.enterprises.decideClaim('nope', LATEST, approve())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('leaves no trace of a rejected claim on the enterprise, and names it after the approved one', async () => {
      await repos.enterprises.insertClaim(aClaim({ enterpriseName: '冒名顶替有限公司', openid: 'rider-1' }));
      await repos.enterprises.decideClaim('cl-1', LATER, reject('名称与营业执照不符'));
      expect(await repos.enterprises.findByUscc('91310117MA1J3XXX1A')).toBeNull();

      await repos.enterprises.insertClaim(aClaim({ id: 'cl-2', createdAt: LATER }));
      expect((await repos.enterprises.listClaims()).map((c) => [c.id, c.enterpriseName])).toEqual([
        ['cl-2', '上海咏姿时装有限公司'],
        ['cl-1', '冒名顶替有限公司'],
      ]);
      const approved = await repos.enterprises.decideClaim('cl-2', LATEST, approve('ent-new'));

      expect(approved).toMatchObject({ status: 'approved', enterpriseId: 'ent-new', enterpriseName: '上海咏姿时装有限公司' });
      expect(await repos.enterprises.get('ent-new')).toMatchObject({ name: '上海咏姿时装有限公司', uscc: '91310117MA1J3XXX1A', verified: true });
      expect(await repos.users.get('hr-1')).toMatchObject({ enterpriseId: 'ent-new', enterpriseName: '上海咏姿时装有限公司', roles: ['worker', 'hr'] });
      expect(await repos.users.get('rider-1')).toMatchObject({ enterpriseId: null, roles: ['worker'] });
      expect(await repos.enterprises.insertClaim(aClaim({ id: 'cl-4' }))).toBe('already-live');
      expect((await repos.audit.listFor('enterprise_claim', 'cl-1')).map((e) => [e.actor, e.action, e.at])).toEqual([['staff-1', 'claim.decide', LATER]]);
      expect(await repos.audit.listFor('enterprise_claim', 'cl-2')).toEqual([
        expect.objectContaining({ actor: 'staff-1', action: 'claim.decide', detail: expect.stringContaining('pending → approved') }),
      ]);
    });

    it('verifies an enterprise already holding the code, and keeps the name of one verified before', async () => {
      await repos.enterprises.ensure(anEnterprise({ name: '旧名称' }), NOW);
      await repos.enterprises.insertClaim(aClaim());
      expect(await repos.enterprises.decideClaim('cl-1', LATER, approve())).toMatchObject({ enterpriseId: 'ent-1' });
      expect(await repos.enterprises.get('ent-1')).toMatchObject({ name: '上海咏姿时装有限公司', verified: true });

      await repos.enterprises.insertClaim(aClaim({ id: 'cl-2', openid: 'rider-2', enterpriseName: '咏姿时装' }));
      expect(await repos.enterprises.decideClaim('cl-2', LATEST, approve())).toMatchObject({ enterpriseId: 'ent-1' });
      expect((await repos.enterprises.get('ent-1'))?.name).toBe('上海咏姿时装有限公司');
      expect((await repos.users.get('rider-2'))?.enterpriseId).toBe('ent-1');
    });

    it('writes nothing when the rule refuses a decision', async () => {
      await repos.enterprises.insertClaim(aClaim());
      await repos.enterprises.decideClaim('cl-1', LATER, approve());
      await expect(repos.enterprises.decideClaim('cl-1', LATEST, reject('重复审核'))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(await repos.enterprises.getClaim('cl-1')).toMatchObject({ status: 'approved', reason: null });
      expect(await repos.audit.listFor('enterprise_claim', 'cl-1')).toHaveLength(1);
    });

    it('takes an enterprise once per fair, records the decision with an audit entry, and takes a re-request after a rejection', async () => {
      await repos.enterprises.ensure(anEnterprise(), NOW);
      const p = { id: 'fp-1', eventId: 'ev-1', enterpriseId: 'ent-1', status: 'pending' as const, createdAt: NOW };
      const joined = await repos.enterprises.joinFair(p);
      expect(joined).toEqual({ ...p, enterpriseName: '上海咏姿时装有限公司', reason: null, note: null });
      expect((await repos.enterprises.joinFair({ ...p, id: 'fp-2', createdAt: LATER })).id).toBe('fp-1');
      expect((await repos.enterprises.participation('ev-1', 'ent-1'))?.id).toBe('fp-1');
      expect(await repos.enterprises.participation('ev-1', 'ent-x')).toBeNull();

      const decide = (approve: boolean, reason: string | null) => decideParticipationRule({ approve, reason, by: 'staff-1' });
      expect(await repos.enterprises.changeParticipation('fp-1', LATER, decide(false, '展位已满'))).toMatchObject({ status: 'rejected', reason: '展位已满' });
      expect(await repos.enterprises.joinFair({ ...p, id: 'fp-3', createdAt: LATER })).toMatchObject({ id: 'fp-1', status: 'rejected' });
      const again = await repos.enterprises.changeParticipation('fp-1', LATER, reaskParticipationRule({ note: '已调整为小展位', by: 'hr-1' }));
      expect(again).toMatchObject({ status: 'pending', reason: '展位已满', note: '已调整为小展位' });
      expect(await repos.enterprises.changeParticipation('fp-1', LATEST, decide(true, null))).toMatchObject({ status: 'approved', reason: null });
      await expect(repos.enterprises.changeParticipation('fp-1', LATEST, decide(false, '重复'))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

      expect((await repos.audit.listFor('fair_participation', 'fp-1')).map((e) => [e.actor, e.action])).toEqual([
        ['staff-1', 'fair.decide'],
        ['hr-1', 'fair.reask'],
        ['staff-1', 'fair.decide'],
      ]);
      expect((await repos.enterprises.listParticipations({ eventId: 'ev-1', status: 'approved' })).map((x) => x.id)).toEqual(['fp-1']);
      expect(await repos.enterprises.listParticipations({ status: 'pending' })).toEqual([]);
      expect((await repos.enterprises.getParticipation('fp-1'))?.enterpriseName).toBe('上海咏姿时装有限公司');
      await expect(repos.enterprises.changeParticipation('nope', LATER, decide(true, null))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('finds open jobs of verified enterprises by every term, filter and cursor, newest first', async () => {
      const job = await givenJob();
      expect(job).toEqual({ ...aJob(), enterpriseName: '上海咏姿时装有限公司' });
      await givenJob({ id: 'job-2', title: '仓库管理员', salaryMin: 8000, salaryMax: null, createdAt: LATER, updatedAt: LATER });
      await givenJob({ id: 'job-3', status: 'closed', createdAt: LATER, updatedAt: LATER });
      await repos.enterprises.ensure(anEnterprise({ id: 'ent-2', uscc: '91310117MA1J3YYY2B', name: '未认证企业' }), NOW);
      await repos.jobs.insert(aJob({ id: 'job-4', enterpriseId: 'ent-2', createdAt: LATEST }), ['缝纫']);

      const ids = async (q: Parameters<Repositories['jobs']['search']>[0]) => (await repos.jobs.search(q)).map((j) => j.id);
      expect(await ids({ limit: 10 })).toEqual(['job-2', 'job-1']);
      expect(await ids({ terms: ['缝纫', '纫工'], limit: 10 })).toEqual(['job-2', 'job-1']);
      expect(await ids({ terms: ['缝纫', '没有'], limit: 10 })).toEqual([]);
      expect(await ids({ salaryAtLeast: 7500, limit: 10 })).toEqual(['job-2']);
      expect(await ids({ salaryAtLeast: 7000, limit: 10 })).toEqual(['job-2', 'job-1']);
      expect(await ids({ eventId: 'ev-1', enterpriseId: 'ent-1', category: 'manufacturing', district: 'sheshan', limit: 1 })).toEqual(['job-2']);
      expect(await ids({ limit: 10, after: { createdAt: LATER, id: 'job-2' } })).toEqual(['job-1']);
      expect((await repos.jobs.listByEnterprise('ent-1')).map((j) => j.id)).toEqual(['job-3', 'job-2', 'job-1']);

      const updated = await repos.jobs.update('job-1', { title: '熟练缝纫工', benefits: ['包住'], salaryMax: null }, ['熟练'], LATEST);
      expect(updated).toMatchObject({ title: '熟练缝纫工', benefits: ['包住'], salaryMax: null, salaryMin: 5000, updatedAt: LATEST });
      expect(await ids({ terms: ['熟练'], limit: 10 })).toEqual(['job-1']);
      await expect(repos.jobs.update('nope', { title: 'x' }, null, LATEST)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('keeps one application per person per job and never reopens one', async () => {
      await givenJob();
      const first = await repos.applications.apply(anApplication());
      expect(first).toEqual(anApplication());
      expect(await repos.applications.apply(anApplication({ id: 'app-2', resume: { name: '别人', phone: '13800000012', age: 20 } }))).toEqual(first);

      await repos.applications.change('app-1', LATER, withdrawApplicationRule('rider-1'));
      const again = await repos.applications.apply(anApplication({ id: 'app-3', resume: { name: '王师傅', phone: '13800000011', age: 36 }, createdAt: LATEST }));
      expect(again).toMatchObject({ id: 'app-1', status: 'withdrawn', resume: first.resume });

      await repos.applications.apply(anApplication({ id: 'app-4', openid: 'rider-2', createdAt: LATER }));
      expect((await repos.applications.listByJob('job-1')).map((a) => a.id)).toEqual(['app-1', 'app-4']);
      expect((await repos.applications.listByUser('rider-2')).map((a) => a.id)).toEqual(['app-4']);
    });

    it('writes a mark, its audit entry and its notification together, and nothing when the rule refuses', async () => {
      await givenJob();
      await repos.applications.apply(anApplication());
      const interview = { at: '2026-12-05T02:00:00.000Z', place: '佘山镇党群服务中心', note: null };
      const mark = (to: 'viewed' | 'interview' | 'hired' | 'rejected', extra: { interview?: typeof interview; reason?: string } = {}) =>
        markApplicationRule({ to, interview: extra.interview ?? null, reason: extra.reason ?? null, by: 'hr-1', now: LATER, jobTitle: '缝纫工' });

      const invited = await repos.applications.change('app-1', LATER, mark('interview', { interview }));
      expect(invited).toMatchObject({ status: 'interview', interview, updatedAt: LATER });
      expect(await repos.applications.get('app-1')).toEqual(invited);
      expect(await repos.outbox.list({ openid: 'rider-1', limit: 5 })).toEqual([
        expect.objectContaining({ template: 'application_status', data: expect.objectContaining({ status: '待面试' }) }),
      ]);

      await expect(repos.applications.change('app-1', LATEST, mark('viewed'))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      const rejected = await repos.applications.change('app-1', LATEST, mark('rejected', { reason: '岗位已招满' }));
      expect(rejected).toMatchObject({ status: 'rejected', reason: '岗位已招满', interview, updatedAt: LATEST });
      await expect(repos.applications.change('app-1', LATEST, withdrawApplicationRule('rider-1'))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(await repos.applications.get('app-1')).toEqual(rejected);

      expect((await repos.audit.listFor('application', 'app-1')).map((e) => [e.actor, e.detail?.split('，')[0]])).toEqual([
        ['hr-1', 'submitted → interview'],
        ['hr-1', 'interview → rejected'],
      ]);
      expect(await repos.outbox.list({ openid: 'rider-1', limit: 5 })).toHaveLength(2);
      await expect(repos.applications.change('nope', LATER, mark('viewed'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('writes nothing at all for a mark that changes nothing', async () => {
      await givenJob();
      await repos.applications.apply(anApplication());
      const viewed = markApplicationRule({ to: 'viewed', interview: null, reason: null, by: 'hr-1', now: LATER, jobTitle: '缝纫工' });
      await repos.applications.change('app-1', LATER, viewed);
      expect(await repos.applications.change('app-1', LATEST, viewed)).toMatchObject({ status: 'viewed', updatedAt: LATER });
      expect(await repos.audit.listFor('application', 'app-1')).toHaveLength(1);
      expect(await repos.outbox.list({ openid: 'rider-1', limit: 5 })).toHaveLength(1);
    });

    it('counts a fair: approved enterprises, jobs, headcount, live applications, interviews and hires', async () => {
      await givenJob();
      await givenJob({ id: 'job-2', headcount: 2 });
      await repos.jobs.insert(aJob({ id: 'job-elsewhere', eventId: null }), []);
      const p = await repos.enterprises.joinFair({ id: 'fp-1', eventId: 'ev-1', enterpriseId: 'ent-1', status: 'pending', createdAt: NOW });
      await repos.enterprises.changeParticipation(p.id, NOW, decideParticipationRule({ approve: true, reason: null, by: 'staff-1' }));
      await repos.applications.apply(anApplication());
      await repos.applications.apply(anApplication({ id: 'app-2', openid: 'rider-2' }));
      await repos.applications.apply(anApplication({ id: 'app-3', jobId: 'job-2' }));
      await repos.applications.apply(anApplication({ id: 'app-4', jobId: 'job-elsewhere' }));
      await repos.applications.change('app-1', LATER, () => ({ patch: { status: 'hired', interview: { at: LATER, place: '厂区', note: null } } }));
      await repos.applications.change('app-2', LATER, () => ({ patch: { status: 'withdrawn' } }));
      expect(await repos.applications.fairFigures('ev-1')).toEqual({
        enterprises: 1, jobs: 2, headcount: 5, applications: 2, interviews: 1, hires: 1,
      });
    });

    it('answers a guidance request once, with a notification and an audit entry, and lists requests by person and status', async () => {
      const request = { id: 'g-1', openid: 'rider-1', topic: '简历怎么写', preferredTimes: '周末', phone: '13800000011', status: 'open' as const, answer: null, createdAt: NOW, answeredAt: null };
      await repos.guidance.insert(request);
      await repos.guidance.insert({ ...request, id: 'g-2', openid: 'rider-2', createdAt: LATER });
      expect(await repos.guidance.get('g-1')).toEqual(request);
      const answer = (text: string, now: string) => answerGuidanceRule({ answer: text, by: 'staff-1', now });
      const answered = await repos.guidance.change('g-1', LATEST, answer('周六上午来驿站', LATEST));
      expect(answered).toEqual({ ...request, status: 'answered', answer: '周六上午来驿站', answeredAt: LATEST });
      await expect(repos.guidance.change('g-1', LATEST, answer('改成周日', LATEST))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(await repos.guidance.get('g-1')).toEqual(answered);
      expect((await repos.guidance.list('open')).map((g) => g.id)).toEqual(['g-2']);
      expect((await repos.guidance.list()).map((g) => g.id)).toEqual(['g-2', 'g-1']);
      expect((await repos.guidance.listByUser('rider-1')).map((g) => g.id)).toEqual(['g-1']);
      expect(await repos.outbox.list({ openid: 'rider-1', limit: 5 })).toHaveLength(1);
      expect(await repos.audit.listFor('guidance_request', 'g-1')).toEqual([
        { actor: 'staff-1', action: 'guidance.answer', recordType: 'guidance_request', recordId: 'g-1', detail: 'open → answered', at: LATEST },
      ]);
      await expect(repos.guidance.change('nope', LATEST, answer('x', LATEST))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('keeps the last résumé of a person', async () => {
      expect((await repos.users.get('rider-1'))?.resume).toBeNull();
      await repos.users.saveResume('rider-1', { name: '王师傅', age: 35, experience: '三年' }, LATER);
      await repos.users.saveResume('rider-1', { name: '王师傅', age: 36 }, LATEST);
      expect((await repos.users.get('rider-1'))?.resume).toEqual({ name: '王师傅', age: 36 });
    });
  });
}
