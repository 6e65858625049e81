/**
 * The retention port on every adapter: records whose matter ended more than RETENTION_YEARS ago lose their personal
 * fields, with one audit entry per erased batch; records still open, or ended recently, keep them; a second run erases
 * nothing. Written against the ports only; run by tests/server/repositories.test.ts.
 */
import type { AuditDraft, FollowupStep, Repositories, RetentionKind } from '../../../cloudfunctions/api/src/core/ports';
import { anEventRecord, type RepoHarness } from './repositories.contract';

/** Three years and a day after the old records ended; two years after the recent ones. */
const CREATED = '2026-06-01T02:00:00.000Z';
const ENDED_LONG_AGO = '2026-12-01T02:00:00.000Z';
const ENDED_RECENTLY = '2027-12-02T02:00:00.000Z';
const NOW = '2029-12-02T02:00:00.000Z';
const CUTOFF = '2026-12-02T02:00:00.000Z';

const audit = (kind: RetentionKind) => (count: number): AuditDraft => ({
  actor: 'system:retention', action: 'retention.erase', recordType: kind, recordId: '2029-12-02', detail: JSON.stringify({ count }),
});

const FIRST_STEP: Omit<FollowupStep, 'at'> = { fromStatus: null, toStatus: 'submitted', note: null, reason: null, actor: 'self' };

async function aFollowup(repos: Repositories, id: string, openid: string, closedAt: string | null): Promise<void> {
  await repos.followups.insert(
    {
      id, kind: 'intent', openid, status: 'submitted', name: '王小明', phone: '13800000013', gender: 'male', birthMonth: '2001-05',
      occupation: 'rider', employer: '美团', politicalStatus: 'league_member', education: 'senior', statement: '想入党',
      homeOrg: null, wish: null, orgId: null, closeReason: null, consentAt: CREATED, contactedAt: null, withdrawnAt: null,
      createdAt: CREATED, updatedAt: CREATED,
    },
    FIRST_STEP,
  );
  if (!closedAt) return;
  await repos.followups.change(id, closedAt, (current) => ({
    patch: { status: 'closed', closeReason: '本人已在外地入党' },
    step: { fromStatus: current.status, toStatus: 'closed', note: '电话联系王小明本人', reason: '本人已在外地入党', actor: 'staff-1' },
  }));
}

