/**
 * 到期删除: what the privacy notice promises (办理结束后保存 3 年，到期删除姓名、电话等个人信息), seen through the actions
 * staff use, on PGlite. The erasure runs from the reminders timer (its daily hour) and the gateway's daily job.
 */
import type { IntentSubmitInput } from '@shared/intents';
import { readTimerConfig, runTimer } from '../../cloudfunctions/api/src/notifications/timer';
import { startDailyErasure } from '../../cloudfunctions/api/src/retention/daily';
import { eraseExpiredPersonalData } from '../../cloudfunctions/api/src/retention/use-cases';
import { aJob, anApprovedHr, aResume, USCC } from './support/recruitment';
import { aPublishedEvent, contactOf, makeWorld, T0, type World } from './support/world';

const anIntent = (overrides: Partial<IntentSubmitInput> = {}): IntentSubmitInput => ({
  name: '王小明', gender: 'male', birthMonth: '2001-05', phone: '13800000013', occupation: 'rider', employer: '美团外卖佘山站',
  politicalStatus: 'league_member', education: 'senior', statement: '想向党组织靠拢', consent: true, ...overrides,
});

/** Three years and a day after T0 (2026-12-01 10:00 Shanghai). */
const THREE_YEARS_AND_A_DAY_LATER = new Date('2029-12-02T02:00:00.000Z');
const NOTHING = { intent: 0, report: 0, registration: 0, application: 0, guidance: 0 };

