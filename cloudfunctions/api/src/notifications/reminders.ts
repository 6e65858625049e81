/**
 * Day-before reminders: on the day before an event (Asia/Shanghai), from the reminder hour on, every confirmed person
 * gets one `event_reminder` in the outbox. The timer runs every few minutes; each person's reminder has its own key, so
 * a later run adds only people confirmed since (a late sign-up, someone promoted from the waitlist) and never repeats one.
 *
 * Closing sign-ups at the deadline and ending past events need no run: the rules derive both from `signupDeadline`,
 * `startAt` and `endAt` at every call (REGISTRATION_CLOSED, EVENT_ENDED, lists of upcoming events), and the event status
 * model has no stored "ended" state, so there is nothing to write.
 */
import type { EventRecord, Repositories } from '../core/ports';

/** China has kept UTC+8 all year since 1991: the calendar day in Shanghai is a fixed offset away. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
const EVENTS_PAGE = 50;

export const REMINDER_DEFAULTS = {
  /** Reminders are queued from this hour (Shanghai) of the day before, not at midnight. */
  fromHour: 9,
};

/** The instants that bound tomorrow in Shanghai, and whether reminders may go out yet today. */
export function tomorrowInShanghai(now: Date, fromHour = REMINDER_DEFAULTS.fromHour): { start: string; end: string; due: boolean } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const todayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_OFFSET_MS;
  return {
    start: new Date(todayStart + DAY_MS).toISOString(),
    end: new Date(todayStart + 2 * DAY_MS).toISOString(),
    due: local.getUTCHours() >= fromHour,
  };
}

export interface ReminderReport {
  events: number;
  queued: number;
}

export async function queueDayBeforeReminders(
  repos: Repositories,
  now: Date,
  options: { fromHour?: number } = {},
): Promise<ReminderReport> {
  const tomorrow = tomorrowInShanghai(now, options.fromHour);
  const report: ReminderReport = { events: 0, queued: 0 };
  if (!tomorrow.due) return report;
  for (const event of await eventsStartingBetween(repos, tomorrow.start, tomorrow.end)) {
    report.events++;
    const confirmed = await repos.registrations.listByEvent(event.id, 'confirmed');
    report.queued += await repos.outbox.enqueueOnce(
      confirmed.map((r) => ({
        key: `reminder:${event.id}:${r.openid}`,
        message: {
          openid: r.openid,
          template: 'event_reminder',
          data: { eventId: event.id, title: event.title, startAt: event.startAt, location: event.location },
        },
      })),
      now.toISOString(),
    );
  }
  return report;
}

/** Published events that start in [from, to), read page by page in start order. */
async function eventsStartingBetween(repos: Repositories, from: string, to: string): Promise<EventRecord[]> {
  const found: EventRecord[] = [];
  let after: { startAt: string; id: string } | undefined;
  for (;;) {
    const page = await repos.events.list({ status: 'published', endsAfter: from, after, limit: EVENTS_PAGE });
    for (const e of page) {
      if (Date.parse(e.startAt) >= Date.parse(to)) return found;
      if (Date.parse(e.startAt) >= Date.parse(from)) found.push(e);
    }
    if (page.length < EVENTS_PAGE) return found;
    const last = page[page.length - 1];
    after = { startAt: last.startAt, id: last.id };
  }
}
