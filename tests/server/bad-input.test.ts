/**
 * Malformed payloads for every action of the contract: each is refused with INVALID_INPUT (Chinese message, every
 * issue listed), never INTERNAL, and leaves every table as it was. Through dispatch for the full set, and through
 * real HTTP for a smaller one.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ACTION_NAMES, type ActionName } from '@shared/contract';
import type { IntentSubmitInput, ReportSubmitInput } from '@shared/intents';
import type { ApiResult } from '@shared/result';
import { buildGateway } from '../../cloudfunctions/api/src/http/gateway';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { ENGINES } from './support/db';
import { aFair, aJob, anApprovedHr, anInterview, aResume, joinedFair, TINY_PNG, USCC } from './support/recruitment';
import { RIDER_QUESTIONS } from './support/questions';
import { anEvent, contactOf, makeWorld, type World } from './support/world';
import { signInFixtures, wechatStandIn } from './support/sessions';
import { aNotice, noticesFor } from './support/notices';
import { aNeedText, aStation } from './support/needs';
import { needsInEveryState } from './support/needs';
import { anOrg, censusFixtures, usccOf, type CensusFixture } from './support/orgs';

const sessions = createSessions('bad-input-test-secret-0123456789abcdefghij');
const CHINESE = /[\u4e00-\u9fa5]/;
const HUGE = 'x'.repeat(100_000);

const BAD_DATES = [
  '2026-13-45',
  '2026-13-45T10:00:00+08:00',
  '2026-02-30T10:00:00+08:00',
  '明天',
  '明天下午两点',
  '2026-12-08T14:00:00',
  '2026-12-08',
  'Tue Dec 08 2026 14:00:00 GMT+0800',
  '1796083200000',
  // Valid ISO text, but years the database refuses (0, 10000 once in UTC) or reads back wrong (50 as 1950).
  // Offsets no clock has: zod's pattern took them and Date made an invalid date of them (500 before the Instant type).
  '2026-12-01T09:00:00+99:99',
  '2026-12-01T09:00:00+24:00',
  '2026-12-01T09:00:00-25:00',
  '0000-01-01T00:00:00+08:00',
  '0001-01-01T00:00:00+08:00',
  '0050-03-01T09:00:00+08:00',
  '9999-12-31T23:59:59-08:00',
];
const BAD_NUMBERS = [-1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY];

interface Fixture {
  eventId: string;
  draftId: string;
  registrationId: string;
  /** The fixture event's self check-in token. */
  checkinToken: string;
  cursor: string;
  /** worker-1's intent and report; worker-2 has none, so may submit. */
  intentId: string;
  reportId: string;
  intentCursor: string;
  reportCursor: string;
  /** hr-1's enterprise, approved at `fairId`, with two open jobs there; worker-1 applied for `jobId`. */
  enterpriseId: string;
  fairId: string;
  secondFairId: string;
  jobId: string;
  jobCursor: string;
  applicationId: string;
  guidanceId: string;
  /** hr-3's claim and hr-2's request to join the second fair, both waiting for staff. */
  pendingClaimId: string;
  pendingParticipationId: string;
  /** A published event asking RIDER_QUESTIONS (two of them required), nobody signed up yet. */
  askingEventId: string;
  /** A published notice linking the event, and a draft notice. */
  noticeId: string;
  draftNoticeId: string;
  /** hr-1's needs in each state, a cursor over needs, and a station. */
  needs: { submittedNeedId: string; assignedNeedId: string; closedNeedId: string };
  needCursor: string;
  stationId: string;
  /** A live gateway session of each person, and a desktop's pending sign-in ticket. */
  sessionOf: Record<string, string>;
  ticket: { id: string; secret: string };
  /** A registered organisation, a census sheet and a preview of it. */
  census: CensusFixture;
}

type Payload = Record<string, unknown>;

interface Entry {
  /** Someone allowed to call the action, so a refusal can only come from the payload. */
  caller: string | null;
  /** A payload the action accepts, with every field it knows; the bad ones are built from it. */
  valid: (f: Fixture) => Payload;
  required: string[];
  /** Instants: each gets the bad dates. */
  dates?: string[];
  /** Values of another type (or empty) that a field accepts, left out of the bad ones. */
  accepts?: Record<string, unknown[]>;
  /** Bad payloads particular to this action. */
  more?: (f: Fixture) => [string, unknown][];
  /** Puts the world where the valid payload is accepted (the clock inside a check-in window, a check-in to undo). */
  before?: (world: World, f: Fixture) => Promise<void>;
}

/** Within the check-in window of the fixture's event (anEvent: 8 Dec 14:00–16:00 Shanghai). */
const DURING_EVENT = '2026-12-08T13:30:00+08:00';