describe('到期删除个人信息', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  beforeEach(() => world.reset());
  afterAll(() => world.close());

  const erase = (now = THREE_YEARS_AND_A_DAY_LATER) => eraseExpiredPersonalData(world.deps, now);
  const auditOf = (kind: string, day = '2029-12-02') => world.deps.repos.audit.listFor(kind, day);

  async function anIntentClosedAt(openid: string, closedAt: string | null): Promise<string> {
    world.setNow(T0.toISOString());
    await world.givenUser(openid);
    const intent = await world.call(openid, 'intents.submit', anIntent());
    if (closedAt) {
      world.setNow(closedAt);
      await world.call('staff-1', 'intents.advance', { id: intent.id, to: 'closed', reason: '本人已在外地入党' });
    }
    return intent.id;
  }

  it('When an intent was closed 3 years and a day ago, then its name and phone are gone and an audit entry says how many', async () => {
    const old = await anIntentClosedAt('rider-1', T0.toISOString());
    const statsBefore = await world.call('staff-1', 'intents.stats', {});

    expect(await erase()).toEqual({ ...NOTHING, intent: 1 });

    world.setNow(THREE_YEARS_AND_A_DAY_LATER.toISOString());
    expect(await world.call('staff-1', 'intents.get', { id: old })).toMatchObject({
      status: 'closed', name: '', phone: '', employer: null, statement: null, closeReason: null, openid: null,
    });
    expect(await world.call('staff-1', 'intents.stats', {})).toEqual(statsBefore);
    expect(await auditOf('intent')).toEqual([
      expect.objectContaining({ actor: 'system:retention', action: 'retention.erase', detail: expect.stringContaining('"count":1') }),
    ]);
  });

  it('keeps the personal data of an intent closed 2 years ago, and of an open one however old', async () => {
    const recent = await anIntentClosedAt('rider-2', '2027-12-01T02:00:00.000Z');
    const open = await anIntentClosedAt('rider-3', null);

    expect(await erase()).toEqual(NOTHING);

    expect(await world.call('staff-1', 'intents.get', { id: recent })).toMatchObject({ name: '王小明', phone: '13800000013' });
    expect(await world.call('staff-1', 'intents.get', { id: open })).toMatchObject({ status: 'submitted', name: '王小明' });
    expect(await auditOf('intent')).toEqual([]);
  });

  it('When an event ended 3 years and a day ago, then its sign-ups lose name and phone and the event keeps its counts', async () => {
    const old = await aPublishedEvent(world);
    const later = await aPublishedEvent(world, { startAt: '2028-06-01T14:00:00+08:00', endAt: '2028-06-01T16:00:00+08:00' });
    for (const [n, eventId] of [[1, old], [2, old], [3, later]] as const) {
      await world.givenUser(`rider-${n}`);
      await world.call(`rider-${n}`, 'registrations.create', { eventId, contact: contactOf(n) });
    }
    const run = new Date('2029-12-09T09:00:00.000Z'); // the event ended 2026-12-08 16:00 Shanghai

    expect(await erase(run)).toEqual({ ...NOTHING, registration: 2 });

    const signUps = await world.call('staff-1', 'registrations.listByEvent', { eventId: old });
    expect(signUps.map((r) => r.contact)).toEqual([{ name: '已删除', phone: '' }, { name: '已删除', phone: '' }]);
    expect(await world.call('staff-1', 'events.get', { id: old })).toMatchObject({ seatsLeft: 3, waitlistCount: 0 });
    expect((await world.call('staff-1', 'registrations.listByEvent', { eventId: later }))[0].contact).toEqual(contactOf(3));
    expect(await auditOf('registration', '2029-12-09')).toEqual([expect.objectContaining({ detail: expect.stringContaining('"count":2') })]);
  });

  it('erases the résumé of an application turned down 3 years ago and the phone and topic of a guidance request answered then', async () => {
    await anApprovedHr(world, 'hr-1', { name: '上海咏姿时装有限公司', uscc: USCC.shanghai });
    const job = await world.call('hr-1', 'jobs.create', aJob());
    await world.givenUser('rider-1');
    await world.givenUser('rider-2');
    const turnedDown = await world.call('rider-1', 'applications.create', { jobId: job.id, resume: aResume(1) });
    const stillOpen = await world.call('rider-2', 'applications.create', { jobId: job.id, resume: aResume(2) });
    await world.call('hr-1', 'applications.mark', { id: turnedDown.id, status: 'rejected', reason: '岗位已招满' });
    const answered = await world.call('rider-1', 'guidance.request', { topic: '想转行做电工', preferredTimes: '周三下午', phone: '13700000001' });
    const waiting = await world.call('rider-2', 'guidance.request', { topic: '想考叉车证', preferredTimes: '周末', phone: '13700000002' });
    await world.call('staff-1', 'guidance.answer', { id: answered.id, answer: '王先生您好，可参加镇里的电工培训' });

    expect(await erase()).toEqual({ ...NOTHING, application: 1, guidance: 1 });

    const applicants = await world.call('hr-1', 'applications.listByJob', { jobId: job.id });
    expect(applicants.find((a) => a.id === turnedDown.id)).toMatchObject({ status: 'rejected', resume: { name: '已删除', phone: '', age: 0 } });
    expect(applicants.find((a) => a.id === stillOpen.id)?.resume).toMatchObject(aResume(2));
    const requests = await world.call('staff-1', 'guidance.list', {});
    expect(requests.find((r) => r.id === answered.id)).toMatchObject({ status: 'answered', topic: '已删除', phone: '' });
    expect(requests.find((r) => r.id === waiting.id)).toMatchObject({ topic: '想考叉车证', phone: '13700000002' });
  });

  it('changes nothing and audits nothing when it runs a second time', async () => {
    await anIntentClosedAt('rider-1', T0.toISOString());
    expect(await erase()).toEqual({ ...NOTHING, intent: 1 });

    expect(await erase()).toEqual(NOTHING);
    expect(await auditOf('intent')).toHaveLength(1);
  });

  it('runs from the reminders timer once a day, in the 3 o’clock hour in Shanghai', async () => {
    await anIntentClosedAt('rider-1', T0.toISOString());
    const config = readTimerConfig({});
    const sender = { send: async () => undefined };
    const at = (iso: string) => () => new Date(iso);

    expect((await runTimer(world.deps.repos, sender, config, at('2029-12-02T02:00:00.000Z'))).retention).toBeNull();
    expect((await runTimer(world.deps.repos, sender, config, at('2029-12-02T19:10:00.000Z'))).retention).toEqual({ ...NOTHING, intent: 1 });
  });

  it('runs from the gateway once when it starts', async () => {
    const id = await anIntentClosedAt('rider-1', T0.toISOString());

    const job = startDailyErasure(world.deps, () => THREE_YEARS_AND_A_DAY_LATER);
    await job.stop();

    expect(await world.deps.repos.followups.get(id)).toMatchObject({ name: null, phone: null });
  });
});
