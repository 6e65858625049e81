import type { OutboxItem } from '@shared/outbox';
import { formatDateTime } from '../../../utils/time';

/** How much of a message the list shows; the rest is cut with an ellipsis, never mid-phrase without one. */
export const PREVIEW_LENGTH = 40;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Fields that are for machines (ids, status codes): never shown. */
const INTERNAL = /(Id|Code)$/;

/** One value as a person reads it: a time in Shanghai, any trailing punctuation dropped so values join cleanly. */
function readable(value: string): string {
  if (INSTANT.test(value)) return formatDateTime(value);
  return value.trim().replace(/[，。；、？！,.;?!\s]+$/u, '');
}

/** What the person was told, in words: "「周五人才会客厅」12月4日 周五 18:00，佘山镇人才服务点". */
export function messageText(item: Pick<OutboxItem, 'template' | 'data'>): string {
  const d = item.data;
  switch (item.template) {
    case 'event_reminder':
      return `「${d.title ?? ''}」${d.startAt ? readable(d.startAt) : ''}开始${d.location ? `，地点：${readable(d.location)}` : ''}`;
    case 'registration_promoted':
      return `「${d.title ?? ''}」候补已转为已报名${d.startAt ? `，${readable(d.startAt)}开始` : ''}`;
    case 'application_status':
      return `「${d.job ?? ''}」${d.status ? `：${d.status}` : ''}${d.reason ? `（原因：${readable(d.reason)}）` : ''}`;
    case 'guidance_answered':
      return `「${d.topic ? readable(d.topic) : '就业指导'}」已答复：${d.answer ? readable(d.answer) : ''}`;
    default: {
      const { what, status, reason } = d;
      const head = what && status ? `您的${what}：${status}` : plainValues(d);
      return reason ? `${head}（原因：${readable(reason)}）` : head;
    }
  }
}

function plainValues(data: Record<string, string>): string {
  return Object.entries(data)
    .filter(([key, value]) => !INTERNAL.test(key) && value.trim() !== '')
    .map(([, value]) => readable(value))
    .join('；');
}

/** The list's preview: the message, cut at PREVIEW_LENGTH characters with an ellipsis. */
export function preview(item: Pick<OutboxItem, 'template' | 'data'>): string {
  const text = messageText(item);
  const chars = Array.from(text);
  return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH).join('')}…` : text;
}

/** "王师傅 138****0011", or 姓名未登记的用户 when the person never gave a name. */
export function recipientText(item: Pick<OutboxItem, 'recipientName' | 'recipientPhone'>): string {
  const who = item.recipientName ?? '姓名未登记的用户';
  return item.recipientPhone ? `${who} ${item.recipientPhone}` : who;
}