const TABLE: Record<ActionName, Entry> = {
  'auth.wxLogin': {
    caller: null,
    valid: () => ({ code: '081AbcDef' }),
    required: ['code'],
    more: () => [
      ['code with a space', { code: '081 AbcDef' }],
      ['code in Chinese', { code: '登录凭证' }],
      ['code over 128 characters', { code: 'c'.repeat(129) }],
    ],
  },
  'auth.qrTicket': { caller: null, valid: () => ({}), required: [] },
  'auth.qrScan': { caller: 'staff-1', valid: (f) => ({ ticketId: f.ticket.id }), required: ['ticketId'], more: idCases('ticketId') },
  'auth.qrConfirm': { caller: 'staff-1', valid: (f) => ({ ticketId: f.ticket.id }), required: ['ticketId'], more: idCases('ticketId') },
  'auth.qrPoll': {
    caller: null,
    valid: (f) => ({ ticketId: f.ticket.id, secret: f.ticket.secret }),
    required: ['ticketId', 'secret'],
    more: (f) => [
      ...idCases('ticketId')().map(([what, p]): [string, unknown] => [what, { ...(p as Payload), secret: f.ticket.secret }]),
      ['secret too short', { ticketId: f.ticket.id, secret: 'abc' }],
      ['secret with symbols', { ticketId: f.ticket.id, secret: `${f.ticket.secret.slice(0, 30)}+/=` }],
    ],
  },
  'sessions.mine': { caller: 'worker-1', valid: () => ({}), required: [] },
  'sessions.revoke': { caller: 'worker-1', valid: (f) => ({ id: f.sessionOf['worker-1'] }), required: ['id'], more: idCases('id') },
  'sessions.list': {
    caller: 'admin-1',
    valid: () => ({ openid: 'worker-1' }),
    required: ['openid'],
    more: () => [
      ['openid too short', { openid: 'ab' }],
      ['openid with a slash', { openid: '../admin' }],
    ],
  },
  'sessions.revokeAny': { caller: 'admin-1', valid: (f) => ({ id: f.sessionOf['worker-1'] }), required: ['id'], more: idCases('id') },
  'auth.demoLogin': {
    caller: null,
    valid: () => ({ openid: 'rider-new' }),
    required: ['openid'],
    more: () => [
      ['openid too short', { openid: 'ab' }],
      ['openid too long', { openid: 'x'.repeat(65) }],
      ['openid in Chinese', { openid: '王师傅' }],
      ['openid with a slash', { openid: '../admin' }],
    ],
  },
  'me.get': { caller: 'worker-1', valid: () => ({}), required: [] },
  'events.list': {
    caller: 'staff-1',
    valid: (f) => ({ type: 'training', status: 'published', includePast: true, cursor: f.cursor, limit: 10 }),
    required: [],
    // An empty cursor is the first page.
    accepts: { cursor: [''] },
    more: () => [
      ['unknown type', { type: 'party' }],
      ['type in capitals', { type: 'FAIR' }],
      ['unknown status', { status: 'deleted' }],
      ['limit above 50', { limit: 51 }],
      ['limit as text', { limit: '10' }],
      ['garbage cursor', { cursor: '%%%' }],
      ['cursor over 200 characters', { cursor: 'a'.repeat(201) }],
      ['cursor with a date the database cannot read', { cursor: Buffer.from('["1","id000001"]').toString('base64url') }],
      ['cursor with an object inside', { cursor: Buffer.from('{"a":1}').toString('base64url') }],
    ],
  },
  'events.get': { caller: null, valid: (f) => ({ id: f.eventId }), required: ['id'], more: idCases('id') },
  'events.create': {
    caller: 'staff-1',
    valid: () => ({ ...anEvent(), signupDeadline: '2026-12-07T18:00:00+08:00', waitlist: true, audience: 'all', questions: RIDER_QUESTIONS }),
    required: ['type', 'title', 'startAt', 'endAt', 'location', 'capacity'],
    dates: ['startAt', 'endAt', 'signupDeadline'],
    accepts: { signupDeadline: [null], description: [''] },
    more: () => [...eventCases(), ...questionCases()],
  },
  'events.update': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.eventId, ...anEvent(), signupDeadline: '2026-12-07T18:00:00+08:00', waitlist: false, audience: 'workers' }),
    required: ['id'],
    dates: ['startAt', 'endAt', 'signupDeadline'],
    accepts: { signupDeadline: [null], description: [''] },
    more: (f) => [...idCases('id')(), ...eventCases().map(([what, p]): [string, unknown] => [what, { id: f.eventId, ...(p as Payload) }])],
  },
  'events.publish': { caller: 'staff-1', valid: (f) => ({ id: f.draftId }), required: ['id'], more: idCases('id') },
  'events.cancel': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.eventId, reason: '场地临时调整' }),
    required: ['id', 'reason'],
    more: (f) => [
      ['reason of one character', { id: f.eventId, reason: '改' }],
      ['reason of spaces only', { id: f.eventId, reason: '     ' }],
      ['reason over 200 characters', { id: f.eventId, reason: '因'.repeat(201) }],
    ],
  },
  'registrations.create': {
    caller: 'worker-2',
    valid: (f) => ({ eventId: f.askingEventId, contact: contactOf(2), answers: RIDER_ANSWERS }),
    required: ['eventId', 'contact', 'contact.name', 'contact.phone'],
    // Any number answers 从业年限; 想了解的内容 may be left empty.
    accepts: { 'answers.years': [-1, 0, 1.5], 'answers.note': [''] },
    more: (f) => [
      ...answerCases(f.askingEventId),
      ['phone of 10 digits', { eventId: f.eventId, contact: { name: '王师傅', phone: '1380000000' } }],
      ['phone with letters', { eventId: f.eventId, contact: { name: '王师傅', phone: '1380000000a' } }],
      ['landline', { eventId: f.eventId, contact: { name: '王师傅', phone: '02157791234' } }],
      ['name of spaces only', { eventId: f.eventId, contact: { name: '   ', phone: '13800000002' } }],
      ['name over 20 characters', { eventId: f.eventId, contact: { name: '王'.repeat(21), phone: '13800000002' } }],
      ['someone else claimed in the payload', { eventId: f.eventId, contact: contactOf(2), openid: 'worker-1' }],
      ['status chosen by the caller', { eventId: f.eventId, contact: contactOf(2), status: 'confirmed' }],
      ['an extra field inside contact', { eventId: f.eventId, contact: { ...contactOf(2), idCard: '310000199001011234' } }],
    ],
  },
  'registrations.cancel': { caller: 'worker-1', valid: (f) => ({ id: f.registrationId }), required: ['id'], more: idCases('id') },
  'registrations.mine': { caller: 'worker-1', valid: () => ({}), required: [] },
  'registrations.listByEvent': {
    caller: 'staff-1',
    valid: (f) => ({ eventId: f.eventId, status: 'confirmed' }),
    required: ['eventId'],
    more: (f) => [...idCases('eventId')(), ['unknown status', { eventId: f.eventId, status: 'paid' }]],
  },
  'registrations.checkIn': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.registrationId }),
    required: ['id'],
    more: idCases('id'),
    before: async (world) => world.setNow(DURING_EVENT),
  },
  'checkins.undo': {
    caller: 'staff-1',
    valid: (f) => ({ registrationId: f.registrationId }),
    required: ['registrationId'],
    more: idCases('registrationId'),
    before: async (world, f) => {
      world.setNow(DURING_EVENT);
      await world.call('staff-1', 'registrations.checkIn', { id: f.registrationId });
    },
  },
  'registrations.ticket': {
    caller: 'worker-1',
    valid: (f) => ({ registrationId: f.registrationId }),
    required: ['registrationId'],
    more: idCases('registrationId'),
  },
  'checkins.scan': {
    caller: 'staff-1',
    valid: (f) => ({ eventId: f.eventId, code: 'ABCD2345' }),
    required: ['eventId', 'code'],
    more: (f) => [
      ...idCases('eventId')(),
      ['code of spaces only', { eventId: f.eventId, code: '    ' }],
      ['code over 100 characters', { eventId: f.eventId, code: 'A'.repeat(101) }],
      ['code as a number', { eventId: f.eventId, code: 23456789 }],
    ],
  },
  'checkins.eventCode': { caller: 'staff-1', valid: (f) => ({ eventId: f.eventId }), required: ['eventId'], more: idCases('eventId') },
  'checkins.self': {
    caller: 'worker-1',
    valid: (f) => ({ eventId: f.eventId, token: f.checkinToken }),
    required: ['eventId', 'token'],
    more: (f) => [
      ...idCases('eventId')(),
      ['token too short', { eventId: f.eventId, token: 'abc' }],
      ['token with a slash', { eventId: f.eventId, token: '../../etc/passwd' }],
      ['token over 64 characters', { eventId: f.eventId, token: 'a'.repeat(65) }],
    ],
    before: async (world) => world.setNow(DURING_EVENT),
  },
  'events.attendance': { caller: 'staff-1', valid: (f) => ({ eventId: f.eventId }), required: ['eventId'], more: idCases('eventId') },

  'intents.submit': {
    caller: 'worker-2',
    valid: () => ({ ...anIntent(), employer: '美团外卖佘山站', education: 'senior', statement: '想向党组织靠拢' }),
    required: ['name', 'gender', 'birthMonth', 'phone', 'occupation', 'politicalStatus', 'consent'],
    accepts: { employer: [''], statement: [''] },
    more: () => intentCases(anIntent()),
  },
  'intents.mine': { caller: 'worker-1', valid: () => ({}), required: [] },
  'intents.update': {
    caller: 'worker-1',
    valid: (f) => ({ id: f.intentId, ...intentFields(), employer: '饿了么佘山站', education: 'college', statement: '' }),
    required: ['id'],
    accepts: { employer: [''], statement: [''] },
    more: (f) => [...idCases('id')(), ...intentCases({ id: f.intentId }), ['consent sent again', { id: f.intentId, consent: true }]],
  },
  'intents.withdraw': { caller: 'worker-1', valid: (f) => ({ id: f.intentId }), required: ['id'], more: idCases('id') },
  'intents.list': {
    caller: 'staff-1',
    valid: (f) => ({ status: 'submitted', cursor: f.intentCursor, limit: 10 }),
    required: [],
    accepts: { cursor: [''] },
    more: () => [['unknown status', { status: 'approved' }], ['limit 0', { limit: 0 }], ['garbage cursor', { cursor: '%%%' }]],
  },
  'intents.get': { caller: 'staff-1', valid: (f) => ({ id: f.intentId }), required: ['id'], more: idCases('id') },
  'intents.advance': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.intentId, to: 'contacted', note: '电话联系，约周五面谈', reason: '本人要求' }),
    required: ['id', 'to'],
    accepts: { note: [''] },
    more: (f) => [
      ['unknown status', { id: f.intentId, to: 'member' }],
      ['closing without a reason', { id: f.intentId, to: 'closed' }],
      ['reason of one character', { id: f.intentId, to: 'closed', reason: '否' }],
      ['note over 500 characters', { id: f.intentId, to: 'contacted', note: '记'.repeat(501) }],
    ],
  },
  'intents.assign': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.intentId, orgId: 'org-joint-sheshan' }),
    required: ['id', 'orgId'],
    more: (f) => [['orgId with a path', { id: f.intentId, orgId: '../org' }]],
  },
  'intents.stats': { caller: 'staff-1', valid: () => ({}), required: [] },

  'memberReports.submit': {
    caller: 'worker-2',
    valid: () => aReport(),
    required: ['name', 'phone', 'homeOrg', 'employer', 'wish', 'consent'],
    more: () => [
      ['consent false', { ...aReport(), consent: false }],
      ['unknown wish', { ...aReport(), wish: 'leave' }],
      ['employer empty', { ...aReport(), employer: '   ' }],
      ['homeOrg of one character', { ...aReport(), homeOrg: '党' }],
      ['homeOrg over 80 characters', { ...aReport(), homeOrg: '党'.repeat(81) }],
    ],
  },
  'memberReports.mine': { caller: 'worker-1', valid: () => ({}), required: [] },
  'memberReports.withdraw': { caller: 'worker-1', valid: (f) => ({ id: f.reportId }), required: ['id'], more: idCases('id') },
  'memberReports.list': {
    caller: 'staff-1',
    valid: (f) => ({ status: 'submitted', cursor: f.reportCursor, limit: 10 }),
    required: [],
    accepts: { cursor: [''] },
    more: () => [['unknown status', { status: 'activist' }], ['limit 51', { limit: 51 }]],
  },
  'memberReports.get': { caller: 'staff-1', valid: (f) => ({ id: f.reportId }), required: ['id'], more: idCases('id') },
  'memberReports.advance': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.reportId, to: 'contacted', note: '已电话联系', reason: '本人要求' }),
    required: ['id', 'to'],
    accepts: { note: [''] },
    more: (f) => [
      ['an intent status', { id: f.reportId, to: 'activist' }],
      ['closing without a reason', { id: f.reportId, to: 'closed' }],
    ],
  },

  'enterprises.claim': {
    caller: 'worker-2',
    valid: () => ({ name: '北京中关村某某科技有限公司', uscc: USCC.beijing }),
    required: ['name', 'uscc'],
    more: () => usccCases().map(([what, uscc]): [string, unknown] => [what, { name: '北京中关村某某科技有限公司', uscc }]).concat([
      ['name of three characters', { name: '某公司', uscc: USCC.beijing }],
      ['name over 60 characters', { name: '公'.repeat(61), uscc: USCC.beijing }],
      ['status chosen by the caller', { name: '北京中关村某某科技有限公司', uscc: USCC.beijing, status: 'approved' }],
    ]),
  },
  'enterprises.mine': { caller: 'worker-1', valid: () => ({}), required: [] },
  'enterprises.get': { caller: null, valid: (f) => ({ id: f.enterpriseId }), required: ['id'], more: idCases('id') },
  'enterprises.update': {
    caller: 'hr-1',
    valid: (f) => ({
      id: f.enterpriseId,
      industry: '服装制造',
      size: 'medium',
      address: '上海市松江区佘山镇',
      contactName: '张经理',
      contactPhone: '13800000088',
      intro: '“山间咏汇”党群服务站所在企业',
      logo: { mime: 'image/png', data: TINY_PNG },
    }),
    required: ['id'],
    accepts: { industry: [''], address: [''], intro: [''], logo: [null] },
    more: (f) => [
      ...idCases('id')(),
      ['a GIF logo', { id: f.enterpriseId, logo: { mime: 'image/gif', data: TINY_PNG } }],
      ['a PNG logo whose bytes are a JPEG', { id: f.enterpriseId, logo: { mime: 'image/png', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64') } }],
      ['a JPEG logo whose bytes are a PNG', { id: f.enterpriseId, logo: { mime: 'image/jpeg', data: TINY_PNG } }],
      ['a PNG logo of text', { id: f.enterpriseId, logo: { mime: 'image/png', data: Buffer.from('<svg/>').toString('base64') } }],
      ['a logo over 64 KB', { id: f.enterpriseId, logo: { mime: 'image/png', data: 'A'.repeat(90_000) } }],
      ['a PNG logo whose base64 is broken', { id: f.enterpriseId, logo: { mime: 'image/png', data: `${TINY_PNG.slice(0, 20)}!!${TINY_PNG.slice(20)}` } }],
      ['unknown size', { id: f.enterpriseId, size: 'huge' }],
      ['the name changed by the HR contact', { id: f.enterpriseId, name: '另一家公司' }],
      ['verified set by the HR contact', { id: f.enterpriseId, verified: true }],
      ['intro over 1000 characters', { id: f.enterpriseId, intro: '介'.repeat(1001) }],
    ],
  },
  'enterprises.claims': {
    caller: 'staff-1',
    valid: () => ({ status: 'pending' }),
    required: [],
    more: () => [['unknown status', { status: 'verified' }]],
  },
  'enterprises.decideClaim': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.pendingClaimId, approve: false, reason: '营业执照信息与企业名称不符' }),
    required: ['id', 'approve'],
    more: (f) => [
      ...idCases('id')(),
      ['rejecting without a reason', { id: f.pendingClaimId, approve: false }],
      ['rejecting with a reason of spaces', { id: f.pendingClaimId, approve: false, reason: '   ' }],
      ['approve as text', { id: f.pendingClaimId, approve: 'true' }],
    ],
  },

  'fairs.join': { caller: 'hr-1', valid: (f) => ({ eventId: f.secondFairId }), required: ['eventId'], more: idCases('eventId') },
  'fairs.enterprises': { caller: null, valid: (f) => ({ eventId: f.fairId }), required: ['eventId'], more: idCases('eventId') },
  'fairs.requests': {
    caller: 'staff-1',
    valid: (f) => ({ eventId: f.secondFairId, status: 'pending' }),
    required: [],
    more: () => [...idCases('eventId')(), ['unknown status', { status: 'joined' }]],
  },
  'fairs.decide': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.pendingParticipationId, approve: true, reason: '欢迎参会' }),
    required: ['id', 'approve'],
    accepts: { reason: [''] },
    more: (f) => [...idCases('id')(), ['reason over 200 characters', { id: f.pendingParticipationId, approve: false, reason: '因'.repeat(201) }]],
  },
  'fairs.stats': { caller: 'staff-1', valid: (f) => ({ eventId: f.fairId }), required: ['eventId'], more: idCases('eventId') },

  'jobs.create': {
    caller: 'hr-1',
    valid: (f) => aJob({ eventId: f.fairId, benefits: ['social_insurance', 'career_change'] }),
    required: ['title', 'category', 'headcount', 'district', 'place'],
    accepts: { eventId: [null], salaryMin: [null, 0], salaryMax: [null], requirements: [''] },
    more: (f) => jobCases(aJob({ eventId: f.fairId })),
  },
  'jobs.update': {
    caller: 'hr-1',
    valid: (f) => ({ id: f.jobId, ...aJob({ eventId: f.fairId, title: '熟练缝纫工', headcount: 12 }) }),
    required: ['id'],
    accepts: { eventId: [null], salaryMin: [null, 0], salaryMax: [null], requirements: [''] },
    more: (f) => [
      ...idCases('id')(),
      ...jobCases({ id: f.jobId }),
      // The job pays from 6000; only the new maximum is sent.
      ['a maximum below the minimum already stored', { id: f.jobId, salaryMax: 3000 }],
    ],
  },
  'jobs.setStatus': {
    caller: 'hr-1',
    valid: (f) => ({ id: f.jobId, status: 'closed' }),
    required: ['id', 'status'],
    more: (f) => [...idCases('id')(), ['unknown status', { id: f.jobId, status: 'deleted' }]],
  },
  'jobs.search': {
    caller: null,
    valid: (f) => ({
      keyword: '缝纫',
      category: 'manufacturing',
      district: 'sheshan',
      salaryAtLeast: 5000,
      eventId: f.fairId,
      enterpriseId: f.enterpriseId,
      cursor: f.jobCursor,
      limit: 10,
    }),
    required: [],
    accepts: { keyword: [''], cursor: [''], salaryAtLeast: [0] },
    more: () => [
      ['keyword over 30 characters', { keyword: '缝'.repeat(31) }],
      ['unknown category', { category: 'astronaut' }],
      ['unknown district', { district: 'pudong' }],
      ['salary above the maximum', { salaryAtLeast: 200001 }],
      ['salary as text', { salaryAtLeast: '5000' }],
      ['limit above 50', { limit: 51 }],
      ['garbage cursor', { cursor: '%%%' }],
      ['cursor with a date the database cannot read', { cursor: Buffer.from('["1","id000001"]').toString('base64url') }],
      ['status asked for by a visitor', { status: 'closed' }],
    ],
  },
  'jobs.get': { caller: null, valid: (f) => ({ id: f.jobId }), required: ['id'], more: idCases('id') },
  'jobs.mine': { caller: 'hr-1', valid: () => ({}), required: [] },

  'applications.create': {
    caller: 'worker-2',
    valid: (f) => ({ jobId: f.jobId, resume: aResume(2, { note: '周末可以面试' }) }),
    required: ['jobId', 'resume', 'resume.name', 'resume.phone', 'resume.age'],
    accepts: { 'resume.experience': [''], 'resume.wantedJob': [''], 'resume.note': [''] },
    more: (f) => [
      ...idCases('jobId')(),
      ['age 15', { jobId: f.jobId, resume: aResume(2, { age: 15 }) }],
      ['age 71', { jobId: f.jobId, resume: aResume(2, { age: 71 }) }],
      ['age as text', { jobId: f.jobId, resume: { ...aResume(2), age: '30' } }],
      ['landline', { jobId: f.jobId, resume: aResume(2, { phone: '02157791234' }) }],
      ['name of spaces only', { jobId: f.jobId, resume: aResume(2, { name: '   ' }) }],
      ['experience over 500 characters', { jobId: f.jobId, resume: aResume(2, { experience: '经'.repeat(501) }) }],
      ['status chosen by the caller', { jobId: f.jobId, resume: aResume(2), status: 'hired' }],
      ['an extra field inside the résumé', { jobId: f.jobId, resume: { ...aResume(2), idCard: '310000199001011234' } }],
    ],
  },
  'applications.mine': { caller: 'worker-1', valid: () => ({}), required: [] },
  'applications.withdraw': { caller: 'worker-1', valid: (f) => ({ id: f.applicationId }), required: ['id'], more: idCases('id') },
  'applications.listByJob': { caller: 'hr-1', valid: (f) => ({ jobId: f.jobId }), required: ['jobId'], more: idCases('jobId') },
  'applications.mark': {
    caller: 'hr-1',
    valid: (f) => ({ id: f.applicationId, status: 'interview', interview: anInterview() }),
    required: ['id', 'status', 'interview', 'interview.at', 'interview.place'],
    dates: ['interview.at'],
    accepts: { 'interview.note': [''] },
    more: (f) => [
      ...idCases('id')(),
      ['an interview without a place', { id: f.applicationId, status: 'interview', interview: { at: anInterview().at } }],
      ['an interview place of one character', { id: f.applicationId, status: 'interview', interview: anInterview({ place: '厂' }) }],
      ['marked withdrawn by HR', { id: f.applicationId, status: 'withdrawn' }],
      ['marked submitted by HR', { id: f.applicationId, status: 'submitted' }],
    ],
  },

  'guidance.request': {
    caller: 'worker-2',
    valid: () => ({ topic: '想从外卖骑手转岗做生产制造', preferredTimes: '工作日晚上', phone: '13800000099' }),
    required: ['topic', 'preferredTimes', 'phone'],
    more: () => [
      ['topic of one character', { topic: '问', preferredTimes: '工作日晚上', phone: '13800000099' }],
      ['topic over 100 characters', { topic: '问'.repeat(101), preferredTimes: '工作日晚上', phone: '13800000099' }],
      ['landline', { topic: '转岗咨询', preferredTimes: '工作日晚上', phone: '02157791234' }],
    ],
  },
  'guidance.mine': { caller: 'worker-1', valid: () => ({}), required: [] },
  'guidance.list': {
    caller: 'staff-1',
    valid: () => ({ status: 'open' }),
    required: [],
    more: () => [['unknown status', { status: 'closed' }]],
  },
  'guidance.answer': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.guidanceId, answer: '已为您预约周三下午就业指导' }),
    required: ['id', 'answer'],
    more: (f) => [
      ...idCases('id')(),
      ['answer of one character', { id: f.guidanceId, answer: '好' }],
      ['answer over 500 characters', { id: f.guidanceId, answer: '答'.repeat(501) }],
    ],
  },

  'needs.create': {
    caller: 'staff-1',
    valid: (f) => ({ category: 'recruitment', text: aNeedText, orgId: f.enterpriseId, attachment: 'https://example.com/a.pdf' }),
    required: ['category', 'text'],
    more: (f) => [
      ['unknown category', { category: 'loan', text: aNeedText, orgId: f.enterpriseId }],
      ['text of 4 characters', { category: 'other', text: '招不到人', orgId: f.enterpriseId }],
      ['text over 1000 characters', { category: 'other', text: '需'.repeat(1001), orgId: f.enterpriseId }],
      ['text of spaces only', { category: 'other', text: '        ', orgId: f.enterpriseId }],
      ['an http attachment', { category: 'other', text: aNeedText, orgId: f.enterpriseId, attachment: 'http://example.com/a.pdf' }],
      ['a javascript attachment', { category: 'other', text: aNeedText, orgId: f.enterpriseId, attachment: 'javascript:alert(1)' }],
      ['staff naming no organisation', { category: 'other', text: aNeedText }],
      ['status chosen by the caller', { category: 'other', text: aNeedText, orgId: f.enterpriseId, status: 'closed' }],
      ...idCases('orgId')(),
    ],
  },
  'needs.mine': { caller: 'hr-1', valid: () => ({}), required: [] },
  'needs.get': { caller: 'staff-1', valid: (f) => ({ id: f.needs.submittedNeedId }), required: ['id'], more: idCases('id') },
  'needs.list': {
    caller: 'staff-1',
    valid: (f) => ({ status: 'submitted', category: 'recruitment', overdue: true, cursor: f.needCursor, limit: 10 }),
    required: [],
    // An empty cursor is the first page, as for every list.
    accepts: { cursor: [''] },
    more: () => [
      ['unknown status', { status: 'done' }],
      ['unknown category', { category: 'loan' }],
      ['overdue as text', { overdue: 'yes' }],
      ['limit 51', { limit: 51 }],
      ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }],
    ],
  },
  'needs.counts': { caller: 'staff-1', valid: () => ({}), required: [] },
  'needs.assign': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.needs.submittedNeedId, department: '经发办' }),
    required: ['id', 'department'],
    more: (f) => [
      ['a department not on the list', { id: f.needs.submittedNeedId, department: '区财政局' }],
      ['a department of one character', { id: f.needs.submittedNeedId, department: '党' }],
      ...idCases('id')(),
    ],
  },
  'needs.advance': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.needs.assignedNeedId, to: 'closed', reply: '已电话答复申请条件，材料清单已发邮箱。' }),
    required: ['id', 'to'],
    more: (f) => [
      ['closing without a reply', { id: f.needs.assignedNeedId, to: 'closed' }],
      ['moving back to submitted', { id: f.needs.assignedNeedId, to: 'submitted' }],
      ['reply over 1000 characters', { id: f.needs.assignedNeedId, to: 'closed', reply: '复'.repeat(1001) }],
    ],
  },
  'needs.rate': {
    caller: 'hr-1',
    valid: (f) => ({ id: f.needs.closedNeedId, rating: 'basically', note: '答复及时，厂房还在看' }),
    required: ['id', 'rating'],
    accepts: { note: [''] },
    more: (f) => [
      ['unknown rating', { id: f.needs.closedNeedId, rating: 'great' }],
      ['rating as a number', { id: f.needs.closedNeedId, rating: 5 }],
      ['note over 200 characters', { id: f.needs.closedNeedId, rating: 'satisfied', note: '好'.repeat(201) }],
    ],
  },
  'needs.departments': { caller: 'staff-1', valid: () => ({}), required: [] },
  'needs.addDepartment': {
    caller: 'staff-1',
    valid: () => ({ name: '区人社局' }),
    required: ['name'],
    more: () => [['a name already on the list', { name: '经发办' }], ['a name over 20 characters', { name: '部'.repeat(21) }]],
  },
  'needs.renameDepartment': {
    caller: 'staff-1',
    valid: () => ({ from: '综合党委', to: '镇综合党委' }),
    required: ['from', 'to'],
    more: () => [['an unknown department', { from: '区财政局', to: '镇财政所' }], ['a name taken', { from: '综合党委', to: '经发办' }]],
  },
  'stations.list': {
    caller: null,
    valid: () => ({ near: { lat: 31.09, lng: 121.2 } }),
    required: [],
    more: () => [
      ['a point in the Pacific', { near: { lat: 31.09, lng: 140 } }],
      ['a point in Europe', { near: { lat: 48.85, lng: 2.35 } }],
      ['a latitude of 91', { near: { lat: 91, lng: 121.2 } }],
      ['latitude and longitude as text', { near: { lat: '31.09', lng: '121.2' } }],
      ['only a latitude', { near: { lat: 31.09 } }],
    ],
  },
  'dashboard.figures': { caller: 'staff-1', valid: () => ({ from: '2026-07-01', to: '2026-12-31' }), required: ['from', 'to'], more: periodCases },
  'exports.report': { caller: 'staff-1', valid: () => ({ from: '2026-07-01', to: '2026-12-31' }), required: ['from', 'to'], more: periodCases },
  'stations.get': { caller: null, valid: (f) => ({ id: f.stationId }), required: ['id'], more: idCases('id') },
  'stations.create': {
    caller: 'staff-1',
    valid: () => aStation(),
    required: ['name', 'host', 'address', 'lat', 'lng', 'hours', 'services'],
    accepts: { phone: [null], intro: [null, ''] },
    more: () => [
      ['coordinates in Tokyo', aStation({ lat: 35.68, lng: 139.76 })],
      ['coordinates swapped', aStation({ lat: 121.2, lng: 31.09 })],
      ['an unknown service', { ...aStation(), services: ['massage'] }],
      ['a service twice', aStation({ services: ['water', 'water'] })],
      ['a phone of 5 digits', aStation({ phone: '12345' })],
    ],
  },
  'stations.update': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.stationId, hours: '每天 8:00–20:00', lat: 31.1, lng: 121.21 }),
    required: ['id'],
    more: (f) => [['coordinates in Singapore', { id: f.stationId, lat: 1.3, lng: 103.8 }], ...idCases('id')()],
  },

  'notices.list': {
    caller: 'staff-1',
    // Notice cursors have the events' shape: a position (instant, id).
    valid: (f) => ({ category: 'insurance', q: '补贴', status: 'published', cursor: f.cursor, limit: 10 }),
    required: [],
    accepts: { q: [''], cursor: [''] },
    more: () => [
      ['unknown category', { category: 'housing' }],
      ['category label instead of its code', { category: '社保医保' }],
      ['keyword over 30 characters', { q: '补'.repeat(31) }],
      ['unknown status', { status: 'deleted' }],
      ['limit above 50', { limit: 51 }],
      ['garbage cursor', { cursor: '%%%' }],
    ],
  },
  'notices.get': { caller: null, valid: (f) => ({ id: f.noticeId }), required: ['id'], more: idCases('id') },
  'notices.create': {
    caller: 'staff-1',
    valid: (f) => aNotice({ eventIds: [f.eventId] }),
    required: ['title', 'category', 'summary', 'body', 'issuer', 'issuedOn'],
    accepts: { attachmentUrl: [null] },
    more: (f) => noticeCases(aNotice({ eventIds: [f.eventId] })),
  },
  'notices.update': {
    caller: 'staff-1',
    valid: (f) => ({ id: f.noticeId, ...aNotice({ eventIds: [f.eventId], title: '灵活就业社保补贴申领指南（修订）' }) }),
    required: ['id'],
    accepts: { attachmentUrl: [null] },
    more: (f) => [...idCases('id')(), ...noticeCases({ id: f.noticeId })],
  },
  'notices.publish': { caller: 'staff-1', valid: (f) => ({ id: f.draftNoticeId }), required: ['id'], more: idCases('id') },
  'notices.withdraw': { caller: 'staff-1', valid: (f) => ({ id: f.noticeId }), required: ['id'], more: idCases('id') },

  'orgs.list': {
    caller: 'staff-1',
    valid: () => ({ q: '服饰', kind: 'economic', status: 'active', coverage: 'none', grid: 'grid-town', limit: 10 }),
    required: [],
    // An empty keyword is no keyword.
    accepts: { q: [''] },
    more: () => [
      ['unknown kind', { kind: 'enterprise' }],
      ['unknown status', { status: 'closed' }],
      ['unknown coverage', { coverage: 'partial' }],
      ['keyword over 30 characters', { q: '词'.repeat(31) }],
      ['a tampered cursor', { cursor: Buffer.from('["1","x"]').toString('base64url') }],
      ...idCases('grid')(),
    ],
  },
  'orgs.get': { caller: 'staff-1', valid: (f) => ({ id: f.census.orgId }), required: ['id'], more: idCases('id') },
  'orgs.create': {
    caller: 'staff-1',
    valid: () => ({
      ...anOrg(2),
      status: 'removed',
      statusChangedOn: '2026-11-01',
      coverage: 'standalone',
      branchName: '测试二号党支部',
      branchFoundedOn: '2024-07-01',
      instructorName: '李网格',
    }),
    required: ['name', 'kind'],
    // An organisation may have no party member yet.
    accepts: { partyMembers: [0] },
    more: () => orgCases(anOrg(3)),
  },
  'orgs.update': {
    caller: 'staff-1',
    valid: (f) => ({
      id: f.census.orgId,
      name: '上海授权测试服饰有限公司',
      uscc: usccOf(900),
      kind: 'social',
      industry: '服装',
      address: '佘山镇外青松公路 1 号',
      gridId: 'grid-hengshan',
      employees: 40,
      partyMembers: 4,
      status: 'moved_out',
      statusChangedOn: '2026-11-20',
      coverage: 'joint',
      jointOrgId: 'org-joint-park',
      instructorOpenid: 'staff-1',
    }),
    required: ['id'],
    accepts: Object.fromEntries(
      ['uscc', 'industry', 'address', 'gridId', 'employees', 'partyMembers', 'statusChangedOn', 'instructorOpenid'].map((k) => [
        k,
        k === 'partyMembers' ? [null, 0] : [null],
      ]),
    ),
    more: (f) => [...idCases('id')(), ...orgCases({ id: f.census.orgId }), ['clearing the name', { id: f.census.orgId, name: null }]],
  },
  'orgs.grids': { caller: 'staff-1', valid: () => ({}), required: [] },
  'orgs.importPreview': {
    caller: 'staff-1',
    valid: (f) => ({ base64: f.census.sheet }),
    required: ['base64'],
    more: () => [
      ['text that is not base64', { base64: '这不是文件' }],
      ['base64 of a text file', { base64: Buffer.from('名称,统一社会信用代码\n某公司,1').toString('base64') }],
      ['a file over 2 MB', { base64: 'A'.repeat(2_800_000) }],
    ],
  },
  'orgs.importApply': { caller: 'staff-1', valid: (f) => ({ previewId: f.census.previewId }), required: ['previewId'], more: idCases('previewId') },
  'exports.orgs': { caller: 'staff-1', valid: () => ({}), required: [] },
  'visits.create': {
    caller: 'staff-1',
    valid: (f) => ({ orgId: f.census.orgId, date: '2026-11-30', visitor: '李网格', findings: '企业经营正常', problems: [{ category: 'policy', text: '想了解稳岗补贴政策' }] }),
    required: ['orgId', 'date', 'findings', 'problems'],
    more: (f) => {
      const base = { orgId: f.census.orgId, date: '2026-11-30', findings: '企业经营正常', problems: [] };
      return [
        ...idCases('orgId')().map(([what, p]): [string, unknown] => [what, { ...base, ...(p as object) }]),
        ...localDateCases('date').map(([what, p]): [string, unknown] => [what, { ...base, ...p }]),
        ['a date after today', { ...base, date: '2026-12-02' }],
        ['an unknown problem category', { ...base, problems: [{ category: 'weather', text: '下雨天路滑' }] }],
        ['a problem of four characters', { ...base, problems: [{ category: 'other', text: '有问题的' }] }],
        ['21 problems', { ...base, problems: Array.from({ length: 21 }, () => ({ category: 'other', text: '问题描述五个字' })) }],
        ['findings of one character', { ...base, findings: '好' }],
      ];
    },
  },
  'visits.list': { caller: 'staff-1', valid: (f) => ({ orgId: f.census.orgId }), required: [], more: idCases('orgId') },

  'exports.registrations': { caller: 'staff-1', valid: (f) => ({ eventId: f.eventId }), required: ['eventId'], more: idCases('eventId') },
  'exports.applications': {
    caller: 'staff-1',
    valid: (f) => ({ fairId: f.fairId, enterpriseId: f.enterpriseId }),
    required: ['fairId'],
    more: (f) => [...idCases('fairId')(), ...idCases('enterpriseId')().map(([what, p]): [string, unknown] => [what, { fairId: f.fairId, ...(p as Payload) }])],
  },
  'exports.intents': { caller: 'staff-1', valid: () => ({ full: true }), required: [], more: () => [['full as text', { full: 'true' }]] },
  'partyOrgs.list': { caller: 'staff-1', valid: () => ({}), required: [] },
  'outbox.list': {
    caller: 'staff-1',
    valid: () => ({ openid: 'worker-1' }),
    required: [],
    more: () => [['openid too short', { openid: 'ab' }], ['openid in Chinese', { openid: '王师傅' }]],
  },

  'users.list': { caller: 'admin-1', valid: () => ({ role: 'staff' }), required: [], more: () => [['role hr', { role: 'hr' }]] },
  'users.search': { caller: 'admin-1', valid: () => ({ q: '王师傅' }), required: ['q'], more: () => [['one character', { q: '王' }], ['too long', { q: '王'.repeat(21) }]] },
  'users.grantRole': { caller: 'admin-1', valid: () => ({ openid: 'worker-2', role: 'staff' }), required: ['openid', 'role'], more: roleCases },
  'users.revokeRole': { caller: 'admin-1', valid: () => ({ openid: 'staff-1', role: 'staff' }), required: ['openid', 'role'], more: roleCases },
};

