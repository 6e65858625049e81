/**
 * 到期删除: erase the personal fields of records whose retention has ended (rules: ./rules.ts), kind by kind, each
 * erasure audited in its own transaction. Run daily by the reminders timer and by the self-hosted gateway; a second
 * run the same day finds nothing and writes nothing.
 */
import type { Repositories, RetentionKind } from '../core/ports';
import { RETENTION_KINDS, erasureAudit, retentionCutoff } from './rules';

export type RetentionReport = Record<RetentionKind, number>;

export async function eraseExpiredPersonalData(deps: { repos: Repositories }, now: Date): Promise<RetentionReport> {
  const cutoff = retentionCutoff(now);
  const report = {} as RetentionReport;
  for (const kind of RETENTION_KINDS) {
    report[kind] = await deps.repos.retention.eraseExpired(kind, cutoff, now.toISOString(), (count) =>
      erasureAudit(kind, now, cutoff, count),
    );
  }
  return report;
}

export const erasedInAll = (report: RetentionReport): number => Object.values(report).reduce((sum, n) => sum + n, 0);
