/** Chinese labels for every state and kind the UI shows, in one place. */
import type { Audience, EventStatus, EventType } from './events';
import type { RegistrationStatus } from './registrations';
import type { Role } from './users';

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
