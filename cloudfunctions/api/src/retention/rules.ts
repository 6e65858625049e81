/**
 * Data retention: what the privacy notice promises (办理结束后保存 RETENTION_YEARS 年，到期删除姓名、电话等个人信息),
 * as one table both adapters read. The clock starts when the matter ends, never at creation:
 *
 * | kind           | ended when                                             | clock            | erased                                                        |
 * | -------------- | ------------------------------------------------------ | ---------------- | ------------------------------------------------------------- |
 * | `intent`       | status `closed` (final: nothing changes it afterwards)  | `updatedAt`      | openid, name, phone, gender, birthMonth, occupation, employer, |
 * | `report`       | status `closed`                                         | `updatedAt`      |   politicalStatus, education, statement, homeOrg, wish,        |
 * |                |                                                        |                  |   closeReason; the timeline's staff notes and reasons          |
 * | `registration` | its event has ended (whatever the event's status)      | event `endAt`    | contact name → 已删除, phone → ''                              |
 * | `application`  | status `hired` / `rejected` / `withdrawn` (final)      | `updatedAt`      | résumé: name → 已删除, phone → '', age → 0, experience,         |
 * |                |                                                        |                  |   wantedJob, note                                              |
 * | `guidance`     | status `answered` (final)                              | `answeredAt`     | phone → '', topic → 已删除, preferredTimes → '', answer → 已删除 |
 *
 * Kept: ids, kind, status, dates, the party organisation a record was assigned to, event counts and fair figures, so
 * every statistic reads the same after erasure. Open records keep everything however old they are. Erasure does not
 * move `updatedAt`: the clock stays where the matter ended and the audit log records when the erasure ran. Columns
 * that are NOT NULL get placeholders (`已删除`, '', 0) instead of null; a withdrawn follow-up was already erased at
 * withdrawal, apart from its occupation and close reason, which this erases once more.
 */
import { RETENTION_YEARS } from '@shared/intents';
import type { AuditDraft, FollowupPatch, RetentionKind } from '../core/ports';
import { ERASED } from '../followups/rules';
import { FINAL_APPLICATION_STATUSES } from '../recruitment/rules';

export const RETENTION_KINDS: readonly RetentionKind[] = ['intent', 'report', 'registration', 'application', 'guidance'];

/** A follow-up's one final status. */
export const CLOSED_FOLLOWUP_STATUSES: readonly string[] = ['closed'];
export const FINAL_APPLICATION: readonly string[] = FINAL_APPLICATION_STATUSES;
export const ANSWERED_GUIDANCE: readonly string[] = ['answered'];

/** What shows in place of an erased name or text in a column that must hold something. */
export const ERASED_TEXT = '已删除';

export const ERASED_FOLLOWUP = { ...ERASED, occupation: null, closeReason: null } satisfies FollowupPatch;
/** Steps are the timeline: who moved the record when stays; the free text written about the person goes. */
export const ERASED_STEP = { note: null, reason: null } as const;
export const ERASED_CONTACT = { name: ERASED_TEXT, phone: '' } as const;
/** The résumé after erasure; the optional fields are absent (null in SQL). */
export const ERASED_RESUME = { name: ERASED_TEXT, phone: '', age: 0, experience: null, wantedJob: null, note: null } as const;
export const ERASED_GUIDANCE = { topic: ERASED_TEXT, preferredTimes: '', phone: '', answer: ERASED_TEXT } as const;

/** Whether some field still differs from its erased value (a missing field counts as null): erasure is still owed. */
export function holdsPersonalData(current: Record<string, unknown>, erased: Record<string, unknown>): boolean {
  return Object.entries(erased).some(([key, value]) => (current[key] ?? null) !== value);
}

/** Records whose matter ended before this instant are past retention: the same instant RETENTION_YEARS years ago. */
export function retentionCutoff(now: Date): string {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - RETENTION_YEARS);
  return cutoff.toISOString();
}

export const endedBefore = (endedAt: string | null, cutoff: string): boolean =>
  endedAt !== null && Date.parse(endedAt) < Date.parse(cutoff);

/** China has kept UTC+8 all year since 1991: the calendar day and hour in Shanghai are a fixed offset away. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The reminders timer runs every 10 minutes; erasure needs a run a day, in the quiet hour (Shanghai) it starts in. */
export const ERASURE_HOUR = 3;

export function isErasureHour(now: Date): boolean {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCHours() === ERASURE_HOUR;
}

/** `YYYY-MM-DD` in Shanghai: the audit entry of a run is filed under its day. */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export const RETENTION_ACTOR = 'system:retention';

/** One audit entry per erased batch of a kind, saying how many records lost their personal fields and why. */
export function erasureAudit(kind: RetentionKind, now: Date, cutoff: string, count: number): AuditDraft {
  return {
    actor: RETENTION_ACTOR,
    action: 'retention.erase',
    recordType: kind,
    recordId: shanghaiDay(now),
    detail: JSON.stringify({ count, endedBefore: cutoff, years: RETENTION_YEARS }),
  };
}