/** A notice body holds headings, paragraphs, lists and https links only, each within its length. */
function noticeCases(base: Payload): [string, unknown][] {
  const body = (...blocks: unknown[]) => ({ ...base, body: blocks });
  const para = { kind: 'paragraph', text: '正文' };
  return [
    ['a block of unknown kind', body({ kind: 'html', html: '<script>alert(1)</script>' })],
    ['a block without a kind', body({ text: '正文' })],
    ['a paragraph carrying html beside its text', body({ ...para, html: '<b>正文</b>' })],
    ['a javascript: link', body({ kind: 'link', text: '点我', url: 'javascript:alert(1)' })],
    ['a JavaScript: link in capitals', body({ kind: 'link', text: '点我', url: 'JavaScript:alert(1)' })],
    ['a data: link', body({ kind: 'link', text: '点我', url: 'data:text/html,<script>alert(1)</script>' })],
    ['an http link', body({ kind: 'link', text: '点我', url: 'http://rsj.sh.gov.cn/' })],
    ['a relative link', body({ kind: 'link', text: '点我', url: '/pages/me/index' })],
    ['a link with a password in it', body({ kind: 'link', text: '点我', url: 'https://a:b@rsj.sh.gov.cn/' })],
    ['a link without text', body({ kind: 'link', text: '', url: 'https://rsj.sh.gov.cn/' })],
    ['a paragraph over 1000 characters', body({ kind: 'paragraph', text: '长'.repeat(1001) })],
    ['a paragraph of spaces', body({ kind: 'paragraph', text: '   ' })],
    ['a heading over 60 characters', body({ kind: 'heading', text: '题'.repeat(61) })],
    ['a list without items', body({ kind: 'list', ordered: false, items: [] })],
    ['a list not saying whether it is numbered', body({ kind: 'list', items: ['一'] })],
    ['a list of 31 items', body({ kind: 'list', ordered: true, items: Array.from({ length: 31 }, (_, i) => `第${i}项`) })],
    ['an empty body', { ...base, body: [] }],
    ['61 blocks', { ...base, body: Array.from({ length: 61 }, () => para) }],
    ['body as markdown text', { ...base, body: '# 标题' }],
    ['title over 60 characters', { ...base, title: '题'.repeat(61) }],
    ['summary over 200 characters', { ...base, summary: '摘'.repeat(201) }],
    ['category label instead of its code', { ...base, category: '社保医保' }],
    ['issue date 2 月 30 日', { ...base, issuedOn: '2026-02-30' }],
    ['issue date with a time', { ...base, issuedOn: '2026-11-20T10:00:00+08:00' }],
    ['issue date in Chinese', { ...base, issuedOn: '2026年11月20日' }],
    ['an attachment that is not a PDF', { ...base, attachmentUrl: 'https://rsj.sh.gov.cn/a.docx' }],
    ['an http attachment', { ...base, attachmentUrl: 'http://rsj.sh.gov.cn/a.pdf' }],
    ['the same event linked twice', { ...base, eventIds: ['ev-1', 'ev-1'] }],
    ['11 linked events', { ...base, eventIds: Array.from({ length: 11 }, (_, i) => `ev-${i}`) }],
    ['a linked event that does not exist', { ...base, eventIds: ['no-such-event'] }],
    ['status chosen by the caller', { ...base, status: 'published' }],
  ];
}

