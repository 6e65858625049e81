/**
 * The reminders timer, through the real use cases on each storage: day-before reminders queued once per confirmed
 * person, and the outbox delivered as subscription messages to a labelled double of `subscribeMessage.send`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readTimerConfig, runTimer, type TimerConfig, type TimerReport } from '../../cloudfunctions/api/src/notifications/timer';
import { tomorrowInShanghai } from '../../cloudfunctions/api/src/notifications/reminders';
import { fitValue, readTemplates } from '../../cloudfunctions/api/src/notifications/templates';
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract';
import type { Deps } from '../../cloudfunctions/api/src/core/context';
import { subscribeMessageDouble, type SubscribeMessageDouble } from './doubles/subscribe-message';
import { makeCloudBaseWorld, openCloudBase } from './support/cloudbase';
import { anEvent, contactOf, makeWorld } from './support/world';

interface AnyWorld {
  deps: Deps;
  setNow(iso: string): void;
  call<A extends ActionName>(openid: string | null, action: A, payload: ActionInput<A>): Promise<ActionOutput<A>>;
  givenUser(openid: string, roles?: ('worker' | 'hr' | 'staff' | 'admin')[]): Promise<void>;
  reset(): Promise<void>;
  close(): void | Promise<void>;
}

const ENGINES: [string, () => Promise<AnyWorld>][] = [
  [
    'SQL on PGlite',
    async () => {
      const world = await makeWorld();
      return {
        ...world,
        // enqueueOnce keeps its keys in `meta`, which the shared world does not empty.
        reset: async () => {
          await world.testDb.db.query('TRUNCATE meta');
          await world.reset();
        },
      };
    },
  ],
  ['CloudBase (real wx-server-sdk, engine double behind it)', makeCloudBaseWorld],
];

const CONFIG: TimerConfig = readTimerConfig({
  TEMPLATE_EVENT_REMINDER: 'tmplReminder0001 thing1=title time2=startAt thing3=location thing4=:请提前十分钟到场',
  TEMPLATE_APPLICATION_STATUS: 'tmplApplication01 thing1=job phrase2=status',
  MINIPROGRAM_STATE: 'trial',
  MAX_ATTEMPTS: '3',
});

// T0 is 2026-12-01 10:00 in Shanghai; the event is the next day at 14:00.
const TOMORROW_AFTERNOON = { startAt: '2026-12-02T14:00:00+08:00', endAt: '2026-12-02T16:00:00+08:00' };

describe.each(ENGINES)('the reminders timer on %s', (_name, open) => {
  let world: AnyWorld;
  let wechat: SubscribeMessageDouble;
  beforeAll(async () => {
    world = await open();
  });
  beforeEach(async () => {
    await world.reset();
    wechat = subscribeMessageDouble();
    for (const who of ['rider-1', 'rider-2', 'rider-3']) await world.givenUser(who);
  });
  afterAll(() => world.close());

  const published = async (overrides: Parameters<typeof anEvent>[0]) => {
    const event = await world.call('staff-1', 'events.create', anEvent(overrides));
    await world.call('staff-1', 'events.publish', { id: event.id });
    return event.id;
  };
  const run = (config: TimerConfig = CONFIG) => runTimer(world.deps.repos, wechat, config, () => world.deps.now());
  const signUp = (eventId: string, who: string, n: number) => world.call(who, 'registrations.create', { eventId, contact: contactOf(n) });
  const outbox = () => world.call('staff-1', 'outbox.list', {});

  it('reminds every confirmed person once, from 9:00 the day before, and nobody on the waitlist', async () => {
    const eventId = await published({ ...TOMORROW_AFTERNOON, capacity: 2 });
    await signUp(eventId, 'rider-1', 1);
    await signUp(eventId, 'rider-2', 2);
    await signUp(eventId, 'rider-3', 3);

    world.setNow('2026-12-01T00:30:00.000Z'); // 08:30 in Shanghai
    expect((await run()).reminders).toEqual({ events: 0, queued: 0 });
    world.setNow('2026-12-01T01:00:00.000Z'); // 09:00
    expect((await run()).reminders).toEqual({ events: 1, queued: 2 });
    expect(wechat.sent.map((m) => m.touser).sort()).toEqual(['rider-1', 'rider-2']);
    expect((await run()).reminders).toEqual({ events: 1, queued: 0 });
    expect(wechat.sent).toHaveLength(2);
  });

  it('reminds someone promoted from the waitlist later that day, on the next run', async () => {
    const eventId = await published({ ...TOMORROW_AFTERNOON, capacity: 1 });
    const first = await signUp(eventId, 'rider-1', 1);
    await signUp(eventId, 'rider-2', 2);
    await run();
    await world.call('rider-1', 'registrations.cancel', { id: first.id });
    world.setNow('2026-12-01T08:00:00.000Z');
    expect((await run()).reminders.queued).toBe(1);
    expect(wechat.sent.map((m) => m.touser)).toEqual(['rider-1', 'rider-2']);
  });

  it('leaves events of today, of the day after tomorrow and drafts alone', async () => {
    const today = await published({ startAt: '2026-12-01T20:00:00+08:00', endAt: '2026-12-01T21:00:00+08:00' });
    const later = await published({ startAt: '2026-12-03T00:00:00+08:00', endAt: '2026-12-03T02:00:00+08:00' });
    await world.call('staff-1', 'events.create', { type: 'training', title: '草稿', ...TOMORROW_AFTERNOON, location: '驿站', capacity: 5 });
    await signUp(today, 'rider-1', 1);
    await signUp(later, 'rider-1', 1);
    expect((await run()).reminders).toEqual({ events: 0, queued: 0 });
  });

  it('sends the configured template with its fields in Shanghai time, opening the event, and marks it sent', async () => {
    const eventId = await published({ ...TOMORROW_AFTERNOON, title: '佘山镇外卖骑手与快递员职业技能提升培训班（第二期）' });
    await signUp(eventId, 'rider-1', 1);
    const report = await run();
    expect(report.delivery).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(wechat.sent).toEqual([
      {
        touser: 'rider-1',
        templateId: 'tmplReminder0001',
        page: `pages/events/detail?id=${eventId}`,
        data: {
          thing1: { value: '佘山镇外卖骑手与快递员职业技能提升培训…' },
          time2: { value: '2026年12月2日 14:00' },
          thing3: { value: '佘山镇党群服务中心' },
          thing4: { value: '请提前十分钟到场' },
        },
        miniprogramState: 'trial',
      },
    ]);
    expect(await outbox()).toEqual([expect.objectContaining({ openid: 'rider-1', template: 'event_reminder', status: 'sent' })]);
  });

  it('retries a passing failure on later runs and gives up after MAX_ATTEMPTS', async () => {
    const eventId = await published(TOMORROW_AFTERNOON);
    await signUp(eventId, 'rider-1', 1);
    wechat.failFor('rider-1', -1);
    expect((await run()).delivery).toMatchObject({ sent: 0, retried: 1, failed: 0 });
    expect((await run()).delivery).toMatchObject({ retried: 1 });
    expect((await run()).delivery).toMatchObject({ retried: 0, failed: 1 });
    expect((await run()).delivery).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    expect(await world.deps.repos.outbox.pending(10)).toEqual([]);
    expect((await outbox())[0]).toMatchObject({ status: 'failed' });
  });

  it('fails at once when WeChat says the person has no subscription left, and still sends to the others', async () => {
    const eventId = await published(TOMORROW_AFTERNOON);
    await signUp(eventId, 'rider-1', 1);
    await signUp(eventId, 'rider-2', 2);
    wechat.failFor('rider-1', 43101);
    const report = await run();
    expect(report.delivery).toMatchObject({ sent: 1, retried: 0, failed: 1 });
    expect(report.delivery.problems).toEqual([expect.stringContaining('43101')]);
    const byPerson = Object.fromEntries((await outbox()).map((m) => [m.openid, m.status]));
    expect(byPerson).toEqual({ 'rider-1': 'failed', 'rider-2': 'sent' });
  });

  it('sends an intent moved to 已递交入党申请书 with the phrase 已递交申请, and 无 for a reason it does not have', async () => {
    const intent = await world.call('rider-1', 'intents.submit', {
      name: '王小明', gender: 'male', birthMonth: '2001-05', phone: '13800000013', occupation: 'rider',
      politicalStatus: 'league_member', consent: true,
    });
    await world.call('staff-1', 'intents.advance', { id: intent.id, to: 'contacted' });
    await world.call('staff-1', 'intents.advance', { id: intent.id, to: 'applied' });
    const report = await run(readTimerConfig({ TEMPLATE_INTENT_STATUS: 'tmplIntent000001 thing1=what phrase2=status thing3=reason' }));
    expect(report.delivery).toMatchObject({ sent: 2, failed: 0 });
    expect(wechat.sent.map((m) => m.data)).toEqual([
      { thing1: { value: '入党意向' }, phrase2: { value: '已联系' }, thing3: { value: '无' } },
      { thing1: { value: '入党意向' }, phrase2: { value: '已递交申请' }, thing3: { value: '无' } },
    ]);
  });

  it('fails a message whose kind has no template configured, and says which variable is missing', async () => {
    const intent = await world.call('rider-1', 'intents.submit', {
      name: '王小明', gender: 'male', birthMonth: '2001-05', phone: '13800000013', occupation: 'rider',
      politicalStatus: 'league_member', consent: true,
    });
    await world.call('staff-1', 'intents.advance', { id: intent.id, to: 'contacted', note: '电话联系' });
    const report = await run();
    expect(report.delivery).toMatchObject({ sent: 0, failed: 1, problems: [expect.stringContaining('TEMPLATE_INTENT_STATUS is not set')] });
    expect(wechat.sent).toEqual([]);
  });
});

describe('the reminders configuration', () => {
  it('reads each template variable, fixed texts included, and reports the malformed ones', () => {
    const { templates, problems } = readTemplates({
      TEMPLATE_EVENT_REMINDER: 'tmplReminder0001 thing1=title, time2=startAt;thing4=:明天见',
      TEMPLATE_INTENT_STATUS: 'short thing1=what',
      TEMPLATE_REPORT_STATUS: 'tmplReport000001',
      TEMPLATE_GUIDANCE_ANSWERED: 'tmplGuidance0001 thing1',
    });
    expect(templates.event_reminder).toEqual({
      templateId: 'tmplReminder0001',
      fields: [
        { key: 'thing1', from: 'title', text: null },
        { key: 'time2', from: 'startAt', text: null },
        { key: 'thing4', from: null, text: '明天见' },
      ],
    });
    expect(Object.keys(templates)).toEqual(['event_reminder']);
    expect(problems).toEqual([
      'TEMPLATE_INTENT_STATUS: "short" does not look like a template id',
      'TEMPLATE_REPORT_STATUS: no fields (e.g. "tmplReport000001 thing1=title")',
      'TEMPLATE_GUIDANCE_ANSWERED: "thing1" is not key=field (e.g. thing1=title)',
      'TEMPLATE_GUIDANCE_ANSWERED: no fields (e.g. "tmplGuidance0001 thing1=title")',
    ]);
  });

  it('falls back to safe defaults for bad numbers and states, and says so', () => {
    const config = readTimerConfig({ MINIPROGRAM_STATE: 'production', REMINDER_HOUR: '25', MAX_ATTEMPTS: 'x' });
    expect(config).toMatchObject({ miniprogramState: 'formal', reminderHour: 9, maxAttempts: 5 });
    expect(config.problems).toHaveLength(3);
  });

  it('fits each value to what its WeChat key type accepts and writes instants in Shanghai time', () => {
    const fallback = { phrase: '进度更新', at: '2026-12-01T02:00:00.000Z' };
    const fit = (key: string, value: string) => fitValue(key, value, fallback);
    expect(fit('thing1', '一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(fit('thing1', '一二三四五六七八九十一二三四五六七八九十多')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(fit('thing1', '周五下午\n请带身份证')).toBe('周五下午 请带身份证');
    expect(fit('thing1', '')).toBe('无');
    expect(fit('name2', '佘山镇社区事务受理服务中心')).toBe('佘山镇社区事务受理服');
    expect(fit('phrase2', '邀请面试中')).toBe('邀请面试中');
    expect(fit('phrase2', '已递交入党申请书')).toBe('进度更新');
    expect(fit('phrase2', '第2轮面试')).toBe('进度更新');
    expect(fit('phrase2', '')).toBe('进度更新');
    expect(fit('time3', '2026-12-01T16:05:00.000Z')).toBe('2026年12月2日 00:05');
    expect(fit('time3', '')).toBe('2026年12月1日 10:00');
    expect(fit('date3', '2026-12-01T16:05:00+08:00')).toBe('2026年12月1日 16:05');
    expect(fit('number4', '12345678901234567890')).toBe('12345678901234567890');
    expect(fit('number4', '共 3 人')).toBe('3');
    expect(fit('character_string5', 'Job #42 · 第二期')).toBe('Job#42');
  });

  it('reports a key of a type these messages cannot fill and leaves that kind unset', () => {
    const { templates, problems } = readTemplates({ TEMPLATE_APPLICATION_STATUS: 'tmplApplication01 thing1=job amount2=status' });
    expect(templates).toEqual({});
    expect(problems).toEqual([expect.stringContaining('TEMPLATE_APPLICATION_STATUS: amount2 is of a type')]);
  });

  it('finds tomorrow by the Shanghai calendar, whatever the UTC date', () => {
    expect(tomorrowInShanghai(new Date('2026-12-01T15:59:00.000Z'))).toEqual({
      start: '2026-12-01T16:00:00.000Z', end: '2026-12-02T16:00:00.000Z', due: true,
    });
    expect(tomorrowInShanghai(new Date('2026-12-01T16:00:00.000Z'))).toEqual({
      start: '2026-12-02T16:00:00.000Z', end: '2026-12-03T16:00:00.000Z', due: false,
    });
  });
});

describe('the bundled reminders cloud function on CloudBase (real wx-server-sdk, engine double behind it)', () => {
  const root = path.resolve(__dirname, '../..');
  const touched = ['DATABASE_URL', 'TEMPLATE_REPORT_STATUS'] as const;
  const saved = Object.fromEntries(touched.map((k) => [k, process.env[k]]));
  afterAll(() => {
    for (const k of touched) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('is allowed to send subscription messages and runs on a timer', () => {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions/reminders/config.json'), 'utf8'));
    expect(config.permissions.openapi).toEqual(['subscribeMessage.send']);
    expect(config.triggers).toEqual([expect.objectContaining({ type: 'timer', config: '0 */10 * * * * *' })]);
  });

  it('delivers the outbox from the CloudBase database and logs what is misconfigured', async () => {
    execFileSync('node', ['cloudfunctions/build.mjs'], { cwd: root, stdio: 'pipe' });
    delete process.env.DATABASE_URL;
    process.env.TEMPLATE_REPORT_STATUS = 'short thing1=what';
    const h = await openCloudBase();
    try {
      await h.repos.users.ensure('o-rider', '2026-12-01T02:00:00.000Z');
      await h.repos.outbox.enqueueOnce(
        [{ key: 'k-1', message: { openid: 'o-rider', template: 'intent_status', data: { what: '入党意向', status: '已联系' } } }],
        '2026-12-01T02:00:00.000Z',
      );
      // A copy, required from its own path (see cloudbase.test.ts: jest caches module ids per requiring file).
      const copy = path.join(root, 'node_modules/.cache/sheshan-cloudbase-test/reminders/index.js');
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(path.join(root, 'cloudfunctions/reminders/index.js'), copy);
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { main } = require(copy) as { main(): Promise<TimerReport> };
      const report = await main();
      expect(report.delivery).toMatchObject({ sent: 0, retried: 0, failed: 1 });
      expect(report.configProblems).toEqual(['TEMPLATE_REPORT_STATUS: "short" does not look like a template id']);
      expect(warn.mock.calls.map((c) => c[1])).toEqual([
        'TEMPLATE_REPORT_STATUS: "short" does not look like a template id',
        expect.stringContaining('TEMPLATE_INTENT_STATUS is not set'),
      ]);
      expect(h.engine.dump('outbox')).toEqual([expect.objectContaining({ status: 'failed', attempts: 1 })]);
      warn.mockRestore();
      log.mockRestore();
    } finally {
      h.close();
    }
  });
});
