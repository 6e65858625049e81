/**
 * TEST DOUBLE of `cloud.openapi.subscribeMessage.send` — not WeChat. It records every message the reminders function
 * hands over and answers as a test tells it: accepted, or refused with a WeChat `errCode` (thrown the way wx-server-sdk
 * throws a failed openapi call).
 */
import type { MessageSender } from '../../../cloudfunctions/api/src/notifications/delivery';
import type { SubscribeMessage } from '../../../cloudfunctions/api/src/notifications/templates';

export interface SubscribeMessageDouble extends MessageSender {
  sent: SubscribeMessage[];
  /** Every message to this openid fails with this errCode until cleared (null). */
  failFor(openid: string, errCode: number | null): void;
}

export function subscribeMessageDouble(): SubscribeMessageDouble {
  const failures = new Map<string, number>();
  const sent: SubscribeMessage[] = [];
  return {
    sent,
    failFor(openid, errCode) {
      if (errCode === null) failures.delete(openid);
      else failures.set(openid, errCode);
    },
    async send(message) {
      const errCode = failures.get(message.touser);
      if (errCode !== undefined) {
        throw Object.assign(new Error(`openapi.subscribeMessage.send:fail ${errCode}`), {
          errCode,
          errMsg: `openapi.subscribeMessage.send:fail ${errCode}`,
        });
      }
      sent.push(message);
    },
  };
}
