/**
 * WeChat: asks the person to allow the subscription messages that follow from what they are doing, so the reminders
 * function may send them later (one message per allowance). Template ids come from the SUBSCRIBE_TEMPLATES build
 * constant (config/index.ts, from the same TEMPLATE_* values the reminders function uses).
 *
 * Call it inside the tap handler that signs up / submits / applies (WeChat only shows the dialog on a tap), before or
 * alongside the action; it never throws and resolves to the template ids the person accepted.
 */
import Taro from '@tarojs/taro';
import type { SubscribeMoment } from './subscribe';

export type { SubscribeMoment } from './subscribe';

/** Which outbox message kinds each moment leads to. */
const MESSAGES_OF: Record<SubscribeMoment, string[]> = {
  signup: ['event_reminder', 'registration_promoted'],
  intent: ['intent_status'],
  report: ['report_status'],
  application: ['application_status'],
  guidance: ['guidance_answered'],
};

export async function requestSubscribe(moment: SubscribeMoment): Promise<string[]> {
  const tmplIds = MESSAGES_OF[moment].map((kind) => SUBSCRIBE_TEMPLATES[kind]).filter((id): id is string => !!id);
  if (!tmplIds.length) return [];
  try {
    // Taro's typing also demands `entityIds`, which only Alipay reads.
    const answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as Record<string, unknown>;
    return tmplIds.filter((id) => answer[id] === 'accept');
  } catch {
    // Declined, too old a WeChat, or the dialog was not allowed here: the action goes on without the message.
    return [];
  }
}
