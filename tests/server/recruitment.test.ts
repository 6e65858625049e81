/**
 * 云招聘 use cases through the one dispatch, on a real database: enterprise claims with the USCC check, fairs,
 * jobs owned by their enterprise, one application per person, who sees an applicant, search, fair figures, 就业指导.
 */
import type { Job } from '@shared/recruitment';
import { usccProblem, USCC_MESSAGES } from '@shared/uscc';
import { seedDemo } from '../../cloudfunctions/api/src/demo/seed';
import { ENGINES } from './support/db';
import { aFair, aJob, anApprovedHr, anInterview, aResume, joinedFair, TINY_PNG, USCC } from './support/recruitment';
import { aPublishedEvent, anEvent, makeWorld, type World } from './support/world';

const YONGZI = { name: '上海咏姿时装有限公司', uscc: USCC.shanghai };
const JIECHI = { name: '深圳市洁驰清洁设备有限公司', uscc: USCC.shenzhen };
const QUANLAN = { name: '杭州全澜科技有限公司', uscc: USCC.hangzhou };

const refusedWith = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(Object.values(USCC))('accepts the real code %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('accepts a code written in lower case or with spaces around it', () => {
    expect(usccProblem(' 9144030071526726xg ')).toBeNull();
  });

  it.each([
    ['91310000132149237H', 'checksum'],
    ['91330100716105852E', 'checksum'],
    ['91110108551385082R', 'checksum'],
    ['91310000132149273G', 'checksum'],
    ['91310000132149237', 'length'],
    ['91310000132149237G0', 'length'],
    ['', 'length'],
    ['9131000013214923IG', 'characters'],
    ['9131000013214923OG', 'characters'],
    ['9131000013214923ZG', 'characters'],
    ['9131000013214923SG', 'characters'],
    ['9131000013214923VG', 'characters'],
    ['91310000-32149237G', 'characters'],
  ] as const)('finds the %s code wrong by its %s', (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
  });
});