function idCases(field: string): () => [string, unknown][] {
  return () => [
    [`${field} empty`, { [field]: '' }],
    [`${field} over 64 characters`, { [field]: 'a'.repeat(65) }],
    [`${field} with SQL in it`, { [field]: "x' OR '1'='1" }],
    [`${field} with a path in it`, { [field]: '../events' }],
  ];
}

/** Calendar dates (YYYY-MM-DD) that are no date. */
function localDateCases(field: string): [string, Payload][] {
  return ['2026-13-01', '2026-02-30', '2026-12-01T10:00:00+08:00', '2026/12/01', '明天', '1800-01-01', '0000-01-01', '12-01'].map(
    (d): [string, Payload] => [`${field} = ${d}`, { [field]: d }],
  );
}

/** Census records that do not hold together, or name what does not exist. */
function orgCases(base: Payload): [string, unknown][] {
  return [
    ['unknown kind', { ...base, kind: 'enterprise' }],
    ['unknown status', { ...base, status: 'closed' }],
    ['unknown coverage', { ...base, coverage: 'partial' }],
    ['unknown grid', { ...base, gridId: 'grid-moon' }],
    ['a USCC with a wrong check character', { ...base, uscc: '91310000132149237H' }],
    ['a USCC and a reason for having none', { ...base, uscc: usccOf(77), usccMissingReason: '个体工商户' }],
    ['单独组建 without a branch name', { ...base, coverage: 'standalone' }],
    ['联合党组织 without the joint organisation', { ...base, coverage: 'joint' }],
    ['a joint organisation that is a standalone branch', { ...base, coverage: 'joint', jointOrgId: 'org-quanlan' }],
    ['a joint organisation that does not exist', { ...base, coverage: 'joint', jointOrgId: 'org-nowhere' }],
    ['a branch name without 单独组建', { ...base, coverage: 'none', branchName: '某党支部' }],
    ['an instructor who is not staff', { ...base, instructorOpenid: 'worker-1' }],
    ['both an instructor account and a name', { ...base, instructorOpenid: 'staff-1', instructorName: '李网格' }],
    ['more party members than employees', { ...base, employees: 5, partyMembers: 6 }],
    ['a branch founded after today', { ...base, coverage: 'standalone', branchName: '某党支部', branchFoundedOn: '2027-01-01' }],
    ['negative employees', { ...base, employees: -1 }],
    ['employees as text', { ...base, employees: '30' }],
    ['name of one character', { ...base, name: '厂' }],
    ['name over 60 characters', { ...base, name: '公'.repeat(61) }],
    ['claimed chosen by the caller', { ...base, verified: true }],
    ['last visit chosen by the caller', { ...base, lastVisitOn: '2026-11-30' }],
    ...localDateCases('statusChangedOn').map(([what, p]): [string, unknown] => [what, { ...base, ...p }]),
  ];
}

