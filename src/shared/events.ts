import { z } from 'zod';
import { Cursor, Id, Instant, Limit } from './common';
import type { RegistrationStatus } from './registrations';
import type { PolicyLink } from './notices';
import { QuestionsInput, type Question } from './questions';
import { AUDIENCES, EVENT_STATUSES, EVENT_TYPES, type Audience, type EventStatus, type EventType } from './plain/events';

export * from './plain/events';

export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 2000;
export const LOCATION_MAX = 100;
export const CAPACITY_MAX = 10000;

export interface Event {
  id: string;
  type: EventType;
  title: string;
  description: string;
  startAt: string;
  endAt: string;
  location: string;
  capacity: number;
  signupDeadline: string | null;
  waitlist: boolean;
  audience: Audience;
  /** Sign-up questions, in the order the form asks them. */
  questions: Question[];
  status: EventStatus;
  cancelReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  confirmedCount: number;
  waitlistCount: number;
  seatsLeft: number;
}

/** The caller's own registration, as shown on the event page. */
export interface MyRegistration {
  id: string;
  status: RegistrationStatus;
  position: number | null;
}

export interface EventDetail extends Event {
  myRegistration: MyRegistration | null;
  /** Published 送政策 notices that link this event (相关政策), newest first. */
  policies: PolicyLink[];
}

const eventType = z.enum(EVENT_TYPES, { message: '请选择活动类型' });
const title = z.string().trim().min(2, '标题至少 2 个字').max(TITLE_MAX, `标题最多 ${TITLE_MAX} 个字`);
const description = z.string().trim().max(DESCRIPTION_MAX, `介绍最多 ${DESCRIPTION_MAX} 个字`);
const location = z.string().trim().min(2, '请填写活动地点').max(LOCATION_MAX, `地点最多 ${LOCATION_MAX} 个字`);
const capacity = z
  .number({ message: '人数上限应为数字' })
  .int('人数上限应为整数')
  .min(1, '人数上限至少为 1')
  .max(CAPACITY_MAX, `人数上限最多 ${CAPACITY_MAX}`);

const eventFields = {
  type: eventType,
  title,
  description: description.optional(),
  startAt: Instant,
  endAt: Instant,
  location,
  capacity,
  signupDeadline: Instant.nullable().optional(),
  waitlist: z.boolean().optional(),
  audience: z.enum(AUDIENCES, { message: '请选择面向人群' }).optional(),
  /** The whole list: an update replaces the questions it sends. */
  questions: QuestionsInput.optional(),
};

/** Time rules shared by create and update, applied to whatever times are present. */
export function checkEventTimes(
  v: { startAt?: string; endAt?: string; signupDeadline?: string | null },
  addIssue: (path: string, message: string) => void,
): void {
  const start = v.startAt ? Date.parse(v.startAt) : NaN;
  const end = v.endAt ? Date.parse(v.endAt) : NaN;
  if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) addIssue('endAt', '结束时间应晚于开始时间');
  if (v.signupDeadline && !Number.isNaN(start) && Date.parse(v.signupDeadline) > start) {
    addIssue('signupDeadline', '报名截止时间不能晚于开始时间');
  }
}

const withTimeRules = <T extends z.ZodTypeAny>(schema: T) =>
  schema.superRefine((v, ctx) =>
    checkEventTimes(v as { startAt?: string; endAt?: string; signupDeadline?: string | null }, (path, message) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message }),
    ),
  );

export const EventCreateInput = withTimeRules(z.object(eventFields).strict());
export type EventCreateInput = z.infer<typeof EventCreateInput>;

export const EventUpdateInput = withTimeRules(
  z
    .object({ id: Id, ...eventFields })
    .partial()
    .required({ id: true })
    .strict(),
);
export type EventUpdateInput = z.infer<typeof EventUpdateInput>;

export const EventIdInput = z.object({ id: Id }).strict();
export const EventCancelInput = z
  .object({ id: Id, reason: z.string().trim().min(2, '请填写取消原因').max(200, '原因最多 200 个字') })
  .strict();

/** `status` and `includePast` are for staff only; others always see published, upcoming events. */
export const EventListInput = z
  .object({
    type: eventType.optional(),
    status: z.enum(EVENT_STATUSES).optional(),
    includePast: z.boolean().optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();
export type EventListInput = z.infer<typeof EventListInput>;
