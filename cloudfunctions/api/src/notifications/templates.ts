/**
 * Which WeChat subscription-message template carries each kind of outbox message, and how its fields are filled.
 * The operator picks the templates in the mini-program console (their ids and field keys differ per account), so both
 * come from the reminders function's variables, one per kind:
 *
 *   TEMPLATE_EVENT_REMINDER = "<template id> thing1=title time2=startAt thing3=location"
 *
 * Each `key=field` fills the template's key (thing1, time2, phrase3, …) from the message's data; `key=:text` fills it
 * with fixed text (for a 温馨提示 field the template requires). Values are cut to what WeChat accepts for the key's type.
 */
import type { OutboxEntry } from '../core/ports';

export type MessageKind =
  | 'event_reminder'
  | 'registration_promoted'
  | 'intent_status'
  | 'report_status'
  | 'application_status'
  | 'guidance_answered';

/** The function variable of each kind, and the page the message opens. */
export const MESSAGE_KINDS: Record<MessageKind, { variable: string; page: (data: Record<string, string>) => string }> = {
  event_reminder: { variable: 'TEMPLATE_EVENT_REMINDER', page: (d) => `pages/events/detail?id=${encodeURIComponent(d.eventId ?? '')}` },
  registration_promoted: {
    variable: 'TEMPLATE_REGISTRATION_PROMOTED',
    page: (d) => `pages/events/detail?id=${encodeURIComponent(d.eventId ?? '')}`,
  },
  intent_status: { variable: 'TEMPLATE_INTENT_STATUS', page: () => 'pages/intent/index' },
  report_status: { variable: 'TEMPLATE_REPORT_STATUS', page: () => 'pages/member-report/index' },
  application_status: { variable: 'TEMPLATE_APPLICATION_STATUS', page: () => 'career/pages/applications/index' },
  guidance_answered: { variable: 'TEMPLATE_GUIDANCE_ANSWERED', page: () => 'career/pages/guidance/index' },
};

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
  for (const [kind, { variable }] of Object.entries(MESSAGE_KINDS) as [MessageKind, { variable: string }][]) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    const [templateId, ...pairs] = raw.split(/[\s,;]+/).filter(Boolean);
    const fields: TemplateField[] = [];
    for (const pair of pairs) {
      const match = /^([a-z_]+\d+)=(.+)$/.exec(pair);
      if (!match) {
        problems.push(`${variable}: "${pair}" is not key=field (e.g. thing1=title)`);
        continue;
      }
      const [, key, source] = match;
      fields.push(source.startsWith(':') ? { key, from: null, text: source.slice(1) } : { key, from: source, text: null });
    }
    if (!/^[A-Za-z0-9_-]{10,}$/.test(templateId)) problems.push(`${variable}: "${templateId}" does not look like a template id`);
    else if (!fields.length) problems.push(`${variable}: no fields (e.g. "${templateId} thing1=title")`);
    else templates[kind] = { templateId, fields };
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
  const config = templates[entry.template];
  if (!config) return { problem: `${MESSAGE_KINDS[entry.template].variable} is not set` };
  const data: SubscribeMessage['data'] = {};
  for (const f of config.fields) {
    const value = f.from === null ? f.text : entry.data[f.from];
    data[f.key] = { value: fitValue(f.key, value ?? '') };
  }
  return {
    message: {
      touser: entry.openid,
      templateId: config.templateId,
      page: MESSAGE_KINDS[entry.template].page(entry.data),
      data,
      miniprogramState,
    },
  };
}

/** Lengths WeChat accepts per value type (subscription message documentation); longer values make the send fail. */
const MAX_LENGTH: Record<string, number> = { thing: 20, name: 10, phrase: 5, character_string: 32, letter: 32, symbol: 5 };

/** Cuts or reformats a value to what the key's type accepts: instants in Shanghai time, texts to their length. */
export function fitValue(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  if ((type === 'time' || type === 'date') && /^\d{4}-\d{2}-\d{2}T/.test(value)) return shanghaiTime(value);
  const max = MAX_LENGTH[type];
  if (!max) return value;
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

/** China has kept UTC+8 all year since 1991, so Shanghai wall time is a fixed shift of the instant. */
function shanghaiTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}
