/**
 * Every time the app shows is in Asia/Shanghai, whatever the device's zone. Plain (no zod): the pages format with it,
 * and so does the gateway when it writes the first events into the page it serves.
 *
 * Shanghai has kept UTC+8 with no daylight saving since 1991, so a fixed offset (dayjs `utc` plugin)
 * gives the same answer as the `timezone` plugin without depending on `Intl` time-zone data,
 * which WeChat's JS engines do not reliably ship.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const SHANGHAI_OFFSET = '+08:00';

export function inShanghai(instant: string | number | Date): Dayjs {
  // The locale on each date, not dayjs' global one: the gateway's process shares dayjs with other code.
  return dayjs(instant).locale('zh-cn').utcOffset(SHANGHAI_OFFSET_MINUTES);
}

function dayPart(day: Dayjs, now: Dayjs): string {
  const date = day.format('M月D日 ddd');
  return day.year() === now.year() ? date : `${day.year()}年${date}`;
}

/** `12月3日 周三 14:00–16:00`, or both ends in full when the event spans days. */
export function formatEventTime(startAt: string, endAt: string, now: Date = new Date()): string {
  const today = inShanghai(now);
  const start = inShanghai(startAt);
  const end = inShanghai(endAt);
  if (start.isSame(end, 'day')) return `${dayPart(start, today)} ${start.format('HH:mm')}–${end.format('HH:mm')}`;
  return `${dayPart(start, today)} ${start.format('HH:mm')} – ${dayPart(end, today)} ${end.format('HH:mm')}`;
}

/** `12月3日 周三 14:00` */
export function formatDateTime(instant: string, now: Date = new Date()): string {
  const day = inShanghai(instant);
  return `${dayPart(day, inShanghai(now))} ${day.format('HH:mm')}`;
}

/** The date and time pickers' values (`2026-12-03`, `14:00`) of an instant, in Shanghai. */
export function splitInstant(instant: string): { date: string; time: string } {
  const day = inShanghai(instant);
  return { date: day.format('YYYY-MM-DD'), time: day.format('HH:mm') };
}

/** The instant a Shanghai date and time stand for, as ISO 8601 with its offset. */
export function joinInstant(date: string, time: string): string {
  return `${date}T${time}:00${SHANGHAI_OFFSET}`;
}

/** Today's date in Shanghai, for date pickers' lower bound. */
export function todayInShanghai(now: Date = new Date()): string {
  return inShanghai(now).format('YYYY-MM-DD');
}

/** `1994-01` → `1994年1月`: one way of writing a birth month on every screen. */
export function formatBirthMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}
