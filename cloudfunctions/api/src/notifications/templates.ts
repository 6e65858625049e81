/**
 * Which WeChat subscription-message template carries each kind of outbox message, and how its fields are filled.
 * The operator picks the templates in the mini-program console (their ids and field keys differ per account), so both
 * come from the reminders function's variables, one per kind:
 *
 *   TEMPLATE_EVENT_REMINDER = "<template id> thing1=title time2=startAt thing3=location"
 *
 * Each `key=field` fills the template's key (thing1, time2, phrase3, …) from the message's data; `key=:text` fills it
 * with fixed text (for a 温馨提示 field the template requires). WeChat refuses a whole message when one value breaks its
 * key type's rule (errcode 47003), so every value is made to fit its type here: never an empty, too long or ill-typed one.
 */
import {
  APPLICATION_STATUS_PHRASES,
  GUIDANCE_STATUS_LABELS,
  INTENT_STATUS_PHRASES,
  NEED_STATUS_PHRASES,
  PROMOTED_PHRASE,
  REPORT_STATUS_PHRASES,
} from '@shared/labels';
import type { OutboxEntry } from '../core/ports';

export type MessageKind =
  | 'event_reminder'
  | 'registration_promoted'
  | 'intent_status'
  | 'report_status'
  | 'application_status'
  | 'guidance_answered'
  | 'need_status';

export interface MessageKindSpec {
  /** The reminders function's variable that configures the kind's template. */
  variable: string;
  /** The mini-program page the message opens. */
  page: (data: Record<string, string>) => string;
  /**
   * The phrase form of each status a message of the kind carries in `statusCode`: a `phrase` key filled from `status`
   * shows it, since the label in `status` may be too long or not all Chinese.
   */
  statusPhrases?: Readonly<Record<string, string>>;
  /** What a `phrase` key shows when its field holds no valid phrase (an old message, a field that is not a phrase). */
  phrase: string;
}

const PROGRESS_PHRASE = '进度更新';

export const MESSAGE_KINDS: Record<MessageKind, MessageKindSpec> = {
  event_reminder: {
    variable: 'TEMPLATE_EVENT_REMINDER',
    page: (d) => `pages/events/detail?id=${encodeURIComponent(d.eventId ?? '')}`,
    phrase: '即将开始',
  },
  registration_promoted: {
    variable: 'TEMPLATE_REGISTRATION_PROMOTED',
    page: (d) => `pages/events/detail?id=${encodeURIComponent(d.eventId ?? '')}`,
    statusPhrases: { confirmed: PROMOTED_PHRASE },
    phrase: PROMOTED_PHRASE,
  },
  intent_status: {
    variable: 'TEMPLATE_INTENT_STATUS',
    page: () => 'party/pages/intent/index',
    statusPhrases: INTENT_STATUS_PHRASES,
    phrase: PROGRESS_PHRASE,
  },
  report_status: {
    variable: 'TEMPLATE_REPORT_STATUS',
    page: () => 'party/pages/member-report/index',
    statusPhrases: REPORT_STATUS_PHRASES,
    phrase: PROGRESS_PHRASE,
  },
  application_status: {
    variable: 'TEMPLATE_APPLICATION_STATUS',
    page: () => 'career/pages/applications/index',
    statusPhrases: APPLICATION_STATUS_PHRASES,
    phrase: PROGRESS_PHRASE,
  },
  guidance_answered: {
    variable: 'TEMPLATE_GUIDANCE_ANSWERED',
    page: () => 'career/pages/guidance/index',
    phrase: GUIDANCE_STATUS_LABELS.answered,
  },
  // 企业诉求: e.g. "<id> thing1=category phrase2=status thing3=reply" (reply is cut to 20 with an ellipsis).
  need_status: {
    variable: 'TEMPLATE_NEED_STATUS',
    page: () => 'hr/pages/needs/index',
    statusPhrases: NEED_STATUS_PHRASES,
    phrase: PROGRESS_PHRASE,
  },
};

/**
 * The key types these messages can fill (a key's type is its name without the number: thing1 → thing). The others
 * (amount, phone_number, car_number, letter, symbol) hold values no message of ours has, so a template using one is
 * reported instead of failing at every send.
 */
export const KEY_TYPES = ['thing', 'phrase', 'name', 'time', 'date', 'number', 'character_string'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export function keyType(key: string): KeyType | null {
  const type = key.replace(/\d+$/, '');
  return (KEY_TYPES as readonly string[]).includes(type) ? (type as KeyType) : null;
}

export interface TemplateField {
  key: string;
  /** The data field to read, or null for fixed text. */
  from: string | null;
  text: string | null;
}

export interface TemplateConfig {
  templateId: string;
  fields: TemplateField[];
}

export type Templates = Partial<Record<MessageKind, TemplateConfig>>;

/** The message WeChat's `subscribeMessage.send` takes. */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'developer' | 'trial' | 'formal';
}

const isKind = (template: string): template is MessageKind => Object.prototype.hasOwnProperty.call(MESSAGE_KINDS, template);

