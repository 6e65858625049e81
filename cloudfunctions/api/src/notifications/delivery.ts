/**
 * Delivering the outbox: each pending message becomes one `subscribeMessage.send`. A message is sent, retried on the
 * next run after a passing failure, or failed for good (a refusal WeChat will repeat, no template configured, or too
 * many attempts). Each attempt is recorded on the message, so staff see what happened in 通知记录.
 */
import type { Repositories } from '../core/ports';
import { buildMessage, type SubscribeMessage, type Templates } from './templates';

/** What sends a subscription message: `cloud.openapi.subscribeMessage.send` in the cloud, a double in tests. */
export interface MessageSender {
  /** Resolves when WeChat accepted the message; rejects with WeChat's `errCode` otherwise. */
  send(message: SubscribeMessage): Promise<void>;
}

export const DELIVERY_DEFAULTS = {
  /** Attempts before a message that keeps failing for passing reasons is given up. */
  maxAttempts: 5,
  /** Messages one run sends (a timer run has a minute at most). */
  batch: 100,
};

/**
 * WeChat errors that the same message would meet again: the person has no subscription left or refused (43101), a bad
 * openid (40003), template id (40037), field value (47003) or page (41030). Anything else (busy, quota, network) passes.
 */
const FINAL_ERRORS = new Set([40003, 40037, 41030, 43101, 47003]);

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  /** One line per message that did not go out, for the function's log. */
  problems: string[];
}

export async function deliverOutbox(
  repos: Repositories,
  sender: MessageSender,
  options: {
    templates: Templates;
    now: () => Date;
    miniprogramState: SubscribeMessage['miniprogramState'];
    maxAttempts?: number;
    batch?: number;
  },
): Promise<DeliveryReport> {
  const maxAttempts = options.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, problems: [] };
  for (const entry of await repos.outbox.pending(options.batch ?? DELIVERY_DEFAULTS.batch)) {
    const built = buildMessage(entry, options.templates, options.miniprogramState);
    if ('problem' in built) {
      await repos.outbox.recordAttempt(entry.id, 'failed', options.now().toISOString());
      report.failed++;
      report.problems.push(`#${entry.id} ${entry.template}: ${built.problem}`);
      continue;
    }
    try {
      await sender.send(built.message);
      await repos.outbox.recordAttempt(entry.id, 'sent', options.now().toISOString());
      report.sent++;
    } catch (err) {
      const code = errCodeOf(err);
      const final = (code !== null && FINAL_ERRORS.has(code)) || entry.attempts + 1 >= maxAttempts;
      await repos.outbox.recordAttempt(entry.id, final ? 'failed' : 'retry', options.now().toISOString());
      if (final) report.failed++;
      else report.retried++;
      report.problems.push(`#${entry.id} ${entry.template}: ${code ?? ''} ${messageOf(err)}`.trim());
    }
  }
  return report;
}

function errCodeOf(err: unknown): number | null {
  const code = (err as { errCode?: unknown } | null)?.errCode;
  return typeof code === 'number' ? code : typeof code === 'string' && /^-?\d+$/.test(code) ? Number(code) : null;
}

function messageOf(err: unknown): string {
  const e = err as { errMsg?: unknown; message?: unknown } | null;
  return String(e?.errMsg ?? e?.message ?? err);
}