/** Periods the dashboard refuses: backwards, longer than 5 years, days that do not exist, instants instead of days. */
function periodCases(): [string, unknown][] {
  return [
    ['from after to', { from: '2026-12-31', to: '2026-07-01' }],
    ['a period of 5 years and a day', { from: '2021-07-01', to: '2026-07-01' }],
    ['30 February', { from: '2026-02-30', to: '2026-06-30' }],
    ['month 13', { from: '2026-13-01', to: '2026-12-31' }],
    ['an instant instead of a day', { from: '2026-07-01T00:00:00+08:00', to: '2026-12-31' }],
    ['a day in Chinese', { from: '2026年7月1日', to: '2026-12-31' }],
  ];
}

function roleCases(): [string, unknown][] {
  return [
    ['role worker', { openid: 'worker-2', role: 'worker' }],
    ['role hr', { openid: 'worker-2', role: 'hr' }],
    ['role in capitals', { openid: 'worker-2', role: 'STAFF' }],
    ['openid too short', { openid: 'ab', role: 'staff' }],
  ];
}

/** 统一社会信用代码 that GB 32100-2015 refuses, each with the Chinese message the claimant reads. */
function usccCases(): [string, string][] {
  return [
    ['a code with a wrong check character', '91310000132149237H'],
    ['a code of 17 characters', '91310000132149237'],
    ['a code of 19 characters', '91310000132149237G1'],
    ['a code with an I', '9131000013214923IG'],
    ['a code with an O', '9131000013214923OG'],
    ['a code with a Z', '9131000013214923ZG'],
    ['a code with an S', '9131000013214923SG'],
    ['a code with a V', '9131000013214923VG'],
    ['a code with a space inside', '913100001321 49237G'],
    ['an 18-digit identity card number', '310101199001011234'],
  ];
}

