/** Chinese labels for every state and kind the UI shows, in one place. */
import type { Audience, EventStatus, EventType } from './events';
import type { RegistrationStatus } from './registrations';
import type { Role } from './users';
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

export const ROLE_LABELS: Record<Role, string> = {
  worker: '新就业群体',
  hr: '企业人事负责人',
  staff: '工作人员',
  admin: '管理员',
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
  interview: '邀请面试',
  hired: '已录用',
  rejected: '不合适',
  withdrawn: '已撤回',
};

/** As a subscription message's `phrase` (see INTENT_STATUS_PHRASES); "不合适" is said as 未录用 to the applicant. */
export const APPLICATION_STATUS_PHRASES: Record<ApplicationStatus, string> = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '邀请面试',
  hired: '已录用',
  rejected: '未录用',
  withdrawn: '已撤回',
};

/** A waitlisted person given a seat, as a subscription message's `phrase`. */
export const PROMOTED_PHRASE = '候补成功';

export const GUIDANCE_STATUS_LABELS: Record<GuidanceStatus, string> = { open: '待答复', answered: '已答复' };

/** "6000–8000 元/月", "6000 元/月起", or "面议". */
export function salaryLabel(min: number | null, max: number | null): string {
  if (min != null && max != null) return min === max ? `${min} 元/月` : `${min}–${max} 元/月`;
  if (min != null) return `${min} 元/月起`;
  if (max != null) return `最高 ${max} 元/月`;
  return '面议';
}
