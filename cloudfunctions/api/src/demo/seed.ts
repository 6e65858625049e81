/**
 * Demo data for `npm start`: the four personas and a few weeks of events whose titles come from the article's own activities.
 * Every item has a fixed id and is skipped when present, so a second start never seeds twice.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Audience, EventType } from '@shared/events';
import type { Role } from '@shared/users';
import type { Answers, Question } from '@shared/questions';
import type { Repositories, EventRecord } from '../core/ports';
import { decideSeat } from '../registrations/seats';
import { searchTermsOf } from '../recruitment/jobs';
import { decideParticipationRule } from '../recruitment/rules';
import { seedNotices } from './notices';
import { seedCensus } from './census';
import { seedStations } from './stations';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEMO_PERSONAS: { openid: string; roles: Role[]; label: string }[] = [
  { openid: 'demo-worker', roles: ['worker'], label: '新就业群体（外卖骑手）' },
  { openid: 'demo-hr', roles: ['hr'], label: '企业人事负责人（上海咏姿时装有限公司）' },
  { openid: 'demo-staff', roles: ['staff'], label: '综合党委工作人员' },
  { openid: 'demo-admin', roles: ['admin'], label: '管理员' },
];

export const DEMO_ENTERPRISE = { id: 'demo-ent-yongzi', name: '上海咏姿时装有限公司', uscc: '91310117MA1J3YX204' };

/** Enterprises named in the article, with made-up codes that pass the GB 32100-2015 checksum. */
const DEMO_ENTERPRISES = [
  { ...DEMO_ENTERPRISE, industry: '服装制造', size: 'medium', intro: '“山间咏汇”党群服务站所在企业，党的建设与企业发展“双提升”。' },
  { id: 'demo-ent-quanlan', name: '上海全澜科技有限公司', uscc: '91310117MA1K4AB30Q', industry: '软件和信息技术', size: 'small', intro: '在联合党组织帮带下单独成立党支部的科技企业。' },
  { id: 'demo-ent-jiechi', name: '上海洁驰清洁设备有限公司', uscc: '91310117MA1L5CD40X', industry: '清洁设备制造', size: 'small', intro: '佘山镇智能制造产业集群企业。' },
];

const DEMO_JOBS = [
  { id: 'demo-job-sewing', enterpriseId: 'demo-ent-yongzi', eventId: 'demo-fair-aid', title: '服装缝纫工', category: 'manufacturing', salaryMin: 6000, salaryMax: 8500, headcount: 10, place: '佘山镇工业园区咏姿厂区', requirements: '有缝纫经验优先，可培训上岗', benefits: ['social_insurance', 'room_board', 'training'] },
  { id: 'demo-job-qc', enterpriseId: 'demo-ent-yongzi', eventId: 'demo-fair-aid', title: '质检员', category: 'manufacturing', salaryMin: 5500, salaryMax: 7000, headcount: 3, place: '佘山镇工业园区咏姿厂区', requirements: '细心负责，高中及以上学历', benefits: ['social_insurance', 'weekends'] },
  { id: 'demo-job-driver', enterpriseId: 'demo-ent-yongzi', eventId: null, title: '厂区货车司机', category: 'driving', salaryMin: 7000, salaryMax: 9000, headcount: 2, place: '佘山镇工业园区咏姿厂区', requirements: 'C1 及以上驾照，三年以上驾龄', benefits: ['social_insurance', 'career_change'] },
  { id: 'demo-job-ops', enterpriseId: 'demo-ent-quanlan', eventId: null, title: '设备运维专员', category: 'tech', salaryMin: null, salaryMax: null, headcount: 2, place: '佘山镇科创园', requirements: '机电相关专业，愿意学习', benefits: ['social_insurance', 'training', 'bonus'] },
  { id: 'demo-job-assembly', enterpriseId: 'demo-ent-jiechi', eventId: null, title: '清洁设备装配工', category: 'manufacturing', salaryMin: 6500, salaryMax: 8000, headcount: 6, place: '佘山镇洁驰厂区', requirements: '适合外卖骑手、快递员转岗', benefits: ['social_insurance', 'room_board', 'career_change', 'part_time'] },
] as const;

interface DemoEvent {
  id: string;
  type: EventType;
  title: string;
  description: string;
  location: string;
  /** Days from today and the local (Asia/Shanghai) start hour. */
  day: number;
  hour: number;
  hours: number;
  capacity: number;
  audience?: Audience;
  waitlist?: boolean;
  draft?: boolean;
  questions?: Question[];
}

/** What the 送培训 asks riders at sign-up, to plan the day (the platform's station, members among them, what they need). */
const RIDER_QUESTIONS: Question[] = [
  { id: 'platform', kind: 'single', label: '所在平台', required: true, options: ['美团', '饿了么', '顺丰', '京东', '其他'] },
  { id: 'member', kind: 'single', label: '是否党员', required: true, options: ['是', '否'] },
  { id: 'needs', kind: 'multi', label: '需要的服务', required: false, options: ['技能等级认定', '劳动权益咨询', '电动车检修', '免费体检'] },
  { id: 'years', kind: 'number', label: '从业年限（年）', required: false },
];