function jobCases(base: Payload): [string, unknown][] {
  return [
    ['unknown category', { ...base, category: 'astronaut' }],
    ['unknown district', { ...base, district: 'pudong' }],
    ['unknown benefit', { ...base, benefits: ['free_lunch'] }],
    ['salary maximum below the minimum', { ...base, salaryMin: 8000, salaryMax: 6000 }],
    ['salary as text', { ...base, salaryMin: '6000' }],
    ['salary above 200000 a month', { ...base, salaryMax: 200001 }],
    ['title of one character', { ...base, title: '工' }],
    ['title over 30 characters', { ...base, title: '工'.repeat(31) }],
    ['headcount of 10000', { ...base, headcount: 10000 }],
    ['place of spaces only', { ...base, place: '    ' }],
    ['requirements over 1000 characters', { ...base, requirements: '要'.repeat(1001) }],
    ['status chosen by the caller', { ...base, status: 'open' }],
    ['enterprise chosen by the caller', { ...base, enterpriseId: 'ent-other' }],
  ];
}

const anIntent = (): IntentSubmitInput => ({
  name: '王小明',
  gender: 'male',
  birthMonth: '2001-05',
  phone: '13800000013',
  occupation: 'rider',
  politicalStatus: 'league_member',
  consent: true,
});

/** The fields an intent may be edited in: everything but the consent. */
const intentFields = () => {
  const { consent: _consent, ...fields } = anIntent();
  return fields;
};

const aReport = (): ReportSubmitInput => ({
  name: '李建华',
  phone: '13900000021',
  homeOrg: '安徽省阜阳市某村党支部',
  employer: '顺丰速运佘山营业部',
  wish: 'flow',
  consent: true,
});

function intentCases(base: Payload): [string, unknown][] {
  return [
    ['consent false', { ...base, consent: false }],
    ['birth month 13', { ...base, birthMonth: '2001-13' }],
    ['birth month without a leading zero', { ...base, birthMonth: '2001-5' }],
    ['birth month with a day', { ...base, birthMonth: '2001-05-01' }],
    ['birth month in Chinese', { ...base, birthMonth: '2001年5月' }],
    ['birth month in the future', { ...base, birthMonth: '2030-01' }],
    ['birth month of someone under 18', { ...base, birthMonth: '2010-01' }],
    ['birth month in year zero', { ...base, birthMonth: '0000-01' }],
    ['unknown gender', { ...base, gender: 'other' }],
    ['unknown occupation', { ...base, occupation: 'astronaut' }],
    ['a party member declaring intent', { ...base, politicalStatus: 'party_member' }],
    ['unknown education', { ...base, education: 'phd' }],
    ['statement over 500 characters', { ...base, statement: '愿'.repeat(501) }],
    ['employer over 60 characters', { ...base, employer: '公'.repeat(61) }],
  ];
}

const RIDER_ANSWERS = { platform: '美团', member: '是', needs: ['技能认定'], years: 3, note: '电动车保险怎么买' };

