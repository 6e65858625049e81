import { EventCreateInput, type Audience, type Event, type EventType } from '@shared/events';
import type { Question, QuestionKind } from '@shared/questions';
import { ApiFailure } from '../../../api/failure';
import { joinInstant, splitInstant } from '../../../utils/time';

/** What the editor holds: strings as the inputs and pickers give them. */
export interface EventForm {
  type: EventType | null;
  title: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  waitlist: boolean;
  audience: Audience;
  questions: QuestionDraft[];
}

/** A sign-up question as the editor holds it: options kept while the kind flips, sent only for choice questions. */
export interface QuestionDraft {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  options: string[];
}

const isChoice = (kind: QuestionKind) => kind === 'single' || kind === 'multi';

export function toQuestion(d: QuestionDraft): Question {
  return { id: d.id, kind: d.kind, label: d.label, required: d.required, ...(isChoice(d.kind) ? { options: d.options } : {}) };
}

export function draftOf(q: Question): QuestionDraft {
  return { id: q.id, kind: q.kind, label: q.label, required: q.required, options: q.options ?? [] };
}

/** A new question: short text, required, two empty options ready should it become a choice. */
export function newQuestion(): QuestionDraft {
  const id = `q${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { id, kind: 'single', label: '', required: true, options: ['', ''] };
}

/** Fields as the contract names them; errors are shown under each. */
export type EventField =
  | 'type' | 'title' | 'description' | 'startAt' | 'endAt' | 'location' | 'capacity' | 'signupDeadline' | 'audience' | 'questions';
export type EventFormErrors = Partial<Record<EventField, string>>;

const FIELDS: readonly EventField[] = ['type', 'title', 'description', 'startAt', 'endAt', 'location', 'capacity', 'signupDeadline', 'audience', 'questions'];

function isField(value: unknown): value is EventField {
  return typeof value === 'string' && (FIELDS as readonly string[]).includes(value);
}

export function emptyEventForm(): EventForm {
  return {
    type: null,
    title: '',
    description: '',
    startDate: '',
    startTime: '',
    endDate: '',
    endTime: '',
    location: '',
    capacity: '',
    deadlineDate: '',
    deadlineTime: '',
    waitlist: true,
    audience: 'all',
    questions: [],
  };
}

export function formFromEvent(event: Event): EventForm {
  const start = splitInstant(event.startAt);
  const end = splitInstant(event.endAt);
  const deadline = event.signupDeadline ? splitInstant(event.signupDeadline) : { date: '', time: '' };
  return {
    type: event.type,
    title: event.title,
    description: event.description,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: event.location,
    capacity: String(event.capacity),
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    waitlist: event.waitlist,
    audience: event.audience,
    questions: event.questions.map(draftOf),
  };
}

function errorsOfIssues(issues: readonly { path: readonly (string | number)[]; message: string }[]): EventFormErrors {
  const errors: EventFormErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    // A question's problem says which question it is about.
    const message = field === 'questions' && typeof issue.path[1] === 'number' ? `第 ${issue.path[1] + 1} 题：${issue.message}` : issue.message;
    if (isField(field) && !errors[field]) errors[field] = message;
  }
  return errors;
}

/** Turns the form into a checked `events.create` payload (also the body of `events.update`), or field messages. */
export function validateEventForm(form: EventForm): { ok: true; fields: EventCreateInput } | { ok: false; errors: EventFormErrors } {
  // Pickers left empty would otherwise surface as "not an ISO time", which means nothing to staff.
  const errors: EventFormErrors = {};
  if (!form.startDate || !form.startTime) errors.startAt = '请选择开始日期和时间';
  if (!form.endDate || !form.endTime) errors.endAt = '请选择结束日期和时间';
  if (Boolean(form.deadlineDate) !== Boolean(form.deadlineTime)) errors.signupDeadline = '请同时选择报名截止的日期和时间';
  const capacityText = form.capacity.trim();
  if (capacityText === '') errors.capacity = '请填写人数上限';

  const parsed = EventCreateInput.safeParse({
    type: form.type ?? undefined,
    title: form.title,
    description: form.description,
    startAt: joinInstant(form.startDate, form.startTime),
    endAt: joinInstant(form.endDate, form.endTime),
    location: form.location,
    capacity: /^\d+$/.test(capacityText) ? Number(capacityText) : Number.NaN,
    signupDeadline: form.deadlineDate && form.deadlineTime ? joinInstant(form.deadlineDate, form.deadlineTime) : null,
    waitlist: form.waitlist,
    audience: form.audience,
    questions: form.questions.map(toQuestion),
  });
  const schemaErrors = parsed.success ? {} : errorsOfIssues(parsed.error.issues);
  const all: EventFormErrors = { ...schemaErrors, ...errors };
  if (parsed.success && Object.keys(all).length === 0) return { ok: true, fields: parsed.data };
  return { ok: false, errors: all };
}

/** Field messages from a server INVALID_INPUT answer. */
export function eventErrorsOf(error: unknown): EventFormErrors {
  if (error instanceof ApiFailure && error.code === 'INVALID_INPUT') return errorsOfIssues(error.issues);
  return {};
}