/** Reads every TEMPLATE_* variable; a malformed one is reported and left out, the others still work. */
export function readTemplates(env: Record<string, string | undefined>): { templates: Templates; problems: string[] } {
  const templates: Templates = {};
  const problems: string[] = [];
  for (const [kind, { variable }] of Object.entries(MESSAGE_KINDS) as [MessageKind, MessageKindSpec][]) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    const [templateId, ...pairs] = raw.split(/[\s,;]+/).filter(Boolean);
    const fields: TemplateField[] = [];
    let unfillable = false;
    for (const pair of pairs) {
      const match = /^([a-z_]+\d+)=(.+)$/.exec(pair);
      if (!match) {
        problems.push(`${variable}: "${pair}" is not key=field (e.g. thing1=title)`);
        continue;
      }
      const [, key, source] = match;
      if (!keyType(key)) {
        problems.push(`${variable}: ${key} is of a type these messages cannot fill (use ${KEY_TYPES.join(', ')})`);
        unfillable = true;
        continue;
      }
      fields.push(source.startsWith(':') ? { key, from: null, text: source.slice(1) } : { key, from: source, text: null });
    }
    if (!/^[A-Za-z0-9_-]{10,}$/.test(templateId)) problems.push(`${variable}: "${templateId}" does not look like a template id`);
    else if (!fields.length) problems.push(`${variable}: no fields (e.g. "${templateId} thing1=title")`);
    // WeChat refuses a message that leaves one of the template's keys out, so a key we cannot fill leaves the kind unset.
    else if (!unfillable) templates[kind] = { templateId, fields };
  }
  return { templates, problems };
}

/** The subscription message of an outbox entry, or why there is none. */
export function buildMessage(
  entry: OutboxEntry,
  templates: Templates,
  miniprogramState: SubscribeMessage['miniprogramState'],
): { message: SubscribeMessage } | { problem: string } {
  if (!isKind(entry.template)) return { problem: `unknown message kind ${entry.template}` };
  const spec = MESSAGE_KINDS[entry.template];
  const config = templates[entry.template];
  if (!config) return { problem: `${spec.variable} is not set` };
  const fallback: Fallback = { phrase: spec.phrase, at: entry.createdAt };
  const data: SubscribeMessage['data'] = {};
  for (const f of config.fields) data[f.key] = { value: fitValue(f.key, sourceOf(spec, f, entry.data), fallback) };
  return {
    message: { touser: entry.openid, templateId: config.templateId, page: spec.page(entry.data), data, miniprogramState },
  };
}

/** A `phrase` key filled from `status` takes the status's phrase form; everything else reads its field as written. */
function sourceOf(spec: MessageKindSpec, field: TemplateField, data: Record<string, string>): string {
  if (field.from === null) return field.text ?? '';
  if (field.from === 'status' && keyType(field.key) === 'phrase' && spec.statusPhrases) {
    const code = data.statusCode;
    if (code !== undefined && Object.prototype.hasOwnProperty.call(spec.statusPhrases, code)) return spec.statusPhrases[code];
  }
  return data[field.from] ?? '';
}

/** What a key shows when its value cannot be made valid: the kind's phrase, or the moment the message was queued. */
export interface Fallback {
  phrase: string;
  /** An instant (ISO 8601). */
  at: string;
}

/** Shown by a `thing` or `name` key whose field is empty: WeChat refuses an empty value. */
const NOTHING = '无';
const PHRASE = /^[\u4e00-\u9fa5]{1,5}$/;

/**
 * The value as the key's type accepts it (WeChat's subscription-message rules): thing at most 20 characters, cut with
 * an ellipsis; name at most 10; phrase at most 5 Chinese characters and nothing else; time and date in Shanghai wall
 * time (2026年12月8日 14:00), the moment the message was queued when the field holds no instant; number digits only;
 * character_string at most 32 letters, digits and symbols. None is ever empty.
 */
export function fitValue(key: string, value: string, fallback: Fallback): string {
  switch (keyType(key)) {
    case 'thing':
      return cut(oneLine(value) || NOTHING, 20, '…');
    case 'name':
      return cut(oneLine(value) || NOTHING, 10, '');
    case 'phrase':
      return PHRASE.test(value) ? value : fallback.phrase;
    case 'time':
    case 'date':
      return isInstant(value) ? shanghaiTime(value) : shanghaiTime(fallback.at);
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.length <= 32 ? value : value.replace(/\D/g, '').slice(0, 32) || '0';
    case 'character_string':
      return value.replace(/[^\x21-\x7e]/g, '').slice(0, 32) || '-';
    case null:
      // readTemplates keeps no key of another type.
      return value;
  }
}

/** Whitespace runs (line breaks in an answer) as one space, control characters gone. */
const oneLine = (value: string) => value.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * At most `max` characters, counted in UTF-16 units (an emoji counts twice), so the value fits whether WeChat counts
 * characters or units; a cut value ends with `mark` within the limit and never splits a surrogate pair.
 */
function cut(value: string, max: number, mark: string): string {
  if (value.length <= max) return value;
  let kept = '';
  for (const ch of value) {
    if (kept.length + ch.length > max - mark.length) break;
    kept += ch;
  }
  return kept + mark;
}

/** China has kept UTC+8 all year since 1991, so Shanghai wall time is a fixed shift of the instant. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * An ISO 8601 instant (how message data writes every time), not free text that happens to parse, whose Shanghai year
 * has the four digits WeChat's format expects.
 */
function isInstant(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return false;
  const year = new Date(Date.parse(value) + SHANGHAI_OFFSET_MS).getUTCFullYear();
  return year >= 1000 && year <= 9999;
}

function shanghaiTime(iso: string): string {
  const t = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}
