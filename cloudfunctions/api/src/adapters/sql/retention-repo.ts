/**
 * Erasure on SQL: per kind one UPDATE of every expired record that still holds personal data, and its audit entry, in
 * one transaction. Which records and which values come from retention/rules.ts; only the column names live here.
 */
import type { RetentionKind, RetentionRepo } from '../../core/ports';
import {
  ANSWERED_GUIDANCE,
  CLOSED_FOLLOWUP_STATUSES,
  ERASED_CONTACT,
  ERASED_FOLLOWUP,
  ERASED_GUIDANCE,
  ERASED_RESUME,
  ERASED_STEP,
  FINAL_APPLICATION,
} from '../../retention/rules';
import { insertAudit } from './audit-repo';
import type { SqlDb, SqlExecutor } from './db';

/** Port field → column, for the fields erasure writes. */
const COLUMNS: Record<string, string> = {
  openid: 'openid', name: 'name', phone: 'phone', gender: 'gender', birthMonth: 'birth_month', occupation: 'occupation',
  employer: 'employer', politicalStatus: 'political_status', education: 'education', statement: 'statement',
  homeOrg: 'home_org', wish: 'wish', closeReason: 'close_reason', note: 'note', reason: 'reason', age: 'age',
  experience: 'experience', wantedJob: 'wanted_job', topic: 'topic', preferredTimes: 'preferred_times', answer: 'answer',
};

/**
 * `SET` and "still holds something" over `erased`, its values as parameters from `$first` on: a record is erased only
 * while some column differs from its erased value, so a second run matches nothing.
 */
function erasure(erased: Record<string, unknown>, first: number, alias = '') {
  const entries = Object.entries(erased);
  const param = (i: number) => `$${first + i}`;
  return {
    set: entries.map(([field], i) => `${COLUMNS[field]} = ${param(i)}`).join(', '),
    holds: `(${entries.map(([field], i) => `${alias}${COLUMNS[field]} IS DISTINCT FROM ${param(i)}`).join(' OR ')})`,
    params: entries.map(([, value]) => value),
  };
}

type Erase = (tx: SqlExecutor, cutoff: string) => Promise<number>;

async function eraseFollowups(tx: SqlExecutor, kind: 'intent' | 'report', cutoff: string): Promise<number> {
  const e = erasure(ERASED_FOLLOWUP, 4);
  const rows = await tx.query<{ id: string }>(
    `UPDATE followups SET ${e.set} WHERE kind = $1 AND status = ANY($2) AND updated_at < $3 AND ${e.holds} RETURNING id`,
    [kind, CLOSED_FOLLOWUP_STATUSES, cutoff, ...e.params],
  );
  if (rows.length) {
    const steps = erasure(ERASED_STEP, 2);
    await tx.query(`UPDATE followup_steps SET ${steps.set} WHERE followup_id = ANY($1)`, [rows.map((r) => r.id), ...steps.params]);
  }
  return rows.length;
}

const ERASE: Record<RetentionKind, Erase> = {
  intent: (tx, cutoff) => eraseFollowups(tx, 'intent', cutoff),
  report: (tx, cutoff) => eraseFollowups(tx, 'report', cutoff),

  async registration(tx, cutoff) {
    const e = erasure(ERASED_CONTACT, 2, 'r.');
    const rows = await tx.query(
      `UPDATE registrations r SET ${e.set} FROM events ev WHERE ev.id = r.event_id AND ev.end_at < $1 AND ${e.holds} RETURNING r.id`,
      [cutoff, ...e.params],
    );
    return rows.length;
  },

  async application(tx, cutoff) {
    const e = erasure(ERASED_RESUME, 3);
    const rows = await tx.query(
      `UPDATE applications SET ${e.set} WHERE status = ANY($1) AND updated_at < $2 AND ${e.holds} RETURNING id`,
      [FINAL_APPLICATION, cutoff, ...e.params],
    );
    return rows.length;
  },

  async guidance(tx, cutoff) {
    const e = erasure(ERASED_GUIDANCE, 3);
    const rows = await tx.query(
      `UPDATE guidance_requests SET ${e.set} WHERE status = ANY($1) AND answered_at < $2 AND ${e.holds} RETURNING id`,
      [ANSWERED_GUIDANCE, cutoff, ...e.params],
    );
    return rows.length;
  },
};

export function sqlRetentionRepo(db: SqlDb): RetentionRepo {
  return {
    eraseExpired(kind, cutoff, now, audit) {
      return db.transaction(async (tx) => {
        const count = await ERASE[kind](tx, cutoff);
        if (count) await insertAudit(tx, { ...audit(count), at: now });
        return count;
      });
    },
  };
}
