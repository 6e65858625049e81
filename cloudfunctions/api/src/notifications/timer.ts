/**
 * One run of the reminders timer: queue the day-before reminders that are due, then deliver what the outbox holds.
 * Configuration comes from the reminders function's variables (README, "Deploy to WeChat").
 */
import type { Repositories } from '../core/ports';
import { isErasureHour } from '../retention/rules';
import { eraseExpiredPersonalData, type RetentionReport } from '../retention/use-cases';
import { DELIVERY_DEFAULTS, deliverOutbox, type DeliveryReport, type MessageSender } from './delivery';
import { REMINDER_DEFAULTS, queueDayBeforeReminders, type ReminderReport } from './reminders';
import { readTemplates, type SubscribeMessage, type Templates } from './templates';

export interface TimerConfig {
  templates: Templates;
  /** Malformed variables, reported in every run's log until fixed. */
  problems: string[];
  miniprogramState: SubscribeMessage['miniprogramState'];
  reminderHour: number;
  maxAttempts: number;
}

const STATES = ['developer', 'trial', 'formal'] as const;

export function readTimerConfig(env: Record<string, string | undefined>): TimerConfig {
  const { templates, problems } = readTemplates(env);
  const state = env.MINIPROGRAM_STATE ?? 'formal';
  if (!(STATES as readonly string[]).includes(state)) problems.push(`MINIPROGRAM_STATE: "${state}" is not developer, trial or formal`);
  return {
    templates,
    problems,
    miniprogramState: (STATES as readonly string[]).includes(state) ? (state as TimerConfig['miniprogramState']) : 'formal',
    reminderHour: wholeNumber(env.REMINDER_HOUR, REMINDER_DEFAULTS.fromHour, 0, 23, 'REMINDER_HOUR', problems),
    maxAttempts: wholeNumber(env.MAX_ATTEMPTS, DELIVERY_DEFAULTS.maxAttempts, 1, 20, 'MAX_ATTEMPTS', problems),
  };
}

function wholeNumber(raw: string | undefined, fallback: number, min: number, max: number, name: string, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  problems.push(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
  return fallback;
}

export interface TimerReport {
  reminders: ReminderReport;
  delivery: DeliveryReport;
  /** Personal fields erased once their retention ended, per kind; null in the runs outside the daily erasure hour. */
  retention: RetentionReport | null;
  configProblems: string[];
}

export async function runTimer(
  repos: Repositories,
  sender: MessageSender,
  config: TimerConfig,
  now: () => Date,
): Promise<TimerReport> {
  const reminders = await queueDayBeforeReminders(repos, now(), { fromHour: config.reminderHour });
  const delivery = await deliverOutbox(repos, sender, {
    templates: config.templates,
    now,
    miniprogramState: config.miniprogramState,
    maxAttempts: config.maxAttempts,
  });
  const retention = isErasureHour(now()) ? await eraseExpiredPersonalData({ repos }, now()) : null;
  return { reminders, delivery, retention, configProblems: config.problems };
}
