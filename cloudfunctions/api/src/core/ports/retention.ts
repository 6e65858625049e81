/** Erasure of personal fields once a record's retention has ended (the rules: retention/rules.ts). */
import type { AuditDraft } from './change';

/** `intent`/`report` (follow-ups), `registration`, `application`, `guidance`: one erasure rule each. */
export type RetentionKind = 'intent' | 'report' | 'registration' | 'application' | 'guidance';

export interface RetentionRepo {
  /**
   * Erases, by the kind's rule, the personal fields of every record of `kind` whose matter ended before `cutoff` and
   * that still holds some; each batch is one transaction that also writes `audit(count)` for it (none for an empty
   * batch). Answers how many records were erased: 0 on a second run.
   */
  eraseExpired(kind: RetentionKind, cutoff: string, now: string, audit: (count: number) => AuditDraft): Promise<number>;
}