describe.each(ENGINES)('云招聘 on %s', (engine) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(engine);
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  /** hr-1 of 上海咏姿 approved at a fair, with one job there; worker-1 and worker-2 are looking for work. */
  async function aHiringWorld() {
    const enterpriseId = await anApprovedHr(world, 'hr-1', YONGZI);
    const fairId = await aFair(world);
    await joinedFair(world, 'hr-1', fairId);
    const job = await world.call('hr-1', 'jobs.create', aJob({ eventId: fairId }));
    await world.givenUser('worker-1');
    await world.givenUser('worker-2');
    return { enterpriseId, fairId, job };
  }

  const apply = (openid: string, jobId: string, n = 1) => world.call(openid, 'applications.create', { jobId, resume: aResume(n) });
  const outboxOf = async (openid: string) => world.call('staff-1', 'outbox.list', { openid });

  describe('claiming an enterprise', () => {
    it.each(Object.values(USCC))('takes a claim with the real code %s, pending until staff decide', async (uscc) => {
      await world.givenUser('hr-1');
      const claim = await world.call('hr-1', 'enterprises.claim', { name: '佘山镇某某两新企业', uscc });
      expect(claim).toMatchObject({ status: 'pending', uscc, enterpriseName: '佘山镇某某两新企业', reason: null });
    });

    it.each([
      ['a wrong check character', '91310000132149237H', USCC_MESSAGES.checksum],
      ['17 characters', '91310000132149237', USCC_MESSAGES.length],
      ['an I', '9131000013214923IG', USCC_MESSAGES.characters],
      ['an O', '9131000013214923OG', USCC_MESSAGES.characters],
      ['a Z', '9131000013214923ZG', USCC_MESSAGES.characters],
      ['an S', '9131000013214923SG', USCC_MESSAGES.characters],
      ['a V', '9131000013214923VG', USCC_MESSAGES.characters],
    ])('refuses a code with %s and says why in Chinese', async (_what, uscc, message) => {
      await world.givenUser('hr-1');
      const result = await world.send('hr-1', 'enterprises.claim', { name: YONGZI.name, uscc });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['uscc'], message }] } });
      expect(await world.call('staff-1', 'enterprises.claims', {})).toEqual([]);
    });

    it('spells out the three messages a claimant may read', () => {
      expect(USCC_MESSAGES).toEqual({
        length: '统一社会信用代码应为 18 位',
        characters: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
        checksum: '统一社会信用代码校验未通过，请核对营业执照上的代码',
      });
    });

    it('stores a code typed in lower case in capitals', async () => {
      await world.givenUser('hr-1');
      const claim = await world.call('hr-1', 'enterprises.claim', { name: JIECHI.name, uscc: '9144030071526726xg' });
      expect(claim.uscc).toBe('9144030071526726XG');
    });

    it('makes the claimant the HR contact bound to the enterprise once staff approve', async () => {
      await world.givenUser('hr-1');
      const claim = await world.call('hr-1', 'enterprises.claim', YONGZI);
      expect(await world.call('hr-1', 'enterprises.mine', {})).toEqual({ claim, enterprise: null });
      expect((await world.call('hr-1', 'me.get', {})).roles).toEqual(['worker']);
      expect(await world.call('staff-1', 'enterprises.claims', { status: 'pending' })).toEqual([claim]);

      const decided = await world.call('staff-1', 'enterprises.decideClaim', { id: claim.id, approve: true });

      expect(decided).toMatchObject({ id: claim.id, status: 'approved', enterpriseId: expect.any(String) });
      const me = await world.call('hr-1', 'me.get', {});
      expect(me.roles).toEqual(['worker', 'hr']);
      expect(me.profile.enterprise).toEqual({ id: decided.enterpriseId, name: YONGZI.name });
      expect(await world.call('hr-1', 'enterprises.mine', {})).toMatchObject({
        claim: { status: 'approved' },
        enterprise: { id: decided.enterpriseId, name: YONGZI.name, uscc: YONGZI.uscc, verified: true },
      });
      expect(await world.call('staff-1', 'enterprises.claims', { status: 'pending' })).toEqual([]);
    });

    it('binds a second claimant of the same code to the same enterprise', async () => {
      const enterpriseId = await anApprovedHr(world, 'hr-1', YONGZI);
      const second = await anApprovedHr(world, 'hr-2', YONGZI);
      expect(second).toBe(enterpriseId);
    });

    it('needs a reason to reject a claim, and then shows it to the claimant, who may claim again', async () => {
      await world.givenUser('hr-1');
      const claim = await world.call('hr-1', 'enterprises.claim', YONGZI);

      const bare = await world.send('staff-1', 'enterprises.decideClaim', { id: claim.id, approve: false });
      expect(bare).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['reason'] }] } });
      expect(await world.call('staff-1', 'enterprises.claims', { status: 'pending' })).toHaveLength(1);

      await world.call('staff-1', 'enterprises.decideClaim', { id: claim.id, approve: false, reason: '营业执照与企业名称不符' });
      expect(await world.call('hr-1', 'enterprises.mine', {})).toEqual({
        claim: { ...claim, status: 'rejected', reason: '营业执照与企业名称不符' },
        enterprise: null,
      });
      expect((await world.call('hr-1', 'me.get', {})).roles).toEqual(['worker']);
      expect(await world.send('hr-1', 'jobs.create', aJob())).toMatchObject(refusedWith('FORBIDDEN'));
      await expect(world.call('hr-1', 'enterprises.claim', YONGZI)).resolves.toMatchObject({ status: 'pending' });
    });

    it('decides a claim once', async () => {
      await world.givenUser('hr-1');
      const claim = await world.call('hr-1', 'enterprises.claim', YONGZI);
      await world.call('staff-1', 'enterprises.decideClaim', { id: claim.id, approve: true });
      expect(
        await world.send('staff-1', 'enterprises.decideClaim', { id: claim.id, approve: false, reason: '重复审核' }),
      ).toMatchObject(refusedWith('INVALID_TRANSITION'));
    });

    it('refuses a second claim while one is pending, leaving no enterprise behind', async () => {
      await world.givenUser('hr-1');
      await world.call('hr-1', 'enterprises.claim', YONGZI);
      const countEnterprises = async () => (await world.testDb.db.query('SELECT id FROM enterprises')).length;
      const before = await countEnterprises();

      expect(await world.send('hr-1', 'enterprises.claim', JIECHI)).toMatchObject(refusedWith('ALREADY_SUBMITTED'));

      expect(await countEnterprises()).toBe(before);
    });

    it('When a claim under a false name is rejected, then the next claimant of the code, the staff list and the verified enterprise carry the right name', async () => {
      await world.givenUser('worker-a');
      await world.givenUser('worker-b');
      const forged = await world.call('worker-a', 'enterprises.claim', { name: '佘山冒名顶替服装有限公司', uscc: YONGZI.uscc });
      await world.call('staff-1', 'enterprises.decideClaim', { id: forged.id, approve: false, reason: '名称与营业执照不符' });
      expect(await world.testDb.db.query('SELECT id FROM enterprises WHERE uscc = $1', [YONGZI.uscc])).toEqual([]);

      world.setNow('2026-12-01T03:00:00Z');
      const honest = await world.call('worker-b', 'enterprises.claim', { ...YONGZI, claimantName: '张经理', claimantPhone: '13800000088' });

      expect(honest).toMatchObject({ enterpriseName: YONGZI.name, uscc: YONGZI.uscc, claimantName: '张经理', claimantPhone: '13800000088' });
      expect((await world.call('staff-1', 'enterprises.claims', {})).map((c) => [c.openid, c.enterpriseName, c.status])).toEqual([
        ['worker-b', YONGZI.name, 'pending'],
        ['worker-a', '佘山冒名顶替服装有限公司', 'rejected'],
      ]);
      const approved = await world.call('staff-1', 'enterprises.decideClaim', { id: honest.id, approve: true });
      expect(await world.call(null, 'enterprises.get', { id: approved.enterpriseId as string })).toMatchObject({ name: YONGZI.name, verified: true });
      expect((await world.call('worker-b', 'me.get', {})).profile.enterprise).toEqual({ id: approved.enterpriseId, name: YONGZI.name });
      expect((await world.call('worker-a', 'me.get', {})).roles).toEqual(['worker']);
    });

    it('shows staff the name and phone the claimant gave about themselves', async () => {
      await world.givenUser('hr-1');
      await world.call('hr-1', 'enterprises.claim', { ...JIECHI, claimantName: '李主管', claimantPhone: '13900000022' });
      expect(await world.call('staff-1', 'enterprises.claims', { status: 'pending' })).toMatchObject([
        { enterpriseName: JIECHI.name, uscc: JIECHI.uscc, claimantName: '李主管', claimantPhone: '13900000022', enterpriseId: null },
      ]);
    });

    it('records who decided each claim in the audit log', async () => {
      await world.givenUser('hr-1');
      await world.givenUser('hr-2');
      const rejected = await world.call('hr-1', 'enterprises.claim', YONGZI);
      const approved = await world.call('hr-2', 'enterprises.claim', JIECHI);
      await world.call('staff-1', 'enterprises.decideClaim', { id: rejected.id, approve: false, reason: '营业执照已注销' });
      await world.call('staff-1', 'enterprises.decideClaim', { id: approved.id, approve: true });
      expect(await world.deps.repos.audit.listFor('enterprise_claim', rejected.id)).toEqual([
        expect.objectContaining({ actor: 'staff-1', action: 'claim.decide', detail: expect.stringMatching(/pending → rejected.*营业执照已注销/) }),
      ]);
      expect(await world.deps.repos.audit.listFor('enterprise_claim', approved.id)).toEqual([
        expect.objectContaining({ actor: 'staff-1', action: 'claim.decide', detail: expect.stringContaining('pending → approved') }),
      ]);
    });

    it('refuses a claim from someone already bound to an enterprise', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      expect(await world.send('hr-1', 'enterprises.claim', JIECHI)).toMatchObject(refusedWith('INVALID_TRANSITION'));
    });
  });

  describe('the enterprise profile', () => {
    it('lets its HR contact keep the profile, and anyone read it once verified', async () => {
      const enterpriseId = await anApprovedHr(world, 'hr-1', YONGZI);
      await world.call('hr-1', 'enterprises.update', {
        id: enterpriseId,
        industry: '服装制造',
        size: 'medium',
        address: '上海市松江区佘山镇',
        contactName: '张经理',
        contactPhone: '13800000088',
        intro: '“山间咏汇”党群服务站所在企业',
      });
      expect(await world.call(null, 'enterprises.get', { id: enterpriseId })).toMatchObject({
        name: YONGZI.name,
        industry: '服装制造',
        size: 'medium',
        contactName: '张经理',
        verified: true,
        logo: null,
      });
    });

    it('accepts a real PNG logo and takes it away again', async () => {
      const enterpriseId = await anApprovedHr(world, 'hr-1', YONGZI);
      const logo = { mime: 'image/png' as const, data: TINY_PNG };
      const stored = { url: expect.stringMatching(/^\/files\/[0-9a-f]{64}$/) };
      expect(await world.call('hr-1', 'enterprises.update', { id: enterpriseId, logo })).toMatchObject({ logo: stored });
      expect(await world.call(null, 'enterprises.get', { id: enterpriseId })).toMatchObject({ logo: stored });
      expect(await world.call('hr-1', 'enterprises.update', { id: enterpriseId, logo: null })).toMatchObject({ logo: null });
    });

    it.each([
      ['a PNG that is a JPEG', 'image/png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]).toString('base64')],
      ['a JPEG that is a PNG', 'image/jpeg', TINY_PNG],
      ['a PNG that is an SVG', 'image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')],
    ] as const)('refuses a logo whose bytes are not the declared type: %s', async (_what, mime, data) => {
      const enterpriseId = await anApprovedHr(world, 'hr-1', YONGZI);
      const result = await world.send('hr-1', 'enterprises.update', { id: enterpriseId, logo: { mime, data } });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('标志图片'), issues: [{ path: ['logo'] }] },
      });
      expect((await world.call(null, 'enterprises.get', { id: enterpriseId })).logo).toBeNull();
    });

    it('refuses a logo over 64 KB and one that is neither PNG nor JPEG', async () => {
      const enterpriseId = await anApprovedHr(world, 'hr-1', YONGZI);
      const big = Buffer.concat([Buffer.from(TINY_PNG, 'base64'), Buffer.alloc(65 * 1024)]).toString('base64');
      expect(await world.send('hr-1', 'enterprises.update', { id: enterpriseId, logo: { mime: 'image/png', data: big } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['logo', 'data'], message: '标志图片不能超过 64 KB' }] },
      });
      const gif = await world.send('hr-1', 'enterprises.update', { id: enterpriseId, logo: { mime: 'image/gif', data: TINY_PNG } });
      expect(gif).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['logo', 'mime'] }] } });
    });

    it("tells another enterprise's HR contact the profile does not exist for them to edit", async () => {
      const enterpriseId = await anApprovedHr(world, 'hr-1', YONGZI);
      await anApprovedHr(world, 'hr-2', JIECHI);
      expect(await world.send('hr-2', 'enterprises.update', { id: enterpriseId, intro: '冒名修改' })).toMatchObject(refusedWith('NOT_FOUND'));
    });

    it('keeps an unverified enterprise from everyone but staff', async () => {
      await world.givenUser('hr-1', ['hr']);
      await world.deps.repos.users.bindEnterprise('hr-1', { id: 'ent-unverified', name: '未认证缝纫服装厂' }, world.clock.now.toISOString());
      expect(await world.send(null, 'enterprises.get', { id: 'ent-unverified' })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await world.call('staff-1', 'enterprises.get', { id: 'ent-unverified' })).toMatchObject({ verified: false });
    });
  });

  describe('fairs', () => {
    it('lists an enterprise at a fair once staff approve its request', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      await anApprovedHr(world, 'hr-2', JIECHI);
      const fairId = await aFair(world);
      const request = await world.call('hr-1', 'fairs.join', { eventId: fairId });
      await world.call('hr-2', 'fairs.join', { eventId: fairId });
      expect(request).toMatchObject({ status: 'pending', enterpriseName: YONGZI.name });
      expect(await world.call(null, 'fairs.enterprises', { eventId: fairId })).toEqual([]);

      await world.call('staff-1', 'fairs.decide', { id: request.id, approve: true });

      expect((await world.call(null, 'fairs.enterprises', { eventId: fairId })).map((e) => e.name)).toEqual([YONGZI.name]);
      expect((await world.call('staff-1', 'fairs.requests', { eventId: fairId, status: 'pending' })).map((p) => p.enterpriseName)).toEqual([
        JIECHI.name,
      ]);
    });

    it('answers a second request to join with the first', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const fairId = await aFair(world);
      const first = await world.call('hr-1', 'fairs.join', { eventId: fairId });
      expect(await world.call('hr-1', 'fairs.join', { eventId: fairId })).toEqual(first);
    });

    it('answers a request to join after a rejection with the reason, and takes it again with a note for staff', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const fairId = await aFair(world);
      const request = await world.call('hr-1', 'fairs.join', { eventId: fairId });
      await world.call('staff-1', 'fairs.decide', { id: request.id, approve: false, reason: '展位已满' });

      const again = await world.send('hr-1', 'fairs.join', { eventId: fairId });
      expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('展位已满') } });

      const reasked = await world.call('hr-1', 'fairs.join', { eventId: fairId, note: '已改为两人小展位，可共用桌椅' });
      expect(reasked).toMatchObject({ id: request.id, status: 'pending', note: '已改为两人小展位，可共用桌椅' });
      expect(await world.call('staff-1', 'fairs.requests', { eventId: fairId, status: 'pending' })).toMatchObject([
        { id: request.id, reason: '展位已满', note: '已改为两人小展位，可共用桌椅' },
      ]);
      await world.call('staff-1', 'fairs.decide', { id: request.id, approve: true });
      expect((await world.deps.repos.audit.listFor('fair_participation', request.id)).map((e) => [e.actor, e.action])).toEqual([
        ['staff-1', 'fair.decide'],
        ['hr-1', 'fair.reask'],
        ['staff-1', 'fair.decide'],
      ]);
    });

    it('takes requests only for published fairs that have not ended', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const training = await aPublishedEvent(world);
      const draft = await world.call('staff-1', 'events.create', anEvent({ type: 'fair' }));
      const cancelled = await aFair(world, '取消的招聘会');
      await world.call('staff-1', 'events.cancel', { id: cancelled, reason: '场地临时调整' });
      const ended = await aFair(world, '已结束的招聘会');

      expect(await world.send('hr-1', 'fairs.join', { eventId: training })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await world.send('hr-1', 'fairs.join', { eventId: draft.id })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await world.send('hr-1', 'fairs.join', { eventId: cancelled })).toMatchObject(refusedWith('EVENT_CANCELLED'));
      world.setNow('2026-12-09T00:00:00Z');
      expect(await world.send('hr-1', 'fairs.join', { eventId: ended })).toMatchObject(refusedWith('EVENT_ENDED'));
    });

    it("counts a fair's enterprises, jobs, headcount, applications, interviews and hires", async () => {
      const { fairId, job } = await aHiringWorld();
      await anApprovedHr(world, 'hr-2', JIECHI);
      await joinedFair(world, 'hr-2', fairId);
      await anApprovedHr(world, 'hr-3', QUANLAN);
      await world.call('hr-3', 'fairs.join', { eventId: fairId }); // still pending: not counted
      const cleaner = await world.call('hr-2', 'jobs.create', aJob({ eventId: fairId, title: '清洁设备装配工', headcount: 6 }));
      await world.call('hr-2', 'jobs.create', aJob({ eventId: fairId, title: '仓库管理员', headcount: 2 }));
      await world.call('hr-1', 'jobs.create', aJob({ title: '常年招聘的司机', headcount: 50 })); // standing job: not at the fair
      const a1 = await apply('worker-1', job.id, 1);
      const a2 = await apply('worker-2', job.id, 2);
      await world.givenUser('worker-3');
      await apply('worker-3', cleaner.id, 3);
      const a4 = await apply('hr-3', cleaner.id, 4);
      await world.call('hr-1', 'applications.mark', { id: a1.id, status: 'interview', interview: anInterview() });
      await world.call('hr-1', 'applications.mark', { id: a2.id, status: 'interview', interview: anInterview() });
      await world.call('hr-1', 'applications.mark', { id: a2.id, status: 'hired' });
      await world.call('hr-3', 'applications.withdraw', { id: a4.id });

      expect(await world.call('staff-1', 'fairs.stats', { eventId: fairId })).toEqual({
        eventId: fairId,
        enterprises: 2,
        jobs: 3,
        headcount: 10 + 6 + 2,
        applications: 3,
        interviews: 2,
        hires: 1,
      });
    });
  });

  describe('posting and changing jobs', () => {
    it('lets the approved HR contact post a standing job, open, and list it as theirs', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const job = await world.call('hr-1', 'jobs.create', aJob({ salaryMin: null, salaryMax: null }));
      expect(job).toMatchObject({ status: 'open', eventId: null, enterpriseName: YONGZI.name, salaryMin: null, salaryMax: null });
      expect((await world.call('hr-1', 'jobs.mine', {})).map((j) => j.id)).toEqual([job.id]);
    });

    it('refuses to post or change jobs for someone whose claim is not yet approved', async () => {
      const { job } = await aHiringWorld();
      await world.givenUser('hr-2');
      await world.call('hr-2', 'enterprises.claim', YONGZI); // the same enterprise, still pending
      expect(await world.send('hr-2', 'jobs.create', aJob())).toMatchObject(refusedWith('FORBIDDEN'));
      expect(await world.send('hr-2', 'jobs.update', { id: job.id, headcount: 1 })).toMatchObject(refusedWith('FORBIDDEN'));
      expect(await world.send('hr-2', 'jobs.setStatus', { id: job.id, status: 'closed' })).toMatchObject(refusedWith('FORBIDDEN'));
      expect(await world.send('worker-1', 'jobs.create', aJob())).toMatchObject(refusedWith('FORBIDDEN'));
      expect(await world.send('staff-1', 'jobs.create', aJob())).toMatchObject(refusedWith('FORBIDDEN'));
    });

    it("tells another enterprise's HR contact that the job does not exist, and changes nothing", async () => {
      const { job } = await aHiringWorld();
      await anApprovedHr(world, 'hr-2', JIECHI);
      expect(await world.send('hr-2', 'jobs.update', { id: job.id, title: '被改掉的岗位' })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await world.send('hr-2', 'jobs.setStatus', { id: job.id, status: 'closed' })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await world.call(null, 'jobs.get', { id: job.id })).toMatchObject({ title: job.title, status: 'open' });
    });

    it('lets the owner change a job, and finds it by its new title', async () => {
      const { job } = await aHiringWorld();
      const updated = await world.call('hr-1', 'jobs.update', { id: job.id, title: '服装质检员', salaryMax: 9000, benefits: ['weekends'] });
      expect(updated).toMatchObject({ title: '服装质检员', salaryMin: 6000, salaryMax: 9000, benefits: ['weekends'] });
      expect((await world.call(null, 'jobs.search', { keyword: '质检' })).items.map((j) => j.id)).toEqual([job.id]);
      expect((await world.call(null, 'jobs.search', { keyword: '缝纫' })).items).toEqual([]);
    });

    it('refuses a new maximum salary below the minimum already stored', async () => {
      const { job } = await aHiringWorld();
      expect(await world.send('hr-1', 'jobs.update', { id: job.id, salaryMax: 3000 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['salaryMax'] }] },
      });
    });

    it('needs an approved place at the fair to post a job there', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const fairId = await aFair(world);
      expect(await world.send('hr-1', 'jobs.create', aJob({ eventId: fairId }))).toMatchObject(refusedWith('INVALID_TRANSITION'));
      const request = await world.call('hr-1', 'fairs.join', { eventId: fairId });
      expect(await world.send('hr-1', 'jobs.create', aJob({ eventId: fairId }))).toMatchObject(refusedWith('INVALID_TRANSITION'));
      await world.call('staff-1', 'fairs.decide', { id: request.id, approve: true });
      await expect(world.call('hr-1', 'jobs.create', aJob({ eventId: fairId }))).resolves.toMatchObject({ eventId: fairId });
    });

    it('refuses a job at a fair whose request was rejected, and moving a standing job there', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const fairId = await aFair(world);
      const request = await world.call('hr-1', 'fairs.join', { eventId: fairId });
      await world.call('staff-1', 'fairs.decide', { id: request.id, approve: false, reason: '展位已满' });
      const standing = await world.call('hr-1', 'jobs.create', aJob());
      expect(await world.send('hr-1', 'jobs.create', aJob({ eventId: fairId }))).toMatchObject(refusedWith('INVALID_TRANSITION'));
      expect(await world.send('hr-1', 'jobs.update', { id: standing.id, eventId: fairId })).toMatchObject(refusedWith('INVALID_TRANSITION'));
    });

    it('refuses a job at an event that is not a fair', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const training = await aPublishedEvent(world);
      expect(await world.send('hr-1', 'jobs.create', aJob({ eventId: training }))).toMatchObject(refusedWith('NOT_FOUND'));
    });

    it('keeps the applications of a closed job and takes no new ones until it reopens', async () => {
      const { job } = await aHiringWorld();
      const first = await apply('worker-1', job.id);

      await world.call('hr-1', 'jobs.setStatus', { id: job.id, status: 'closed' });

      expect(await world.call('hr-1', 'applications.listByJob', { jobId: job.id })).toEqual([first]);
      expect(await world.call('worker-1', 'applications.mine', {})).toMatchObject([{ id: first.id, status: 'submitted', job: { status: 'closed' } }]);
      expect(await world.send('worker-2', 'applications.create', { jobId: job.id, resume: aResume(2) })).toMatchObject(
        refusedWith('INVALID_TRANSITION'),
      );
      // Applying again is still answered with the application already made.
      expect(await apply('worker-1', job.id)).toEqual(first);

      await world.call('hr-1', 'jobs.setStatus', { id: job.id, status: 'open' });
      await expect(apply('worker-2', job.id, 2)).resolves.toMatchObject({ status: 'submitted' });
    });
  });

  describe('applying', () => {
    it('takes one application per person per job: applying again returns the first one', async () => {
      const { job } = await aHiringWorld();
      const first = await apply('worker-1', job.id, 1);
      const again = await world.call('worker-1', 'applications.create', { jobId: job.id, resume: aResume(1, { note: '再投一次' }) });
      expect(again).toEqual(first);
      expect(await world.call('hr-1', 'applications.listByJob', { jobId: job.id })).toHaveLength(1);
    });

    it('keeps one application when the same person applies twice at the same moment', async () => {
      const { job } = await aHiringWorld();
      const [a, b] = await Promise.all([apply('worker-1', job.id), apply('worker-1', job.id)]);
      expect(a.id).toBe(b.id);
      expect(await world.call('hr-1', 'applications.listByJob', { jobId: job.id })).toHaveLength(1);
    });

    it('keeps the résumé in the profile to fill in the next application', async () => {
      const { job } = await aHiringWorld();
      await apply('worker-1', job.id, 1);
      expect((await world.call('worker-1', 'me.get', {})).profile.resume).toEqual(aResume(1));
    });

    it('refuses to reopen a withdrawn application when the person applies again', async () => {
      const { job } = await aHiringWorld();
      const first = await apply('worker-1', job.id, 1);
      await world.call('hr-1', 'applications.mark', { id: first.id, status: 'interview', interview: anInterview() });
      await world.call('worker-1', 'applications.withdraw', { id: first.id });

      const again = await world.send('worker-1', 'applications.create', { jobId: job.id, resume: aResume(1, { age: 31 }) });

      expect(again).toMatchObject(refusedWith('INVALID_TRANSITION'));
      expect(await world.call('hr-1', 'applications.listByJob', { jobId: job.id })).toMatchObject([
        { id: first.id, status: 'withdrawn', resume: aResume(1) },
      ]);
    });

    it('keeps the rejection when the person applies again after it', async () => {
      const { job } = await aHiringWorld();
      const first = await apply('worker-1', job.id, 1);
      await world.call('hr-1', 'applications.mark', { id: first.id, status: 'rejected', reason: '需要夜班，时间不合适' });

      const again = await world.send('worker-1', 'applications.create', { jobId: job.id, resume: aResume(1, { note: '夜班也可以' }) });

      expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: '企业已答复该申请不合适，不能再次投递' } });
      expect(await world.call('worker-1', 'applications.mine', {})).toMatchObject([
        { id: first.id, status: 'rejected', reason: '需要夜班，时间不合适', resume: aResume(1) },
      ]);
    });

    it("shows the applicant's phone and résumé to the owning HR contact and to staff", async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id, 1);
      const expected = [{ id: application.id, jobId: job.id, status: 'submitted', resume: aResume(1), interview: null }];
      expect(await world.call('hr-1', 'applications.listByJob', { jobId: job.id })).toMatchObject(expected);
      expect(await world.call('staff-1', 'applications.listByJob', { jobId: job.id })).toMatchObject(expected);
      expect(JSON.stringify(await world.call('hr-1', 'applications.listByJob', { jobId: job.id }))).not.toContain('worker-1');
    });

    it("tells another enterprise's HR contact that the applicants do not exist, and refuses workers", async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id, 1);
      await anApprovedHr(world, 'hr-2', JIECHI);
      // Workers are refused by the access level the contract declares (HR or staff), before the job is read.
      for (const [openid, code] of [['hr-2', 'NOT_FOUND'], ['worker-2', 'FORBIDDEN']] as const) {
        expect(await world.send(openid, 'applications.listByJob', { jobId: job.id })).toMatchObject(refusedWith(code));
        expect(await world.send(openid, 'applications.mark', { id: application.id, status: 'viewed' })).toMatchObject(refusedWith(code));
      }
      expect(await world.send(null, 'applications.listByJob', { jobId: job.id })).toMatchObject(refusedWith('UNAUTHENTICATED'));
    });

    it("never puts an applicant's phone on the job, the search or the fair pages", async () => {
      const { fairId, job, enterpriseId } = await aHiringWorld();
      const { phone } = aResume(1);
      await apply('worker-1', job.id, 1);
      const pages = [
        await world.call(null, 'jobs.get', { id: job.id }),
        await world.call('worker-2', 'jobs.get', { id: job.id }),
        await world.call('hr-1', 'jobs.get', { id: job.id }),
        await world.call(null, 'jobs.search', { keyword: '缝纫' }),
        await world.call('hr-1', 'jobs.mine', {}),
        await world.call(null, 'fairs.enterprises', { eventId: fairId }),
        await world.call(null, 'enterprises.get', { id: enterpriseId }),
      ];
      for (const page of pages) expect(JSON.stringify(page)).not.toContain(phone);
    });

    it('shows the applicant their own application on the job page', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id, 1);
      expect((await world.call('worker-1', 'jobs.get', { id: job.id })).myApplication).toEqual({ id: application.id, status: 'submitted' });
      expect((await world.call('worker-2', 'jobs.get', { id: job.id })).myApplication).toBeNull();
      expect((await world.call(null, 'jobs.get', { id: job.id })).myApplication).toBeNull();
    });

    it('refuses an application for a job that does not exist', async () => {
      await aHiringWorld();
      expect(await world.send('worker-1', 'applications.create', { jobId: 'no-such-job', resume: aResume(1) })).toMatchObject(
        refusedWith('NOT_FOUND'),
      );
    });
  });

  describe('HR answering applicants', () => {
    it('puts every read of the applicants’ résumés and of the 就业指导 requests on the record, with who read how many', async () => {
      const { job } = await aHiringWorld();
      await apply('worker-1', job.id);
      await world.call('worker-2', 'guidance.request', { topic: '想从外卖骑手转岗', preferredTimes: '工作日晚上', phone: '13800000002' });
      await world.call('hr-1', 'applications.listByJob', { jobId: job.id });
      await world.call('staff-1', 'applications.listByJob', { jobId: job.id });
      await world.call('staff-1', 'guidance.list', { status: 'open' });
      expect((await world.deps.repos.audit.listFor('job', job.id)).map((e) => [e.actor, e.action, e.detail])).toEqual([
        ['hr-1', 'applications.read', '查看应聘人 1 人'],
        ['staff-1', 'applications.read', '查看应聘人 1 人'],
      ]);
      expect((await world.deps.repos.audit.listFor('guidance_list', 'open')).map((e) => [e.actor, e.detail])).toEqual([
        ['staff-1', '查看就业指导预约 1 条'],
      ]);
    });

    it('needs a time and a place to invite to an interview', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      expect(await world.send('hr-1', 'applications.mark', { id: application.id, status: 'interview' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['interview'], message: '邀请面试时请填写时间和地点' }] },
      });
      expect(await outboxOf('worker-1')).toEqual([]);
    });

    it('invites to an interview, which the applicant sees with a notification in the outbox', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);

      const marked = await world.call('hr-1', 'applications.mark', { id: application.id, status: 'interview', interview: anInterview() });

      const invite = { at: '2026-12-10T02:00:00.000Z', place: anInterview().place, note: '请携带身份证' };
      expect(marked).toMatchObject({ status: 'interview', interview: invite });
      expect(await world.call('worker-1', 'applications.mine', {})).toMatchObject([
        { id: application.id, status: 'interview', interview: invite, job: { id: job.id, title: '服装缝纫工' } },
      ]);
      expect(await outboxOf('worker-1')).toMatchObject([
        {
          openid: 'worker-1',
          template: 'application_status',
          data: { job: '服装缝纫工', status: '待面试', interviewAt: invite.at, interviewPlace: invite.place },
          status: 'pending',
        },
      ]);
    });

    it('leaves a notification for each change of status, and none when nothing changed', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'viewed' });
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'viewed' });
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'rejected' });
      expect((await outboxOf('worker-1')).map((m) => m.data.status)).toEqual(['不合适', '已查看']);
    });

    it('shows the worker why the enterprise turned them down', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'rejected', reason: '岗位要求持有健康证' });
      expect(await world.call('worker-1', 'applications.mine', {})).toMatchObject([
        { id: application.id, status: 'rejected', reason: '岗位要求持有健康证' },
      ]);
    });

    it('refuses to move a hired application back to viewed, and changes nothing', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'interview', interview: anInterview() });
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'hired' });
      for (const status of ['viewed', 'interview', 'rejected'] as const) {
        const payload = status === 'interview' ? { id: application.id, status, interview: anInterview() } : { id: application.id, status };
        expect(await world.send('hr-1', 'applications.mark', payload)).toMatchObject(refusedWith('INVALID_TRANSITION'));
      }
      expect((await world.call('worker-1', 'applications.mine', {}))[0].status).toBe('hired');
    });

    it('refuses to move an application back a step, and lets HR turn it down from any open step', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'interview', interview: anInterview() });
      expect(await world.send('hr-1', 'applications.mark', { id: application.id, status: 'viewed' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '申请已是「待面试」，不能退回「已查看」' },
      });
      await expect(world.call('hr-1', 'applications.mark', { id: application.id, status: 'rejected' })).resolves.toMatchObject({ status: 'rejected' });
    });

    it('refuses an interview time already past', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      for (const at of ['2001-06-01T10:00:00+08:00', '2026-12-01T09:59:00+08:00']) {
        const result = await world.send('hr-1', 'applications.mark', { id: application.id, status: 'interview', interview: anInterview({ at }) });
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['interview', 'at'], message: '面试时间应晚于当前时间' }] } });
      }
      expect((await world.call('worker-1', 'applications.mine', {}))[0]).toMatchObject({ status: 'submitted', interview: null });
      expect(await outboxOf('worker-1')).toEqual([]);
    });

    it('refuses an interview sent with a rejection, and a reason sent with anything but a rejection', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      expect(await world.send('hr-1', 'applications.mark', { id: application.id, status: 'rejected', interview: anInterview() })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['interview'] }] },
      });
      expect(await world.send('hr-1', 'applications.mark', { id: application.id, status: 'viewed', reason: '看过了' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', issues: [{ path: ['reason'] }] },
      });
      expect((await world.call('worker-1', 'applications.mine', {}))[0]).toMatchObject({ status: 'submitted', interview: null });
    });

    it('moves an interview to a new time and tells the applicant', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'interview', interview: anInterview() });
      const moved = await world.call('hr-1', 'applications.mark', {
        id: application.id,
        status: 'interview',
        interview: anInterview({ at: '2026-12-11T14:00:00+08:00' }),
      });
      expect(moved.interview).toMatchObject({ at: '2026-12-11T06:00:00.000Z' });
      expect((await outboxOf('worker-1')).map((m) => m.data.interviewAt)).toEqual(['2026-12-11T06:00:00.000Z', '2026-12-10T02:00:00.000Z']);
    });

    it('records who marked each application, from which status to which, in the audit log', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'viewed' });
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'interview', interview: anInterview() });
      await world.call('staff-1', 'applications.mark', { id: application.id, status: 'hired' });
      expect((await world.deps.repos.audit.listFor('application', application.id)).map((e) => [e.actor, e.action, e.detail?.split('，')[0]])).toEqual([
        ['hr-1', 'application.mark', 'submitted → viewed'],
        ['hr-1', 'application.mark', 'viewed → interview'],
        ['staff-1', 'application.mark', 'interview → hired'],
      ]);
    });

    it('refuses to mark an application the applicant has withdrawn', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('worker-1', 'applications.withdraw', { id: application.id });
      expect(await world.send('hr-1', 'applications.mark', { id: application.id, status: 'viewed' })).toMatchObject(
        refusedWith('INVALID_TRANSITION'),
      );
    });

    it('refuses an interview time the database cannot hold', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      const result = await world.send('hr-1', 'applications.mark', {
        id: application.id,
        status: 'interview',
        interview: anInterview({ at: '0050-03-01T09:00:00+08:00' }),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['interview', 'at'] }] } });
      expect((await world.call('worker-1', 'applications.mine', {}))[0]).toMatchObject({ status: 'submitted', interview: null });
    });
  });

  describe('withdrawing', () => {
    it('lets the applicant withdraw, once, and nobody else', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      expect(await world.send('worker-2', 'applications.withdraw', { id: application.id })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await world.send('hr-1', 'applications.withdraw', { id: application.id })).toMatchObject(refusedWith('NOT_FOUND'));
      expect(await world.call('worker-1', 'applications.withdraw', { id: application.id })).toMatchObject({ status: 'withdrawn' });
      expect(await world.call('worker-1', 'applications.withdraw', { id: application.id })).toMatchObject({ status: 'withdrawn' });
    });

    it('refuses to withdraw an application the enterprise turned down', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'rejected', reason: '岗位已招满' });
      expect(await world.send('worker-1', 'applications.withdraw', { id: application.id })).toMatchObject(refusedWith('INVALID_TRANSITION'));
      expect((await world.call('worker-1', 'applications.mine', {}))[0]).toMatchObject({ status: 'rejected', reason: '岗位已招满' });
    });

    it('refuses to withdraw an application the enterprise has hired', async () => {
      const { job } = await aHiringWorld();
      const application = await apply('worker-1', job.id);
      await world.call('hr-1', 'applications.mark', { id: application.id, status: 'hired' });
      expect(await world.send('worker-1', 'applications.withdraw', { id: application.id })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '已录用的申请不能撤回，请与企业联系' },
      });
      expect((await world.call('worker-1', 'applications.mine', {}))[0].status).toBe('hired');
    });
  });

  describe('searching jobs', () => {
    /** Three verified enterprises with jobs of every kind, one closed, and one unverified enterprise with a job. */
    async function aJobMarket() {
      await anApprovedHr(world, 'hr-1', YONGZI);
      await anApprovedHr(world, 'hr-2', JIECHI);
      await anApprovedHr(world, 'hr-3', QUANLAN);
      const post = (openid: string, job: Parameters<typeof aJob>[0]) => world.call(openid, 'jobs.create', aJob(job));
      const jobs = {
        sewing: await post('hr-1', { title: '服装缝纫工', salaryMin: 6000, salaryMax: 8500, benefits: ['room_board'] }),
        qc: await post('hr-1', { title: '质检员', salaryMin: 5500, salaryMax: 7000, benefits: ['weekends'] }),
        driver: await post('hr-1', { title: '厂区货车司机', category: 'driving', salaryMin: 7000, salaryMax: 9000, district: 'jiuting', benefits: ['career_change'] }),
        assembly: await post('hr-2', { title: '清洁设备装配工', salaryMin: 6500, salaryMax: 8000, place: '佘山镇洁驰厂区', benefits: ['career_change', 'part_time'] }),
        ops: await post('hr-3', { title: '设备运维专员', category: 'tech', salaryMin: null, salaryMax: null, district: 'songjiang_city', benefits: [] }),
        closed: await post('hr-2', { title: '缝纫机修理工', salaryMin: 7000, salaryMax: 9000 }),
      };
      await world.call('hr-2', 'jobs.setStatus', { id: jobs.closed.id, status: 'closed' });
      // Bound without a claim (as the demo seed does): its enterprise is not verified, so its jobs are not shown.
      await world.givenUser('hr-4', ['hr']);
      await world.deps.repos.users.bindEnterprise('hr-4', { id: 'ent-unverified', name: '未认证缝纫服装厂' }, world.clock.now.toISOString());
      const unverified = await post('hr-4', { title: '缝纫工（急招）' });
      return { jobs, unverified };
    }

    const titles = async (query: Record<string, unknown>) =>
      (await world.call(null, 'jobs.search', query)).items.map((j: Job) => j.title).sort();

    it('finds jobs by a Chinese keyword in the title, the benefits or the enterprise name', async () => {
      await aJobMarket();
      expect(await titles({ keyword: '缝纫' })).toEqual(['服装缝纫工']);
      expect(await titles({ keyword: '缝纫工' })).toEqual(['服装缝纫工']);
      expect(await titles({ keyword: '转岗' })).toEqual(['厂区货车司机', '清洁设备装配工']);
      expect(await titles({ keyword: '咏姿' })).toEqual(['厂区货车司机', '服装缝纫工', '质检员']);
      expect(await titles({ keyword: '洁驰清洁' })).toEqual(['清洁设备装配工']);
      expect(await titles({ keyword: '设备' })).toEqual(['清洁设备装配工', '设备运维专员']);
      expect(await titles({ keyword: '包吃住' })).toEqual(['服装缝纫工']);
      expect(await titles({ keyword: '技术研发' })).toEqual(['设备运维专员']);
    });

    it('finds jobs by the words people use for their category: 司机 and 驾驶 find drivers, 普工 finds factory work', async () => {
      await aJobMarket();
      expect(await titles({ keyword: '司机' })).toEqual(['厂区货车司机']);
      expect(await titles({ keyword: '驾驶员' })).toEqual(['厂区货车司机']);
      expect(await titles({ keyword: '操作工' })).toEqual(['服装缝纫工', '清洁设备装配工', '质检员']);
      expect(await titles({ keyword: '运维' })).toEqual(['设备运维专员']);
    });

    it('finds a delivery job by 骑手, 外卖 or 配送 though its title says none of them', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      await world.call('hr-1', 'jobs.create', aJob({ title: '同城即时配送员', category: 'delivery' }));
      await world.call('hr-1', 'jobs.create', aJob({ title: '站点储备干部', category: 'delivery' }));
      expect(await titles({ keyword: '骑手' })).toEqual(['同城即时配送员', '站点储备干部']);
      expect(await titles({ keyword: '外卖' })).toEqual(['同城即时配送员', '站点储备干部']);
    });

    it('ignores spaces and punctuation in a keyword, and finds nothing for words no job has', async () => {
      await aJobMarket();
      expect(await titles({ keyword: ' 缝纫 工！' })).toEqual(['服装缝纫工']);
      expect(await titles({ keyword: '程序员' })).toEqual([]);
      expect(await titles({ keyword: '工缝' })).toEqual([]);
    });

    it('matches a one-character keyword by that character', async () => {
      await aJobMarket();
      expect(await titles({ keyword: '检' })).toEqual(['质检员']);
    });

    it('never shows closed jobs or jobs of an enterprise that is not verified', async () => {
      const { jobs, unverified } = await aJobMarket();
      const all = (await world.call(null, 'jobs.search', { limit: 50 })).items.map((j) => j.id);
      expect(all).toHaveLength(5);
      expect(all).not.toContain(jobs.closed.id);
      expect(all).not.toContain(unverified.id);
      expect(await world.send(null, 'jobs.get', { id: unverified.id })).toMatchObject(refusedWith('NOT_FOUND'));
    });

    it('filters by category, district and salary, with 面议 jobs left out of a salary filter', async () => {
      await aJobMarket();
      expect(await titles({ category: 'driving' })).toEqual(['厂区货车司机']);
      expect(await titles({ district: 'songjiang_city' })).toEqual(['设备运维专员']);
      expect(await titles({ keyword: '咏姿', district: 'sheshan' })).toEqual(['服装缝纫工', '质检员']);
      expect(await titles({ salaryAtLeast: 8000 })).toEqual(['厂区货车司机', '服装缝纫工', '清洁设备装配工']);
      expect(await titles({ salaryAtLeast: 8500, district: 'sheshan' })).toEqual(['服装缝纫工']);
      expect(await titles({ salaryAtLeast: 0 })).not.toContain('设备运维专员');
      expect(await titles({ keyword: '转岗', category: 'manufacturing', district: 'sheshan' })).toEqual(['清洁设备装配工']);
    });

    it('filters by fair and by enterprise', async () => {
      const { fairId, enterpriseId, job } = await aHiringWorld();
      const standing = await world.call('hr-1', 'jobs.create', aJob({ title: '常年招聘的司机', category: 'driving' }));
      expect((await world.call(null, 'jobs.search', { eventId: fairId })).items.map((j) => j.id)).toEqual([job.id]);
      expect((await world.call(null, 'jobs.search', { enterpriseId })).items.map((j) => j.id).sort()).toEqual([job.id, standing.id].sort());
    });

    it('pages through every job exactly once, newest first', async () => {
      await anApprovedHr(world, 'hr-1', YONGZI);
      const posted: string[] = [];
      for (let i = 0; i < 23; i += 1) {
        // Some at the same instant, so the cursor must break ties by id.
        world.setNow(new Date(Date.parse('2026-12-01T02:00:00Z') + Math.floor(i / 3) * 60_000).toISOString());
        posted.push((await world.call('hr-1', 'jobs.create', aJob({ title: `缝纫工${i}号` }))).id);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await world.call(null, 'jobs.search', { keyword: '缝纫', limit: 10, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((j) => j.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(23);
      expect(new Set(seen)).toEqual(new Set(posted));
      expect(seen[0]).toBe(posted[22]);
    });
  });

  describe('demo data', () => {
    it('seeds enterprises whose codes pass the check, and a fair where the demo HR contact may post', async () => {
      await seedDemo(world.deps.repos, world.clock.now, world.deps.newId);
      const codes = await world.testDb.db.query<{ uscc: string }>('SELECT uscc FROM enterprises WHERE uscc IS NOT NULL ORDER BY id');
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.map(({ uscc }) => [uscc, usccProblem(uscc)])).toEqual(codes.map(({ uscc }) => [uscc, null]));

      const job = await world.call('demo-hr', 'jobs.create', aJob({ eventId: 'demo-fair-aid', title: '服装打版师' }));
      expect((await world.call(null, 'jobs.search', { keyword: '打版' })).items.map((j) => j.id)).toEqual([job.id]);
      expect((await world.call(null, 'jobs.search', { keyword: '缝纫' })).items.map((j) => j.id)).toEqual(['demo-job-sewing']);
    });
  });

  describe('就业指导', () => {
    const aRequest = { topic: '待业党员再就业咨询', preferredTimes: '工作日下午', phone: '13800000001' };

    it('takes a request, shows it to staff, and shows their answer to the person with a notification', async () => {
      await world.givenUser('worker-1');
      const request = await world.call('worker-1', 'guidance.request', aRequest);
      expect(request).toMatchObject({ ...aRequest, status: 'open', answer: null, answeredAt: null });
      expect(await world.call('staff-1', 'guidance.list', { status: 'open' })).toEqual([{ ...request, name: null }]);

      world.setNow('2026-12-02T02:00:00Z');
      await world.call('staff-1', 'guidance.answer', { id: request.id, answer: '已为您预约周三下午在党群服务中心面谈' });

      expect(await world.call('worker-1', 'guidance.mine', {})).toEqual([
        { ...request, status: 'answered', answer: '已为您预约周三下午在党群服务中心面谈', answeredAt: '2026-12-02T02:00:00.000Z' },
      ]);
      expect(await world.call('staff-1', 'guidance.list', { status: 'open' })).toEqual([]);
      expect(await outboxOf('worker-1')).toMatchObject([
        { template: 'guidance_answered', data: { topic: aRequest.topic, answer: expect.stringContaining('已为您预约') } },
      ]);
    });

    it('answers a request once: a second answer is refused, the first stays, and the answer is in the audit log', async () => {
      await world.givenUser('worker-1');
      const request = await world.call('worker-1', 'guidance.request', aRequest);
      await world.call('staff-1', 'guidance.answer', { id: request.id, answer: '已为您预约周三下午在党群服务中心面谈' });

      const second = await world.send('staff-1', 'guidance.answer', { id: request.id, answer: '改约周五上午' });

      expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: '该预约已答复，不能重复答复' } });
      expect((await world.call('worker-1', 'guidance.mine', {}))[0].answer).toBe('已为您预约周三下午在党群服务中心面谈');
      expect(await outboxOf('worker-1')).toHaveLength(1);
      expect(await world.deps.repos.audit.listFor('guidance_request', request.id)).toEqual([
        expect.objectContaining({ actor: 'staff-1', action: 'guidance.answer', detail: 'open → answered' }),
      ]);
    });

    it("keeps one person's requests from another", async () => {
      await world.givenUser('worker-1');
      await world.call('worker-1', 'guidance.request', aRequest);
      expect(await world.call('worker-2', 'guidance.mine', {})).toEqual([]);
      expect(await world.send('worker-2', 'guidance.list', {})).toMatchObject(refusedWith('FORBIDDEN'));
    });

    it('takes at most three open requests from one person', async () => {
      await world.givenUser('worker-1');
      for (let i = 0; i < 3; i += 1) await world.call('worker-1', 'guidance.request', aRequest);
      expect(await world.send('worker-1', 'guidance.request', aRequest)).toMatchObject(refusedWith('ALREADY_SUBMITTED'));
    });

    it('answers NOT_FOUND for a request that does not exist', async () => {
      expect(await world.send('staff-1', 'guidance.answer', { id: 'no-such-request', answer: '已答复' })).toMatchObject(
        refusedWith('NOT_FOUND'),
      );
    });
  });
});
