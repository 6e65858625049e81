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
import { anEvent, contactOf, makeWorld, type World } from './support/world';

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
    valid: () => ({ ...anEvent(), signupDeadline: '2026-12-07T18:00:00+08:00', waitlist: true, audience: 'all' }),
    required: ['type', 'title', 'startAt', 'endAt', 'location', 'capacity'],
    dates: ['startAt', 'endAt', 'signupDeadline'],
    accepts: { signupDeadline: [null], description: [''] },
    more: () => eventCases(),
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
    valid: (f) => ({ eventId: f.eventId, contact: contactOf(2) }),
    required: ['eventId', 'contact', 'contact.name', 'contact.phone'],
    more: (f) => [
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
      ['a logo over 40 KB', { id: f.enterpriseId, logo: { mime: 'image/png', data: 'A'.repeat(60_000) } }],
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

  'partyOrgs.list': { caller: 'staff-1', valid: () => ({}), required: [] },
  'outbox.list': {
    caller: 'staff-1',
    valid: () => ({ openid: 'worker-1' }),
    required: [],
    more: () => [['openid too short', { openid: 'ab' }], ['openid in Chinese', { openid: '王师傅' }]],
  },

  'users.list': { caller: 'admin-1', valid: () => ({ role: 'staff' }), required: [], more: () => [['role hr', { role: 'hr' }]] },
  'users.grantRole': { caller: 'admin-1', valid: () => ({ openid: 'worker-2', role: 'staff' }), required: ['openid', 'role'], more: roleCases },
  'users.revokeRole': { caller: 'admin-1', valid: () => ({ openid: 'staff-1', role: 'staff' }), required: ['openid', 'role'], more: roleCases },
};

function idCases(field: string): () => [string, unknown][] {
  return () => [
    [`${field} empty`, { [field]: '' }],
    [`${field} over 64 characters`, { [field]: 'a'.repeat(65) }],
    [`${field} with SQL in it`, { [field]: "x' OR '1'='1" }],
    [`${field} with a path in it`, { [field]: '../events' }],
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
    draftId: draft.id,
    registrationId: registration.id,
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
  };
}

// Each engine has its own ways to fail on odd text and dates, so both get the whole set.
describe.each(ENGINES)('malformed payloads on %s', (engine) => {
  let world: World;
  let fixture: Fixture;
  beforeAll(async () => {
    world = await makeWorld(engine, { demoSessions: sessions });
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
      if (openid) headers.authorization = `Bearer ${sessions.issue(openid)}`;
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
      ] as const) {
        const { status, json } = await post(action, openid, body);
        expect([action, status, problemWith(json, ['PAYLOAD_TOO_LARGE'])]).toEqual([action, 413, null]);
      }
      expect(await snapshotTables(world)).toEqual(before);
    });
  });
});
