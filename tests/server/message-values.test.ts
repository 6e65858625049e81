/**
 * Every value of every subscription message the app sends obeys its WeChat key type's rule: WeChat refuses a whole
 * message when one value breaks it (errcode 47003). The rules are written here once, from WeChat's documentation,
 * apart from the production code that fits values to them. The messages are the ones the real use cases queue, plus
 * one per status each kind can carry, and each is filled into a template with every field under every key type.
 */
import fc from 'fast-check';
import { INTENT_STATUSES, REPORT_STATUSES } from '@shared/intents';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUS_PHRASES,
  INTENT_STATUS_LABELS,
  INTENT_STATUS_PHRASES,
  REGISTRATION_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  REPORT_STATUS_PHRASES,
} from '@shared/labels';
import { APPLICATION_STATUSES } from '@shared/recruitment';
import { NEED_STATUSES } from '@shared/needs';
import { NEED_STATUS_LABELS } from '@shared/labels';
import { REGISTRATION_STATUSES } from '@shared/registrations';
import type { OutboxEntry } from '../../cloudfunctions/api/src/core/ports';
import { queueDayBeforeReminders } from '../../cloudfunctions/api/src/notifications/reminders';
import {
  KEY_TYPES,
  MESSAGE_KINDS,
  buildMessage,
  fitValue,
  readTemplates,
  type KeyType,
  type MessageKind,
  type SubscribeMessage,
} from '../../cloudfunctions/api/src/notifications/templates';
import { aFair, aJob, aResume, anApprovedHr, anInterview, joinedFair } from './support/recruitment';
import { aPublishedEvent, contactOf, makeWorld, type World } from './support/world';

const chars = (v: string) => [...v].length;
const DAY = '\\d{4}年(1[0-2]|[1-9])月(3[01]|[12]\\d|[1-9])日';
const CLOCK = '([01]\\d|2[0-3]):[0-5]\\d';

/** WeChat's rule for each key type (subscription message documentation, 参数值限制). */
const RULES: Record<KeyType, (value: string) => boolean> = {
  thing: (v) => chars(v) >= 1 && chars(v) <= 20 && !/[\u0000-\u001f\u007f]/.test(v),
  name: (v) => chars(v) >= 1 && chars(v) <= 10 && !/[\u0000-\u001f\u007f]/.test(v),
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
  time: (v) => new RegExp(`^${DAY} ${CLOCK}$`).test(v),
  date: (v) => new RegExp(`^${DAY}( ${CLOCK})?$`).test(v),
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.length <= 32,
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
};

/** Which key types break the rule in a built message, as `key: "value"` lines (empty when all are valid). */
function brokenValues(message: SubscribeMessage): string[] {
  return Object.entries(message.data)
    .filter(([key, { value }]) => !RULES[key.replace(/\d+$/, '') as KeyType](value))
    .map(([key, { value }]) => `${key}: ${JSON.stringify(value)}`);
}

/** A template of the kind with every data field (and a fixed text) under every key type: thing1=title, phrase1=title, … */
function everyFieldUnderEveryType(kind: MessageKind, fields: string[]) {
  const sources = [...fields, ':请提前十分钟到场'];
  const pairs = sources.flatMap((source, i) => KEY_TYPES.map((type) => `${type}${i + 1}=${source}`));
  const { templates, problems } = readTemplates({ [MESSAGE_KINDS[kind].variable]: `tmplEveryField01 ${pairs.join(' ')}` });
  expect(problems).toEqual([]);
  return templates;
}

function fillEveryWay(entry: OutboxEntry): SubscribeMessage {
  const templates = everyFieldUnderEveryType(entry.template as MessageKind, Object.keys(entry.data));
  const built = buildMessage(entry, templates, 'formal');
  if ('problem' in built) throw new Error(built.problem);
  return built.message;
}

/** The kinds whose messages carry a status, with every status the kind's records can take and their labels. */
const STATUS_KINDS: { kind: MessageKind; codes: readonly string[]; label: (code: string) => string }[] = [
  { kind: 'intent_status', codes: INTENT_STATUSES, label: (c) => INTENT_STATUS_LABELS[c as keyof typeof INTENT_STATUS_LABELS] },
  { kind: 'report_status', codes: REPORT_STATUSES, label: (c) => REPORT_STATUS_LABELS[c as keyof typeof REPORT_STATUS_LABELS] },
  {
    kind: 'application_status',
    codes: APPLICATION_STATUSES,
    label: (c) => APPLICATION_STATUS_LABELS[c as keyof typeof APPLICATION_STATUS_LABELS],
  },
  { kind: 'need_status', codes: NEED_STATUSES, label: (c) => NEED_STATUS_LABELS[c as keyof typeof NEED_STATUS_LABELS] },
  {
    kind: 'registration_promoted',
    codes: REGISTRATION_STATUSES,
    label: (c) => REGISTRATION_STATUS_LABELS[c as keyof typeof REGISTRATION_STATUS_LABELS],
  },
];

