/** The self-hosted gateway's daily erasure: once when it starts, then every 24 hours until it stops. */
import type { Repositories } from '../core/ports';
import { eraseExpiredPersonalData, erasedInAll } from './use-cases';

const DAY_MS = 24 * 3600_000;

export interface DailyJob {
  /** Stops the timer and waits for a run in progress, so the database can close after it. */
  stop(): Promise<void>;
}

export function startDailyErasure(deps: { repos: Repositories }, now: () => Date): DailyJob {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = eraseExpiredPersonalData(deps, now()).then(
      (report) => {
        if (erasedInAll(report)) console.log('[retention] 已删除到期个人信息', JSON.stringify(report));
      },
      // A failed run must not stop the server; the next day's run erases what this one left.
      (err: unknown) => console.error('[retention] 到期个人信息删除失败', err),
    );
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