/** Answers that do not fit the asking event's questions: each is INVALID_INPUT naming its question. */
function answerCases(eventId: string): [string, unknown][] {
  const signUp = (answers: unknown) => ({ eventId, contact: contactOf(2), answers });
  return [
    ['a number question answered with text', signUp({ ...RIDER_ANSWERS, years: '三年' })],
    ['an answer to a question the event does not ask', signUp({ ...RIDER_ANSWERS, shoeSize: '42' })],
    ['a required question left out', signUp({ member: '是' })],
    ['no answers at all to required questions', { eventId, contact: contactOf(2) }],
    ['a choice not among the options', signUp({ ...RIDER_ANSWERS, platform: '滴滴' })],
    ['a multiple choice with an unknown option', signUp({ ...RIDER_ANSWERS, needs: ['技能认定', '理发'] })],
    ['a multiple choice with an option twice', signUp({ ...RIDER_ANSWERS, needs: ['技能认定', '技能认定'] })],
    ['a text answer over 200 characters', signUp({ ...RIDER_ANSWERS, note: '想'.repeat(201) })],
    ['a question id with a dot', signUp({ ...RIDER_ANSWERS, 'platform.x': '美团' })],
    ['eleven answers', signUp(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i}`, 'x'])))],
  ];
}

function questionCases(): [string, unknown][] {
  const withQuestions = (questions: unknown) => ({ ...anEvent(), questions });
  const text = { id: 'q1', kind: 'text', label: '备注', required: false };
  const choice = { id: 'q2', kind: 'single', label: '所在平台', required: true, options: ['美团', '饿了么'] };
  return [
    ['eleven questions', withQuestions(Array.from({ length: 11 }, (_, i) => ({ ...text, id: `q${i}` })))],
    ['two questions with one id', withQuestions([text, { ...choice, id: 'q1' }])],
    ['an unknown kind', withQuestions([{ ...text, kind: 'date' }])],
    ['a label over 50 characters', withQuestions([{ ...text, label: '问'.repeat(51) }])],
    ['a label of spaces only', withQuestions([{ ...text, label: '   ' }])],
    ['required as text', withQuestions([{ ...text, required: 'yes' }])],
    ['a choice question without options', withQuestions([{ ...choice, options: undefined }])],
    ['a choice question with one option', withQuestions([{ ...choice, options: ['美团'] }])],
    ['a choice question with 21 options', withQuestions([{ ...choice, options: Array.from({ length: 21 }, (_, i) => `选项${i}`) }])],
    ['an option twice', withQuestions([{ ...choice, options: ['美团', '美团'] }])],
    ['an option over 30 characters', withQuestions([{ ...choice, options: ['美团', '选'.repeat(31)] }])],
    ['an empty option', withQuestions([{ ...choice, options: ['美团', '  '] }])],
    ['options on a text question', withQuestions([{ ...text, options: ['a', 'b'] }])],
    ['an extra field on a question', withQuestions([{ ...text, placeholder: '请填写' }])],
    ['a question id with a slash', withQuestions([{ ...text, id: '../q' }])],
  ];
}

function eventCases(): [string, unknown][] {
  const base = anEvent();
  return [
    ['unknown type', { ...base, type: 'party' }],
    ['unknown audience', { ...base, audience: 'everyone' }],
    ['title of one character', { ...base, title: '训' }],
    ['title of spaces only', { ...base, title: '      ' }],
    ['title over 60 characters', { ...base, title: '培'.repeat(61) }],
    ['description over 2000 characters', { ...base, description: '介'.repeat(2001) }],
    ['location over 100 characters', { ...base, location: '地'.repeat(101) }],
    ['capacity above 10000', { ...base, capacity: 10001 }],
    ['capacity as text', { ...base, capacity: '5' }],
    ['end before start', { ...base, endAt: '2026-12-08T13:00:00+08:00' }],
    ['end equal to start', { ...base, endAt: base.startAt }],
    ['deadline after start', { ...base, signupDeadline: '2026-12-08T15:00:00+08:00' }],
    ['status chosen by the caller', { ...base, status: 'published' }],
    ['counts chosen by the caller', { ...base, confirmedCount: 0, seatsLeft: 100 }],
  ];
}

/** Every bad payload for one action, named for the failure report. */
function badPayloads(entry: Entry, f: Fixture): [string, unknown][] {
  const valid = entry.valid(f);
  const cases: [string, unknown][] = [
    ['null instead of an object', null],
    ['an array instead of an object', []],
    ['an array holding the payload', [valid]],
    ['a string instead of an object', 'payload'],
    ['a number instead of an object', 42],
    ['true instead of an object', true],
    ['an extra unknown field', { ...valid, unexpected: 1 }],
    ['a huge extra field', { ...valid, note: HUGE }],
  ];
  if (entry.required.length) cases.push(['an empty object', {}]);
  for (const path of entry.required) cases.push([`${path} missing`, withField(valid, path, undefined)]);
  for (const [path, value] of leaves(valid)) {
    const accepted = entry.accepts?.[path] ?? [];
    const wrong = [123, -1.5, true, null, [], {}, 'text'].filter((v) => kind(v) !== kind(value));
    const sameKind = typeof value === 'string' ? [HUGE, '', 'ab\u0000cd'] : typeof value === 'number' ? BAD_NUMBERS : [];
    for (const bad of [...wrong, ...sameKind]) {
      if (accepted.some((a) => Object.is(a, bad))) continue;
      cases.push([`${path} = ${show(bad)}`, withField(valid, path, bad)]);
    }
  }
  for (const path of entry.dates ?? []) {
    for (const bad of BAD_DATES) cases.push([`${path} = ${bad}`, withField(valid, path, bad)]);
  }
  cases.push(...(entry.more?.(f) ?? []));
  return cases;
}

/** Leaf fields (and the objects holding them), as dotted paths. */
function leaves(value: Payload, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]): [string, unknown][] => {
    const path = prefix + key;
    return kind(v) === 'object' ? [[path, v], ...leaves(v as Payload, `${path}.`)] : [[path, v]];
  });
}

function withField(payload: Payload, path: string, value: unknown): Payload {
  const [head, ...rest] = path.split('.');
  const copy: Payload = { ...payload };
  if (rest.length) copy[head] = withField(payload[head] as Payload, rest.join('.'), value);
  else if (value === undefined) delete copy[head];
  else copy[head] = value;
  return copy;
}

function kind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** Every row of every table (whatever tables later migrations add). */
async function snapshotTables(world: World): Promise<Record<string, unknown[]>> {
  const names = await world.testDb.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables: Record<string, unknown[]> = {};
  for (const { name } of names) tables[name] = await world.testDb.db.query(`SELECT * FROM "${name}" ORDER BY 1`);
  return tables;
}

/** What is wrong with an answer to a bad payload, or null when it is the refusal we want. */
function problemWith(result: ApiResult<unknown>, allowed: string[] = ['INVALID_INPUT']): string | null {
  if (result.ok) return 'accepted';
  const { code, message, issues } = result.error;
  if (!allowed.includes(code)) return `answered ${code}: ${message}`;
  if (!CHINESE.test(message)) return `message not in Chinese: ${message}`;
  if (code === 'INVALID_INPUT') {
    if (!issues?.length) return 'no issues listed';
    const notChinese = issues.find((i) => !CHINESE.test(i.message));
    if (notChinese) return `issue not in Chinese: ${JSON.stringify(notChinese)}`;
  }
  return null;
}

async function buildFixture(world: World): Promise<Fixture> {
  await world.givenUser('worker-1');
  await world.givenUser('worker-2');
  const enterpriseId = await anApprovedHr(world, 'hr-1', { name: '上海咏姿时装有限公司', uscc: USCC.shanghai });
  await anApprovedHr(world, 'hr-2', { name: '深圳市某某物流有限公司', uscc: USCC.shenzhen });
  await world.givenUser('hr-3');
  const pendingClaim = await world.call('hr-3', 'enterprises.claim', { name: '杭州某某电子商务有限公司', uscc: USCC.hangzhou });
  const event = await world.call('staff-1', 'events.create', anEvent({ capacity: 20 }));
  await world.call('staff-1', 'events.publish', { id: event.id });
  const asking = await world.call('staff-1', 'events.create', anEvent({ title: '骑手送培训（报名问题）', questions: RIDER_QUESTIONS }));
  await world.call('staff-1', 'events.publish', { id: asking.id });
  const later = await world.call('staff-1', 'events.create', anEvent({ startAt: '2026-12-09T14:00:00+08:00', endAt: '2026-12-09T16:00:00+08:00' }));
  await world.call('staff-1', 'events.publish', { id: later.id });
  const draft = await world.call('staff-1', 'events.create', anEvent({ title: '还在筹备的招聘会', type: 'fair' }));
  const registration = await world.call('worker-1', 'registrations.create', { eventId: event.id, contact: contactOf(1) });
  const intent = await world.call('worker-1', 'intents.submit', anIntent());
  const report = await world.call('worker-1', 'memberReports.submit', aReport());
  await world.call('worker-3', 'intents.submit', anIntent());
  await world.call('worker-3', 'memberReports.submit', aReport());
  const fairId = await aFair(world);
  await joinedFair(world, 'hr-1', fairId);
  const secondFairId = await aFair(world, '春风行动·新就业群体专场招聘');
  const pendingParticipation = await world.call('hr-2', 'fairs.join', { eventId: secondFairId });
  const job = await world.call('hr-1', 'jobs.create', aJob({ eventId: fairId }));
  await world.call('hr-1', 'jobs.create', aJob({ eventId: fairId, title: '缝纫机修理工' }));
  const application = await world.call('worker-1', 'applications.create', { jobId: job.id, resume: aResume(1) });
  const guidance = await world.call('worker-1', 'guidance.request', { topic: '待业党员再就业咨询', preferredTimes: '周末上午', phone: '13800000001' });
  const needs = await needsInEveryState(world, 'hr-1');
  const needCursor = (await world.call('staff-1', 'needs.list', { limit: 1 })).nextCursor as string;
  const cursors = [
    (await world.call(null, 'jobs.search', { limit: 1 })).nextCursor,
    (await world.call('staff-1', 'events.list', { limit: 1 })).nextCursor,
    (await world.call('staff-1', 'intents.list', { limit: 1 })).nextCursor,
    (await world.call('staff-1', 'memberReports.list', { limit: 1 })).nextCursor,
  ];
  if (cursors.some((c) => !c)) throw new Error('fixture needs a second page of each list for a valid cursor');
  const [jobCursor, cursor, intentCursor, reportCursor] = cursors as string[];
  return {
    eventId: event.id,
    askingEventId: asking.id,
    draftId: draft.id,
    registrationId: registration.id,
    checkinToken: (await world.call('staff-1', 'checkins.eventCode', { eventId: event.id })).token,
    cursor,
    intentId: intent.id,
    reportId: report.id,
    intentCursor,
    reportCursor,
    enterpriseId,
    fairId,
    secondFairId,
    jobId: job.id,
    jobCursor,
    applicationId: application.id,
    guidanceId: guidance.id,
    pendingClaimId: pendingClaim.id,
    pendingParticipationId: pendingParticipation.id,
    ...(await noticesFor(world, event.id)),
    needs,
    needCursor,
    stationId: (await world.call('staff-1', 'stations.create', aStation())).id,
    ...(await signInFixtures(world, ['worker-1', 'worker-2', 'hr-1', 'hr-2', 'hr-3', 'staff-1', 'admin-1'])),
    census: await censusFixtures(world),
  };
}

// Each engine has its own ways to fail on odd text and dates, so both get the whole set.
describe.each(ENGINES)('malformed payloads on %s', (engine) => {
  let world: World;
  let fixture: Fixture;
  beforeAll(async () => {
    world = await makeWorld(engine, { demoSessions: sessions, sessions, wechat: wechatStandIn });
  });
  beforeEach(async () => {
    await world.reset();
    fixture = await buildFixture(world);
  });
  afterAll(() => world.close());

  it('has an entry for every action of the contract', () => {
    expect(ACTION_NAMES.filter((name) => !(name in TABLE))).toEqual([]);
  });

  describe('through dispatch', () => {
    it.each(ACTION_NAMES)('refuses every malformed %s payload with INVALID_INPUT and changes nothing', async (action) => {
      const entry = TABLE[action];
      expect(entry).toBeDefined();
      const cases = badPayloads(entry, fixture);
      await entry.before?.(world, fixture);
      const before = await snapshotTables(world);

      const failures: string[] = [];
      for (const [what, payload] of cases) {
        const problem = problemWith((await world.send(entry.caller, action, payload)) as ApiResult<unknown>);
        if (problem) failures.push(`${what}: ${problem}`);
      }

      expect(failures).toEqual([]);
      expect(await snapshotTables(world)).toEqual(before);
      // The payload the bad ones were built from is itself accepted, so each refusal is down to what was changed.
      expect(await world.send(entry.caller, action, entry.valid(fixture))).toMatchObject({ ok: true });
    });
  });

  describe('through HTTP', () => {
    let app: FastifyInstance;
    let base: string;
    beforeAll(async () => {
      app = await buildGateway({ deps: world.deps, sessions });
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    afterAll(() => app.close());

    async function post(action: string, openid: string | null, body: string, contentType = 'application/json') {
      const headers: Record<string, string> = { 'content-type': contentType };
      // Sessions opened with the fixture, before any snapshot: a sign-in is a write.
      if (openid) headers.authorization = `Bearer ${sessions.issue(openid, fixture.sessionOf[openid])}`;
      const response = await fetch(`${base}/api/${action}`, { method: 'POST', headers, body });
      return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as ApiResult<unknown> };
    }

    const raw = (f: Fixture): [ActionName, string | null, string, string][] => {
      const event = JSON.stringify(anEvent());
      return [
        ['events.create', 'staff-1', 'null', 'null'],
        ['events.create', 'staff-1', 'an array', '[]'],
        ['events.create', 'staff-1', 'a string', '"活动"'],
        ['events.create', 'staff-1', 'a number', '42'],
        ['events.create', 'staff-1', 'broken JSON', event.slice(0, -1)],
        ['events.create', 'staff-1', 'JSON with a trailing comma', event.replace(/}$/, ',}')],
        ['events.create', 'staff-1', 'title as a number', JSON.stringify({ ...anEvent(), title: 5 })],
        ['events.create', 'staff-1', 'start without offset', JSON.stringify({ ...anEvent(), startAt: '2026-12-08T14:00:00' })],
        ['events.create', 'staff-1', 'start 明天', JSON.stringify({ ...anEvent(), startAt: '明天' })],
        ['events.create', 'staff-1', 'capacity negative', JSON.stringify({ ...anEvent(), capacity: -5 })],
        ['events.create', 'staff-1', 'capacity huge', '{"type":"training","title":"培训","startAt":"2026-12-08T14:00:00+08:00","endAt":"2026-12-08T16:00:00+08:00","location":"党群服务中心","capacity":1e400}'],
        ['events.create', 'staff-1', 'an extra field', JSON.stringify({ ...anEvent(), createdBy: 'admin-1' })],
        ['events.create', 'staff-1', 'a __proto__ field', event.replace(/^{/, '{"__proto__":{"status":"published"},')],
        ['registrations.create', 'worker-2', 'contact missing', JSON.stringify({ eventId: f.eventId })],
        ['registrations.create', 'worker-2', 'contact as a string', JSON.stringify({ eventId: f.eventId, contact: '王师傅 13800000002' })],
        ['registrations.create', 'worker-2', 'someone else claimed', JSON.stringify({ eventId: f.eventId, contact: contactOf(2), openid: 'worker-1' })],
        ['users.grantRole', 'admin-1', 'role hr', JSON.stringify({ openid: 'worker-2', role: 'hr' })],
        ['intents.submit', 'worker-2', 'consent as a string', JSON.stringify({ ...anIntent(), consent: 'true' })],
        ['intents.submit', 'worker-2', 'birth month as a number', JSON.stringify({ ...anIntent(), birthMonth: 200105 })],
        ['memberReports.submit', 'worker-2', 'wish missing', JSON.stringify({ ...aReport(), wish: undefined })],
        ['events.list', null, 'limit as text', '{"limit":"10"}'],
        ['events.list', null, 'a tampered cursor', JSON.stringify({ cursor: Buffer.from('["1","x"]').toString('base64url') })],
        ['me.get', 'worker-1', 'an extra field', '{"openid":"admin-1"}'],
        ['enterprises.claim', 'worker-2', 'a code with a wrong check character', JSON.stringify({ name: '北京中关村某某科技有限公司', uscc: '91110108551385082R' })],
        ['jobs.search', null, 'salary as text', '{"salaryAtLeast":"5000"}'],
        ['jobs.create', 'hr-1', 'headcount as text', JSON.stringify({ ...aJob(), headcount: '10' })],
        ['applications.create', 'worker-2', 'age as text', JSON.stringify({ jobId: f.jobId, resume: { ...aResume(2), age: '30' } })],
        ['applications.mark', 'hr-1', 'an interview without a time', JSON.stringify({ id: f.applicationId, status: 'interview', interview: { place: '人事部' } })],
      ];
    };

    it('answers 400 INVALID_INPUT in our JSON shape and changes nothing', async () => {
      const before = await snapshotTables(world);
      const failures: string[] = [];
      for (const [action, openid, what, body] of raw(fixture)) {
        const { status, type, json } = await post(action, openid, body);
        const problem = problemWith(json) ?? (status === 400 ? null : `status ${status}`);
        if (problem) failures.push(`${action} with ${what}: ${problem}`);
        expect(type).toMatch(/^application\/json/);
      }
      expect(failures).toEqual([]);
      expect(await snapshotTables(world)).toEqual(before);
    });

    it('answers 413 PAYLOAD_TOO_LARGE to a field of 100,000 characters and changes nothing', async () => {
      const before = await snapshotTables(world);
      for (const [action, openid, body] of [
        ['events.create', 'staff-1', JSON.stringify({ ...anEvent(), description: HUGE })],
        ['registrations.create', 'worker-2', JSON.stringify({ eventId: fixture.eventId, contact: { name: HUGE, phone: '13800000002' } })],
        ['auth.demoLogin', null, JSON.stringify({ openid: HUGE })],
        // A logo may be bigger than other bodies, but not without end.
        ['enterprises.update', 'hr-1', JSON.stringify({ id: fixture.enterpriseId, logo: { mime: 'image/jpeg', data: HUGE.repeat(2) } })],
      ] as const) {
        const { status, json } = await post(action, openid, body);
        expect([action, status, problemWith(json, ['PAYLOAD_TOO_LARGE'])]).toEqual([action, 413, null]);
      }
      expect(await snapshotTables(world)).toEqual(before);
    });
  });
});