/** The seeded riders' answers, one per person, so the staff list and the export show some. */
const RIDER_ANSWERS: Answers[] = [
  { platform: '美团', member: '是', needs: ['技能等级认定', '免费体检'], years: 3 },
  { platform: '顺丰', member: '否', needs: ['劳动权益咨询'] },
];

const EVENTS: DemoEvent[] = [
  { id: 'demo-fair-aid', type: 'fair', title: '就业援助月·“两新”企业专场招聘会', description: '镇内名优“两新”企业现场招聘，提供就业创业指导，帮助分析岗位要求、选择合适岗位。待业党员优先对接。', location: '佘山镇社区事务受理服务中心一楼大厅', day: 3, hour: 9, hours: 3, capacity: 200 },
  { id: 'demo-fair-spring', type: 'fair', title: '春风行动·新就业群体专场招聘', description: '面向外卖骑手、快递员、网约车司机等新就业群体的专场招聘，现场提供岗位咨询与简历指导。', location: '佘山镇党群服务中心二楼多功能厅', day: 10, hour: 14, hours: 3, capacity: 150 },
  { id: 'demo-fair-campus', type: 'fair', title: '名优企业进高校·云招聘直播', description: '通过微信公众号直播开展线上“云招聘”，园区企业人事负责人在线介绍岗位、答疑。', location: '线上（佘山镇微信公众号直播间）', day: 17, hour: 19, hours: 2, capacity: 500 },
  { id: 'demo-training-rider', type: 'training', title: '送培训：骑手交通安全与职业技能培训', description: '“送培训、送政策、送服务”系列活动，讲解道路交通安全、职业技能等级认定与劳动权益保障。', location: '佘山镇新就业群体暖心驿站', day: 5, hour: 15, hours: 2, capacity: 40, questions: RIDER_QUESTIONS },
  { id: 'demo-training-cluster', type: 'training', title: '产业集群党建高质量发展研修班', description: '围绕“党组织工作如何与‘两新’组织高质量发展有机结合”开展专题座谈，面向“两新”组织党支部书记和企业代表。', location: '佘山镇综合党委会议室', day: 12, hour: 9, hours: 4, capacity: 40, audience: 'enterprises' },
  { id: 'demo-policy-xiaoer', type: 'policy', title: '金牌“店小二”企业人才政策宣讲', description: '金牌“店小二”服务团队解读企业引才留才政策、人才公寓与补贴申报流程。', location: '佘山镇“1+4”人才服务点', day: 7, hour: 14, hours: 2, capacity: 60, audience: 'enterprises' },
  { id: 'demo-policy-jobs', type: 'policy', title: '稳岗就业与灵活就业社保政策宣讲', description: '讲解灵活就业人员社保缴纳、就业补贴与技能提升补贴政策，现场答疑。', location: '佘山镇党群服务中心一楼报告厅', day: 14, hour: 10, hours: 2, capacity: 30, waitlist: false },
  { id: 'demo-salon-friday', type: 'salon', title: '周五人才会客厅：新就业群体职业发展分享', description: '“周五人才会客厅”镇级人才服务品牌活动，邀请优秀骑手、快递员分享职业发展经历，小范围交流。', location: '佘山镇人才服务点会客厅', day: 4, hour: 18, hours: 2, capacity: 5 },
  { id: 'demo-salon-shanlu', type: 'salon', title: '“聚创山麓”青年人才沙龙', description: '面向园区青年人才的交流沙龙，围绕项目对接、经营管理、技术支撑开展分享。', location: '佘山镇“聚创山麓”人才驿站', day: 19, hour: 14, hours: 3, capacity: 30 },
  { id: 'demo-service-health', type: 'service', title: '送服务进企业：“山间咏汇”健康咨询', description: '在“山间咏汇”党群服务站开展健康咨询、妇联服务、人才服务等多元服务。', location: '上海咏姿时装有限公司“山间咏汇”党群服务站', day: 6, hour: 13, hours: 3, capacity: 50 },
  { id: 'demo-service-station', type: 'service', title: '暖心驿站送服务：免费理发与手机贴膜', description: '为快递员、外卖骑手提供免费理发、手机贴膜、饮水休息等暖心服务。', location: '佘山镇新就业群体暖心驿站', day: 9, hour: 10, hours: 4, capacity: 20 },
  { id: 'demo-draft-advice', type: 'salon', title: '“我为企业献一策”座谈会', description: '征集“两个覆盖”推进改进措施、企业引才留才需求与发展瓶颈问题，欢迎企业代表和新就业群体代表参加。', location: '佘山镇综合党委会议室', day: 21, hour: 14, hours: 2, capacity: 30, draft: true },
];

export interface SeedResult {
  createdEvents: number;
}