describe('subscription message values', () => {
  let world: World;
  /** What the real use cases queued: at least one message of every kind. */
  let queued: OutboxEntry[];

  /** Every journey that leaves a message, with long texts where people may type them. */
  async function queueOneOfEachKind(): Promise<OutboxEntry[]> {
    for (const who of ['rider-1', 'rider-2', 'rider-3', 'worker-1', 'worker-2']) await world.givenUser(who);

    const tomorrow = await aPublishedEvent(world, {
      title: '佘山镇外卖骑手与快递员职业技能提升培训班（第二期）',
      location: '佘山镇社区事务受理服务中心一楼大厅东侧二号会议室',
      startAt: '2026-12-02T14:00:00+08:00',
      endAt: '2026-12-02T16:00:00+08:00',
      capacity: 1,
    });
    const first = await world.call('rider-1', 'registrations.create', { eventId: tomorrow, contact: contactOf(1) });
    await world.call('rider-2', 'registrations.create', { eventId: tomorrow, contact: contactOf(2) });
    await world.call('rider-1', 'registrations.cancel', { id: first.id });
    await queueDayBeforeReminders(world.deps.repos, world.deps.now());

    const intent = await world.call('rider-1', 'intents.submit', {
      name: '王小明', gender: 'male', birthMonth: '2001-05', phone: '13800000013', occupation: 'rider',
      politicalStatus: 'league_member', consent: true,
    });
    for (const to of ['contacted', 'applied', 'activist'] as const) await world.call('staff-1', 'intents.advance', { id: intent.id, to });
    await world.call('staff-1', 'intents.advance', {
      id: intent.id, to: 'closed', reason: '已转入所在单位党支部继续培养，\n后续由支部书记联系',
    });

    const report = { name: '李红', phone: '13900000021', homeOrg: '松江区某街道党工委', employer: '顺丰速运', wish: 'transfer', consent: true } as const;
    const moved = await world.call('rider-2', 'memberReports.submit', report);
    await world.call('staff-1', 'memberReports.advance', { id: moved.id, to: 'contacted' });
    await world.call('staff-1', 'memberReports.advance', { id: moved.id, to: 'transferred' });
    const closed = await world.call('rider-3', 'memberReports.submit', { ...report, phone: '13900000022' });
    await world.call('staff-1', 'memberReports.advance', { id: closed.id, to: 'closed', reason: '组织关系已在原单位' });

    await anApprovedHr(world, 'hr-1', { name: '上海咏姿服饰有限公司', uscc: '91310000132149237G' });
    const fairId = await aFair(world);
    await joinedFair(world, 'hr-1', fairId);
    const job = await world.call('hr-1', 'jobs.create', aJob({ eventId: fairId, title: '服装缝纫工（熟练工优先，可培训上岗，包吃住）' }));
    const taken = await world.call('worker-1', 'applications.create', { jobId: job.id, resume: aResume(1) });
    await world.call('hr-1', 'applications.mark', { id: taken.id, status: 'viewed' });
    await world.call('hr-1', 'applications.mark', { id: taken.id, status: 'interview', interview: anInterview() });
    await world.call('hr-1', 'applications.mark', { id: taken.id, status: 'hired' });
    const turnedDown = await world.call('worker-2', 'applications.create', { jobId: job.id, resume: aResume(2) });
    await world.call('hr-1', 'applications.mark', { id: turnedDown.id, status: 'rejected' });

    const asked = await world.call('worker-1', 'guidance.request', {
      topic: '待业期间党员组织关系如何接转', preferredTimes: '工作日下午', phone: '13900000031',
    });
    await world.call('staff-1', 'guidance.answer', { id: asked.id, answer: '可以。\n请带上介绍信，周三下午到党群服务中心二楼办理。' });

    const need = await world.call('hr-1', 'needs.create', { category: 'coverage_suggestion', text: '建议园区内党员不足三人的企业与周边企业组建联合党支部。' });
    await world.call('staff-1', 'needs.assign', { id: need.id, department: '社区事务受理服务中心' });
    await world.call('staff-1', 'needs.advance', { id: need.id, to: 'in_progress' });
    await world.call('staff-1', 'needs.advance', { id: need.id, to: 'closed', reply: '已与园区联合党支部对接，\n下月起由指导员上门帮带组建。' });

    return world.deps.repos.outbox.pending(1000);
  }

  beforeAll(async () => {
    world = await makeWorld();
    queued = await queueOneOfEachKind();
  });
  afterAll(() => world.close());

  /** A message of the kind as a use case writes it, moved to another status (label and code, or the label alone). */
  function withStatus(kind: MessageKind, status: string, statusCode?: string): OutboxEntry {
    const real = queued.find((e) => e.template === kind);
    if (!real) throw new Error(`no ${kind} message was queued`);
    const { statusCode: _code, ...data } = real.data;
    return { ...real, data: { ...data, status, ...(statusCode === undefined ? {} : { statusCode }) } };
  }

  it('has a real message of every kind the app sends to fill', () => {
    expect(new Set(queued.map((e) => e.template))).toEqual(new Set(Object.keys(MESSAGE_KINDS)));
  });

  it('has each use case name the status of the message it queues, so a phrase key can show its phrase', () => {
    for (const { kind } of STATUS_KINDS) {
      const phrases = MESSAGE_KINDS[kind].statusPhrases ?? {};
      for (const entry of queued.filter((e) => e.template === kind)) expect(Object.keys(phrases)).toContain(entry.data.statusCode);
    }
  });

  it('fills every queued message, every field under every key type, with values WeChat accepts', () => {
    for (const entry of queued) expect({ entry, broken: brokenValues(fillEveryWay(entry)) }).toEqual({ entry, broken: [] });
  });

  it.each(STATUS_KINDS)('fills $kind with every status it can carry, with or without its code, as values WeChat accepts', ({ kind, codes, label }) => {
    for (const code of codes) {
      for (const entry of [withStatus(kind, label(code), code), withStatus(kind, label(code))]) {
        expect({ code, broken: brokenValues(fillEveryWay(entry)) }).toEqual({ code, broken: [] });
      }
    }
  });

  it.each([
    ['intent_status', INTENT_STATUS_PHRASES, INTENT_STATUS_LABELS],
    ['report_status', REPORT_STATUS_PHRASES, REPORT_STATUS_LABELS],
    ['application_status', APPLICATION_STATUS_PHRASES, APPLICATION_STATUS_LABELS],
  ] as const)('shows each %s status in a phrase key as its own short phrase, not a cut label', (kind, phrases, labels) => {
    for (const [code, phrase] of Object.entries(phrases)) {
      expect(RULES.phrase(phrase)).toBe(true);
      const built = buildMessage(withStatus(kind, labels[code as keyof typeof labels], code), everyFieldUnderEveryType(kind, ['status']), 'formal');
      expect(built).toMatchObject({ message: { data: { phrase1: { value: phrase }, thing1: { value: labels[code as keyof typeof labels] } } } });
    }
  });

  it('tells a waitlisted person 候补成功 in a phrase key', () => {
    const promoted = queued.find((e) => e.template === 'registration_promoted');
    const built = buildMessage(promoted as OutboxEntry, everyFieldUnderEveryType('registration_promoted', ['status']), 'formal');
    expect(built).toMatchObject({ message: { data: { phrase1: { value: '候补成功' }, thing1: { value: '已报名' } } } });
  });

  it('shows 已递交入党申请书 in a phrase key as 已递交申请, the message WeChat refused before', () => {
    const applied = queued.find((e) => e.template === 'intent_status' && e.data.statusCode === 'applied');
    expect(applied?.data.status).toBe('已递交入党申请书');
    const built = buildMessage(applied as OutboxEntry, everyFieldUnderEveryType('intent_status', ['status']), 'formal');
    expect(built).toMatchObject({ message: { data: { phrase1: { value: '已递交申请' } } } });
  });

  it('turns any text at all into a value its key type accepts', () => {
    const fallback = { phrase: '进度更新', at: '2026-12-01T02:00:00.000Z' };
    const anyText = fc.oneof(
      fc.fullUnicodeString({ maxLength: 60 }),
      fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }).map((d) => d.toISOString()),
      fc.constantFrom('', ' ', '\n', '…', '已递交入党申请书', '2026-13-45T99:99', '1e309', '0.5', '9999-12-31T20:00:00.000Z', '2026-02-31T10:00:00Z'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...KEY_TYPES), anyText, (type, text) => RULES[type](fitValue(`${type}1`, text, fallback))),
      { numRuns: 2000 },
    );
  });
});
