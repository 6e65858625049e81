/** Chinese labels for every state and kind the UI shows, in one place. */
import type { QuestionKind } from './questions';
import type { Audience, EventStatus, EventType } from './events';
import type { RegistrationStatus } from './registrations';
import type { ScanResult } from './checkins';
import type { Coverage, ImportVerdict, OrgChangeSource, OrgKind, OrgStatus } from './orgs';
import type { Role } from './users';
import type { SessionVia } from './sessions';
import type {
  ApplicationStatus,
  Benefit,
  ClaimStatus,
  District,
  EnterpriseSize,
  GuidanceStatus,
  JobCategory,
  JobStatus,
} from './recruitment';
import type { Education, Gender, IntentStatus, Occupation, PoliticalStatus, ReportStatus, ReportWish } from './intents';
import type { NoticeCategory, NoticeStatus } from './notices';

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  fair: '招聘专场',
  training: '培训',
  policy: '政策宣讲',
  salon: '人才会客厅',
  service: '送服务',
};

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  all: '所有人',
  workers: '新就业群体',
  enterprises: '企业人事负责人',
};

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  attended: '已签到',
};

/** Kinds of sign-up question, as the event editor offers them. */
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { text: '填空', number: '数字', single: '单选', multi: '多选' };

export const ROLE_LABELS: Record<Role, string> = {
  worker: '新就业群体',
  hr: '企业人事负责人',
  staff: '工作人员',
  admin: '管理员',
};

/** What a staff scan of a ticket found, as the scanner page says it. */
export const SCAN_RESULT_LABELS: Record<ScanResult, string> = {
  checked_in: '签到成功',
  already: '已签到',
  waitlisted: '候补中',
  cancelled: '已取消',
  other_event: '不是本活动',
  not_found: '未找到',
  outside_window: '不在签到时间',
};

/** "候补第 N 位" for a waitlisted registration, the plain label otherwise. */
export function registrationLabel(status: RegistrationStatus, position: number | null): string {
  if (status === 'waitlisted' && position) return `候补第 ${position} 位`;
  return REGISTRATION_STATUS_LABELS[status];
}

export const INTENT_STATUS_LABELS: Record<IntentStatus, string> = {
  submitted: '已提交',
  contacted: '已联系',
  applied: '已递交入党申请书',
  activist: '已列为入党积极分子',
  closed: '已结束',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  submitted: '已提交',
  contacted: '已联系',
  transferred: '已完成报到',
  closed: '已结束',
};

/*
 * Each status as a WeChat subscription message's `phrase` value: at most 5 Chinese characters and nothing else. The
 * labels above may be longer, and WeChat refuses a whole message whose phrase breaks the rule (errcode 47003).
 */
export const INTENT_STATUS_PHRASES: Record<IntentStatus, string> = {
  submitted: '已提交',
  contacted: '已联系',
  applied: '已递交申请',
  activist: '积极分子',
  closed: '已结束',
};

export const REPORT_STATUS_PHRASES: Record<ReportStatus, string> = {
  submitted: '已提交',
  contacted: '已联系',
  transferred: '已完成报到',
  closed: '已结束',
};

export const OCCUPATION_LABELS: Record<Occupation, string> = {
  rider: '外卖骑手',
  courier: '快递员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  live_seller: '互联网营销师',
  other: '其他',
};

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = { masses: '群众', league_member: '共青团员' };

export const EDUCATION_LABELS: Record<Education, string> = {
  junior: '初中及以下',
  senior: '高中',
  vocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  master: '研究生',
};

export const REPORT_WISH_LABELS: Record<ReportWish, string> = {
  transfer: '将组织关系转入佘山镇',
  flow: '作为流动党员参加组织生活',
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

export const ENTERPRISE_SIZE_LABELS: Record<EnterpriseSize, string> = {
  micro: '10 人以下',
  small: '10–99 人',
  medium: '100–499 人',
  large: '500 人以上',
};

export const JOB_CATEGORY_LABELS: Record<JobCategory, string> = {
  delivery: '快递外卖',
  driving: '司机驾驶',
  manufacturing: '生产制造',
  service: '生活服务',
  sales: '销售营销',
  office: '行政文员',
  tech: '技术研发',
  other: '其他',
};

export const DISTRICT_LABELS: Record<District, string> = {
  sheshan: '佘山镇',
  songjiang_city: '松江城区',
  jiuting: '九亭镇',
  sijing: '泗泾镇',
  dongjing: '洞泾镇',
  xinqiao: '新桥镇',
  other: '其他地区',
};

export const BENEFIT_LABELS: Record<Benefit, string> = {
  social_insurance: '五险一金',
  room_board: '包吃住',
  part_time: '可兼职',
  career_change: '适合转岗',
  training: '带薪培训',
  bonus: '绩效奖金',
  weekends: '双休',
};

export const JOB_STATUS_LABELS: Record<JobStatus, string> = { open: '招聘中', closed: '已关闭' };

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '待面试',
  hired: '已录用',
  rejected: '不合适',
  withdrawn: '已撤回',
};