export async function seedDemo(repos: Repositories, now: Date, newId: () => string): Promise<SeedResult> {
  const nowIso = now.toISOString();
  // A persona already present keeps whatever roles an admin has given it since.
  for (const p of DEMO_PERSONAS) {
    if (await repos.users.get(p.openid)) continue;
    await repos.users.ensure(p.openid, nowIso);
    await repos.users.setRoles(p.openid, p.roles, nowIso);
    if (p.roles.includes('hr')) {
      await seedEnterprises(repos, nowIso);
      await repos.users.bindEnterprise(p.openid, DEMO_ENTERPRISE, nowIso);
    }
  }

  const today = dayjs(now).tz('Asia/Shanghai').startOf('day');
  let createdEvents = 0;
  for (const e of EVENTS) {
    if (await repos.events.get(e.id)) continue;
    const start = today.add(e.day, 'day').hour(e.hour);
    const record: EventRecord = {
      id: e.id,
      type: e.type,
      title: e.title,
      description: e.description,
      startAt: start.toISOString(),
      endAt: start.add(e.hours, 'hour').toISOString(),
      location: e.location,
      capacity: e.capacity,
      signupDeadline: start.subtract(1, 'day').hour(18).toISOString(),
      waitlist: e.waitlist ?? true,
      audience: e.audience ?? 'all',
      questions: e.questions ?? [],
      status: e.draft ? 'draft' : 'published',
      cancelReason: null,
      publishedAt: e.draft ? null : nowIso,
      createdBy: 'demo-staff',
      createdAt: nowIso,
      updatedAt: nowIso,
      confirmedCount: 0,
      waitlistCount: 0,
    };
    await repos.events.insert(record);
    createdEvents += 1;
  }
  if (createdEvents) {
    await seedRegistrations(repos, nowIso, newId);
    await seedFairAndJobs(repos, nowIso, newId);
  }
  // After the events: the notices link the policy talks.
  await seedNotices(repos, nowIso);
  // After the enterprises: the census extends them and adds the rest of the register.
  await seedCensus(repos, now);
  await seedStations(repos, nowIso, DEMO_ENTERPRISE.id);
  return { createdEvents };
}

async function seedEnterprises(repos: Repositories, now: string): Promise<void> {
  for (const e of DEMO_ENTERPRISES) {
    const { id, name, uscc, industry, size, intro } = e;
    await repos.enterprises.ensure({ id, name, uscc, industry: null, size: null, address: null, contactName: null, contactPhone: null, intro: null, logo: null, verified: false }, now);
    await repos.enterprises.update(id, { industry, size, intro, address: '上海市松江区佘山镇', verified: true }, now);
  }
}

/** The HR persona's enterprise takes part in the aid-month fair with two jobs; a few standing jobs besides. */
async function seedFairAndJobs(repos: Repositories, now: string, newId: () => string): Promise<void> {
  const joined = await repos.enterprises.joinFair({ id: newId(), eventId: 'demo-fair-aid', enterpriseId: DEMO_ENTERPRISE.id, status: 'pending', createdAt: now });
  if (joined.status === 'pending') {
    await repos.enterprises.changeParticipation(joined.id, now, decideParticipationRule({ approve: true, reason: null, by: 'demo-staff' }));
  }
  for (const j of DEMO_JOBS) {
    const enterprise = DEMO_ENTERPRISES.find((e) => e.id === j.enterpriseId);
    const existing = await repos.jobs.get(j.id);
    if (existing) {
      // Search terms are computed on every write; a demo job seeded by an older version gets today's terms
      // (category names and synonyms such as 骑手) on start, its updatedAt left as it was.
      await repos.jobs.update(j.id, {}, searchTermsOf(existing), existing.updatedAt);
      continue;
    }
    const record = { ...j, benefits: [...j.benefits], district: 'sheshan', status: 'open' as const, createdBy: 'demo-hr', createdAt: now, updatedAt: now };
    await repos.jobs.insert(record, searchTermsOf({ ...record, enterpriseName: enterprise?.name ?? '' }));
  }
}

/** A few people already signed up, so staff lists and seat counts are not empty; the salon is one seat from full. */
async function seedRegistrations(repos: Repositories, now: string, newId: () => string): Promise<void> {
  const people = [
    { openid: 'demo-rider-wang', name: '王师傅', phone: '13800000011' },
    { openid: 'demo-courier-li', name: '李小燕', phone: '13900000022' },
    { openid: 'demo-driver-zhang', name: '张建国', phone: '13700000033' },
    { openid: 'demo-seeker-chen', name: '陈晓', phone: '13600000044' },
  ];
  const plan: [string, number][] = [
    ['demo-salon-friday', 4],
    ['demo-fair-aid', 3],
    ['demo-training-rider', 2],
  ];
  for (const [eventId, count] of plan) {
    for (const [n, person] of people.slice(0, count).entries()) {
      await repos.users.ensure(person.openid, now);
      await repos.users.saveContact(person.openid, person, now);
      await repos.registrations.register({
        id: newId(),
        eventId,
        openid: person.openid,
        contact: { name: person.name, phone: person.phone },
        answers: eventId === 'demo-training-rider' ? RIDER_ANSWERS[n] : {},
        now,
        decide: (event, existing) => decideSeat(event, existing, now),
      });
    }
  }
}
