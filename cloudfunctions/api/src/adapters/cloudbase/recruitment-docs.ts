/**
 * What the four 云招聘 repositories share on CloudBase. What SQL keeps with UNIQUE constraints (a USCC, one live claim
 * per person, an enterprise once per fair, one application per person per job) is kept here by `unique_keys` documents
 * claimed in the writing transaction; what SQL joins (enterprise names) is read in a second query with a projection
 * that leaves the logo out.
 */
import type { Guard } from '../../core/ports';
import { notFound } from '../../core/errors';
import { getAll, inTransaction, type CloudDb, type CloudTransaction, type Doc } from './db';
import { writeEffects } from './effects';

export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const usccKey = (uscc: string) => `uscc:${uscc}`;
export const liveClaimKey = (openid: string) => `claim:${openid}`;
export const fairKey = (eventId: string, enterpriseId: string) => `fair:${eventId}:${enterpriseId}`;
export const applicationKey = (jobId: string, openid: string) => `application:${jobId}:${openid}`;

/** Enterprise names (and USCC, verified) by id, for the records that show them; never the logo. */
export async function enterpriseFacts(db: CloudDb, ids: string[]): Promise<Map<string, Doc>> {
  const unique = [...new Set(ids)];
  const facts = new Map<string, Doc>();
  for (let i = 0; i < unique.length; i += 100) {
    const page = unique.slice(i, i + 100);
    const docs = await getAll(
      db.collection('enterprises').where({ _id: db.command.in(page) }).field({ name: true, uscc: true, verified: true }),
    );
    for (const d of docs) facts.set(d._id, d);
  }
  return facts;
}

/**
 * One transaction: `read` the current record through the transaction, the pure `guard` decides, `write` applies the
 * patch (and answers what the caller gets), and the audit entry and the notification are written beside it. A guard
 * that throws writes nothing; a conflicting transaction runs again from the read.
 */
export async function guardedChange<R, P, Out>(
  db: CloudDb,
  now: string,
  what: string,
  steps: {
    read(tx: CloudTransaction): Promise<R | null>;
    write(tx: CloudTransaction, patch: P, current: R): Promise<Out>;
  },
  guard: Guard<R, P>,
): Promise<Out> {
  return inTransaction(db, async (tx) => {
    const current = await steps.read(tx);
    if (!current) throw notFound(what);
    const change = guard(current);
    const out = await steps.write(tx, change.patch, current);
    await writeEffects(tx, change, now);
    return out;
  });
}

/** The defined fields of a patch, as an update writes them. */
export function definedFields<P extends object>(patch: P): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
