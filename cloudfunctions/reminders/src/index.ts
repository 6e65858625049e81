/**
 * Entry of the timer-triggered `reminders` cloud function (bundled to cloudfunctions/reminders/index.js by
 * `npm run build:cloud`; its trigger is in config.json). Each run queues the day-before reminders that are due and
 * delivers the outbox as subscription messages. Same storage as the api function.
 */
import cloud from 'wx-server-sdk';
import { storageLoader } from '../../api/src/cloud/storage';
import type { MessageSender } from '../../api/src/notifications/delivery';
import { readTimerConfig, runTimer, type TimerReport } from '../../api/src/notifications/timer';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

const loadStorage = storageLoader(cloud, process.env);

/**
 * `cloud.openapi.subscribeMessage.send` (云调用, allowed by config.json). The SDK throws on a failed call; a WeChat error
 * that comes back as a body (`errcode`) is turned into the same throw, so delivery sees one shape.
 */
const wechatSender: MessageSender = {
  async send(message) {
    const result = (await cloud.openapi.subscribeMessage.send(message)) as { errcode?: number; errmsg?: string } | undefined;
    const code = Number(result?.errcode ?? 0);
    if (code !== 0) throw { errCode: code, errMsg: result?.errmsg ?? 'subscribeMessage.send failed' };
  },
};

export async function main(): Promise<TimerReport> {
  const storage = await loadStorage();
  const config = readTimerConfig(process.env);
  const report = await runTimer(storage.repos, wechatSender, config, () => new Date());
  for (const problem of [...report.configProblems, ...report.delivery.problems]) console.warn('[reminders]', problem);
  console.log('[reminders]', JSON.stringify({ reminders: report.reminders, sent: report.delivery.sent, retried: report.delivery.retried, failed: report.delivery.failed, retention: report.retention }));
  return report;
}
