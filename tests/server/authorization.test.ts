/**
 * Who may call what, over every action of the contract and every kind of caller. The access level comes from the
 * contract; what each level admits is stated here a second time, on purpose, as a table over the personas: loosening
 * a level in dispatch fails here, and a new action without an entry fails here too. Each entry also names the
 * refusals its use case adds once it has read the record (another enterprise's job does not exist for an HR contact).
 */
import { isDeepStrictEqual } from 'node:util';
import { ACCESS_LEVELS, ACTION_NAMES, contract, type Access, type ActionName } from '@shared/contract';
import type { IntentSubmitInput, ReportSubmitInput } from '@shared/intents';
import type { ApiResult, ErrorCode } from '@shared/result';
import { createSessions } from '../../cloudfunctions/api/src/http/sessions';
import { aFair, aJob, anApprovedHr, anInterview, aResume, joinedFair, USCC } from './support/recruitment';
import { anEvent, contactOf, makeWorld, T0, type World } from './support/world';
import { anOrg, censusFixtures, type CensusFixture } from './support/orgs';
import { aNotice, noticesFor } from './support/notices';
import { aNeedText, aStation, needsInEveryState } from './support/needs';
import { signInFixtures, wechatStandIn } from './support/sessions';

/** `hr` is the approved HR contact of the enterprise owning the fixture's job; `otherHr` of another one; `pendingHr` has only claimed. */
type Caller = 'anonymous' | 'worker' | 'hr' | 'otherHr' | 'pendingHr' | 'staff' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'worker', 'hr', 'otherHr', 'pendingHr', 'staff', 'admin'];
const OPENID: Record<Caller, string | null> = {
  anonymous: null,
  worker: 'worker-1',
  hr: 'hr-1',
  otherHr: 'hr-2',
  pendingHr: 'hr-3',
  staff: 'staff-1',
  admin: 'admin-1',
};

/**
 * Ids that exist in every test: a published event, a draft, and a registration, intent and report of each logged-in
 * caller; hr-1's enterprise with a job at a fair both enterprises take part in, worker-1's application for it and
 * guidance request, hr-3's pending claim, and hr-2's pending request for a second fair.
 */
interface Fixture {
  eventId: string;
  draftId: string;
  registrationOf: Record<string, string>;
  intentOf: Record<string, string>;
  reportOf: Record<string, string>;
  enterpriseId: string;
  fairId: string;
  secondFairId: string;
  jobId: string;
  applicationId: string;
  guidanceId: string;
  pendingClaimId: string;
  pendingParticipationId: string;
  /** A published notice linking the event, and a draft notice. */
  noticeId: string;
  draftNoticeId: string;
  /** hr-1's needs in each state, and a station. */
  needs: { submittedNeedId: string; assignedNeedId: string; closedNeedId: string };
  stationId: string;
  /** A live gateway session of each logged-in caller, and a desktop's pending sign-in ticket. */
  sessionOf: Record<string, string>;
  ticket: { id: string; secret: string };
  /** A registered organisation, a census sheet and a preview of it. */
  census: CensusFixture;
}

interface Entry {
  /** A valid payload; `openid` is the caller's, so each caller can act on their own records. */
  payload: (f: Fixture, openid: string | null) => unknown;
  /** Makes the payload valid for this caller (one open intent per person: withdraw it before submitting again). */
  before?: (world: World, f: Fixture, openid: string) => Promise<void>;
  /** Callers the access level lets through and the use case refuses, with the code they get. */
  refuses?: Partial<Record<Caller, ErrorCode>>;
}

/** Acting for an enterprise: another enterprise's contact is told the record does not exist. */
const OWNING_HR_ONLY: Entry['refuses'] = { otherHr: 'NOT_FOUND' };
/** An applicant's résumé and phone: the owning HR contact and staff; for another enterprise's contact they do not exist. */
const OWNING_HR_AND_STAFF: Entry['refuses'] = { otherHr: 'NOT_FOUND' };

/** Within the check-in window of the fixture's event (anEvent: 8 Dec 14:00–16:00 Shanghai). */
const DURING_EVENT = '2026-12-08T13:30:00+08:00';