export function describeRetentionContract(name: string, open: () => Promise<RepoHarness>): void {
  describe(`repository contract (retention): ${name}`, () => {
    let h: RepoHarness;
    let repos: Repositories;
    beforeAll(async () => {
      h = await open();
      repos = h.repos;
    });
    beforeEach(async () => {
      await h.reset();
      for (const who of ['rider-1', 'rider-2', 'rider-3', 'hr-1', 'staff-1']) await repos.users.ensure(who, CREATED);
    });
    afterAll(() => h.close());

    const erase = (kind: RetentionKind) => repos.retention.eraseExpired(kind, CUTOFF, NOW, audit(kind));

    it('erases the personal fields and staff notes of follow-ups closed before the cutoff, and only those', async () => {
      await aFollowup(repos, 'fu-old', 'rider-1', ENDED_LONG_AGO);
      await aFollowup(repos, 'fu-recent', 'rider-2', ENDED_RECENTLY);
      await aFollowup(repos, 'fu-open', 'rider-3', null);

      expect(await erase('intent')).toBe(1);
      expect(await erase('report')).toBe(0);

      expect(await repos.followups.get('fu-old')).toMatchObject({
        id: 'fu-old', kind: 'intent', status: 'closed', openid: null, name: null, phone: null, gender: null, birthMonth: null,
        occupation: null, employer: null, politicalStatus: null, education: null, statement: null, closeReason: null,
        createdAt: CREATED, updatedAt: ENDED_LONG_AGO,
      });
      expect((await repos.followups.steps('fu-old')).map((s) => [s.toStatus, s.note, s.reason, s.actor])).toEqual([
        ['submitted', null, null, 'self'],
        ['closed', null, null, 'staff-1'],
      ]);
      expect(await repos.followups.get('fu-recent')).toMatchObject({ name: '王小明', phone: '13800000013', closeReason: '本人已在外地入党' });
      expect(await repos.followups.get('fu-open')).toMatchObject({ name: '王小明', openid: 'rider-3' });
      expect(await repos.audit.listFor('intent', '2029-12-02')).toEqual([
        { actor: 'system:retention', action: 'retention.erase', recordType: 'intent', recordId: '2029-12-02', detail: '{"count":1}', at: NOW },
      ]);
    });

    it('erases the contacts of registrations for events that ended before the cutoff, keeping the counts', async () => {
      await repos.events.insert(anEventRecord({ id: 'ev-old', startAt: '2026-11-30T06:00:00.000Z', endAt: ENDED_LONG_AGO, createdAt: CREATED }));
      await repos.events.insert(anEventRecord({ id: 'ev-recent', startAt: '2027-12-01T06:00:00.000Z', endAt: ENDED_RECENTLY, createdAt: CREATED }));
      for (const [id, eventId, openid] of [['r1', 'ev-old', 'rider-1'], ['r2', 'ev-old', 'rider-2'], ['r3', 'ev-recent', 'rider-1']]) {
        await repos.registrations.register({
          id, eventId, openid, contact: { name: `报名人${id}`, phone: '13800000001' }, now: CREATED,
          decide: () => ({ kind: 'take', status: 'confirmed' }),
        });
      }

      expect(await erase('registration')).toBe(2);

      expect((await repos.registrations.get('r1'))?.contact).toEqual({ name: '已删除', phone: '' });
      expect(await repos.registrations.get('r2')).toMatchObject({ status: 'confirmed', contact: { name: '已删除', phone: '' } });
      expect((await repos.registrations.get('r3'))?.contact).toEqual({ name: '报名人r3', phone: '13800000001' });
      expect(await repos.events.get('ev-old')).toMatchObject({ confirmedCount: 2, waitlistCount: 0 });
      expect(await repos.audit.listFor('registration', '2029-12-02')).toEqual([expect.objectContaining({ detail: '{"count":2}' })]);
    });

    it('erases the résumés of final applications last changed before the cutoff, and the answered guidance requests', async () => {
      await repos.enterprises.ensure(
        {
          id: 'ent-1', name: '上海咏姿时装有限公司', uscc: '91310000132149237G', industry: null, size: null, address: null,
          contactName: null, contactPhone: null, intro: null, logo: null, verified: true,
        },
        CREATED,
      );
      await repos.jobs.insert(
        {
          id: 'job-1', enterpriseId: 'ent-1', eventId: null, title: '缝纫工', category: 'manufacturing', salaryMin: null, salaryMax: null,
          headcount: 3, district: 'sheshan', place: '佘山', requirements: '', benefits: [], status: 'open', createdBy: 'hr-1',
          createdAt: CREATED, updatedAt: CREATED,
        },
        ['缝', '纫'],
      );
      const resume = { name: '求职者', phone: '13900000001', age: 30, experience: '骑手三年', wantedJob: '缝纫工', note: '周末可到岗' };
      for (const [id, openid] of [['ap-rejected', 'rider-1'], ['ap-recent', 'rider-2'], ['ap-open', 'rider-3']]) {
        await repos.applications.apply({ id, jobId: 'job-1', openid, status: 'submitted', resume, interview: null, reason: null, createdAt: CREATED, updatedAt: CREATED });
      }
      await repos.applications.change('ap-rejected', ENDED_LONG_AGO, () => ({ patch: { status: 'rejected', reason: '岗位已满' } }));
      await repos.applications.change('ap-recent', ENDED_RECENTLY, () => ({ patch: { status: 'hired' } }));
      const requests: [string, string, string | null][] = [['gd-old', 'rider-1', ENDED_LONG_AGO], ['gd-recent', 'rider-2', ENDED_RECENTLY], ['gd-open', 'rider-3', null]];
      for (const [id, openid, answeredAt] of requests) {
        await repos.guidance.insert({
          id, openid, topic: '想转行做电工', preferredTimes: '周三下午', phone: '13700000001', status: 'open', answer: null,
          createdAt: CREATED, answeredAt: null,
        });
        if (answeredAt) {
          const at: string = answeredAt;
          await repos.guidance.change(id, at, () => ({
            patch: { status: 'answered', answer: '王先生您好，可参加电工培训', answeredAt: at, answeredBy: 'staff-1' },
          }));
        }
      }

      expect(await erase('application')).toBe(1);
      expect(await erase('guidance')).toBe(1);

      expect(await repos.applications.get('ap-rejected')).toMatchObject({
        status: 'rejected', resume: { name: '已删除', phone: '', age: 0 }, updatedAt: ENDED_LONG_AGO,
      });
      expect((await repos.applications.get('ap-rejected'))?.resume).not.toHaveProperty('experience');
      expect((await repos.applications.get('ap-recent'))?.resume).toEqual(resume);
      expect((await repos.applications.get('ap-open'))?.resume).toEqual(resume);
      expect(await repos.guidance.get('gd-old')).toMatchObject({
        status: 'answered', topic: '已删除', preferredTimes: '', phone: '', answer: '已删除', answeredAt: ENDED_LONG_AGO,
      });
      expect(await repos.guidance.get('gd-recent')).toMatchObject({ topic: '想转行做电工', phone: '13700000001' });
      expect(await repos.guidance.get('gd-open')).toMatchObject({ topic: '想转行做电工', phone: '13700000001' });
    });

    it('erases nothing and audits nothing the second time', async () => {
      await aFollowup(repos, 'fu-old', 'rider-1', ENDED_LONG_AGO);
      expect(await erase('intent')).toBe(1);
      const first = await repos.followups.get('fu-old');

      expect(await erase('intent')).toBe(0);

      expect(await repos.followups.get('fu-old')).toEqual(first);
      expect(await repos.audit.listFor('intent', '2029-12-02')).toHaveLength(1);
    });
  });
}