/** What HR's buttons say: actions, where the status above names the state the action leads to. */
export const APPLICATION_ACTION_LABELS: Record<'viewed' | 'interview' | 'hired' | 'rejected', string> = {
  viewed: '标记已查看',
  interview: '邀请面试',
  hired: '录用',
  rejected: '不合适',
};

/** Each kind of notification in the outbox, as staff read it (通知记录). */
export const NOTICE_KIND_LABELS: Record<string, string> = {
  event_reminder: '活动开始提醒',
  registration_promoted: '候补转为已报名',
  intent_status: '入党意向进度',
  report_status: '党员报到进度',
  application_status: '求职申请进度',
  guidance_answered: '就业指导答复',
  need_status: '企业诉求进度',
};

/** Reasons HR can give in one tap when an applicant is not taken; the applicant sees it under 我的求职. */
export const REJECT_REASONS = ['岗位已招满', '工作经验与岗位要求不符', '年龄或时间安排不符合岗位要求', '暂不说明原因'] as const;

/** As a subscription message's `phrase` (see INTENT_STATUS_PHRASES); "不合适" is said as 未录用 to the applicant. */
export const APPLICATION_STATUS_PHRASES: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '待面试',
  hired: '已录用',
  rejected: '未录用',
  withdrawn: '已撤回',
};

/** A waitlisted person given a seat, as a subscription message's `phrase`. */
export const PROMOTED_PHRASE = '候补成功';

/** 送政策: the categories of the policy library and the states of a notice. */
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  employment: '就业创业',
  insurance: '社保医保',
  talent: '人才政策',
  enterprise: '企业扶持',
  party: '党建',
  other: '其他',
};

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

export const GUIDANCE_STATUS_LABELS: Record<GuidanceStatus, string> = { open: '待答复', answered: '已答复' };

/** "6000–8000 元/月", "6000 元/月起", or "面议". */
export function salaryLabel(min: number | null, max: number | null): string {
  if (min != null && max != null) return min === max ? `${min} 元/月` : `${min}–${max} 元/月`;
  if (min != null) return `${min} 元/月起`;
  if (max != null) return `最高 ${max} 元/月`;
  return '面议';
}

/** How a signed-in device came in, as 登录设备 shows it. */
export const SESSION_VIA_LABELS: Record<SessionVia, string> = {
  wechat: '微信小程序',
  qr: '扫码登录（电脑）',
  mp: '公众号网页',
  demo: '演示登录',
};

/** 企业诉求 (src/shared/needs.ts). */
export const NEED_CATEGORY_LABELS: Record<import('./needs').NeedCategory, string> = {
  recruitment: '招聘用工',
  talent: '引才留才',
  policy: '政策咨询',
  finance: '融资',
  space: '场地',
  business: '经营发展',
  party: '党建',
  coverage_suggestion: '两个覆盖建议',
  other: '其他',
};
export const NEED_STATUS_LABELS: Record<import('./needs').NeedStatus, string> = {
  submitted: '待受理',
  assigned: '已分派',
  in_progress: '办理中',
  closed: '已办结',
};
/** As a subscription message's `phrase` (≤ 5 Chinese characters): the labels already are. */
export const NEED_STATUS_PHRASES: Record<import('./needs').NeedStatus, string> = NEED_STATUS_LABELS;
export const NEED_RATING_LABELS: Record<import('./needs').NeedRating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
};

/** 党群服务站 services (src/shared/stations.ts). */
export const STATION_SERVICE_LABELS: Record<import('./stations').StationService, string> = {
  women: '妇联',
  health: '健康咨询',
  talent: '人才服务',
  rider_rest: '骑手歇脚',
  water: '饮水',
  charging: '充电',
  rest: '休息',
  legal: '法律咨询',
  employment: '就业服务',
  party: '党员活动',
};

/** 两新 census. */
export const ORG_KIND_LABELS: Record<OrgKind, string> = { economic: '新经济组织', social: '新社会组织' };
export const ORG_STATUS_LABELS: Record<OrgStatus, string> = { active: '在营', removed: '已注销/空壳撤销', moved_out: '迁出' };
export const COVERAGE_LABELS: Record<Coverage, string> = { standalone: '单独组建', joint: '联合党组织', none: '未覆盖' };
export const ORG_CHANGE_SOURCE_LABELS: Record<OrgChangeSource, string> = { create: '登记', update: '修改', import: '导入', visit: '走访' };
export const IMPORT_VERDICT_LABELS: Record<ImportVerdict, string> = { new: '新增', changed: '有变化', unchanged: '无变化', refused: '不能导入' };
/** Census fields as history and the import preview name them. */
export const ORG_FIELD_LABELS: Record<string, string> = {
  name: '名称',
  uscc: '统一社会信用代码',
  usccMissingReason: '无代码原因',
  kind: '类型',
  industry: '行业',
  address: '地址',
  gridId: '网格',
  employees: '从业人数',
  partyMembers: '党员人数',
  status: '经营状态',
  statusChangedOn: '状态变更日期',
  coverage: '组织覆盖',
  branchName: '党组织名称',
  branchFoundedOn: '党组织成立日期',
  jointOrgId: '联合党组织',
  instructorOpenid: '指导员',
  instructorName: '指导员',
  lastVisitOn: '最近走访',
};