const own = (records: Record<string, string>, openid: string | null) => records[openid ?? 'worker-1'];

/** Codes of the event day a `before` fetches for the payload that follows it (a ticket, the event's check-in token). */
const dayOf = { ticketCode: 'ABCD2345', checkinToken: 'AAAAAAAAAAA' };

const TABLE: Record<ActionName, Entry> = {
  'auth.demoLogin': { payload: () => ({ openid: 'rider-new' }) },
  'auth.wxLogin': { payload: () => ({ code: '081AbcDef' }) },
  'auth.qrTicket': { payload: () => ({}) },
  'auth.qrScan': { payload: (f) => ({ ticketId: f.ticket.id }) },
  'auth.qrConfirm': { payload: (f) => ({ ticketId: f.ticket.id }) },
  'auth.qrPoll': { payload: (f) => ({ ticketId: f.ticket.id, secret: f.ticket.secret }) },
  'sessions.mine': { payload: () => ({}) },
  'sessions.revoke': { payload: (f, openid) => ({ id: f.sessionOf[openid ?? 'worker-1'] }) },
  'sessions.list': { payload: () => ({ openid: 'worker-1' }) },
  'sessions.revokeAny': { payload: (f) => ({ id: f.sessionOf['worker-1'] }) },
  'me.get': { payload: () => ({}) },
  'events.list': { payload: () => ({ type: 'training', limit: 10 }) },
  'events.get': { payload: (f) => ({ id: f.eventId }) },
  'events.create': { payload: () => anEvent() },
  'events.update': { payload: (f) => ({ id: f.eventId, title: '骑手职业技能培训（第二期）' }) },
  'events.publish': { payload: (f) => ({ id: f.draftId }) },
  'events.cancel': { payload: (f) => ({ id: f.eventId, reason: '场地临时调整' }) },
  'registrations.create': { payload: (f) => ({ eventId: f.eventId, contact: contactOf(7) }) },
  'registrations.cancel': {
    payload: (f, openid) => ({ id: f.registrationOf[openid ?? 'worker-1'] }),
  },
  'registrations.mine': { payload: () => ({}) },
  'registrations.listByEvent': { payload: (f) => ({ eventId: f.eventId }) },
  'registrations.checkIn': {
    payload: (f) => ({ id: f.registrationOf['worker-1'] }),
    before: async (world) => world.setNow(DURING_EVENT),
  },
  'checkins.undo': {
    payload: (f) => ({ registrationId: f.registrationOf['worker-1'] }),
    before: async (world, f) => {
      world.setNow(DURING_EVENT);
      await world.call('staff-1', 'registrations.checkIn', { id: f.registrationOf['worker-1'] });
    },
  },
  'registrations.ticket': { payload: (f, openid) => ({ registrationId: own(f.registrationOf, openid) }) },
  'checkins.scan': {
    payload: (f) => ({ eventId: f.eventId, code: dayOf.ticketCode }),
    before: async (world, f) => {
      world.setNow(DURING_EVENT);
      dayOf.ticketCode = (await world.call('worker-1', 'registrations.ticket', { registrationId: f.registrationOf['worker-1'] })).code;
    },
  },
  'checkins.eventCode': { payload: (f) => ({ eventId: f.eventId }) },
  'checkins.self': {
    payload: (f) => ({ eventId: f.eventId, token: dayOf.checkinToken }),
    before: async (world, f) => {
      world.setNow(DURING_EVENT);
      dayOf.checkinToken = (await world.call('staff-1', 'checkins.eventCode', { eventId: f.eventId })).token;
    },
  },
  'events.attendance': { payload: (f) => ({ eventId: f.eventId }) },

  'intents.submit': {
    payload: () => anIntent(),
    before: async (world, f, openid) => void (await world.call(openid, 'intents.withdraw', { id: f.intentOf[openid] })),
  },
  'intents.mine': { payload: () => ({}) },
  'intents.update': { payload: (f, openid) => ({ id: own(f.intentOf, openid), employer: '饿了么佘山站' }) },
  'intents.withdraw': { payload: (f, openid) => ({ id: own(f.intentOf, openid) }) },
  'intents.list': { payload: () => ({ status: 'submitted', limit: 10 }) },
  'intents.get': { payload: (f) => ({ id: f.intentOf['worker-1'] }) },
  'intents.advance': { payload: (f) => ({ id: f.intentOf['worker-1'], to: 'contacted', note: '电话联系，约周五面谈' }) },
  'intents.assign': { payload: (f) => ({ id: f.intentOf['worker-1'], orgId: 'org-joint-sheshan' }) },
  'intents.stats': { payload: () => ({}) },

  'memberReports.submit': {
    payload: () => aReport(),
    before: async (world, f, openid) => void (await world.call(openid, 'memberReports.withdraw', { id: f.reportOf[openid] })),
  },
  'memberReports.mine': { payload: () => ({}) },
  'memberReports.withdraw': { payload: (f, openid) => ({ id: own(f.reportOf, openid) }) },
  'memberReports.list': { payload: () => ({ limit: 10 }) },
  'memberReports.get': { payload: (f) => ({ id: f.reportOf['worker-1'] }) },
  'memberReports.advance': { payload: (f) => ({ id: f.reportOf['worker-1'], to: 'contacted' }) },

  'enterprises.claim': {
    payload: () => ({ name: '北京中关村某某科技有限公司', uscc: USCC.beijing }),
    refuses: { hr: 'INVALID_TRANSITION', otherHr: 'INVALID_TRANSITION', pendingHr: 'ALREADY_SUBMITTED' },
  },
  'enterprises.mine': { payload: () => ({}) },
  'enterprises.get': { payload: (f) => ({ id: f.enterpriseId }) },
  'enterprises.update': {
    payload: (f) => ({ id: f.enterpriseId, industry: '服装制造', intro: '“山间咏汇”党群服务站所在企业' }),
    refuses: OWNING_HR_ONLY,
  },
  'enterprises.claims': { payload: () => ({ status: 'pending' }) },
  'enterprises.decideClaim': { payload: (f) => ({ id: f.pendingClaimId, approve: true }) },

  'fairs.join': { payload: (f) => ({ eventId: f.secondFairId }) },
  'fairs.enterprises': { payload: (f) => ({ eventId: f.fairId }) },
  'fairs.requests': { payload: (f) => ({ eventId: f.secondFairId, status: 'pending' }) },
  'fairs.decide': { payload: (f) => ({ id: f.pendingParticipationId, approve: true }) },
  'fairs.stats': { payload: (f) => ({ eventId: f.fairId }) },

  'jobs.create': { payload: (f) => aJob({ eventId: f.fairId, title: '质检员' }) },
  'jobs.update': { payload: (f) => ({ id: f.jobId, headcount: 12 }), refuses: OWNING_HR_ONLY },
  'jobs.setStatus': { payload: (f) => ({ id: f.jobId, status: 'closed' }), refuses: OWNING_HR_ONLY },
  'jobs.search': { payload: () => ({ keyword: '缝纫', district: 'sheshan' }) },
  'jobs.get': { payload: (f) => ({ id: f.jobId }) },
  'jobs.mine': { payload: () => ({}) },

  'applications.create': { payload: (f) => ({ jobId: f.jobId, resume: aResume(9) }) },
  'applications.mine': { payload: () => ({}) },
  // worker-1's application: nobody else may withdraw it, staff included.
  'applications.withdraw': {
    payload: (f) => ({ id: f.applicationId }),
    refuses: { hr: 'NOT_FOUND', otherHr: 'NOT_FOUND', pendingHr: 'NOT_FOUND', staff: 'NOT_FOUND', admin: 'NOT_FOUND' },
  },
  'applications.listByJob': { payload: (f) => ({ jobId: f.jobId }), refuses: OWNING_HR_AND_STAFF },
  'applications.mark': {
    payload: (f) => ({ id: f.applicationId, status: 'interview', interview: anInterview() }),
    refuses: OWNING_HR_AND_STAFF,
  },

  'guidance.request': {
    payload: () => ({ topic: '想从外卖骑手转岗做生产制造', preferredTimes: '工作日晚上', phone: '13800000099' }),
  },
  'guidance.mine': { payload: () => ({}) },
  'guidance.list': { payload: () => ({ status: 'open' }) },
  'guidance.answer': { payload: (f) => ({ id: f.guidanceId, answer: '已为您预约周三下午就业指导' }) },

  // HR contacts raise needs for their own enterprise (no orgId); staff name the organisation.
  'needs.create': {
    payload: (f, openid) => ({ category: 'recruitment', text: aNeedText, ...(openid?.startsWith('hr') ? {} : { orgId: f.enterpriseId }) }),
  },
  'needs.mine': { payload: () => ({}) },
  // A need's text may name people: its author's enterprise and staff only; for anyone else it does not exist.
  'needs.get': { payload: (f) => ({ id: f.needs.submittedNeedId }), refuses: { worker: 'NOT_FOUND', otherHr: 'NOT_FOUND', pendingHr: 'NOT_FOUND' } },
  'needs.list': { payload: () => ({ status: 'submitted', overdue: false }) },
  'needs.counts': { payload: () => ({}) },
  'needs.assign': { payload: (f) => ({ id: f.needs.submittedNeedId, department: '经发办' }) },
  'needs.advance': { payload: (f) => ({ id: f.needs.assignedNeedId, to: 'in_progress' }) },
  'needs.rate': { payload: (f) => ({ id: f.needs.closedNeedId, rating: 'satisfied', note: '很及时' }), refuses: OWNING_HR_ONLY },
  'needs.departments': { payload: () => ({}) },
  'needs.addDepartment': { payload: () => ({ name: '区人社局' }) },
  'needs.renameDepartment': { payload: () => ({ from: '综合党委', to: '镇综合党委' }) },
  'dashboard.figures': { payload: () => ({ from: '2026-07-01', to: '2026-12-31' }) },
  'exports.report': { payload: () => ({ from: '2026-07-01', to: '2026-12-31' }) },
  'stations.list': { payload: () => ({ near: { lat: 31.09, lng: 121.2 } }) },
  'stations.get': { payload: (f) => ({ id: f.stationId }) },
  'stations.create': { payload: () => aStation({ name: '佘山骑手驿站', services: ['rider_rest', 'water', 'charging'] }) },
  'stations.update': { payload: (f) => ({ id: f.stationId, hours: '每天 8:00–20:00' }) },

  'notices.list': { payload: () => ({ category: 'insurance', q: '社保', limit: 10 }) },
  'notices.get': { payload: (f) => ({ id: f.noticeId }) },
  'notices.create': { payload: (f) => aNotice({ eventIds: [f.eventId] }) },
  'notices.update': { payload: (f) => ({ id: f.noticeId, summary: '补贴按季度发放，请于每季度末前申请。' }) },
  'notices.publish': { payload: (f) => ({ id: f.draftNoticeId }) },
  'notices.withdraw': { payload: (f) => ({ id: f.noticeId }) },

  'orgs.list': { payload: () => ({ kind: 'economic', status: 'active', q: '服饰', limit: 10 }) },
  'orgs.get': { payload: (f) => ({ id: f.census.orgId }) },
  'orgs.create': { payload: () => anOrg(1) },
  'orgs.update': { payload: (f) => ({ id: f.census.orgId, employees: 25, coverage: 'joint', jointOrgId: 'org-joint-sheshan' }) },
  'orgs.grids': { payload: () => ({}) },
  'orgs.importPreview': { payload: (f) => ({ base64: f.census.sheet }) },
  'orgs.importApply': { payload: (f) => ({ previewId: f.census.previewId }) },
  'exports.orgs': { payload: () => ({}) },
  'visits.create': {
    payload: (f) => ({ orgId: f.census.orgId, date: '2026-11-30', findings: '企业经营正常', problems: [{ category: 'policy', text: '想了解稳岗补贴政策' }] }),
  },
  'visits.list': { payload: (f) => ({ orgId: f.census.orgId }) },

  'exports.registrations': { payload: (f) => ({ eventId: f.eventId }) },
  // An HR contact exports their own enterprise's applications; another enterprise's do not exist for them.
  'exports.applications': { payload: (f) => ({ fairId: f.fairId, enterpriseId: f.enterpriseId }), refuses: OWNING_HR_ONLY },
  'exports.intents': { payload: () => ({ full: true }) },
  'partyOrgs.list': { payload: () => ({}) },
  'outbox.list': { payload: () => ({ openid: 'worker-1' }) },

  'users.list': { payload: () => ({}) },
  'users.search': { payload: () => ({ q: '13800000011' }) },
  'users.grantRole': { payload: () => ({ openid: 'worker-2', role: 'staff' }) },
  'users.revokeRole': { payload: () => ({ openid: 'staff-2', role: 'staff' }) },
};

/** What each access level admits: true = served, false = refused by dispatch before the payload is read. */
const ADMITS: Record<Access, Record<Exclude<Caller, 'anonymous'>, boolean>> = {
  public: { worker: true, hr: true, otherHr: true, pendingHr: true, staff: true, admin: true },
  user: { worker: true, hr: true, otherHr: true, pendingHr: true, staff: true, admin: true },
  owner: { worker: true, hr: true, otherHr: true, pendingHr: true, staff: true, admin: true },
  hr: { worker: false, hr: true, otherHr: true, pendingHr: false, staff: false, admin: false },
  hrOrStaff: { worker: false, hr: true, otherHr: true, pendingHr: false, staff: true, admin: true },
  staff: { worker: false, hr: false, otherHr: false, pendingHr: false, staff: true, admin: true },
  admin: { worker: false, hr: false, otherHr: false, pendingHr: false, staff: false, admin: true },
};

/** The error a caller must get, or null when the action must go through. */
function expectedRefusal(action: ActionName, caller: Caller): ErrorCode | null {
  return accessRefusal(contract[action].access, caller) ?? TABLE[action].refuses?.[caller] ?? null;
}

function accessRefusal(access: Access, caller: Caller): 'UNAUTHENTICATED' | 'FORBIDDEN' | null {
  if (access === 'public') return null;
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  return ADMITS[access][caller] ? null : 'FORBIDDEN';
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

const aReport = (): ReportSubmitInput => ({
  name: '李建华',
  phone: '13900000021',
  homeOrg: '安徽省阜阳市某村党支部',
  employer: '顺丰速运佘山营业部',
  wish: 'flow',
  consent: true,
});

/** Every row of every table (whatever tables later migrations add), to show a refused call wrote nothing. */
async function snapshotTables(world: World): Promise<Record<string, unknown[]>> {
  const names = await world.testDb.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables: Record<string, unknown[]> = {};
  for (const { name } of names) tables[name] = await world.testDb.db.query(`SELECT * FROM "${name}" ORDER BY 1`);
  return tables;
}

describe('who may call each action', () => {
  let world: World;
  let fixture: Fixture;
  let pristine: Record<string, unknown[]> | null = null;
  beforeAll(async () => {
    const sessions = createSessions('authorization-test-secret-0123456789abcdef');
    world = await makeWorld('pglite', { demoSessions: sessions, sessions, wechat: wechatStandIn });
  });
  beforeEach(async () => {
    // Building the world is most of the time here, and only a call that wrote something needs a fresh one.
    if (pristine && isDeepStrictEqual(await snapshotTables(world), pristine)) return;
    await world.reset();
    fixture = await buildFixture(world);
    pristine = await snapshotTables(world);
  });
  // A `before` may move the clock; the next test starts from the fixture's time again.
  afterEach(() => world.setNow(T0.toISOString()));
  afterAll(() => world.close());

  it('has an entry for every action of the contract, and knows every access level the contract uses', () => {
    expect(ACTION_NAMES.filter((name) => !(name in TABLE))).toEqual([]);
    expect(ACTION_NAMES.filter((name) => !ACCESS_LEVELS.includes(contract[name].access))).toEqual([]);
    expect(Object.keys(ADMITS).sort()).toEqual([...ACCESS_LEVELS].sort());
  });

  it.each(ACTION_NAMES)('%s refuses a caller it does not admit before reading the payload', async (action) => {
    const probe = { __probe: 1 };
    for (const caller of CALLERS) {
      const refusal = accessRefusal(contract[action].access, caller);
      if (!refusal) continue;
      const result = (await world.send(OPENID[caller], action, probe)) as ApiResult<unknown>;
      expect(result).toEqual({ ok: false, error: { code: refusal, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    }
  });

  const cells = ACTION_NAMES.flatMap((action) => CALLERS.map((caller) => [action, caller] as const));

  it.each(cells)('%s called by %s is refused or served according to its access level', async (action, caller) => {
    const entry = TABLE[action];
    expect(entry).toBeDefined();
    const openid = OPENID[caller];
    const refusal = expectedRefusal(action, caller);
    if (!refusal && openid && entry.before) await entry.before(world, fixture, openid);
    const before = await snapshotTables(world);

    const result = (await world.send(openid, action, entry.payload(fixture, openid))) as ApiResult<unknown>;

    if (refusal) {
      expect(result).toMatchObject({ ok: false, error: { code: refusal, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
      expect(await snapshotTables(world)).toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: true });
    }
  });
});

async function buildFixture(world: World): Promise<Fixture> {
  await world.givenUser('worker-1');
  await world.givenUser('worker-2');
  await world.givenUser('staff-2', ['staff']);
  const enterpriseId = await anApprovedHr(world, 'hr-1', { name: '上海咏姿时装有限公司', uscc: USCC.shanghai });
  await anApprovedHr(world, 'hr-2', { name: '深圳市某某物流有限公司', uscc: USCC.shenzhen });
  await world.givenUser('hr-3');
  const pendingClaim = await world.call('hr-3', 'enterprises.claim', { name: '杭州某某电子商务有限公司', uscc: USCC.hangzhou });

  const event = await world.call('staff-1', 'events.create', anEvent({ capacity: 20 }));
  await world.call('staff-1', 'events.publish', { id: event.id });
  const draft = await world.call('staff-1', 'events.create', anEvent({ title: '还在筹备的招聘会', type: 'fair' }));

  const registrationOf: Record<string, string> = {};
  const intentOf: Record<string, string> = {};
  const reportOf: Record<string, string> = {};
  for (const [n, openid] of ['worker-1', 'hr-1', 'hr-2', 'hr-3', 'staff-1', 'admin-1'].entries()) {
    registrationOf[openid] = (await world.call(openid, 'registrations.create', { eventId: event.id, contact: contactOf(n + 1) })).id;
    intentOf[openid] = (await world.call(openid, 'intents.submit', anIntent())).id;
    reportOf[openid] = (await world.call(openid, 'memberReports.submit', aReport())).id;
  }

  const fairId = await aFair(world);
  await joinedFair(world, 'hr-1', fairId);
  await joinedFair(world, 'hr-2', fairId);
  const secondFairId = await aFair(world, '春风行动·新就业群体专场招聘');
  const pendingParticipation = await world.call('hr-2', 'fairs.join', { eventId: secondFairId });
  const job = await world.call('hr-1', 'jobs.create', aJob({ eventId: fairId }));
  const application = await world.call('worker-1', 'applications.create', { jobId: job.id, resume: aResume(1) });
  const guidance = await world.call('worker-1', 'guidance.request', { topic: '待业党员再就业咨询', preferredTimes: '周末上午', phone: '13800000001' });

  return {
    eventId: event.id,
    draftId: draft.id,
    registrationOf,
    intentOf,
    reportOf,
    enterpriseId,
    fairId,
    secondFairId,
    jobId: job.id,
    applicationId: application.id,
    guidanceId: guidance.id,
    pendingClaimId: pendingClaim.id,
    pendingParticipationId: pendingParticipation.id,
    ...(await noticesFor(world, event.id)),
    needs: await needsInEveryState(world, 'hr-1'),
    stationId: (await world.call('staff-1', 'stations.create', aStation())).id,
    ...(await signInFixtures(world, ['worker-1', 'hr-1', 'hr-2', 'hr-3', 'staff-1', 'admin-1'])),
    census: await censusFixtures(world),
  };
}
